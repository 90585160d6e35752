"""Screenshots of picking and receiving (``./run shots``, called from ``tests/ui/shots.py``).

A cluster wave released from the runs screen, its report, a run walked by scans: a tote
scanned onto the cart, go to a location, pick (with the picture placeholder), put into a
tote, a short pick, the map, the run done; then at packing an item sorted to its put-wall
slot, a zone tote waiting for another zone and an order's totes complete. Taken at the
kiosk's size and a handheld's, in English and in Greek.
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import select

from app.context import StationContext
from app.picking.guide import Step
from app.picking.runs import Method
from app.store.open import Store
from app.store.pick_tables import PickAllocation, PickRun, PickTask
from app.store.tables import Order, OrderLine
from app.usecases.pick_planning import release_wave
from app.usecases.pick_station import PickWork
from tests.picking_driver import demo_store, follow
from tests.ui.kiosk import uninstall
from tests.ui.pick_kiosk import (
    build_pick_window,
    next_scan,
    scan,
    unit_barcodes,
    wait_released,
)
from ui.main_window import MainWindow
from ui.qt import QApplication

OTHER = StationContext("PICK-2", "OP-002")  # a picker on the floor, off screen
HANDHELD = (480, 800)


def take_pick_screenshots(
    out_dir: Path, size: tuple[int, int] = (1280, 800), greek: bool = False
) -> list[Path]:
    from tests.ui.shots import shooter, shot_run  # the same catalogue switch and camera

    with (
        tempfile.TemporaryDirectory() as tmp_name,
        shot_run(out_dir, greek) as (_, prefix, shots),
    ):
        tmp = Path(tmp_name)
        store = demo_store(tmp / "station", tmp, orders=180)
        window, _ = build_pick_window(store, tmp / "out")
        window.resize(*size)
        shot = shooter(window, out_dir, prefix, shots)

        try:
            # Packing's controls need more than a handheld's width (Pick and Sort & totes
            # beside the entry field); picking and sorting fit it, so the window is sized
            # again once it is in those modes.
            _picking(window, store, shot, size)
            _receiving(window, store, shot, size)
        finally:
            uninstall(window)
            store.close()
    return shots


def _picking(
    window: MainWindow, store: Store, shot: Callable[[str], None], size: tuple[int, int]
) -> None:
    codes = unit_barcodes(store)
    window.picking.pick_button.click()
    _fit(window, size)
    runs = window.picking.runs_screen
    runs.release_buttons["cluster"].click()
    wait_released(window)
    shot("30-pick-runs-released")
    work = window.picking
    assert work.runs_screen.run_rows
    key = _small_run(store, "cluster")
    runs.start_button(key).click()  # type: ignore[attr-defined]
    shot("31-pick-bind-tote")
    screen = window.picking.pick_screen
    while screen.view is not None and screen.view.step is Step.BIND_TOTE:
        scan(window, next_scan(window, codes) or "")
    shot("32-pick-go-to")
    scan(window, next_scan(window, codes) or "")
    shot("33-pick-item")
    while screen.view is not None and screen.view.step is Step.PICK:
        scan(window, next_scan(window, codes) or "")
        if screen.view.step is Step.PUT:
            break
    if screen.view is not None and screen.view.step is Step.PUT:
        shot("34-pick-put")
    while screen.view is not None and screen.view.step is not Step.PICK:
        scan(window, next_scan(window, codes) or "")
    if screen.narrow_bar.isVisible():
        screen.problem_button.click()
        shot("35-pick-problem-buttons")
    screen.short_empty_button.click()
    shot("36-pick-short")
    if screen.narrow_bar.isVisible():
        screen.map_button.click()
    shot("37-pick-map")
    screen.show_step_panel()
    while screen.view is not None and screen.view.step is not Step.DONE:
        scan(window, next_scan(window, codes) or "")
    shot("38-pick-run-done")


def _receiving(
    window: MainWindow, store: Store, shot: Callable[[str], None], size: tuple[int, int]
) -> None:
    codes = unit_barcodes(store)
    other = PickWork(store.sessions, OTHER)
    release_wave(store.sessions, OTHER, Method.BATCH)
    batch = _small_run(store, "batch")
    walk(other, codes, batch)
    window.picking.packing_button.click()
    window.picking.receive_button.click()
    _fit(window, size)
    shot("39-receive-idle")
    items = _run_items(store, batch)
    for sku in items[:3]:
        scan(window, codes[sku])
    shot("40-sort-slot")
    for sku in items[3:]:
        scan(window, codes[sku])
        if window.banner.tone == "done":
            break
    shot("41-sort-order-complete")
    release_wave(store.sessions, OTHER, Method.ZONE)
    order, keys = _zone_order(store)
    walk(other, codes, keys[0], "Z")
    scan(window, f"TOTE:Z-{keys[0]}-{_position(store, keys[0], order)}")
    shot("42-tote-waiting")
    for key in keys[1:]:
        walk(other, codes, key, "Z")
        scan(window, f"TOTE:Z-{key}-{_position(store, key, order)}")
    shot("43-tote-complete")


def _fit(window: MainWindow, size: tuple[int, int]) -> None:
    """The window at ``size`` again, once the mode's controls are laid out."""
    app = QApplication.instance()
    assert app is not None
    app.processEvents()
    window.resize(*size)
    app.processEvents()


def _small_run(store: Store, method: str) -> str:
    """The open run of ``method`` with the fewest tasks (but more than three)."""
    with store.sessions() as s:
        rows = s.execute(
            select(PickRun.key, PickTask.id)
            .join(PickTask, PickTask.run_id == PickRun.id)
            .where(PickRun.method == method, PickRun.status == "open")
        ).all()
    counts: dict[str, int] = {}
    for key, _ in rows:
        counts[key] = counts.get(key, 0) + 1
    return min((n, k) for k, n in counts.items() if n > 3)[1]


def _run_items(store: Store, key: str) -> list[str]:
    """One SKU per unit picked on run ``key``, in walking order."""
    with store.sessions() as s:
        rows = s.execute(
            select(PickTask.seq, PickAllocation.picked, OrderLine.product_id)
            .join(PickAllocation, PickAllocation.task_id == PickTask.id)
            .join(OrderLine, PickAllocation.order_line_id == OrderLine.id)
            .join(PickRun, PickTask.run_id == PickRun.id)
            .where(PickRun.key == key)
            .order_by(PickTask.seq)
        ).all()
        from app.store.tables import Product

        skus = dict(s.execute(select(Product.id, Product.sku)).all())
    return [skus[product] for _, picked, product in rows for _ in range(picked)]


def _zone_order(store: Store) -> tuple[str, list[str]]:
    """An order of the zone wave picked in two or three zones, and its runs' keys."""
    with store.sessions() as s:
        rows = s.execute(
            select(Order.number, PickRun.key, PickRun.zone)
            .join(OrderLine, OrderLine.order_id == Order.id)
            .join(PickAllocation, PickAllocation.order_line_id == OrderLine.id)
            .join(PickTask, PickAllocation.task_id == PickTask.id)
            .join(PickRun, PickTask.run_id == PickRun.id)
            .where(PickRun.method == "zone", PickRun.status == "open")
        ).all()
    runs: dict[str, set[str]] = {}
    for number, key, _zone in rows:
        runs.setdefault(number, set()).add(key)
    order = min((len(keys), number) for number, keys in runs.items() if len(keys) >= 2)[1]
    return order, sorted(runs[order])


def _position(store: Store, key: str, order: str) -> int:
    from app.store.pick_tables import PickTote

    with store.sessions() as s:
        return int(
            s.execute(
                select(PickTote.position)
                .join(PickRun, PickTote.run_id == PickRun.id)
                .where(PickRun.key == key, PickTote.order_number == order)
            ).scalar_one()
        )


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "out/screens")
    for width, height in ((1280, 800), HANDHELD):
        for greek in (False, True):
            for p in take_pick_screenshots(target / f"{width}x{height}", (width, height), greek):
                print(p)


def walk(work: PickWork, barcodes: dict[str, str], key: str, tote_prefix: str = "T") -> None:
    """Pick run ``key`` to the end through the use case (another picker, off screen)."""
    assert work.start(key).accepted
    follow(work, barcodes, tote_prefix=tote_prefix)
