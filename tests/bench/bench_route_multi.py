"""Multi-block picker routes: our tour search against OR-Tools guided local search (1 s).

Multi-block floors have no exact sweep, so the anchor is the solver a team would otherwise
ship: OR-Tools routing with the cheapest-arc start and guided local search for one second,
on the same distances in whole centimetres (registered as a matrix: a Python callback makes
it about six times slower). Ours runs with its default budget; its time is the median of
``RUNS`` runs per instance, and its length is the first run's (runs differ only when the time
budget cuts a round short).
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Sequence

import numpy as np
from numpy.typing import NDArray

from app.picking.tour import shortest_tour, tour_length
from tests.bench.figures import Figure, median
from tests.bench.multi_block_instances import Instance, instances

RUNS = 5
ORTOOLS_LIMIT_S = 1


def ortools_tour(dist: NDArray[np.float64]) -> tuple[list[int], float]:
    """OR-Tools GLS (1 s) from stop 0, and the wall time it took in milliseconds."""
    try:
        from ortools.constraint_solver import pywrapcp, routing_enums_pb2
    except ImportError:
        raise SystemExit(
            "route_multi needs OR-Tools as its anchor: run `./run bench` (it installs the "
            "bench extra), or pip install -e '.[bench]'"
        ) from None
    n = len(dist)
    manager = pywrapcp.RoutingIndexManager(n, 1, 0)
    routing = pywrapcp.RoutingModel(manager)
    centimetres = np.rint(dist * 100).astype(np.int64).tolist()
    transit = routing.RegisterTransitMatrix(centimetres)
    routing.SetArcCostEvaluatorOfAllVehicles(transit)
    params = pywrapcp.DefaultRoutingSearchParameters()
    params.first_solution_strategy = routing_enums_pb2.FirstSolutionStrategy.PATH_CHEAPEST_ARC
    params.local_search_metaheuristic = (
        routing_enums_pb2.LocalSearchMetaheuristic.GUIDED_LOCAL_SEARCH
    )
    params.time_limit.seconds = ORTOOLS_LIMIT_S
    started = time.perf_counter()
    solution = routing.SolveWithParameters(params)
    elapsed_ms = (time.perf_counter() - started) * 1e3
    if solution is None:
        raise RuntimeError("OR-Tools found no tour")
    order, index = [], routing.Start(0)
    while not routing.IsEnd(index):
        order.append(manager.IndexToNode(index))
        index = solution.Value(routing.NextVar(index))
    return order, elapsed_ms


def ours(dist: NDArray[np.float64]) -> tuple[list[int], float]:
    """Our tour (first run) and the median wall time of ``RUNS`` runs in milliseconds."""
    times, first = [], None
    for _ in range(RUNS):
        started = time.perf_counter()
        order = shortest_tour(dist)
        times.append((time.perf_counter() - started) * 1e3)
        first = first or order
    assert first is not None and sorted(first) == list(range(len(dist)))
    return first, median(times)


def measure(cases: Sequence[Instance]) -> list[tuple[Instance, float, float, float, float]]:
    """Per instance: OR-Tools length and ms, our length and median ms."""
    rows = []
    for case in cases:
        theirs, their_ms = ortools_tour(case.dist)
        mine, my_ms = ours(case.dist)
        rows.append(
            (case, tour_length(case.dist, theirs), their_ms, tour_length(case.dist, mine), my_ms)
        )
    return rows


def run() -> list[Figure]:
    rows = measure(instances())
    ratios = [mine / theirs for _, theirs, _, mine, _ in rows]
    worst = max(range(len(rows)), key=ratios.__getitem__)
    big = [row for row in rows if row[0].picks == 100]
    my_ms = median([row[4] for row in big])
    their_ms = median([row[2] for row in big])
    their_mean = statistics.fmean(row[1] for row in rows)
    big_ratio = statistics.fmean(mine / theirs for _, theirs, _, mine, _ in big)
    return [
        Figure(
            "route_multi_block_ratio_to_ortools",
            round(statistics.fmean(ratios), 4),
            "x",
            "<= 1.01",
            f"OR-Tools GLS 1 s mean length {their_mean:.1f} m over {len(rows)} instances "
            f"({len(big)} with 100 picks: x{big_ratio:.4f}); worst instance {rows[worst][0].name} "
            f"x{ratios[worst]:.4f}; best x{min(ratios):.4f}",
        ),
        Figure(
            "route_multi_block_100_ms",
            round(my_ms, 2),
            "ms",
            "<= 50",
            f"OR-Tools GLS median {their_ms:.0f} ms (runs to its 1 s limit); ours median of "
            f"{RUNS} runs per instance, median over {len(big)} instances of 100 picks",
        ),
    ]
