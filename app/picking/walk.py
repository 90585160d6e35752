"""Turn an optimal aisle-by-aisle walk plan into the order a picker visits the spots.

The plan says how often each aisle segment and cross segment is walked; together they form
a connected multigraph with even degrees. An Euler circuit of it from the depot is the
walk, and the order in which it first reaches each pick slot is the pick sequence.

Nodes are integers, ``aisle * width + position``: position 0 is the aisle's front corner,
1 to S its pick slots (slot + 1), S + 1 its back corner.
"""

from __future__ import annotations

import itertools

import numpy as np

from app.picking.rr_route import Bools, SlotGrid, WalkPlan
from app.picking.rr_states import AisleMove


def _aisle_edges(
    grid: SlotGrid, occupied: Bools, aisle: int, move: AisleMove, width: int
) -> list[tuple[int, int]]:
    if move is AisleMove.NONE:
        return []
    slots = [int(k) for k in np.flatnonzero(occupied[aisle])]
    base = aisle * width
    chain = [base, *(base + k + 1 for k in slots), base + width - 1]
    pairs = list(itertools.pairwise(chain))
    if move is AisleMove.THROUGH:
        return pairs
    if move is AisleMove.THROUGH_TWICE:
        return pairs * 2
    if move is AisleMove.FROM_BACK:
        return pairs[1:] * 2
    if move is AisleMove.FROM_FRONT:
        return pairs[:-1] * 2
    depth = [0.0, *(float(grid.slot_y[aisle, k]) for k in slots), grid.length]
    widest = max(range(len(pairs)), key=lambda i: depth[i + 1] - depth[i])
    return (pairs[:widest] + pairs[widest + 1 :]) * 2


def _euler_circuit(edges: list[tuple[int, int]], nodes: int, start: int) -> list[int]:
    """Hierholzer's algorithm on a multigraph given as an edge list (each edge used once)."""
    around: list[list[int]] = [[] for _ in range(nodes)]
    for i, (u, v) in enumerate(edges):
        around[u].append(i)
        around[v].append(i)
    used = [False] * len(edges)
    stack, circuit = [start], []
    while stack:
        node = stack[-1]
        incident = around[node]
        while incident and used[incident[-1]]:
            incident.pop()
        if incident:
            i = incident.pop()
            used[i] = True
            u, v = edges[i]
            stack.append(v if u == node else u)
        else:
            circuit.append(stack.pop())
    if not all(used):
        raise ValueError("the walk plan is not connected")  # the DP rules this out
    circuit.reverse()
    return circuit


def slot_sequence(
    grid: SlotGrid, occupied: Bools, plan: WalkPlan, depot: tuple[int, int]
) -> list[tuple[int, int]]:
    """Occupied (aisle, slot) pairs in the order the planned tour first reaches them."""
    aisles, slots = grid.shape
    width = slots + 2
    edges: list[tuple[int, int]] = []
    for aisle, move in enumerate(plan.aisle_moves):
        edges += _aisle_edges(grid, occupied, aisle, move, width)
    for aisle, (back, front) in enumerate(plan.cross):
        here, there = aisle * width, (aisle + 1) * width
        edges += [(here + width - 1, there + width - 1)] * back
        edges += [(here, there)] * front
    if not edges:
        return []
    start = depot[0] * width + depot[1] + 1
    order: list[tuple[int, int]] = []
    seen = {start}
    for node in _euler_circuit(edges, aisles * width, start):
        aisle, position = divmod(node, width)
        if 0 < position < width - 1 and node not in seen:
            seen.add(node)
            order.append((aisle, position - 1))
    return order
