"""Single-block picker routes: our exact sweep against the published optima, S-shape beside it.

The instances are the 20 shared ones (``../shared/data/routing_instances.json``: 10, 30 and 100
picks on floors of 10x30 and 20x50 bays, depot front-left), or any file in the same format
named by the ``TOTE_ROUTING_INSTANCES`` environment variable. Each carries reference tour
lengths; ``rr_optimal`` is the exact optimum (Ratliff & Rosenthal), so ``best_route`` must
match it. Lengths are those of the walk the route's order describes (depot, the spots in
order, depot), not only the length the route reports. Times are the median of ``RUNS`` calls
per instance.
"""

from __future__ import annotations

import dataclasses
import itertools
import json
import os
import statistics
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.picking.heuristics import largest_gap_route, s_shape_route
from app.picking.layout import Layout, Spot
from app.picking.routing import Route, best_route
from tests.bench.figures import Figure, median

DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"
ENV = "TOTE_ROUTING_INSTANCES"
RUNS = 21


def layout_of(spec: Mapping[str, Any]) -> Layout:
    """The single-block floor a shared instance describes (its depot included)."""
    layout = Layout.grid(
        spec["aisles"],
        [spec["bays_per_aisle"]],
        aisle_spacing=spec["aisle_spacing_m"],
        bay_width=spec["bay_width_m"],
        cross_margin=spec["cross_aisle_margin_m"],
    )
    if "aisle_length_m" in spec and layout.length != spec["aisle_length_m"]:
        raise ValueError(f"aisle length {layout.length} m, the file says {spec['aisle_length_m']}")
    depot = spec.get("depot", {"aisle": 0, "y_m": 0.0})
    return dataclasses.replace(layout, depot=Spot(depot["aisle"], float(depot["y_m"])))


@dataclass(frozen=True)
class RoutingCase:
    """One shared routing instance: the floor, the picks' spots and the reference lengths."""

    name: str
    layout: Layout
    spots: tuple[Spot, ...]
    reference: Mapping[str, float]

    @property
    def picks(self) -> int:
        return len(self.spots)


def instances_path() -> Path:
    return Path(os.environ.get(ENV) or DATA / "routing_instances.json")


def routing_cases(path: Path | None = None) -> list[RoutingCase]:
    """The instances of a routing file (default: ``TOTE_ROUTING_INSTANCES`` or the shared one)."""
    raw = json.loads((path or instances_path()).read_text())
    cases = []
    for k, item in enumerate(raw["instances"]):
        layout = layout_of(item["layout"])
        spots = tuple(layout.spot(p["aisle"], p["bay"]) for p in item["picks"])
        name = str(item.get("id", f"#{k}"))
        cases.append(RoutingCase(name, layout, spots, item.get("reference_lengths_m", {})))
    return cases


def walked(layout: Layout, spots: Sequence[Spot], route: Route) -> float:
    """What walking the route's order costs: depot, each spot in order, depot."""
    path = [layout.depot, *(spots[i] for i in route.order), layout.depot]
    return sum(layout.distance(a, b) for a, b in itertools.pairwise(path))


Router = Callable[[Layout, Sequence[Spot]], Route]


def timed(router: Router, case: RoutingCase) -> tuple[Route, float]:
    """The route (first call) and the median wall time of ``RUNS`` calls, in milliseconds."""
    route = router(case.layout, case.spots)
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        router(case.layout, case.spots)
        times.append((time.perf_counter() - started) * 1e3)
    return route, median(times)


def run() -> list[Figure]:
    cases = routing_cases()
    best_route(cases[0].layout, cases[0].spots)  # warm numpy up outside the timings
    rows = []
    for case in cases:
        ours, our_ms = timed(best_route, case)
        snake, snake_ms = timed(s_shape_route, case)
        gap = largest_gap_route(case.layout, case.spots)
        optimum = case.reference.get("rr_optimal", ours.length)
        lengths = [walked(case.layout, case.spots, r) for r in (ours, snake, gap)]
        rows.append((case, optimum, ours, lengths, our_ms, snake_ms))
    ratios = [lengths[0] / optimum for _, optimum, _, lengths, _, _ in rows]
    worst = max(range(len(rows)), key=ratios.__getitem__)
    misreported = sum(abs(ours.length - lengths[0]) > 1e-6 for _, _, ours, lengths, _, _ in rows)
    big = [row for row in rows if row[0].picks == max(case.picks for case in cases)]
    snake_ratio = statistics.fmean(lengths[1] / optimum for _, optimum, _, lengths, _, _ in rows)
    gap_ratio = statistics.fmean(lengths[2] / optimum for _, optimum, _, lengths, _, _ in rows)
    big_snake = statistics.fmean(lengths[1] / optimum for _, optimum, _, lengths, _, _ in big)
    return [
        Figure(
            "route_single_block_max_ratio",
            round(ratios[worst], 6),
            "x",
            "= 1.0",
            f"rr_optimal of {len(rows)} instances ({instances_path().name}); worst "
            f"{rows[worst][0].name}; reported length != walked length on {misreported}; "
            f"same run: S-shape mean x{snake_ratio:.3f} (x{big_snake:.3f} at "
            f"{big[0][0].picks} picks), largest gap mean x{gap_ratio:.3f}",
        ),
        Figure(
            "route_single_block_100_ms",
            round(median([row[4] for row in big]), 3),
            "ms",
            "<= 2",
            f"median of {RUNS} calls per instance, median over {len(big)} instances of "
            f"{big[0][0].picks} picks (slowest {max(row[4] for row in big):.2f} ms); S-shape "
            f"median {median([row[5] for row in big]):.3f} ms on them",
        ),
    ]
