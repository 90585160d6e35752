"""The order service keeps no state in memory: two ``tote hub serve`` processes on one
database act as one service (leases never given twice, a replay answered by either)."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
import requests

from sync.hub.db import open_hub_db
from sync.hub.demo_seed import seed_hub
from sync.hub.tokens import create_station
from sync.protocol import PROTOCOL_HEADER, PROTOCOL_VERSION
from tests.hub_process import HubProcess

STATIONS = 6
CALLS = 8


@pytest.fixture
def two_hubs(database_url: str) -> Iterator[tuple[str, list[str], list[str]]]:
    engine = open_hub_db(database_url)
    seed_hub(engine, "WH1", orders=40)
    tokens = [create_station(engine, "WH1", f"ST-{n}", f"Station {n}") for n in range(STATIONS)]
    engine.dispose()
    with HubProcess(database_url) as one, HubProcess(database_url) as two:
        yield database_url, [one.url, two.url], tokens


def _session(token: str) -> requests.Session:
    session = requests.Session()
    session.headers[PROTOCOL_HEADER] = str(PROTOCOL_VERSION)
    session.headers["Authorization"] = f"Bearer {token}"
    return session


@pytest.mark.slow
def test_two_hub_processes_never_lease_one_order_twice(
    two_hubs: tuple[str, list[str], list[str]],
) -> None:
    """GIVEN two hub processes on one database WHEN six stations, half on each process,
    ask for orders at the same time THEN every order goes to one station at most."""
    _, urls, tokens = two_hubs
    granted: list[tuple[str, str]] = []
    lock = threading.Lock()

    def station(n: int) -> None:
        session, url = _session(tokens[n]), urls[n % 2]
        for _ in range(CALLS):
            answer = session.post(f"{url}/v1/claims/next", json={"count": 1}, timeout=30)
            answer.raise_for_status()
            with lock:
                granted.extend((c["key"], f"ST-{n}") for c in answer.json()["claims"])

    threads = [threading.Thread(target=station, args=(n,)) for n in range(STATIONS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    orders = [key for key, _ in granted]
    assert len(orders) == len(set(orders)) == 40  # 48 asked, 40 exist: each once


def test_an_upload_replayed_to_the_other_process_gets_the_first_answer(
    two_hubs: tuple[str, list[str], list[str]],
) -> None:
    """GIVEN an upload whose answer was lost WHEN the station sends it again and a load
    balancer hands it to the other hub process THEN that process replays the first answer
    and stores nothing twice."""
    _, urls, tokens = two_hubs
    session = _session(tokens[0])
    feed = session.get(f"{urls[0]}/v1/changes", params={"limit": 2000}, timeout=30).json()
    number = next(c["order"]["number"] for c in feed["changes"] if c["kind"] == "order")
    event = {
        "event_id": str(uuid.uuid4()),
        "seq": 1,
        "type": "PackStarted",
        "at": datetime.now(UTC).isoformat(),
        "operator": "OP-1",
        "payload": {"order_number": number},
    }
    first = session.post(f"{urls[0]}/v1/events", json={"events": [event]}, timeout=30).json()
    again = session.post(f"{urls[1]}/v1/events", json={"events": [event]}, timeout=30).json()
    assert first["results"][0]["outcome"] == "accepted" and not first["results"][0]["replay"]
    assert again["results"][0] == {**first["results"][0], "replay": True}
