"""All four ways to pick, end to end on the demo warehouse: release, walk, receive at packing."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from app.context import StationContext
from app.domain.reasons import Reason
from app.picking.runs import Method
from app.scanning import RawScan
from app.store.open import Store
from app.store.pick_tables import PickRun, PickTote
from app.store.tables import OutboxEvent
from app.usecases.pick_planning import release_wave
from app.usecases.pick_receiving import Receiving
from app.usecases.pick_station import PickWork
from tests.picking_driver import barcodes, demo_store, follow

NOW = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)
CTX = StationContext("CART-1", "OP-001")


@pytest.fixture(scope="session")
def templates(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("method-templates")


@pytest.fixture
def store(tmp_path: Path, templates: Path) -> Iterator[Store]:
    s = demo_store(tmp_path, templates, orders=60)
    yield s
    s.close()


def pick_everything(store: Store, method: Method, wave_size: int = 12) -> tuple[list[str], int]:
    """Release one wave and pick all its runs; the units picked."""
    from app.picking.waves import ReleaseRules

    report = release_wave(
        store.sessions,
        CTX,
        method,
        clock=lambda: NOW,
        rules=ReleaseRules(wave_size=wave_size),
        budget_s=0.05,
    )
    assert report.runs and not report.left_out
    picker = PickWork(store.sessions, CTX, clock=lambda: NOW)
    gtins = barcodes(store)
    for key in report.runs:
        assert picker.start(key).accepted
        follow(picker, gtins)
    with store.sessions() as session:
        statuses = session.execute(select(PickRun.status)).scalars().all()
        payloads = session.execute(
            select(OutboxEvent.payload).where(OutboxEvent.type == "PickConfirmed")
        ).scalars()
        units = sum(json.loads(p)["quantity"] for p in payloads)
    assert set(statuses) == {"done"}
    assert units == report.units
    return list(report.runs), units


def picked_units(store: Store) -> dict[str, int]:
    """SKU -> units confirmed picked, from the outbox."""
    with store.sessions() as session:
        out: dict[str, int] = defaultdict(int)
        for payload in session.execute(
            select(OutboxEvent.payload).where(OutboxEvent.type == "PickConfirmed")
        ).scalars():
            body = json.loads(payload)
            out[body["sku"]] += body["quantity"]
        return out


def test_single_order_runs(store: Store) -> None:
    """Single order picking: one order per run, every unit confirmed into the order's tote."""
    keys, _ = pick_everything(store, Method.SINGLE)
    with store.sessions() as session:
        per_run = defaultdict(set)
        for run_id, order in session.execute(select(PickTote.run_id, PickTote.order_number)):
            per_run[run_id].add(order)
    assert len(keys) == 12
    assert all(len(orders) == 1 for orders in per_run.values())


def test_cluster_runs_then_totes_arrive_complete(store: Store) -> None:
    """Cluster: one order per tote; at packing each order's totes arrive and it is ready."""
    pick_everything(store, Method.CLUSTER)
    receiving = Receiving(store.sessions, CTX, clock=lambda: NOW)
    with store.sessions() as session:
        totes = session.execute(select(PickTote.order_number, PickTote.tote_code)).all()
    last: dict[str, bool] = {}
    for order, code in totes:
        result = receiving.scan(RawScan(f"TOTE:{code}", "manual"))
        assert result.arrival is not None and result.arrival.order == order
        last[order] = result.arrival.ready
    assert all(last.values())


def test_batch_picks_are_sorted_to_order_slots(store: Store) -> None:
    """Batch: totals picked in bulk, then every unit sorted to its order's slot at packing."""
    pick_everything(store, Method.BATCH)
    receiving = Receiving(store.sessions, CTX, clock=lambda: NOW)
    gtins = barcodes(store)
    ready: set[str] = set()
    for sku, units in picked_units(store).items():
        for _ in range(units):
            result = receiving.scan(RawScan(gtins[sku], "manual"))
            assert result.sort is not None, result
            if result.sort.slot.ready:
                ready.add(result.sort.slot.order)
    assert len(ready) == 12
    extra = receiving.scan(RawScan(gtins[next(iter(picked_units(store)))], "manual"))
    assert extra.reason is Reason.NOTHING_TO_SORT


def test_zone_parts_wait_for_every_zone_before_packing(store: Store) -> None:
    """Zone: each zone picks its part; an order is ready only when all its zones' totes are in."""
    pick_everything(store, Method.ZONE)
    with store.sessions() as session:
        zones = set(session.execute(select(PickRun.zone)).scalars())
        parts = session.execute(
            select(PickTote.order_number, PickTote.tote_code, PickRun.zone)
            .join(PickRun, PickRun.id == PickTote.run_id)
            .order_by(PickTote.order_number, PickRun.zone)
        ).all()
    assert len(zones) > 1 and None not in zones
    receiving = Receiving(store.sessions, CTX, clock=lambda: NOW)
    by_order: dict[str, list[str]] = defaultdict(list)
    for order, code, _zone in parts:
        by_order[order].append(str(code))
    split = [o for o, codes in by_order.items() if len(codes) > 1]
    assert split, "the demo wave should have orders spanning zones"
    for order in split:
        codes = by_order[order]
        first = receiving.scan(RawScan(f"TOTE:{codes[0]}", "manual")).arrival
        assert first is not None and not first.ready and first.totes_here == 1
        for code in codes[1:]:
            last = receiving.scan(RawScan(f"TOTE:{code}", "manual")).arrival
        assert last is not None and last.ready


def test_wave_totals_are_sorted_at_the_consolidation_point(store: Store) -> None:
    """Wave: every zone picks the wave's totals; one consolidation sort makes orders whole."""
    pick_everything(store, Method.WAVE)
    with store.sessions() as session:
        groups = set(session.execute(select(PickRun.sort_group)).scalars())
        zones = set(session.execute(select(PickRun.zone)).scalars())
    assert len(groups) == 1 and len(zones) > 1
    receiving = Receiving(store.sessions, CTX, clock=lambda: NOW)
    gtins = barcodes(store)
    ready: set[str] = set()
    for sku, count in picked_units(store).items():
        for _ in range(count):
            result = receiving.scan(RawScan(gtins[sku], "manual"))
            assert result.sort is not None, result
            if result.sort.slot.ready:
                ready.add(result.sort.slot.order)
    assert len(ready) == 12
