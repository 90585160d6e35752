"""Put a demo data set into the store quickly: bulk inserts with ids assigned up front.

Ids are handed out here (after the current maximum) instead of read back row by row, so a
50k-order set goes in as a few large ``executemany`` calls. The caller owns the transaction:
nothing here commits, so a failed load leaves the store as it was.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import fields
from itertools import islice
from typing import Any

from sqlalchemy import Table, func, insert, inspect, select
from sqlalchemy.orm import Session

from app.demo.model import (
    DemoBoxType,
    DemoDataset,
    DemoLocation,
    DemoOperator,
    DemoOrder,
    DemoProduct,
)
from app.store.pick_tables import OrderLineSubstitute
from app.store.tables import (
    Base,
    BoxType,
    Location,
    Operator,
    Order,
    OrderLine,
    Product,
    ProductBarcode,
)

CHUNK_ROWS = 10_000  # rows per executemany; bounds memory for the 50k-order set

type Row = dict[str, Any]


def gtin14(code: str) -> str:
    """GTIN-8/12/13/14 as the store keeps it: left-padded with zeros to 14 digits."""
    return code.zfill(14)


def is_loaded(session: Session) -> bool:
    """True once any product exists; demo data is only ever loaded into an empty store."""
    return session.execute(select(Product.id).limit(1)).first() is not None


def _first_id(session: Session, model: type[Any]) -> int:
    return int(session.scalar(select(func.max(model.id))) or 0) + 1


def _insert(session: Session, model: type[Base], rows: Iterator[Row]) -> None:
    """Core ``executemany`` on the table: about twice as fast as the ORM's bulk mode."""
    table = model.__table__
    assert isinstance(table, Table)  # declarative classes are mapped to plain tables
    statement = insert(table)
    while chunk := list(islice(rows, CHUNK_ROWS)):
        session.execute(statement, chunk)


def _barcodes(data: DemoDataset, product_ids: dict[str, int]) -> Iterator[Row]:
    for p in data.products:
        pid = product_ids[p.sku]
        yield {"product_id": pid, "gtin14": gtin14(p.gtin13), "units": 1}
        if p.upc12 is not None:
            yield {"product_id": pid, "gtin14": gtin14(p.upc12), "units": 1}
        if p.case_gtin14 is not None and p.case_units is not None:
            yield {"product_id": pid, "gtin14": p.case_gtin14, "units": p.case_units}


def _order_lines(
    data: DemoDataset, first_order_id: int, product_ids: dict[str, int]
) -> Iterator[Row]:
    for order_id, order in enumerate(data.orders, first_order_id):
        for line in order.lines:
            yield {
                "order_id": order_id,
                "line_no": line.line_no,
                "product_id": product_ids[line.sku],
                "qty_ordered": line.qty,
                "qty_packed": 0,
                "unit_price_cents": line.unit_price_cents,
            }


def _insert_substitutes(
    session: Session, data: DemoDataset, first_order_id: int, product_ids: dict[str, int]
) -> None:
    wanted = [
        (order_id, line.line_no, product_ids[sku])
        for order_id, order in enumerate(data.orders, first_order_id)
        for line in order.lines
        for sku in line.substitutes
    ]
    if not wanted or not inspect(session.connection()).has_table("order_line_substitutes"):
        return  # (the migration tests load demo data into stores of older revisions)
    line_ids = {
        (order_id, line_no): line_id
        for line_id, order_id, line_no in session.execute(
            select(OrderLine.id, OrderLine.order_id, OrderLine.line_no).where(
                OrderLine.order_id >= first_order_id
            )
        )
    }
    rows = [{"order_line_id": line_ids[(o, n)], "product_id": p} for o, n, p in wanted]
    _insert(session, OrderLineSubstitute, iter(rows))


def _same_names(obj: object, names: tuple[str, ...]) -> Row:
    return {name: getattr(obj, name) for name in names}


def _names(
    cls: type[Any], model: type[Base], skip: frozenset[str] = frozenset()
) -> tuple[str, ...]:
    """Dataclass fields copied as they are; checked against the table once, at import,
    because ``executemany`` silently drops keys that name no column."""
    names = tuple(f.name for f in fields(cls) if f.name not in skip)
    unknown = set(names) - set(model.__table__.columns.keys())
    if unknown:
        raise TypeError(f"{cls.__name__} fields without a {model.__name__} column: {unknown}")
    return names


_LOCATION = _names(DemoLocation, Location)
_BOX = _names(DemoBoxType, BoxType)
_OPERATOR = _names(DemoOperator, Operator)
_ORDER = _names(DemoOrder, Order, frozenset({"lines"}))
_PRODUCT = _names(
    DemoProduct,
    Product,
    frozenset({"category", "price_eur_cents", "gtin13", "upc12", "case_gtin14", "case_units",
               "location_code"}),
)  # fmt: skip


def load_dataset(session: Session, data: DemoDataset) -> None:
    """Insert every location, product, barcode, box type, operator and (open) order."""
    first = _first_id(session, Location)
    location_ids = {loc.code: n for n, loc in enumerate(data.locations, first)}
    rows = ({"id": location_ids[x.code], **_same_names(x, _LOCATION)} for x in data.locations)
    _insert(session, Location, rows)

    first = _first_id(session, Product)
    product_ids = {p.sku: n for n, p in enumerate(data.products, first)}
    rows = (
        {"id": product_ids[p.sku], "location_id": location_ids[p.location_code],
         "image_path": None, **_same_names(p, _PRODUCT)}
        for p in data.products
    )  # fmt: skip
    _insert(session, Product, rows)
    _insert(session, ProductBarcode, _barcodes(data, product_ids))
    _insert(session, BoxType, (_same_names(b, _BOX) for b in data.box_types))
    _insert(session, Operator, (_same_names(o, _OPERATOR) for o in data.operators))

    first = _first_id(session, Order)
    rows = (
        {"id": n, "status": "open", "packed_at": None, "packed_by": None,
         **_same_names(o, _ORDER)}
        for n, o in enumerate(data.orders, first)
    )  # fmt: skip
    _insert(session, Order, rows)
    _insert(session, OrderLine, _order_lines(data, first, product_ids))
    _insert_substitutes(session, data, first, product_ids)
