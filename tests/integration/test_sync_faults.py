"""The network fails between a station and the order service; nothing is lost, nothing doubled.

The real station sync engine (``sync/engine.py``, its real ``HubClient`` over HTTP) drains
thousands of queued outbox events to the real hub (``sync/hub``, uvicorn on 127.0.0.1; SQLite,
and PostgreSQL where the throwaway cluster can run) through ``tests/faultproxy.py``, which
injects in turn: 429 with Retry-After, a connection reset mid-upload, the answer lost after
the hub committed, a hang (the client's read timeout must fire), a 500, and the hub refusing
connections (offline). Afterwards every event is at the hub exactly once and the outbox is
empty. The pull side is cut off mid-page the same ways and resumes from its stored cursor.
Finally the station's sync process is killed with SIGKILL while it pushes, again and again.

Faults are armed from inside the recording client (``after`` hooks), right after the n-th
successful call, so they hit exactly the request the test means, with no race.
"""

from __future__ import annotations

import itertools
import os
import signal
import subprocess
import sys
from collections.abc import Callable, Iterator, Sequence
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from app.clock import utc_now
from app.context import StationContext
from app.store.open import open_store
from app.sync_status import SyncState, SyncStatus
from sync.client import SyncErrorKind
from sync.engine import SyncEngine
from sync.protocol import OrderDoc
from tests.faultproxy import Mode
from tests.integration.sync_helpers import (
    ROOT,
    Call,
    Hub,
    RecordingClient,
    TimedProxy,
    assert_exactly_once,
    integrity,
    outbox,
    queue_events,
    ro_query,
    ro_scalar,
    unsent,
    wait_for,
)

A = StationContext("PACK-A", "OP-A")
EVENTS = 3000
BATCH = 100
READ_TIMEOUT_S = 4.0  # a whole upload of 100 events takes ~0.3 s; a busy 2-core box, more
RETRY_AFTER_S = 1.0  # what the proxy's canned 429 says


class Station:
    """A station store with queued events and its sync engine, talking through ``proxy``."""

    def __init__(self, path: Path, hub: Hub, proxy: TimedProxy, **options: object) -> None:
        self.path = path
        self.store = open_store(path)
        self.client = RecordingClient(
            proxy.url, hub.tokens[A.station_code], connect_timeout=1.0, read_timeout=READ_TIMEOUT_S
        )
        settings: dict[str, object] = {"claim_ahead": 0, "interval_s": 0.05, "batch_size": BATCH}
        settings.update(options)
        self.engine = SyncEngine(
            path,
            proxy.url,
            "",
            A,
            client=self.client,
            **settings,  # type: ignore[arg-type]
        )

    def status(self) -> SyncStatus:
        return self.engine.status()

    def wait(self, what: str, ok: Callable[[SyncStatus], bool], timeout: float = 30) -> SyncStatus:
        def probe() -> SyncStatus | None:
            status = self.status()
            return status if ok(status) else None

        return wait_for(probe, timeout, lambda: f"{what} (now {self.status()})")

    def drained_after(self, mark: datetime, timeout: float = 45) -> SyncStatus:
        """A whole round finished after ``mark`` (a datetime), online, nothing waiting."""

        def done(s: SyncStatus) -> bool:
            after = s.last_sync_at is not None and s.last_sync_at > mark
            return s.state is SyncState.ONLINE and s.waiting == 0 and after

        return self.wait("online with an empty outbox", done, timeout)

    def close(self) -> None:
        self.engine.stop(timeout=10)
        self.client.close()
        self.store.close()


@pytest.fixture
def proxies() -> Iterator[list[TimedProxy]]:
    made: list[TimedProxy] = []
    yield made
    for proxy in made:
        proxy.stop()


def arm_after(client: RecordingClient, name: str, plan: dict[int, Mode], proxy: TimedProxy) -> None:
    """After the n-th successful ``name`` call, fail the very next request with ``plan[n]``
    (set from the sync thread, between two requests: nothing else can slip in)."""
    done = 0

    def hook(call: Call) -> None:
        nonlocal done
        if call.name == name and call.ok:
            done += 1
            if done in plan:
                proxy.set_mode(plan[done], count=1)

    client.hooks.append(hook)


def next_call(client: RecordingClient, index: int, name: str) -> Call | None:
    return next((c for c in client.log()[index + 1 :] if c.name == name), None)


# -- push ------------------------------------------------------------------------------------


@pytest.mark.slow
def test_thousands_of_events_reach_the_hub_exactly_once_through_every_fault(
    new_database_url: str,
    tmp_path: Path,
    proxies: list[TimedProxy],
) -> None:
    """3,000 queued events drain through 429s, reset mid-upload, lost answer, hang and 500;
    then the hub refuses connections while 500 more are queued (offline: since when, how
    many waiting) and heals. Every event is at the hub once, the outbox is empty."""
    hub = Hub.start(new_database_url, orders=30)
    try:
        proxy = TimedProxy.start("127.0.0.1", hub.port)
        proxies.append(proxy)
        station = Station(tmp_path / "station.sqlite3", hub, proxy)
        try:
            docs = hub.order_docs()
            queue_events(station.store, A, docs, EVENTS)
            _drain_through_faults(station, proxy, hub)
            _offline_then_back(station, proxy, hub, docs)
        finally:
            station.close()
        counts = assert_exactly_once(hub, {A.station_code: station.path})
        assert counts == {A.station_code: EVENTS + 500}
        assert hub.conflicts() == []
    finally:
        hub.stop()


# The n-th successful upload is followed by this fault on the next one.
UPLOAD_FAULTS: dict[int, Mode] = {
    1: "http_429",
    3: "reset_during_upload",
    6: "drop_response",
    9: "hang",
    12: "http_500",
}


def _drain_through_faults(station: Station, proxy: TimedProxy, hub: Hub) -> None:
    client = station.client
    arm_after(client, "push", UPLOAD_FAULTS, proxy)

    # Each failed cycle raises the backoff, which resets only after a whole round (here: the
    # whole backlog), so the operator's "Sync now" follows each fault but the 429s, whose
    # Retry-After is the point (Sync now would override it).
    def sync_now_after_a_failed_upload(call: Call) -> None:
        if call.name == "push" and call.error and call.error.kind is not SyncErrorKind.RATE_LIMITED:
            station.engine.sync_now()

    client.hooks.append(sync_now_after_a_failed_upload)
    proxy.set_mode("http_429", count=1)  # the very first request: hello
    started = utc_now()
    station.engine.start()
    drained = station.drained_after(started, timeout=60)
    assert drained.quarantined == 0
    assert proxy.counts.get("http_429") == 2
    for mode in ("reset_during_upload", "drop_response", "hang", "http_500"):
        assert proxy.counts.get(mode) == 1, (mode, proxy.counts)

    # 429 with Retry-After: 1 -- measured at the proxy, the next request came no sooner.
    log = proxy.entries()
    after_429 = [(t1 - t0) for (t0, mode), (t1, _) in itertools.pairwise(log) if mode == "http_429"]
    assert len(after_429) == 2 and min(after_429) >= RETRY_AFTER_S, after_429
    calls = client.log()
    hello = calls[0]
    assert (hello.name, hello.error and hello.error.kind) == ("hello", SyncErrorKind.RATE_LIMITED)

    # Each fault hit an upload, and the same batch went again with what the hub knew of it.
    failures = [i for i, c in enumerate(calls) if not c.ok]
    assert len(failures) == 1 + len(UPLOAD_FAULTS), [calls[i] for i in failures]
    for index, mode in zip(failures[1:], UPLOAD_FAULTS.values(), strict=True):
        failed = calls[index]
        retry = next_call(client, index, "push")
        assert failed.name == "push" and failed.error is not None, (mode, failed)
        assert retry is not None and retry.ok and retry.event_ids == failed.event_ids, mode
        kind, waited = failed.error.kind, retry.start - failed.end
        if mode == "http_429":  # answered by the proxy: the hub never saw it
            assert (kind, failed.error.retry_after, retry.replays) == (
                SyncErrorKind.RATE_LIMITED,
                RETRY_AFTER_S,
                0,
            )
            assert waited >= RETRY_AFTER_S, f"uploaded again {waited:.3f} s after a 429"
        elif mode == "reset_during_upload":  # the hub read half a body: it acted on nothing
            assert (kind, retry.replays) == (SyncErrorKind.UNREACHABLE, 0)
        elif mode == "drop_response":  # the hub committed, the answer was lost: all replays
            assert (kind, retry.replays) == (SyncErrorKind.UNREACHABLE, len(failed.event_ids))
        elif mode == "hang":  # no answer at all: the read timeout ends the wait
            assert kind is SyncErrorKind.UNREACHABLE and "Timeout" in (failed.error.cause or "")
            assert READ_TIMEOUT_S * 0.95 <= failed.end - failed.start < READ_TIMEOUT_S + 5
            assert retry.replays == 0
        else:  # the proxy's 500: the hub never saw it
            assert (kind, failed.error.status, retry.replays) == (SyncErrorKind.SERVER, 500, 0)
    pushes = [c for c in calls if c.name == "push" and c.ok]
    # Answered as new: all but the batch whose first answer was lost (answered as replays).
    assert sum(len(c.event_ids) - c.replays for c in pushes) == EVENTS - BATCH
    assert sum(c.replays for c in pushes) == BATCH
    assert hub.event_count() == EVENTS


def _offline_then_back(
    station: Station, proxy: TimedProxy, hub: Hub, docs: Sequence[OrderDoc]
) -> None:
    """The hub refuses every connection: OFFLINE since the first failure, the waiting count
    grows with the work done meanwhile, the hub gets none of it; healed, it all goes."""
    went_off = utc_now()
    proxy.set_mode("refuse")
    offline = station.wait("offline", lambda s: s.state is SyncState.OFFLINE, 15)
    assert offline.since is not None and offline.since >= went_off - timedelta(seconds=1)
    assert offline.message is not None and "can't be reached" in offline.message
    before = hub.event_ids()
    extra = set(queue_events(station.store, A, docs, 500))  # the station works on, offline
    still = station.wait(
        "offline with 500 waiting",
        lambda s: s.state is SyncState.OFFLINE and s.waiting == 500,
        15,
    )
    assert still.since == offline.since  # the same spell: since its first failure
    assert unsent(station.path) == 500
    assert hub.event_ids() == before and not extra & before
    sent = {e.event_id for e in outbox(station.path) if e.sent}
    assert sent <= before  # nothing marked sent that the hub does not have
    assert proxy.counts.get("refuse", 0) >= 1

    healed = utc_now()
    proxy.set_mode("pass")  # no "Sync now": the engine's own backoff brings it back
    back = station.drained_after(healed, timeout=40)
    assert back.since is None and back.message is None
    assert extra <= hub.event_ids()


# -- pull ------------------------------------------------------------------------------------

PULL_FAULTS: dict[int, Mode] = {2: "drop_response", 4: "reset_during_upload", 6: "hang"}


def test_a_pull_cut_off_mid_page_resumes_from_the_stored_cursor(
    tmp_path: Path, proxies: list[TimedProxy]
) -> None:
    """The first download of ~2,000 changes in pages of 100: one page's answer is lost
    after the hub read it, one request is cut off, one hangs. Each time the station asks
    again from the cursor it stored with the last page it applied; it ends with exactly the
    hub's orders, lines and products, none missing, none twice."""
    hub = Hub.start(f"sqlite:///{tmp_path / 'hub.sqlite3'}", orders=400)
    try:
        proxy = TimedProxy.start("127.0.0.1", hub.port)
        proxies.append(proxy)
        station = Station(tmp_path / "station.sqlite3", hub, proxy, page_size=100)
        stored_at_failure: list[str | None] = []

        def note_stored_cursor(call: Call) -> None:
            """At a failed page: the cursor the station has stored (what it must resume at)."""
            if call.name == "changes" and not call.ok:
                cursor = ro_scalar(station.path, "SELECT cursor FROM sync_state WHERE id = 1")
                stored_at_failure.append(cursor)

        station.client.hooks.append(note_stored_cursor)
        arm_after(station.client, "changes", PULL_FAULTS, proxy)
        try:
            started = utc_now()
            station.engine.start()
            station.drained_after(started, timeout=40)
        finally:
            station.close()

        pages = station.client.log("changes")
        first = [c for c in pages if c.ok]
        initial = first[: next(i for i, c in enumerate(first) if not c.more) + 1]
        assert len(initial) >= 10, "the download should take many pages"
        # The successful pages form one chain from the start: none skipped, none twice.
        assert initial[0].after is None
        assert [c.after for c in initial[1:]] == [c.cursor for c in initial[:-1]]
        assert len({c.after for c in initial}) == len(initial)
        # Each failed page was asked again from the cursor stored with the page before it.
        failed = [i for i, c in enumerate(pages) if not c.ok]
        assert len(failed) == len(PULL_FAULTS) == len(stored_at_failure)
        for i, stored in zip(failed, stored_at_failure, strict=True):
            assert pages[i].after is not None and pages[i].after == stored
            assert pages[i + 1].ok and pages[i + 1].after == pages[i].after
        assert [p.error and p.error.kind for p in pages if not p.ok] == [
            SyncErrorKind.UNREACHABLE
        ] * 3
        assert {m: proxy.counts.get(m) for m in PULL_FAULTS.values()} == dict.fromkeys(
            PULL_FAULTS.values(), 1
        )

        at_hub = hub.orders()
        local = {
            n: (s, v)
            for n, s, v in ro_query(
                station.path, "SELECT number, central_status, version FROM orders"
            )
        }
        assert local == {n: (s, v) for n, (s, _, v) in at_hub.items()}
        lines_at_hub = sum(len(d.lines) for d in hub.order_docs())
        assert ro_scalar(station.path, "SELECT COUNT(*) FROM order_lines") == lines_at_hub
        assert ro_scalar(station.path, "SELECT COUNT(*) FROM products") == 600
        assert (
            ro_query(
                station.path,
                "SELECT order_id, line_no FROM order_lines GROUP BY 1, 2 HAVING COUNT(*) > 1",
            )
            == []
        )
    finally:
        hub.stop()


# -- kill -9 ---------------------------------------------------------------------------------


class Child:
    """``tests/integration/sync_child.py``: the station's sync in a process of its own."""

    def __init__(self, store: Path, hub: Hub, log: Path) -> None:
        env = dict(os.environ, PYTHONPATH=str(ROOT), TOTE_HUB_TOKEN=hub.tokens[A.station_code])
        self.log = log
        self._out = log.open("w")
        self.proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "tests.integration.sync_child",
                str(store),
                hub.url,
                A.station_code,
            ],
            cwd=ROOT,
            env=env,
            stdout=self._out,
            stderr=subprocess.STDOUT,
            text=True,
        )

    def kill(self) -> None:
        self.proc.send_signal(signal.SIGKILL)
        assert self.proc.wait(timeout=30) == -signal.SIGKILL
        self._out.close()
        text = self.log.read_text()
        assert "Traceback" not in text, text

    def finish(self, timeout: float) -> str:
        try:
            code = self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
            raise
        finally:
            self._out.close()
        text = self.log.read_text()
        assert code == 0 and "SYNCED" in text and "Traceback" not in text, text
        return text

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(timeout=30)
        self._out.close()


@pytest.mark.slow
def test_kill_9_while_pushing_loses_nothing_and_doubles_nothing(tmp_path: Path) -> None:
    """3,000 queued events; the station's sync process is killed with SIGKILL three times
    while it pushes: (1) right after the hub committed its first upload, before the answer
    arrived; (2) the same, deep into the backlog; (3) at an arbitrary moment. A fourth run
    finishes. Each event is at the hub once, the outbox is empty, the store is sound."""
    hub = Hub.start(f"sqlite:///{tmp_path / 'hub.sqlite3'}", orders=30)
    path = tmp_path / "station.sqlite3"
    children: list[Child] = []

    def start(n: int) -> Child:
        child = Child(path, hub, tmp_path / f"child-{n}.log")
        children.append(child)
        return child

    def sent_locally() -> int:
        return int(ro_scalar(path, "SELECT COUNT(*) FROM outbox WHERE sent_at IS NOT NULL"))

    try:
        store = open_store(path)
        queue_events(store, A, hub.order_docs(), EVENTS)
        store.close()

        # 1: the hub has committed the first upload; its answer is held back: kill.
        hub.tap.arm()
        child = start(1)
        assert hub.tap.held.wait(30), "the first upload never reached the hub"
        child.kill()
        hub.tap.release()
        assert (hub.event_count(), sent_locally()) == (200, 0)  # the hub is ahead

        # 2: the same, after more than a third of the backlog.
        child = start(2)
        wait_for(lambda: hub.event_count() >= 1200, 30, "1,200 events at the hub")
        hub.tap.arm()
        assert hub.tap.held.wait(30), "no upload after the first 1,200"
        child.kill()
        hub.tap.release()
        at_hub = hub.event_count()
        assert sent_locally() < at_hub < EVENTS

        # 3: whenever: the moment the hub has 2,000 (the child may be anywhere).
        child = start(3)
        wait_for(lambda: hub.event_count() >= 2000, 30, "2,000 events at the hub", every=0.005)
        child.kill()
        assert hub.event_count() < EVENTS

        start(4).finish(timeout=60)
    finally:
        for child in children:
            child.stop()
        hub.tap.release()

    try:
        assert integrity(path) == "ok"
        assert assert_exactly_once(hub, {A.station_code: path}) == {A.station_code: EVENTS}
        assert hub.conflicts() == []
    finally:
        hub.stop()
