"""Filling one carton: cuboid blocks of like units put into guillotine-cut empty spaces.

Each step takes the lowest empty space (or the largest, by plan), puts one block in its
corner (a column, row or slab of one order line's units, all turned the same way) and cuts
the rest of the space in three: one above the block and two beside it. Spaces never overlap
and stay inside the carton, so units never overlap or stick out.

A plain cut leaves above the block only its footprint (what goes there stands wholly on it)
and full-height spaces beside it. A pile cut leaves the whole space above the block and
spaces beside it only as high as the block, so the next layer may overhang, the way a
packer piles sheets of different sizes. Either way a unit is put only where it rests at
least partly on the top of a block (or the floor) and on no fragile top, checked against
the tops placed so far. Nothing goes above a fragile block; fragile blocks are one unit
high and fragile lines are packed last.

This is the block-building idea of container loading (Bortfeldt and Gehring; Fanslau and
Bortfeldt), written here from scratch. A fill takes well under a millisecond for a typical
order, so several plans can be tried per carton.
"""

from __future__ import annotations

import heapq
from collections.abc import Sequence
from dataclasses import dataclass

from app.cartonization.kinds import Block, Dims, Kind

Space = tuple[int, int, int, int, int, int]  # x, y, z, length, width, height
Rect = tuple[int, int, int, int]  # x0, y0, x1, y1


@dataclass(frozen=True, slots=True)
class Plan:
    """One way of filling: which kinds go first, and how a space's block is chosen."""

    order: str  # a key of ORDERS
    greedy: bool = True  # the first kind (in order) that fits takes the space, else the best
    spread: bool = True  # among blocks of as many units, prefer the widest footprint
    low_first: bool = True  # fill the lowest space first (else the largest)
    pile: bool = False  # the space above a block spans the whole space: piles may overhang


# Fragile kinds always go last, so that they end up on top.
ORDERS = {
    "volume": lambda k: (k.fragile, -k.volume, -k.area, k.index),
    "area": lambda k: (k.fragile, -k.area, -k.volume, k.index),
    "longest": lambda k: (k.fragile, -k.longest, -k.area, -k.volume, k.index),
    "thick": lambda k: (k.fragile, -k.thin, -k.area, k.index),
}


@dataclass(slots=True)
class Fill:
    """What one run put in the carton: its blocks, units per kind, weight and volume."""

    blocks: list[Block]
    placed: list[int]
    weight: int
    volume: int


def fill(
    inner: Dims, payload: int, kinds: Sequence[Kind], counts: Sequence[int], plan: Plan
) -> Fill:
    """Put as many of ``counts`` units (per kind) into a carton as ``plan`` manages."""
    return _Run(inner, payload, kinds, counts, plan).fill()


class _Run:
    """One fill of one carton: the empty spaces left, and the tops units may stand on."""

    def __init__(
        self, inner: Dims, payload: int, kinds: Sequence[Kind], counts: Sequence[int], plan: Plan
    ) -> None:
        self.plan = plan
        self.order = sorted((k for k in kinds if counts[k.index]), key=ORDERS[plan.order])
        self.left = list(counts)
        self.room = payload
        self.result = Fill([], [0] * len(kinds), 0, 0)
        self.spaces: list[tuple[tuple[int, ...], Space]] = []
        self.least = (0, 0, 0)
        self._narrow()
        self._push((0, 0, 0, *inner))
        # Tops of placed blocks by height, as (x0, y0, x1, y1): what may carry a unit, and
        # (fragile ones) what must not.
        self.tops: dict[int, list[Rect]] = {}
        self.fragile_tops: dict[int, list[Rect]] = {}

    def fill(self) -> Fill:
        spaces = self.spaces
        while spaces and self.order:
            space = heapq.heappop(spaces)[1]
            found = self._best_block(space)
            if found is not None:
                self._place(space, *found)
        return self.result

    def _narrow(self) -> None:
        """The smallest sides any unit left has: a space narrower than these is dead."""
        order = self.order
        if order:
            self.least = (
                min(k.longest for k in order),
                min(k.middle for k in order),
                min(k.thin for k in order),
            )

    def _push(self, space: Space) -> None:
        x, y, z, sl, sw, sh = space
        p, q, r = sorted((sl, sw, sh), reverse=True)
        least = self.least
        if p < least[0] or q < least[1] or r < least[2]:
            return
        rank = (z, y, x) if self.plan.low_first else (-sl * sw * sh, z, y, x)
        heapq.heappush(self.spaces, (rank, space))

    def _place(self, space: Space, kind: Kind, dims: Dims, shape: Dims) -> None:
        x, y, z = space[:3]
        (a, b, c), (nx, ny, nz) = dims, shape
        n = nx * ny * nz
        result = self.result
        result.blocks.append((kind.index, x, y, z, a, b, c, nx, ny, nz))
        result.placed[kind.index] += n
        result.weight += n * kind.weight
        result.volume += n * kind.volume
        self.left[kind.index] -= n
        self.room -= n * kind.weight
        if not self.left[kind.index]:
            self.order = [k for k in self.order if self.left[k.index]]
            self._narrow()
        bx, by, bz = nx * a, ny * b, nz * c
        tops = self.fragile_tops if kind.fragile else self.tops
        tops.setdefault(z + bz, []).append((x, y, x + bx, y + by))
        for cut in _cut(space, bx, by, bz, self.plan.pile and not kind.fragile, kind.fragile):
            self._push(cut)

    def _best_block(self, space: Space) -> tuple[Kind, Dims, Dims] | None:
        """The block for ``space``'s corner: (kind, orientation, counts along x, y, z)."""
        x, y, z, sl, sw, sh = space
        # On the floor, or wholly on one top: every unit stands. Else each is checked.
        checked = bool(z) and not _on_one(self.tops.get(z, ()), x, y, sl, sw)
        if checked and not _touches(self.tops.get(z, ()), (x, y, x + sl, y + sw)):
            return None
        greedy, spread, room, left = self.plan.greedy, self.plan.spread, self.room, self.left
        best: tuple[Kind, Dims, Dims] | None = None
        best_score = (0, 0)
        p, q, r = sorted((sl, sw, sh), reverse=True)
        for kind in self.order:
            if kind.weight > room or kind.longest > p or kind.middle > q or kind.thin > r:
                continue
            cap = (
                left[kind.index] if not kind.weight else min(left[kind.index], room // kind.weight)
            )
            for a, b, c in kind.orients:
                if a > sl or b > sw or c > sh:
                    continue
                nzm = 1 if kind.fragile else sh // c
                for shape in _shapes(sl // a, sw // b, nzm, cap, checked):
                    n = shape[0] * shape[1] * shape[2]
                    footprint = shape[0] * a * shape[1] * b
                    score = (n * kind.volume, footprint if spread else -footprint)
                    if score > best_score and (not checked or self._stands(x, y, z, a, b, shape)):
                        best, best_score = (kind, (a, b, c), shape), score
            if best is not None and greedy:
                return best
        return best

    def _stands(self, x: int, y: int, z: int, a: int, b: int, shape: Dims) -> bool:
        """Whether every bottom unit of the block rests partly on a top, none on a fragile one."""
        tops, fragile = self.tops.get(z, ()), self.fragile_tops.get(z, ())
        for i in range(shape[0]):
            for j in range(shape[1]):
                unit = (x + i * a, y + j * b, x + (i + 1) * a, y + (j + 1) * b)
                if not _touches(tops, unit) or _touches(fragile, unit):
                    return False
        return True


def _on_one(tops: Sequence[Rect], x: int, y: int, length: int, width: int) -> bool:
    return any(
        x0 <= x and y0 <= y and x + length <= x1 and y + width <= y1 for x0, y0, x1, y1 in tops
    )


def _touches(rects: Sequence[Rect], r: Rect) -> bool:
    """Whether ``r`` shares some area with one of ``rects``."""
    return any(x0 < r[2] and r[0] < x1 and y0 < r[3] and r[1] < y1 for x0, y0, x1, y1 in rects)


def _cut(space: Space, bx: int, by: int, bz: int, pile: bool, fragile: bool) -> list[Space]:
    """What is left of ``space`` around a block in its corner: a space above, two beside.

    A pile cut leaves the whole footprint above the block (units put there stand on the
    block or on what is beside it) and spaces beside it only as high as the block. Else the
    space above is the block's footprint and the spaces beside are as high as ``space``.
    """
    x, y, z, sl, sw, sh = space
    rx, ry = sl - bx, sw - by
    out = []
    if pile:
        if sh > bz:
            out.append((x, y, z + bz, sl, sw, sh - bz))
        side = bz
    else:
        if sh > bz and not fragile:
            out.append((x, y, z + bz, bx, by, sh - bz))
        side = sh
    if max(rx * sw, bx * ry) >= max(rx * by, sl * ry):
        cut = ((x + bx, y, z, rx, sw, side), (x, y + by, z, bx, ry, side))
    else:
        cut = ((x + bx, y, z, rx, by, side), (x, y + by, z, sl, ry, side))
    return out + [s for s in cut if s[3] > 0 and s[4] > 0]


def _shapes(nxm: int, nym: int, nzm: int, cap: int, one_column: bool) -> list[Dims]:
    """Block shapes to try: a column first, a row along x first, a row along y first, and
    (where units may stand only in places) a single column in the corner."""
    if cap == 1:
        return [(1, 1, 1)]
    nz = min(nzm, cap)
    nx = min(nxm, cap // nz)
    column = (nx, min(nym, cap // (nz * nx)), nz)
    nx = min(nxm, cap)
    ny = min(nym, cap // nx)
    along_x = (nx, ny, min(nzm, cap // (nx * ny)))
    ny = min(nym, cap)
    nx = min(nxm, cap // ny)
    along_y = (nx, ny, min(nzm, cap // (nx * ny)))
    shapes = {column: None, along_x: None, along_y: None}
    if one_column:
        shapes[(1, 1, min(nzm, cap))] = None
    return list(shapes)
