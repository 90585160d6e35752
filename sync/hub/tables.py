"""The order service's tables (SQLAlchemy Core), one MetaData of its own.

The hub keeps two views of an order: the ``orders`` row holds what the hub queries and changes
(status, version, ship-by, who packed it), and the order's full ``OrderDoc`` JSON lives in
``changes``, the compacted feed, exactly as stations download it. Every write of an order
writes both in one transaction.

Datetimes are aware UTC in Python; SQLite keeps them as naive UTC text of one fixed format, so
comparisons in SQL (``expires_at <= :now``) still order correctly.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Column,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = MetaData(naming_convention=NAMING_CONVENTION)

# An autoincrementing 64-bit key on PostgreSQL; SQLite only autoincrements INTEGER PRIMARY KEY.
BigId = BigInteger().with_variant(Integer(), "sqlite")

CODE = 40  # protocol.Code: station, warehouse, order number, SKU...


class UTCDateTime(TypeDecorator[datetime]):
    """Aware UTC datetimes in and out; a naive datetime is a bug and is refused."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def as_utc(value: datetime) -> datetime:
    """An untrusted datetime as aware UTC: naive means UTC (the protocol's times are UTC).

    Raises ValueError for a time that has no UTC equivalent (year 1 at +14:00, say).
    """
    try:
        return (value if value.tzinfo else value.replace(tzinfo=UTC)).astimezone(UTC)
    except OverflowError:
        raise ValueError(f"{value.isoformat()} is out of range") from None


warehouses = Table(
    "warehouses",
    metadata,
    Column("code", String(CODE), primary_key=True),
    Column("name", String(200), nullable=False),
)

feed_counters = Table(
    "feed_counters",
    metadata,
    Column("warehouse", ForeignKey("warehouses.code"), primary_key=True),
    # The last seq handed out. Writers take numbers with UPDATE ... RETURNING inside their
    # transaction: the row lock orders commits by seq (see sync/hub/feed.py).
    Column("value", BigInteger, nullable=False),
    # Random per feed, part of every cursor: a cursor from a replaced or restored database is
    # recognised instead of silently skipping changes.
    Column("feed_id", String(32), nullable=False),
)

stations = Table(
    "stations",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("code", String(CODE), nullable=False, unique=True),
    Column("name", String(200), nullable=False),
    Column("warehouse", ForeignKey("warehouses.code"), nullable=False),
    Column("role", String(10), nullable=False),
    Column("token_sha256", String(64), nullable=False, unique=True),
    Column("revoked", Boolean, nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    CheckConstraint("role IN ('station', 'admin')", name="role"),
)

changes = Table(
    "changes",
    metadata,
    Column("id", BigId, primary_key=True),
    Column("warehouse", ForeignKey("warehouses.code"), nullable=False),
    Column("seq", BigInteger, nullable=False),
    Column("kind", String(16), nullable=False),
    Column("key", String(CODE), nullable=False),
    # A catalogue entity's first version stays at its first seq (pinned) so it still comes
    # before every order that names it; later versions move in one unpinned row.
    Column("pinned", Boolean, nullable=False),
    Column("doc", Text, nullable=False),  # the entity's JSON, served as is
    UniqueConstraint("warehouse", "kind", "key", "pinned"),
    UniqueConstraint("warehouse", "seq"),  # also the index the feed reads by
    # A layout is one row per warehouse (its key is the warehouse's code).
    CheckConstraint(
        "kind IN ('product', 'location', 'box_type', 'order', 'layout')", name="kind"
    ),
)

ORDER_STATUSES = ("open", "held", "cancelled", "packed")

orders = Table(
    "orders",
    metadata,
    Column("id", BigId, primary_key=True),
    Column("warehouse", ForeignKey("warehouses.code"), nullable=False),
    Column("number", String(CODE), nullable=False),
    Column("status", String(10), nullable=False),
    Column("status_reason", String(200)),
    Column("version", Integer, nullable=False),
    Column("ship_by", UTCDateTime, nullable=False),
    Column("packed_by", String(CODE)),
    Column("updated_at", UTCDateTime, nullable=False),
    UniqueConstraint("warehouse", "number"),
    CheckConstraint("status IN ('open', 'held', 'cancelled', 'packed')", name="status"),
    Index(None, "warehouse", "status", "ship_by"),  # claims/next: open orders, earliest first
)

events = Table(
    "events",
    metadata,
    Column("event_id", String(36), primary_key=True),
    Column("warehouse", ForeignKey("warehouses.code"), nullable=False),
    Column("station", String(CODE), nullable=False),
    Column("type", String(CODE), nullable=False),
    Column("station_seq", BigInteger, nullable=False),
    Column("at", UTCDateTime, nullable=False),
    Column("received_at", UTCDateTime, nullable=False),
    Column("body_sha256", String(64), nullable=False),
    Column("outcome", String(10), nullable=False),
    Column("payload", Text, nullable=False),
    Column("result", Text, nullable=False),  # the EventResult JSON a replay gets again
    Index(None, "warehouse", "station", "station_seq"),
)

claims = Table(
    "claims",
    metadata,
    Column("claim_id", String(36), primary_key=True),
    Column("warehouse", ForeignKey("warehouses.code"), nullable=False),
    Column("kind", String(8), nullable=False),
    Column("key", String(CODE), nullable=False),
    Column("station", String(CODE), nullable=False),
    Column("granted_at", UTCDateTime, nullable=False),
    Column("expires_at", UTCDateTime, nullable=False),
    UniqueConstraint("warehouse", "kind", "key"),
    Index(None, "station"),
)

lost_claims = Table(
    "lost_claims",
    metadata,
    # Why a lease ended, so a station renewing it learns "taken by PACK-02", not "unknown".
    Column("claim_id", String(36), primary_key=True),
    Column("warehouse", ForeignKey("warehouses.code"), nullable=False),
    Column("kind", String(8), nullable=False),
    Column("key", String(CODE), nullable=False),
    Column("station", String(CODE), nullable=False),
    Column("reason", String(10), nullable=False),
    Column("at", UTCDateTime, nullable=False),
)

conflicts = Table(
    "conflicts",
    metadata,
    Column("id", BigId, primary_key=True),
    Column("at", UTCDateTime, nullable=False),
    Column("warehouse", ForeignKey("warehouses.code"), nullable=False),
    Column("order_number", String(CODE)),
    Column("station", String(CODE), nullable=False),
    Column("event_id", String(36)),
    Column("kind", String(40), nullable=False),
    Column("message", Text, nullable=False),
    Index(None, "warehouse", "id"),
)
