"""Boxes as shipped: what product is in each box, and the count on its label.

Package contents gain the product actually in the box: a substitute the order allows is
weighed, listed and taken out as itself, not as the product ordered. Existing rows get
their line's product (substitutes were not told apart before).

Packages remember the box count printed on their shipping label ("box 1 of 3"). A label
is printed when its box closes, before the order's last box is known: the count is the
boxes closed so far plus those the plan still needs. When the order is packed with a
different number of boxes, the labels that say otherwise are printed again; this column is
how the station knows which.

Print jobs gain an index on their order: finishing an order reads its label jobs, and a
station's print jobs are never purged (about 3 per order, a million in a busy year).

Sort slots' two unique constraints get names of their own (both were named after their
first column, so a schema comparison saw only one).

Revision ID: 0008_boxes_as_shipped
Revises: 0007_packing
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008_boxes_as_shipped"
down_revision = "0007_packing"
branch_labels = None
depends_on = None


SORT_SLOT_UNIQUES = (
    ("uq_sort_slots_position", ["sort_group", "position"]),
    ("uq_sort_slots_order_number", ["sort_group", "order_number"]),
)


def _rebuild_sort_slots() -> None:
    """Recreate sort_slots with its unique constraints named apart (batch mode copies the
    rows into the new table)."""
    table = sa.Table(
        "sort_slots",
        sa.MetaData(),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sort_group", sa.String(length=40), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("order_number", sa.String(length=40), nullable=False),
        sa.Column("done_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sort_slots")),
        *(sa.UniqueConstraint(*cols, name=op.f(name)) for name, cols in SORT_SLOT_UNIQUES),
        sa.Index(op.f("ix_sort_slots_sort_group"), "sort_group"),
    )
    # No operations inside: ``copy_from`` already is the new shape, and batch mode copies
    # the rows into it. Dropping the old constraints by name cannot work, as they share one.
    with op.batch_alter_table("sort_slots", copy_from=table, recreate="always"):
        pass  # the recreation itself is the change


def upgrade() -> None:
    _rebuild_sort_slots()
    with op.batch_alter_table("packages") as batch:
        batch.add_column(sa.Column("label_count", sa.Integer(), nullable=True))
    op.create_index(op.f("ix_print_jobs_order_id"), "print_jobs", ["order_id"])
    with op.batch_alter_table("package_contents") as batch:
        batch.add_column(sa.Column("product_id", sa.Integer(), nullable=True))
    op.execute(
        "UPDATE package_contents SET product_id = "
        "(SELECT product_id FROM order_lines WHERE order_lines.id = order_line_id)"
    )
    with op.batch_alter_table("package_contents") as batch:
        batch.alter_column("product_id", existing_type=sa.Integer(), nullable=False)
        batch.create_foreign_key(
            op.f("fk_package_contents_product_id_products"), "products", ["product_id"], ["id"]
        )
        batch.drop_constraint(op.f("uq_package_contents_package_id"), type_="unique")
        batch.create_unique_constraint(
            op.f("uq_package_contents_package_id"), ["package_id", "order_line_id", "product_id"]
        )


def downgrade() -> None:
    # One row per box and line again: a substitute's units count as the line's product.
    op.execute(
        "UPDATE package_contents SET qty = (SELECT SUM(c.qty) FROM package_contents c "
        "WHERE c.package_id = package_contents.package_id "
        "AND c.order_line_id = package_contents.order_line_id) "
        "WHERE id IN (SELECT MIN(id) FROM package_contents GROUP BY package_id, order_line_id)"
    )
    op.execute(
        "DELETE FROM package_contents WHERE id NOT IN "
        "(SELECT MIN(id) FROM package_contents GROUP BY package_id, order_line_id)"
    )
    with op.batch_alter_table("package_contents") as batch:
        batch.drop_constraint(op.f("uq_package_contents_package_id"), type_="unique")
        batch.drop_constraint(op.f("fk_package_contents_product_id_products"), type_="foreignkey")
        batch.drop_column("product_id")
        batch.create_unique_constraint(
            op.f("uq_package_contents_package_id"), ["package_id", "order_line_id"]
        )
    op.drop_index(op.f("ix_print_jobs_order_id"), table_name="print_jobs")
    with op.batch_alter_table("packages") as batch:
        batch.drop_column("label_count")
    # sort_slots keeps its distinct constraint names: two constraints of one name cannot be
    # built again faithfully, and nothing before this revision refers to them by name.
