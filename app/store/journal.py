"""Audit rows and outbox events, written inside the caller's transaction.

Both take their number from one station-wide local sequence, so "what happened in which
order" never depends on the wall clock. Core inserts: this runs on every accepted scan.
"""

from __future__ import annotations

import json
import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, insert, text

from app.context import StationContext
from app.domain.events import DomainEvent
from app.store.tables import AuditEntry, OutboxEvent, table

_NEXT_SEQ = text(
    "UPDATE local_sequence SET value = value + 1 WHERE name = 'station' RETURNING value"
)
_AUDIT = insert(table(AuditEntry))
_OUTBOX = insert(table(OutboxEvent))


def next_seq(conn: Connection) -> int:
    return int(conn.execute(_NEXT_SEQ).scalar_one())


def audit(
    conn: Connection,
    ctx: StationContext,
    at: datetime,
    action: str,
    order_number: str | None,
    detail: dict[str, Any],
) -> int:
    seq = next_seq(conn)
    conn.execute(
        _AUDIT,
        {
            "seq": seq,
            "at": at,
            "station_code": ctx.station_code,
            "operator_code": ctx.operator_code,
            "action": action,
            "order_number": order_number,
            "detail": json.dumps(detail, ensure_ascii=False, sort_keys=True),
        },
    )
    return seq


def emit(conn: Connection, ctx: StationContext, at: datetime, event: DomainEvent) -> str:
    """Queue ``event`` in the outbox; returns its UUID (the idempotency key at the hub)."""
    event_id = str(uuid.uuid4())
    conn.execute(
        _OUTBOX,
        {
            "seq": next_seq(conn),
            "event_id": event_id,
            "type": event.type,
            "at": at,
            "station_code": ctx.station_code,
            "operator_code": ctx.operator_code,
            "payload": json.dumps(event.payload(), ensure_ascii=False, sort_keys=True),
            "sent_at": None,
        },
    )
    return event_id
