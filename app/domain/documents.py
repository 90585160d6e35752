"""What goes on paper, decided here; how it is drawn is the renderers' business.

A renderer (PDF through Qt today; ZPL and ESC/POS later) receives one of these plain,
immutable values and must not look anything up. Gift slips carry no prices at all, so a
renderer cannot print them by mistake.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class Address:
    name: str
    lines: tuple[str, ...]  # street lines, then "postcode city", region, country code


@dataclass(frozen=True, slots=True)
class SlipLine:
    sku: str
    name: str
    quantity: int  # units in the parcel(s)
    unit_price_cents: int | None  # None on gift slips
    line_total_cents: int | None  # None on gift slips
    quantity_short: int = 0  # ordered but not shipped (approved short at packing)


@dataclass(frozen=True, slots=True)
class Money:
    cents: int
    currency: str  # ISO 4217, two minor digits (EUR, USD, GBP)

    def formatted(self) -> str:
        sign = "-" if self.cents < 0 else ""
        whole, minor = divmod(abs(self.cents), 100)
        symbol = {"EUR": "€", "USD": "$", "GBP": "£"}.get(self.currency)
        amount = f"{whole:,}.{minor:02d}"
        return f"{sign}{symbol}{amount}" if symbol else f"{sign}{amount} {self.currency}"


@dataclass(frozen=True, slots=True)
class PackingSlip:
    order_number: str
    channel: str
    ship_to: Address
    carrier: str
    service: str
    packed_at: datetime
    packed_by: str
    station: str
    lines: tuple[SlipLine, ...]
    special: tuple[str, ...]  # "gift", "vip", "replacement" in that order, or empty
    special_code: str | None
    replaces_order_number: str | None
    gift_message: str | None
    subtotal: Money | None  # None on gift slips
    shipping: Money | None
    tax: Money | None
    total: Money | None
    package_count: int
    copy: int = 1  # 2 and more: a reprint, marked as such

    @property
    def is_gift(self) -> bool:
        return "gift" in self.special

    @property
    def unit_count(self) -> int:
        return sum(line.quantity for line in self.lines)
