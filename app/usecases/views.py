"""Read models for the screens: plain values, safe to hand to the GUI thread."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, select
from sqlalchemy.orm import Session, selectinload

from app.store import packing_queries as q
from app.store.tables import Order, OrderLine, Product
from app.usecases.package_views import (
    NextStep,
    PackageView,
    PlanProblem,
    PlanView,
    ReasonChoice,
    WeighView,
)


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
    qty_short: int = 0  # short-shipped with a supervisor's approval

    @property
    def done(self) -> bool:
        return self.qty_packed + self.qty_short >= self.qty_ordered


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
    packages: tuple[PackageView, ...] = ()
    plan: PlanView | None = None  # the suggested box for the open package
    plan_problem: PlanProblem | None = None  # why there is no suggestion (an item fits no box)
    next_step: NextStep = NextStep.ITEMS
    weigh: WeighView | None = None  # the open box's check-weighing, once it is due
    reasons: tuple[ReasonChoice, ...] = ()  # what may be scanned or tapped now
    box_asked: str | None = None  # the box scanned instead of the suggestion, reason asked

    @property
    def units_ordered(self) -> int:
        return sum(line.qty_ordered for line in self.lines)

    @property
    def units_packed(self) -> int:
        return sum(line.qty_packed for line in self.lines)

    @property
    def complete(self) -> bool:
        return self.status == "packed"


def special_flags(order: Any) -> tuple[str, ...]:
    """("gift", "vip", "replacement") as set on an order row or object, in that order."""
    flags = (("gift", order.gift), ("vip", order.vip), ("replacement", order.replacement))
    return tuple(name for name, on in flags if on)


def load_order(session: Session, order_id: int) -> Order:
    """The order with its lines, products and locations (for documents, not the hot path)."""
    stmt = (
        select(Order)
        .where(Order.id == order_id)
        .options(
            selectinload(Order.lines).selectinload(OrderLine.product).selectinload(Product.location)
        )
    )
    return session.execute(stmt).scalar_one()


def line_view(row: Any, qty_packed: int | None = None) -> PackLineView:
    return PackLineView(
        line_no=row.line_no,
        sku=row.sku,
        name=row.name,
        location_code=row.location_code,
        qty_ordered=row.qty_ordered,
        qty_packed=row.qty_packed if qty_packed is None else qty_packed,
        fragile=bool(row.fragile),
        keep_upright=bool(row.keep_upright),
        qty_short=row.qty_short,
    )


def pack_view(
    header: Any,
    lines: Sequence[PackLineView],
    last_line_no: int | None = None,
    status: str | None = None,
) -> PackView:
    """The screen's view of an order from its header row and line views."""
    return PackView(
        order_number=header.number,
        channel=header.channel,
        status=status or header.status,
        carrier=header.carrier,
        service=header.service,
        ship_by=header.ship_by,
        ship_to_name=header.ship_name,
        ship_to_place=f"{header.ship_postcode} {header.ship_city}, {header.ship_country}",
        special=special_flags(header),
        special_code=header.special_code,
        replaces_order_number=header.replaces_order_number,
        gift_message=header.gift_message,
        lines=tuple(lines),
        last_line_no=last_line_no,
    )


def line_views(rows: Sequence[Any]) -> list[PackLineView]:
    return [line_view(r) for r in rows]


def order_view(conn: Connection, order_id: int) -> PackView:
    """An order's screen view as it is in the store now."""
    return pack_view(q.order_header(conn, order_id), line_views(q.order_lines(conn, order_id)))
