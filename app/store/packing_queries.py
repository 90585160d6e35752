"""The packing hot path in SQLAlchemy Core, with statements built once at import.

An accepted scan must be committed and on screen within a few milliseconds with 50,000
orders in the store; the ORM's per-object bookkeeping cost more than the disk. These are
plain parameterised statements, each served by an index.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, bindparam, func, insert, literal, select, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from app.store.tables import (
    AuditEntry,
    Location,
    Operator,
    Order,
    OrderLine,
    Package,
    PackageContent,
    Product,
    ProductBarcode,
    Station,
    table,
)

orders = table(Order)
lines = table(OrderLine)
products = table(Product)
locations = table(Location)
barcodes = table(ProductBarcode)
packages = table(Package)
contents = table(PackageContent)
stations = table(Station)
operators = table(Operator)
audit_log = table(AuditEntry)


@dataclass(frozen=True, slots=True)
class ProductHit:
    id: int
    sku: str
    name: str
    units: int


_STATION = select(stations.c.id, stations.c.current_order_id).where(
    stations.c.code == bindparam("code")
)
_SET_CURRENT = (
    update(stations)
    .where(stations.c.id == bindparam("station_id"))
    .values(current_order_id=bindparam("order_id"))
)
_ORDER_BY_NUMBER = select(orders.c.id, orders.c.number, orders.c.status).where(
    orders.c.number == bindparam("number")
)
_ORDER_HEADER = select(
    orders.c.id,
    orders.c.number,
    orders.c.channel,
    orders.c.status,
    orders.c.carrier,
    orders.c.service,
    orders.c.ship_by,
    orders.c.ship_name,
    orders.c.ship_postcode,
    orders.c.ship_city,
    orders.c.ship_country,
    orders.c.gift,
    orders.c.vip,
    orders.c.replacement,
    orders.c.special_code,
    orders.c.replaces_order_number,
    orders.c.gift_message,
    orders.c.ship_carrier,
    orders.c.ship_service,
).where(orders.c.id == bindparam("order_id"))
_ORDER_LINES = (
    select(
        lines.c.id,
        lines.c.line_no,
        lines.c.product_id,
        lines.c.qty_ordered,
        lines.c.qty_packed,
        lines.c.qty_short,
        products.c.sku,
        products.c.name,
        func.coalesce(locations.c.code, "").label("location_code"),
        products.c.fragile,
        products.c.keep_upright,
    )
    .select_from(lines.join(products).outerjoin(locations))
    .where(lines.c.order_id == bindparam("order_id"))
    .order_by(lines.c.line_no)
)
_BY_GTIN = (
    select(products.c.id, products.c.sku, products.c.name, barcodes.c.units)
    .select_from(barcodes.join(products))
    .where(barcodes.c.gtin14 == bindparam("gtin14"))
)
_BY_SKU = select(products.c.id, products.c.sku, products.c.name, literal(1)).where(
    products.c.sku == bindparam("sku")
)
_SET_STATUS = (
    update(orders).where(orders.c.id == bindparam("order_id")).values(status=bindparam("status"))
)
_ADD_PACKED = (
    update(lines)
    .where(lines.c.id == bindparam("line_id"))
    .values(qty_packed=lines.c.qty_packed + bindparam("units"))
)
_OPEN_PACKAGE = (
    select(packages.c.id, packages.c.number)
    .where(packages.c.order_id == bindparam("order_id"), packages.c.status == "open")
    .order_by(packages.c.number.desc())
    .limit(1)
)
_PACKAGE_COUNT = select(func.count()).where(packages.c.order_id == bindparam("order_id"))
_NEW_PACKAGE = insert(packages)
_upsert = sqlite_insert(contents)
_ADD_CONTENT = _upsert.on_conflict_do_update(
    index_elements=[contents.c.package_id, contents.c.order_line_id, contents.c.product_id],
    set_={"qty": contents.c.qty + _upsert.excluded.qty},
)
_PACKAGE_CONTENTS = (
    select(packages.c.number, lines.c.line_no, products.c.sku, contents.c.qty)
    .select_from(
        contents.join(packages)
        .join(lines)
        .join(products, products.c.id == contents.c.product_id)  # what is in the box
    )
    .where(packages.c.order_id == bindparam("order_id"))
    .order_by(packages.c.number, lines.c.line_no)
)


def station(conn: Connection, code: str) -> Any:
    return conn.execute(_STATION, {"code": code}).first()


def operator(conn: Connection, code: str) -> Any:
    """An operator by badge code (as printed, or upper case when typed)."""
    for candidate in dict.fromkeys((code, code.upper())):
        row = conn.execute(
            select(operators.c.code, operators.c.name, operators.c.role).where(
                operators.c.code == candidate
            )
        ).first()
        if row is not None:
            return row
    return None


def set_operator(conn: Connection, station_id: int, code: str) -> str | None:
    """Sign ``code`` in at the station; returns who was signed in before."""
    previous = conn.execute(
        select(stations.c.current_operator_code).where(stations.c.id == station_id)
    ).scalar_one_or_none()
    conn.execute(
        update(stations).where(stations.c.id == station_id).values(current_operator_code=code)
    )
    return None if previous is None else str(previous)


def set_current_order(conn: Connection, station_id: int, order_id: int | None) -> None:
    conn.execute(_SET_CURRENT, {"station_id": station_id, "order_id": order_id})


_LEAVE_ORDER = (
    update(stations)
    .where(
        stations.c.code == bindparam("of_station"),
        stations.c.current_order_id == bindparam("of_order"),
    )
    .values(current_order_id=None)
)


def leave_order(conn: Connection, station_code: str, order_id: int) -> None:
    """The station is no longer on ``order_id`` (if it was)."""
    conn.execute(_LEAVE_ORDER, {"of_station": station_code, "of_order": order_id})


def order_by_number(conn: Connection, text: str) -> Any:
    """Exact match first, then upper case (typed numbers are often lower case)."""
    for candidate in dict.fromkeys((text, text.upper())):
        row = conn.execute(_ORDER_BY_NUMBER, {"number": candidate}).first()
        if row is not None:
            return row
    return None


def order_header(conn: Connection, order_id: int) -> Any:
    return conn.execute(_ORDER_HEADER, {"order_id": order_id}).one()


def order_lines(conn: Connection, order_id: int) -> list[Any]:
    return list(conn.execute(_ORDER_LINES, {"order_id": order_id}))


def product_by_gtin(conn: Connection, gtin14: str) -> ProductHit | None:
    row = conn.execute(_BY_GTIN, {"gtin14": gtin14}).first()
    return None if row is None else ProductHit(*row)


def product_by_sku(conn: Connection, text: str) -> ProductHit | None:
    for candidate in dict.fromkeys((text, text.upper())):
        row = conn.execute(_BY_SKU, {"sku": candidate}).first()
        if row is not None:
            return ProductHit(*row)
    return None


_SET_PACKED = (
    update(orders)
    .where(orders.c.id == bindparam("order_id"))
    .values(status="packed", packed_at=bindparam("at"), packed_by=bindparam("by"))
)


def set_order_status(conn: Connection, order_id: int, status: str) -> None:
    conn.execute(_SET_STATUS, {"order_id": order_id, "status": status})


def set_order_packed(conn: Connection, order_id: int, at: datetime, by: str) -> None:
    conn.execute(_SET_PACKED, {"order_id": order_id, "at": at, "by": by})


def add_packed(conn: Connection, line_id: int, units: int) -> None:
    conn.execute(_ADD_PACKED, {"line_id": line_id, "units": units})


def open_package(conn: Connection, order_id: int, now: datetime) -> tuple[int, int]:
    """(id, number) of the order's open package, opening the next one if there is none."""
    row = conn.execute(_OPEN_PACKAGE, {"order_id": order_id}).first()
    if row is not None:
        return int(row.id), int(row.number)
    number = int(conn.execute(_PACKAGE_COUNT, {"order_id": order_id}).scalar_one()) + 1
    result = conn.execute(
        _NEW_PACKAGE,
        {"order_id": order_id, "number": number, "status": "open", "opened_at": now},
    )
    assert result.inserted_primary_key is not None
    return int(result.inserted_primary_key[0]), number


def add_content(
    conn: Connection, package_id: int, line_id: int, product_id: int, units: int
) -> None:
    """``units`` of ``product_id`` (the line's product or an allowed substitute) put in."""
    conn.execute(
        _ADD_CONTENT,
        {
            "package_id": package_id,
            "order_line_id": line_id,
            "product_id": product_id,
            "qty": units,
        },
    )


def package_contents(conn: Connection, order_id: int) -> list[Any]:
    return list(conn.execute(_PACKAGE_CONTENTS, {"order_id": order_id}))


def last_packed_order_number(conn: Connection, station_code: str) -> str | None:
    """The order this station packed last (its audit log says so, in local order)."""
    number = conn.execute(
        select(audit_log.c.order_number)
        .where(audit_log.c.action == "order_packed", audit_log.c.station_code == station_code)
        .order_by(audit_log.c.seq.desc())
        .limit(1)
    ).scalar_one_or_none()
    return None if number is None else str(number)
