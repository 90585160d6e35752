"""The walking order of one pick run: exact in a single block, near-optimal in several.

A single block of aisles (cross aisles only at the front and the back) is routed exactly by
Ratliff & Rosenthal's dynamic programme (``rr_route``) in well under a millisecond. Layouts
with cross aisles between blocks go to a tour search on the walking-distance matrix
(``tour``), which the benchmarks hold within 1% of OR-Tools' guided local search.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from app.picking.layout import Layout, Spot
from app.picking.rr_route import SlotGrid, optimal_walks
from app.picking.walk import slot_sequence


@dataclass(frozen=True, slots=True)
class Route:
    """Indexes into the spots routed, in walking order, and the tour's length (metres)."""

    order: tuple[int, ...]
    length: float


def best_route(layout: Layout, spots: Sequence[Spot], *, budget_s: float = 0.03) -> Route:
    """The shortest walk from the depot through every spot and back that Tote can find."""
    return best_routes(layout, [spots], budget_s=budget_s)[0]


def best_routes(
    layout: Layout, runs: Sequence[Sequence[Spot]], *, budget_s: float = 0.03
) -> list[Route]:
    """``best_route`` for many runs; on a single block they are solved side by side."""
    if layout.single_block:
        return exact_single_block(layout, runs)
    return [_searched(layout, spots, budget_s) if spots else Route((), 0.0) for spots in runs]


def exact_single_block(layout: Layout, runs: Sequence[Sequence[Spot]]) -> list[Route]:
    """Optimal tours (Ratliff & Rosenthal); spots sharing a depth are picked together."""
    everything = [layout.depot, *(s for spots in runs for s in spots)]
    grid, slots = SlotGrid.for_spots(layout, everything)
    occupied = np.zeros((len(runs), *grid.shape), dtype=np.bool_)
    occupied[:, layout.depot.aisle, slots[0]] = True
    at = 1
    for r, spots in enumerate(runs):
        here = slots[at : at + len(spots)]
        occupied[r, [s.aisle for s in spots], here] = True
        at += len(spots)
    plans = optimal_walks(grid, occupied)
    depot = (layout.depot.aisle, int(slots[0]))
    routes = []
    at = 1
    for r, spots in enumerate(runs):
        places: dict[tuple[int, int], list[int]] = defaultdict(list)
        for i, spot in enumerate(spots):
            places[(spot.aisle, int(slots[at + i]))].append(i)
        at += len(spots)
        order = list(places.pop(depot, []))  # picks right at the depot come first
        for place in slot_sequence(grid, occupied[r], plans[r], depot):
            order += places[place]
        routes.append(Route(tuple(order), plans[r].length if spots else 0.0))
    return routes


def _searched(layout: Layout, spots: Sequence[Spot], budget_s: float) -> Route:
    from app.picking.tour import shortest_tour, tour_length

    dist = layout.distance_matrix([layout.depot, *spots])
    tour = shortest_tour(dist, start=0, budget_s=budget_s)
    return Route(tuple(i - 1 for i in tour[1:]), float(tour_length(dist, tour)))
