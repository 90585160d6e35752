"""Deterministic demo data: one warehouse, its products, boxes, operators and open orders.

Pure Python on ``random.Random(seed)`` so the same arguments always give the same data set
(byte for byte), whether for a sales demo, a test or the 50k-order benchmark store. Load it
with ``app.demo.load.load_dataset``.
"""

from __future__ import annotations

from datetime import UTC, datetime
from random import Random

from app.demo.catalogue import BOX_TYPES, OPERATORS
from app.demo.model import (
    DemoBoxType,
    DemoDataset,
    DemoLocation,
    DemoOperator,
    DemoOrder,
    DemoOrderLine,
    DemoProduct,
)
from app.demo.orders import make_orders
from app.demo.products import gs1_check_digit, make_products

__all__ = [
    "DEFAULT_NOW",
    "DemoBoxType",
    "DemoDataset",
    "DemoLocation",
    "DemoOperator",
    "DemoOrder",
    "DemoOrderLine",
    "DemoProduct",
    "generate",
    "gs1_check_digit",
]

# Fixed, so that the default output never depends on the wall clock.
DEFAULT_NOW = datetime(2026, 11, 26, 8, 0, tzinfo=UTC)


def generate(
    *, seed: int = 2026, products: int = 600, orders: int = 320, now: datetime | None = None
) -> DemoDataset:
    """Build the data set; ship-by times fall within the four days after ``now``.

    Products are drawn before orders, so they do not depend on ``orders``; and the first N
    orders of a bigger set equal the set of N orders.
    """
    if products < 1 or orders < 0:
        raise ValueError("need at least one product and a non-negative number of orders")
    if now is None:
        now = DEFAULT_NOW
    elif now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    rng = Random(seed)
    locations, product_list = make_products(rng, products)
    order_list = make_orders(rng, product_list, orders, now.astimezone(UTC))
    return DemoDataset(
        locations=locations,
        products=product_list,
        box_types=BOX_TYPES,
        orders=order_list,
        operators=OPERATORS,
    )
