"""One station's exchanges with the order service, step by step: hello, push, pull, claims.

No thread and no retry policy here (``sync/engine.py`` has them): each method does its step
against the local store and the hub, and raises ``SyncError`` when the hub cannot be used.
Nothing is marked sent before the hub's answer: an upload whose answer is lost leaves its
events unsent, and the next upload sends the same ``event_id``s (the hub replays).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

from pydantic import ValidationError

from app.clock import Clock
from app.context import StationContext
from app.store.open import Store
from app.sync_status import ClaimAnswer
from app.usecases import claims, sync_outbox
from app.usecases.central_changes import (
    apply_page,
    pull_state,
    record_clock_skew,
    restart_feed,
)
from app.usecases.central_docs import ApplyReport, CentralChanges
from sync.client import HubClient, SyncError, SyncErrorKind, utc_of
from sync.protocol import MAX_BATCH, BatchResult, Change, EventIn, Hello

log = logging.getLogger(__name__)

Between = Callable[[], None]  # called between batches and pages (claims are served there)
Progress = Callable[[int, int], None]  # (changes applied, total) of a pull


@dataclass(frozen=True, slots=True)
class PushReport:
    accepted: int = 0
    refused: int = 0


def split(changes: Sequence[Change]) -> CentralChanges:
    """A page's changes by kind, in feed order (the protocol's models, as they are)."""
    return CentralChanges(
        locations=[c.location for c in changes if c.kind == "location"],
        products=[c.product for c in changes if c.kind == "product"],
        box_types=[c.box_type for c in changes if c.kind == "box_type"],
        orders=[c.order for c in changes if c.kind == "order"],
        layouts=[c.layout for c in changes if c.kind == "layout"],
    )


def _foreign_cursor(error: SyncError) -> bool:
    """The hub refused the cursor itself (a feed it never wrote: database replaced)."""
    field = (error.detail or {}).get("field")
    return error.kind is SyncErrorKind.REFUSED and field == "after"


class StationLink:
    def __init__(
        self,
        store: Store,
        client: HubClient,
        ctx: StationContext,
        clock: Clock,
        *,
        batch_size: int = 200,
        page_size: int = 1000,
    ) -> None:
        self._store = store
        self._client = client
        self._ctx = ctx
        self._clock = clock
        self.batch_size = batch_size
        self.page_size = page_size

    # -- hello ----------------------------------------------------------------------------

    def hello(self) -> tuple[Hello, float]:
        """The hub's hello and its clock minus ours (at the middle of the round trip)."""
        before = self._clock()
        hello = self._client.hello()
        after = self._clock()
        middle = before + (after - before) / 2
        skew = (utc_of(hello.server_time) - middle).total_seconds()
        self.batch_size = max(1, min(self.batch_size, hello.max_batch, MAX_BATCH))
        self.page_size = max(1, min(self.page_size, hello.max_page))
        with self._store.engine.begin() as conn:
            record_clock_skew(conn, skew)
        return hello, skew

    # -- push -----------------------------------------------------------------------------

    def push_all(self, between: Between = lambda: None) -> PushReport:
        """Send the outbox in ``seq`` order until nothing is left to send."""
        accepted = refused = 0
        while True:
            with self._store.read_engine.connect() as conn:
                rows = sync_outbox.next_batch(conn, self.batch_size)
            events = self._events(rows)
            if not rows:
                return PushReport(accepted, refused)
            if events:
                a, r = self._push(events)
                accepted, refused = accepted + a, refused + r
            between()

    def _events(self, rows: Sequence[sync_outbox.OutboxRow]) -> list[EventIn]:
        """The rows as protocol events; a row that cannot be one is quarantined here."""
        events = []
        for row in rows:
            try:
                events.append(
                    EventIn(
                        event_id=row.event_id,
                        seq=row.seq,
                        type=row.type,
                        at=row.at,
                        operator=row.operator_code,
                        payload=json.loads(row.payload),
                    )
                )
            except (ValidationError, ValueError) as exc:
                log.error("outbox event %s cannot be sent: %s", row.event_id, exc)
                self._quarantine(row.event_id, "invalid_local", f"not a valid event: {exc}")
        return events

    def _push(self, events: list[EventIn]) -> tuple[int, int]:
        try:
            result = self._client.push(events)
        except SyncError as exc:
            if exc.kind is SyncErrorKind.REFUSED and len(events) > 1:
                # The hub refused the whole upload (one bad event?): one at a time finds it.
                log.warning(
                    "upload of %d events refused (%s); sending one by one", len(events), exc
                )
                totals = [self._push([event]) for event in events]
                return sum(a for a, _ in totals), sum(r for _, r in totals)
            if exc.kind is SyncErrorKind.REFUSED:
                self._quarantine(events[0].event_id, exc.code or "refused", exc.message)
                return 0, 1
            with self._store.engine.begin() as conn:
                sync_outbox.note_failure(conn, [e.event_id for e in events], str(exc))
            raise
        return self._record(events, result)

    def _record(self, events: list[EventIn], result: BatchResult) -> tuple[int, int]:
        sent = {e.event_id for e in events}
        answers = {r.event_id: r for r in result.results if r.event_id in sent}
        now = self._clock()
        with self._store.engine.begin() as conn:
            accepted = [i for i, r in answers.items() if r.outcome == "accepted"]
            sync_outbox.mark_accepted(conn, accepted, now)
            refused = [r for r in answers.values() if r.outcome == "refused"]
            for r in refused:
                log.warning("event %s refused by the hub: %s %s", r.event_id, r.code, r.message)
                code, message = r.code or "refused", r.message or ""
                sync_outbox.quarantine(conn, r.event_id, code, message, now)
            missing = [i for i in sent if i not in answers]
            if missing:
                sync_outbox.note_failure(conn, missing, "no answer for this event")
        for r in answers.values():
            if r.conflict:
                log.info("event %s accepted with a conflict: %s", r.event_id, r.conflict)
        if missing:
            raise SyncError(
                SyncErrorKind.MALFORMED,
                "the order service sent an answer Tote can't read",
                cause=f"no result for {len(missing)} of {len(sent)} events",
            )
        return len(accepted), len(refused)

    def _quarantine(self, event_id: str, code: str, message: str) -> None:
        with self._store.engine.begin() as conn:
            sync_outbox.quarantine(conn, event_id, code, message, self._clock())

    # -- pull -----------------------------------------------------------------------------

    def pull_all(
        self, progress: Progress = lambda done, total: None, between: Between = lambda: None
    ) -> ApplyReport:
        """Apply pages of the feed until the hub says there are no more; each page with its
        cursor in one transaction."""
        total = ApplyReport()
        done = 0
        while True:
            with self._store.read_engine.connect() as conn:
                cursor = pull_state(conn).cursor
            try:
                page = self._client.changes(cursor, self.page_size)
            except SyncError as exc:
                if cursor is None or not _foreign_cursor(exc):
                    raise
                log.warning("the hub does not know this station's cursor: %s", exc.message)
                with self._store.engine.begin() as conn:
                    restart_feed(conn)
                continue
            with self._store.engine.begin() as conn:
                report = apply_page(
                    conn,
                    split(page.changes),
                    page.cursor,
                    self._ctx,
                    self._clock(),
                    complete=not page.more,
                )
            total.add(report)
            done += len(page.changes)
            progress(done, done + page.remaining)
            if report.orders_skipped:
                log.error("orders skipped (unknown products): %s", report.orders_skipped)
            if report.orders_refused:
                log.error("orders the store refused (audited): %s", report.orders_refused)
            if report.layouts_refused:
                log.error("floor layouts this station cannot use (audited, the previous one "
                          "kept): %s", report.layouts_refused)  # fmt: skip
            if not page.more or not page.changes:
                return total
            between()

    def initial_done(self) -> bool:
        with self._store.read_engine.connect() as conn:
            return pull_state(conn).initial_done

    # -- claims ---------------------------------------------------------------------------

    def claim(self, order_number: str) -> ClaimAnswer:
        """Ask for the lease of one order; the answer says what the station may do."""
        try:
            granted = self._client.claim("order", order_number)
        except SyncError as exc:
            if exc.kind is SyncErrorKind.REFUSED and exc.code == "claimed_elsewhere":
                holder = (exc.detail or {}).get("station")
                return ClaimAnswer.held_elsewhere(
                    order_number, None if holder is None else str(holder)
                )
            if exc.kind is SyncErrorKind.REFUSED:
                return ClaimAnswer.not_claimable(order_number, exc.code or "refused", exc.message)
            return ClaimAnswer.offline(order_number, exc.message)
        with self._store.engine.begin() as conn:
            claims.record_granted(conn, [granted], self._clock())
        return ClaimAnswer.granted(order_number)

    def renew(self) -> int:
        """Extend every lease still held; the ones the hub says are gone are marked lost."""
        with self._store.read_engine.connect() as conn:
            ids = claims.held_ids(conn)
        lost = 0
        for start in range(0, len(ids), MAX_BATCH):
            result = self._client.renew(ids[start : start + MAX_BATCH])
            with self._store.engine.begin() as conn:
                claims.record_granted(conn, result.claims, self._clock())
                claims.mark_lost(conn, result.lost)
            lost += len(result.lost)
        return lost

    def top_up(self, claim_ahead: int) -> int:
        """Lease the next open orders until ``claim_ahead`` are held; returns how many."""
        with self._store.read_engine.connect() as conn:
            need = claim_ahead - claims.workable_orders(conn, self._clock())
        if need <= 0:
            return 0
        got = self._client.claim_next(min(need, 100))
        with self._store.engine.begin() as conn:
            claims.record_granted(conn, got.claims, self._clock())
        return len(got.claims)

    def counts(self) -> sync_outbox.OutboxCounts:
        with self._store.read_engine.connect() as conn:
            return sync_outbox.counts(conn)

    def now(self) -> datetime:
        return self._clock()
