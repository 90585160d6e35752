"""Picker routes (app.picking.routing, app.picking.heuristics): the exact single-block sweep,
the tour search on multi-block floors, and the S-shape and largest-gap rules of thumb."""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.picking.batch_cost import RouteCoster
from app.picking.heuristics import largest_gap_route, s_shape_route
from app.picking.layout import Layout, Spot
from app.picking.routing import Route, best_route, best_routes
from app.picking.rr_states import EMPTY, FINAL, INDEX, STATES
from app.picking.tour import EXACT_MAX
from tests.bench.bench_routing import RoutingCase, routing_cases, walked

DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"
EPS = 1e-9


def shared_cases() -> list[RoutingCase]:
    if not DATA.is_dir():
        pytest.skip(f"the shared benchmark data is not here: {DATA} (../shared/data)")
    return routing_cases(DATA / "routing_instances.json")


def brute_force(layout: Layout, spots: Sequence[Spot]) -> float:
    """The shortest tour from the depot, by trying every order of the spots (numpy)."""
    stops = [layout.depot, *spots]
    dist = layout.distance_matrix(stops)
    if len(stops) < 3:
        return float(2 * dist[0].sum())
    rest = np.array(list(itertools.permutations(range(1, len(stops)))), dtype=np.intp)
    tours = np.hstack([np.zeros((len(rest), 1), dtype=np.intp), rest])
    return float(dist[tours, np.roll(tours, -1, axis=1)].sum(axis=1).min())


def assert_walkable(layout: Layout, spots: Sequence[Spot], route: Route) -> float:
    """Every spot once, and walking the order (depot at both ends) is what the route says."""
    assert sorted(route.order) == list(range(len(spots)))
    length = walked(layout, spots, route)
    assert length == pytest.approx(route.length, abs=1e-6)
    return length


@st.composite
def single_blocks(draw: st.DrawFn) -> Layout:
    """Small single-block floors; the depot on the front or back cross aisle of any aisle."""
    aisles, bays = draw(st.integers(1, 5)), draw(st.integers(1, 8))
    grid = Layout.grid(
        aisles,
        [bays],
        aisle_spacing=draw(st.sampled_from([1.0, 2.5, 3.0, 4.0])),
        bay_width=draw(st.sampled_from([0.5, 1.0, 1.5])),
        cross_margin=draw(st.sampled_from([0.0, 0.5, 1.0, 2.0])),
    )
    aisle = draw(st.one_of(st.just(0), st.integers(0, aisles - 1)))
    depth = draw(st.sampled_from([0.0, 0.0, grid.length]))
    return dataclasses.replace(grid, depot=Spot(aisle, depth))


def pick_lists(layout: Layout, max_size: int) -> st.SearchStrategy[list[Spot]]:
    """Pick faces (repeats likely on small floors), now and then the depot itself."""
    faces = st.builds(
        layout.spot,
        st.integers(0, len(layout.aisles) - 1),
        st.integers(0, layout.bays_per_aisle - 1),
    )
    return st.lists(st.one_of(faces, faces, st.just(layout.depot)), max_size=max_size)


def test_state_machine_has_exactly_seven_reachable_states() -> None:
    """The derived Ratliff–Rosenthal classes are the paper's seven, empty and final included."""
    assert len(STATES) == 7
    assert INDEX[EMPTY] in range(7)
    assert FINAL and all(s in range(7) for s in FINAL)


def test_best_route_is_the_published_optimum_on_every_shared_instance() -> None:
    """All 20 shared instances: the walk is exactly rr_optimal long and visits every pick."""
    for case in shared_cases():
        route = best_route(case.layout, case.spots)
        length = assert_walkable(case.layout, case.spots, route)
        assert length == pytest.approx(case.reference["rr_optimal"], abs=EPS), case.name


def test_heuristics_match_the_published_lengths_on_every_shared_instance() -> None:
    """S-shape and largest gap walk exactly the reference lengths (odd counts included)."""
    for case in shared_cases():
        snake = s_shape_route(case.layout, case.spots)
        gap = largest_gap_route(case.layout, case.spots)
        assert snake.length == pytest.approx(case.reference["s_shape"], abs=EPS), case.name
        assert gap.length == pytest.approx(case.reference["largest_gap"], abs=EPS), case.name
        assert sorted(snake.order) == sorted(gap.order) == list(range(case.picks))


@settings(max_examples=150, deadline=None)
@given(data=st.data(), layout=single_blocks())
def test_best_route_equals_brute_force_on_small_floors(data: st.DataObject, layout: Layout) -> None:
    """Up to 8 picks (repeats and picks at the depot too): as short as the best of every order,
    and the order walks exactly that; the rules of thumb are never shorter."""
    spots = data.draw(pick_lists(layout, 8))
    optimum = brute_force(layout, spots)
    route = best_route(layout, spots)
    assert assert_walkable(layout, spots, route) == pytest.approx(optimum, abs=EPS)
    for heuristic in (s_shape_route, largest_gap_route):
        rule = heuristic(layout, spots)
        assert sorted(rule.order) == list(range(len(spots)))
        assert optimum - EPS <= walked(layout, spots, rule) <= rule.length + EPS


@settings(max_examples=60, deadline=None)
@given(data=st.data(), layout=single_blocks())
def test_heuristics_are_never_shorter_than_the_optimum(data: st.DataObject, layout: Layout) -> None:
    """Longer pick lists: S-shape and largest gap walk at least the exact tour's length."""
    spots = data.draw(pick_lists(layout, 40))
    optimum = best_route(layout, spots).length
    for rule in (s_shape_route(layout, spots), largest_gap_route(layout, spots)):
        assert sorted(rule.order) == list(range(len(spots)))
        assert rule.length >= optimum - EPS


@settings(max_examples=50, deadline=None)
@given(data=st.data(), layout=single_blocks())
def test_best_routes_of_many_lists_equal_best_route_one_by_one(
    data: st.DataObject, layout: Layout
) -> None:
    """Routing runs side by side gives each run the walk it gets on its own (empty runs too)."""
    runs = data.draw(st.lists(pick_lists(layout, 12), max_size=6))
    together = best_routes(layout, runs)
    assert len(together) == len(runs)
    for spots, route in zip(runs, together, strict=True):
        alone = best_route(layout, spots)
        assert route.length == pytest.approx(alone.length, abs=EPS)
        assert route.order == alone.order
        assert_walkable(layout, spots, route)


def test_the_rules_of_thumb_on_a_floor_worked_by_hand() -> None:
    """GIVEN 3 aisles 3 m apart, 12 m long, picks 3.5 m up aisle 1, 1.5 m up aisle 2 and 9.5 m
    up aisle 3 WHEN routed THEN S-shape goes up 1, down 2, in and out of 3 (12+3+12+3+19+6 m);
    largest gap walks 1 and 3 through and takes aisle 2's pick from the front on the way back
    (12+6+12+3+3+3 m); the optimum is no longer than either."""
    layout = Layout.grid(3, [10])
    spots = [layout.spot(0, 2), layout.spot(1, 0), layout.spot(2, 8)]
    assert s_shape_route(layout, spots) == Route((0, 1, 2), 55.0)
    assert largest_gap_route(layout, spots) == Route((0, 2, 1), 39.0)
    assert best_route(layout, spots).length <= 39.0
    one_aisle = [layout.spot(1, 4), layout.spot(1, 1)]
    assert s_shape_route(layout, one_aisle) == Route((1, 0), 3 + 2 * 5.5 + 3)
    assert largest_gap_route(layout, one_aisle) == Route((1, 0), 17.0)
    assert s_shape_route(layout, []) == largest_gap_route(layout, []) == Route((), 0.0)
    at_depot = [layout.depot, layout.spot(0, 0)]
    assert s_shape_route(layout, at_depot) == Route((0, 1), 2 * 1.5)


MULTI_BLOCK = [Layout.grid(6, [5, 5]), Layout.grid(4, [3, 4, 3]), Layout.grid(10, [15, 15])]


@settings(max_examples=40, deadline=None)
@given(data=st.data(), floor=st.integers(0, len(MULTI_BLOCK) - 1))
def test_multi_block_routes_are_walkable_and_beat_the_ends_only_walks(
    data: st.DataObject, floor: int
) -> None:
    """Between-block cross aisles: every pick once, the walk is as long as reported, and no
    longer than S-shape or largest gap using only the front and back cross aisles (nor, while
    the search is exact, than the best walk using only those two)."""
    layout = MULTI_BLOCK[floor]
    spots = data.draw(pick_lists(layout, 40))
    route = best_route(layout, spots)
    length = assert_walkable(layout, spots, route)
    assert length <= s_shape_route(layout, spots).length + EPS
    assert length <= largest_gap_route(layout, spots).length + EPS
    if len(spots) < EXACT_MAX:
        ends_only = RouteCoster(layout, [spots]).one([0])
        assert length <= ends_only + EPS
