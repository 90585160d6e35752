"""The fault proxy itself: real sockets, a real HTTP/1.1 server and a real ``requests`` client,
so the sync fault tests that rely on it fail for the reason they claim."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
import requests

from sync.hub.db import open_hub_db
from sync.hub.demo_seed import seed_hub
from sync.hub.server import HubServer
from sync.hub.tokens import create_station
from sync.protocol import PROTOCOL_HEADER, PROTOCOL_VERSION
from tests.faultproxy import FaultProxy


class _Upstream(ThreadingHTTPServer):
    """Records what it received, so a test can tell whether the "hub" saw a request."""

    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.lock = threading.Lock()
        self.uploads: list[bytes] = []
        self.requests = 0
        self.connections: set[int] = set()

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A torn upload is expected here; keep the test output quiet."""


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as uvicorn answers
    wbufsize = 65536  # head and body in one segment: two small writes cost 40 ms (Nagle)
    server: _Upstream

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet."""

    def _count(self) -> None:
        with self.server.lock:
            self.server.requests += 1
            self.server.connections.add(self.client_address[1])

    def _reply(self, body: bytes) -> None:
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        self._count()
        if self.path == "/chunked":
            self.send_response(200)
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            for part in (b"first,", b"second,", b"third"):
                self.wfile.write(b"%x\r\n%s\r\n" % (len(part), part))
            self.wfile.write(b"0\r\n\r\n")
        elif self.path == "/big":
            self._reply(b"x" * 4000)
        else:
            self._reply(f"ok {self.path}".encode())

    def do_POST(self) -> None:
        self._count()
        body = self.rfile.read(int(self.headers["Content-Length"]))
        if len(body) != int(self.headers["Content-Length"]):
            return  # cut off: a real server would not act on half a body
        with self.server.lock:
            self.server.uploads.append(body)
        self._reply(f"got {len(body)}".encode())


@pytest.fixture
def upstream() -> Iterator[_Upstream]:
    server = _Upstream()
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)


@pytest.fixture
def proxy(upstream: _Upstream) -> Iterator[FaultProxy]:
    host, port = upstream.server_address[:2]
    p = FaultProxy.start(str(host), int(port), slow_delay_s=0.02, slow_chunk=1000)
    yield p
    p.stop()


@pytest.fixture
def session() -> Iterator[requests.Session]:
    with requests.Session() as s:
        yield s


def test_pass_through_keeps_one_connection_alive_for_100_requests(
    proxy: FaultProxy, upstream: _Upstream, session: requests.Session
) -> None:
    """GIVEN pass mode WHEN one session sends 100 requests THEN all succeed over one
    connection each way, and every request was counted."""
    for n in range(100):
        r = session.get(f"{proxy.url}/{n}", timeout=5)
        assert r.status_code == 200
        assert r.text == f"ok /{n}"
    assert upstream.requests == 100
    assert len(upstream.connections) == 1
    assert proxy.counts == {"pass": 100}


def test_chunked_response_and_upload_pass_whole(
    proxy: FaultProxy, upstream: _Upstream, session: requests.Session
) -> None:
    """A chunked answer is framed correctly, so the next request on the connection works."""
    assert session.get(f"{proxy.url}/chunked", timeout=5).text == "first,second,third"
    r = session.post(f"{proxy.url}/up", data=b"a" * 70_000, timeout=5)
    assert r.text == "got 70000"
    assert session.get(f"{proxy.url}/after", timeout=5).text == "ok /after"
    assert upstream.uploads == [b"a" * 70_000]


def test_refuse_resets_new_and_kept_alive_connections(
    proxy: FaultProxy, upstream: _Upstream, session: requests.Session
) -> None:
    """A refused request is a ConnectionError whether its connection is new or reused."""
    assert session.get(f"{proxy.url}/warm", timeout=5).ok
    proxy.set_mode("refuse")
    with pytest.raises(requests.ConnectionError):
        session.get(f"{proxy.url}/reused", timeout=5)
    with pytest.raises(requests.ConnectionError):
        requests.get(f"{proxy.url}/fresh", timeout=5)
    assert upstream.requests == 1
    assert proxy.counts["refuse"] == 2


def test_reset_during_upload_reaches_the_upstream_only_in_part(
    proxy: FaultProxy, upstream: _Upstream, session: requests.Session
) -> None:
    """The client gets a ConnectionError and the server never received a whole body."""
    proxy.set_mode("reset_during_upload", count=1)
    with pytest.raises(requests.ConnectionError):
        session.post(f"{proxy.url}/up", data=b"b" * 20_000, timeout=5)
    time.sleep(0.1)
    assert upstream.uploads == []
    assert upstream.requests == 1  # it did start reading the request
    assert session.post(f"{proxy.url}/up", data=b"c" * 10, timeout=5).text == "got 10"


def test_drop_response_loses_the_answer_after_upstream_acted(
    proxy: FaultProxy, upstream: _Upstream, session: requests.Session
) -> None:
    """GIVEN drop_response WHEN the client uploads THEN the server stored the upload but the
    client saw only an error: the case idempotent retries exist for."""
    proxy.set_mode("drop_response", count=1)
    with pytest.raises(requests.ConnectionError):
        session.post(f"{proxy.url}/up", data=b"event-1", timeout=5)
    assert upstream.uploads == [b"event-1"]
    assert session.post(f"{proxy.url}/up", data=b"event-1", timeout=5).ok  # the retry
    assert upstream.uploads == [b"event-1", b"event-1"]


def test_hang_ends_in_a_client_read_timeout(
    proxy: FaultProxy, upstream: _Upstream, session: requests.Session
) -> None:
    """A hung request never reaches upstream and ends in ReadTimeout on the client."""
    proxy.set_mode("hang")
    started = time.monotonic()
    with pytest.raises(requests.ReadTimeout):
        session.get(f"{proxy.url}/slowpoke", timeout=(2, 0.3))
    assert time.monotonic() - started < 2
    assert upstream.requests == 0
    assert proxy.counts == {"hang": 1}


def test_http_500_is_answered_by_the_proxy(
    proxy: FaultProxy, upstream: _Upstream, session: requests.Session
) -> None:
    """A canned 500 carries the hub's error body and keeps the connection usable."""
    proxy.set_mode("http_500", count=1)
    r = session.get(f"{proxy.url}/x", timeout=5)
    assert r.status_code == 500
    assert r.json()["code"] == "internal"
    assert upstream.requests == 0
    assert session.get(f"{proxy.url}/y", timeout=5).ok


def test_http_429_says_when_to_come_back(
    proxy: FaultProxy, upstream: _Upstream, session: requests.Session
) -> None:
    """A canned 429 has Retry-After: 1 and the rate_limited code, without upstream."""
    proxy.set_mode("http_429")
    r = session.post(f"{proxy.url}/up", data=b"z", timeout=5)
    assert r.status_code == 429
    assert r.headers["Retry-After"] == "1"
    assert r.json()["code"] == "rate_limited"
    assert upstream.requests == 0


def test_slow_mode_delays_but_delivers_everything(
    proxy: FaultProxy, session: requests.Session
) -> None:
    """4000 bytes in 1000-byte chunks, 20 ms before each: at least 80 ms, and intact."""
    proxy.set_mode("slow")
    started = time.monotonic()
    r = session.get(f"{proxy.url}/big", timeout=5)
    assert time.monotonic() - started >= 0.08
    assert r.content == b"x" * 4000


def test_count_returns_to_pass_after_n_requests(
    proxy: FaultProxy, session: requests.Session
) -> None:
    """GIVEN http_500 for the next 3 WHEN 5 requests go out THEN 3 fail, then pass again."""
    proxy.set_mode("http_500", count=3)
    codes = [session.get(f"{proxy.url}/{n}", timeout=5).status_code for n in range(5)]
    assert codes == [500, 500, 500, 200, 200]
    assert proxy.mode == "pass"
    assert proxy.counts == {"http_500": 3, "pass": 2}


def test_stop_releases_a_hanging_client(upstream: _Upstream) -> None:
    """Stopping the proxy resets its connections, so no test waits for a long timeout."""
    host, port = upstream.server_address[:2]
    p = FaultProxy.start(str(host), int(port))
    p.set_mode("hang")
    errors: list[BaseException] = []

    def call() -> None:
        try:
            requests.get(f"{p.url}/x", timeout=30)
        except requests.RequestException as exc:
            errors.append(exc)

    t = threading.Thread(target=call)
    t.start()
    time.sleep(0.2)
    p.stop()
    t.join(timeout=5)
    assert not t.is_alive()
    assert len(errors) == 1


def test_unknown_mode_is_refused(proxy: FaultProxy) -> None:
    """A typo in a test fails loudly instead of silently passing traffic."""
    with pytest.raises(ValueError, match="unknown mode"):
        proxy.set_mode("drop")  # type: ignore[arg-type]


def test_in_front_of_the_real_hub_an_answer_lost_after_commit(tmp_path: Path) -> None:
    """GIVEN the proxy before a real hub (uvicorn, keep-alive) WHEN the answer to a status
    change is dropped THEN the client saw an error although the hub had committed it, and
    the connection pool recovers for the next request."""
    db = f"sqlite:///{tmp_path / 'hub.sqlite3'}"
    engine = open_hub_db(db)
    seed_hub(engine, "WH1", orders=3)
    token = create_station(engine, "WH1", "CENTRE", "Centre", "admin")
    headers = {PROTOCOL_HEADER: str(PROTOCOL_VERSION), "Authorization": f"Bearer {token}"}
    with HubServer.start(db) as hub, requests.Session() as s:
        p = FaultProxy.start("127.0.0.1", hub.port)
        try:
            for _ in range(20):
                assert s.get(f"{p.url}/v1/changes", headers=headers, timeout=5).ok
            p.set_mode("drop_response", count=1)
            with pytest.raises(requests.ConnectionError):
                s.post(f"{p.url}/v1/orders/SO-100001/status", json={"status": "held"},
                       headers=headers, timeout=5)  # fmt: skip
            order = s.get(f"{p.url}/v1/orders/SO-100001", headers=headers, timeout=5)
            assert order.json()["status"] == "held"
            assert p.counts == {"pass": 21, "drop_response": 1}
        finally:
            p.stop()
    engine.dispose()
