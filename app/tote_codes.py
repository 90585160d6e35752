"""Tote's own barcodes: commands, operator badges, boxes, locations and totes.

They read ``KIND:VALUE`` (``CMD:ASIDE``, ``OP:OP-001``, ``BOX:BOX-M``, ``LOC:A-03-12-2-1``,
``TOTE:T-0042``), printable in Code128 and typeable by hand. Order numbers, SKUs and GTINs
never contain a colon, so nothing else can be mistaken for one.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class CodeKind(StrEnum):
    COMMAND = "CMD"
    OPERATOR = "OP"
    BOX = "BOX"
    LOCATION = "LOC"
    TOTE = "TOTE"


class Command(StrEnum):
    ASIDE = "ASIDE"  # put the current order aside, its scans kept
    REPRINT = "REPRINT"  # produce the last packed order's documents again
    SHORT = "SHORT"  # picking: the rest of this task is not there (bin empty)
    SKIP = "SKIP"  # picking: come back to this task at the end of the run
    DAMAGED = "DAMAGED"  # picking: one unit here is damaged and was not taken


@dataclass(frozen=True, slots=True)
class ToteCode:
    kind: CodeKind
    value: str

    @property
    def command(self) -> Command | None:
        if self.kind is not CodeKind.COMMAND:
            return None
        try:
            return Command(self.value)
        except ValueError:
            return None


def parse_tote_code(text: str) -> ToteCode | None:
    """The Tote code in ``text``, or None when it is not one (case-insensitive kind)."""
    kind, sep, value = text.partition(":")
    if not sep or not value.strip():
        return None
    try:
        code_kind = CodeKind(kind.strip().upper())
    except ValueError:
        return None
    value = value.strip()
    return ToteCode(code_kind, value.upper() if code_kind is CodeKind.COMMAND else value)


def encode(kind: CodeKind, value: str) -> str:
    """The barcode text for a label or a command sheet."""
    return f"{kind.value}:{value}"
