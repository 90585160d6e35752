"""What walking a candidate batch costs: its optimal route, for thousands of batches at once.

Order batching weighs many "what if these orders went together" candidates. Each order's
picks are kept as a bit mask of pick slots per aisle; a batch's picks are the OR of its
orders' masks, and ``rr_route.tour_lengths`` prices all candidates in one vectorised pass.
On a layout with cross aisles between blocks the price is the best tour that uses only the
front and back cross aisles: a walk the picker could follow, so never an underestimate.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from numpy.typing import NDArray

from app.picking.layout import Layout, Spot
from app.picking.rr_route import SlotGrid, aisle_move_costs, lengths_from_moves

Members = NDArray[np.int64]  # (B, K) order indexes per candidate batch; -1 pads
CHUNK = 512  # candidates per numpy pass: bounds memory, keeps arrays in cache


class RouteCoster:
    """Prices batches of the given orders (each a list of spots) by their optimal tour."""

    def __init__(self, layout: Layout, orders: Sequence[Sequence[Spot]]) -> None:
        everything = [layout.depot, *(s for spots in orders for s in spots)]
        self.grid, slots = SlotGrid.for_spots(layout, everything, ends_only=True)
        aisles, width = self.grid.shape
        self._words = (width + 63) // 64
        self._bits = np.zeros((len(orders) + 1, aisles, self._words), dtype=np.uint64)
        at = 1
        for o, spots in enumerate(orders):
            for spot in spots:
                self._set(self._bits[o], spot.aisle, int(slots[at]))
                at += 1
        self._depot = np.zeros((aisles, self._words), dtype=np.uint64)
        self._set(self._depot, layout.depot.aisle, int(slots[0]))
        self.evaluations = 0

    @staticmethod
    def _set(mask: NDArray[np.uint64], aisle: int, slot: int) -> None:
        mask[aisle, slot // 64] |= np.uint64(1) << np.uint64(slot % 64)

    def lengths(self, members: Members) -> NDArray[np.float64]:
        """Optimal tour length of each row's orders (-1 entries are ignored)."""
        out = np.empty(len(members), dtype=np.float64)
        for lo in range(0, len(members), CHUNK):
            moves = self.move_costs(members[lo : lo + CHUNK])
            out[lo : lo + CHUNK] = lengths_from_moves(self.grid.aisle_gaps, moves)
        return out

    def move_costs(self, members: Members) -> NDArray[np.float64]:
        """(A, 6, B): what each way of walking each aisle costs each candidate batch."""
        self.evaluations += len(members)
        union = np.bitwise_or.reduce(self._bits[members], axis=1) | self._depot  # (B, A, W)
        as_bytes = union.view(np.uint8).reshape(*union.shape[:2], self._words * 8)
        bits = np.unpackbits(as_bytes, axis=2, bitorder="little", count=self.grid.shape[1])
        return aisle_move_costs(self.grid, bits.view(np.bool_))

    def one(self, orders: Sequence[int]) -> float:
        return float(self.lengths(np.array([list(orders)], dtype=np.int64))[0])


def price_together(
    costers: Sequence[RouteCoster], requests: Sequence[Members]
) -> list[NDArray[np.float64]]:
    """Route lengths of candidates from several costers of one layout, in one DP pass."""
    asked = [(k, m) for k, m in enumerate(requests) if len(m)]
    out = [np.zeros(0) for _ in requests]
    if not asked:
        return out
    moves = np.concatenate([costers[k].move_costs(m) for k, m in asked], axis=2)
    lengths = np.empty(moves.shape[2])
    for lo in range(0, len(lengths), CHUNK):
        hi = lo + CHUNK
        lengths[lo:hi] = lengths_from_moves(costers[0].grid.aisle_gaps, moves[:, :, lo:hi])
    at = 0
    for k, members in asked:
        out[k] = lengths[at : at + len(members)]
        at += len(members)
    return out
