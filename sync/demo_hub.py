"""``./run demo``'s order service: started in this process on a loopback port, or joined.

The first demo kiosk on a machine serves the hub (a SQLite file seeded with the demo data);
a second kiosk (``./run demo --station PACK-02``) finds it answering on the same port and
syncs with it. Each kiosk creates (or rotates) its own station token straight in the hub's
database: both run on this machine, which is what makes this shortcut safe for a demo only.
"""

from __future__ import annotations

import contextlib
import logging
from dataclasses import dataclass
from pathlib import Path

import requests

from sync.hub.db import open_hub_db
from sync.hub.demo_seed import seed_hub
from sync.hub.server import HubServer
from sync.hub.tokens import create_station
from sync.protocol import PROTOCOL_HEADER, PROTOCOL_VERSION

log = logging.getLogger(__name__)

DEMO_PORT = 8765
DEMO_WAREHOUSE = "WH1"


@dataclass
class DemoHub:
    url: str
    token: str
    server: HubServer | None  # None: another kiosk serves it

    def stop(self) -> None:
        if self.server is not None:
            self.server.stop()


def start_or_join(hub_dir: Path, station_code: str, port: int = DEMO_PORT) -> DemoHub:
    """The demo hub for ``station_code``: joined if one answers on ``port``, else started."""
    hub_dir.mkdir(parents=True, exist_ok=True)
    database_url = f"sqlite:///{hub_dir / 'hub.sqlite3'}"
    engine = open_hub_db(database_url)
    try:
        seed_hub(engine, DEMO_WAREHOUSE)
        token = create_station(
            engine, DEMO_WAREHOUSE, station_code, f"Packing station {station_code}"
        )
    finally:
        engine.dispose()
    url = f"http://127.0.0.1:{port}"
    if _is_hub(url):
        log.info("demo: joining the order service another kiosk runs at %s", url)
        return DemoHub(url, token, None)
    try:
        server = HubServer.start(database_url, port=port)
    except OSError:  # the port is taken by something else: any free one will do
        server = HubServer.start(database_url, port=0)
    log.info("demo: order service started at %s", server.url)
    return DemoHub(server.url, token, server)


def _is_hub(url: str) -> bool:
    """Something on ``url`` speaks Tote's protocol (it answers even without a token)."""
    with contextlib.suppress(requests.RequestException):
        answer = requests.get(
            f"{url}/v1/hello", headers={PROTOCOL_HEADER: str(PROTOCOL_VERSION)}, timeout=1
        )
        return PROTOCOL_HEADER.lower() in {k.lower() for k in answer.headers}
    return False
