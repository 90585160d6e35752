"""Print jobs for every document (labels, gift notes), routed to printers, with retries.

A job may belong to one package (its shipping label), records the printer that took it, is
a numbered copy (reprints say so on paper), waits between delivery attempts and gives up at
a deadline. "sending" marks a job whose bytes are going out; "uncertain" is a job whose
bytes may have reached the printer: it is never sent again without the operator's word;
"replaced" is an uncertain job the operator had printed again as a new copy. A second local
sequence numbers SSCCs.

Revision ID: 0003_print_routing
Revises: 0002_print_job_lease
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_print_routing"
down_revision = "0002_print_job_lease"
branch_labels = None
depends_on = None

NEW_STATES = "status IN ('pending', 'sending', 'done', 'failed', 'uncertain', 'replaced')"
OLD_STATES = "status IN ('pending', 'done', 'failed')"


def upgrade() -> None:
    with op.batch_alter_table("print_jobs", schema=None) as batch_op:
        batch_op.add_column(sa.Column("package_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("printer", sa.String(length=40), nullable=True))
        batch_op.add_column(sa.Column("copy", sa.Integer(), nullable=False, server_default="1"))
        batch_op.add_column(sa.Column("reprint_of", sa.String(length=36), nullable=True))
        batch_op.add_column(sa.Column("next_attempt_at", sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column("deadline_at", sa.DateTime(), nullable=True))
        batch_op.create_foreign_key(
            op.f("fk_print_jobs_package_id_packages"), "packages", ["package_id"], ["id"]
        )
        batch_op.drop_constraint(op.f("ck_print_jobs_status_known"), type_="check")
        batch_op.create_check_constraint(op.f("ck_print_jobs_status_known"), NEW_STATES)
    op.execute("INSERT INTO local_sequence (name, value) VALUES ('sscc', 0)")


def downgrade() -> None:
    op.execute("DELETE FROM local_sequence WHERE name = 'sscc'")
    op.execute(
        "UPDATE print_jobs SET status = 'failed' "
        "WHERE status IN ('uncertain', 'sending', 'replaced')"
    )
    with op.batch_alter_table("print_jobs", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_print_jobs_status_known"), type_="check")
        batch_op.create_check_constraint(op.f("ck_print_jobs_status_known"), OLD_STATES)
        batch_op.drop_constraint(op.f("fk_print_jobs_package_id_packages"), type_="foreignkey")
        batch_op.drop_column("deadline_at")
        batch_op.drop_column("next_attempt_at")
        batch_op.drop_column("reprint_of")
        batch_op.drop_column("copy")
        batch_op.drop_column("printer")
        batch_op.drop_column("package_id")
