"""Sync with the central order service: the centre's side of orders, outbox delivery state,
the changes-feed cursor and the leases (claims) this station holds.

Orders gain ``held`` (the centre paused it), the centre's version and status, why it held
or cancelled the order, and the stop notice shown while the operator puts a stopped order
aside. Outbox events count failed uploads and can be quarantined when the hub refuses them.

Revision ID: 0004_sync
Revises: 0003_print_routing
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004_sync"
down_revision = "0003_print_routing"
branch_labels = None
depends_on = None

NEW_STATES = "status IN ('open', 'packing', 'packed', 'cancelled', 'held')"
OLD_STATES = "status IN ('open', 'packing', 'packed', 'cancelled')"


def upgrade() -> None:
    with op.batch_alter_table("orders", schema=None) as batch_op:
        batch_op.add_column(sa.Column("version", sa.Integer(), nullable=False, server_default="0"))
        batch_op.add_column(sa.Column("central_status", sa.String(length=16), nullable=True))
        batch_op.add_column(sa.Column("status_reason", sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column("stop_reason", sa.String(length=16), nullable=True))
        batch_op.add_column(sa.Column("stop_units", sa.Integer(), nullable=True))
        batch_op.drop_constraint(op.f("ck_orders_status_known"), type_="check")
        batch_op.create_check_constraint(op.f("ck_orders_status_known"), NEW_STATES)
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.add_column(sa.Column("attempts", sa.Integer(), nullable=False, server_default="0"))
        batch_op.add_column(sa.Column("last_error", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("quarantined_at", sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column("refusal_code", sa.String(length=40), nullable=True))
    op.create_table(
        "sync_state",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("cursor", sa.Text(), nullable=True),
        sa.Column("initial_done", sa.Boolean(), nullable=False, server_default="0"),
        sa.Column("pulled_at", sa.DateTime(), nullable=True),
        sa.Column("pushed_at", sa.DateTime(), nullable=True),
        sa.Column("clock_skew_s", sa.Float(), nullable=True),
        sa.CheckConstraint("id = 1", name=op.f("ck_sync_state_one_row")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_state")),
    )
    op.execute("INSERT INTO sync_state (id, initial_done) VALUES (1, 0)")
    op.create_table(
        "claims",
        sa.Column("claim_id", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("key", sa.String(length=40), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
        sa.Column("state", sa.String(length=8), nullable=False),
        sa.Column("lost_reason", sa.String(length=20), nullable=True),
        sa.Column("holder", sa.String(length=40), nullable=True),
        sa.CheckConstraint("state IN ('held', 'lost')", name=op.f("ck_claims_state_known")),
        sa.PrimaryKeyConstraint("claim_id", name=op.f("pk_claims")),
        sa.UniqueConstraint("kind", "key", name=op.f("uq_claims_kind")),
    )


def downgrade() -> None:
    op.drop_table("claims")
    op.drop_table("sync_state")
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.drop_column("refusal_code")
        batch_op.drop_column("quarantined_at")
        batch_op.drop_column("last_error")
        batch_op.drop_column("attempts")
    # An order the centre held is open again as far as the older schema knows.
    op.execute("UPDATE orders SET status = 'open' WHERE status = 'held'")
    with op.batch_alter_table("orders", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_orders_status_known"), type_="check")
        batch_op.create_check_constraint(op.f("ck_orders_status_known"), OLD_STATES)
        batch_op.drop_column("stop_units")
        batch_op.drop_column("stop_reason")
        batch_op.drop_column("status_reason")
        batch_op.drop_column("central_status")
        batch_op.drop_column("version")
