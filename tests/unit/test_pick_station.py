"""Guided picking on a real SQLite demo store: every confirmed pick committed with its event."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from app.context import StationContext
from app.domain.reasons import Reason
from app.picking.guide import Step
from app.picking.runs import Method
from app.scanning import GS, RawScan
from app.store.open import Store, open_store
from app.store.pick_tables import OrderLineSubstitute, PickAllocation, PickCapture, PickRun
from app.store.tables import AuditEntry, OrderLine, OutboxEvent, Product
from app.usecases.pick_planning import release_wave
from app.usecases.pick_station import PickOutcome, PickWork
from app.usecases.pick_views import PickView
from tests.picking_driver import barcodes, demo_store, follow, scan

NOW = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)
CTX = StationContext("CART-1", "OP-001")


@pytest.fixture(scope="session")
def templates(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("pick-templates")


@pytest.fixture
def store(tmp_path: Path, templates: Path) -> Iterator[Store]:
    s = demo_store(tmp_path, templates)
    yield s
    s.close()


def work(store: Store, ctx: StationContext = CTX) -> PickWork:
    return PickWork(store.sessions, ctx, clock=lambda: NOW)


def release(store: Store, method: Method = Method.CLUSTER) -> list[str]:
    report = release_wave(store.sessions, CTX, method, clock=lambda: NOW, budget_s=0.05)
    assert report.runs, report
    return list(report.runs)


def events(store: Store, kind: str) -> list[dict[str, Any]]:
    with store.sessions() as session:
        rows = session.execute(
            select(OutboxEvent.payload).where(OutboxEvent.type == kind).order_by(OutboxEvent.seq)
        ).scalars()
        return [json.loads(p) for p in rows]


def counts(store: Store) -> tuple[int, int, int]:
    with store.sessions() as session:
        return (
            session.execute(select(func.count()).select_from(AuditEntry)).scalar_one(),
            session.execute(select(func.count()).select_from(OutboxEvent)).scalar_one(),
            session.execute(select(func.sum(PickAllocation.picked))).scalar_one() or 0,
        )


def test_a_cluster_run_picked_by_scans_confirms_every_unit_once(store: Store) -> None:
    """Bind totes, go, pick, put: the run ends done, each unit in exactly one PickConfirmed."""
    release(store)
    picker = work(store)
    started = picker.start()
    assert started.outcome == PickOutcome.RUN_STARTED and started.view is not None
    assert started.view.step is Step.BIND_TOTE
    units = started.view.units_total
    walk = follow(picker, barcodes(store))
    assert walk.results[-1].outcome == PickOutcome.RUN_DONE
    confirmed = events(store, "PickConfirmed")
    assert sum(e["quantity"] for e in confirmed) == units
    assert all(e["tote"] for e in confirmed)  # a cart of totes: every pick went into one
    with store.sessions() as session:
        run = session.execute(
            select(PickRun).where(PickRun.key == started.view.run_key)
        ).scalar_one()
        assert run.status == "done" and run.finished_at is not None
    assert picker.current() is None


def test_refused_scans_change_nothing(store: Store) -> None:
    """A wrong location, a wrong tote, an unknown code: refused, nothing written."""
    release(store)
    picker = work(store)
    picker.start()
    before = counts(store)
    result = scan(picker, "LOC:Z-99-99-9-9")
    assert result.reason is Reason.SCAN_TOTES_FIRST
    follow_until = picker.current()
    assert follow_until is not None
    assert counts(store) == before
    assert scan(picker, "NOT-A-CODE").reason is Reason.UNKNOWN_BARCODE
    assert scan(picker, "BOX:BOX-M").reason is Reason.CODE_NOT_USED_HERE
    assert counts(store) == before


def _bind_all(picker: PickWork, view: PickView) -> PickView:
    for tote in view.totes:
        result = scan(picker, f"TOTE:T-{tote.position}")
        assert result.accepted, result
    now = picker.current()
    assert now is not None
    return now


def test_wrong_location_and_tote_are_refused_with_what_to_do(store: Store) -> None:
    """The refusal names the expected location and the right tote."""
    release(store)
    picker = work(store)
    view = picker.start().view
    assert view is not None
    view = _bind_all(picker, view)
    assert view.step is Step.GO_TO and view.task is not None
    wrong = scan(
        picker, "LOC:A-01-01-1-1" if view.task.location != "A-01-01-1-1" else "LOC:B-01-01-1-1"
    )
    assert wrong.reason is Reason.WRONG_LOCATION
    assert wrong.params["expected"] == view.task.location
    item_first = scan(picker, barcodes(store)[view.task.sku])
    assert item_first.reason is Reason.SCAN_LOCATION_FIRST
    assert scan(picker, f"LOC:{view.task.location}").outcome == PickOutcome.AT_LOCATION
    gtins = barcodes(store)
    for _ in range(view.task.allocations[0].quantity):
        assert scan(picker, gtins[view.task.sku]).accepted
    at_put = picker.current()
    assert at_put is not None and at_put.step is Step.PUT and at_put.tote is not None
    others = [t for t in at_put.totes if t.order != at_put.tote.order]
    if others:
        refused = scan(picker, f"TOTE:{others[0].code}")
        assert refused.reason is Reason.WRONG_TOTE
        assert refused.params["position"] == at_put.tote.position


def test_a_short_pick_sends_the_replenishment_event_and_moves_on(store: Store) -> None:
    """Short: the missing units go to ShortPick with the location, and the walk goes on."""
    release(store)
    picker = work(store)
    view = picker.start().view
    assert view is not None
    _bind_all(picker, view)
    shorted: list[tuple[str, str, int]] = []

    def short_first(view: PickView) -> Any:
        if shorted or view.task is None:
            return None
        shorted.append((view.task.sku, view.task.location, view.task.quantity - view.task.picked))
        result = picker.short("bin_empty")
        assert result.outcome in (PickOutcome.SHORTED, PickOutcome.RUN_DONE)
        return result

    follow(picker, barcodes(store), on_pick=short_first)
    sku, location, missing = shorted[0]
    shorts = events(store, "ShortPick")
    assert sum(e["quantity_short"] for e in shorts) == missing
    assert {(e["sku"], e["location"], e["reason"]) for e in shorts} == {
        (sku, location, "bin_empty")
    }


def test_skip_comes_back_after_the_other_tasks(store: Store) -> None:
    """A skipped task is offered again only when every other task is done."""
    release(store)
    picker = work(store)
    view = picker.start().view
    assert view is not None
    view = _bind_all(picker, view)
    assert view.task is not None and len(view.tasks) > 1
    first = view.task.seq
    assert picker.skip().outcome == PickOutcome.SKIPPED
    after = picker.current()
    assert after is not None and after.task is not None and after.task.seq != first
    seen: list[int] = []

    def note(view: PickView) -> None:
        assert view.task is not None
        seen.append(view.task.seq)

    follow(picker, barcodes(store), on_pick=note)
    assert seen[-1] == first  # the skipped task came last


def test_damaged_unit_is_reported_and_not_counted(store: Store) -> None:
    """Damaged: an ItemDamaged event, no unit picked; the picker takes another one."""
    release(store)
    picker = work(store)
    view = _bind_all(picker, picker.start().view)  # type: ignore[arg-type]
    assert view.task is not None
    scan(picker, f"LOC:{view.task.location}")
    _, _, picked_before = counts(store)
    result = picker.damaged()
    assert result.outcome == PickOutcome.DAMAGED
    assert counts(store)[2] == picked_before
    (damaged,) = events(store, "ItemDamaged")
    assert damaged["sku"] == view.task.sku and damaged["location"] == view.task.location


def test_a_substitute_is_taken_only_where_the_order_allows_it(store: Store) -> None:
    """Another product is refused, unless the centre listed it as a substitute for the line."""
    release(store)
    picker = work(store)
    view = _bind_all(picker, picker.start().view)  # type: ignore[arg-type]
    assert view.task is not None and view.order is not None
    gtins = barcodes(store)
    other_sku = next(s for s in gtins if s != view.task.sku)
    scan(picker, f"LOC:{view.task.location}")
    assert scan(picker, gtins[other_sku]).reason is Reason.WRONG_ITEM
    allow_substitute(store, view.order, view.task.allocations[0].line_no, other_sku)
    result = scan(picker, gtins[other_sku])
    assert result.outcome == PickOutcome.ITEM_PICKED, result
    follow(picker, gtins)
    confirmed = [e for e in events(store, "PickConfirmed") if e.get("substitute_sku")]
    assert confirmed and confirmed[0]["substitute_sku"] == other_sku
    assert confirmed[0]["sku"] == view.task.sku


def allow_substitute(store: Store, order_number: str, line_no: int, sku: str) -> None:
    """The centre accepts ``sku`` instead of the product of the order's line ``line_no``."""
    from app.store.tables import Order

    with store.sessions.begin() as session:
        line_id = session.execute(
            select(OrderLine.id)
            .join(Order, Order.id == OrderLine.order_id)
            .where(Order.number == order_number, OrderLine.line_no == line_no)
        ).scalar_one()
        product = session.execute(select(Product.id).where(Product.sku == sku)).scalar_one()
        session.add(OrderLineSubstitute(order_line_id=line_id, product_id=product))


def test_gs1_scans_capture_lot_and_serial_and_refuse_expired_or_repeated_units(
    store: Store,
) -> None:
    """(01)+(17)+(10)+(21): an expired unit is refused, a serial cannot be picked twice."""
    release(store)
    picker = work(store)
    view = _bind_all(picker, picker.start().view)  # type: ignore[arg-type]
    assert view.task is not None
    gtin = barcodes(store)[view.task.sku]
    scan(picker, f"LOC:{view.task.location}")
    expired = scan(picker, f"]C101{gtin}17251231{GS}10LOT7{GS}21SN1")
    assert expired.reason is Reason.EXPIRED_ITEM
    good = scan(picker, f"]C101{gtin}17301231{GS}10LOT7{GS}21SN1")
    assert good.accepted, good
    with store.sessions() as session:
        capture = session.execute(select(PickCapture)).scalar_one()
        assert (capture.lot, capture.serial, capture.expiry) == ("LOT7", "SN1", "2030-12-31")
    if view.task.quantity > 1:
        again = scan(picker, f"]C101{gtin}17301231{GS}10LOT7{GS}21SN1")
        assert again.reason is Reason.DUPLICATE_SERIAL


def test_confirmed_picks_survive_a_restart_and_the_walk_resumes(
    store: Store, tmp_path: Path
) -> None:
    """Close the store mid-run and open it again: the same step, nothing lost."""
    release(store)
    picker = work(store)
    view = _bind_all(picker, picker.start().view)  # type: ignore[arg-type]
    assert view.task is not None
    scan(picker, f"LOC:{view.task.location}")
    scan(picker, barcodes(store)[view.task.sku])
    before = picker.current()
    store.close()
    reopened = open_store(tmp_path / "station.sqlite3")
    try:
        again = work(reopened)
        resumed = again.start()
        assert resumed.outcome == PickOutcome.RUN_RESUMED
        assert resumed.view == before
    finally:
        reopened.close()


def test_a_tote_on_another_live_cart_is_refused(store: Store) -> None:
    """Two carts cannot share a tote: the second binding names the run that has it."""
    keys = release(store)
    first = work(store)
    view = first.start(keys[0]).view
    assert view is not None
    scan(first, "TOTE:SHARED")
    second = work(store, StationContext("CART-2", "OP-002"))
    second.start(keys[1])
    refused = scan(second, "TOTE:SHARED")
    assert refused.reason is Reason.TOTE_IN_USE
    assert refused.params["run"] == keys[0]


def test_one_station_works_one_run_at_a_time(store: Store) -> None:
    """Starting another run while one is active is refused; leaving frees it for others."""
    keys = release(store)
    picker = work(store)
    picker.start(keys[0])
    assert picker.start(keys[1]).reason is Reason.FINISH_RUN_FIRST
    assert picker.leave().outcome == PickOutcome.RUN_LEFT
    other = work(store, StationContext("CART-2", "OP-002"))
    assert other.start(keys[0]).outcome == PickOutcome.RUN_STARTED


def test_urgent_runs_are_offered_first(store: Store) -> None:
    """Runs holding urgent orders come before the rest in the list pickers choose from."""
    release(store)
    runs = work(store).open_runs()
    flags = [r.urgent for r in runs]
    assert flags == sorted(flags, reverse=True)
    assert Counter(r.method for r in runs) == {"cluster": len(runs)}


def test_an_order_picked_with_a_substitute_is_packed_with_it(store: Store) -> None:
    """The substitute picked for a line is accepted when that order is packed."""
    from app.usecases.pack_station import PackStation
    from app.usecases.results import Outcome

    release(store)
    picker = work(store)
    view = _bind_all(picker, picker.start().view)  # type: ignore[arg-type]
    assert view.task is not None and view.order is not None
    gtins = barcodes(store)
    other_sku = next(s for s in gtins if s != view.task.sku)
    allow_substitute(store, view.order, view.task.allocations[0].line_no, other_sku)
    scan(picker, f"LOC:{view.task.location}")
    assert scan(picker, gtins[other_sku]).accepted
    follow(picker, gtins)
    packer = PackStation(store.sessions, StationContext("PACK-1", "OP-002"), clock=lambda: NOW)
    packer.ensure_station("Packing 1")
    opened = packer.scan(RawScan(view.order, "manual"))
    assert opened.view is not None
    result = opened
    for line in opened.view.lines:
        code = (
            gtins[other_sku]
            if line.line_no == view.task.allocations[0].line_no
            else gtins[line.sku]
        )
        for _ in range(line.qty_ordered - line.qty_packed):
            result = packer.scan(RawScan(code, "manual"))
            assert result.accepted, result
    assert result.outcome is Outcome.ORDER_PACKED


def test_an_order_still_being_picked_is_not_packed_yet(store: Store) -> None:
    """Scanning an order at packing while a run still picks it is refused, naming the
    run; once the run is done it opens."""
    from app.usecases.pack_station import PackStation
    from app.usecases.results import Outcome

    keys = release(store)
    picker = work(store)
    view = picker.start(keys[0]).view
    assert view is not None
    order = view.totes[0].order
    packer = PackStation(store.sessions, StationContext("PACK-1", "OP-002"), clock=lambda: NOW)
    packer.ensure_station("Packing 1")
    refused = packer.scan(RawScan(order, "manual"))
    assert refused.reason is Reason.ORDER_STILL_PICKING
    assert keys[0] in str(refused.params["runs"])
    follow(picker, barcodes(store))
    assert packer.scan(RawScan(order, "manual")).outcome is Outcome.ORDER_OPENED


def test_an_order_the_office_cancels_mid_walk_is_picked_no_further(store: Store) -> None:
    """Cancelled while its run is walked: its remaining tasks drop out, the others go on."""
    from app.store.tables import Order

    keys = release(store)
    picker = work(store)
    view = picker.start(keys[0]).view
    assert view is not None
    orders = {t.order for t in view.totes}
    cancelled = sorted(orders)[0]
    with store.sessions.begin() as session:
        session.execute(
            Order.__table__.update().where(Order.number == cancelled).values(status="cancelled")
        )
    follow(picker, barcodes(store))
    confirmed = {e["order_number"] for e in events(store, "PickConfirmed")}
    assert cancelled not in confirmed
    assert confirmed == orders - {cancelled}
