"""The packer's view of an order: one kind per order line, with the orientations it allows.

Units of a kind are interchangeable, so the packer only counts them; unit numbers are handed
out when the placements are written (``PlacementWriter``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import permutations

from app.cartonization.model import BoxSpec, ItemSpec, Placement, Rotation

Dims = tuple[int, int, int]


def orientations(item: ItemSpec) -> tuple[Dims, ...]:
    """The (x, y, z) extents a unit may take, without repeats, the given one first."""
    length, width, height = item.dims
    if item.rotation is Rotation.NEVER:
        found: list[Dims] = [(length, width, height)]
    elif item.rotation is Rotation.KEEP_FLAT:
        found = [(length, width, height), (width, length, height)]
    else:
        found = [(a, b, c) for a, b, c in permutations(item.dims)]
    return tuple(dict.fromkeys(found))


@dataclass(frozen=True, slots=True)
class Kind:
    """One order line as the packer sees it."""

    index: int
    key: str
    weight: int
    volume: int
    orients: tuple[Dims, ...]
    fragile: bool
    area: int  # the largest face: how much floor the unit can cover
    longest: int
    middle: int
    thin: int  # the shortest side: a flat unit's thickness
    turns: bool  # may be turned about the vertical (a quarter turn is allowed)

    def fits(self, space: Dims) -> bool:
        return any(a <= space[0] and b <= space[1] and c <= space[2] for a, b, c in self.orients)

    def fits_box(self, box: BoxSpec) -> bool:
        return self.weight <= box.payload_g and self.fits(box.inner_mm)


def kinds_of(items: Sequence[ItemSpec]) -> list[Kind]:
    """A kind per line with units to pack (lines of quantity 0 are left out)."""
    kinds: list[Kind] = []
    for item in items:
        if item.qty <= 0:
            continue
        found = orientations(item)
        a, b, c = sorted(item.dims, reverse=True)
        kinds.append(
            Kind(
                index=len(kinds),
                key=item.key,
                weight=item.weight_g,
                volume=item.volume_mm3,
                orients=found,
                fragile=item.fragile,
                area=a * b,
                longest=a,
                middle=b,
                thin=c,
                turns=all((b, a, c) in found for a, b, c in found),
            )
        )
    return kinds


# A block is a cuboid of nx * ny * nz units of one kind in one orientation:
# (kind, x, y, z, length, width, height, nx, ny, nz).
Block = tuple[int, int, int, int, int, int, int, int, int, int]


class PlacementWriter:
    """Turns blocks into placements, numbering each kind's units across all the cartons."""

    def __init__(self, kinds: Sequence[Kind]) -> None:
        self._kinds = kinds
        self._next = [0] * len(kinds)

    def write(self, blocks: Sequence[Block]) -> tuple[Placement, ...]:
        out = []
        for kind, x, y, z, a, b, c, nx, ny, nz in blocks:
            key = self._kinds[kind].key
            for i in range(nx):
                for j in range(ny):
                    for k in range(nz):
                        out.append(
                            Placement(
                                key, self._next[kind], x + i * a, y + j * b, z + k * c, a, b, c
                            )
                        )
                        self._next[kind] += 1
        return tuple(out)
