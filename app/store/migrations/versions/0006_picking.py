"""Picking: planned pick runs, their cart totes, tasks, allocations and GS1 captures; put-wall
slots for sorting bulk picks; the substitutes the centre allows for an order line.

Revision ID: 0006_picking
Revises: 0005_layout
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006_picking"
down_revision = "0005_layout"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "pick_runs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=40), nullable=False),
        sa.Column("plan", sa.String(length=40), nullable=False),
        sa.Column("wave", sa.Integer(), nullable=False),
        sa.Column("method", sa.String(length=10), nullable=False),
        sa.Column("zone", sa.String(length=8), nullable=True),
        sa.Column("release_seq", sa.Integer(), nullable=False),
        sa.Column("sort_group", sa.String(length=40), nullable=True),
        sa.Column("urgent", sa.Boolean(), nullable=False),
        sa.Column("length_m", sa.Float(), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("station_code", sa.String(length=20), nullable=True),
        sa.Column("picker", sa.String(length=40), nullable=True),
        sa.Column("at_location", sa.String(length=32), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=True),
        sa.Column("finished_at", sa.DateTime(), nullable=True),
        sa.CheckConstraint(
            "status IN ('open', 'active', 'done', 'cancelled')",
            name=op.f("ck_pick_runs_status_known"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pick_runs")),
        sa.UniqueConstraint("key", name=op.f("uq_pick_runs_key")),
    )
    op.create_index(op.f("ix_pick_runs_plan"), "pick_runs", ["plan"], unique=False)
    op.create_index(op.f("ix_pick_runs_status"), "pick_runs", ["status"], unique=False)
    op.create_table(
        "sort_slots",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sort_group", sa.String(length=40), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("order_number", sa.String(length=40), nullable=False),
        sa.Column("done_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sort_slots")),
        sa.UniqueConstraint("sort_group", "order_number", name=op.f("uq_sort_slots_sort_group")),
        sa.UniqueConstraint("sort_group", "position", name=op.f("uq_sort_slots_sort_group")),
    )
    op.create_index(op.f("ix_sort_slots_sort_group"), "sort_slots", ["sort_group"], unique=False)
    op.create_table(
        "pick_totes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("run_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("order_number", sa.String(length=40), nullable=False),
        sa.Column("tote_code", sa.String(length=40), nullable=True),
        sa.Column("arrived_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["run_id"], ["pick_runs.id"], name=op.f("fk_pick_totes_run_id_pick_runs")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pick_totes")),
        sa.UniqueConstraint("run_id", "position", name=op.f("uq_pick_totes_run_id")),
    )
    op.create_index(op.f("ix_pick_totes_run_id"), "pick_totes", ["run_id"], unique=False)
    op.create_table(
        "pick_tasks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("run_id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("location_code", sa.String(length=32), nullable=False),
        sa.Column("product_id", sa.Integer(), nullable=False),
        sa.Column("skipped", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["product_id"], ["products.id"], name=op.f("fk_pick_tasks_product_id_products")
        ),
        sa.ForeignKeyConstraint(
            ["run_id"], ["pick_runs.id"], name=op.f("fk_pick_tasks_run_id_pick_runs")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pick_tasks")),
        sa.UniqueConstraint("run_id", "seq", name=op.f("uq_pick_tasks_run_id")),
    )
    op.create_index(op.f("ix_pick_tasks_run_id"), "pick_tasks", ["run_id"], unique=False)
    op.create_table(
        "order_line_substitutes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("order_line_id", sa.Integer(), nullable=False),
        sa.Column("product_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["order_line_id"],
            ["order_lines.id"],
            name=op.f("fk_order_line_substitutes_order_line_id_order_lines"),
        ),
        sa.ForeignKeyConstraint(
            ["product_id"],
            ["products.id"],
            name=op.f("fk_order_line_substitutes_product_id_products"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_order_line_substitutes")),
        sa.UniqueConstraint(
            "order_line_id", "product_id", name=op.f("uq_order_line_substitutes_order_line_id")
        ),
    )
    op.create_index(
        op.f("ix_order_line_substitutes_order_line_id"),
        "order_line_substitutes",
        ["order_line_id"],
        unique=False,
    )
    op.create_table(
        "pick_allocations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("task_id", sa.Integer(), nullable=False),
        sa.Column("order_line_id", sa.Integer(), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("picked", sa.Integer(), nullable=False),
        sa.Column("in_hand", sa.Integer(), nullable=False),
        sa.Column("short", sa.Integer(), nullable=False),
        sa.Column("tote_position", sa.Integer(), nullable=True),
        sa.Column("substitute_product_id", sa.Integer(), nullable=True),
        sa.Column("substituted", sa.Integer(), nullable=False),
        sa.Column("sorted_units", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "picked >= 0 AND in_hand >= 0 AND short >= 0 AND picked + in_hand + short <= quantity",
            name=op.f("ck_pick_allocations_units_in_range"),
        ),
        sa.CheckConstraint("quantity >= 1", name=op.f("ck_pick_allocations_quantity_positive")),
        sa.CheckConstraint(
            "sorted_units >= 0 AND sorted_units <= picked",
            name=op.f("ck_pick_allocations_sorted_in_range"),
        ),
        sa.ForeignKeyConstraint(
            ["order_line_id"],
            ["order_lines.id"],
            name=op.f("fk_pick_allocations_order_line_id_order_lines"),
        ),
        sa.ForeignKeyConstraint(
            ["substitute_product_id"],
            ["products.id"],
            name=op.f("fk_pick_allocations_substitute_product_id_products"),
        ),
        sa.ForeignKeyConstraint(
            ["task_id"], ["pick_tasks.id"], name=op.f("fk_pick_allocations_task_id_pick_tasks")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pick_allocations")),
    )
    op.create_index(
        op.f("ix_pick_allocations_order_line_id"),
        "pick_allocations",
        ["order_line_id"],
        unique=False,
    )
    op.create_index(
        op.f("ix_pick_allocations_task_id"), "pick_allocations", ["task_id"], unique=False
    )
    op.create_table(
        "pick_captures",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("allocation_id", sa.Integer(), nullable=False),
        sa.Column("product_id", sa.Integer(), nullable=False),
        sa.Column("units", sa.Integer(), nullable=False),
        sa.Column("lot", sa.String(length=20), nullable=True),
        sa.Column("serial", sa.String(length=20), nullable=True),
        sa.Column("expiry", sa.String(length=10), nullable=True),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["allocation_id"],
            ["pick_allocations.id"],
            name=op.f("fk_pick_captures_allocation_id_pick_allocations"),
        ),
        sa.ForeignKeyConstraint(
            ["product_id"], ["products.id"], name=op.f("fk_pick_captures_product_id_products")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pick_captures")),
    )
    op.create_index(
        op.f("ix_pick_captures_allocation_id"), "pick_captures", ["allocation_id"], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_pick_captures_allocation_id"), table_name="pick_captures")
    op.drop_table("pick_captures")
    op.drop_index(op.f("ix_pick_allocations_task_id"), table_name="pick_allocations")
    op.drop_index(op.f("ix_pick_allocations_order_line_id"), table_name="pick_allocations")
    op.drop_table("pick_allocations")
    op.drop_index(
        op.f("ix_order_line_substitutes_order_line_id"), table_name="order_line_substitutes"
    )
    op.drop_table("order_line_substitutes")
    op.drop_index(op.f("ix_pick_tasks_run_id"), table_name="pick_tasks")
    op.drop_table("pick_tasks")
    op.drop_index(op.f("ix_pick_totes_run_id"), table_name="pick_totes")
    op.drop_table("pick_totes")
    op.drop_index(op.f("ix_sort_slots_sort_group"), table_name="sort_slots")
    op.drop_table("sort_slots")
    op.drop_index(op.f("ix_pick_runs_status"), table_name="pick_runs")
    op.drop_index(op.f("ix_pick_runs_plan"), table_name="pick_runs")
    op.drop_table("pick_runs")
