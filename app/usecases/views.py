"""Read models for the screens: plain values, safe to hand to the GUI thread."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from app.store.tables import Order, OrderLine, Product


@dataclass(frozen=True, slots=True)
class PackLineView:
    line_no: int
    sku: str
    name: str
    location_code: str
    qty_ordered: int
    qty_packed: int
    fragile: bool
    keep_upright: bool

    @property
    def done(self) -> bool:
        return self.qty_packed >= self.qty_ordered


@dataclass(frozen=True, slots=True)
class PackView:
    order_number: str
    channel: str
    status: str
    carrier: str
    service: str
    ship_by: datetime
    ship_to_name: str
    ship_to_place: str  # "postcode city, CC"
    special: tuple[str, ...]
    special_code: str | None
    replaces_order_number: str | None
    gift_message: str | None
    lines: tuple[PackLineView, ...]
    last_line_no: int | None = None  # the line the latest accepted scan went to

    @property
    def units_ordered(self) -> int:
        return sum(line.qty_ordered for line in self.lines)

    @property
    def units_packed(self) -> int:
        return sum(line.qty_packed for line in self.lines)

    @property
    def complete(self) -> bool:
        return self.status == "packed"


def special_flags(order: Order) -> tuple[str, ...]:
    flags = (("gift", order.gift), ("vip", order.vip), ("replacement", order.replacement))
    return tuple(name for name, on in flags if on)


def load_order(session: Session, order_id: int) -> Order:
    """The order with its lines, products and locations in three indexed queries."""
    stmt = (
        select(Order)
        .where(Order.id == order_id)
        .options(
            selectinload(Order.lines).selectinload(OrderLine.product).selectinload(Product.location)
        )
    )
    return session.execute(stmt).scalar_one()


def pack_view(order: Order, last_line_no: int | None = None) -> PackView:
    return PackView(
        order_number=order.number,
        channel=order.channel,
        status=order.status,
        carrier=order.carrier,
        service=order.service,
        ship_by=order.ship_by,
        ship_to_name=order.ship_name,
        ship_to_place=f"{order.ship_postcode} {order.ship_city}, {order.ship_country}",
        special=special_flags(order),
        special_code=order.special_code,
        replaces_order_number=order.replaces_order_number,
        gift_message=order.gift_message,
        lines=tuple(
            PackLineView(
                line_no=line.line_no,
                sku=line.product.sku,
                name=line.product.name,
                location_code=line.product.location.code if line.product.location else "",
                qty_ordered=line.qty_ordered,
                qty_packed=line.qty_packed,
                fragile=line.product.fragile,
                keep_upright=line.product.keep_upright,
            )
            for line in order.lines
        ),
        last_line_no=last_line_no,
    )
