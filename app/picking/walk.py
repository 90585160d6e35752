"""Turn an optimal aisle-by-aisle walk plan into the order a picker visits the spots.

The plan says how often each aisle segment and cross segment is walked; together they form
a connected multigraph with even degrees. An Euler circuit of it from the depot is the
walk, and the order in which it first reaches each pick slot is the pick sequence.
"""

from __future__ import annotations

import itertools
from collections import defaultdict

import numpy as np

from app.picking.rr_route import Bools, SlotGrid, WalkPlan
from app.picking.rr_states import AisleMove

Node = tuple[str, int, int]  # ("a" front corner | "b" back corner | "s" slot, aisle, slot)


def _aisle_edges(
    grid: SlotGrid, occupied: Bools, aisle: int, move: AisleMove
) -> list[tuple[Node, Node]]:
    slots = [int(k) for k in np.flatnonzero(occupied[aisle])]
    chain: list[Node] = [("a", aisle, 0), *(("s", aisle, k) for k in slots), ("b", aisle, 0)]
    depth = [0.0, *(float(grid.slot_y[aisle, k]) for k in slots), grid.length]
    pairs = list(itertools.pairwise(chain))
    if move is AisleMove.NONE:
        return []
    if move is AisleMove.THROUGH:
        return pairs
    if move is AisleMove.THROUGH_TWICE:
        return pairs * 2
    if move is AisleMove.FROM_BACK:
        return pairs[1:] * 2
    if move is AisleMove.FROM_FRONT:
        return pairs[:-1] * 2
    widest = max(range(len(pairs)), key=lambda i: depth[i + 1] - depth[i])
    return (pairs[:widest] + pairs[widest + 1 :]) * 2


def _euler_circuit(edges: list[tuple[Node, Node]], start: Node) -> list[Node]:
    """Hierholzer's algorithm on a multigraph given as an edge list (each edge used once)."""
    around: dict[Node, list[int]] = defaultdict(list)
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
    edges: list[tuple[Node, Node]] = []
    for aisle, move in enumerate(plan.aisle_moves):
        edges += _aisle_edges(grid, occupied, aisle, move)
    for aisle, (back, front) in enumerate(plan.cross):
        edges += [(("b", aisle, 0), ("b", aisle + 1, 0))] * back
        edges += [(("a", aisle, 0), ("a", aisle + 1, 0))] * front
    start: Node = ("s", *depot)
    if not edges:
        return []
    order: list[tuple[int, int]] = []
    seen = {start}
    for node in _euler_circuit(edges, start):
        if node[0] == "s" and node not in seen:
            seen.add(node)
            order.append((node[1], node[2]))
    return order
