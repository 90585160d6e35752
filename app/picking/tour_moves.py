"""2-opt and Or-opt on an array tour, driven by candidate lists and don't-look bits.

Scalar Python on purpose: after a kick only the handful of stops it touched need looking at,
and a few hundred comparisons there beat re-evaluating all n² moves with numpy every round.
Distances are plain nested lists because indexing them is several times faster than numpy
scalars. The matrix must be symmetric: moves reverse stretches of the tour.
"""

from __future__ import annotations

import random
from collections import deque
from collections.abc import Iterable

EPS = 1e-9  # a move must gain more than rounding noise, or plateaus would cycle forever
OR_SEGMENTS = (1, 2, 3)  # Or-opt moves chains of up to three consecutive stops


class TourSearch:
    """A closed tour improved in place: ``order[i]`` is the i-th stop, ``pos`` its inverse."""

    def __init__(self, d: list[list[float]], near: list[list[int]], order: list[int]) -> None:
        self.d = d
        self.near = near  # each stop's nearest others, nearest first
        self.n = len(order)
        self.order = list(order)
        self.pos = [0] * self.n
        self._index()
        self.length = sum(d[a][b] for a, b in zip(order, order[1:] + order[:1], strict=True))
        self._queue: deque[int] = deque()
        self._queued = [False] * self.n

    def _index(self) -> None:
        pos = self.pos
        for i, c in enumerate(self.order):
            pos[c] = i

    def reset(self, order: list[int], length: float) -> None:
        """Go back to a saved tour (a kick that did not pay off)."""
        self.order = list(order)
        self.length = length
        self._index()

    def wake(self, stops: Iterable[int]) -> None:
        """Mark stops whose surroundings changed, so ``descend`` looks at them again."""
        queued = self._queued
        for c in stops:
            if not queued[c]:
                queued[c] = True
                self._queue.append(c)

    def descend(self) -> None:
        """Apply improving moves until no woken stop has one: a local optimum around them."""
        queue, queued = self._queue, self._queued
        while queue:
            a = queue.popleft()
            queued[a] = False
            touched = self._two_opt(a) or self._or_opt(a)
            if touched:
                self.wake(touched)

    def kick(self, rng: random.Random, max_segment: int) -> None:
        """Double bridge on a short stretch: swap two neighbouring chains (A B C D -> A C B D).

        2-opt and Or-opt cannot undo it in one move, and keeping the chains short keeps the
        damage local, so the following descent is cheap.
        """
        n, t, d = self.n, self.order, self.d
        top = max(1, min(max_segment, (n - 2) // 2))
        l1, l2 = rng.randint(1, top), rng.randint(1, top)
        s = rng.randrange(n)
        rot = t[s:] + t[:s]
        b, c, rest = rot[1 : 1 + l1], rot[1 + l1 : 1 + l1 + l2], rot[1 + l1 + l2 :]
        a0, r0 = rot[0], rest[0]
        added = d[a0][c[0]] + d[c[-1]][b[0]] + d[b[-1]][r0]
        self.length += added - d[a0][b[0]] - d[b[-1]][c[0]] - d[c[-1]][r0]
        self.order = [a0, *c, *b, *rest]
        self._index()
        self.wake((a0, b[0], b[-1], c[0], c[-1], r0))

    def _reverse(self, i: int, j: int) -> None:
        """Reverse positions i..j (cyclic), or the complement when that is shorter."""
        n, t, pos = self.n, self.order, self.pos
        i, j = i % n, j % n
        inner = (j - i) % n + 1
        if 2 * inner > n:
            i, j, inner = (j + 1) % n, (i - 1) % n, n - inner
        for _ in range(inner // 2):
            a, b = t[i], t[j]
            t[i], t[j] = b, a
            pos[b], pos[a] = i, j
            i = i + 1 if i + 1 < n else 0
            j = j - 1 if j else n - 1

    def _two_opt(self, a: int) -> tuple[int, ...] | None:
        """First improving 2-opt move that gives ``a`` a nearer neighbour, if any."""
        d, t, pos, n = self.d, self.order, self.pos, self.n
        i = pos[a]
        an, ap = t[i + 1 - n], t[i - 1]
        da = d[a]
        succ_edge, pred_edge = da[an], da[ap]
        for c in self.near[a]:
            dac = da[c]
            g_succ, g_pred = succ_edge - dac, pred_edge - dac
            if g_succ <= EPS and g_pred <= EPS:
                break
            j = pos[c]
            if g_succ > EPS:  # ... a an ... c cn ...  ->  ... a c ... an cn ...
                cn = t[j + 1 - n]
                if c != an and cn != a:
                    gain = g_succ + d[c][cn] - d[an][cn]
                    if gain > EPS:
                        self._reverse(i + 1, j)
                        self.length -= gain
                        return (a, an, c, cn)
            if g_pred > EPS:  # ... cp c ... ap a ...  ->  ... cp ap ... c a ...
                cp = t[j - 1]
                if c != ap and cp != a:
                    gain = g_pred + d[cp][c] - d[ap][cp]
                    if gain > EPS:
                        self._reverse(j, i - 1)
                        self.length -= gain
                        return (a, ap, c, cp)
        return None

    def _or_opt(self, a: int) -> tuple[int, ...] | None:
        """First improving move of a chain ending at ``a`` next to one of ``a``'s neighbours."""
        d, t, pos, n = self.d, self.order, self.pos, self.n
        i = pos[a]
        da = d[a]
        for size in OR_SEGMENTS:
            if n < size + 4:
                break
            for first in (i,) if size == 1 else (i, i - size + 1):  # chain starts or ends at a
                f, last = t[first % n], t[(first + size - 1) % n]
                p, nx = t[(first - 1) % n], t[(first + size) % n]
                removed = d[p][f] + d[last][nx] - d[p][nx]
                if removed <= EPS:
                    continue
                other = last if a == f else f
                d_other = d[other]
                for c in self.near[a]:
                    g1 = removed - da[c]
                    if g1 <= EPS:
                        break
                    jc = pos[c]
                    if (jc - first) % n < size:
                        continue
                    dc = d[c]
                    for e, after in ((t[jc + 1 - n], True), (t[jc - 1], False)):
                        if (pos[e] - first) % n < size:
                            continue
                        gain = g1 - d_other[e] + dc[e]
                        if gain > EPS:
                            self._move(first % n, size, a, c, after)
                            self.length -= gain
                            return (a, other, p, nx, c, e)
        return None

    def _move(self, first: int, size: int, a: int, c: int, after: bool) -> None:
        """Move the chain at positions first.. (size stops) next to ``c``, ``a`` touching ``c``."""
        t = self.order
        rot = t[first:] + t[:first]
        chain, rest = rot[:size], rot[size:]
        if chain[0] != a:
            chain.reverse()  # now a .. other
        k = rest.index(c)
        if after:  # c a .. other e
            rest[k + 1 : k + 1] = chain
        else:  # e other .. a c
            chain.reverse()
            rest[k:k] = chain
        self.order = rest
        self._index()
