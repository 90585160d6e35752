"""The sync engine: one daemon thread (``tote-sync``) with its own store connection.

Each cycle: hello (the first time and every few minutes; a clock off by more than
``max_skew_s`` blocks sync until fixed), push the outbox until empty, pull the feed until
``more`` is false, renew leases every third of their time to live, and lease orders ahead
up to ``claim_ahead``. A failure backs off (``sync/backoff.py``) and says so in the status;
nothing is ever marked sent without the hub's answer. Claim requests from the screen are
served first, also between batches and pages, and answered on this thread.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from sqlalchemy.exc import IntegrityError

from app.clock import Clock, utc_now
from app.context import StationContext
from app.store.open import open_store
from app.sync_status import ClaimAnswer, SyncState, SyncStatus
from sync.backoff import Backoff
from sync.client import HubClient, SyncError, SyncErrorKind
from sync.station_link import StationLink

log = logging.getLogger(__name__)

HELLO_EVERY_S = 300.0
BLOCKED_RETRY_S = 60.0  # token, upgrade or clock: a person must act; try again now and then
ClaimDone = Callable[[ClaimAnswer], None]


def _describe(error: SyncError) -> tuple[SyncState, str]:
    """The state and the English sentence (log and status bar) for a failed cycle."""
    match error.kind:
        case SyncErrorKind.AUTH:
            return SyncState.BLOCKED, (
                "The order service does not accept this station's token: "
                "ask a supervisor for a new one; work is kept and will sync then"
            )
        case SyncErrorKind.UPGRADE:
            return SyncState.BLOCKED, error.message
        case SyncErrorKind.UNREACHABLE:
            return SyncState.OFFLINE, "The order service can't be reached"
        case SyncErrorKind.SERVER:
            return SyncState.OFFLINE, f"The order service has a problem (HTTP {error.status})"
        case SyncErrorKind.RATE_LIMITED:
            return SyncState.OFFLINE, "The order service is busy"
        case SyncErrorKind.REFUSED:
            return SyncState.OFFLINE, f"The order service refused a request: {error.message}"
    return SyncState.OFFLINE, error.message  # MALFORMED: "...an answer Tote can't read"


class SyncEngine:
    def __init__(
        self,
        store_path: Path,
        hub_url: str,
        token: str,
        ctx: StationContext,
        *,
        on_status: Callable[[SyncStatus], None] = lambda status: None,
        claim_ahead: int = 5,
        interval_s: float = 2.0,
        batch_size: int = 200,
        page_size: int = 1000,
        max_skew_s: float = 300,
        client: HubClient | None = None,
        clock: Clock = utc_now,
        hello_every_s: float = HELLO_EVERY_S,
    ) -> None:
        self._store_path = store_path
        self._own_client = client is None  # a client given to us is the giver's to close
        self._client = client or HubClient(hub_url, token)
        self._ctx = ctx
        self._on_status = on_status
        self._claim_ahead = claim_ahead
        self._interval_s = interval_s
        self._batch_size = batch_size
        self._page_size = page_size
        self._max_skew_s = max_skew_s
        self._clock = clock
        self._hello_every_s = hello_every_s
        self._lock = threading.Lock()
        self._wake = threading.Event()
        self._stopping = threading.Event()
        self._claims: deque[tuple[str, ClaimDone]] = deque()
        self._sync_now = False
        self._thread: threading.Thread | None = None
        self._status = SyncStatus(SyncState.SYNCING, None, 0, 0, None, None, None, None)
        # Owned by the sync thread:
        self._backoff = Backoff()
        self._next_cycle = 0.0  # monotonic
        self._next_hello = 0.0
        self._next_renew = 0.0
        self._claim_ttl_s = 300.0
        self._clock_blocked: str | None = None

    # -- any thread -----------------------------------------------------------------------

    def start(self) -> None:
        if self._thread is not None:
            raise RuntimeError("the sync engine is already running")
        self._thread = threading.Thread(target=self._run, name="tote-sync", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        """Stop after the step in progress (an HTTP call ends within its timeouts)."""
        self._stopping.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)
        if self._own_client and (self._thread is None or not self._thread.is_alive()):
            self._client.close()

    def sync_now(self) -> None:
        """Try at once, whatever the backoff said (the operator pressed Sync now)."""
        with self._lock:
            self._sync_now = True
        self._wake.set()

    def request_claim(self, order_number: str, done: ClaimDone) -> None:
        """Ask the hub for the lease of ``order_number``; ``done`` gets the answer on the
        sync thread (the UI bridges it to its own thread)."""
        with self._lock:
            self._claims.append((order_number, done))
        self._wake.set()

    def status(self) -> SyncStatus:
        with self._lock:
            return self._status

    # -- the sync thread ------------------------------------------------------------------

    def _run(self) -> None:
        try:
            store = open_store(self._store_path)
        except Exception as exc:
            log.exception("sync: the store cannot be opened")
            self._publish(state=SyncState.BLOCKED, message=f"The station's store: {exc}")
            return
        link = StationLink(
            store,
            self._client,
            self._ctx,
            self._clock,
            batch_size=self._batch_size,
            page_size=self._page_size,
        )
        try:
            if not link.initial_done():
                self._publish(state=SyncState.INITIAL, progress=(0, 0))
            self._refresh_counts(link)
            while not self._stopping.is_set():
                self._serve_claims(link)
                self._take_sync_now()
                if time.monotonic() >= self._next_cycle and self._backoff.ready():
                    self._cycle(link)
                self._refresh_counts(link)
                wait = max(self._next_cycle - time.monotonic(), self._backoff.remaining())
                self._wake.wait(timeout=min(max(wait, 0.01), self._interval_s))
                self._wake.clear()
        finally:
            store.close()
            self._fail_pending_claims("Sync stopped")

    def _take_sync_now(self) -> None:
        with self._lock:
            asked, self._sync_now = self._sync_now, False
        if asked:
            self._backoff.reset()
            self._next_cycle = self._next_hello = self._next_renew = 0.0

    def _cycle(self, link: StationLink) -> None:
        try:
            if time.monotonic() >= self._next_hello and not self._hello(link):
                return
            initial = not link.initial_done()
            pushed = link.push_all(between=lambda: self._batch_sent(link, initial))
            if pushed.accepted or pushed.refused:
                self._refresh_counts(link)
            # Leases before the pull: a page this station cannot store must not also cost
            # it the orders it is working on.
            if time.monotonic() >= self._next_renew:
                link.renew()
                self._next_renew = time.monotonic() + self._claim_ttl_s / 3
            pulled = link.pull_all(
                progress=lambda done, total: self._pulled(initial, done, total),
                between=lambda: self._serve_claims(link),
            )
            if pulled.stopped:
                self._publish(stopped_at=self._clock())
            if self._claim_ahead > 0:
                link.top_up(self._claim_ahead)
        except SyncError as exc:
            self._failed(exc)
            return
        except IntegrityError as exc:  # the same page would fail again: a person must look
            log.exception("sync: a page from the order service cannot be stored here")
            self._failed(
                SyncError(
                    SyncErrorKind.MALFORMED,
                    f"Orders from the office cannot be stored at this station: {exc.orig}",
                ),
                problem="store",
            )
            return
        except Exception as exc:  # a bug must not kill the thread: log, back off, go on
            log.exception("sync: cycle failed")
            self._failed(SyncError(SyncErrorKind.MALFORMED, f"Sync failed: {exc}"))
            return
        self._backoff.success()
        self._next_cycle = time.monotonic() + self._interval_s
        self._publish(
            state=SyncState.ONLINE,
            since=None,
            message=None,
            problem=None,
            progress=None,
            last_sync_at=self._clock(),
        )

    def _hello(self, link: StationLink) -> bool:
        """Say hello; False (and BLOCKED) when the clocks are too far apart."""
        hello, skew = link.hello()
        self._claim_ttl_s = float(hello.claim_ttl_s)
        self._next_hello = time.monotonic() + self._hello_every_s
        if abs(skew) > self._max_skew_s:
            minutes = max(1, round(abs(skew) / 60))
            message = (
                f"This station's clock is {minutes} min off the order service's: "
                "fix the clock; work is kept and will sync then"
            )
            log.error("sync blocked: clock skew %.0f s", skew)
            self._next_hello = time.monotonic() + BLOCKED_RETRY_S
            self._next_cycle = self._next_hello
            self._clock_blocked = message
            self._publish_failure(
                SyncState.BLOCKED, message, clock_skew_s=skew, problem="clock"
            )
            return False
        self._clock_blocked = None
        self._publish(clock_skew_s=skew)
        return True

    def _batch_sent(self, link: StationLink, initial: bool) -> None:
        """A batch went through: the network works. A long backlog after an outage shows
        as syncing with its count going down, and a later failure starts its backoff
        afresh instead of from where the outage left it."""
        self._backoff.success()
        if not initial:
            self._publish(state=SyncState.SYNCING, since=None, message=None, problem=None)
        self._refresh_counts(link)
        self._serve_claims(link)

    def _pulled(self, initial: bool, done: int, total: int) -> None:
        if initial:
            self._publish(state=SyncState.INITIAL, progress=(done, total))
        elif done:
            self._publish(state=SyncState.SYNCING)

    def _failed(self, error: SyncError, problem: str | None = None) -> None:
        state, message = _describe(error)
        if problem == "store":  # not the network: the station's data needs a person
            state = SyncState.BLOCKED
        log.warning("sync: %s", error)
        wait = self._backoff.failure(error.retry_after)
        if state is SyncState.BLOCKED:
            self._backoff.wait_at_least(BLOCKED_RETRY_S)
            self._next_hello = 0.0  # check the protocol and token again first
        log.info("sync: next try in %.1f s", max(wait, self._backoff.remaining()))
        self._publish_failure(state, message, problem=problem or error.kind.value)

    def _publish_failure(self, state: SyncState, message: str, **more: object) -> None:
        with self._lock:
            since = self._status.since
            if self._status.state not in (SyncState.OFFLINE, SyncState.BLOCKED) or since is None:
                since = self._clock()
        self._publish(state=state, since=since, message=message, progress=None, **more)

    # -- claims ---------------------------------------------------------------------------

    def _serve_claims(self, link: StationLink) -> None:
        while True:
            with self._lock:
                if not self._claims:
                    return
                order_number, done = self._claims.popleft()
            if self._clock_blocked is not None:
                answer = ClaimAnswer.offline(order_number, self._clock_blocked)
            else:
                answer = link.claim(order_number)
            try:
                done(answer)
            except Exception:
                log.exception("sync: the claim callback failed")

    def _fail_pending_claims(self, message: str) -> None:
        with self._lock:
            pending, self._claims = list(self._claims), deque()
        for order_number, done in pending:
            try:
                done(ClaimAnswer.offline(order_number, message))
            except Exception:
                log.exception("sync: the claim callback failed")

    # -- status ---------------------------------------------------------------------------

    def _refresh_counts(self, link: StationLink) -> None:
        try:
            counts = link.counts()
        except Exception:  # the store busy for longer than its timeout: next time
            log.warning("sync: outbox counts unavailable", exc_info=True)
            return
        self._publish(waiting=counts.waiting, quarantined=counts.quarantined)

    def _publish(self, **changes: object) -> None:
        with self._lock:
            new = replace(self._status, **changes)  # type: ignore[arg-type]
            if new == self._status:
                return
            self._status = new
        try:
            self._on_status(new)
        except Exception:
            log.exception("sync: the status callback failed")
