"""Initial schema: warehouses, stations, the feed, orders, events, claims, conflicts.

Revision ID: 0001_initial
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from sync.hub.tables import UTCDateTime

revision = "0001_initial"
down_revision = None
branch_labels = None
depends_on = None

BigId = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "warehouses",
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_warehouses")),
    )
    op.create_table(
        "feed_counters",
        sa.Column("warehouse", sa.String(length=40), nullable=False),
        sa.Column("value", sa.BigInteger(), nullable=False),
        sa.Column("feed_id", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(
            ["warehouse"],
            ["warehouses.code"],
            name=op.f("fk_feed_counters_warehouse_warehouses"),
        ),
        sa.PrimaryKeyConstraint("warehouse", name=op.f("pk_feed_counters")),
    )
    op.create_table(
        "stations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("warehouse", sa.String(length=40), nullable=False),
        sa.Column("role", sa.String(length=10), nullable=False),
        sa.Column("token_sha256", sa.String(length=64), nullable=False),
        sa.Column("revoked", sa.Boolean(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.CheckConstraint("role IN ('station', 'admin')", name=op.f("ck_stations_role")),
        sa.ForeignKeyConstraint(
            ["warehouse"], ["warehouses.code"], name=op.f("fk_stations_warehouse_warehouses")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stations")),
        sa.UniqueConstraint("code", name=op.f("uq_stations_code")),
        sa.UniqueConstraint("token_sha256", name=op.f("uq_stations_token_sha256")),
    )
    op.create_table(
        "changes",
        sa.Column("id", BigId, nullable=False),
        sa.Column("warehouse", sa.String(length=40), nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("key", sa.String(length=40), nullable=False),
        sa.Column("pinned", sa.Boolean(), nullable=False),
        sa.Column("doc", sa.Text(), nullable=False),
        sa.CheckConstraint(
            "kind IN ('product', 'location', 'box_type', 'order')",
            name=op.f("ck_changes_kind"),
        ),
        sa.ForeignKeyConstraint(
            ["warehouse"], ["warehouses.code"], name=op.f("fk_changes_warehouse_warehouses")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_changes")),
        sa.UniqueConstraint(
            "warehouse", "kind", "key", "pinned", name=op.f("uq_changes_warehouse_kind_key_pinned")
        ),
        sa.UniqueConstraint("warehouse", "seq", name=op.f("uq_changes_warehouse_seq")),
    )
    op.create_table(
        "orders",
        sa.Column("id", BigId, nullable=False),
        sa.Column("warehouse", sa.String(length=40), nullable=False),
        sa.Column("number", sa.String(length=40), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("status_reason", sa.String(length=200), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("ship_by", UTCDateTime(), nullable=False),
        sa.Column("packed_by", sa.String(length=40), nullable=True),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.CheckConstraint(
            "status IN ('open', 'held', 'cancelled', 'packed')", name=op.f("ck_orders_status")
        ),
        sa.ForeignKeyConstraint(
            ["warehouse"], ["warehouses.code"], name=op.f("fk_orders_warehouse_warehouses")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_orders")),
        sa.UniqueConstraint("warehouse", "number", name=op.f("uq_orders_warehouse_number")),
    )
    op.create_index(
        op.f("ix_orders_warehouse_status_ship_by"),
        "orders",
        ["warehouse", "status", "ship_by"],
        unique=False,
    )
    op.create_table(
        "events",
        sa.Column("event_id", sa.String(length=36), nullable=False),
        sa.Column("warehouse", sa.String(length=40), nullable=False),
        sa.Column("station", sa.String(length=40), nullable=False),
        sa.Column("type", sa.String(length=40), nullable=False),
        sa.Column("station_seq", sa.BigInteger(), nullable=False),
        sa.Column("at", UTCDateTime(), nullable=False),
        sa.Column("received_at", UTCDateTime(), nullable=False),
        sa.Column("body_sha256", sa.String(length=64), nullable=False),
        sa.Column("outcome", sa.String(length=10), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("result", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["warehouse"], ["warehouses.code"], name=op.f("fk_events_warehouse_warehouses")
        ),
        sa.PrimaryKeyConstraint("event_id", name=op.f("pk_events")),
    )
    op.create_index(
        op.f("ix_events_warehouse_station_station_seq"),
        "events",
        ["warehouse", "station", "station_seq"],
        unique=False,
    )
    op.create_table(
        "claims",
        sa.Column("claim_id", sa.String(length=36), nullable=False),
        sa.Column("warehouse", sa.String(length=40), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("key", sa.String(length=40), nullable=False),
        sa.Column("station", sa.String(length=40), nullable=False),
        sa.Column("granted_at", UTCDateTime(), nullable=False),
        sa.Column("expires_at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["warehouse"], ["warehouses.code"], name=op.f("fk_claims_warehouse_warehouses")
        ),
        sa.PrimaryKeyConstraint("claim_id", name=op.f("pk_claims")),
        sa.UniqueConstraint("warehouse", "kind", "key", name=op.f("uq_claims_warehouse_kind_key")),
    )
    op.create_index(op.f("ix_claims_station"), "claims", ["station"], unique=False)
    op.create_table(
        "lost_claims",
        sa.Column("claim_id", sa.String(length=36), nullable=False),
        sa.Column("warehouse", sa.String(length=40), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("key", sa.String(length=40), nullable=False),
        sa.Column("station", sa.String(length=40), nullable=False),
        sa.Column("reason", sa.String(length=10), nullable=False),
        sa.Column("at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["warehouse"], ["warehouses.code"], name=op.f("fk_lost_claims_warehouse_warehouses")
        ),
        sa.PrimaryKeyConstraint("claim_id", name=op.f("pk_lost_claims")),
    )
    op.create_table(
        "conflicts",
        sa.Column("id", BigId, nullable=False),
        sa.Column("at", UTCDateTime(), nullable=False),
        sa.Column("warehouse", sa.String(length=40), nullable=False),
        sa.Column("order_number", sa.String(length=40), nullable=True),
        sa.Column("station", sa.String(length=40), nullable=False),
        sa.Column("event_id", sa.String(length=36), nullable=True),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["warehouse"], ["warehouses.code"], name=op.f("fk_conflicts_warehouse_warehouses")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_conflicts")),
    )
    op.create_index(
        op.f("ix_conflicts_warehouse_id"), "conflicts", ["warehouse", "id"], unique=False
    )


def downgrade() -> None:
    for table in (
        "conflicts",
        "lost_claims",
        "claims",
        "events",
        "orders",
        "changes",
        "stations",
        "feed_counters",
        "warehouses",
    ):
        op.drop_table(table)
