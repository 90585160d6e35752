"""The kiosk with picking and receiving wired in, on a demo store with its floor, for UI
tests and screenshots; and a picker who does what the screen asks, by scans alone."""

from __future__ import annotations

import functools
import shutil
import time
from pathlib import Path
from unittest import mock

from sqlalchemy import select

from app.context import StationContext
from app.demo.seed import seed_floor_if_missing, seed_if_empty
from app.picking.guide import Step
from app.scanning import RawScan
from app.store.open import Store, open_store
from app.store.tables import Product, ProductBarcode
from app.usecases.pick_planning import release_wave
from app.usecases.pick_receiving import Receiving
from app.usecases.pick_station import PickWork
from tests.ui import kiosk
from tests.ui.kiosk import RecordingSound
from ui.main_window import MainWindow
from ui.qt import QApplication
from ui.services import Services

PICK_CTX = StationContext("PICK-UI", "OP-001")
_TEMPLATES: dict[tuple[Path, int], Path] = {}


def demo_store(folder: Path, template_dir: Path, orders: int = 60) -> Store:
    """A copy of a demo store (``orders`` orders and the demo floor), built once per folder."""
    template = _TEMPLATES.get((template_dir, orders))
    if template is None or not template.exists():
        template = template_dir / f"pick-demo-{orders}.sqlite3"
        built = open_store(template)
        seed_if_empty(built.sessions, orders=orders)
        seed_floor_if_missing(built.sessions)
        built.close()  # disposing the engine checkpoints the WAL into the file
        _TEMPLATES[(template_dir, orders)] = template
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / "station.sqlite3"
    shutil.copy(template, target)
    wal = template.with_name(template.name + "-wal")
    if wal.exists():  # normally checkpointed away on close; copied if a reader kept it
        shutil.copy(wal, target.with_name(target.name + "-wal"))
    return open_store(target)


def build_pick_window(
    store: Store, output_dir: Path, ctx: StationContext = PICK_CTX
) -> tuple[MainWindow, RecordingSound]:
    """``tests.ui.kiosk.build_window`` with the picking services ``app.main`` adds."""
    services = functools.partial(
        Services,
        picking=PickWork(store.sessions, ctx),
        receiving=Receiving(store.sessions, ctx),
        release_wave=functools.partial(release_wave, store.sessions, ctx),
    )
    with mock.patch.object(kiosk, "Services", services):
        return kiosk.build_window(store, output_dir, ctx)


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


def walk(work: PickWork, barcodes: dict[str, str], key: str, tote_prefix: str = "T") -> None:
    """Pick run ``key`` to the end through the use case (another picker, off screen)."""
    assert work.start(key).accepted
    for _ in range(5000):
        view = work.current()
        if view is None:
            return
        text = {
            Step.BIND_TOTE: lambda v: f"TOTE:{tote_prefix}-{v.run_key}-{v.tote.position}",
            Step.GO_TO: lambda v: f"LOC:{v.task.location}",
            Step.PICK: lambda v: barcodes[v.task.sku],
            Step.PUT: lambda v: f"TOTE:{v.tote.code}",
        }[view.step](view)
        result = work.scan(RawScan(text, "manual"))
        assert result.accepted, result
    raise AssertionError(f"run {key} did not finish")
