"""The boxes of an order at the packing station: box choice, weighing, closing, reopening.

Core statements like ``packing_queries``: these run on scans and scale readings.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Connection, bindparam, delete, select, text, update

from app.store.tables import BoxType, Order, OrderLine, Package, PackageContent, Product, table

orders = table(Order)
packages = table(Package)
contents = table(PackageContent)
lines = table(OrderLine)
products = table(Product)
box_types = table(BoxType)

_PACKAGES = (
    select(packages, box_types.c.code.label("box_code"))
    .select_from(packages.outerjoin(box_types))
    .where(packages.c.order_id == bindparam("order_id"))
    .order_by(packages.c.number)
)
_CONTENTS = (
    select(
        contents.c.package_id,
        contents.c.order_line_id,
        contents.c.product_id,
        contents.c.qty,
        lines.c.line_no,
        products.c.sku,
        products.c.name,
        products.c.weight_g,
    )
    .select_from(contents.join(lines).join(products, products.c.id == contents.c.product_id))
    .join(packages, packages.c.id == contents.c.package_id)
    .where(packages.c.order_id == bindparam("order_id"))
    .order_by(packages.c.number, lines.c.line_no)
)
_BOX_TYPES = select(box_types).order_by(box_types.c.code)
_REMOVE = (
    update(contents)
    .where(
        contents.c.package_id == bindparam("in_package"),
        contents.c.order_line_id == bindparam("of_line"),
        contents.c.product_id == bindparam("of_product"),
    )
    .values(qty=contents.c.qty - bindparam("units"))
)
_DROP_LAST = delete(contents).where(
    contents.c.package_id == bindparam("in_package"),
    contents.c.order_line_id == bindparam("of_line"),
    contents.c.product_id == bindparam("of_product"),
    contents.c.qty <= bindparam("units"),
)


def order_packages(conn: Connection, order_id: int) -> list[Any]:
    """Every package of the order with its box code, in number order."""
    return list(conn.execute(_PACKAGES, {"order_id": order_id}))


def order_contents(conn: Connection, order_id: int) -> list[Any]:
    """(package_id, order_line_id, product_id, qty, line_no, sku, name, weight_g) of every
    package: the product in the box, which may be a substitute for the line's."""
    return list(conn.execute(_CONTENTS, {"order_id": order_id}))


def all_box_types(conn: Connection) -> list[Any]:
    return list(conn.execute(_BOX_TYPES))


def box_type_by_code(conn: Connection, code: str) -> Any:
    for candidate in dict.fromkeys((code, code.upper())):
        row = conn.execute(select(box_types).where(box_types.c.code == candidate)).first()
        if row is not None:
            return row
    return None


def set_plan(conn: Connection, package_id: int, suggested_box: str | None, plan: str) -> None:
    conn.execute(
        update(packages)
        .where(packages.c.id == package_id)
        .values(suggested_box=suggested_box, plan=plan)
    )


def clear_plan(conn: Connection, package_id: int) -> None:
    """No suggestion until the station makes one again (the order's lines changed)."""
    conn.execute(
        update(packages).where(packages.c.id == package_id).values(plan=None, suggested_box=None)
    )


def set_box(conn: Connection, package_id: int, box: Any, reason: str | None) -> None:
    """The box the packer used (and why, when it is not the suggested one)."""
    conn.execute(
        update(packages)
        .where(packages.c.id == package_id)
        .values(
            box_type_id=box.id,
            box_reason=reason,
            length_mm=box.outer_length_mm,
            width_mm=box.outer_width_mm,
            height_mm=box.outer_height_mm,
        )
    )


def close_package(
    conn: Connection,
    package_id: int,
    now: datetime,
    *,
    weight_g: int | None,
    expected_weight_g: int | None,
    accepted_by: str | None,
    weight_reason: str | None,
    carrier: str,
    service: str,
    box: Any = None,
) -> None:
    """Close it; ``box``: the box type to record with it (the suggestion, taken as used)."""
    values: dict[str, Any] = {
        "status": "closed",
        "closed_at": now,
        "weight_g": weight_g,
        "expected_weight_g": expected_weight_g,
        "weight_accepted_by": accepted_by,
        "weight_reason": weight_reason,
        "carrier": carrier,
        "service": service,
    }
    if box is not None:
        values |= {
            "box_type_id": box.id,
            "length_mm": box.outer_length_mm,
            "width_mm": box.outer_width_mm,
            "height_mm": box.outer_height_mm,
        }
    conn.execute(update(packages).where(packages.c.id == package_id).values(**values))


def set_tracking(conn: Connection, package_id: int, tracking_number: str) -> None:
    conn.execute(
        update(packages).where(packages.c.id == package_id).values(tracking_number=tracking_number)
    )


def set_label_count(conn: Connection, package_id: int, count: int) -> None:
    conn.execute(update(packages).where(packages.c.id == package_id).values(label_count=count))


def reopen_package(conn: Connection, package_id: int) -> None:
    """Open again: its weight no longer holds (its SSCC and tracking number stay)."""
    conn.execute(
        update(packages)
        .where(packages.c.id == package_id)
        .values(
            status="open",
            closed_at=None,
            weight_g=None,
            expected_weight_g=None,
            weight_accepted_by=None,
            weight_reason=None,
        )
    )


def delete_package(conn: Connection, package_id: int) -> None:
    """Drop an empty open package (a closed one is reopened in its place)."""
    conn.execute(delete(contents).where(contents.c.package_id == package_id))
    conn.execute(delete(packages).where(packages.c.id == package_id))


def remove_units(
    conn: Connection, package_id: int, line_id: int, product_id: int, units: int
) -> None:
    """``units`` of ``product_id`` out of the box, and no longer packed for the line."""
    params = {
        "in_package": package_id,
        "of_line": line_id,
        "of_product": product_id,
        "units": units,
    }
    if conn.execute(_DROP_LAST, params).rowcount == 0:  # more than these units are in it
        conn.execute(_REMOVE, params)
    conn.execute(
        update(lines).where(lines.c.id == line_id).values(qty_packed=lines.c.qty_packed - units)
    )


def add_short(conn: Connection, line_id: int, units: int) -> None:
    conn.execute(
        update(lines).where(lines.c.id == line_id).values(qty_short=lines.c.qty_short + units)
    )


def products_of_order(conn: Connection, order_id: int) -> list[Any]:
    """Dimensions, weight and handling of the products on the order's lines."""
    return list(
        conn.execute(
            select(
                products.c.id,
                products.c.length_mm,
                products.c.width_mm,
                products.c.height_mm,
                products.c.weight_g,
                products.c.fragile,
                products.c.keep_upright,
            )
            .select_from(products.join(lines, lines.c.product_id == products.c.id))
            .where(lines.c.order_id == order_id)
            .distinct()
        )
    )


_NEXT_TRACKING = text(
    "UPDATE local_sequence SET value = value + 1 WHERE name = 'tracking' RETURNING value"
)


def next_tracking_counter(conn: Connection) -> int:
    return int(conn.execute(_NEXT_TRACKING).scalar_one())


def set_order_service(conn: Connection, order_id: int, carrier: str, service: str) -> None:
    conn.execute(
        update(orders)
        .where(orders.c.id == order_id)
        .values(ship_carrier=carrier, ship_service=service)
    )
