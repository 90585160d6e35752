"""Bulk writes of the centre's catalogue and orders, in SQLAlchemy Core.

A first pull brings tens of thousands of orders: every statement here is one
``executemany`` (or one ``IN`` query per chunk) for a whole page, never a statement per row.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Connection, Table, bindparam, delete, func, select, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from app.store.pick_tables import OrderLineSubstitute, PickAllocation, PickCapture
from app.store.tables import (
    BoxType,
    Location,
    Order,
    OrderLine,
    Package,
    PackageContent,
    Product,
    ProductBarcode,
    Station,
    table,
)

locations = table(Location)
products = table(Product)
barcodes = table(ProductBarcode)
box_types = table(BoxType)
orders = table(Order)
lines = table(OrderLine)
packages = table(Package)
contents = table(PackageContent)
stations = table(Station)
allocations = table(PickAllocation)
captures = table(PickCapture)
substitutes = table(OrderLineSubstitute)

CHUNK = 500  # values per IN (...) list

type Row = dict[str, Any]

HEADER_COLUMNS = (
    "channel",
    "currency",
    "subtotal_cents",
    "shipping_cents",
    "tax_cents",
    "total_cents",
    "ship_by",
    "carrier",
    "service",
    "ship_name",
    "ship_address1",
    "ship_address2",
    "ship_city",
    "ship_postcode",
    "ship_region",
    "ship_country",
    "gift",
    "vip",
    "replacement",
    "special_code",
    "replaces_order_number",
    "gift_message",
    "version",
    "central_status",
    "status_reason",
)
ADDRESS_COLUMNS = HEADER_COLUMNS[9:16]


def _chunks[T](values: Sequence[T]) -> Iterable[Sequence[T]]:
    for start in range(0, len(values), CHUNK):
        yield values[start : start + CHUNK]


def _upsert(t: Table, key: str, columns: Iterable[str]) -> Any:
    stmt = sqlite_insert(t)
    return stmt.on_conflict_do_update(
        index_elements=[t.c[key]], set_={c: stmt.excluded[c] for c in columns}
    )


_LOCATION_COLUMNS = ("zone", "aisle", "bay", "level", "position")
_PRODUCT_COLUMNS = (
    "name",
    "length_mm",
    "width_mm",
    "height_mm",
    "weight_g",
    "fragile",
    "keep_upright",
    "location_id",
)
_BOX_COLUMNS = (
    "name",
    "inner_length_mm",
    "inner_width_mm",
    "inner_height_mm",
    "outer_length_mm",
    "outer_width_mm",
    "outer_height_mm",
    "tare_g",
    "max_weight_g",
    "cost_cents",
    "dunnage_g",
)
_UPSERT_LOCATION = _upsert(locations, "code", _LOCATION_COLUMNS)
_UPSERT_PRODUCT = _upsert(products, "sku", _PRODUCT_COLUMNS)
_UPSERT_BARCODE = _upsert(barcodes, "gtin14", ("product_id", "units"))
_UPSERT_BOX = _upsert(box_types, "code", _BOX_COLUMNS)
_UPDATE_HEADER = (
    update(orders)
    .where(orders.c.id == bindparam("oid"))
    .values({c: bindparam(c) for c in (*HEADER_COLUMNS, "status", "packed_by")})
)


def _ids(conn: Connection, t: Table, key: str, values: Sequence[str]) -> dict[str, int]:
    """key -> id for the keys found. Plain driver SQL: the page's lookups are the hot spot
    of a first pull, and SQLAlchemy's per-parameter work cost more than SQLite's."""
    found: dict[str, int] = {}
    for part in _chunks(sorted(set(values))):
        marks = ",".join("?" * len(part))
        sql = f"SELECT {key}, id FROM {t.name} WHERE {key} IN ({marks})"
        found.update((k, i) for k, i in conn.exec_driver_sql(sql, tuple(part)))
    return found


def upsert_locations(conn: Connection, rows: Sequence[Row]) -> None:
    if rows:
        conn.execute(_UPSERT_LOCATION, list(rows))


def location_ids(conn: Connection, codes: Sequence[str]) -> dict[str, int]:
    return _ids(conn, locations, "code", codes)


def upsert_products(conn: Connection, rows: Sequence[Row]) -> None:
    if rows:
        conn.execute(_UPSERT_PRODUCT, list(rows))


def product_ids(conn: Connection, skus: Sequence[str]) -> dict[str, int]:
    return _ids(conn, products, "sku", skus)


def replace_barcodes(conn: Connection, product_ids: Sequence[int], rows: Sequence[Row]) -> None:
    """The products' barcodes become exactly ``rows`` (a GTIN moving between products
    follows its new product)."""
    for part in _chunks(product_ids):
        conn.execute(delete(barcodes).where(barcodes.c.product_id.in_(part)))
    if rows:
        conn.execute(_UPSERT_BARCODE, list(rows))


def upsert_box_types(conn: Connection, rows: Sequence[Row]) -> None:
    if rows:
        conn.execute(_UPSERT_BOX, list(rows))


def local_orders(conn: Connection, numbers: Sequence[str]) -> dict[str, Any]:
    """number -> (id, status, version, central_status, the address columns)."""
    cols = [
        orders.c.id,
        orders.c.number,
        orders.c.status,
        orders.c.version,
        orders.c.central_status,
    ]
    cols += [orders.c[c] for c in ADDRESS_COLUMNS]
    found: dict[str, Any] = {}
    for part in _chunks(numbers):
        found.update(
            (r.number, r) for r in conn.execute(select(*cols).where(orders.c.number.in_(part)))
        )
    return found


def orders_with_packages(conn: Connection, order_ids: Sequence[int]) -> set[int]:
    found: set[int] = set()
    for part in _chunks(order_ids):
        stmt = select(packages.c.order_id).where(packages.c.order_id.in_(part)).distinct()
        found.update(conn.execute(stmt).scalars())
    return found


def next_order_id(conn: Connection) -> int:
    """Ids are handed out up front: the caller holds the write lock for the whole page."""
    return int(conn.execute(select(func.max(orders.c.id))).scalar_one_or_none() or 0) + 1


def insert_orders(conn: Connection, rows: Sequence[Row]) -> None:
    if rows:
        conn.execute(orders.insert(), list(rows))


def update_headers(conn: Connection, rows: Sequence[Row]) -> None:
    """Rows of ``oid``, every HEADER_COLUMNS value, ``status`` and ``packed_by``."""
    if rows:
        conn.execute(_UPDATE_HEADER, list(rows))


_REFRESH_VERSION = (
    update(orders)
    .where(orders.c.id == bindparam("oid"))
    .values(
        version=bindparam("version"),
        central_status=bindparam("central_status"),
        status_reason=bindparam("reason"),
    )
)


def refresh_versions(conn: Connection, rows: Sequence[Row]) -> None:
    """Rows of ``oid``, ``version``, ``central_status`` and ``reason``."""
    if rows:
        conn.execute(_REFRESH_VERSION, list(rows))


def forget_versions(conn: Connection) -> None:
    conn.execute(update(orders).values(version=0))


def update_order(conn: Connection, order_id: int, **values: object) -> None:
    conn.execute(update(orders).where(orders.c.id == order_id).values(**values))


_LINE_COLUMNS = (
    "order_id",
    "line_no",
    "product_id",
    "qty_ordered",
    "qty_packed",
    "unit_price_cents",
)
_INSERT_LINES = (
    f"INSERT INTO order_lines ({', '.join(_LINE_COLUMNS)}) "
    f"VALUES ({', '.join('?' * len(_LINE_COLUMNS))})"
)


def replace_lines(conn: Connection, order_ids: Sequence[int], rows: Sequence[Row]) -> None:
    """The orders' lines become exactly ``rows`` (only for orders with nothing packed).
    Lines are plain integers, inserted through the driver (100,000 in a first pull).
    Picks planned for the old lines go with them (``drop_line_dependents``)."""
    for part in _chunks(order_ids):
        of_orders = select(lines.c.id).where(lines.c.order_id.in_(part))
        drop_line_dependents(conn, of_orders)
        conn.execute(delete(lines).where(lines.c.order_id.in_(part)))
    if rows:
        conn.exec_driver_sql(_INSERT_LINES, [tuple(r[c] for c in _LINE_COLUMNS) for r in rows])


def order_lines(conn: Connection, order_id: int) -> list[Any]:
    stmt = select(
        lines.c.id,
        lines.c.line_no,
        lines.c.product_id,
        lines.c.qty_ordered,
        lines.c.qty_packed,
        lines.c.qty_short,
    ).where(lines.c.order_id == order_id)
    return list(conn.execute(stmt))


def update_line(conn: Connection, line_id: int, **values: object) -> None:
    conn.execute(update(lines).where(lines.c.id == line_id).values(**values))


def delete_line(conn: Connection, line_id: int) -> None:
    drop_line_dependents(conn, select(lines.c.id).where(lines.c.id == line_id))
    conn.execute(delete(lines).where(lines.c.id == line_id))


def picked_units(conn: Connection, order_ids: Sequence[int]) -> dict[int, int]:
    """Order id -> units picked (or in hand) for it in any pick run."""
    query = (
        select(lines.c.order_id, func.sum(allocations.c.picked + allocations.c.in_hand))
        .join(allocations, allocations.c.order_line_id == lines.c.id)
        .where(lines.c.order_id.in_(list(order_ids)))
        .group_by(lines.c.order_id)
    )
    return {order_id: int(units) for order_id, units in conn.execute(query) if units}


def drop_line_dependents(conn: Connection, line_ids: Any) -> None:
    """Pick allocations (with their GS1 captures) and substitutes of these lines (a select
    of line ids): the centre replaced the lines, so what was planned for them is void."""
    of_lines = select(allocations.c.id).where(allocations.c.order_line_id.in_(line_ids))
    conn.execute(delete(captures).where(captures.c.allocation_id.in_(of_lines)))
    conn.execute(delete(allocations).where(allocations.c.order_line_id.in_(line_ids)))
    conn.execute(delete(substitutes).where(substitutes.c.order_line_id.in_(line_ids)))


def add_substitutes(conn: Connection, rows: Sequence[tuple[int, int, int]]) -> None:
    """(order id, line no, product id): products an order line accepts instead."""
    for order_id, line_no, product_id in rows:
        line_id = conn.execute(
            select(lines.c.id).where(lines.c.order_id == order_id, lines.c.line_no == line_no)
        ).scalar()
        if line_id is not None:
            conn.execute(
                sqlite_insert(substitutes)
                .values(order_line_id=line_id, product_id=product_id)
                .on_conflict_do_nothing()
            )


def reset_packing(conn: Connection, order_id: int) -> None:
    """Forget what was packed for an order (its units went back to their locations)."""
    of_order = select(packages.c.id).where(packages.c.order_id == order_id)
    conn.execute(delete(contents).where(contents.c.package_id.in_(of_order)))
    conn.execute(delete(packages).where(packages.c.order_id == order_id))
    conn.execute(
        update(lines).where(lines.c.order_id == order_id).values(qty_packed=0, qty_short=0)
    )


def station_now(conn: Connection, station_code: str) -> tuple[int | None, str | None]:
    """(current order id, signed-in operator) of the station, if it is set up."""
    row = conn.execute(
        select(stations.c.current_order_id, stations.c.current_operator_code).where(
            stations.c.code == station_code
        )
    ).first()
    return (None, None) if row is None else (row[0], row[1])
