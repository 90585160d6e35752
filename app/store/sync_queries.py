"""The sync thread's reads and writes of the local store, in SQLAlchemy Core.

Outbox delivery state (unsent = not accepted by the hub and not quarantined, in ``seq``
order), the one-row ``sync_state``, the leases in ``claims`` and the stop notice of an
order the centre stopped. Every function runs inside the caller's transaction.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, and_, bindparam, func, select, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from app.store.tables import ClaimRow, Order, OrderLine, OutboxEvent, SyncState, table

outbox = table(OutboxEvent)
state = table(SyncState)
claims = table(ClaimRow)
orders = table(Order)
lines = table(OrderLine)

_UNSENT = and_(outbox.c.sent_at.is_(None), outbox.c.quarantined_at.is_(None))
_NEXT_BATCH = (
    select(
        outbox.c.seq,
        outbox.c.event_id,
        outbox.c.type,
        outbox.c.at,
        outbox.c.operator_code,
        outbox.c.payload,
        outbox.c.attempts,
    )
    .where(_UNSENT)
    .order_by(outbox.c.seq)
    .limit(bindparam("limit"))
)
_MARK_SENT = (
    update(outbox)
    .where(outbox.c.event_id == bindparam("id_"), outbox.c.sent_at.is_(None))
    .values(sent_at=bindparam("now"), last_error=None)
)
_NOTE_FAILURE = (
    update(outbox)
    .where(outbox.c.event_id == bindparam("id_"))
    .values(attempts=outbox.c.attempts + 1, last_error=bindparam("error"))
)


# -- outbox ---------------------------------------------------------------------------------


def next_batch(conn: Connection, limit: int) -> list[Any]:
    return list(conn.execute(_NEXT_BATCH, {"limit": limit}))


def mark_sent(conn: Connection, event_ids: Sequence[str], now: datetime) -> None:
    if event_ids:
        conn.execute(_MARK_SENT, [{"id_": e, "now": now} for e in event_ids])


def note_failure(conn: Connection, event_ids: Sequence[str], error: str) -> None:
    if event_ids:
        conn.execute(_NOTE_FAILURE, [{"id_": e, "error": error[:2000]} for e in event_ids])


def quarantine(conn: Connection, event_id: str, code: str, message: str, now: datetime) -> None:
    conn.execute(
        update(outbox)
        .where(outbox.c.event_id == event_id, outbox.c.sent_at.is_(None))
        .values(quarantined_at=now, refusal_code=code[:40], last_error=message[:2000])
    )


def release_quarantine(conn: Connection, event_id: str) -> bool:
    """Send a quarantined event again (its ``seq`` keeps its place); False if none."""
    result = conn.execute(
        update(outbox)
        .where(outbox.c.event_id == event_id, outbox.c.quarantined_at.is_not(None))
        .values(quarantined_at=None, attempts=0)
    )
    return result.rowcount == 1


def outbox_counts(conn: Connection) -> tuple[int, int, datetime | None]:
    """(waiting, quarantined, when the oldest waiting event happened)."""
    waiting, oldest = conn.execute(select(func.count(), func.min(outbox.c.at)).where(_UNSENT)).one()
    quarantined = conn.execute(
        select(func.count()).where(outbox.c.quarantined_at.is_not(None))
    ).scalar_one()
    return int(waiting), int(quarantined), oldest  # min() keeps the column's UTC type


def quarantined_events(conn: Connection) -> list[Any]:
    return list(
        conn.execute(
            select(
                outbox.c.event_id,
                outbox.c.type,
                outbox.c.at,
                outbox.c.payload,
                outbox.c.refusal_code,
                outbox.c.last_error,
            )
            .where(outbox.c.quarantined_at.is_not(None))
            .order_by(outbox.c.seq)
        )
    )


# -- sync_state -----------------------------------------------------------------------------


def sync_state(conn: Connection) -> Any:
    return conn.execute(select(state).where(state.c.id == 1)).one()


def set_state(conn: Connection, **values: object) -> None:
    conn.execute(update(state).where(state.c.id == 1).values(**values))


# -- claims ---------------------------------------------------------------------------------

_claim_upsert = sqlite_insert(claims)
_UPSERT_CLAIM = _claim_upsert.on_conflict_do_update(
    index_elements=[claims.c.kind, claims.c.key],
    set_={
        "claim_id": _claim_upsert.excluded.claim_id,
        "expires_at": _claim_upsert.excluded.expires_at,
        "state": "held",
        "lost_reason": None,
        "holder": None,
    },
)


def upsert_claims(conn: Connection, rows: Sequence[dict[str, Any]]) -> None:
    """Rows of claim_id, kind, key, expires_at: held from now (a new lease on the same work
    replaces the old one)."""
    if rows:
        conn.execute(_UPSERT_CLAIM, [{**r, "state": "held"} for r in rows])


def mark_claims_lost(conn: Connection, lost: Iterable[tuple[str, str, str | None]]) -> None:
    """(claim_id, reason, holder) of leases the hub says this station no longer holds."""
    params = [{"id_": c, "reason": r, "holder": h} for c, r, h in lost]
    if params:
        conn.execute(
            update(claims)
            .where(claims.c.claim_id == bindparam("id_"))
            .values(state="lost", lost_reason=bindparam("reason"), holder=bindparam("holder")),
            params,
        )


def claim_of(conn: Connection, kind: str, key: str) -> Any:
    return conn.execute(select(claims).where(claims.c.kind == kind, claims.c.key == key)).first()


def held_claim_ids(conn: Connection) -> list[str]:
    stmt = select(claims.c.claim_id).where(claims.c.state == "held").order_by(claims.c.key)
    return list(conn.execute(stmt).scalars())


def workable_order_claims(conn: Connection, now: datetime) -> int:
    """Leases held on orders still to pack here (unknown locally yet counts: the feed
    brings them soon)."""
    known = select(orders.c.status).where(orders.c.number == claims.c.key).scalar_subquery()
    stmt = select(func.count()).where(
        claims.c.kind == "order",
        claims.c.state == "held",
        claims.c.expires_at > now,
        func.coalesce(known, "open").in_(("open", "packing")),
    )
    return int(conn.execute(stmt).scalar_one())


# -- the stop notice of an order the centre stopped -------------------------------------------


def stop_notice(conn: Connection, order_id: int) -> tuple[str, str, int] | None:
    """(order number, stop reason, units) while the order's stop is not acknowledged."""
    row = conn.execute(
        select(orders.c.number, orders.c.stop_reason, orders.c.stop_units).where(
            orders.c.id == order_id, orders.c.stop_reason.is_not(None)
        )
    ).first()
    return None if row is None else (str(row[0]), str(row[1]), int(row[2] or 0))


def set_stop(conn: Connection, order_id: int, reason: str | None, units: int | None) -> None:
    conn.execute(
        update(orders).where(orders.c.id == order_id).values(stop_reason=reason, stop_units=units)
    )


def units_packed(conn: Connection, order_id: int) -> int:
    stmt = select(func.coalesce(func.sum(lines.c.qty_packed), 0)).where(
        lines.c.order_id == order_id
    )
    return int(conn.execute(stmt).scalar_one())


def hold_reason(conn: Connection, order_id: int) -> str | None:
    stmt = select(orders.c.status_reason).where(orders.c.id == order_id)
    return conn.execute(stmt).scalar_one_or_none()
