"""Documents of the sync protocol for tests: orders, products and pages, built small."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from app.usecases.central_docs import CentralChanges
from sync.protocol import (
    AddressDoc,
    AisleDoc,
    BarcodeDoc,
    BoxTypeDoc,
    DepotDoc,
    LayoutDoc,
    LocationDoc,
    OrderDoc,
    OrderLineDoc,
    ProductDoc,
)

SHIP_BY = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)
ADDRESS = AddressDoc(
    name="Ελένη Παπαδοπούλου",
    address1="Οδός Ερμού 12",
    city="Αθήνα",
    postcode="105 63",
    country="GR",
)


def order(
    number: str,
    lines: list[tuple[str, int]],  # (sku, quantity)
    *,
    version: int = 1,
    status: str = "open",
    **kw: Any,
) -> OrderDoc:
    subtotal = sum(qty * 1250 for _, qty in lines)
    values: dict[str, Any] = {
        "number": number,
        "version": version,
        "status": status,
        "channel": "webshop",
        "currency": "EUR",
        "subtotal_cents": subtotal,
        "shipping_cents": 495,
        "tax_cents": subtotal // 5,
        "total_cents": subtotal + 495 + subtotal // 5,
        "ship_by": SHIP_BY,
        "carrier": "DHL",
        "service": "Parcel",
        "ship_to": ADDRESS,
        "lines": [
            OrderLineDoc(line_no=n, sku=sku, quantity=qty, unit_price_cents=1250)
            for n, (sku, qty) in enumerate(lines, start=1)
        ],
    }
    values.update(kw)
    return OrderDoc(**values)


def location(code: str, aisle: int = 1) -> LocationDoc:
    return LocationDoc(code=code, zone="A", aisle=aisle, bay=1, level=1, position=1)


def product(sku: str, *gtins: str, location: str | None = None, name: str = "") -> ProductDoc:
    return ProductDoc(
        sku=sku,
        name=name or f"Product {sku}",
        length_mm=100,
        width_mm=80,
        height_mm=60,
        weight_g=250,
        location=location,
        barcodes=[BarcodeDoc(gtin14=g.zfill(14)) for g in gtins],
    )


def box(code: str) -> BoxTypeDoc:
    return BoxTypeDoc(
        code=code,
        name=f"Box {code}",
        inner_length_mm=300,
        inner_width_mm=200,
        inner_height_mm=150,
        outer_length_mm=310,
        outer_width_mm=210,
        outer_height_mm=160,
        tare_g=180,
        max_weight_g=10000,
        cost_cents=45,
    )


def orders_page(*docs: OrderDoc) -> CentralChanges:
    return CentralChanges(orders=docs)


def layout(
    *xs: float, version: int = 1, block_bays: tuple[int, ...] = (6, 6), zone: str = "A"
) -> LayoutDoc:
    """Aisles 1, 2, ... of ``zone`` at ``xs`` (default 0 and 3 m), depot at aisle 1's front.
    Unordered ``xs`` make a layout the protocol carries but no station can use."""
    aisles = [AisleDoc(zone=zone, number=n, x_m=x) for n, x in enumerate(xs or (0, 3), 1)]
    return LayoutDoc(
        version=version,
        aisles=aisles,
        block_bays=list(block_bays),
        depot=DepotDoc(zone=zone, number=1, y_m=0.0),
    )
