"""Seeded multi-block picking instances for the routing benchmark and tests.

Three floors with two or three blocks (extra cross aisles between blocks), 30 and 100 picks
each at distinct (aisle, bay) faces drawn uniformly with a fixed seed; the depot is stop 0.
The same call always returns the same instances.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from app.picking.layout import Layout, Spot

# name: (aisles, bays per block), as in the issue: small and large two-block, three-block.
FLOORS: dict[str, tuple[int, tuple[int, ...]]] = {
    "2x15": (10, (15, 15)),
    "2x25": (20, (25, 25)),
    "3x10": (12, (10, 10, 10)),
}
SIZES = (30, 30, 100, 100, 100)  # per floor: 15 instances, 9 of them with 100 picks


@dataclass(frozen=True)
class Instance:
    """One pick run: the layout, its stops (depot first) and their walking distances."""

    name: str
    layout: Layout
    spots: tuple[Spot, ...]
    dist: NDArray[np.float64]

    @property
    def picks(self) -> int:
        return len(self.spots) - 1


def random_spots(layout: Layout, picks: int, seed: int) -> tuple[Spot, ...]:
    """The depot, then ``picks`` distinct pick faces drawn uniformly over (aisle, bay)."""
    rng = np.random.default_rng(seed)
    bays = layout.bays_per_aisle
    faces = rng.choice(len(layout.aisles) * bays, size=picks, replace=False)
    return (layout.depot, *(layout.spot(int(f) // bays, int(f) % bays) for f in faces))


def instance(floor: str, picks: int, seed: int) -> Instance:
    aisles, blocks = FLOORS[floor]
    layout = Layout.grid(aisles, blocks)
    spots = random_spots(layout, picks, seed)
    return Instance(f"{floor}-{picks}-s{seed}", layout, spots, layout.distance_matrix(spots))


def instances() -> list[Instance]:
    """The benchmark set: every floor with every size in ``SIZES``, seeds 1, 2, ..."""
    out = []
    for floor in FLOORS:
        for seed, picks in enumerate(SIZES, start=1):
            out.append(instance(floor, picks, seed))
    return out
