"""Shared pieces of the sync integration tests: a real hub with a tap on its requests, a
fault proxy that timestamps what it did, a hub client that keeps a log of its calls, events
queued at a station, read-only looks into a station's store, and the exactly-once check.

Everything here is real: the hub is ``sync.hub`` served by uvicorn on 127.0.0.1, stations
talk HTTP through ``tests.faultproxy``. The tap and the recording client only observe (the
tap can also hold an answer back, after the hub committed, for the kill -9 test).
"""

from __future__ import annotations

import asyncio
import json
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.clock import utc_now
from app.context import StationContext
from app.domain.events import DomainEvent, ItemPacked, PackStarted
from app.store.journal import emit
from app.store.open import Store
from sync.client import HubClient, SyncError
from sync.hub import catalog
from sync.hub.app import create_app
from sync.hub.db import open_hub_db, reading
from sync.hub.demo_seed import seed_hub
from sync.hub.server import HubServer
from sync.hub.tables import claims as hub_claims
from sync.hub.tables import conflicts as hub_conflicts
from sync.hub.tables import events as hub_events
from sync.hub.tables import orders as hub_orders
from sync.hub.tokens import create_station
from sync.protocol import BatchResult, ChangesPage, EventIn, Hello, OrderDoc
from tests.faultproxy import FaultProxy, Mode

WH = "WH1"
ROOT = Path(__file__).resolve().parents[2]


def wait_for[T](
    probe: Callable[[], T | None],
    timeout: float,
    what: str | Callable[[], str],
    every: float = 0.02,
) -> T:
    """Poll ``probe`` until it returns something true and return that; fail after ``timeout``
    saying ``what`` was awaited (a callable is asked at that moment: the state then)."""
    deadline = time.monotonic() + timeout
    while True:
        value = probe()
        if value:
            return value
        if time.monotonic() > deadline:
            said = what() if callable(what) else what
            raise AssertionError(f"timed out after {timeout:g} s waiting for {said}")
        time.sleep(every)


# -- a station's store, read-only ----------------------------------------------------------


def ro_query(path: Path, sql: str, *params: object) -> list[tuple[Any, ...]]:
    """Rows of ``sql`` on a station's SQLite store, opened read-only (the station may be
    running: WAL lets this read a snapshot without disturbing it)."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=10)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def ro_scalar(path: Path, sql: str, *params: object) -> Any:
    rows = ro_query(path, sql, *params)
    return rows[0][0] if rows else None


@dataclass(frozen=True, slots=True)
class LocalEvent:
    seq: int
    event_id: str
    type: str
    payload: dict[str, Any]
    sent: bool
    quarantined: bool
    attempts: int


def outbox(path: Path) -> list[LocalEvent]:
    rows = ro_query(
        path,
        "SELECT seq, event_id, type, payload, sent_at IS NOT NULL, quarantined_at IS NOT NULL,"
        " attempts FROM outbox ORDER BY seq",
    )
    return [
        LocalEvent(seq, eid, typ, json.loads(payload), bool(sent), bool(quar), attempts)
        for seq, eid, typ, payload, sent, quar, attempts in rows
    ]


def unsent(path: Path) -> int:
    """Events neither accepted by the hub nor quarantined."""
    return int(
        ro_scalar(
            path, "SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL AND quarantined_at IS NULL"
        )
    )


def integrity(path: Path) -> str:
    return str(ro_scalar(path, "PRAGMA integrity_check"))


# -- events queued at a station -------------------------------------------------------------


def queue_events(
    store: Store, ctx: StationContext, docs: Sequence[OrderDoc], count: int
) -> list[str]:
    """``count`` outbox events written the way the packing use cases write them
    (``app.store.journal.emit`` in a store transaction): PackStarted then one ItemPacked per
    line, order after order of ``docs`` (round and round), so each names an order the hub
    knows. Returns their event ids in ``seq`` order."""
    made: list[DomainEvent] = []
    while len(made) < count:
        for doc in docs:
            made.append(PackStarted(doc.number))
            made.extend(
                ItemPacked(
                    doc.number, line.line_no, line.sku, f"{line.line_no:013d}", line.quantity, 1
                )
                for line in doc.lines
            )
    ids = []
    with store.engine.begin() as conn:
        now = utc_now()
        for event in made[:count]:
            ids.append(emit(conn, ctx, now, event))
    return ids


# -- the hub, with a tap on its requests ---------------------------------------------------


@dataclass(frozen=True, slots=True)
class Request:
    """One request the hub answered (or was about to answer)."""

    at: float  # monotonic, when it arrived
    station: str | None  # from its token
    method: str
    path: str
    status: int
    body: dict[str, Any] | None  # POST /v1/claims only: what was asked
    answer: dict[str, Any] | None  # POST /v1/claims only: what the hub answered


@dataclass
class Tap:
    """What the hub saw, and a gate that can hold back the answer to ``POST /v1/events``
    after the hub committed it (the moment a station dies without knowing)."""

    stations: dict[str, str] = field(default_factory=dict)  # token -> station code
    requests: list[Request] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    armed: bool = False
    held: threading.Event = field(default_factory=threading.Event)
    released: threading.Event = field(default_factory=threading.Event)

    def arm(self) -> None:
        """Hold the next answer to an upload (until ``release``)."""
        self.held.clear()
        self.released.clear()
        self.armed = True

    def release(self) -> None:
        self.armed = False
        self.released.set()

    def seen(self, path: str) -> list[Request]:
        with self.lock:
            return [r for r in self.requests if r.path == path]


class TapMiddleware:
    """Pure ASGI: records every request's station, path and status; POST /v1/claims bodies;
    holds the answer to an upload while the tap is armed (the hub has committed by then:
    the route returned before the answer starts)."""

    def __init__(self, app: ASGIApp, tap: Tap) -> None:
        self.app = app
        self.tap = tap

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        tap, at = self.tap, time.monotonic()
        auth = Headers(scope=scope).get("authorization", "")
        station = tap.stations.get(auth.removeprefix("Bearer ").strip())
        method, path = scope["method"], scope["path"]
        chunks: list[bytes] = []
        answer: list[bytes] = []
        status = 0
        claim = method == "POST" and path == "/v1/claims"

        async def receiving() -> Message:
            message = await receive()
            if message["type"] == "http.request" and claim:
                chunks.append(message.get("body", b""))
            return message

        async def sending(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = int(message["status"])
                if path == "/v1/events" and tap.armed:
                    tap.armed = False
                    tap.held.set()
                    deadline = time.monotonic() + 30
                    while not tap.released.is_set() and time.monotonic() < deadline:
                        await asyncio.sleep(0.01)
            elif message["type"] == "http.response.body" and claim:
                answer.append(message.get("body", b""))
            await send(message)

        try:
            await self.app(scope, receiving, sending)
        finally:
            asked = _json(b"".join(chunks)) if claim else None
            answered = _json(b"".join(answer)) if claim else None
            with tap.lock:
                tap.requests.append(Request(at, station, method, path, status, asked, answered))


def _json(data: bytes) -> dict[str, Any] | None:
    try:
        value = json.loads(data)
    except ValueError:
        return None
    return value if isinstance(value, dict) else None


@dataclass(frozen=True, slots=True)
class HubEvent:
    event_id: str
    station: str
    type: str
    station_seq: int
    outcome: str
    payload: dict[str, Any]


class Hub:
    """A real hub on 127.0.0.1 (its database at ``database_url``), seeded with the demo data,
    with station tokens and a tap on every request."""

    def __init__(self, server: HubServer, tap: Tap, tokens: dict[str, str]) -> None:
        self.server, self.tap, self.tokens = server, tap, tokens

    @classmethod
    def start(
        cls,
        database_url: str,
        *,
        orders: int,
        stations: Iterable[str] = ("PACK-A",),
        claim_ttl_s: int = 300,
    ) -> Hub:
        engine = open_hub_db(database_url)
        try:
            seed_hub(engine, WH, orders=orders)
            tokens = {
                code: create_station(engine, WH, code, f"Station {code}") for code in stations
            }
            tap = Tap(stations={token: code for code, token in tokens.items()})
            app = create_app(engine, claim_ttl_s=claim_ttl_s)
            app.add_middleware(TapMiddleware, tap=tap)
            server = HubServer.serve(app, engine)
        except BaseException:
            engine.dispose()
            raise
        return cls(server, tap, tokens)

    @property
    def url(self) -> str:
        return self.server.url

    @property
    def port(self) -> int:
        return self.server.port

    def stop(self) -> None:
        self.tap.release()
        self.server.stop()

    def order_docs(self) -> list[OrderDoc]:
        with reading(self.server.engine) as conn:
            numbers = list(
                conn.execute(
                    select(hub_orders.c.number)
                    .where(hub_orders.c.warehouse == WH)
                    .order_by(hub_orders.c.number)
                ).scalars()
            )
            docs = [catalog.get_order(conn, WH, n) for n in numbers]
        return [d for d in docs if d is not None]

    def events(self) -> list[HubEvent]:
        cols = hub_events.c
        stmt = select(
            cols.event_id, cols.station, cols.type, cols.station_seq, cols.outcome, cols.payload
        ).order_by(cols.station, cols.station_seq)
        with reading(self.server.engine) as conn:
            return [
                HubEvent(r[0], r[1], r[2], int(r[3]), r[4], json.loads(r[5]))
                for r in conn.execute(stmt)
            ]

    def event_count(self) -> int:
        with reading(self.server.engine) as conn:
            return int(conn.execute(select(func.count()).select_from(hub_events)).scalar_one())

    def event_ids(self) -> set[str]:
        with reading(self.server.engine) as conn:
            return set(conn.execute(select(hub_events.c.event_id)).scalars())

    def claims(self, key: str | None = None) -> list[tuple[str, str]]:
        """(order number, station) of the leases the hub holds now."""
        stmt = select(hub_claims.c.key, hub_claims.c.station).where(hub_claims.c.kind == "order")
        if key is not None:
            stmt = stmt.where(hub_claims.c.key == key)
        with reading(self.server.engine) as conn:
            return [(r[0], r[1]) for r in conn.execute(stmt)]

    def orders(self) -> dict[str, tuple[str, str | None, int]]:
        """number -> (status, packed_by, version)."""
        cols = hub_orders.c
        with reading(self.server.engine) as conn:
            return {
                r[0]: (r[1], r[2], int(r[3]))
                for r in conn.execute(
                    select(cols.number, cols.status, cols.packed_by, cols.version)
                )
            }

    def conflicts(self) -> list[tuple[str | None, str, str]]:
        """(order number, station, kind) of every conflict the hub recorded."""
        cols = hub_conflicts.c
        with reading(self.server.engine) as conn:
            return [
                (r[0], r[1], r[2])
                for r in conn.execute(select(cols.order_number, cols.station, cols.kind))
            ]


# -- the proxy, with a timestamp per request -----------------------------------------------


class TimedProxy(FaultProxy):
    """``FaultProxy`` keeping ``(monotonic time, mode)`` of every request it handled (and of
    every connection it refused at accept), to measure how long a client waited."""

    def __init__(self, *args: Any, **kw: Any) -> None:
        super().__init__(*args, **kw)
        self.log: list[tuple[float, Mode]] = []

    def _take(self, *, peek_only: Mode | None = None) -> Mode | None:
        mode = super()._take(peek_only=peek_only)
        if mode is not None:
            with self._lock:
                self.log.append((time.monotonic(), mode))
        return mode

    def entries(self) -> list[tuple[float, Mode]]:
        with self._lock:
            return list(self.log)


# -- the station's client, with a log of its calls -----------------------------------------


@dataclass
class Call:
    name: str  # hello, push, changes
    start: float  # monotonic
    end: float = 0.0
    event_ids: tuple[str, ...] = ()  # push
    after: str | None = None  # changes
    error: SyncError | None = None
    replays: int = 0  # push: results with replay true
    cursor: str | None = None  # changes: the page's cursor
    more: bool = False  # changes

    @property
    def ok(self) -> bool:
        return self.error is None


class RecordingClient(HubClient):
    """The real ``HubClient``; every hello, push and changes call is kept in ``calls``."""

    def __init__(self, *args: Any, **kw: Any) -> None:
        super().__init__(*args, **kw)
        self.calls: list[Call] = []
        self.hooks: list[Callable[[Call], None]] = []  # run on the calling thread, after each call
        self._calls_lock = threading.Lock()

    def _record(self, call: Call, fn: Callable[[], Any]) -> Any:
        try:
            result = fn()
        except SyncError as exc:
            call.error = exc
            self._done(call)
            raise
        if isinstance(result, BatchResult):
            call.replays = sum(r.replay for r in result.results)
        if isinstance(result, ChangesPage):
            call.cursor, call.more = result.cursor, result.more
        self._done(call)
        return result

    def _done(self, call: Call) -> None:
        call.end = time.monotonic()
        with self._calls_lock:
            self.calls.append(call)
        for hook in list(self.hooks):
            hook(call)

    def hello(self) -> Hello:
        return self._record(Call("hello", time.monotonic()), super().hello)  # type: ignore[no-any-return]

    def push(self, events: Sequence[EventIn]) -> BatchResult:
        call = Call("push", time.monotonic(), event_ids=tuple(e.event_id for e in events))
        return self._record(call, lambda: super(RecordingClient, self).push(events))  # type: ignore[no-any-return]

    def changes(self, after: str | None, limit: int) -> ChangesPage:
        call = Call("changes", time.monotonic(), after=after)
        return self._record(call, lambda: super(RecordingClient, self).changes(after, limit))  # type: ignore[no-any-return]

    def log(self, name: str | None = None) -> list[Call]:
        with self._calls_lock:
            return [c for c in self.calls if name is None or c.name == name]


# -- exactly once ----------------------------------------------------------------------------


def assert_exactly_once(hub: Hub, stores: dict[str, Path]) -> dict[str, int]:
    """Every event of every station's outbox is at the hub exactly once, accepted, with the
    same type, payload and local sequence; nothing else is at the hub; every outbox is empty
    (nothing unsent, nothing quarantined). Returns the number of events per station."""
    at_hub = hub.events()
    by_id = {e.event_id: e for e in at_hub}
    assert len(by_id) == len(at_hub), "an event id is at the hub twice"
    expected: set[str] = set()
    counts = {}
    for code, path in stores.items():
        local = outbox(path)
        counts[code] = len(local)
        assert [e.event_id for e in local if e.quarantined] == [], f"{code}: events quarantined"
        assert [e.event_id for e in local if not e.sent] == [], f"{code}: events still unsent"
        ids = [e.event_id for e in local]
        assert len(set(ids)) == len(ids), f"{code}: an event id twice in the outbox"
        missing = [i for i in ids if i not in by_id]
        assert missing == [], f"{code}: {len(missing)} events never reached the hub"
        for e in local:
            there = by_id[e.event_id]
            assert (there.station, there.type, there.station_seq, there.outcome) == (
                code,
                e.type,
                e.seq,
                "accepted",
            ), there
            assert there.payload == e.payload, (e.event_id, there.payload, e.payload)
        expected |= set(ids)
    extra = set(by_id) - expected
    assert extra == set(), f"{len(extra)} events at the hub that no station has"
    assert len(at_hub) == len(expected) == sum(counts.values())
    return counts
