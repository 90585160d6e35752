"""The outbox from the sync thread's side: what to send next, and what the hub answered.

An event is marked sent only after the hub accepted it; a failed upload leaves it unsent
(attempts counted), so the same ``event_id`` goes again and the hub replays its first
answer. An event the hub refused for good is quarantined: kept, never sent by itself
again, until a supervisor releases it. Each function runs in the caller's transaction.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection

from app.store import sync_queries as sq


@dataclass(frozen=True, slots=True)
class OutboxRow:
    seq: int
    event_id: str
    type: str
    at: datetime
    operator_code: str
    payload: str  # JSON, as written with the state it describes
    attempts: int


@dataclass(frozen=True, slots=True)
class OutboxCounts:
    waiting: int
    quarantined: int
    oldest_waiting_at: datetime | None


@dataclass(frozen=True, slots=True)
class QuarantinedEvent:
    event_id: str
    type: str
    at: datetime
    payload: str
    code: str | None
    message: str | None


def next_batch(conn: Connection, limit: int) -> list[OutboxRow]:
    """Up to ``limit`` unsent events (not accepted, not quarantined), oldest ``seq`` first."""
    return [OutboxRow(*row) for row in sq.next_batch(conn, limit)]


def mark_accepted(conn: Connection, event_ids: Sequence[str], now: datetime) -> None:
    sq.mark_sent(conn, event_ids, now)
    if event_ids:
        sq.set_state(conn, pushed_at=now)


def quarantine(conn: Connection, event_id: str, code: str, message: str, now: datetime) -> None:
    sq.quarantine(conn, event_id, code, message, now)


def note_failure(conn: Connection, event_ids: Sequence[str], error: str) -> None:
    """The upload of these events failed (no answer from the hub): count it, keep them."""
    sq.note_failure(conn, event_ids, error)


def counts(conn: Connection) -> OutboxCounts:
    return OutboxCounts(*sq.outbox_counts(conn))


def release_quarantine(conn: Connection, event_id: str) -> bool:
    """A supervisor retries one refused event; it is sent in its place (``seq``)."""
    return sq.release_quarantine(conn, event_id)


def quarantined(conn: Connection) -> list[QuarantinedEvent]:
    return [QuarantinedEvent(*row) for row in sq.quarantined_events(conn)]
