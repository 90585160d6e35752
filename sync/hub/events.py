"""``POST /v1/events``: facts from the floor, applied exactly once.

Each event's UUID is its idempotency key. The event row, the answer given and the event's
effects are written in one savepoint, so either all of them are stored or none: a replay
(a response lost after the commit) finds the stored answer and gets it again with
``replay: true``; a crash before the commit left nothing, and the replay is simply new.

A batch is one transaction with a savepoint per event: one refused event never loses the
others, and a batch costs one commit (one fsync on SQLite). A hub bug in one event fails the
whole batch with 500 and nothing is kept, so the station retries it later instead of
quarantining good events. Refusals are stored too, so a replay gets the same refusal.

Facts are never refused for business state: an order packed while the centre cancelled it, or
while another station held it, is accepted and a conflict is recorded for the centre.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from fastapi import APIRouter
from pydantic import ValidationError
from sqlalchemy import Connection, Engine, bindparam, insert, select
from sqlalchemy.exc import DataError, IntegrityError

from sync.hub import catalog, feed
from sync.hub.auth import HubDep, Station, StationDep
from sync.hub.tables import as_utc, claims, conflicts, events, orders
from sync.protocol import (
    EVENT_PAYLOADS,
    BatchResult,
    EventBatch,
    EventIn,
    EventResult,
    OrderPackedPayload,
    PackStartedPayload,
    Wire,
)

router = APIRouter()


@router.post("/v1/events", response_model=BatchResult, summary="Upload facts from the floor")
def post_events(batch: EventBatch, hub: HubDep, station: StationDep) -> BatchResult:
    """One result per event, in order; HTTP 200 even when some are refused."""
    return BatchResult(results=apply_batch(hub.engine, station, batch.events, hub.clock()))


def apply_batch(
    engine: Engine, station: Station, batch: Sequence[EventIn], now: datetime
) -> list[EventResult]:
    with engine.begin() as conn:
        if any(e.type == "OrderPacked" for e in batch):
            feed.lock(conn, station.warehouse)  # the counter before order rows (feed.py)
        seen = {  # one query for the usual case, a batch re-sent after a lost answer
            row.event_id: row
            for row in conn.execute(
                _STORED.where(events.c.event_id.in_({e.event_id for e in batch}))
            )
        }
        return [_apply_one(conn, station, event, now, seen) for event in batch]


def body_sha256(event: EventIn) -> str:
    """The hash of the event's canonical JSON: a replay must match it byte for byte."""
    canonical = json.dumps(
        event.model_dump(mode="json"), sort_keys=True, separators=(",", ":"), ensure_ascii=False
    )
    return hashlib.sha256(canonical.encode()).hexdigest()


def _apply_one(
    conn: Connection, station: Station, event: EventIn, now: datetime, seen: dict[str, Any]
) -> EventResult:
    body = body_sha256(event)
    if event.event_id in seen:
        return _answer_again(seen[event.event_id], station, body)
    try:
        at = as_utc(event.at)
    except ValueError as exc:
        return _refused(event.event_id, "invalid_payload", f"The event's time (at): {exc}.")
    try:
        with conn.begin_nested():
            result = _decide(conn, station, event, now)
            conn.execute(
                _INSERT_EVENT,
                {
                    "event_id": event.event_id,
                    "warehouse": station.warehouse,
                    "station": station.code,
                    "type": event.type,
                    "station_seq": event.seq,
                    "at": at,
                    "received_at": now,
                    "body_sha256": body,
                    "outcome": result.outcome,
                    "payload": json.dumps(event.payload, sort_keys=True, ensure_ascii=False),
                    "result": result.model_dump_json(),
                },
            )
            seen[event.event_id] = _Seen(event.event_id, station.code, body, result)
            return result
    except IntegrityError:  # PostgreSQL: another request stored the same event first
        row = conn.execute(_STORED.where(events.c.event_id == event.event_id)).first()
        if row is None:
            raise
        return _answer_again(row, station, body)
    except (DataError, OverflowError):  # text PostgreSQL cannot store (NUL), a huge number
        return _refused(
            event.event_id,
            "invalid_payload",
            "The event holds a value the order service cannot store (a NUL character, or a "
            "number too large).",
        )


_STORED = select(events.c.event_id, events.c.station, events.c.body_sha256, events.c.result)
# Built once: building and cache-keying a statement per event cost more than running it.
_INSERT_EVENT = insert(events)
_ORDER = select(orders.c.status, orders.c.status_reason, orders.c.packed_by).where(
    orders.c.warehouse == bindparam("w"), orders.c.number == bindparam("n")
)
_OTHER_HOLDER = select(claims.c.station).where(
    claims.c.warehouse == bindparam("w"),
    claims.c.kind == "order",
    claims.c.key == bindparam("n"),
    claims.c.station != bindparam("s"),
    claims.c.expires_at > bindparam("now"),
)


@dataclass(frozen=True)
class _Seen:
    """An event stored earlier in this batch (the same id twice in one upload)."""

    event_id: str
    station: str
    body_sha256: str
    answer: EventResult

    @property
    def result(self) -> str:
        return self.answer.model_dump_json()


def _answer_again(row: Any, station: Station, body: str) -> EventResult:
    """The stored answer for a replay, or key_reused for another event under the same id."""
    if row.station == station.code and row.body_sha256 == body:
        return EventResult.model_validate_json(row.result).model_copy(update={"replay": True})
    return _refused(
        row.event_id,
        "key_reused",
        f"Event id {row.event_id} was already used for a different event; "
        "each event needs its own id.",
    )


def _refused(event_id: str, code: str, message: str) -> EventResult:
    return EventResult(event_id=event_id, outcome="refused", code=code, message=message)


def _decide(conn: Connection, station: Station, event: EventIn, now: datetime) -> EventResult:
    model = EVENT_PAYLOADS.get(event.type)
    if model is None:
        known = ", ".join(sorted(EVENT_PAYLOADS))
        return _refused(
            event.event_id,
            "unknown_type",
            f"The order service does not know events of type {event.type!r} (it knows {known}).",
        )
    try:
        payload = model.model_validate(event.payload)
    except ValidationError as exc:
        return _refused(event.event_id, "invalid_payload", _payload_problem(exc))
    number: str = getattr(payload, "order_number")  # noqa: B009 -- every payload names one
    order = conn.execute(_ORDER, {"w": station.warehouse, "n": number}).first()
    if order is None:
        return _refused(
            event.event_id,
            "unknown_order",
            f"There is no order {number} in warehouse {station.warehouse}.",
        )
    found = _conflicts(conn, station, payload, order, now)
    for kind, message in found:
        conn.execute(
            insert(conflicts).values(
                at=now,
                warehouse=station.warehouse,
                order_number=number,
                station=station.code,
                event_id=event.event_id,
                kind=kind,
                message=message,
            )
        )
    if isinstance(payload, OrderPackedPayload) and order.status != "packed":
        reason = None
        if order.status != "open":
            reason = f"packed at {station.code} while {order.status}: {order.status_reason or ''}"
            reason = reason.rstrip(": ")[:200]
        catalog.mark_packed(conn, station.warehouse, number, station.code, reason, now=now)
    conflict = " ".join(message for _, message in found) or None
    return EventResult(event_id=event.event_id, outcome="accepted", conflict=conflict)


def _conflicts(
    conn: Connection, station: Station, payload: Wire, order: Any, now: datetime
) -> list[tuple[str, str]]:
    """What the centre must look at about this fact (empty for most events)."""
    if not isinstance(payload, OrderPackedPayload | PackStartedPayload):
        return []
    number = payload.order_number
    verb = "packed" if isinstance(payload, OrderPackedPayload) else "started packing"
    doing = "packed" if verb == "packed" else "started"
    found: list[tuple[str, str]] = []
    if order.status in ("cancelled", "held"):
        why = f" ({order.status_reason})" if order.status_reason else ""
        found.append(
            (
                f"{doing}_while_{order.status}",
                f"Station {station.code} {verb} order {number} while the centre had it "
                f"{order.status}{why}.",
            )
        )
    if order.status == "packed" and order.packed_by != station.code:
        found.append(
            (
                f"{doing}_after_packed",
                f"Station {station.code} {verb} order {number}, which {order.packed_by} "
                "had already packed.",
            )
        )
    holder = conn.execute(
        _OTHER_HOLDER, {"w": station.warehouse, "n": number, "s": station.code, "now": now}
    ).scalar()
    if holder is not None:
        found.append(
            (
                f"{doing}_while_claimed",
                f"Order {number} was packed offline by {station.code} while {holder} held it."
                if doing == "packed"
                else f"Station {station.code} started packing order {number} while {holder} "
                "held it.",
            )
        )
    return found


def _payload_problem(exc: ValidationError) -> str:
    problems = []
    for error in exc.errors()[:5]:
        field = ".".join(str(part) for part in ("payload", *error["loc"]))
        problems.append(f"{field}: {error['msg']}")
    return "The event's payload does not match its type. " + "; ".join(problems)
