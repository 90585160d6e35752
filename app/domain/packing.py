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
    substitutes: frozenset[int] = frozenset()  # products the customer accepts instead

    @property
    def remaining(self) -> int:
        return self.qty_ordered - self.qty_packed


@dataclass(frozen=True, slots=True)
class Accept:
    """Where the scanned units go: (line_no, units) per line, in line order."""

    allocations: tuple[tuple[int, int], ...]

    @property
    def line_no(self) -> int:
        return self.allocations[0][0]

    @property
    def units(self) -> int:
        return sum(units for _, units in self.allocations)


@dataclass(frozen=True, slots=True)
class Refuse:
    reason: Reason
    params: dict[str, int] = field(default_factory=dict)


def verify_item(lines: Sequence[LineProgress], product_id: int, units: int) -> Accept | Refuse:
    """Put ``units`` of ``product_id`` on its lines, first line first (or on lines that
    accept it as a substitute).

    A case barcode (``units`` > 1) is accepted only whole (half a case cannot be scanned),
    but may fill several lines of the same product.
    """
    mine = [line for line in lines if line.product_id == product_id]
    if not mine or not any(line.remaining for line in mine):
        # A substitute the order allows (picked when its own product was short) fills the
        # lines that accept it; the line's own product, when there is one, comes first.
        mine += [line for line in lines if product_id in line.substitutes]
    if not mine:
        return Refuse(Reason.WRONG_ITEM)
    remaining = sum(line.remaining for line in mine)
    if remaining == 0:
        ordered = sum(line.qty_ordered for line in mine)
        return Refuse(Reason.OVER_PACK, {"ordered": ordered})
    if units > remaining:
        return Refuse(Reason.CASE_EXCEEDS_REMAINING, {"units": units, "remaining": remaining})
    allocations = []
    left = units
    for line in mine:
        take = min(left, line.remaining)
        if take:
            allocations.append((line.line_no, take))
            left -= take
        if not left:
            break
    return Accept(tuple(allocations))


def is_complete(lines: Sequence[LineProgress]) -> bool:
    return all(line.remaining == 0 for line in lines)
