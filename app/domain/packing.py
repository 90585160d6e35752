"""Scan-to-verify rules, pure: does this product, in these units, belong in this order now?"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from app.domain.reasons import Reason


@dataclass(frozen=True, slots=True)
class LineProgress:
    line_no: int
    product_id: int
    qty_ordered: int
    qty_packed: int

    @property
    def remaining(self) -> int:
        return self.qty_ordered - self.qty_packed


@dataclass(frozen=True, slots=True)
class Accept:
    line_no: int
    units: int


@dataclass(frozen=True, slots=True)
class Refuse:
    reason: Reason
    params: dict[str, int] = field(default_factory=dict)


def verify_item(lines: Sequence[LineProgress], product_id: int, units: int) -> Accept | Refuse:
    """Pick the first line of ``product_id`` with room for ``units``.

    A case barcode (``units`` > 1) is accepted only whole: half a case cannot be scanned.
    """
    mine = [line for line in lines if line.product_id == product_id]
    if not mine:
        return Refuse(Reason.WRONG_ITEM)
    remaining = sum(line.remaining for line in mine)
    if remaining == 0:
        ordered = sum(line.qty_ordered for line in mine)
        return Refuse(Reason.OVER_PACK, {"ordered": ordered})
    for line in mine:
        if line.remaining >= units:
            return Accept(line.line_no, units)
    return Refuse(Reason.CASE_EXCEEDS_REMAINING, {"units": units, "remaining": remaining})


def is_complete(lines: Sequence[LineProgress]) -> bool:
    return all(line.remaining == 0 for line in lines)
