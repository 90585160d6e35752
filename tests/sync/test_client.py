"""The hub client against a tiny real HTTP server on 127.0.0.1: headers, replies, every
failure as one SyncError kind, and arbitrary bytes never escaping as anything else."""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sync.client import UNREADABLE, HubClient, SyncError, SyncErrorKind, retry_after_seconds
from sync.protocol import PROTOCOL_HEADER, EventIn

HELLO = {
    "protocol": 1,
    "min_protocol": 1,
    "station": "PACK-1",
    "station_name": "Packing 1",
    "warehouse": "WH1",
    "server_time": "2026-11-26T09:00:00Z",
    "claim_ttl_s": 300,
}


@dataclass
class Reply:
    status: int = 200
    body: bytes = b"{}"
    headers: dict[str, str] = field(default_factory=dict)
    delay_s: float = 0.0
    hang_up: bool = False  # close the connection without answering


@dataclass
class Fake:
    reply: Reply = field(default_factory=Reply)
    seen: list[tuple[str, str, dict[str, str], bytes]] = field(default_factory=list)


def serve(fake: Fake) -> tuple[ThreadingHTTPServer, str]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def _answer(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            fake.seen.append((self.command, self.path, dict(self.headers), body))
            reply = fake.reply
            if reply.delay_s:
                time.sleep(reply.delay_s)
            if reply.hang_up:
                self.close_connection = True
                self.connection.shutdown(socket.SHUT_RDWR)
                return
            self.send_response(reply.status)
            for name, value in reply.headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(reply.body)))
            self.end_headers()
            self.wfile.write(reply.body)

        def do_GET(self) -> None:
            self._answer()

        def do_POST(self) -> None:
            self._answer()

        def do_DELETE(self) -> None:
            self._answer()

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


@pytest.fixture(scope="module")
def hub() -> Iterator[tuple[Fake, str]]:
    fake = Fake()
    server, url = serve(fake)
    yield fake, url
    server.shutdown()
    server.server_close()


@pytest.fixture
def fake(hub: tuple[Fake, str]) -> Fake:
    hub[0].reply = Reply()
    hub[0].seen.clear()
    return hub[0]


@pytest.fixture
def client(hub: tuple[Fake, str]) -> Iterator[HubClient]:
    c = HubClient(hub[1], "secret-token", read_timeout=2)
    yield c
    c.close()


def error_of(client: HubClient) -> SyncError:
    with pytest.raises(SyncError) as info:
        client.hello()
    return info.value


def test_every_call_carries_the_protocol_version_and_the_token(
    fake: Fake, client: HubClient
) -> None:
    fake.reply = Reply(body=json.dumps(HELLO).encode())
    hello = client.hello()
    assert hello.station == "PACK-1" and hello.server_time == datetime(2026, 11, 26, 9, tzinfo=UTC)
    method, path, headers, _ = fake.seen[-1]
    assert (method, path) == ("GET", "/v1/hello")
    assert headers[PROTOCOL_HEADER] == "1"
    assert headers["Authorization"] == "Bearer secret-token"


def test_changes_and_push_send_what_the_protocol_says(fake: Fake, client: HubClient) -> None:
    fake.reply = Reply(body=b'{"changes": [], "cursor": "c9", "more": false, "remaining": 0}')
    page = client.changes("c8", 500)
    assert (page.cursor, page.more) == ("c9", False)
    assert fake.seen[-1][1] == "/v1/changes?limit=500&after=c8"
    event_id = "3f0c6c1e-5a7b-4c1e-9d2a-0b8f6d1e2a3b"
    fake.reply = Reply(
        body=json.dumps({"results": [{"event_id": event_id, "outcome": "accepted"}]}).encode()
    )
    event = EventIn(
        event_id=event_id,
        seq=7,
        type="PackStarted",
        at=datetime(2026, 11, 26, 9, tzinfo=UTC),
        operator="OP-1",
        payload={"order_number": "SO-1", "note": None},
    )
    assert client.push([event]).results[0].outcome == "accepted"
    method, path, headers, body = fake.seen[-1]
    assert (method, path, headers["Content-Type"]) == ("POST", "/v1/events", "application/json")
    sent = json.loads(body)["events"][0]
    assert sent["event_id"] == event_id and sent["payload"] == {
        "order_number": "SO-1",
        "note": None,
    }


def test_release_is_a_delete_of_the_claim(fake: Fake, client: HubClient) -> None:
    fake.reply = Reply(status=204, body=b"")
    client.release("c/1")
    assert fake.seen[-1][:2] == ("DELETE", "/v1/claims/c%2F1")


def error_body(code: str, message: str, **detail: object) -> bytes:
    return json.dumps({"code": code, "message": message, "detail": detail or None}).encode()


def test_server_errors_are_server_with_their_retry_after(fake: Fake, client: HubClient) -> None:
    fake.reply = Reply(500, error_body("internal", "try later"), {"Retry-After": "7"})
    error = error_of(client)
    assert (error.kind, error.status, error.retry_after) == (SyncErrorKind.SERVER, 500, 7.0)
    fake.reply = Reply(502, b"<html>Bad gateway</html>")
    assert error_of(client).kind is SyncErrorKind.SERVER


def test_rate_limits_take_retry_after_in_seconds_or_as_a_date(
    fake: Fake, client: HubClient
) -> None:
    fake.reply = Reply(429, error_body("rate_limited", "slow down"), {"Retry-After": "30"})
    assert (error_of(client).kind, error_of(client).retry_after) == (
        SyncErrorKind.RATE_LIMITED,
        30.0,
    )
    when = datetime.now(UTC) + timedelta(seconds=90)
    fake.reply = Reply(429, b"", {"Retry-After": format_datetime(when, usegmt=True)})
    wait = error_of(client).retry_after
    assert wait is not None and 80 <= wait <= 91


def test_auth_upgrade_and_refusals_keep_the_hubs_words(fake: Fake, client: HubClient) -> None:
    fake.reply = Reply(401, error_body("bad_token", "unknown token"))
    assert error_of(client).kind is SyncErrorKind.AUTH
    fake.reply = Reply(426, error_body("upgrade_required", "Update Tote on this station."))
    error = error_of(client)
    assert (error.kind, error.message) == (SyncErrorKind.UPGRADE, "Update Tote on this station.")
    fake.reply = Reply(409, error_body("claimed_elsewhere", "at PACK-2", station="PACK-2"))
    with pytest.raises(SyncError) as info:
        client.claim("order", "SO-1")
    refused = info.value
    assert (refused.kind, refused.code, refused.detail) == (
        SyncErrorKind.REFUSED,
        "claimed_elsewhere",
        {"station": "PACK-2"},
    )


def test_a_reply_that_is_not_the_protocol_is_malformed(fake: Fake, client: HubClient) -> None:
    """A 200 with the wrong shape, and a 404 page from something that is not the hub."""
    fake.reply = Reply(body=b'{"protocol": "one"}')
    error = error_of(client)
    assert (error.kind, error.message) == (SyncErrorKind.MALFORMED, UNREADABLE)
    assert error.cause and "protocol" in error.cause
    fake.reply = Reply(404, b"<html>Not Found</html>")
    assert error_of(client).kind is SyncErrorKind.MALFORMED


def test_no_connection_a_timeout_and_a_hang_up_are_unreachable(
    fake: Fake, hub: tuple[Fake, str]
) -> None:
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    assert error_of(HubClient(f"http://127.0.0.1:{port}", "t")).kind is SyncErrorKind.UNREACHABLE
    slow = HubClient(hub[1], "t", read_timeout=0.2)
    fake.reply = Reply(body=json.dumps(HELLO).encode(), delay_s=0.5)
    assert error_of(slow).kind is SyncErrorKind.UNREACHABLE
    fake.reply = Reply(hang_up=True)
    assert error_of(slow).kind is SyncErrorKind.UNREACHABLE


def test_retry_after_values_that_are_no_time_are_ignored() -> None:
    assert retry_after_seconds(None) is None
    assert retry_after_seconds("soon") is None
    assert retry_after_seconds(" 12 ") == 12.0
    assert retry_after_seconds("Thu, 01 Jan 1970 00:00:00 GMT") == 0.0


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(body=st.binary(max_size=300), call=st.sampled_from(["hello", "changes", "renew"]))
def test_arbitrary_bytes_as_a_reply_are_only_ever_malformed(
    hub: tuple[Fake, str], body: bytes, call: str
) -> None:
    """Whatever a broken proxy or hub sends with a 200, the client raises MALFORMED."""
    fake, url = hub
    fake.reply = Reply(body=body)
    client = HubClient(url, "t", read_timeout=2)
    try:
        with pytest.raises(SyncError) as info:
            if call == "hello":
                client.hello()
            elif call == "changes":
                client.changes(None, 10)
            else:
                client.renew(["c-1"])
        assert info.value.kind is SyncErrorKind.MALFORMED
    finally:
        client.close()


@settings(max_examples=100, deadline=None)
@given(
    body=st.one_of(st.binary(max_size=200), st.text(max_size=200).map(str.encode)),
    status=st.sampled_from([400, 403, 404, 409, 422, 426, 429, 500, 503]),
)
def test_arbitrary_error_replies_are_always_a_sync_error(
    hub: tuple[Fake, str], body: bytes, status: int
) -> None:
    fake, url = hub
    fake.reply = Reply(status=status, body=body, headers={"Retry-After": "x"})
    client = HubClient(url, "t", read_timeout=2)
    try:
        with pytest.raises(SyncError):
            client.hello()
    finally:
        client.close()
