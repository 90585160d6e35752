"""Packing station: box choice, check-weighing, shipping and short-shipping.

Box types gain their dunnage (fill material) weight, part of a package's expected weight.
Packages record the box suggested and the box used (with the packer's reason when they
differ), outer dimensions, expected and measured weight (with who accepted a weight out of
tolerance, and why), carrier, service and tracking number, and the suggestion itself (JSON,
for the picture of how it fits). Order lines count units short-shipped with a supervisor's
approval; orders the carrier and service the station's rules chose.

Revision ID: 0007_packing
Revises: 0006_picking
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007_packing"
down_revision = "0006_picking"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("box_types") as batch:
        batch.add_column(sa.Column("dunnage_g", sa.Integer(), server_default="0", nullable=False))
    with op.batch_alter_table("packages") as batch:
        batch.add_column(sa.Column("suggested_box", sa.String(length=20), nullable=True))
        batch.add_column(sa.Column("box_reason", sa.String(length=40), nullable=True))
        batch.add_column(sa.Column("plan", sa.Text(), nullable=True))
        batch.add_column(sa.Column("length_mm", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("width_mm", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("height_mm", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("expected_weight_g", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("weight_accepted_by", sa.String(length=40), nullable=True))
        batch.add_column(sa.Column("weight_reason", sa.String(length=40), nullable=True))
        batch.add_column(sa.Column("carrier", sa.String(length=40), nullable=True))
        batch.add_column(sa.Column("service", sa.String(length=40), nullable=True))
        batch.add_column(sa.Column("tracking_number", sa.String(length=40), nullable=True))
    with op.batch_alter_table("order_lines") as batch:
        batch.add_column(sa.Column("qty_short", sa.Integer(), server_default="0", nullable=False))
        batch.drop_constraint(op.f("ck_order_lines_qty_packed_range"), type_="check")
        batch.create_check_constraint(
            "qty_packed_range", "qty_packed >= 0 AND qty_packed + qty_short <= qty_ordered"
        )
    with op.batch_alter_table("orders") as batch:
        batch.add_column(sa.Column("ship_carrier", sa.String(length=40), nullable=True))
        batch.add_column(sa.Column("ship_service", sa.String(length=40), nullable=True))
    # Kept by a downgrade: numbers already on parcels must never be issued again.
    op.execute(
        "INSERT INTO local_sequence (name, value) SELECT 'tracking', 0 "
        "WHERE NOT EXISTS (SELECT 1 FROM local_sequence WHERE name = 'tracking')"
    )


def downgrade() -> None:
    # The 'tracking' counter stays (see upgrade).
    with op.batch_alter_table("orders") as batch:
        batch.drop_column("ship_service")
        batch.drop_column("ship_carrier")
    with op.batch_alter_table("order_lines") as batch:
        batch.drop_constraint(op.f("ck_order_lines_qty_packed_range"), type_="check")
        batch.create_check_constraint(
            "qty_packed_range", "qty_packed >= 0 AND qty_packed <= qty_ordered"
        )
        batch.drop_column("qty_short")
    with op.batch_alter_table("packages") as batch:
        for name in (
            "tracking_number",
            "service",
            "carrier",
            "weight_reason",
            "weight_accepted_by",
            "expected_weight_g",
            "height_mm",
            "width_mm",
            "length_mm",
            "plan",
            "box_reason",
            "suggested_box",
        ):
            batch.drop_column(name)
    with op.batch_alter_table("box_types") as batch:
        batch.drop_column("dunnage_g")
