"""``./run demo``'s order service: the first kiosk starts it, a second kiosk joins it."""

from __future__ import annotations

import socket
from pathlib import Path

from sync.client import HubClient
from sync.demo_hub import start_or_join
from tests.hub_process import free_port


def test_a_second_demo_kiosk_joins_the_hub_the_first_one_serves(tmp_path: Path) -> None:
    """GIVEN a demo kiosk serving the demo hub WHEN a second demo kiosk starts on the same
    machine THEN it serves nothing itself, uses the same URL with a token of its own, and
    both stations see the same seeded orders."""
    port = free_port()
    first = start_or_join(tmp_path / "hub", "PACK-01", port)
    try:
        second = start_or_join(tmp_path / "hub", "PACK-02", port)
        assert first.server is not None and second.server is None
        assert second.url == first.url and second.token != first.token
        one, two = HubClient(first.url, first.token), HubClient(second.url, second.token)
        assert one.hello().station == "PACK-01" and two.hello().station == "PACK-02"
        assert one.changes(None, 5).remaining == two.changes(None, 5).remaining > 0
    finally:
        first.stop()


def test_a_demo_hub_port_taken_by_something_else_moves_to_a_free_port(tmp_path: Path) -> None:
    """GIVEN the demo port held by a program that is not an order service WHEN the demo
    kiosk starts THEN it serves its hub on another port instead of failing."""
    with socket.socket() as other:
        other.bind(("127.0.0.1", 0))
        other.listen()
        port = int(other.getsockname()[1])
        hub = start_or_join(tmp_path / "hub", "PACK-01", port)
        try:
            assert hub.server is not None and hub.url != f"http://127.0.0.1:{port}"
            assert HubClient(hub.url, hub.token).hello().warehouse == "WH1"
        finally:
            hub.stop()
