"""Planning waves into pick runs (app.picking.waves, planner, runs), by every picking method."""

from __future__ import annotations

import dataclasses
import itertools
import random
from collections import Counter, defaultdict
from datetime import datetime, time, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.picking.layout import Layout
from app.picking.planner import plan_waves
from app.picking.runs import Cart, Method, PickRun
from app.picking.waves import (
    PlanLine,
    PlanOrder,
    ReleaseRules,
    Wave,
    due,
    is_urgent,
    release_order,
    release_waves,
)

NOW = datetime(2026, 11, 26, 8, 0)
CART = Cart()
BUDGET_S = 0.05


def two_zones() -> Layout:
    """Eight aisles of 20 bays: aisles 1-4 of zone A, then aisles 1-4 of zone B."""
    grid = Layout.grid(8, [20])
    aisles = tuple(
        dataclasses.replace(a, zone="AB"[i // 4], number=i % 4 + 1)
        for i, a in enumerate(grid.aisles)
    )
    return dataclasses.replace(grid, aisles=aisles)


FLOOR = two_zones()


def orders(count: int = 30, seed: int = 1) -> list[PlanOrder]:
    """Orders of 1-5 lines over both zones; some due soon or prioritised, some filling 2 totes
    (and two lines of one order at the same location now and then)."""
    rng = random.Random(seed)
    out = []
    for n in range(count):
        bulky = n % 7 == 3
        lines: list[PlanLine] = []
        for line_no in range(1, rng.randint(1, 5) + 1):
            if lines and rng.random() < 0.1:
                aisle, bay = lines[-1].spot.aisle, int(lines[-1].location[-2:])
            else:
                aisle, bay = rng.randrange(8), rng.randrange(20)
            spec = FLOOR.aisles[aisle]
            big = bulky and line_no == 1  # one 45-50 litre item: the order fills two totes
            lines.append(
                PlanLine(
                    line_no,
                    f"SKU-{aisle}-{bay:02d}",
                    1 if big else rng.randint(1, 4),
                    f"{spec.zone}-{spec.number}-{bay:02d}",
                    spec.zone,
                    FLOOR.spot(aisle, bay),
                    unit_volume_cm3=rng.uniform(45_000, 50_000) if big else rng.uniform(100, 1_500),
                    unit_weight_g=rng.uniform(50, 800),
                )
            )
        out.append(
            PlanOrder(
                f"SO-{n:03d}",
                NOW + timedelta(minutes=rng.choice((30, 90, 150, 240, 480))),
                tuple(lines),
                channel=rng.choice(("web", "b2b", "")),
                priority=int(rng.random() < 0.1),
            )
        )
    return out


def waves(count: int = 30, wave_size: int = 12) -> list[Wave]:
    return release_waves(orders(count), NOW, ReleaseRules(wave_size=wave_size))


def assert_every_line_once(plan: list[PickRun], released: list[Wave]) -> None:
    """Each order line's whole quantity is allocated exactly once, by tasks at its location."""
    lines = {(o.number, line.line_no): line for w in released for o in w.orders for line in o.lines}
    seen: Counter[tuple[str, int]] = Counter()
    for run in plan:
        for task in run.tasks:
            assert task.quantity == sum(a.quantity for a in task.allocations)
            for allocation in task.allocations:
                line = lines[(allocation.order, allocation.line_no)]
                assert (line.location, line.sku, line.spot) == (task.location, task.sku, task.spot)
                assert allocation.quantity == line.quantity
                assert allocation.order in run.orders
                seen[(allocation.order, allocation.line_no)] += 1
    assert seen == Counter(dict.fromkeys(lines, 1))


def assert_released_in_order(plan: list[PickRun], released: list[Wave]) -> None:
    """Wave by wave; within a wave (and zone) every urgent run before every other."""
    assert [r.wave for r in plan] == sorted(r.wave for r in plan)
    urgent = {n for w in released for n in w.urgent}
    lanes: dict[tuple[int, str | None], list[bool]] = defaultdict(list)
    for run in plan:
        assert run.urgent == any(o in urgent for o in run.orders)
        lanes[(run.wave, run.zone)].append(run.urgent)
    for flags in lanes.values():
        assert flags == sorted(flags, reverse=True)


def assert_routed(run: PickRun) -> None:
    """Tasks in walking order: depot, every task's spot, depot is exactly the run's length."""
    path = [FLOOR.depot, *(t.spot for t in run.tasks), FLOOR.depot]
    walked = sum(FLOOR.distance(a, b) for a, b in itertools.pairwise(path))
    assert walked == pytest.approx(run.length_m, abs=1e-9)


def part_size(run: PickRun, order: PlanOrder) -> tuple[float, float]:
    """Volume and weight of the lines of ``order`` the run picks (one zone's, or all)."""
    lines = [line for line in order.lines if run.zone in (None, line.zone)]
    volume = sum(line.unit_volume_cm3 * line.quantity for line in lines)
    return volume, sum(line.unit_weight_g * line.quantity for line in lines)


@pytest.fixture(scope="module")
def released() -> list[Wave]:
    out = waves()
    by_number = {o.number: o for w in out for o in w.orders}
    totes = [CART.totes_for(o.volume_cm3, o.weight_g) for o in by_number.values()]
    assert max(totes) == 2 and min(totes) == 1, "the set should mix one- and two-tote orders"
    assert any(w.urgent for w in out) and any(w.urgent != {o.number for o in w.orders} for w in out)
    return out


@pytest.mark.parametrize("method", list(Method))
def test_every_method_picks_every_line_exactly_once(method: Method, released: list[Wave]) -> None:
    """Single, batch, cluster, zone and wave picking: each line's quantity is allocated once,
    runs come wave by wave with urgent runs first, and each run's tasks walk its length."""
    plan = plan_waves(released, method, FLOOR, CART, budget_s=BUDGET_S)
    assert_every_line_once(plan, released)
    assert_released_in_order(plan, released)
    for run in plan:
        assert run.method is method and run.tasks
        assert_routed(run)
    assert len({r.key for r in plan}) == len(plan)


def test_single_picking_walks_one_order_per_run(released: list[Wave]) -> None:
    """One order per run, every order once, urgent orders first in each wave."""
    plan = plan_waves(released, Method.SINGLE, FLOOR, CART, budget_s=BUDGET_S)
    assert all(len(r.orders) == 1 and r.zone is None for r in plan)
    assert sorted(r.orders[0] for r in plan) == sorted(o.number for w in released for o in w.orders)


@pytest.mark.parametrize("method", [Method.CLUSTER, Method.ZONE])
def test_tote_runs_fit_the_cart_without_sharing_a_tote(
    method: Method, released: list[Wave]
) -> None:
    """Cluster and zone picking: each order (or its zone's part) gets as many totes as its size
    needs, at distinct positions 1..K of the cart, and its items go into one of them."""
    plan = plan_waves(released, method, FLOOR, CART, budget_s=BUDGET_S)
    by_number = {o.number: o for w in released for o in w.orders}
    for run in plan:
        assert [number for number, _ in run.totes] == list(run.orders)
        positions = [p for _, totes in run.totes for p in totes]
        assert len(positions) == len(set(positions)) and set(positions) <= set(range(1, 7))
        own = dict(run.totes)
        for number, totes in run.totes:
            assert len(totes) == CART.totes_for(*part_size(run, by_number[number]))
        for task in run.tasks:
            assert all(a.tote in own[a.order] for a in task.allocations)
        assert not run.needs_sorting


@pytest.mark.parametrize("method", [Method.BATCH, Method.WAVE])
def test_bulk_runs_fit_the_cart_share(method: Method, released: list[Wave]) -> None:
    """Batch and wave picking: the orders of a run take at most one cart's share units (volume,
    weight or a put-wall slot each); nothing goes to a tote, the station sorts."""
    plan = plan_waves(released, method, FLOOR, CART, budget_s=BUDGET_S)
    by_number = {o.number: o for w in released for o in w.orders}
    for run in plan:
        shares = [CART.share_of_cart(*part_size(run, by_number[n])) for n in run.orders]
        assert sum(shares) <= CART.share_units
        assert run.totes == () and run.needs_sorting
        assert all(a.tote is None for t in run.tasks for a in t.allocations)


@pytest.mark.parametrize("method", [Method.ZONE, Method.WAVE])
def test_zone_runs_stay_in_one_zone(method: Method, released: list[Wave]) -> None:
    """Zone and wave picking: each run walks one zone, and the parts meet at consolidation."""
    plan = plan_waves(released, method, FLOOR, CART, budget_s=BUDGET_S)
    for run in plan:
        assert run.zone in ("A", "B") and run.needs_consolidation
        assert {FLOOR.aisles[t.spot.aisle].zone for t in run.tasks} == {run.zone}
    assert {r.zone for r in plan} == {"A", "B"}


def test_whole_order_runs_have_no_zone() -> None:
    """Single, batch and cluster runs walk both zones when the order does."""
    plan = plan_waves(waves(), Method.CLUSTER, FLOOR, CART, budget_s=BUDGET_S)
    assert all(r.zone is None and not r.needs_consolidation for r in plan)
    assert any(len({FLOOR.aisles[t.spot.aisle].zone for t in r.tasks}) == 2 for r in plan)


def test_empty_waves_plan_nothing() -> None:
    """No orders: no waves, and planning them gives no runs."""
    assert release_waves([], NOW) == []
    for method in Method:
        assert plan_waves([], method, FLOOR, CART, budget_s=BUDGET_S) == []


when = st.integers(-120, 600).map(lambda m: NOW + timedelta(minutes=m))
plan_orders = st.builds(
    PlanOrder,
    st.uuids().map(str),
    when,
    st.just(()),
    channel=st.sampled_from(["web", "b2b", "store", ""]),
    priority=st.integers(0, 2),
    carrier_cutoff=st.one_of(st.none(), when),
    carrier=st.sampled_from(["", "DHL", "UPS"]),
)


@settings(max_examples=60, deadline=None)
@given(
    open_orders=st.lists(plan_orders, max_size=40, unique_by=lambda o: o.number),
    wave_size=st.integers(1, 10),
)
def test_release_puts_every_order_in_exactly_one_wave_in_due_order(
    open_orders: list[PlanOrder], wave_size: int
) -> None:
    """Waves numbered 1, 2, ... of at most wave_size orders; read in sequence they list every
    order once, by due time (ship-by, or an earlier cut-off of the order or its carrier), then
    priority, channel rank, number; each wave's urgent set is its orders urgent now."""
    rules = ReleaseRules(
        wave_size=wave_size,
        channel_rank={"b2b": 0, "web": 5},  # ranks need not be contiguous
        carrier_cutoffs={"DHL": time(9, 30), "UPS": time(7, 0)},
    )
    released = release_waves(open_orders, NOW, rules)
    assert [w.number for w in released] == list(range(1, len(released) + 1))
    assert all(1 <= len(w.orders) <= wave_size for w in released)
    sequence = [o for w in released for o in w.orders]
    assert sorted(o.number for o in sequence) == sorted(o.number for o in open_orders)
    keys = [
        (due(o, NOW, rules), -o.priority, rules.channel_rank.get(o.channel, 6), o.number)
        for o in sequence
    ]
    assert keys == sorted(keys)
    assert all(due(o, NOW, rules) <= o.ship_by for o in sequence)
    assert sequence == release_order(open_orders, NOW, rules)
    for wave in released:
        assert wave.urgent == {o.number for o in wave.orders if is_urgent(o, NOW, rules)}


def test_urgency_is_priority_or_due_within_the_window() -> None:
    """Urgent: a raised priority, or due (the earliest of ship-by, the order's cut-off and its
    carrier's next daily cut-off) within two hours, overdue included; later is not."""
    rules = ReleaseRules(carrier_cutoffs={"DHL": time(9, 30), "UPS": time(7, 0)})

    def order(
        minutes: int, priority: int = 0, cutoff: int | None = None, carrier: str = ""
    ) -> PlanOrder:
        cut = None if cutoff is None else NOW + timedelta(minutes=cutoff)
        return PlanOrder("SO", NOW + timedelta(minutes=minutes), (), "", priority, cut, carrier)

    assert is_urgent(order(120), NOW, rules)
    assert not is_urgent(order(121), NOW, rules)
    assert is_urgent(order(-30), NOW, rules)
    assert is_urgent(order(600, priority=1), NOW, rules)
    assert is_urgent(order(600, cutoff=90), NOW, rules)
    assert not is_urgent(order(600, cutoff=300), NOW, rules)
    assert is_urgent(order(600, carrier="DHL"), NOW, rules)  # 09:30 today, 90 minutes away
    assert due(order(600, carrier="DHL"), NOW, rules) == NOW.replace(hour=9, minute=30)
    assert not is_urgent(order(600, carrier="UPS"), NOW, rules)  # 07:00 has gone: tomorrow
    assert due(order(600, carrier="UPS"), NOW, rules) == NOW + timedelta(minutes=600)
    wider = ReleaseRules(urgent_within=timedelta(hours=4))
    assert is_urgent(order(200), NOW, wider)
    with pytest.raises(ValueError):
        ReleaseRules(wave_size=0)


def test_tie_breaks_are_priority_then_channel_then_number() -> None:
    """Same due time: higher priority first, then the better-ranked channel (unranked last),
    then the order number."""
    due = NOW + timedelta(hours=5)
    rules = ReleaseRules(wave_size=2, channel_rank={"b2b": 0, "web": 1})
    mixed = [
        PlanOrder("SO-5", due, (), "store"),
        PlanOrder("SO-4", due, (), "web"),
        PlanOrder("SO-3", due, (), "b2b"),
        PlanOrder("SO-2", due, (), "web", priority=1),
        PlanOrder("SO-1", due, (), "store"),
        PlanOrder("SO-9", due - timedelta(minutes=1), (), "store"),
    ]
    released = release_waves(mixed, NOW, rules)
    assert [[o.number for o in w.orders] for w in released] == [
        ["SO-9", "SO-2"],
        ["SO-3", "SO-4"],
        ["SO-1", "SO-5"],
    ]
    assert [w.urgent for w in released] == [frozenset({"SO-2"}), frozenset(), frozenset()]


def test_unranked_channels_go_after_every_ranked_one() -> None:
    """Channel ranks with gaps (b2b 0, web 5): an unranked channel still comes after web."""
    rules = ReleaseRules(channel_rank={"b2b": 0, "web": 5})
    due_at = NOW + timedelta(hours=5)
    mixed = [PlanOrder(f"SO-{c}", due_at, (), c) for c in ("store", "web", "b2b")]
    assert [o.channel for o in release_order(mixed, NOW, rules)] == ["b2b", "web", "store"]
