"""A fault-injecting TCP proxy for sync tests: the network failures a kiosk really meets.

It sits on 127.0.0.1 between a station's HTTP client and the hub and forwards bytes, except
when told to fail. Faults are chosen per HTTP request, not per TCP connection, because
``requests.Session`` keeps connections alive: a fault that only hit new connections would
never fire on the second request of a sync. So the proxy parses just enough HTTP/1.1 (the
request head, a Content-Length or chunked body, and the same for responses) to know where
one request ends and the next begins, and where to cut.

Modes (``set_mode``):

- ``pass``: forward both ways.
- ``refuse``: reset the connection at once (SO_LINGER 0), like a hub that is down.
- ``reset_during_upload``: forward the head and half of the body upstream, then reset both
  sides: the hub saw a truncated request and must not act on it.
- ``drop_response``: forward the whole request, wait for the hub's whole answer (so the hub
  has committed), then close the client's side without sending it: the case that makes
  idempotency keys necessary.
- ``hang``: take the request and never answer; the client must time out.
- ``http_500`` / ``http_429``: answer by itself (429 with ``Retry-After: 1``) with the hub's
  error body, never contacting the hub.
- ``slow``: forward in small chunks with a pause before each.

Every thread swallows socket errors: a torn connection is the point of this tool.
"""

from __future__ import annotations

import contextlib
import json
import select
import socket
import struct
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal, Self

Mode = Literal[
    "pass", "refuse", "reset_during_upload", "drop_response", "hang", "http_500", "http_429",
    "slow",
]  # fmt: skip
MODES: tuple[Mode, ...] = (
    "pass", "refuse", "reset_during_upload", "drop_response", "hang", "http_500", "http_429",
    "slow",
)  # fmt: skip

MAX_HEAD = 64 * 1024
_CANNED = {
    "http_500": (500, "Internal Server Error", "internal", "injected fault", {}),
    "http_429": (429, "Too Many Requests", "rate_limited", "injected fault", {"Retry-After": "1"}),
}


class _ClosedError(Exception):
    """The peer closed its side (or sent something this proxy cannot frame)."""


class _Conn:
    """A socket with a read buffer, so a head can be read without losing the body after it."""

    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock
        self.buf = b""

    def _fill(self) -> None:
        data = self.sock.recv(65536)
        if not data:
            raise _ClosedError
        self.buf += data

    def read_until(self, marker: bytes, limit: int = MAX_HEAD) -> bytes:
        while (end := self.buf.find(marker)) < 0:
            if len(self.buf) > limit:
                raise _ClosedError
            self._fill()
        end += len(marker)
        out, self.buf = self.buf[:end], self.buf[end:]
        return out

    def read_exact(self, n: int) -> bytes:
        while len(self.buf) < n:
            self._fill()
        out, self.buf = self.buf[:n], self.buf[n:]
        return out

    def read_to_eof(self) -> bytes:
        try:
            while True:
                self._fill()
        except (_ClosedError, OSError):
            pass
        out, self.buf = self.buf, b""
        return out

    def read_body(self, head: _Head) -> bytes:
        """The message body framed by ``head``: chunked (kept chunked), by length, or none."""
        if head.chunked:
            parts = []
            while True:
                size_line = self.read_until(b"\r\n")
                parts.append(size_line)
                try:
                    size = int(size_line.split(b";")[0].strip(), 16)
                except ValueError:
                    raise _ClosedError from None
                if size == 0:  # trailers end with an empty line
                    while (line := self.read_until(b"\r\n")) != b"\r\n":
                        parts.append(line)
                    parts.append(line)
                    return b"".join(parts)
                parts.append(self.read_exact(size + 2))
        return self.read_exact(head.length)


@dataclass(frozen=True, slots=True)
class _Head:
    raw: bytes
    first_line: str
    headers: dict[str, str]  # lower-case names; the last value wins
    length: int
    chunked: bool

    @classmethod
    def parse(cls, raw: bytes) -> _Head:
        lines = raw.decode("latin-1").split("\r\n")
        headers = {}
        for line in lines[1:]:
            name, sep, value = line.partition(":")
            if sep:
                headers[name.strip().lower()] = value.strip()
        chunked = "chunked" in headers.get("transfer-encoding", "").lower()
        try:
            length = 0 if chunked else int(headers.get("content-length", "0"))
        except ValueError:
            raise _ClosedError from None
        return cls(raw, lines[0], headers, max(length, 0), chunked)

    @property
    def closes(self) -> bool:
        return self.headers.get("connection", "").lower() == "close"


def _reset(sock: socket.socket | None) -> None:
    """Close with SO_LINGER 0: the peer sees a TCP RST, not an orderly end."""
    if sock is None:
        return
    with contextlib.suppress(OSError):
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    sock.close()


def _canned(mode: str) -> bytes:
    status, reason, code, message, extra = _CANNED[mode]
    body = json.dumps({"code": code, "message": message}).encode()
    lines = [f"HTTP/1.1 {status} {reason}", "Content-Type: application/json",
             f"Content-Length: {len(body)}", *(f"{k}: {v}" for k, v in extra.items())]  # fmt: skip
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + body


class FaultProxy:
    """The proxy; build it with ``FaultProxy.start`` and always ``stop`` it."""

    def __init__(
        self, upstream: tuple[str, int], *, slow_delay_s: float = 0.05, slow_chunk: int = 512
    ) -> None:
        self.upstream = upstream
        self.slow_delay_s, self.slow_chunk = slow_delay_s, slow_chunk
        self._lock = threading.Lock()
        self._mode: Mode = "pass"
        self._remaining: int | None = None
        self._counts: Counter[str] = Counter()
        self._socks: set[socket.socket] = set()
        self._threads: list[threading.Thread] = []
        self._stopped = threading.Event()
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port: int = self._listener.getsockname()[1]

    @classmethod
    def start(
        cls,
        upstream_host: str,
        upstream_port: int,
        *,
        slow_delay_s: float = 0.05,
        slow_chunk: int = 512,
    ) -> Self:
        """Listen on a free loopback port and forward to ``upstream_host:upstream_port``."""
        proxy = cls(
            (upstream_host, upstream_port), slow_delay_s=slow_delay_s, slow_chunk=slow_chunk
        )
        proxy._spawn(proxy._accept_loop, "faultproxy-accept")
        return proxy

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def set_mode(self, mode: Mode, count: int | None = None) -> None:
        """Fail the next ``count`` requests (or connections, for ``refuse``) this way, then
        go back to ``pass``; ``count=None`` keeps the mode until told otherwise."""
        if mode not in MODES:
            raise ValueError(f"unknown mode {mode!r}")
        if count is not None and count < 1:
            raise ValueError("count must be at least 1")
        with self._lock:
            self._mode, self._remaining = mode, count

    @property
    def mode(self) -> Mode:
        with self._lock:
            return self._mode

    @property
    def counts(self) -> dict[str, int]:
        """How many requests (connections, for a ``refuse`` at accept) met each mode."""
        with self._lock:
            return dict(self._counts)

    def stop(self) -> None:
        """Close every socket and wait for the threads; a hanging client gets a reset."""
        self._stopped.set()
        with self._lock:
            socks = [self._listener, *self._socks]
        for s in socks:  # shutdown, unlike close, wakes a thread blocked in accept or recv
            with contextlib.suppress(OSError):
                s.shutdown(socket.SHUT_RDWR)
            _reset(s)
        for t in self._threads:
            t.join(timeout=5)

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- internals ------------------------------------------------------------------------

    def _take(self, *, peek_only: Mode | None = None) -> Mode | None:
        """Consume one use of the current mode. With ``peek_only``, consume it only when the
        mode is that one (the accept loop asks only about ``refuse``)."""
        with self._lock:
            mode = self._mode
            if peek_only is not None and mode != peek_only:
                return None
            self._counts[mode] += 1
            if self._remaining is not None:
                self._remaining -= 1
                if self._remaining <= 0:
                    self._mode, self._remaining = "pass", None
            return mode

    def _spawn(self, target: Callable[..., None], name: str, *args: object) -> None:
        t = threading.Thread(target=target, args=args, name=name, daemon=True)
        with self._lock:
            self._threads = [x for x in self._threads if x.is_alive()]
            self._threads.append(t)
        t.start()

    def _track(self, sock: socket.socket) -> None:
        with self._lock:
            self._socks.add(sock)
        if self._stopped.is_set():
            _reset(sock)

    def _untrack(self, sock: socket.socket | None) -> None:
        if sock is not None:
            with self._lock:
                self._socks.discard(sock)

    def _accept_loop(self) -> None:
        while not self._stopped.is_set():
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            if self._take(peek_only="refuse"):
                _reset(client)
                continue
            client.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            self._track(client)
            self._spawn(self._serve, "faultproxy-conn", client)

    def _send(self, sock: socket.socket, data: bytes, slow: bool) -> None:
        if not slow:
            sock.sendall(data)
            return
        for i in range(0, len(data), self.slow_chunk):
            time.sleep(self.slow_delay_s)
            sock.sendall(data[i : i + self.slow_chunk])

    def _upstream(self, up: _Conn | None) -> _Conn:
        """The upstream connection, reopened if the hub closed it while it sat idle (its
        keep-alive timeout): the client's own connection to the proxy is still open, so
        without this a pass-through request would fail where a direct one would not."""
        if up is not None:
            readable, _, _ = select.select([up.sock], [], [], 0)
            if not readable or up.sock.recv(1, socket.MSG_PEEK):
                return up
            self._untrack(up.sock)
            up.sock.close()
        conn = _Conn(socket.create_connection(self.upstream, timeout=30))
        conn.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self._track(conn.sock)
        return conn

    def _serve(self, client_sock: socket.socket) -> None:
        client = _Conn(client_sock)
        up: _Conn | None = None
        abort = True  # reset both sides on the way out, unless the exchange ended cleanly
        try:
            while not self._stopped.is_set():
                try:
                    raw = client.read_until(b"\r\n\r\n")
                except _ClosedError:  # the client closed an idle connection: the normal end
                    abort = False
                    return
                head = _Head.parse(raw)
                body = client.read_body(head)
                mode = self._take() or "pass"
                if mode in _CANNED:
                    client_sock.sendall(_canned(mode))
                    continue
                if mode == "refuse":
                    return
                if mode == "hang":
                    client.read_to_eof()
                    abort = False
                    return
                up = self._upstream(up)
                if mode == "reset_during_upload":
                    half = head.raw + body[: len(body) // 2] if body else head.raw[:-4]
                    up.sock.sendall(half)
                    time.sleep(0.05)  # let the hub read the part before the reset
                    return
                slow = mode == "slow"
                self._send(up.sock, head.raw + body, slow)
                answer = _Head.parse(up.read_until(b"\r\n\r\n"))
                status = answer.first_line[9:12]
                no_body = head.first_line.startswith("HEAD ") or status in ("204", "304")
                to_eof = not (no_body or answer.chunked or "content-length" in answer.headers)
                reply = b"" if no_body else up.read_to_eof() if to_eof else up.read_body(answer)
                if mode == "drop_response":  # the hub has answered, so it has committed
                    abort = False
                    return
                self._send(client_sock, answer.raw + reply, slow)
                if to_eof or answer.closes or head.closes:
                    abort = False
                    return
        except (_ClosedError, OSError):
            return
        finally:
            self._untrack(client_sock)
            if up is not None:
                self._untrack(up.sock)
            for sock in (client_sock, up.sock if up else None):
                if abort:
                    _reset(sock)
                elif sock is not None:
                    sock.close()
