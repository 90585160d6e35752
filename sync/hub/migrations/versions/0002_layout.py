"""The feed carries the warehouse's floor layout: ``changes.kind`` may be ``layout``.

Revision ID: 0002_layout
Revises: 0001_initial
"""

from __future__ import annotations

from alembic import op

revision = "0002_layout"
down_revision = "0001_initial"
branch_labels = None
depends_on = None

NEW_KINDS = "kind IN ('product', 'location', 'box_type', 'order', 'layout')"
OLD_KINDS = "kind IN ('product', 'location', 'box_type', 'order')"


def upgrade() -> None:
    with op.batch_alter_table("changes", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_changes_kind"), type_="check")
        batch_op.create_check_constraint(op.f("ck_changes_kind"), NEW_KINDS)


def downgrade() -> None:
    # The older schema has no floor layouts: stations keep the one they hold.
    op.execute("DELETE FROM changes WHERE kind = 'layout'")
    with op.batch_alter_table("changes", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_changes_kind"), type_="check")
        batch_op.create_check_constraint(op.f("ck_changes_kind"), OLD_KINDS)
