"""The kiosk with a real order service: the status bar's sync states, leasing an order by
scanning it, an order held at another station, and going offline.

Real parts: the hub (sync/hub on a SQLite file, 127.0.0.1), the station's sync engine on its
own thread, the kiosk window (offscreen Qt).
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.context import StationContext
from app.domain.events import PackStarted
from app.scanning import RawScan
from app.store.journal import emit
from app.store.open import Store
from app.store.tables import Order
from app.sync_status import SyncState
from sync.client import HubClient
from sync.engine import SyncEngine
from sync.hub import catalog
from sync.hub.demo_seed import seed_hub
from sync.hub.server import HubServer
from sync.hub.tables import claims as hub_claims
from sync.hub.tokens import create_station
from tests.ui.kiosk import build_window, uninstall
from tests.ui.sync_shots import first_unit
from ui.main_window import MainWindow

CTX = StationContext("PACK-UI", "OP-001")
NOW = datetime.now(UTC)
WAIT_MS = 15_000


@pytest.fixture
def hub(tmp_path: Path) -> Iterator[HubServer]:
    server = HubServer.start(f"sqlite:///{tmp_path / 'hub.sqlite3'}")
    seed_hub(server.engine, "WH1", orders=12)
    yield server
    server.stop()


@pytest.fixture
def kiosk(
    qtbot: QtBot, store: Store, hub: HubServer, tmp_path: Path
) -> Iterator[tuple[MainWindow, SyncEngine]]:
    token = create_station(hub.engine, "WH1", CTX.station_code, "UI station")
    engine = SyncEngine(store.path, hub.url, token, CTX, claim_ahead=0, interval_s=0.2)
    engine.start()
    window, _ = build_window(store, tmp_path / "out", CTX, sync=engine)
    qtbot.addWidget(window)
    yield window, engine
    uninstall(window)
    window.shut_down()
    engine.stop()


def _open_orders(store: Store) -> list[str]:
    with store.reads() as session:
        return list(
            session.execute(
                select(Order.number).where(Order.status == "open").order_by(Order.number)
            ).scalars()
        )


def _holder(hub: HubServer, order: str) -> str | None:
    with hub.engine.connect() as conn:
        row = conn.execute(
            select(hub_claims.c.station).where(hub_claims.c.key == order)
        ).first()
    return None if row is None else str(row[0])


def test_the_status_bar_shows_the_station_online_after_its_first_download(
    qtbot: QtBot, kiosk: tuple[MainWindow, SyncEngine], store: Store
) -> None:
    """GIVEN a station joining a seeded hub WHEN its first download ends THEN the status
    bar says online and up to date, the orders are in the store and Sync now is hidden."""
    window, engine = kiosk
    qtbot.waitUntil(lambda: engine.status().state is SyncState.ONLINE, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: "online" in window.status_panel.sync.text(), timeout=WAIT_MS)
    assert len(_open_orders(store)) == 12
    assert window.status_panel.sync.property("state") == "good"
    assert not window.sync.now_button.isVisible()
    assert not window.ready.download.isVisible()


def test_scanning_an_order_not_held_leases_it_and_opens_it(
    qtbot: QtBot, kiosk: tuple[MainWindow, SyncEngine], store: Store, hub: HubServer
) -> None:
    """GIVEN an online station holding no lease WHEN an order is scanned THEN the kiosk
    asks the office, the hub records the lease for this station, and the order opens
    without a second scan."""
    window, _ = kiosk
    qtbot.waitUntil(lambda: len(_open_orders(store)) == 12, timeout=WAIT_MS)
    order = _open_orders(store)[0]
    window.handle_scan(RawScan(order, "manual", None, time.monotonic_ns()))
    assert "Asking the office" in window.banner.headline
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.pack, timeout=WAIT_MS)
    assert _holder(hub, order) == CTX.station_code
    assert order in window.banner.headline


def test_an_order_held_by_another_station_is_refused_with_its_name(
    qtbot: QtBot, kiosk: tuple[MainWindow, SyncEngine], store: Store, hub: HubServer
) -> None:
    """GIVEN another station leased an order WHEN this station scans it THEN the banner
    names the other station, nothing opens, and the lease stays where it was."""
    window, _ = kiosk
    qtbot.waitUntil(lambda: len(_open_orders(store)) == 12, timeout=WAIT_MS)
    order = _open_orders(store)[1]
    other = HubClient(hub.url, create_station(hub.engine, "WH1", "PACK-OTHER", "Other"))
    other.claim("order", order)
    window.handle_scan(RawScan(order, "manual", None, time.monotonic_ns()))
    qtbot.waitUntil(lambda: "PACK-OTHER" in window.banner.headline, timeout=WAIT_MS)
    assert window.stack.currentWidget() is window.ready
    assert _holder(hub, order) == "PACK-OTHER"


def test_losing_the_hub_shows_offline_since_and_the_sync_now_button(
    qtbot: QtBot, kiosk: tuple[MainWindow, SyncEngine], hub: HubServer
) -> None:
    """GIVEN an online station WHEN the order service goes away THEN the status bar says
    offline since when, in red, and the Sync now button appears."""
    window, engine = kiosk
    qtbot.waitUntil(lambda: engine.status().state is SyncState.ONLINE, timeout=WAIT_MS)
    hub.stop()
    qtbot.waitUntil(lambda: "offline since" in window.status_panel.sync.text(), timeout=WAIT_MS)
    assert window.status_panel.sync.property("state") == "bad"
    assert window.sync.now_button.isVisible()


def test_an_event_the_office_refuses_is_shown_to_a_supervisor(
    qtbot: QtBot, kiosk: tuple[MainWindow, SyncEngine], store: Store
) -> None:
    """GIVEN an action recorded here about an order the office does not know WHEN the hub
    refuses it THEN it is kept (quarantined), the status bar counts it in red, and the
    Refused events screen shows when, what, which order and the office's reason; Back
    returns to where the operator was."""
    window, engine = kiosk
    with store.sessions.begin() as session:
        emit(session.connection(), CTX, NOW, PackStarted("NOT-AT-THE-OFFICE"))
    qtbot.waitUntil(lambda: engine.status().quarantined == 1, timeout=WAIT_MS)
    qtbot.waitUntil(window.sync.refused_button.isVisible, timeout=WAIT_MS)
    assert "1" in window.sync.refused_button.text()
    assert "1 refused" in window.status_panel.sync.text()
    window.sync.refused_button.click()
    screen = window.stack.currentWidget()
    assert screen.table.rowCount() == 1
    row = [screen.table.item(0, c).text() for c in range(4)]
    assert row[1:3] == ["PackStarted", "NOT-AT-THE-OFFICE"]
    assert "NOT-AT-THE-OFFICE" in row[3]  # the office's own words: no such order
    screen.back_button.click()
    assert window.stack.currentWidget() is window.ready


def test_an_order_cancelled_at_the_office_while_packed_stops_on_screen_without_a_scan(
    qtbot: QtBot, kiosk: tuple[MainWindow, SyncEngine], store: Store, hub: HubServer
) -> None:
    """GIVEN an order on the pack screen with one unit scanned WHEN the office cancels it
    THEN, after the next pull and before any scan, the banner says to stop and put the
    scanned item back."""
    window, _ = kiosk
    qtbot.waitUntil(lambda: len(_open_orders(store)) == 12, timeout=WAIT_MS)
    order = _open_orders(store)[2]
    window.handle_scan(RawScan(order, "manual", None, time.monotonic_ns()))
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.pack, timeout=WAIT_MS)
    window.handle_scan(RawScan(first_unit(store, order), "manual", None, time.monotonic_ns()))
    assert window.banner.tone == "ok"
    with hub.engine.begin() as conn:
        catalog.set_order_status(conn, "WH1", order, "cancelled", "customer")
    qtbot.waitUntil(lambda: window.banner.tone == "error", timeout=WAIT_MS)
    assert order in window.banner.headline and "cancelled" in window.banner.headline
    assert "1 scanned" in window.banner.action
