"""The search behind ``choose_boxes``: the fewest cartons, then the cheapest, then the
smallest.

An order that fits one carton goes in the cheapest (then smallest) one it fits: cartons are
tried in that order and the first that some plan fills completely wins. Otherwise cartons
are filled one at a time, each time with the carton and plan that take the largest share of
what is left (by volume plus by weight), until the rest fits one carton; each carton is
then swapped for the cheapest one its contents fit. Further greedy runs, each with a single
plan, follow while time is left and the count is above a volume and weight lower bound.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from itertools import combinations_with_replacement

from app.cartonization.cost import CostModel, box_cents
from app.cartonization.fill import Fill, Plan, fill
from app.cartonization.kinds import Kind
from app.cartonization.model import BoxSpec

# The plans tried, in this order; together they find the smallest carton BoxPacker's
# one-carton orders fit in (any orientation, or kept flat) on 99.6% of them.
PLANS = (
    Plan("volume", pile=True),
    Plan("thick", pile=True),
    Plan("area", spread=False, low_first=False),
    Plan("area"),
    Plan("volume", greedy=False, spread=False, pile=True),
    Plan("volume", greedy=False, pile=True),
    Plan("area", spread=False, pile=True),
    Plan("area", pile=True),
    Plan("longest", spread=False, pile=True),
)

Filled = tuple[BoxSpec, Fill]


class Search:
    """One order's search: fills are remembered, and the clock is checked between them."""

    def __init__(
        self, kinds: Sequence[Kind], boxes: Sequence[BoxSpec], cost: CostModel | None, until: float
    ) -> None:
        self.kinds = kinds
        self.boxes = boxes
        self.cost = cost
        self.until = until
        # Fills by (carton, plan, units left): a carton's failed "does it all fit" runs are
        # the very runs the next filling step would make.
        self.memo: dict[tuple[int, int, tuple[int, ...]], Fill] = {}
        # Cartons worth filling: none that another one covers (of two alike, the first).
        turn = all(k.turns for k in kinds)
        self.fillers = [
            i
            for i, box in enumerate(boxes)
            if not any(
                _covers(other, box, turn) and (j < i or not _covers(box, other, turn))
                for j, other in enumerate(boxes)
                if j != i
            )
        ]

    def fill(self, i: int, p: int, counts: Sequence[int]) -> Fill:
        key = (i, p, tuple(counts))
        got = self.memo.get(key)
        if got is None:
            box = self.boxes[i]
            got = self.memo[key] = fill(box.inner_mm, box.payload_g, self.kinds, counts, PLANS[p])
        return got

    def late(self) -> bool:
        return time.perf_counter() > self.until

    def run(self, counts: list[int]) -> list[Filled]:
        """The cartons for ``counts`` units of each kind, with what each one holds."""
        single = self.single(counts)
        if single is not None:
            return [single]
        return self.several(counts)

    def totals(self, counts: Sequence[int]) -> tuple[int, int, int]:
        kinds = self.kinds
        units = sum(counts)
        weight = sum(n * kinds[i].weight for i, n in enumerate(counts))
        volume = sum(n * kinds[i].volume for i, n in enumerate(counts))
        return units, weight, volume

    def single(
        self, counts: Sequence[int], worse_than: tuple[int, int] | None = None
    ) -> Filled | None:
        """The cheapest (then smallest) carton all of ``counts`` fit in, or None."""
        _, weight, volume = self.totals(counts)
        ranked = sorted(
            (box_cents(self.cost, b, weight), b.inner_volume_mm3, i)
            for i, b in enumerate(self.boxes)
            if b.payload_g >= weight and b.inner_volume_mm3 >= volume
        )
        for cents, inner, i in ranked:
            if worse_than is not None and (cents, inner) >= worse_than:
                return None
            box = self.boxes[i]
            if all(not n or self.kinds[k].fits_box(box) for k, n in enumerate(counts)):
                found = self.fits_all(i, counts)
                if found is not None:
                    return box, found
        return None

    def fits_all(self, i: int, counts: Sequence[int]) -> Fill | None:
        units = sum(counts)
        for p in range(len(PLANS)):
            if p and self.late():
                return None
            got = self.fill(i, p, counts)
            if sum(got.placed) == units:
                return got
        return None

    def several(self, counts: list[int]) -> list[Filled]:
        """The fewest (then cheapest) cartons found by greedy fillings, each with its own
        plans; stops at the lower bound or when the time is up."""
        bound = self.lower_bound(counts)
        best: list[Filled] | None = None
        for policy in (None, *range(len(PLANS))):
            if best is not None and (len(best) <= bound or self.late()):
                break
            plans = range(len(PLANS)) if policy is None else (policy,)
            found = self.polish(self.greedy(counts, plans))
            if best is None or self.rank(found) < self.rank(best):
                best = found
        assert best is not None
        return best

    def rank(self, filled: Sequence[Filled]) -> tuple[int, int, int]:
        cents = sum(box_cents(self.cost, box, got.weight) for box, got in filled)
        return len(filled), cents, sum(box.inner_volume_mm3 for box, _ in filled)

    def lower_bound(self, counts: Sequence[int]) -> int:
        """No fewer cartons can hold the units' volume and weight: all of them, and those
        that fit only some of the cartons (up to 6 cartons looked at)."""
        groups: dict[tuple[int, ...], list[int]] = {}
        for k, n in enumerate(counts):
            if n:
                fits = tuple(i for i, b in enumerate(self.boxes) if self.kinds[k].fits_box(b))
                groups.setdefault(fits, []).append(k)
        groups.setdefault(tuple(range(len(self.boxes))), [])
        bound = 1
        for fits in groups:
            members = [k for group, ks in groups.items() if set(group) <= set(fits) for k in ks]
            _, weight, volume = self.totals(
                [counts[k] if k in members else 0 for k in range(len(counts))]
            )
            bound = max(bound, _fewest([self.boxes[i] for i in fits], volume, weight))
        return bound

    def greedy(self, counts: list[int], plans: Sequence[int]) -> list[Filled]:
        """Cartons filled one at a time, each time the one and the plan that take the largest
        share of what is left, until what is left fits one carton."""
        out: list[Filled] = []
        left = list(counts)
        while sum(left):
            if out:
                single = self.single(left)
                if single is not None:
                    out.append(single)
                    break
            _, weight, volume = self.totals(left)
            best: tuple[float, int, Filled] | None = None
            for i in self.fillers:
                box = self.boxes[i]
                if not any(n and self.kinds[k].fits_box(box) for k, n in enumerate(left)):
                    continue
                for n, p in enumerate(plans):
                    if n and self.late():
                        break
                    got = self.fill(i, p, left)
                    share = got.volume / volume + (got.weight / weight if weight else 0.0)
                    rank = (share, -box.inner_volume_mm3, (box, got))
                    if best is None or rank[:2] > best[:2]:
                        best = rank
            assert best is not None  # every kind fits some carton (checked up front)
            box, got = best[2]
            out.append((box, got))
            left = [n - p for n, p in zip(left, got.placed, strict=True)]
        return out

    def polish(self, filled: list[Filled]) -> list[Filled]:
        """Each carton swapped for the cheapest (then smallest) one its contents fit."""
        out = []
        for box, got in filled:
            here = (box_cents(self.cost, box, got.weight), box.inner_volume_mm3)
            better = None if self.late() else self.single(got.placed, worse_than=here)
            out.append(better or (box, got))
        return out


def _covers(big: BoxSpec, small: BoxSpec, turn: bool) -> bool:
    """Whether whatever fits ``small`` fits ``big`` too (turned about the vertical if every
    item may turn so): then ``small`` need not be tried when filling cartons."""
    if big.payload_g < small.payload_g:
        return False
    (bl, bw, bh), (sl, sw, sh) = big.inner_mm, small.inner_mm
    return bh >= sh and ((bl >= sl and bw >= sw) or (turn and bl >= sw and bw >= sl))


def _fewest(boxes: Sequence[BoxSpec], volume: int, weight: int) -> int:
    """The fewest of ``boxes`` (repeats allowed) whose volumes and payloads add up to
    ``volume`` and ``weight``, when that is 6 or fewer of up to 5 sizes (else a simpler
    bound)."""
    every = {(b.inner_volume_mm3, b.payload_g) for b in boxes}
    sizes = [s for s in every if not any(o != s and o[0] >= s[0] and o[1] >= s[1] for o in every)]
    least = max(-(-volume // max(v for v, _ in sizes)), -(-weight // max(w for _, w in sizes)), 1)
    if len(sizes) > 5:
        return least
    for k in range(least, 7):
        if any(
            sum(v for v, _ in pick) >= volume and sum(w for _, w in pick) >= weight
            for pick in combinations_with_replacement(sizes, k)
        ):
            return k
    return max(least, 7)
