"""PackageClosed and LabelPrinted reach the real order service (sync/hub on SQLite,
127.0.0.1) through the station's sync engine, and the hub accepts every one of them."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select, text

from app.ports import DeliveryOutcome
from app.scanning import RawScan
from app.store.tables import OutboxEvent
from app.sync_status import SyncState
from app.usecases.print_decisions import PrintDecisions
from app.usecases.status import StationStatus
from sync.hub import catalog
from sync.hub.server import HubServer
from sync.hub.tables import events as hub_events
from sync.hub.tokens import create_station
from tests.factories import KETTLE_GTIN13, LAMP_GTIN13, MUG_GTIN13
from tests.sync.test_engine import WH, A, Hub, Station, seed
from tests.unit.test_documents import Gateway, Renderer, service

NEW_TYPES = ("PackageClosed", "LabelPrinted")


@pytest.fixture
def hub(tmp_path: Path) -> Iterator[Hub]:
    server = HubServer.start(f"sqlite:///{tmp_path / 'hub.sqlite3'}", claim_ttl_s=60)
    with server.engine.begin() as conn:
        catalog.ensure_warehouse(conn, WH, "Main warehouse")
    h = Hub(server, {A.station_code: create_station(server.engine, WH, A.station_code, "A")})
    seed(h, 2)
    yield h
    server.stop()


def test_package_and_print_events_are_accepted_by_the_order_service(
    hub: Hub, tmp_path: Path
) -> None:
    """GIVEN SO-1 packed on the scale (its slip delivered, its label uncertain then
    confirmed, then both reprinted) and SO-2 packed with no SSCC left and no weight WHEN
    the station syncs THEN every PackageClosed and LabelPrinted is at the hub, accepted,
    with the payload the station wrote."""
    st = Station(tmp_path / "station.sqlite3", hub.url, hub.tokens["PACK-A"], A)
    try:
        st.wait_state(SyncState.ONLINE)
        for code in ("SO-1", MUG_GTIN13, MUG_GTIN13):
            assert st.scan(code).accepted
        assert st.pack.scan(RawScan(LAMP_GTIN13, "test"), weight_g=1210).accepted
        docs = service(
            st.store, Renderer(), Gateway(DeliveryOutcome.DELIVERED, DeliveryOutcome.UNCERTAIN)
        )
        docs.run_pending()
        [job] = StationStatus(st.store.reads).uncertain_print_jobs()
        PrintDecisions(st.store.sessions, lambda: A).confirm_printed(job.job_id)
        assert st.scan("CMD:REPRINT").accepted
        docs.run_pending()
        with st.store.engine.begin() as conn:
            conn.execute(text("UPDATE local_sequence SET value = 999999 WHERE name = 'sscc'"))
        for code in ("SO-2", KETTLE_GTIN13):
            assert st.scan(code).accepted
        status = st.synced()
        with st.store.reads() as s:
            local = {
                r.event_id: (r.type, json.loads(r.payload))
                for r in s.execute(select(OutboxEvent).where(OutboxEvent.type.in_(NEW_TYPES)))
                .scalars()
                .all()
            }
    finally:
        st.close()
    assert status.quarantined == 0
    with hub.server.engine.connect() as conn:
        at_hub = {
            r.event_id: (r.type, json.loads(r.payload), r.outcome)
            for r in conn.execute(
                select(
                    hub_events.c.event_id,
                    hub_events.c.type,
                    hub_events.c.payload,
                    hub_events.c.outcome,
                ).where(hub_events.c.type.in_(NEW_TYPES))
            )
        }
    assert {e: (t, p) for e, (t, p, _) in at_hub.items()} == local
    assert {outcome for _, _, outcome in at_hub.values()} == {"accepted"}
    closed = sorted(
        (p["order_number"], p["sscc"] is None, p["weight_g"])
        for t, p in local.values()
        if t == "PackageClosed"
    )
    assert closed == [("SO-1", False, 1210), ("SO-2", True, None)]
    printed = sorted(
        (p["kind"], p["copy_number"], p["package_number"], p["printer"])
        for t, p in local.values()
        if t == "LabelPrinted"
    )
    assert printed == [
        ("packing_slip", 1, None, "Slips"),
        ("packing_slip", 2, None, "Slips"),
        ("shipping_label", 1, 1, "Labels"),
        ("shipping_label", 2, 1, "Labels"),
    ]
