"""Improve a batching by sharing out the orders of two batches again (iterated local search).

The move is the strongest two-batch move there is: take the orders of batches p and q and
split them again in the best way that fits both carts, every split priced at once with
numpy (a dozen orders make a few hundred splits). It covers every swap and shift between
the two. Pairs are tried most promising first (the pairs whose merged route saves the most
walking overlap the most). When no pair improves, a few random swaps shake the solution
and the pairs they touched are re-split; the best batching found is kept, until the time
budget or the round limit runs out.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from random import Random

import numpy as np
from numpy.typing import NDArray

from app.picking.batch_cost import RouteCoster
from app.picking.batching import BatchOrder

EPS = 1e-9
MAX_POOL = 16  # two batches with more orders than this are not re-split (2^n splits)


class _Search:
    def __init__(
        self,
        coster: RouteCoster,
        orders: Sequence[BatchOrder],
        cart_totes: int,
        groups: Sequence[Sequence[int]],
    ) -> None:
        self.coster = coster
        self.cap = cart_totes
        self.totes = np.array([o.totes for o in orders] + [0], dtype=np.int64)
        self.urgent = np.array([o.urgent for o in orders] + [False], dtype=np.bool_)
        width = max(len(g) for g in groups)
        self.members = np.full((len(groups), width), -1, dtype=np.int64)
        for p, group in enumerate(groups):
            self.members[p, : len(group)] = group
        # A batch that held an urgent order at the start keeps that lane.
        self.lane0 = np.array([any(orders[i].urgent for i in g) for g in groups])
        self.cost = coster.lengths(self.members)

    def total(self) -> float:
        return float(self.cost.sum())

    def _splits(self, p: int, q: int, pool: NDArray[np.int64]) -> NDArray[np.bool_]:
        n = len(pool)
        chosen = ((np.arange(1 << n)[:, None] >> np.arange(n)) & 1).astype(np.bool_)
        load = chosen @ self.totes[pool]
        ok = (load <= self.cap) & (int(self.totes[pool].sum()) - load <= self.cap)
        urgent = self.urgent[pool]
        if urgent.any() and not self.lane0[p]:
            ok &= ~chosen[:, urgent].any(axis=1)  # urgent orders stay on lane-0 batches
        if urgent.any() and not self.lane0[q]:
            ok &= chosen[:, urgent].all(axis=1)
        if self.lane0[p] == self.lane0[q]:
            ok &= chosen[:, 0]  # p and q are interchangeable: try each split once
        return chosen[ok]

    def resplit(self, p: int, q: int) -> bool:
        """Share the orders of batches p and q out again in the best way; True if shorter."""
        pool = np.concatenate([row[row >= 0] for row in (self.members[p], self.members[q])])
        if not 2 <= len(pool) <= MAX_POOL:
            return False
        rows = self._splits(p, q, pool)
        if not len(rows):
            return False
        here, there = np.where(rows, pool, -1), np.where(rows, -1, pool)
        lengths = self.coster.lengths(np.concatenate([here, there]))
        sums = lengths[: len(rows)] + lengths[len(rows) :]
        best = int(np.argmin(sums))
        if sums[best] >= self.cost[p] + self.cost[q] - EPS:
            return False
        self._set(p, here[best], float(lengths[best]))
        self._set(q, there[best], float(lengths[len(rows) + best]))
        return True

    def _set(self, batch: int, row: NDArray[np.int64], length: float) -> None:
        picked = row[row >= 0]
        if len(picked) > self.members.shape[1]:
            grow = len(picked) - self.members.shape[1]
            self.members = np.pad(self.members, ((0, 0), (0, grow)), constant_values=-1)
        self.members[batch] = -1
        self.members[batch, : len(picked)] = picked
        self.cost[batch] = length

    def descend(self, stale: set[tuple[int, int]], deadline: float) -> None:
        """Re-split stale pairs, most promising first, until none improves or time is up."""
        count = len(self.members)
        while stale and time.perf_counter() < deadline:
            pairs = sorted(stale)
            merged = self.coster.lengths(
                np.concatenate(
                    [self.members[[p for p, _ in pairs]], self.members[[q for _, q in pairs]]],
                    axis=1,
                )
            )
            promise = [
                self.cost[p] + self.cost[q] - m for (p, q), m in zip(pairs, merged, strict=True)
            ]
            stale.clear()
            for _, (p, q) in sorted(zip(promise, pairs, strict=True), reverse=True):
                if time.perf_counter() >= deadline:
                    return
                if self.resplit(p, q):
                    stale |= {
                        (min(a, b), max(a, b)) for a in (p, q) for b in range(count) if a != b
                    }

    def kick(self, rng: Random, swaps: int) -> set[int]:
        """A few random feasible swaps between batches; the batches changed."""
        changed: set[int] = set()
        tries = 0
        while swaps > 0 and tries < swaps * 20 and len(self.members) > 1:
            tries += 1
            p, q = rng.sample(range(len(self.members)), 2)
            us, vs = np.flatnonzero(self.members[p] >= 0), np.flatnonzero(self.members[q] >= 0)
            if not len(us) or not len(vs):
                continue
            u, v = int(rng.choice(list(us))), int(rng.choice(list(vs)))
            a, b = int(self.members[p, u]), int(self.members[q, v])
            if (self.urgent[a] and not self.lane0[q]) or (self.urgent[b] and not self.lane0[p]):
                continue
            loads = self.totes[self.members].sum(axis=1)
            shift = int(self.totes[b] - self.totes[a])
            if loads[p] + shift > self.cap or loads[q] - shift > self.cap:
                continue
            self.members[p, u], self.members[q, v] = b, a
            changed |= {p, q}
            swaps -= 1
        if changed:
            batches = sorted(changed)
            self.cost[batches] = self.coster.lengths(self.members[batches])
        return changed

    def groups(self) -> list[list[int]]:
        return [[int(i) for i in row if i >= 0] for row in self.members if (row >= 0).any()]


def improve(
    coster: RouteCoster,
    orders: Sequence[BatchOrder],
    cart_totes: int,
    groups: Sequence[Sequence[int]],
    *,
    budget_s: float,
    max_rounds: int = 1_000_000,
    seed: int = 0,
) -> list[list[int]]:
    """Pair re-splitting to a local optimum, then kicks and re-splits while time is left."""
    if len(groups) < 2 or budget_s <= 0:
        return [list(g) for g in groups]
    deadline = time.perf_counter() + budget_s
    search = _Search(coster, orders, cart_totes, groups)
    count = len(groups)
    search.descend({(p, q) for p in range(count) for q in range(p + 1, count)}, deadline)
    best_total, best, best_cost = search.total(), search.members.copy(), search.cost.copy()
    rng = Random(seed)
    rounds = 0
    while time.perf_counter() < deadline and rounds < max_rounds:
        rounds += 1
        changed = search.kick(rng, swaps=2)
        stale = _pairs_of(changed, count)
        search.descend(stale, deadline)
        if search.total() < best_total - EPS:
            best_total, best, best_cost = search.total(), search.members.copy(), search.cost.copy()
        else:  # back to the best: the kicks explore around it
            search.members, search.cost = best.copy(), best_cost.copy()
    search.members = best
    return search.groups()


def _pairs_of(batches: Iterable[int], count: int) -> set[tuple[int, int]]:
    """Every pair (low, high) of batch indexes that includes one of ``batches``."""
    return {(min(a, b), max(a, b)) for a in batches for b in range(count) if a != b}
