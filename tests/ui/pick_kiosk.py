"""The kiosk with picking and receiving wired in, on a demo store with its floor, for UI
tests and screenshots; and a picker who does what the screen asks, by scans alone."""

from __future__ import annotations

import functools
import time
from pathlib import Path

from sqlalchemy import select

from app.context import StationContext
from app.picking.guide import Step
from app.picking.waves import ReleaseRules
from app.scanning import RawScan
from app.store.open import Store
from app.store.tables import Product, ProductBarcode
from app.usecases.pick_planning import release_wave
from app.usecases.pick_receiving import Receiving
from app.usecases.pick_station import PickWork
from tests.ui import kiosk
from tests.ui.kiosk import RecordingSound
from ui.main_window import MainWindow
from ui.qt import QApplication

PICK_CTX = StationContext("PICK-UI", "OP-001")


def build_pick_window(
    store: Store,
    output_dir: Path,
    ctx: StationContext = PICK_CTX,
    rules: ReleaseRules | None = None,
) -> tuple[MainWindow, RecordingSound]:
    """``tests.ui.kiosk.build_window`` with the picking services ``app.main`` adds."""
    return kiosk.build_window(
        store,
        output_dir,
        ctx,
        picking=PickWork(store.sessions, ctx),
        receiving=Receiving(store.sessions, ctx),
        release_wave=functools.partial(release_wave, store.sessions, ctx, rules=rules),
    )


def unit_barcodes(store: Store) -> dict[str, str]:
    """One single-unit barcode (GTIN-13 form, as a scanner reads it) per SKU."""
    with store.sessions() as session:
        rows = session.execute(
            select(Product.sku, ProductBarcode.gtin14)
            .join(ProductBarcode, ProductBarcode.product_id == Product.id)
            .where(ProductBarcode.units == 1)
            .order_by(ProductBarcode.id)
        )
        out: dict[str, str] = {}
        for sku, gtin in rows:
            out.setdefault(sku, gtin.lstrip("0").zfill(13))
        return out


def scan(window: MainWindow, text: str) -> None:
    window.handle_scan(RawScan(text, "manual", None, time.monotonic_ns()))


def wait_released(window: MainWindow, seconds: float = 30) -> object:
    """Run the event loop until the wave release started from the runs screen answers."""
    got: list[object] = []
    window.picking.released.connect(got.append)
    deadline = time.monotonic() + seconds
    app = QApplication.instance()
    assert app is not None
    while not got:
        if time.monotonic() > deadline:
            raise AssertionError("the wave release did not answer")
        app.processEvents()
        time.sleep(0.01)
    window.picking.released.disconnect(got.append)
    return got[0]


def next_scan(window: MainWindow, barcodes: dict[str, str], tote_prefix: str = "T") -> str | None:
    """The scan the pick screen asks for now, or None when the run is done."""
    view = window.picking.pick_screen.view
    assert view is not None
    if view.step is Step.BIND_TOTE:
        assert view.tote is not None
        return f"TOTE:{tote_prefix}-{view.run_key}-{view.tote.position}"
    if view.step is Step.GO_TO:
        assert view.task is not None
        return f"LOC:{view.task.location}"
    if view.step is Step.PICK:
        assert view.task is not None
        return barcodes[view.task.sku]
    if view.step is Step.PUT:
        assert view.tote is not None and view.tote.code is not None
        return f"TOTE:{view.tote.code}"
    return None
