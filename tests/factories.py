"""A small, explicit catalogue for tests that need to know every row they rely on."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy.orm import Session

from app.store.tables import Location, Order, OrderLine, Product, ProductBarcode

NOW = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)

# Valid check digits (computed by hand and checked by biip in test_scanning).
MUG_GTIN13 = "2000000000015"
MUG_UPC12 = "200000000202"
MUG_CASE_GTIN14 = "12000000000012"  # a case of 6 mugs
LAMP_GTIN13 = "2000000000022"
KETTLE_GTIN13 = "2000000000039"
STRAY_GTIN13 = "2000000000046"  # a product in the catalogue but in no test order


@dataclass(frozen=True)
class Catalogue:
    mug: int
    lamp: int
    kettle: int
    stray: int


def add_catalogue(session: Session) -> Catalogue:
    def product(sku: str, name: str, aisle: int, *gtins: tuple[str, int]) -> int:
        loc = Location(
            code=f"A-{aisle:02d}-01-1-1", zone="A", aisle=aisle, bay=1, level=1, position=1
        )
        p = Product(
            sku=sku,
            name=name,
            length_mm=120,
            width_mm=90,
            height_mm=100,
            weight_g=350,
            fragile=sku == "TS-MUG",
            keep_upright=False,
            location=loc,
        )
        session.add(p)
        session.flush()
        for code, units in gtins:
            session.add(ProductBarcode(product_id=p.id, gtin14=code.zfill(14), units=units))
        return p.id

    return Catalogue(
        mug=product(
            "TS-MUG",
            "Κούπα κεραμική 350 ml",
            1,
            (MUG_GTIN13, 1),
            (MUG_UPC12, 1),
            (MUG_CASE_GTIN14, 6),
        ),
        lamp=product("TS-LAMP", "Desk lamp LED", 2, (LAMP_GTIN13, 1)),
        kettle=product("TS-KETTLE", "Electric kettle 1.7 l", 3, (KETTLE_GTIN13, 1)),
        stray=product("TS-STRAY", "Umbrella", 4, (STRAY_GTIN13, 1)),
    )


def add_order(
    session: Session,
    number: str,
    lines: list[tuple[int, int]],  # (product_id, qty)
    *,
    gift: bool = False,
    vip: bool = False,
    replacement: bool = False,
    special_code: str | None = None,
    currency: str = "EUR",
) -> int:
    subtotal = sum(qty * 1250 for _, qty in lines)
    order = Order(
        number=number,
        channel="webshop",
        currency=currency,
        subtotal_cents=subtotal,
        shipping_cents=495,
        tax_cents=subtotal // 5,
        total_cents=subtotal + 495 + subtotal // 5,
        ship_by=NOW,
        carrier="DHL",
        service="Parcel",
        ship_name="Ελένη Παπαδοπούλου",
        ship_address1="Οδός Ερμού 12",
        ship_address2=None,
        ship_city="Αθήνα",
        ship_postcode="105 63",
        ship_region=None,
        ship_country="GR",
        gift=gift,
        vip=vip,
        replacement=replacement,
        special_code=special_code,
        gift_message="Χρόνια πολλά!" if gift else None,
        status="open",
    )
    session.add(order)
    session.flush()
    for no, (product_id, qty) in enumerate(lines, start=1):
        session.add(
            OrderLine(
                order_id=order.id,
                line_no=no,
                product_id=product_id,
                qty_ordered=qty,
                qty_packed=0,
                unit_price_cents=1250,
            )
        )
    return order.id
