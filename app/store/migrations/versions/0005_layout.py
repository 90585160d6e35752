"""The warehouse floor layout: one row holding the layout document the centre sent.

Picking plans need the floor (aisles, blocks of bays, where runs start); it comes from the
centre through the changes feed, or from the stand-alone demo's data. A store upgraded to
this revision has none until the next pull brings it.

Revision ID: 0005_layout
Revises: 0004_sync
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005_layout"
down_revision = "0004_sync"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "floor_layout",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("doc", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("id = 1", name=op.f("ck_floor_layout_one_row")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_floor_layout")),
    )


def downgrade() -> None:
    op.drop_table("floor_layout")
