"""Text from documents made safe for a printer: one line, no control characters."""

from __future__ import annotations

import unicodedata

# Controls, surrogates, private use, unassigned, and line/paragraph separators.
_DROPPED_CATEGORIES = frozenset({"Cc", "Cs", "Co", "Cn", "Zl", "Zp"})


def clean(text: str, squeeze: bool = True) -> str:
    """``text`` on one line (NFC): line breaks and tabs become spaces, other controls and
    lone surrogates go, and (``squeeze``) runs of white space become one space. A printer
    would otherwise act on a control byte, and a lone surrogate cannot even be encoded."""
    out = []
    for ch in unicodedata.normalize("NFC", text):
        if unicodedata.category(ch) in _DROPPED_CATEGORIES:
            if ch in "\n\r\t\v\f\u2028\u2029\x85":
                out.append(" ")
            continue
        out.append(ch)
    line = "".join(out)
    return " ".join(line.split()) if squeeze else line
