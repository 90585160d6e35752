"""Finding demo orders to pack in tests and tools: the order and one barcode per unit."""

from __future__ import annotations

from sqlalchemy import select

from app.store.open import Store
from app.store.tables import Order, OrderLine, ProductBarcode


def pick_order(
    store: Store, *, min_lines: int = 2, gift: bool | None = None
) -> tuple[str, list[str]]:
    """An open demo order and one unit barcode (GTIN-13 form) per unit to pack."""
    with store.sessions() as s:
        query = select(Order).where(Order.status == "open").order_by(Order.id)
        for order in s.execute(query).scalars():
            if len(order.lines) < min_lines or (gift is not None and order.gift != gift):
                continue
            codes = []
            for line in order.lines:
                barcode = (
                    s.execute(
                        select(ProductBarcode).where(
                            ProductBarcode.product_id == line.product_id,
                            ProductBarcode.units == 1,
                        )
                    )
                    .scalars()
                    .first()
                )
                assert barcode is not None
                codes += [barcode.gtin14.lstrip("0").zfill(13)] * line.qty_ordered
            return order.number, codes
    raise AssertionError("no suitable demo order")


def foreign_gtin(store: Store, order_number: str) -> str:
    """A unit barcode of a product that is not in ``order_number``."""
    with store.sessions() as s:
        in_order = select(OrderLine.product_id).join(Order).where(Order.number == order_number)
        code = (
            s.execute(
                select(ProductBarcode.gtin14).where(
                    ProductBarcode.product_id.not_in(in_order), ProductBarcode.units == 1
                )
            )
            .scalars()
            .first()
        )
    assert code is not None
    return code.lstrip("0").zfill(13)
