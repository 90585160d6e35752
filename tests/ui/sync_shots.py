"""Screenshots of the kiosk's sync states, against a real order service (``./run shots``).

The first download with its progress, asking the office for an order, an order held at
another station, an order cancelled at the office while it is being packed, and the
station offline with its Sync now button.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select

from app.context import StationContext
from app.demo.seed import seed_operators_if_empty
from app.domain.events import PackStarted
from app.scanning import RawScan
from app.store.journal import emit
from app.store.open import open_store
from app.store.tables import Order, ProductBarcode
from app.sync_status import SyncState
from sync.client import HubClient
from sync.engine import SyncEngine
from sync.hub import catalog
from sync.hub.demo_seed import seed_hub
from sync.hub.server import HubServer
from sync.hub.tokens import create_station
from tests.ui.kiosk import build_window, uninstall
from ui.main_window import MainWindow
from ui.qt import QApplication
from ui.sync_texts import sync_text

CTX = StationContext("PACK-01", "OP-001")


def _pump(app: QApplication, until: Callable[[], object], seconds: float = 20) -> None:
    deadline = time.monotonic() + seconds
    while not until():
        if time.monotonic() > deadline:
            raise RuntimeError("sync shots: timed out")
        app.processEvents()
        time.sleep(0.01)


def take_sync_screenshots(
    out_dir: Path, size: tuple[int, int] = (1280, 800), greek: bool = False
) -> list[Path]:
    from tests.ui.shots import shooter, shot_run  # the same catalogue switch and camera

    with (
        tempfile.TemporaryDirectory() as tmp_name,
        shot_run(out_dir, greek) as (
            app,
            prefix,
            shots,
        ),
    ):
        tmp = Path(tmp_name)
        hub = HubServer.start(f"sqlite:///{tmp / 'hub.sqlite3'}")
        seed_hub(hub.engine, "WH1", orders=1500)
        store = open_store(tmp / "station.sqlite3")
        seed_operators_if_empty(store.sessions)  # badges are the station's, not the hub's
        token = create_station(hub.engine, "WH1", CTX.station_code, "Station 1")
        engine = SyncEngine(
            store.path, hub.url, token, CTX, claim_ahead=0, interval_s=0.2, page_size=40
        )
        engine.start()
        window, _ = build_window(store, tmp / "out", CTX, sync=engine)
        window.resize(*size)
        shot = shooter(window, out_dir, prefix, shots)

        try:
            _pump(app, lambda: window.ready.download.isVisible() and engine.status().progress)
            _pump(app, lambda: (engine.status().progress or (0, 1))[0] > 200)
            _pump(app, lambda: _shown(window, engine))
            shot("20-sync-first-download")
            _pump(app, lambda: engine.status().state is SyncState.ONLINE, 60)
            with store.reads() as s:
                numbers = list(
                    s.execute(select(Order.number).order_by(Order.number).limit(2)).scalars()
                )
            window.handle_scan(RawScan(numbers[0], "manual", None, time.monotonic_ns()))
            shot("21-sync-asking-the-office")
            _pump(app, lambda: window.stack.currentWidget() is window.pack)
            window.handle_scan(RawScan(first_unit(store, numbers[0]), "manual", None, 0))
            with hub.engine.begin() as conn:
                catalog.set_order_status(conn, "WH1", numbers[0], "cancelled", "customer")
            # The stop notice is the only error banner naming the order here.
            _pump(
                app, lambda: window.banner.tone == "error" and numbers[0] in window.banner.headline
            )
            shot("22-sync-order-cancelled-while-packing")
            window.aside_button.click()
            other = HubClient(hub.url, create_station(hub.engine, "WH1", "PACK-02", "Two"))
            other.claim("order", numbers[1])
            window.handle_scan(RawScan(numbers[1], "manual", None, time.monotonic_ns()))
            _pump(app, lambda: "PACK-02" in window.banner.headline)
            shot("23-sync-held-at-another-station")
            with store.sessions.begin() as session:  # an action the office cannot record
                emit(session.connection(), CTX, datetime.now(UTC), PackStarted("SO-GONE-1"))
            _pump(app, window.sync.refused_button.isVisible)
            window.sync.refused_button.click()
            shot("25-sync-refused-events")
            window.stack.currentWidget().back_button.click()  # type: ignore[attr-defined]
            hub.stop()
            _pump(app, lambda: engine.status().state is SyncState.OFFLINE)
            _pump(app, lambda: _shown(window, engine))
            shot("24-sync-offline")
        finally:
            uninstall(window)
            window.shut_down()
            engine.stop()
            hub.stop()
            store.close()
    return shots


def _shown(window: MainWindow, engine: SyncEngine) -> bool:
    """The status bar says what the engine's state is now (it polls twice a second)."""
    return window.status_panel.sync.text() == sync_text(engine.status())[0]


def first_unit(store: object, number: str) -> str:
    with store.reads() as s:  # type: ignore[attr-defined]
        order = s.execute(select(Order).where(Order.number == number)).scalar_one()
        product_id = order.lines[0].product_id
        gtin = s.execute(
            select(ProductBarcode.gtin14).where(
                ProductBarcode.product_id == product_id, ProductBarcode.units == 1
            )
        ).scalar()
        return str(gtin).lstrip("0").zfill(13)
