"""The kiosk picks demo runs by scans alone and sorts them at packing (real widgets, real
store, the screens' own buttons)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import func, insert, select, text

from app.demo.seed import seed_if_empty
from app.picking.guide import Step
from app.picking.waves import ReleaseRules
from app.store.open import Store, open_store
from app.store.pick_tables import OrderLineSubstitute, PickAllocation, PickRun, PickTask
from app.store.tables import OrderLine, Product, table
from app.usecases.pick_planning import NoFloorLayoutError, WaveReport
from tests.picking_driver import demo_store
from tests.ui.kiosk import RecordingSound, uninstall
from tests.ui.pick_kiosk import (
    build_pick_window,
    next_scan,
    scan,
    unit_barcodes,
    wait_released,
)
from ui.main_window import MainWindow
from ui.qt import QApplication, QPushButton
from ui.screens.pick import PickScreen
from ui.theme import TOUCH_TARGET_MM

Kiosk = tuple[MainWindow, RecordingSound]


@pytest.fixture(scope="module")
def templates(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("pick-templates")


@pytest.fixture
def store(templates: Path, tmp_path: Path) -> Iterator[Store]:
    copy = demo_store(tmp_path / "station", templates, orders=60)
    yield copy
    copy.close()


@pytest.fixture
def kiosk(qtbot: QtBot, store: Store, tmp_path: Path) -> Iterator[Kiosk]:
    """The kiosk with picking on the demo store; removed again even when the test fails."""
    window, sound = build_pick_window(store, tmp_path / "out")
    qtbot.addWidget(window)
    yield window, sound
    uninstall(window)


def release(window: MainWindow, method: str) -> WaveReport:
    """Press Pick, then the method's release button; the report once it is shown."""
    if window.picking.mode != "pick":
        window.picking.pick_button.click()
    window.picking.runs_screen.release_buttons[method].click()
    report = wait_released(window)
    assert isinstance(report, WaveReport), report
    assert report.runs
    assert report.plan in window.picking.runs_screen.report.text()
    shown = list(window.picking.runs_screen.run_rows)
    assert shown and set(shown) <= set(report.runs)  # the first 50 waiting are listed
    return report


def run_tasks(store: Store, key: str) -> list[tuple[int, int, int]]:
    """(seq, allocations, units) of each task of run ``key``."""
    with store.sessions() as s:
        rows = s.execute(
            select(PickTask.seq, func.count(PickAllocation.id), func.sum(PickAllocation.quantity))
            .join(PickAllocation, PickAllocation.task_id == PickTask.id)
            .join(PickRun, PickTask.run_id == PickRun.id)
            .where(PickRun.key == key)
            .group_by(PickTask.seq)
            .order_by(PickTask.seq)
        ).all()
    return [(int(a), int(b), int(c)) for a, b, c in rows]


def small_run(store: Store, method: str, min_tasks: int = 4) -> str:
    """The open run of ``method`` with the fewest tasks, at least ``min_tasks``, among the
    first 50 (those the runs screen lists)."""
    with store.sessions() as s:
        rows = s.execute(
            select(PickRun.key, func.count(PickTask.id))
            .join(PickTask, PickTask.run_id == PickRun.id)
            .where(PickRun.method == method, PickRun.status == "open")
            .group_by(PickRun.key)
            .order_by(func.min(PickRun.release_seq))
            .limit(50)
        ).all()
    return min((n, k) for k, n in rows if n >= min_tasks)[1]


def pick_all(window: MainWindow, codes: dict[str, str], seen: set[Step] | None = None) -> None:
    """Scan what the pick screen asks for until the run is done; every scan accepted."""
    screen = window.picking.pick_screen
    for _ in range(3000):
        assert screen.view is not None
        if seen is not None:
            seen.add(screen.view.step)
        wanted = next_scan(window, codes)
        if wanted is None:
            return
        scan(window, wanted)
        assert window.banner.tone != "error", window.banner.text()
    raise AssertionError("the run did not finish")


def outbox(store: Store, kind: str) -> list[dict[str, object]]:
    with store.sessions() as s:
        rows = s.execute(
            text("SELECT payload FROM outbox WHERE type = :t ORDER BY seq"), {"t": kind}
        )
        return [json.loads(r[0]) for r in rows]


def written(store: Store) -> tuple[object, ...]:
    """Row counts and unit totals of everything a pick scan writes."""
    with store.sessions() as s:
        counts = [
            s.execute(text(f"SELECT COUNT(*) FROM {t}")).scalar() for t in ("audit_log", "outbox")
        ]
        units = s.execute(
            text("SELECT SUM(picked), SUM(in_hand), SUM(short) FROM pick_allocations")
        ).one()
        totes = s.execute(text("SELECT COUNT(tote_code) FROM pick_totes")).scalar()
        at = s.execute(text("SELECT GROUP_CONCAT(at_location) FROM pick_runs")).scalar()
        return (*counts, *units, totes, at)


def start(window: MainWindow, key: str) -> PickScreen:
    window.picking.runs_screen.start_button(key).click()  # type: ignore[attr-defined]
    screen = window.picking.pick_screen
    assert window.stack.currentWidget() is screen
    assert screen.view is not None and screen.view.run_key == key
    return screen


def test_a_cluster_run_is_picked_by_scans_with_a_short_and_a_substitute(
    store: Store, kiosk: Kiosk
) -> None:
    """A released cluster run is walked by scans alone; a short pressed on screen and a
    substitute scanned reach the outbox, and the run ends done with the done sound."""
    window, sound = kiosk
    release(window, "cluster")
    key = small_run(store, "cluster")
    tasks = run_tasks(store, key)
    short_seq = tasks[1][0]
    sub_seq = next(seq for seq, allocations, _ in tasks[2:] if allocations == 1)
    codes = unit_barcodes(store)
    with store.sessions.begin() as s:  # the centre allows another product for one line
        line_id, own = s.execute(
            select(PickAllocation.order_line_id, PickTask.product_id)
            .join(PickTask, PickAllocation.task_id == PickTask.id)
            .join(PickRun, PickTask.run_id == PickRun.id)
            .where(PickRun.key == key, PickTask.seq == sub_seq)
        ).one()
        in_run = select(PickTask.product_id).join(PickRun).where(PickRun.key == key)
        other_id, other_sku = s.execute(
            select(Product.id, Product.sku)
            .where(Product.id.not_in(in_run), Product.sku.in_(list(codes)))
            .order_by(Product.id)
        ).first()
        s.execute(
            insert(table(OrderLineSubstitute)), {"order_line_id": line_id, "product_id": other_id}
        )
        assert own != other_id

    screen = start(window, key)
    assert screen.view is not None and screen.view.step is Step.BIND_TOTE
    assert "Scan a tote for cart position 1" in screen.step.detail.text()
    seen: set[Step] = set()
    shorted = substituted = False
    for _ in range(3000):
        view = screen.view
        assert view is not None
        seen.add(view.step)
        if view.step is Step.PICK and view.task is not None:
            assert re.fullmatch(r"\d+ of \d+", screen.step.quantity.text())
            if view.task.seq == short_seq and not shorted:
                screen.short_empty_button.click()
                assert window.banner.tone == "warn" and "short" in window.banner.headline
                shorted = True
                continue
            if view.task.seq == sub_seq and not substituted:
                scan(window, codes[other_sku])
                assert window.banner.tone == "ok", window.banner.text()
                substituted = True
                continue
        wanted = next_scan(window, codes)
        if wanted is None:
            break
        if view.step is Step.GO_TO and view.task is not None:
            assert screen.step.main.text() == view.task.location
        scan(window, wanted)
        assert window.banner.tone in ("ok", "done", "warn"), window.banner.text()
    assert shorted and substituted
    assert {Step.BIND_TOTE, Step.GO_TO, Step.PICK, Step.PUT, Step.DONE} <= seen
    assert screen.view is not None and screen.view.step is Step.DONE
    assert window.banner.tone == "done" and f"Run {key} done" in window.banner.headline
    assert sound.played[-1] == "done"
    assert screen.next_button.isVisible() and not screen.short_empty_button.isVisible()
    with store.sessions() as s:
        assert s.execute(select(PickRun.status).where(PickRun.key == key)).scalar() == "done"
    confirmed = outbox(store, "PickConfirmed")
    assert confirmed and all(str(e["tote"]).startswith(f"T-{key}-") for e in confirmed)
    assert [e for e in confirmed if e.get("substitute_sku") == other_sku]
    shorts = outbox(store, "ShortPick")
    assert len(shorts) >= 1 and shorts[0]["reason"] == "bin_empty"
    assert "error" not in sound.played


def test_batch_picks_are_sorted_to_put_wall_slots_until_an_order_is_complete(
    store: Store, kiosk: Kiosk
) -> None:
    """Items of a finished batch run, scanned in Sort & totes, fill their orders' slots one
    by one until an order's slot is complete."""
    window, sound = kiosk
    release(window, "batch")
    key = small_run(store, "batch")
    screen = start(window, key)
    codes = unit_barcodes(store)
    seen: set[Step] = set()
    pick_all(window, codes, seen)
    assert Step.PUT not in seen and Step.BIND_TOTE not in seen  # picked in bulk
    assert screen.view is not None and screen.view.step is Step.DONE

    window.picking.receive_button.click()
    receive = window.picking.receive_screen
    assert window.stack.currentWidget() is receive
    with store.sessions() as s:
        skus = s.execute(
            select(Product.sku, PickAllocation.picked)
            .join(PickTask, PickAllocation.task_id == PickTask.id)
            .join(Product, PickTask.product_id == Product.id)
            .join(PickRun, PickTask.run_id == PickRun.id)
            .where(PickRun.key == key)
            .order_by(PickTask.seq)
        ).all()
    units = [sku for sku, picked in skus for _ in range(picked)]
    scan(window, codes[units[0]])
    assert receive.number.text().isdigit()
    assert " of " in receive.count.text() and "units in the slot" in receive.count.text()
    complete = []
    for sku in units[1:]:
        scan(window, codes[sku])
        assert window.banner.tone in ("ok", "done"), window.banner.text()
        if window.banner.tone == "done":
            complete.append(receive.state.text())
    assert complete and "is complete: take it to packing" in complete[0]
    scan(window, codes[units[0]])  # every unit is in its slot already
    assert window.banner.tone == "error" and "No order waits for" in window.banner.headline
    assert sound.played[-1] == "error"


def test_zone_totes_wait_for_the_other_zones_then_the_order_is_complete(
    store: Store, kiosk: Kiosk
) -> None:
    """An order picked in two zones: its first tote scanned in waits for the other zone,
    the last one completes it."""
    window, _ = kiosk
    release(window, "zone")
    with store.sessions() as s:
        rows = s.execute(
            select(OrderLine.order_id, PickRun.key, PickRun.zone)
            .join(PickAllocation, PickAllocation.order_line_id == OrderLine.id)
            .join(PickTask, PickAllocation.task_id == PickTask.id)
            .join(PickRun, PickTask.run_id == PickRun.id)
            .where(PickRun.method == "zone")
        ).all()
    runs: dict[int, set[tuple[str, str]]] = {}
    for order_id, key, zone in rows:
        runs.setdefault(order_id, set()).add((key, zone))
    size = {key: len(run_tasks(store, key)) for key in {k for v in runs.values() for k, _ in v}}
    order_id = min(
        (r for r in runs if len(runs[r]) >= 2), key=lambda r: sum(size[k] for k, _ in runs[r])
    )
    keys = sorted(runs[order_id])
    number = _order_number(store, order_id)
    codes = unit_barcodes(store)
    mine: list[str] = []
    for index, (key, _zone) in enumerate(keys):
        if index:  # from Sort & totes, through packing, back to picking
            window.picking.packing_button.click()
            window.picking.pick_button.click()
        screen = start(window, key)
        pick_all(window, codes)
        assert screen.view is not None and screen.view.step is Step.DONE
        mine += [t.code for t in screen.view.totes if t.order == number and t.code]
        if index == 0:
            window.picking.receive_button.click()
            scan(window, f"TOTE:{mine[0]}")
            waiting = ", ".join(sorted({zone for _, zone in keys[1:]}))
            assert window.banner.tone == "ok", window.banner.text()
            assert f"Waiting for zone {waiting}" in window.banner.action
            assert window.picking.receive_screen.state.text().startswith("Waiting for zone")
    window.picking.packing_button.click()
    window.picking.receive_button.click()
    for code in mine[1:]:
        scan(window, f"TOTE:{code}")
    assert window.banner.tone == "done", window.banner.text()
    assert f"Order {number} is complete" in window.banner.headline
    assert window.picking.receive_screen.state.text() == "Complete: pack it"


def _order_number(store: Store, order_id: int) -> str:
    with store.sessions() as s:
        return str(
            s.execute(text("SELECT number FROM orders WHERE id = :i"), {"i": order_id}).scalar()
        )


@pytest.mark.parametrize("method", ["single", "wave"])
def test_single_and_wave_runs_are_released_and_picked(
    store: Store, kiosk: Kiosk, method: str
) -> None:
    """A single-order run and a wave run are released and picked to the end by scans."""
    window, sound = kiosk
    release(window, method)
    screen = start(window, small_run(store, method, min_tasks=2))
    pick_all(window, unit_barcodes(store))
    assert screen.view is not None and screen.view.step is Step.DONE
    assert sound.played[-1] == "done"


def test_refused_scans_show_why_and_change_nothing(store: Store, kiosk: Kiosk) -> None:
    """A wrong location, a wrong tote and an unknown barcode are each refused in red with
    the error sound, say what to do, and write nothing."""
    window, sound = kiosk
    release(window, "cluster")
    key = small_run(store, "cluster")
    screen = start(window, key)
    codes = unit_barcodes(store)
    while screen.view is not None and screen.view.step is Step.BIND_TOTE:
        scan(window, next_scan(window, codes) or "")
    view = screen.view
    assert view is not None and view.step is Step.GO_TO and view.task is not None
    other = next(t.location for t in view.tasks if t.location != view.task.location)

    before = written(store)
    scan(window, f"LOC:{other}")
    assert window.banner.tone == "error" and sound.played[-1] == "error"
    assert window.banner.headline == f"Wrong location: this is {other}"
    assert window.banner.action == f"Go to {view.task.location} and scan its label."
    assert written(store) == before and screen.view.step is Step.GO_TO

    scan(window, f"LOC:{view.task.location}")
    scan(window, "4006381333931")  # a real EAN-13 the demo does not sell
    assert window.banner.tone == "error" and "Unknown barcode" in window.banner.headline
    assert screen.view is not None and screen.view.step is Step.PICK

    while screen.view is not None and screen.view.step is not Step.PUT:
        scan(window, next_scan(window, codes) or "")
    right = screen.view.tote
    assert right is not None
    wrong = next(t for t in screen.view.totes if t.order != right.order)
    before = written(store)
    scan(window, f"TOTE:{wrong.code}")
    assert window.banner.tone == "error" and window.banner.headline == "Wrong tote"
    assert f"tote {right.position} ({right.code})" in window.banner.action
    assert written(store) == before and screen.view.step is Step.PUT


def test_a_restarted_kiosk_is_back_on_its_pick_run(
    qtbot: QtBot, store: Store, tmp_path: Path
) -> None:
    """Quit mid-run; a new kiosk on the same store opens the pick screen at the same step."""
    window, _ = build_pick_window(store, tmp_path / "out")
    release(window, "cluster")
    key = small_run(store, "cluster")
    screen = start(window, key)
    codes = unit_barcodes(store)
    for _ in range(3):
        scan(window, next_scan(window, codes) or "")
    step = screen.view.step if screen.view else None
    uninstall(window)

    again, _ = build_pick_window(store, tmp_path / "out")
    qtbot.addWidget(again)
    try:
        assert again.picking.mode == "pick"
        assert again.stack.currentWidget() is again.picking.pick_screen
        view = again.picking.pick_screen.view
        assert view is not None and view.run_key == key and view.step is step
        assert f"Back on run {key}" in again.banner.headline
    finally:
        uninstall(again)


def test_a_wave_cannot_be_released_without_a_floor_layout(qtbot: QtBot, tmp_path: Path) -> None:
    """A store the office has sent no floor to: the release says so in red, nothing is made."""
    bare = open_store(tmp_path / "bare.sqlite3")
    seed_if_empty(bare.sessions, orders=10)
    window, sound = build_pick_window(bare, tmp_path / "out")
    qtbot.addWidget(window)
    try:
        window.picking.pick_button.click()
        window.picking.runs_screen.release_buttons["cluster"].click()
        assert isinstance(wait_released(window), NoFloorLayoutError)
        assert window.banner.tone == "error" and "No floor layout" in window.banner.headline
        assert sound.played[-1] == "error"
        assert all(b.isEnabled() for b in window.picking.runs_screen.release_buttons.values())
        assert not window.picking.runs_screen.run_rows
    finally:
        uninstall(window)
        bare.close()


def test_pick_buttons_are_touch_sized_on_a_kiosk_and_a_handheld(store: Store, kiosk: Kiosk) -> None:
    """Every button of the pick screen is at least 15 mm tall, wide or narrow."""
    window, _ = kiosk
    release(window, "cluster")
    screen = start(window, small_run(store, "cluster"))
    touch = round(TOUCH_TARGET_MM / 25.4 * 96)
    for width in (1280, 480):
        window.resize(width, 800)
        QApplication.processEvents()
        if screen.narrow_bar.isVisible():
            screen.problem_button.click()
            QApplication.processEvents()
        shown = [b for b in screen.findChildren(QPushButton) if b.isVisible()]
        assert len(shown) >= 5
        assert all(b.height() >= touch for b in shown), [(b.text(), b.height()) for b in shown]


def test_a_whole_demo_wave_is_picked_by_scans_with_a_short_and_a_substitute(
    qtbot: QtBot, store: Store, tmp_path: Path
) -> None:
    """Every run of a released cluster wave is walked by scans, run after run with "Start
    next run"; one short pressed on screen and one substitute scanned. Every order line's
    units end up confirmed or reported short, once."""
    window, _ = build_pick_window(store, tmp_path / "out", rules=ReleaseRules(wave_size=8))
    qtbot.addWidget(window)
    try:
        report = release(window, "cluster")
        codes = unit_barcodes(store)
        last = report.runs[-1]
        sub_seq = next(seq for seq, allocations, _ in run_tasks(store, last) if allocations == 1)
        with store.sessions.begin() as s:  # the centre allows another product for one line
            line_id = s.execute(
                select(PickAllocation.order_line_id)
                .join(PickTask, PickAllocation.task_id == PickTask.id)
                .join(PickRun, PickTask.run_id == PickRun.id)
                .where(PickRun.key == last, PickTask.seq == sub_seq)
            ).scalar_one()
            in_wave = select(PickTask.product_id).join(PickRun).where(PickRun.plan == report.plan)
            other_id, other_sku = s.execute(
                select(Product.id, Product.sku)
                .where(Product.id.not_in(in_wave), Product.sku.in_(list(codes)))
                .order_by(Product.id)
            ).first()
            s.execute(
                insert(table(OrderLineSubstitute)),
                {"order_line_id": line_id, "product_id": other_id},
            )
        window.picking.runs_screen.start_next_button.click()
        screen = window.picking.pick_screen
        shorted = substituted = 0
        for key in report.runs:
            assert screen.view is not None and screen.view.run_key == key
            for _ in range(3000):
                view = screen.view
                assert view is not None
                if view.step is Step.PICK and view.task is not None:
                    if not shorted:
                        shorted = view.task.quantity - view.task.picked
                        screen.short_empty_button.click()
                        continue
                    if key == last and view.task.seq == sub_seq and not substituted:
                        scan(window, codes[other_sku])
                        assert window.banner.tone == "ok", window.banner.text()
                        substituted = 1
                        continue
                wanted = next_scan(window, codes)
                if wanted is None:
                    break
                scan(window, wanted)
                assert window.banner.tone in ("ok", "done", "warn"), window.banner.text()
            assert screen.view is not None and screen.view.step is Step.DONE
            if key != last:
                screen.next_button.click()
        assert substituted and shorted
        with store.sessions() as s:
            statuses = s.execute(
                select(PickRun.status).where(PickRun.plan == report.plan)
            ).scalars()
            assert set(statuses) == {"done"}
        picked = sum(int(e["quantity"]) for e in outbox(store, "PickConfirmed"))  # type: ignore[call-overload]
        short = sum(int(e["quantity_short"]) for e in outbox(store, "ShortPick"))  # type: ignore[call-overload]
        assert short == shorted and picked + short == report.units
        assert [e for e in outbox(store, "PickConfirmed") if e.get("substitute_sku") == other_sku]
    finally:
        uninstall(window)


def test_the_window_title_and_run_count_follow_the_mode(store: Store, kiosk: Kiosk) -> None:
    """Pick, Sort & totes and Packing each name themselves in the title; the runs screen
    counts every run waiting, also beyond the ones it lists."""
    window, _ = kiosk
    release(window, "single")  # one run per order: 60 runs, more than the 50 listed
    assert window.windowTitle() == "Tote — picking"
    title = window.picking.runs_screen.title.text()
    assert title.startswith("60 pick runs waiting") and "the first 50 listed" in title
    window.picking.packing_button.click()
    assert window.windowTitle() == "Tote — packing"
    window.picking.receive_button.click()
    assert window.windowTitle() == "Tote — sorting and totes"
