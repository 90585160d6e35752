"""Order batching (app.picking.batching, batch_search, batch_cost): which orders share a cart."""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import datetime, timedelta
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.picking.batch_cost import RouteCoster
from app.picking.batch_search import improve
from app.picking.batching import (
    BatchOrder,
    first_come_first_served,
    priced,
    savings_batches,
    savings_batches_many,
)
from app.picking.layout import Layout, Spot
from app.picking.planner import plan_wave
from app.picking.routing import best_route, best_routes
from app.picking.runs import Cart, Method
from app.picking.waves import PlanLine, PlanOrder, Wave
from tests.bench.bench_batching import batching_cases

DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"
EPS = 1e-9
LONG_S, ROUNDS = 60.0, 8  # the round cap ends the search first: reproducible and quick
FLOOR = Layout.grid(8, [20])


def random_orders(
    rng: np.random.Generator,
    count: int,
    *,
    cart_totes: int = 6,
    urgent_share: float = 0.0,
    big_share: float = 0.0,
    layout: Layout = FLOOR,
) -> list[BatchOrder]:
    """Orders of 1-4 picks; some urgent, some filling 2 or 3 totes (never more than a cart)."""
    orders = []
    for _ in range(count):
        picks = int(rng.integers(1, 5))
        spots = tuple(
            layout.spot(int(rng.integers(len(layout.aisles))), int(rng.integers(20)))
            for _ in range(picks)
        )
        totes = int(rng.integers(2, 4)) if rng.random() < big_share else 1
        orders.append(BatchOrder(spots, min(totes, cart_totes), bool(rng.random() < urgent_share)))
    return orders


@st.composite
def problems(draw: st.DrawFn) -> tuple[list[BatchOrder], int]:
    """Up to 24 orders (repeated spots and picks at the depot included), a cart of 1-6 totes."""
    cart_totes = draw(st.integers(1, 6))
    face = st.builds(FLOOR.spot, st.integers(0, 7), st.integers(0, 19))
    order = st.builds(
        BatchOrder,
        st.lists(st.one_of(face, face, face, st.just(FLOOR.depot)), min_size=1, max_size=4).map(
            tuple
        ),
        st.integers(1, min(3, cart_totes)),
        st.booleans(),
    )
    return draw(st.lists(order, max_size=24)), cart_totes


def assert_feasible(
    orders: Sequence[BatchOrder], cart_totes: int, groups: Sequence[Sequence[int]]
) -> None:
    """Every order in exactly one batch, and no cart holds more totes than it has."""
    placed = sorted(i for group in groups for i in group)
    assert placed == list(range(len(orders)))
    for group in groups:
        assert group
        assert sum(orders[i].totes for i in group) <= cart_totes


def urgent_batches(orders: Sequence[BatchOrder], groups: Sequence[Sequence[int]]) -> int:
    return sum(any(orders[i].urgent for i in group) for group in groups)


@settings(max_examples=30, deadline=None)
@given(problem=problems())
def test_no_method_overfills_a_cart_or_loses_an_order(
    problem: tuple[list[BatchOrder], int],
) -> None:
    """FCFS, savings and savings improved by local search: each order in exactly one batch,
    each batch within the cart's totes."""
    orders, cart_totes = problem
    coster = RouteCoster(FLOOR, [o.spots for o in orders])
    fcfs = first_come_first_served(coster, orders, cart_totes)
    assert_feasible(orders, cart_totes, fcfs.groups)
    first = savings_batches(coster, orders, cart_totes)
    assert_feasible(orders, cart_totes, first)
    better = improve(coster, orders, cart_totes, first, budget_s=LONG_S, max_rounds=ROUNDS)
    assert_feasible(orders, cart_totes, better)
    again = improve(coster, orders, cart_totes, fcfs.groups, budget_s=LONG_S, max_rounds=ROUNDS)
    assert_feasible(orders, cart_totes, again)


@settings(max_examples=25, deadline=None)
@given(problem=problems())
def test_local_search_never_makes_the_walk_longer(problem: tuple[list[BatchOrder], int]) -> None:
    """From FCFS or from savings, the improved batching walks no more than where it started,
    and no urgent order moves into a batch that held none."""
    orders, cart_totes = problem
    coster = RouteCoster(FLOOR, [o.spots for o in orders])
    starts = [
        [list(g) for g in first_come_first_served(coster, orders, cart_totes).groups],
        savings_batches(coster, orders, cart_totes),
    ]
    for start in starts:
        better = improve(coster, orders, cart_totes, start, budget_s=LONG_S, max_rounds=ROUNDS)
        assert priced(coster, better).total <= priced(coster, start).total + EPS
        urgent_lane = {i for g in start if any(orders[k].urgent for k in g) for i in g}
        for group in better:
            if any(orders[i].urgent for i in group):
                assert any(i in urgent_lane for i in group)


@settings(max_examples=40, deadline=None)
@given(problem=problems())
def test_savings_puts_urgent_orders_first_on_as_few_carts_as_it_can(
    problem: tuple[list[BatchOrder], int],
) -> None:
    """Batches with urgent orders come first, and no two of them could have shared a cart
    (their urgent totes together exceed it)."""
    orders, cart_totes = problem
    groups = savings_batches(RouteCoster(FLOOR, [o.spots for o in orders]), orders, cart_totes)
    flags = [any(orders[i].urgent for i in g) for g in groups]
    assert flags == sorted(flags, reverse=True)
    urgent_load = [sum(orders[i].totes for i in g if orders[i].urgent) for g in groups]
    for a in range(len(groups)):
        for b in range(a + 1, len(groups)):
            if flags[a] and flags[b]:
                assert urgent_load[a] + urgent_load[b] > cart_totes


@pytest.mark.parametrize("seed", range(4))
def test_one_tote_urgent_orders_take_the_fewest_carts(seed: int) -> None:
    """GIVEN urgent orders of one tote each (and bigger non-urgent ones) WHEN batched by savings,
    then local search THEN ceil(urgent totes / K) batches hold them all."""
    rng = np.random.default_rng(seed)
    orders = [
        BatchOrder(o.spots, 1, True) if o.urgent else o
        for o in random_orders(rng, 40, urgent_share=0.45, big_share=0.2)
    ]
    fewest = math.ceil(sum(o.urgent for o in orders) / 6)
    coster = RouteCoster(FLOOR, [o.spots for o in orders])
    first = savings_batches(coster, orders, 6)
    assert urgent_batches(orders, first) == fewest
    better = improve(coster, orders, 6, first, budget_s=LONG_S, max_rounds=ROUNDS)
    assert urgent_batches(orders, better) == fewest


def _plan_order(number: int, order: BatchOrder, now: datetime) -> PlanOrder:
    """The order as planning sees it; its volume fills ``order.totes`` totes of 40 litres."""
    volume = (order.totes - 0.5) * 40_000.0 / len(order.spots)
    lines = tuple(
        PlanLine(k, f"SKU-{s.aisle}-{s.y}", 1, f"{s.aisle}-{s.y}", "", s, volume)
        for k, s in enumerate(order.spots, 1)
    )
    return PlanOrder(f"SO-{number:03d}", now + timedelta(hours=6), lines)


@pytest.mark.parametrize("seed", range(3))
def test_plan_releases_every_urgent_cart_before_the_others(seed: int) -> None:
    """GIVEN a wave of 40 orders, a third urgent (one tote each), some others filling 2-3 totes
    WHEN planned by cluster picking THEN every run holding an urgent order comes before every
    run without one, and they are as few as the urgent totes allow."""
    rng = np.random.default_rng(seed)
    now = datetime(2026, 11, 26, 8, 0)
    raw = random_orders(rng, 40, big_share=0.2)
    urgent = {f"SO-{n:03d}" for n in range(len(raw)) if n % 3 == 0}
    orders = [
        _plan_order(n, BatchOrder(o.spots, 1) if f"SO-{n:03d}" in urgent else o, now)
        for n, o in enumerate(raw)
    ]
    cart = Cart()
    totes = [cart.totes_for(o.volume_cm3, o.weight_g) for o in orders]
    assert totes == [1 if o.number in urgent else b.totes for o, b in zip(orders, raw, strict=True)]
    assert max(totes) > 1
    runs = plan_wave(
        Wave(1, tuple(orders), frozenset(urgent)), Method.CLUSTER, FLOOR, cart, budget_s=0.2
    )
    flags = [run.urgent for run in runs]
    assert flags == sorted(flags, reverse=True)
    assert all(run.urgent == bool(urgent & set(run.orders)) for run in runs)
    assert sum(flags) == math.ceil(len(urgent) / cart.totes)


def test_savings_beats_first_come_first_served_on_every_shared_instance() -> None:
    """Clarke & Wright alone walks less than FCFS on each of the 8 shared instances."""
    if not DATA.is_dir():
        pytest.skip(f"the shared benchmark data is not here: {DATA} (../shared/data)")
    for case in batching_cases(DATA / "batching_instances.json"):
        coster = RouteCoster(case.layout, [o.spots for o in case.orders])
        fcfs = first_come_first_served(coster, case.orders, case.cart_totes)
        groups = savings_batches(coster, case.orders, case.cart_totes)
        assert_feasible(case.orders, case.cart_totes, groups)
        assert priced(coster, groups).total < fcfs.total, case.name


def _union(orders: Sequence[BatchOrder], row: Sequence[int]) -> list[Spot]:
    return [spot for i in row if i >= 0 for spot in orders[i].spots]


@settings(max_examples=40, deadline=None)
@given(problem=problems(), data=st.data())
def test_route_coster_prices_a_batch_as_its_best_route(
    problem: tuple[list[BatchOrder], int], data: st.DataObject
) -> None:
    """Any candidate (orders repeated or padded with -1) costs the optimal route of the union
    of its orders' picks."""
    orders, _ = problem
    if not orders:
        return
    index = st.integers(-1, len(orders) - 1)
    rows = data.draw(st.lists(st.lists(index, min_size=1, max_size=6), min_size=1, max_size=20))
    width = max(len(r) for r in rows)
    members = np.array([r + [-1] * (width - len(r)) for r in rows], dtype=np.int64)
    lengths = RouteCoster(FLOOR, [o.spots for o in orders]).lengths(members)
    for row, length in zip(rows, lengths, strict=True):
        assert length == pytest.approx(best_route(FLOOR, _union(orders, row)).length, abs=EPS)


def test_route_coster_prices_hundreds_of_candidates_at_once() -> None:
    """Past the small-batch path and the chunk size (600 candidates), prices still equal the
    best routes of the unions."""
    rng = np.random.default_rng(11)
    layout = Layout.grid(12, [40])
    orders = random_orders(rng, 80, layout=layout)
    members = rng.integers(-1, len(orders), size=(600, 6))
    lengths = RouteCoster(layout, [o.spots for o in orders]).lengths(members)
    routes = best_routes(layout, [_union(orders, row) for row in members.tolist()])
    assert lengths == pytest.approx([r.length for r in routes], abs=EPS)


def test_savings_side_by_side_equals_savings_one_set_at_a_time() -> None:
    """Several waves batched in lock step get exactly the batches each gets alone."""
    rng = np.random.default_rng(5)
    sets = []
    for size in (0, 1, 7, 25, 40):
        orders = random_orders(rng, size, urgent_share=0.2, big_share=0.1)
        sets.append((RouteCoster(FLOOR, [o.spots for o in orders]), orders))
    together = savings_batches_many(sets, 6)
    alone = [
        savings_batches(RouteCoster(FLOOR, [o.spots for o in orders]), orders, 6)
        for _, orders in sets
    ]
    assert together == alone


def test_local_search_with_a_round_cap_is_reproducible() -> None:
    """Same orders, start, seed and round cap: the same batches, however much time is left."""
    rng = np.random.default_rng(2)
    orders = random_orders(rng, 36, urgent_share=0.15, big_share=0.15)
    coster = RouteCoster(FLOOR, [o.spots for o in orders])
    first = savings_batches(coster, orders, 6)
    runs = [
        improve(coster, orders, 6, first, budget_s=LONG_S, max_rounds=15, seed=4) for _ in range(2)
    ]
    assert runs[0] == runs[1]
    assert_feasible(orders, 6, runs[0])
