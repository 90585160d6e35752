"""Tote's own barcodes: commands, operator badges, boxes, locations and totes.

They read ``KIND:VALUE`` (``CMD:ASIDE``, ``OP:OP-001``, ``BOX:BOX-M``,
``LOC:A-03-12-2-1``, ``TOTE:T-0042``, ``RSN:NO-FIT``), printable in Code128 and typeable by
hand. Order numbers, SKUs and GTINs never contain a colon, so nothing else can be mistaken
for one.
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
    REASON = "RSN"  # why the operator departs from the plan (app.domain.pack_reasons)


class Command(StrEnum):
    ASIDE = "ASIDE"  # put the current order aside, its scans kept
    REPRINT = "REPRINT"  # produce the last packed order's documents again
    SHORT = "SHORT"  # picking: the rest of this task is not there; packing: ship without
    SKIP = "SKIP"  # picking: come back to this task at the end of the run
    DAMAGED = "DAMAGED"  # a unit is damaged: picking leaves it, packing takes it out
    BOX_OK = "BOX-OK"  # packing: the suggested box is the one used
    CLOSE_BOX = "CLOSE-BOX"  # packing: this box is full; weigh it, label it, open the next
    REMOVE = "REMOVE"  # packing: the next item scanned comes out of the open box


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
    upper = code_kind in (CodeKind.COMMAND, CodeKind.REASON)
    return ToteCode(code_kind, value.upper() if upper else value)


def encode(kind: CodeKind, value: str) -> str:
    """The barcode text for a label or a command sheet."""
    return f"{kind.value}:{value}"
