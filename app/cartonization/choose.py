"""Choosing an order's cartons: as few as possible, then the cheapest, then the smallest."""

from __future__ import annotations

import time
from collections.abc import Sequence

from app.cartonization.cost import CostModel, box_cents
from app.cartonization.kinds import PlacementWriter, kinds_of
from app.cartonization.model import BoxSpec, ItemSpec, ItemTooLargeError, PackedBox, Packing
from app.cartonization.search import Search

DEFAULT_BUDGET_MS = 20.0


def choose_boxes(
    items: Sequence[ItemSpec],
    boxes: Sequence[BoxSpec],
    cost: CostModel | None = None,
    *,
    time_budget_ms: float | None = None,
) -> Packing:
    """The cartons for ``items`` and where each unit goes in them.

    Fewer cartons always win; then the cost (``cost``'s tariff per carton, or without one
    what the cartons themselves cost), then the smaller cartons. ``time_budget_ms`` (default
    20 ms) bounds the search for better packings: once it is spent no further plans are
    tried, but the packing under way is finished, so a complete packing always comes back.
    Raises ``ItemTooLargeError`` naming the items no carton can hold at all, and
    ``ValueError`` when there are no cartons or item keys repeat.
    """
    if not boxes:
        raise ValueError("no boxes to choose from")
    kinds = kinds_of(items)
    keys = [k.key for k in kinds]
    if len(set(keys)) != len(keys):
        raise ValueError("item keys must be unique")
    misfits = [k for k in kinds if not any(k.fits_box(b) for b in boxes)]
    if misfits:
        why = [
            f"{k.key!r} is too heavy for every box it fits"
            if any(k.fits(b.inner_mm) for b in boxes)
            else f"{k.key!r} fits no box in any allowed orientation"
            for k in misfits
        ]
        raise ItemTooLargeError([k.key for k in misfits], "; ".join(why))
    if not kinds:
        return Packing((), 0)
    budget = DEFAULT_BUDGET_MS if time_budget_ms is None else time_budget_ms
    search = Search(kinds, boxes, cost, time.perf_counter() + budget / 1000.0)
    counts = [item.qty for item in items if item.qty > 0]
    writer = PlacementWriter(kinds)
    packed = tuple(
        PackedBox(box, writer.write(f.blocks), f.weight) for box, f in search.run(counts)
    )
    return Packing(packed, sum(box_cents(cost, p.box, p.items_weight_g) for p in packed))
