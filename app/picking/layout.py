"""The warehouse floor as a picker walks it: parallel aisles crossed by cross aisles.

Aisles run front to back (``y``) and stand side by side (``x``). Cross aisles run across all
aisles at the front (``y = 0``), at the back, and between blocks of racking. Bays are numbered
from 0 at the front across all blocks; a pick face is reached from its aisle at its bay's
middle, whatever side, level or position it is on. Walking distance follows the floor: along
an aisle, or along one aisle to a cross aisle, across, and up or down the other aisle.
Lengths are metres.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # numpy is imported where arrays are made: the kiosk starts without it
    import numpy as np
    from numpy.typing import NDArray


@dataclass(frozen=True, slots=True)
class Spot:
    """A point a picker walks to: an aisle (index, left to right) and a depth in it."""

    aisle: int
    y: float


@dataclass(frozen=True, slots=True)
class AisleSpec:
    """One aisle: the zone it belongs to, its number on the floor signs, its ``x``."""

    zone: str
    number: int
    x: float


@dataclass(frozen=True)
class Layout:
    """Aisles left to right, blocks of bays front to back, and where pick runs start and end."""

    aisles: tuple[AisleSpec, ...]
    block_bays: tuple[int, ...]  # bays per aisle in each block, front block first
    bay_width: float = 1.0
    cross_margin: float = 1.0  # from a cross aisle's centre line to the first bay
    depot: Spot = Spot(0, 0.0)

    def __post_init__(self) -> None:
        if not self.aisles or not self.block_bays or min(self.block_bays) < 1:
            raise ValueError("a layout needs at least one aisle and one block of bays")
        if not 0 <= self.depot.aisle < len(self.aisles):
            raise ValueError("the depot must stand at one of the aisles")
        if not any(abs(self.depot.y - c) < 1e-9 for c in self.cross_ys):
            # Routes start and end on a cross aisle: the exact single-block method and the
            # pickers' walks both assume it (a depot inside an aisle is not a real station).
            raise ValueError("the depot must stand on a cross aisle (front, back or between)")
        xs = [a.x for a in self.aisles]
        if any(b <= a for a, b in itertools.pairwise(xs)):
            raise ValueError("aisles must be listed left to right, each further right")

    @classmethod
    def grid(
        cls,
        aisles: int,
        block_bays: Sequence[int],
        *,
        aisle_spacing: float = 3.0,
        bay_width: float = 1.0,
        cross_margin: float = 1.0,
        zone: str = "",
    ) -> Layout:
        """Evenly spaced aisles numbered from 1, depot at the front of the leftmost aisle."""
        specs = tuple(AisleSpec(zone, i + 1, i * aisle_spacing) for i in range(aisles))
        return cls(specs, tuple(block_bays), bay_width, cross_margin)

    @cached_property
    def cross_ys(self) -> tuple[float, ...]:
        """Centre lines of the cross aisles, front (0.0) to back."""
        ys = [0.0]
        for bays in self.block_bays:
            ys.append(ys[-1] + 2 * self.cross_margin + bays * self.bay_width)
        return tuple(ys)

    @property
    def length(self) -> float:
        """Front to back cross aisle, along any aisle."""
        return self.cross_ys[-1]

    @property
    def single_block(self) -> bool:
        return len(self.block_bays) == 1

    @cached_property
    def aisle_xs(self) -> NDArray[np.float64]:
        import numpy as np

        return np.array([a.x for a in self.aisles], dtype=np.float64)

    @cached_property
    def _aisle_index(self) -> dict[tuple[str, int], int]:
        return {(a.zone, a.number): i for i, a in enumerate(self.aisles)}

    def aisle_index(self, zone: str, number: int) -> int:
        """The index of aisle ``number`` of ``zone``; KeyError names an aisle not on the floor."""
        try:
            return self._aisle_index[(zone, number)]
        except KeyError:
            raise KeyError(f"aisle {zone}-{number} is not on this layout") from None

    def bay_y(self, bay: int) -> float:
        """Depth of the middle of bay ``bay`` (0 = front bay of the front block)."""
        first = 0
        for block, bays in enumerate(self.block_bays):
            if bay < first + bays:
                return (
                    self.cross_ys[block] + self.cross_margin + (bay - first + 0.5) * self.bay_width
                )
            first += bays
        raise ValueError(f"bay {bay} is beyond the last block ({first} bays per aisle)")

    @property
    def bays_per_aisle(self) -> int:
        return sum(self.block_bays)

    def spot(self, aisle: int, bay: int) -> Spot:
        if not 0 <= aisle < len(self.aisles):
            raise ValueError(f"aisle index {aisle} is not on this layout")
        return Spot(aisle, self.bay_y(bay))

    def distance(self, a: Spot, b: Spot) -> float:
        """Shortest walk between two spots: straight along one aisle, else via a cross aisle."""
        if a.aisle == b.aisle:
            return abs(a.y - b.y)
        across = abs(self.aisles[a.aisle].x - self.aisles[b.aisle].x)
        return across + min(abs(a.y - c) + abs(b.y - c) for c in self.cross_ys)

    def distance_matrix(self, spots: Sequence[Spot]) -> NDArray[np.float64]:
        """All pairwise walking distances (the same rule as ``distance``), vectorised."""
        import numpy as np

        aisle = np.array([s.aisle for s in spots], dtype=np.int64)
        y = np.array([s.y for s in spots], dtype=np.float64)
        x = self.aisle_xs[aisle]
        cross = np.array(self.cross_ys, dtype=np.float64)
        to_cross = np.abs(y[:, None] - cross[None, :])  # (n, c)
        via = (to_cross[:, None, :] + to_cross[None, :, :]).min(axis=2)
        out: NDArray[np.float64] = np.abs(x[:, None] - x[None, :]) + via
        same = aisle[:, None] == aisle[None, :]
        out[same] = np.abs(y[:, None] - y[None, :])[same]
        return out
