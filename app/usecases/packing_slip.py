"""The packing slip of a packed order, as a document value (no rendering here)."""

from __future__ import annotations

from app.domain.documents import Address, Money, PackingSlip, SlipLine
from app.store.tables import Order
from app.usecases.views import special_flags


def build_packing_slip(order: Order, package_count: int, station: str) -> PackingSlip:
    """The slip for a packed order; a gift slip carries no prices at all."""
    gift = order.gift
    money = (lambda cents: None) if gift else (lambda cents: Money(cents, order.currency))
    place = f"{order.ship_postcode} {order.ship_city}".strip()
    address_lines = [
        order.ship_address1,
        order.ship_address2,
        place,
        order.ship_region,
        order.ship_country,
    ]
    assert order.packed_at is not None, "only packed orders get a packing slip"
    return PackingSlip(
        order_number=order.number,
        channel=order.channel,
        ship_to=Address(order.ship_name, tuple(x for x in address_lines if x)),
        carrier=order.ship_carrier or order.carrier,
        service=order.ship_service or order.service,
        packed_at=order.packed_at,
        packed_by=order.packed_by or "",
        station=station,
        lines=tuple(
            SlipLine(
                sku=line.product.sku,
                name=line.product.name,
                quantity=line.qty_ordered - line.qty_short,
                unit_price_cents=None if gift else line.unit_price_cents,
                line_total_cents=None if gift else line.unit_price_cents * line.qty_ordered,
                quantity_short=line.qty_short,
            )
            for line in order.lines
        ),
        special=special_flags(order),
        special_code=order.special_code,
        replaces_order_number=order.replaces_order_number,
        gift_message=order.gift_message,
        subtotal=money(order.subtotal_cents),
        shipping=money(order.shipping_cents),
        tax=money(order.tax_cents),
        total=money(order.total_cents),
        package_count=package_count,
    )


def slip_file_name(order_number: str) -> str:
    safe = "".join(c if c.isalnum() or c in "-_" else "_" for c in order_number)
    return f"{safe}-packing-slip.pdf"
