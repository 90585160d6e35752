"""The demo warehouse's floor, drawn from its locations: one function for hub and kiosk.

A demo hub (``sync.hub.demo_seed``) sends this layout through the feed; a stand-alone demo
kiosk stores it with its demo data (``app.demo.seed``). Both build it from the same
generated locations, so both demos plan picks on the same floor.

The floor: zones A, B, C and D side by side, left to right, each zone's aisles numbered from
1 and 3 m apart, with one empty aisle's width (3 m more) between zones. Two blocks of six
bays with a cross aisle between them (a twelve-bay aisle has bays 1-6 in front, 7-12 at
the back; shorter zones leave the back empty). Bays 1 m wide, 1 m from a cross aisle's
centre line to the first bay. The packing stations (the depot) stand at the front of the
leftmost aisle.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from app.demo.catalogue import ZONES
from app.picking.layout import AisleSpec, Layout, Spot

AISLE_SPACING_M = 3.0
ZONE_GAP_M = 3.0  # one empty aisle's width between two zones
BLOCK_BAYS = (6, 6)
BAY_WIDTH_M = 1.0
CROSS_MARGIN_M = 1.0
_ZONE_ORDER = {z.zone: n for n, z in enumerate(ZONES)}


class PlacedLocation(Protocol):
    """Where a pick face is (a ``DemoLocation``, a protocol ``LocationDoc``, a store row)."""

    @property
    def zone(self) -> str: ...
    @property
    def aisle(self) -> int: ...
    @property
    def bay(self) -> int: ...


def demo_layout(locations: Iterable[PlacedLocation]) -> Layout:
    """The demo floor holding ``locations``: every zone they name gets aisles 1 to its
    highest aisle number (zones in the demo's order A, B, C, D; others after, by name).

    Raises ValueError for a location beyond the demo's two blocks of bays.
    """
    aisles_of: dict[str, int] = {}
    deepest = 0
    for loc in locations:
        aisles_of[loc.zone] = max(aisles_of.get(loc.zone, 0), loc.aisle)
        deepest = max(deepest, loc.bay)
    if not aisles_of:
        raise ValueError("the demo floor needs at least one location")
    if deepest > sum(BLOCK_BAYS):
        raise ValueError(f"bay {deepest} is deeper than the demo floor's {sum(BLOCK_BAYS)} bays")
    specs: list[AisleSpec] = []
    x = 0.0
    for zone in sorted(aisles_of, key=lambda z: (_ZONE_ORDER.get(z, len(_ZONE_ORDER)), z)):
        if specs:
            x += ZONE_GAP_M
        for number in range(1, aisles_of[zone] + 1):
            specs.append(AisleSpec(zone, number, x))
            x += AISLE_SPACING_M
    return Layout(tuple(specs), BLOCK_BAYS, BAY_WIDTH_M, CROSS_MARGIN_M, Spot(0, 0.0))
