"""Order batching: which orders share a cart, so pickers walk less than first-come-first-served.

A cart holds K totes; an order fills one tote or, when it is bulky or heavy, several (the
planner works out how many). Batches are built by Clarke & Wright's savings method, with
savings recomputed after every merge ("CW ii" in de Koster et al. 1999), and then improved
by a time-boxed iterated local search of swaps and shifts (``batch_search``). Every
candidate is costed by its real optimal route (``batch_cost``).

Urgent orders are never left behind for a better batch: they are batched among themselves
first, those batches may only take non-urgent orders into spare totes, no search move takes
an urgent order out of them, and they are released first.
"""

from __future__ import annotations

from collections.abc import Generator, Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from app.picking.batch_cost import RouteCoster, price_together
from app.picking.layout import Spot


@dataclass(frozen=True, slots=True)
class BatchOrder:
    """An order as batching sees it: where its picks are and how many totes it fills."""

    spots: tuple[Spot, ...]
    totes: int = 1
    urgent: bool = False


@dataclass(frozen=True, slots=True)
class Batches:
    """Order indexes per batch, in release order (urgent batches first), and route lengths."""

    groups: tuple[tuple[int, ...], ...]
    lengths: tuple[float, ...]

    @property
    def total(self) -> float:
        return float(sum(self.lengths))


def check_orders(orders: Sequence[BatchOrder], cart_totes: int) -> None:
    if cart_totes < 1:
        raise ValueError("a cart needs at least one tote")
    for i, order in enumerate(orders):
        if not 1 <= order.totes <= cart_totes:
            raise ValueError(f"order {i} needs {order.totes} totes; a cart holds {cart_totes}")


def first_come_first_served(
    coster: RouteCoster, orders: Sequence[BatchOrder], cart_totes: int
) -> Batches:
    """Fill carts in arrival order: the baseline every batching method is measured against."""
    check_orders(orders, cart_totes)
    groups: list[list[int]] = [[]]
    load = 0
    for i, order in enumerate(orders):
        if load + order.totes > cart_totes:
            groups.append([])
            load = 0
        groups[-1].append(i)
        load += order.totes
    return priced(coster, [g for g in groups if g])


def priced(coster: RouteCoster, groups: Sequence[Sequence[int]]) -> Batches:
    lengths = coster.lengths(_members(groups)) if groups else np.zeros(0)
    return Batches(tuple(tuple(g) for g in groups), tuple(float(x) for x in lengths))


def savings_batches(
    coster: RouteCoster, orders: Sequence[BatchOrder], cart_totes: int
) -> list[list[int]]:
    """Clarke & Wright savings with recomputation; urgent orders are batched first."""
    return savings_batches_many([(coster, orders)], cart_totes)[0]


def savings_batches_many(
    problems: Sequence[tuple[RouteCoster, Sequence[BatchOrder]]], cart_totes: int
) -> list[list[list[int]]]:
    """``savings_batches`` of several independent sets of orders (waves, zones) at once.

    Each set merges one pair per step, so a set costs a pricing pass per merge. Run side
    by side, one pass prices the requests of all sets (each with its own coster, so its
    own few pick depths): the per-pass overhead is paid once per step, not once per set.
    """
    for _, orders in problems:
        check_orders(orders, cart_totes)
    steps = [_savings(orders, cart_totes) for _, orders in problems]
    costers = [coster for coster, _ in problems]
    results: list[list[list[int]]] = [[] for _ in steps]
    pending: dict[int, list[list[int]]] = {}
    for k, step in enumerate(steps):
        try:
            pending[k] = next(step)
        except StopIteration as done:
            results[k] = done.value
    while pending:
        keys = list(pending)
        priced = price_together([costers[k] for k in keys], [_members(pending[k]) for k in keys])
        for k, costs in zip(keys, priced, strict=True):
            try:
                pending[k] = steps[k].send(costs)
            except StopIteration as done:
                results[k] = done.value
                del pending[k]
    return results


Pricing = Generator[list[list[int]], NDArray[np.float64], list[list[int]]]


def _savings(orders: Sequence[BatchOrder], cart_totes: int) -> Pricing:
    urgent = [i for i, o in enumerate(orders) if o.urgent]
    groups = yield from _merge_by_savings(orders, cart_totes, [[i] for i in urgent])
    groups += [[i] for i, o in enumerate(orders) if not o.urgent]
    merged: list[list[int]] = yield from _merge_by_savings(orders, cart_totes, groups)
    return merged


def _merge_by_savings(
    orders: Sequence[BatchOrder], cart_totes: int, groups: list[list[int]]
) -> Pricing:
    """Merge the pair of batches that saves most walking, again and again, while carts fit.

    After each merge the merged batch's savings with every other batch are priced again
    (the caller prices what this generator yields). Merging several disjoint pairs per
    pass was tried: it halves batches evenly, leaves carts part-full (4 + 4 > 6) and
    walks more than first-come-first-served.
    """
    n = len(groups)
    if n < 2:
        return groups
    loads = np.array([sum(orders[i].totes for i in g) for g in groups])
    alive = np.ones(n, dtype=np.bool_)
    cost = yield [list(g) for g in groups]
    saving = np.full((n, n), -np.inf)
    # First only each batch's nearest few (by the aisles they visit) are priced: most of
    # the n^2/2 pairs never merge. Pairs are priced in full once those run out.
    pairs = _near_pairs(orders, groups, NEAREST) if n > NEAREST + 1 else None
    priced_all = pairs is None
    touched = list(range(n))
    while True:
        if pairs is None:
            for a in touched:
                saving[a, :] = saving[:, a] = -np.inf
            pairs = {
                (min(a, int(b)), max(a, int(b)))
                for a in touched
                for b in np.flatnonzero(alive & (loads + loads[a] <= cart_totes))
                if a != b
            }
        asked = sorted(p for p in pairs if loads[p[0]] + loads[p[1]] <= cart_totes)
        if asked:
            merged = yield [groups[a] + groups[b] for a, b in asked]
            left, right = (np.array(side) for side in zip(*asked, strict=True))
            saving[left, right] = saving[right, left] = cost[left] + cost[right] - merged
        a, b = divmod(int(np.argmax(saving)), n)
        if not np.isfinite(saving[a, b]):
            if priced_all:
                return [g for g, keep in zip(groups, alive, strict=True) if keep]
            priced_all, pairs, touched = True, None, [int(i) for i in np.flatnonzero(alive)]
            continue
        groups[a] = groups[a] + groups[b]
        loads[a] += loads[b]
        cost[a] += cost[b] - saving[a, b]
        alive[b] = False
        saving[b, :] = saving[:, b] = -np.inf
        pairs, touched = None, [a]


NEAREST = 15


def _near_pairs(
    orders: Sequence[BatchOrder], groups: Sequence[Sequence[int]], k: int
) -> set[tuple[int, int]]:
    """Each group paired with the ``k`` groups whose aisles differ least from its own."""
    aisles = max(s.aisle for o in orders for s in o.spots) + 1 if orders else 1
    visits = np.zeros((len(groups), aisles), dtype=np.bool_)
    for g, group in enumerate(groups):
        for i in group:
            visits[g, [s.aisle for s in orders[i].spots]] = True
    differ = (visits[:, None, :] ^ visits[None, :, :]).sum(axis=2).astype(np.float64)
    np.fill_diagonal(differ, np.inf)
    nearest = np.argsort(differ, axis=1, kind="stable")[:, :k]
    return {(min(a, int(b)), max(a, int(b))) for a in range(len(groups)) for b in nearest[a]}


def _members(groups: Sequence[Sequence[int]]) -> NDArray[np.int64]:
    """Groups as a (B, widest) index matrix padded with -1."""
    width = max((len(g) for g in groups), default=1)
    members = np.full((len(groups), width), -1, dtype=np.int64)
    for row, group in enumerate(groups):
        members[row, : len(group)] = group
    return members
