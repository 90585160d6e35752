"""Order batching, 60 orders on a cart of 6 totes: savings plus local search against FCFS.

The instances are the 8 shared ones (``../shared/data/batching_instances.json``: 60 orders of
1-4 or 5-10 lines on floors of 10x30 and 20x50 bays), or any file in the same format named by
the ``TOTE_BATCHING_INSTANCES`` environment variable. Every batching is costed the same way:
each batch walks its optimal route, so the saving is the batching's alone. The timed part is
what the planner does for one wave: build the route coster, Clarke & Wright savings, then the
local search with what is left of ``TOTAL_S`` (one run per instance: the search runs to its
budget, so repeating it measures the budget). An instance counts as "1-4 lines" when none of
its orders has more than 4 lines, else as "5-10 lines".
"""

from __future__ import annotations

import json
import os
import statistics
import time
from dataclasses import dataclass
from pathlib import Path

from app.picking.batch_cost import RouteCoster
from app.picking.batch_search import improve
from app.picking.batching import BatchOrder, first_come_first_served, priced, savings_batches
from app.picking.layout import Layout
from tests.bench.bench_routing import DATA, layout_of
from tests.bench.figures import Figure, median

ENV = "TOTE_BATCHING_INSTANCES"
TOTAL_S = 0.85  # savings plus local search per wave; the rest of the second is headroom
SMALL_MAX_LINES = 4


@dataclass(frozen=True)
class BatchingCase:
    """One shared batching instance: the floor, its orders (one tote each) and the cart."""

    name: str
    layout: Layout
    orders: tuple[BatchOrder, ...]
    cart_totes: int

    @property
    def small_orders(self) -> bool:
        return max(len(o.spots) for o in self.orders) <= SMALL_MAX_LINES


def instances_path() -> Path:
    return Path(os.environ.get(ENV) or DATA / "batching_instances.json")


def batching_cases(path: Path | None = None) -> list[BatchingCase]:
    """The instances of a batching file (default: ``TOTE_BATCHING_INSTANCES`` or the shared)."""
    raw = json.loads((path or instances_path()).read_text())
    cases = []
    for k, item in enumerate(raw["instances"]):
        layout = layout_of(item["layout"])
        orders = tuple(
            BatchOrder(tuple(layout.spot(p["aisle"], p["bay"]) for p in order["picks"]))
            for order in item["orders"]
        )
        cases.append(
            BatchingCase(str(item.get("id", f"#{k}")), layout, orders, item["cart_totes_K"])
        )
    return cases


@dataclass(frozen=True)
class Row:
    case: BatchingCase
    fcfs_m: float
    savings_m: float  # Clarke & Wright alone
    ours_m: float  # savings then local search
    seconds: float

    def saved_pct(self, total: float) -> float:
        return 100 * (1 - total / self.fcfs_m)


def measure(case: BatchingCase) -> Row:
    spots = [o.spots for o in case.orders]
    fcfs = first_come_first_served(RouteCoster(case.layout, spots), case.orders, case.cart_totes)
    started = time.perf_counter()
    coster = RouteCoster(case.layout, spots)
    first = savings_batches(coster, case.orders, case.cart_totes)
    budget = TOTAL_S - (time.perf_counter() - started)
    groups = improve(coster, case.orders, case.cart_totes, first, budget_s=max(0.0, budget))
    seconds = time.perf_counter() - started
    ours = priced(coster, groups).total
    return Row(case, fcfs.total, priced(coster, first).total, ours, seconds)


def _reference(lines: str) -> str:
    """The notes' FCFS totals and best-plus-local-search savings (6 instances per cell)."""
    path = DATA / "batching_results.json"
    if not path.exists():
        return "reference results not found"
    results = json.loads(path.read_text())
    cells = []
    for floor in ("S(10x30)", "L(20x50)"):
        fcfs = results.get(f"{floor}|{lines}|optimal|fcfs")
        best = results.get(f"{floor}|{lines}|optimal|best+LS")
        if fcfs and best:
            cells.append(
                f"{floor} FCFS {fcfs['mean_total_m']:.0f} m, best+LS "
                f"{best['saved_vs_fcfs_pct']:.1f}% in {best['ms'] / 1e3:.1f} s"
            )
    return f"reference ({lines}, 6 instances per cell): " + "; ".join(cells)


def _class_figure(name: str, rows: list[Row], target: str, lines: str) -> Figure:
    saved = [row.saved_pct(row.ours_m) for row in rows]
    cw = statistics.fmean(row.saved_pct(row.savings_m) for row in rows) if rows else 0.0
    fcfs = statistics.fmean(row.fcfs_m for row in rows) if rows else 0.0
    return Figure(
        name,
        round(statistics.fmean(saved), 2) if saved else 0.0,
        "%",
        target,
        f"{len(rows)} instances; FCFS (same optimal routing) mean total {fcfs:.0f} m "
        f"({', '.join(f'{row.fcfs_m:.0f}' for row in rows)}); savings alone {cw:.1f}%; ours per "
        f"instance {', '.join(f'{s:.1f}' for s in saved)}%; {_reference(lines)}",
    )


def run() -> list[Figure]:
    rows = [measure(case) for case in batching_cases()]
    small = [row for row in rows if row.case.small_orders]
    large = [row for row in rows if not row.case.small_orders]
    seconds = [row.seconds for row in rows]
    return [
        Figure(
            "batch_60_orders_s",
            round(median(seconds), 3),
            "s",
            "<= 1",
            f"savings + local search (budget {TOTAL_S} s minus construction) on {len(rows)} "
            f"instances of {instances_path().name}; max {max(seconds):.3f} s; the notes' "
            "savings (ii) alone took 0.25-1 s, best+LS 1.2-4.5 s",
        ),
        _class_figure("batch_saving_1_4_lines_pct", small, ">= 30", "1-4 lines"),
        _class_figure("batch_saving_5_10_lines_pct", large, ">= 20", "5-10 lines"),
    ]
