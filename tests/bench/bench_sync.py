"""Station sync through the real HTTP path to a hub in another process.

- ``pull_initial_20k_s``: a fresh station downloads and applies 20,000 orders (100,000
  lines) plus the demo catalogue; median of 3 fresh stores. Anchor: downloading the same
  pages without parsing or storing them.
- ``pull_incremental_100_ms``: 100 orders edited at the centre, pulled and applied by a
  station that is up to date; median of 5. Anchor: a pull that finds nothing new.
- ``drain_10k_events_s``: 10,000 queued outbox events pushed until the outbox is empty;
  median of 3. Anchor: the same number of events posted from pre-built JSON bodies
  (the hub and HTTP alone, no station store).

Each run checks its result (orders and lines stored, every event at the hub once), so a
fast wrong answer cannot pass as a figure.
"""

from __future__ import annotations

import json
import tempfile
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import requests
from sqlalchemy import func, select, text

from app.clock import utc_now
from app.context import StationContext
from app.domain.events import ItemPacked
from app.store.journal import emit
from app.store.open import Store, open_store
from app.store.tables import Order, OrderLine, OutboxEvent
from sync.client import HubClient
from sync.hub.db import open_hub_db
from sync.protocol import PROTOCOL_HEADER, PROTOCOL_VERSION
from sync.station_link import StationLink
from tests.bench.figures import Figure, median
from tests.bench.sync_rig import BenchHub, edit_orders, hub_process

ORDERS = 20_000
EVENTS = 10_000
CTX = StationContext("PACK-BENCH", "OP-BENCH")


@dataclass
class Station:
    store: Store
    link: StationLink


def _initial(folder: Path, hub: BenchHub) -> tuple[float, Station]:
    store = open_store(folder / "station.sqlite3")
    link = StationLink(store, HubClient(hub.url, hub.token), CTX, utc_now)
    started = time.perf_counter()
    link.pull_all()
    elapsed = time.perf_counter() - started
    with store.reads() as session:  # what landed: a fast wrong pull is no figure
        orders = session.scalar(select(func.count()).select_from(Order))
        lines = session.scalar(select(func.count()).select_from(OrderLine))
    if (orders, lines) != (ORDERS, ORDERS * 5):
        raise RuntimeError(f"initial pull stored {orders} orders and {lines} lines")
    return elapsed, Station(store, link)


def _raw_download(hub: BenchHub) -> float:
    session = requests.Session()
    headers = {PROTOCOL_HEADER: str(PROTOCOL_VERSION), "Authorization": f"Bearer {hub.token}"}
    started = time.perf_counter()
    after: str | None = None
    while True:
        params: dict[str, str | int] = {"limit": 1000}
        if after is not None:
            params["after"] = after
        body = session.get(f"{hub.url}/v1/changes", params=params, headers=headers).json()
        after = body["cursor"]
        if not body["more"]:
            return time.perf_counter() - started


def _queue_events(store: Store, count: int) -> None:
    now = datetime.now(UTC)
    with store.sessions.begin() as session:
        conn = session.connection()
        for n in range(count):
            event = ItemPacked(f"BN-{n % ORDERS:07d}", 1, "SKU", "4006381333931", 1, 1)
            emit(conn, CTX, now, event)


def _hub_events(hub: BenchHub) -> int:
    engine = open_hub_db(hub.database_url)
    try:
        with engine.connect() as conn:
            return int(conn.execute(text("SELECT count(*) FROM events")).scalar_one())
    finally:
        engine.dispose()


def _drain(station: Station, hub: BenchHub) -> float:
    _queue_events(station.store, EVENTS)
    before = _hub_events(hub)
    started = time.perf_counter()
    station.link.push_all()
    elapsed = time.perf_counter() - started
    with station.store.reads() as session:
        unsent = session.scalar(
            select(func.count()).select_from(OutboxEvent).where(OutboxEvent.sent_at.is_(None))
        )
    arrived = _hub_events(hub) - before
    if unsent or arrived != EVENTS:
        raise RuntimeError(f"drain left {unsent} unsent; the hub got {arrived} of {EVENTS}")
    return elapsed


def _raw_post(hub: BenchHub) -> float:
    session = requests.Session()
    headers = {
        PROTOCOL_HEADER: str(PROTOCOL_VERSION),
        "Authorization": f"Bearer {hub.token}",
        "Content-Type": "application/json",
    }
    at = datetime.now(UTC).isoformat()
    bodies = [
        json.dumps(
            {
                "events": [
                    {
                        "event_id": str(uuid.uuid4()),
                        "seq": 10_000_000 + b * 200 + i,
                        "type": "ItemPacked",
                        "at": at,
                        "operator": "OP-BENCH",
                        "payload": {
                            "order_number": f"BN-{(b * 200 + i) % ORDERS:07d}",
                            "line_no": 1,
                            "sku": "SKU",
                            "scanned_code": "4006381333931",
                            "quantity": 1,
                            "package_number": 1,
                        },
                    }
                    for i in range(200)
                ]
            }
        )
        for b in range(EVENTS // 200)
    ]
    started = time.perf_counter()
    for body in bodies:
        session.post(f"{hub.url}/v1/events", data=body, headers=headers).raise_for_status()
    return time.perf_counter() - started


def run() -> list[Figure]:
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        with hub_process(tmp, ORDERS) as hub:
            raw = median([_raw_download(hub) for _ in range(3)])
            initial: list[float] = []
            stations: list[Station] = []
            for run_no in range(3):
                folder = tmp / f"station-{run_no}"
                folder.mkdir()
                elapsed, station = _initial(folder, hub)
                initial.append(elapsed)
                stations.append(station)
            station = stations[-1]
            empty = median([_timed(station.link.pull_all) for _ in range(5)])
            incremental: list[float] = []
            for run_no in range(5):
                edit_orders(hub.database_url, range(run_no * 100, run_no * 100 + 100),
                            hub.skus, f"Edited {run_no}")  # fmt: skip
                incremental.append(_timed(station.link.pull_all))
                _check_edited(station.store, run_no)
            drains = [_drain(station, hub) for _ in range(3)]
            raw_post = median([_raw_post(hub) for _ in range(3)])
            for each in stations:
                each.store.close()
    pull_s = median(initial)
    return [
        Figure(
            "pull_initial_20k_s",
            round(pull_s, 2),
            "s",
            "<= 20",
            f"download of the same pages without storing them {raw:.2f} s "
            f"(x{pull_s / raw:.1f}); runs {', '.join(f'{v:.2f}' for v in initial)}",
        ),
        Figure(
            "pull_incremental_100_ms",
            round(median(incremental) * 1000, 1),
            "ms",
            "<= 300",
            f"a pull with nothing new {empty * 1000:.1f} ms",
        ),
        Figure(
            "drain_10k_events_s",
            round(median(drains), 2),
            "s",
            "<= 20",
            f"the same events posted from pre-built bodies {raw_post:.2f} s "
            f"(x{median(drains) / raw_post:.1f})",
        ),
    ]


def _timed(fn: Callable[[], object]) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def _check_edited(store: Store, run_no: int) -> None:
    with store.reads() as session:
        edited = session.scalar(
            select(func.count()).select_from(Order).where(Order.ship_name == f"Edited {run_no}")
        )
    if edited != 100:
        raise RuntimeError(f"incremental pull applied {edited} of 100 edits")
