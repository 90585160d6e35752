"""The leases (claims) this station holds at the order service, as the station remembers them.

A lease's expiry is kept on this station's clock: the receipt time plus the hub's
``expires_in_s``, so a station whose clock is off still knows how long it holds the work.
The sync thread records granted and lost leases; ``PackStation`` asks ``holds`` before it
opens an order when claims are required.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import Protocol

from sqlalchemy import Connection

from app.store import sync_queries as sq


class GrantedLike(Protocol):
    """A lease as the hub grants it (``sync.protocol.Claim`` has this shape)."""

    @property
    def claim_id(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def key(self) -> str: ...
    @property
    def expires_in_s(self) -> float: ...


class LostLike(Protocol):
    """A lease the hub says this station lost (``sync.protocol.LostClaim``)."""

    @property
    def claim_id(self) -> str: ...
    @property
    def reason(self) -> str: ...
    @property
    def holder(self) -> str | None: ...


def record_granted(conn: Connection, granted: Iterable[GrantedLike], now: datetime) -> None:
    """Granted or renewed leases, held until ``now`` plus their ``expires_in_s``."""
    sq.upsert_claims(
        conn,
        [
            {
                "claim_id": c.claim_id,
                "kind": c.kind,
                "key": c.key,
                "expires_at": now + timedelta(seconds=c.expires_in_s),
            }
            for c in granted
        ],
    )


def mark_lost(conn: Connection, lost: Iterable[LostLike]) -> None:
    sq.mark_claims_lost(conn, [(c.claim_id, c.reason, c.holder) for c in lost])


def holds(conn: Connection, kind: str, key: str, now: datetime) -> bool:
    """True while this station holds an unexpired lease on ``kind``/``key``."""
    row = sq.claim_of(conn, kind, key)
    return row is not None and row.state == "held" and row.expires_at > now


def held_ids(conn: Connection) -> list[str]:
    """Every lease still believed held (expired ones too: renewing tells if it is lost)."""
    return sq.held_claim_ids(conn)


def workable_orders(conn: Connection, now: datetime) -> int:
    """Leases held on orders still to pack: what ``claim_ahead`` is topped up against."""
    return sq.workable_order_claims(conn, now)
