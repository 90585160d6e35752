"""Station tokens: made at the centre, shown once, kept only as a SHA-256.

A token is 32 random bytes (``secrets.token_urlsafe``): guessing one is hopeless, so a plain
hash is enough (no salt or slow hash needed, unlike a password), and it lets the hub find the
station with one indexed lookup per request.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import UTC, datetime
from typing import Literal

from sqlalchemy import Engine, insert, select, update

from sync.hub.feed import UnknownWarehouseError
from sync.hub.tables import stations, warehouses

Role = Literal["station", "admin"]


def token_sha256(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def create_station(
    engine: Engine, warehouse: str, code: str, name: str, role: Role = "station"
) -> str:
    """Create the station (or rotate its token) and return the new token; only its hash is kept.

    Re-creating an existing station also moves it to ``warehouse``, renames it, sets its role
    and un-revokes it: the supervisor's latest word wins. The old token stops working at once.
    """
    if role not in ("station", "admin"):
        raise ValueError(f"A station's role is 'station' or 'admin', not {role!r}.")
    token = secrets.token_urlsafe(32)
    values = {
        "name": name,
        "warehouse": warehouse,
        "role": role,
        "token_sha256": token_sha256(token),
        "revoked": False,
    }
    with engine.begin() as conn:
        if (
            conn.execute(select(warehouses.c.code).where(warehouses.c.code == warehouse)).first()
            is None
        ):
            raise UnknownWarehouseError(warehouse)
        found = conn.execute(select(stations.c.id).where(stations.c.code == code)).first()
        if found is None:
            conn.execute(insert(stations).values(code=code, created_at=datetime.now(UTC), **values))
        else:
            conn.execute(update(stations).where(stations.c.id == found[0]).values(**values))
    return token


def revoke_station(engine: Engine, code: str) -> bool:
    """Revoke the station's token at once; False when there is no such station."""
    with engine.begin() as conn:
        done = conn.execute(update(stations).where(stations.c.code == code).values(revoked=True))
        return done.rowcount > 0
