"""Packages remember the box count printed on their shipping label ("box 1 of 3").

A label is printed when its box closes, before the order's last box is known: the count is
the boxes closed so far plus those the plan still needs. When the order is packed with a
different number of boxes, the labels that say otherwise are printed again; this column is
how the station knows which.

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


def downgrade() -> None:
    with op.batch_alter_table("packages") as batch:
        batch.drop_column("label_count")
