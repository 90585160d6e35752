"""Audit rows and outbox events, written inside the caller's transaction.

Both take their number from one station-wide local sequence, so "what happened in which
order" never depends on the wall clock.
"""

from __future__ import annotations

import json
import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from app.context import StationContext
from app.domain.events import DomainEvent
from app.store.tables import AuditEntry, OutboxEvent


def next_seq(session: Session) -> int:
    value = session.execute(
        text("UPDATE local_sequence SET value = value + 1 WHERE name = 'station' RETURNING value")
    ).scalar_one()
    return int(value)


def audit(
    session: Session,
    ctx: StationContext,
    at: datetime,
    action: str,
    order_number: str | None,
    detail: dict[str, Any],
) -> int:
    seq = next_seq(session)
    session.add(
        AuditEntry(
            seq=seq,
            at=at,
            station_code=ctx.station_code,
            operator_code=ctx.operator_code,
            action=action,
            order_number=order_number,
            detail=json.dumps(detail, ensure_ascii=False, sort_keys=True),
        )
    )
    return seq


def emit(session: Session, ctx: StationContext, at: datetime, event: DomainEvent) -> str:
    """Queue ``event`` in the outbox; returns its UUID (the idempotency key at the hub)."""
    event_id = str(uuid.uuid4())
    session.add(
        OutboxEvent(
            seq=next_seq(session),
            event_id=event_id,
            type=event.type,
            at=at,
            station_code=ctx.station_code,
            operator_code=ctx.operator_code,
            payload=json.dumps(event.payload(), ensure_ascii=False, sort_keys=True),
        )
    )
    return event_id
