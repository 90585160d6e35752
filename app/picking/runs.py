"""What a picker is given: pick runs, each a walk of pick tasks, and the carts they fill."""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import StrEnum

from app.picking.layout import Spot


class Method(StrEnum):
    """The four ways to pick (cluster is batch picking into one tote per order)."""

    SINGLE = "single"  # one order per walk
    BATCH = "batch"  # the total of each product for several orders; sorted at the station
    CLUSTER = "cluster"  # a cart of totes, one order per tote (or several for a big order)
    ZONE = "zone"  # each zone picks its part of each order; parts meet at packing
    WAVE = "wave"  # every zone picks the wave's totals at once; sorted at consolidation


@dataclass(frozen=True, slots=True)
class Cart:
    """A picking cart: K totes of a given capacity; a put wall of ``sort_slots`` orders."""

    totes: int = 6
    tote_volume_cm3: float = 40_000.0
    tote_weight_g: float = 15_000.0
    sort_slots: int = 24

    def __post_init__(self) -> None:
        if self.totes < 1 or self.sort_slots < 1:
            raise ValueError("a cart has at least one tote and one sort slot")
        if self.tote_volume_cm3 <= 0 or self.tote_weight_g <= 0:
            raise ValueError("a tote holds some volume and some weight")

    def totes_needed(self, volume_cm3: float, weight_g: float) -> int:
        """Totes an order fills, at least one; more than the cart holds for a huge order."""
        need = max(volume_cm3 / self.tote_volume_cm3, weight_g / self.tote_weight_g, 1e-9)
        return max(1, math.ceil(need - 1e-9))

    def totes_for(self, volume_cm3: float, weight_g: float) -> int:
        """Cart space an order takes in batching: its totes, at most the whole cart."""
        return min(self.totes, self.totes_needed(volume_cm3, weight_g))

    def fits(self, volume_cm3: float, weight_g: float, unit: tuple[float, float]) -> bool:
        """Does one more unit (volume, weight) fit a tote already holding this much?"""
        return (
            volume_cm3 + unit[0] <= self.tote_volume_cm3 + 1e-9
            and weight_g + unit[1] <= self.tote_weight_g + 1e-9
        )

    @property
    def share_units(self) -> int:
        """Capacity units of one cart when orders are picked in bulk (batch picking)."""
        return 1000

    def share_of_cart(self, volume_cm3: float, weight_g: float) -> int:
        """Units of ``share_units`` an order takes in bulk: volume, weight or a sort slot."""
        whole = self.totes * self.tote_volume_cm3, self.totes * self.tote_weight_g
        share = max(volume_cm3 / whole[0], weight_g / whole[1], 1 / self.sort_slots)
        return min(self.share_units, max(1, math.ceil(share * self.share_units - 1e-9)))


@dataclass(frozen=True, slots=True)
class Allocation:
    """Part of a pick task meant for one order line (and, on a cart, its tote)."""

    order: str
    line_no: int
    quantity: int
    tote: int | None  # 1-based position on the cart; None when sorted later


@dataclass(frozen=True, slots=True)
class PickTask:
    """Take ``quantity`` of ``sku`` from ``location``, shared out as ``allocations`` say."""

    location: str
    spot: Spot
    sku: str
    quantity: int
    allocations: tuple[Allocation, ...]


@dataclass(frozen=True, slots=True)
class PickRun:
    """One walk from the depot and back, in walking order."""

    key: str
    wave: int
    method: Method
    zone: str | None
    orders: tuple[str, ...]
    tasks: tuple[PickTask, ...]
    length_m: float
    urgent: bool
    totes: tuple[tuple[str, tuple[int, ...]], ...] = ()  # order -> its tote positions

    @property
    def needs_sorting(self) -> bool:
        """Picked in bulk: the station sorts the items to their orders."""
        return self.method in (Method.BATCH, Method.WAVE)

    @property
    def needs_consolidation(self) -> bool:
        """Orders arrive in parts (one per zone) that must meet before packing."""
        return self.method in (Method.ZONE, Method.WAVE)
