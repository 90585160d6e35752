"""Numbers the status bar shows, read in one short query each (read snapshots)."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from app.clock import Clock, utc_now
from app.store import print_queries as pq
from app.store.tables import Operator, Order, OutboxEvent, PrintJob
from app.usecases.documents import process_alive
from app.usecases.sync_outbox import quarantined

STUCK_AFTER = timedelta(seconds=60)  # a slip is normally done in well under a second


@dataclass(frozen=True, slots=True)
class UncertainJob:
    """A job whose bytes may have reached the printer: the operator must say what happened."""

    job_id: str
    kind: str
    order_number: str
    printer: str | None
    error: str | None


@dataclass(frozen=True, slots=True)
class RefusedEvent:
    """An action done here that the order service refused for good (quarantined)."""

    at: datetime
    type: str
    order_number: str | None
    code: str | None  # the hub's reason, machine-readable
    message: str | None  # the hub's reason, for a person


class StationStatus:
    def __init__(
        self,
        sessions: sessionmaker[Session],
        clock: Clock = utc_now,
        owner_alive: Callable[[str], bool] = process_alive,
    ) -> None:
        self._sessions = sessions
        self._clock = clock
        self._owner_alive = owner_alive

    def refused_events(self) -> list[RefusedEvent]:
        """Quarantined events, oldest first: what a supervisor must take to the office.

        A refusal is final (the hub answers a replay with its first answer), so they are
        shown, not sent again."""
        with self._sessions() as session:
            rows = quarantined(session.connection())
        return [
            RefusedEvent(r.at, r.type, _order_of(r.payload), r.code, r.message) for r in rows
        ]

    def operator_name(self, code: str) -> str | None:
        """The signed-in operator's name, when the store knows the code."""
        with self._sessions() as session:
            stmt = select(Operator.name).where(Operator.code == code)
            return session.execute(stmt).scalar_one_or_none()

    def events_waiting(self) -> int:
        """Outbox events not yet accepted by the central order service."""
        with self._sessions() as session:
            # Refused ones wait for a supervisor, not for the network: counted apart.
            unsent = OutboxEvent.sent_at.is_(None) & OutboxEvent.quarantined_at.is_(None)
            stmt = select(func.count()).select_from(OutboxEvent).where(unsent)
            return int(session.execute(stmt).scalar_one())

    def pending_print_jobs(self, *, include_failed: bool = False) -> list[str]:
        """Ids of documents still to produce whose next attempt is due, oldest first
        (failed ones only on request)."""
        with self._sessions() as session:
            # The operator's Retry (include_failed) runs waiting jobs now, not when due.
            due = None if include_failed else self._clock()
            return pq.print_job_ids(session.connection(), include_failed=include_failed, due_at=due)

    def uncertain_print_jobs(self) -> list[UncertainJob]:
        with self._sessions() as session:
            rows = session.execute(
                select(
                    PrintJob.job_id, PrintJob.kind, Order.number, PrintJob.printer, PrintJob.error
                )
                .join(Order, Order.id == PrintJob.order_id)
                .where(PrintJob.status == "uncertain")
                .order_by(PrintJob.id)
            ).all()
        return [UncertainJob(*row) for row in rows]

    def print_jobs_failing(self) -> int:
        """Jobs that failed for good, plus pending ones no live worker holds that either
        failed before (including a printer that was not there: they wait for their next
        try) or have waited longer than STUCK_AFTER (never got to a worker)."""
        now = self._clock()
        with self._sessions() as session:
            failed = session.execute(
                select(func.count()).select_from(PrintJob).where(PrintJob.status == "failed")
            ).scalar_one()
            pending = session.execute(
                select(
                    PrintJob.attempts,
                    PrintJob.created_at,
                    PrintJob.claimed_until,
                    PrintJob.claimed_by,
                    PrintJob.error,
                ).where(PrintJob.status == "pending")
            ).all()
        stuck = 0
        for attempts, created_at, until, owner, error in pending:
            held = until is not None and until > now and owner and self._owner_alive(owner)
            tried = attempts > 0 or error is not None  # a printer that was not there counts
            if not held and (tried or created_at < now - STUCK_AFTER):
                stuck += 1
        return int(failed) + stuck


def _order_of(payload: str) -> str | None:
    try:
        number = json.loads(payload).get("order_number")
    except (ValueError, AttributeError):
        return None
    return number if isinstance(number, str) else None
