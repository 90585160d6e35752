"""The order service keeps no state in memory: two ``tote hub serve`` processes on one
database act as one service (leases never given twice, a replay answered by either)."""

from __future__ import annotations

import socket
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
import requests

from sync.hub.db import open_hub_db
from sync.hub.demo_seed import seed_hub
from sync.hub.tokens import create_station
from sync.protocol import PROTOCOL_HEADER, PROTOCOL_VERSION

STATIONS = 6
CALLS = 8


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _serve(database_url: str) -> tuple[subprocess.Popen[bytes], str]:
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "sync.hub.cli", "serve", "--db", database_url, "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            requests.get(f"{url}/v1/hello", timeout=1)
            return process, url
        except requests.RequestException:
            time.sleep(0.05)
    process.kill()
    raise AssertionError("tote hub serve did not start")


@pytest.fixture
def two_hubs(database_url: str) -> Iterator[tuple[str, list[str], list[str]]]:
    engine = open_hub_db(database_url)
    seed_hub(engine, "WH1", orders=40)
    tokens = [create_station(engine, "WH1", f"ST-{n}", f"Station {n}") for n in range(STATIONS)]
    engine.dispose()
    served = [_serve(database_url) for _ in range(2)]
    yield database_url, [url for _, url in served], tokens
    for process, _ in served:
        process.terminate()
        process.wait(10)


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
