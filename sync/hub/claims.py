"""Leases (claims): one station at a time works on an order, a wave or a tote.

A lease runs out ``ttl`` seconds after it was last granted or renewed; until then nobody else
may take the work. An expired lease stays its holder's until another station takes it, so a
station that comes back from a short outage renews it as if nothing happened.

Serialisation: on PostgreSQL every lease change of an order happens while holding that order's
row lock (``SELECT ... FOR UPDATE``), and ``claims/next`` picks orders with ``FOR UPDATE SKIP
LOCKED``, so concurrent callers skip each other's candidates and never get the same order; it
then re-reads the lease under the lock in case one was granted meanwhile. On SQLite every write
transaction holds the database's single write lock (``BEGIN IMMEDIATE``). Claims never take
the feed counter, so they cannot deadlock with order writers (see feed.py).

Why a lease ended is kept in ``lost_claims``, so renewing tells the station ``taken`` (and by
whom), ``released`` or ``closed`` rather than just "no".
"""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from types import SimpleNamespace
from typing import Any

from fastapi import APIRouter, Response
from sqlalchemy import Connection, and_, delete, insert, or_, select, update
from sqlalchemy.exc import IntegrityError

from sync.hub.auth import ApiError, HubDep, Station, StationDep
from sync.hub.db import is_postgres
from sync.hub.tables import claims, lost_claims, orders
from sync.protocol import (
    Claim,
    ClaimList,
    ClaimNextRequest,
    ClaimRequest,
    LostClaim,
    RenewRequest,
    RenewResult,
)

router = APIRouter()


@router.post("/v1/claims", response_model=Claim, summary="Lease one order, wave or tote")
def post_claim(request: ClaimRequest, hub: HubDep, station: StationDep) -> Claim:
    """Grants the lease, or renews it when this station already holds it."""
    ttl = request.ttl_s or hub.claim_ttl_s
    with hub.engine.begin() as conn:
        return claim_one(conn, station, request.kind, request.key, ttl, hub.clock())


@router.post("/v1/claims/next", response_model=ClaimList, summary="Lease the next open orders")
def post_claim_next(request: ClaimNextRequest, hub: HubDep, station: StationDep) -> ClaimList:
    ttl = request.ttl_s or hub.claim_ttl_s
    with hub.engine.begin() as conn:
        return ClaimList(claims=claim_next(conn, station, request.count, ttl, hub.clock()))


@router.post("/v1/claims/renew", response_model=RenewResult, summary="Extend this station's leases")
def post_renew(request: RenewRequest, hub: HubDep, station: StationDep) -> RenewResult:
    ttl = request.ttl_s or hub.claim_ttl_s
    with hub.engine.begin() as conn:
        return renew(conn, station, request.claim_ids, ttl, hub.clock())


@router.delete(
    "/v1/claims/{claim_id}",
    status_code=204,
    response_class=Response,
    summary="Give a lease back (an admin may release any)",
)
def delete_claim(claim_id: str, hub: HubDep, station: StationDep) -> Response:
    with hub.engine.begin() as conn:
        release(conn, station, claim_id, hub.clock())
    return Response(status_code=204)


def _locked(conn: Connection, query: Any) -> Any:
    return query.with_for_update() if is_postgres(conn) else query


def _as_claim(row: Any, now: datetime, expires_at: datetime | None = None) -> Claim:
    expires_at = row.expires_at if expires_at is None else expires_at
    return Claim(
        claim_id=row.claim_id,
        kind=row.kind,
        key=row.key,
        station=row.station,
        expires_at=expires_at,
        expires_in_s=round((expires_at - now).total_seconds(), 3),
    )


def _lease(conn: Connection, warehouse: str, kind: str, key: str) -> Any:
    return conn.execute(
        _locked(
            conn,
            select(claims).where(
                claims.c.warehouse == warehouse, claims.c.kind == kind, claims.c.key == key
            ),
        )
    ).first()


def claim_one(
    conn: Connection, station: Station, kind: str, key: str, ttl: int, now: datetime
) -> Claim:
    if kind == "order":
        status = conn.execute(
            _locked(
                conn,
                select(orders.c.status).where(
                    orders.c.warehouse == station.warehouse, orders.c.number == key
                ),
            )
        ).scalar()
        if status is None:
            raise ApiError(404, "not_found", f"There is no order {key} in this warehouse.")
        if status != "open":
            raise ApiError(
                409, "not_claimable", f"Order {key} is {status}: there is nothing to pack."
            )
    held = _lease(conn, station.warehouse, kind, key)
    if held is not None and held.station != station.code and held.expires_at > now:
        raise _claimed_elsewhere(kind, key, held)
    try:
        with conn.begin_nested():
            claim = _grant(conn, station, kind, key, held, ttl, now)
    except IntegrityError:  # PostgreSQL: a wave or tote leased by another request meanwhile
        held = _lease(conn, station.warehouse, kind, key)
        if held is None:
            raise
        raise _claimed_elsewhere(kind, key, held) from None
    return claim


def _claimed_elsewhere(kind: str, key: str, held: Any) -> ApiError:
    return ApiError(
        409,
        "claimed_elsewhere",
        f"{kind.capitalize()} {key} is being worked on at {held.station}.",
        detail={"station": held.station, "expires_at": held.expires_at.isoformat()},
    )


def _grant(
    conn: Connection, station: Station, kind: str, key: str, held: Any, ttl: int, now: datetime
) -> Claim:
    """Extend our own lease, take over an expired one, or grant a new one."""
    expires_at = now + timedelta(seconds=ttl)
    if held is not None and held.station == station.code:
        conn.execute(
            update(claims).where(claims.c.claim_id == held.claim_id).values(expires_at=expires_at)
        )
        return _as_claim(held, now, expires_at)
    values = {
        "claim_id": str(uuid.uuid4()),
        "warehouse": station.warehouse,
        "kind": kind,
        "key": key,
        "station": station.code,
        "granted_at": now,
        "expires_at": expires_at,
    }
    if held is None:
        conn.execute(insert(claims).values(values))
    else:
        _record_lost(conn, held, "taken", now)
        conn.execute(update(claims).where(claims.c.claim_id == held.claim_id).values(values))
    return _as_claim(SimpleNamespace(**values), now)


def _record_lost(conn: Connection, held: Any, reason: str, now: datetime) -> None:
    conn.execute(
        insert(lost_claims).values(
            claim_id=held.claim_id,
            warehouse=held.warehouse,
            kind=held.kind,
            key=held.key,
            station=held.station,
            reason=reason,
            at=now,
        )
    )


MAX_ROUNDS = 50


def claim_next(
    conn: Connection, station: Station, count: int, ttl: int, now: datetime
) -> list[Claim]:
    """Up to ``count`` open orders nobody holds (or whose lease ran out), earliest ship-by first.

    An order found leased once locked (granted by a request that committed after this one's
    snapshot) is skipped; the next round's fresh snapshot no longer offers it. Many stations
    asking at once all race for the earliest orders, so only a round that finds no candidate
    at all ends the search: an empty answer means no free open order was left unlocked,
    never that this request lost a few races. Only the rows it needs are locked, so other
    callers (SKIP LOCKED) are never starved by spares.
    """
    granted: list[Claim] = []
    for _round in range(MAX_ROUNDS):
        wanted = count - len(granted)
        if wanted == 0:
            break
        numbers = conn.execute(_candidates(conn, station.warehouse, now, wanted)).scalars().all()
        if not numbers:
            break
        for number in numbers:
            held = _lease(conn, station.warehouse, "order", number)
            if held is not None and held.expires_at > now:
                continue  # granted after our snapshot: the next round will not offer it
            granted.append(_grant(conn, station, "order", number, held, ttl, now))
    return granted


def _candidates(conn: Connection, warehouse: str, now: datetime, limit: int) -> Any:
    query = (
        select(orders.c.number)
        .outerjoin(
            claims,
            and_(
                claims.c.warehouse == orders.c.warehouse,
                claims.c.kind == "order",
                claims.c.key == orders.c.number,
            ),
        )
        .where(
            orders.c.warehouse == warehouse,
            orders.c.status == "open",
            or_(claims.c.claim_id.is_(None), claims.c.expires_at <= now),
        )
        .order_by(orders.c.ship_by, orders.c.number)
        .limit(limit)
    )
    if is_postgres(conn):  # concurrent callers skip each other's candidates
        query = query.with_for_update(of=orders, skip_locked=True)
    return query


def renew(
    conn: Connection, station: Station, claim_ids: list[str], ttl: int, now: datetime
) -> RenewResult:
    wanted = sorted(set(claim_ids))  # rows locked in one order: two renewals cannot deadlock
    held = {
        row.claim_id: row
        for row in conn.execute(
            _locked(
                conn,
                select(claims)
                .where(claims.c.claim_id.in_(wanted), claims.c.warehouse == station.warehouse)
                .order_by(claims.c.claim_id),
            )
        )
        if row.station == station.code
    }
    open_orders = set(
        conn.execute(
            select(orders.c.number).where(
                orders.c.warehouse == station.warehouse,
                orders.c.status == "open",
                orders.c.number.in_([r.key for r in held.values() if r.kind == "order"]),
            )
        ).scalars()
    )
    kept: list[Claim] = []
    lost: list[LostClaim] = []
    expires_at = now + timedelta(seconds=ttl)
    for claim_id in dict.fromkeys(claim_ids):
        row = held.get(claim_id)
        if row is not None and (row.kind != "order" or row.key in open_orders):
            conn.execute(
                update(claims).where(claims.c.claim_id == claim_id).values(expires_at=expires_at)
            )
            kept.append(_as_claim(row, now, expires_at))
        elif row is not None:  # the order was cancelled, held or packed: the lease ends
            conn.execute(delete(claims).where(claims.c.claim_id == claim_id))
            _record_lost(conn, row, "closed", now)
            lost.append(LostClaim(claim_id=claim_id, kind=row.kind, key=row.key, reason="closed"))
        else:
            lost.append(_why_lost(conn, station, claim_id))
    return RenewResult(claims=kept, lost=lost)


def _why_lost(conn: Connection, station: Station, claim_id: str) -> LostClaim:
    ended = conn.execute(
        select(lost_claims).where(
            lost_claims.c.claim_id == claim_id, lost_claims.c.station == station.code
        )
    ).first()
    if ended is None:
        return LostClaim(claim_id=claim_id, reason="unknown")
    holder = None
    if ended.reason == "taken":
        holder = conn.execute(
            select(claims.c.station).where(
                claims.c.warehouse == ended.warehouse,
                claims.c.kind == ended.kind,
                claims.c.key == ended.key,
            )
        ).scalar()
    return LostClaim(
        claim_id=claim_id, kind=ended.kind, key=ended.key, reason=ended.reason, holder=holder
    )


def release(conn: Connection, station: Station, claim_id: str, now: datetime) -> None:
    """End a lease: our own, or any in the warehouse for an admin. Repeating it is fine."""
    row = conn.execute(
        _locked(
            conn,
            select(claims).where(
                claims.c.claim_id == claim_id, claims.c.warehouse == station.warehouse
            ),
        )
    ).first()
    if row is None:
        already = conn.execute(
            select(lost_claims.c.reason).where(
                lost_claims.c.claim_id == claim_id,
                lost_claims.c.warehouse == station.warehouse,
                lost_claims.c.reason == "released",
            )
        ).first()
        if already is not None:
            return
        raise ApiError(404, "not_found", f"There is no lease {claim_id} in this warehouse.")
    if row.station != station.code and station.role != "admin":
        raise ApiError(
            403,
            "forbidden",
            f"The lease on {row.kind} {row.key} is {row.station}'s; only its holder or the "
            "centre may release it.",
        )
    conn.execute(delete(claims).where(claims.c.claim_id == claim_id))
    _record_lost(conn, row, "released", now)
