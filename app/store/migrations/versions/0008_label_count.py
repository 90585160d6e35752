"""Packages remember the box count printed on their shipping label ("box 1 of 3").

A label is printed when its box closes, before the order's last box is known: the count is
the boxes closed so far plus those the plan still needs. When the order is packed with a
different number of boxes, the labels that say otherwise are printed again; this column is
how the station knows which.

Print jobs gain an index on their order: finishing an order reads its label jobs, and a
station's print jobs are never purged (about 3 per order, a million in a busy year).

Revision ID: 0008_label_count
Revises: 0007_packing
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008_label_count"
down_revision = "0007_packing"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("packages") as batch:
        batch.add_column(sa.Column("label_count", sa.Integer(), nullable=True))
    op.create_index(op.f("ix_print_jobs_order_id"), "print_jobs", ["order_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_print_jobs_order_id"), table_name="print_jobs")
    with op.batch_alter_table("packages") as batch:
        batch.drop_column("label_count")
