"""The floor layout end to end: the demo order service (``./run demo``'s, on 127.0.0.1) to a
station's store through its sync engine, and the centre's later changes after it."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from app.context import StationContext
from app.demo.floor import demo_layout
from app.demo.generator import generate
from app.store.tables import AuditEntry
from app.sync_status import SyncState
from app.usecases.floor_layout import current_layout, layout_from_doc
from sync.demo_hub import DEMO_WAREHOUSE, DemoHub, start_or_join
from sync.hub import feed
from sync.hub.layout import set_layout
from sync.hub.server import HubServer
from tests.hub_process import free_port
from tests.sync.docs import layout
from tests.sync.test_engine import Station

PACK = StationContext("PACK-01", "OP-1")


@pytest.fixture
def demo(tmp_path: Path) -> Iterator[DemoHub]:
    hub = start_or_join(tmp_path / "hub", PACK.station_code, free_port())
    yield hub
    hub.stop()


@pytest.fixture
def station(demo: DemoHub, tmp_path: Path) -> Iterator[Station]:
    made = Station(tmp_path / "PACK-01.sqlite3", demo.url, demo.token, PACK, page_size=1000)
    yield made
    made.close()


def floor_of(station: Station) -> object:
    with station.store.reads() as s:
        return current_layout(s)


def server(demo: DemoHub) -> HubServer:
    assert demo.server is not None, "this test serves the demo hub itself"
    return demo.server


def test_a_station_syncing_with_the_demo_hub_gets_the_demo_floor(station: Station) -> None:
    """GIVEN the demo order service WHEN a new station finishes its first download THEN its
    store holds the demo floor, the one ``app.demo.floor`` draws from the demo locations."""
    station.synced()
    assert floor_of(station) == demo_layout(generate(orders=0).locations)


def test_the_centres_new_floor_reaches_a_synced_station(demo: DemoHub, station: Station) -> None:
    """A floor changed at the centre after the first download replaces the station's at its
    next sync (the feed's newest layout wins)."""
    station.synced()
    with server(demo).engine.begin() as conn:
        new, changed = set_layout(conn, DEMO_WAREHOUSE, layout(0, 3, 6, block_bays=(10,)))
    assert changed and new.version == 2
    station.synced()
    assert floor_of(station) == layout_from_doc(new)


def test_a_floor_the_station_cannot_use_leaves_sync_online_and_the_floor_as_it_was(
    demo: DemoHub, station: Station
) -> None:
    """GIVEN a synced station WHEN the feed brings a layout it cannot walk (written past the
    hub's own check, as an older hub might) THEN sync stays online, the station keeps its
    floor and audits ``layout_not_stored``."""
    station.synced()
    before = floor_of(station)
    bad = layout(3, 0, version=2)
    engine = server(demo).engine
    with engine.begin() as conn:
        feed.lock(conn, DEMO_WAREHOUSE)
        current = feed.current_docs(conn, DEMO_WAREHOUSE, "layout", [DEMO_WAREHOUSE])
        feed.write(conn, DEMO_WAREHOUSE, "layout", {DEMO_WAREHOUSE: bad.model_dump_json()}, current)
    status = station.synced()
    assert status.state is SyncState.ONLINE
    assert floor_of(station) == before
    with station.store.reads() as s:
        details = s.execute(
            select(AuditEntry.detail).where(AuditEntry.action == "layout_not_stored")
        ).scalars()
        assert [json.loads(d)["version"] for d in details] == [2]
