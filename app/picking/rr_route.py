"""Exact shortest pick tours in a single block of aisles (Ratliff & Rosenthal), vectorised.

``tour_lengths`` runs the seven-state dynamic programme of ``rr_states`` for many pick lists
side by side (numpy arrays, one column per list), so order batching can cost thousands of
candidate batches at the price of one. ``optimal_walk`` runs it for one list and keeps the
choices, which ``walk_order`` turns into the order a picker visits the spots.

Picks are given as occupied *slots*: the distinct depths at which something is picked in
each aisle (``SlotGrid``). The depot is a spot like any other and is always occupied.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from app.picking.layout import Layout, Spot
from app.picking.rr_states import AISLE_STEPS, CROSS_STEPS, EMPTY, FINAL, INDEX, STATES, AisleMove

Floats = NDArray[np.float64]
Bools = NDArray[np.bool_]
INF = np.inf


@dataclass(frozen=True)
class SlotGrid:
    """The depths where picks happen, per aisle, of one single-block layout."""

    length: float  # front to back cross aisle
    aisle_gaps: Floats  # (A-1,) walk along a cross aisle from aisle j to j+1
    slot_y: Floats  # (A, S) depths, ascending per aisle; padding slots are never occupied

    @classmethod
    def for_spots(
        cls, layout: Layout, spots: Sequence[Spot], *, ends_only: bool = False
    ) -> tuple[SlotGrid, NDArray[np.int64]]:
        """The grid of these spots' depths and each spot's slot index in its aisle.

        ``ends_only`` routes a multi-block layout as if only its front and back cross aisles
        existed: still a walk a picker can follow, so an upper bound on the best one.
        """
        if not (layout.single_block or ends_only):
            raise ValueError("exact aisle-by-aisle routing needs a single block of aisles")
        per_aisle: list[list[float]] = [[] for _ in layout.aisles]
        for spot in spots:
            per_aisle[spot.aisle].append(spot.y)
        depths = [sorted(set(ys)) for ys in per_aisle]
        width = max(1, *(len(d) for d in depths))
        slot_y = np.full((len(depths), width), layout.length, dtype=np.float64)
        for j, ys in enumerate(depths):
            slot_y[j, : len(ys)] = ys
        index = {(j, y): k for j, ys in enumerate(depths) for k, y in enumerate(ys)}
        slots = np.array([index[(s.aisle, s.y)] for s in spots], dtype=np.int64)
        grid = cls(layout.length, np.diff(layout.aisle_xs), slot_y)
        return grid, slots

    @property
    def shape(self) -> tuple[int, int]:
        a, s = self.slot_y.shape
        return a, s


def _groups(steps: Sequence[tuple[int, object, int]]) -> tuple[NDArray[np.int64], list[slice]]:
    """Source states of the steps, and the slice of steps that lead to each target state."""
    targets = [t for _, _, t in steps]
    missing = set(range(len(STATES))) - set(targets)
    if missing:  # pragma: no cover - guarded by the state machine's tests
        raise AssertionError(f"states never reached: {missing}")
    bounds = [targets.index(t) for t in range(len(STATES))] + [len(steps)]
    slices = [slice(lo, hi) for lo, hi in itertools.pairwise(bounds)]
    return np.array([f for f, _, _ in steps], dtype=np.int64), slices


def _group_min(cand: Floats, groups: list[slice]) -> Floats:
    """Row-group minima (``np.minimum.reduceat`` is several times slower on this shape)."""
    out = np.empty((len(groups), *cand.shape[1:]))
    for i, rows in enumerate(groups):
        np.minimum.reduce(cand[rows], axis=0, out=out[i, ...])
    return out


_A_FROM, _A_GROUPS = _groups(AISLE_STEPS)
_A_MOVE = np.array([int(m) for _, m, _ in AISLE_STEPS], dtype=np.int64)
_C_FROM, _C_GROUPS = _groups(CROSS_STEPS)
_C_EDGES = np.array([back + front for _, (back, front), _ in CROSS_STEPS], dtype=np.float64)
_FINAL = np.array(FINAL, dtype=np.int64)


def _dense(
    sources: NDArray[np.int64], values: NDArray[np.float64], groups: list[slice]
) -> tuple[NDArray[np.int64], NDArray[np.float64]]:
    """The steps as a (targets, widest group) table; padding adds an infinite cost."""
    width = max(g.stop - g.start for g in groups)
    src = np.zeros((len(groups), width), dtype=np.int64)
    val = np.full((len(groups), width), INF)
    for t, rows in enumerate(groups):
        src[t, : rows.stop - rows.start] = sources[rows]
        val[t, : rows.stop - rows.start] = values[rows]
    return src, val


# Small batches: one gather and one reduction per step beat seven sliced reductions.
DENSE_BELOW = 192
_AD_FROM, _AD_MOVE = _dense(_A_FROM, _A_MOVE.astype(np.float64), _A_GROUPS)
_AD_MOVE_I = np.where(np.isfinite(_AD_MOVE), _AD_MOVE, len(AisleMove)).astype(np.int64)
_CD_FROM, _CD_EDGES = _dense(_C_FROM, _C_EDGES, _C_GROUPS)


def aisle_move_costs(grid: SlotGrid, occupied: Bools) -> Floats:
    """(B, A, S) occupancy -> (A, 6, B) cost of each ``AisleMove`` in each aisle.

    One pass over the slots (few per aisle) with whole (B, A) arrays: numpy's reductions
    and accumulations along a short last axis cost several times more.
    """
    length = grid.length
    shape = occupied.shape[:2]
    reached = np.zeros(shape)  # depth of the backmost pick so far (0: the front cross aisle)
    gap = np.zeros(shape)  # widest gap so far between neighbouring picks
    ymin = np.full(shape, INF)
    for k in range(occupied.shape[2]):
        here = occupied[:, :, k]
        y = grid.slot_y[:, k]
        np.maximum(gap, np.where(here, y - reached, 0.0), out=gap)
        np.minimum(ymin, np.where(here, y, INF), out=ymin)
        reached = np.where(here, y, reached)
    has = np.isfinite(ymin)
    np.maximum(gap, length - reached, out=gap)
    out = np.empty((shape[1], len(AisleMove), shape[0]), dtype=np.float64)
    out[:, AisleMove.NONE] = np.where(has, INF, 0.0).T
    out[:, AisleMove.THROUGH] = length
    out[:, AisleMove.THROUGH_TWICE] = 2 * length
    out[:, AisleMove.FROM_BACK] = np.where(has, 2 * (length - ymin), INF).T
    out[:, AisleMove.FROM_FRONT] = np.where(has, 2 * reached, INF).T
    out[:, AisleMove.GAP] = np.where(has, 2 * (length - gap), INF).T
    return out


def tour_lengths(grid: SlotGrid, occupied: Bools) -> Floats:
    """Optimal closed tour length through the occupied slots of each of B pick lists."""
    return lengths_from_moves(grid.aisle_gaps, aisle_move_costs(grid, occupied))


def lengths_from_moves(aisle_gaps: Floats, moves: Floats) -> Floats:
    """The dynamic programme over aisles, given each aisle's move costs ((A, 6, B)).

    Pick lists of different grids of one layout can be priced in one call: only the
    aisles' spacing is shared, the depths are already inside the move costs.
    """
    aisles, _, count = moves.shape
    cost = np.full((len(STATES), count), INF)
    cost[INDEX[EMPTY]] = 0.0
    if count < DENSE_BELOW:
        return _dense_lengths(aisle_gaps, moves, cost)
    for j in range(aisles):
        cost = _group_min(cost[_A_FROM] + moves[j, _A_MOVE], _A_GROUPS)
        if j + 1 < aisles:
            walk = (_C_EDGES * aisle_gaps[j])[:, None]
            cost = _group_min(cost[_C_FROM] + walk, _C_GROUPS)
    result: Floats = cost[_FINAL].min(axis=0)
    return result


def _dense_lengths(aisle_gaps: Floats, moves: Floats, cost: Floats) -> Floats:
    aisles = moves.shape[0]
    padded = np.concatenate([moves, np.full((aisles, 1, cost.shape[1]), INF)], axis=1)
    for j in range(aisles):
        cost = (cost[_AD_FROM] + padded[j][_AD_MOVE_I]).min(axis=1)
        if j + 1 < aisles:
            cost = (cost[_CD_FROM] + (_CD_EDGES * aisle_gaps[j])[:, :, None]).min(axis=1)
    result: Floats = cost[_FINAL].min(axis=0)
    return result


@dataclass(frozen=True, slots=True)
class WalkPlan:
    """How the optimal tour walks each aisle and each cross segment (one pick list)."""

    length: float
    aisle_moves: tuple[AisleMove, ...]  # per aisle
    cross: tuple[tuple[int, int], ...]  # per gap between aisle j and j+1: (back, front) times


def optimal_walks(grid: SlotGrid, occupied: Bools) -> list[WalkPlan]:
    """The optimal tours of B pick lists ((B, A, S) occupancy), with the choices making them.

    Each step's candidates are kept as a (target state, step of that target's group, B)
    table (the dense form of ``_dense_lengths``), so backtracking reads the choice made
    for a state straight from its row.
    """
    moves = aisle_move_costs(grid, occupied)
    aisles, count = grid.shape[0], occupied.shape[0]
    padded = np.concatenate([moves, np.full((aisles, 1, count), INF)], axis=1)
    cost = np.full((len(STATES), count), INF)
    cost[INDEX[EMPTY]] = 0.0
    trail: list[Floats] = []
    for j in range(aisles):
        trail.append(cost[_AD_FROM] + padded[j][_AD_MOVE_I])
        cost = trail[-1].min(axis=1)
        if j + 1 < aisles:
            trail.append(cost[_CD_FROM] + (_CD_EDGES * grid.aisle_gaps[j])[:, :, None])
            cost = trail[-1].min(axis=1)
    return [_backtrack(trail, cost[:, b], b) for b in range(count)]


def _backtrack(trail: list[Floats], final: Floats, b: int) -> WalkPlan:
    state = int(_FINAL[np.argmin(final[_FINAL])])
    length = float(final[state])
    if not np.isfinite(length):
        raise ValueError("no tour visits these picks")  # cannot happen on a valid grid
    aisle_moves: list[AisleMove] = []
    cross: list[tuple[int, int]] = []
    for step in range(len(trail) - 1, -1, -1):
        is_aisle = step % 2 == 0  # aisle and cross steps alternate, aisle first
        rows = (_A_GROUPS if is_aisle else _C_GROUPS)[state]
        pick = rows.start + int(np.argmin(trail[step][state, :, b]))
        if is_aisle:
            source, move, _ = AISLE_STEPS[pick]
            aisle_moves.append(move)
        else:
            source, crossing, _ = CROSS_STEPS[pick]
            cross.append(crossing)
        state = source
    return WalkPlan(length, tuple(reversed(aisle_moves)), tuple(reversed(cross)))
