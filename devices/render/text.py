"""Text from documents made safe for a printer: one line, no control characters."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence

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


def longest_prefix(text: str, fits: Callable[[str], bool]) -> int:
    """The largest n with ``fits(text[:n])``, by bisection (0 when none does)."""
    low, high = 0, len(text)
    while low < high:
        mid = (low + high + 1) // 2
        if fits(text[:mid]):
            low = mid
        else:
            high = mid - 1
    return low


def wrap_words(text: str, fits: Callable[[str], bool]) -> list[str]:
    """``text`` broken into lines that ``fit`` (words kept whole unless one alone is too
    wide); line breaks in ``text`` are kept. Every renderer wraps by this one rule, so a
    preview breaks lines where the printer does."""
    lines: list[str] = []
    for paragraph in text.splitlines() or [""]:
        current = ""
        for word in clean(paragraph).split(" "):
            candidate = f"{current} {word}" if current else word
            if fits(candidate):
                current = candidate
                continue
            if current:
                lines.append(current)
            current = word
            while len(current) > 1 and not fits(current):
                cut = max(1, longest_prefix(current, fits))
                lines.append(current[:cut])
                current = current[cut:]
        lines.append(current)
    return lines


def address_lines(lines: Sequence[str], max_lines: int) -> list[str]:
    """An address's street lines in at most ``max_lines``: the first ones are joined, the
    last kept apart (postcode, city and country matter most to the carrier)."""
    kept = [line for line in map(clean, lines) if line]
    if len(kept) > max_lines:
        kept = [", ".join(kept[: len(kept) - max_lines + 1]), *kept[-max_lines + 1 :]]
    return kept
