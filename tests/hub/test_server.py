"""HubServer: what ./run demo and every integration test start the order service with."""

from __future__ import annotations

import socket
import time
from pathlib import Path

import pytest
import requests

from sync.hub.server import HubServer


def test_the_server_serves_on_a_free_port_and_stops_cleanly(tmp_path: Path) -> None:
    with HubServer.start(f"sqlite:///{tmp_path / 'hub.sqlite3'}") as server:
        assert server.url == f"http://127.0.0.1:{server.port}" and server.port > 0
        answer = requests.get(server.url + "/v1/hello", headers={"Tote-Protocol": "1"}, timeout=5)
        assert answer.status_code == 401  # up, and asking for a token
        started = time.monotonic()
    assert time.monotonic() - started < 3  # stop() is bounded
    with pytest.raises(requests.ConnectionError):
        requests.get(server.url + "/v1/hello", timeout=2)


def test_a_taken_port_fails_at_start_with_oserror(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        with pytest.raises(OSError):
            HubServer.start(f"sqlite:///{tmp_path / 'hub.sqlite3'}", port=port)
