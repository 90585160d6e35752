"""Choosing an order's cartons: as few as possible, then the cheapest, then the smallest.

An order that fits one carton goes in the cheapest (then smallest) one it fits. Otherwise
cartons are filled one at a time, each time with the carton and fill that take the largest
share of what is left, until the rest fits one carton; each carton is then swapped for the
cheapest one its contents fit.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from itertools import combinations_with_replacement

from app.cartonization.cost import CostModel, box_cents
from app.cartonization.fill import Fill, Plan, fill
from app.cartonization.kinds import Kind, PlacementWriter, kinds_of
from app.cartonization.model import BoxSpec, ItemSpec, ItemTooLargeError, PackedBox, Packing

DEFAULT_BUDGET_MS = 50.0

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


def choose_boxes(
    items: Sequence[ItemSpec],
    boxes: Sequence[BoxSpec],
    cost: CostModel | None = None,
    *,
    time_budget_ms: float | None = None,
) -> Packing:
    """The cartons for ``items`` and where each unit goes in them.

    ``time_budget_ms`` bounds the search for better packings (default 50 ms); a complete
    packing is always returned, even when the budget runs out. Raises ``ItemTooLargeError``
    when an item fits no carton at all, and ``ValueError`` for no cartons or repeated keys.
    """
    if not boxes:
        raise ValueError("no boxes to choose from")
    kinds = kinds_of(items)
    keys = [k.key for k in kinds]
    if len(set(keys)) != len(keys):
        raise ValueError("item keys must be unique")
    misfits = [k.key for k in kinds if not any(k.fits_box(b) for b in boxes)]
    if misfits:
        raise ItemTooLargeError(misfits, "too big (in every allowed orientation) or too heavy")
    if not kinds:
        return Packing((), 0)
    budget = DEFAULT_BUDGET_MS if time_budget_ms is None else time_budget_ms
    search = _Search(kinds, boxes, cost, time.perf_counter() + budget / 1000.0)
    counts = [item.qty for item in items if item.qty > 0]
    writer = PlacementWriter(kinds)
    packed = tuple(
        PackedBox(box, writer.write(f.blocks), f.weight) for box, f in search.run(counts)
    )
    return Packing(packed, sum(box_cents(cost, p.box, p.items_weight_g) for p in packed))


class _Search:
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
        single = self.single(counts)
        if single is not None:
            return [single]
        return self.polish(self.several(counts))

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
        """No fewer cartons can hold the units' volume and weight (up to 6 looked at)."""
        _, weight, volume = self.totals(counts)
        sizes = [(b.inner_volume_mm3, b.payload_g) for b in self.boxes]
        least = max(
            -(-volume // max(v for v, _ in sizes)), -(-weight // max(w for _, w in sizes)), 1
        )
        for k in range(least, 7):
            if any(
                sum(v for v, _ in pick) >= volume and sum(w for _, w in pick) >= weight
                for pick in combinations_with_replacement(sizes, k)
            ):
                return k
        return max(least, 7)

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
