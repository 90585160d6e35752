"""The demo data set as plain, immutable values.

Kept free of SQLAlchemy so the generator can be tested, compared and timed on its own; only
``app.demo.load`` knows the tables. Lengths are millimetres, weights grams, money integer
minor units of the order's currency, like the store.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class DemoLocation:
    """A pick face; ``code`` is ``zone-aisle-bay-level-position``, e.g. ``A-03-12-2-1``."""

    code: str
    zone: str
    aisle: int
    bay: int
    level: int
    position: int


@dataclass(frozen=True, slots=True)
class DemoProduct:
    """One sellable item; ``location_code`` is its primary pick face (distinct per product)."""

    sku: str
    name: str
    category: str
    length_mm: int
    width_mm: int
    height_mm: int
    weight_g: int
    fragile: bool
    keep_upright: bool
    price_eur_cents: int  # list price before tax; orders convert it to their currency
    gtin13: str
    upc12: str | None
    case_gtin14: str | None  # outer case code, ``case_units`` pieces per scan
    case_units: int | None
    location_code: str


@dataclass(frozen=True, slots=True)
class DemoBoxType:
    """A shipping carton; outer = inner + twice the wall thickness."""

    code: str
    name: str
    inner_length_mm: int
    inner_width_mm: int
    inner_height_mm: int
    outer_length_mm: int
    outer_width_mm: int
    outer_height_mm: int
    tare_g: int
    max_weight_g: int
    cost_cents: int
    dunnage_g: int = 0  # paper fill, part of a packed box's expected weight


@dataclass(frozen=True, slots=True)
class DemoOrderLine:
    line_no: int
    sku: str
    qty: int
    unit_price_cents: int
    substitutes: tuple[str, ...] = ()  # SKUs the customer accepts instead


@dataclass(frozen=True, slots=True)
class DemoOrder:
    """An open order; replacements are free of charge and ship what the original lacked."""

    number: str
    channel: str
    currency: str
    subtotal_cents: int
    shipping_cents: int
    tax_cents: int
    total_cents: int
    ship_by: datetime
    carrier: str
    service: str
    ship_name: str
    ship_address1: str
    ship_address2: str | None
    ship_city: str
    ship_postcode: str
    ship_region: str | None
    ship_country: str
    gift: bool
    vip: bool
    replacement: bool
    special_code: str | None
    replaces_order_number: str | None
    gift_message: str | None
    lines: tuple[DemoOrderLine, ...]


@dataclass(frozen=True, slots=True)
class DemoOperator:
    code: str
    name: str
    role: str


@dataclass(frozen=True, slots=True)
class DemoDataset:
    """Everything one demo store holds, in insertion order."""

    locations: tuple[DemoLocation, ...]
    products: tuple[DemoProduct, ...]
    box_types: tuple[DemoBoxType, ...]
    orders: tuple[DemoOrder, ...]
    operators: tuple[DemoOperator, ...]
