"""Closing a package, and the order with its last one: one transaction each.

A package closes with its box, outer dimensions, expected and measured weight, SSCC,
carrier, service and tracking number; its shipping label is queued at once. When every
unit of the order is in a closed package or approved short, the order is packed: its
packing slip and gift note are queued and the centre hears ``OrderPacked``. Otherwise the
next package opens with a new suggestion for what is left.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection

from app.context import StationContext
from app.domain.events import OrderPacked, PackageClosed, PackedPackage
from app.store import package_queries as pkq
from app.store import packing_queries as q
from app.store.journal import audit, emit
from app.usecases.pack_boxes import BoxFlow, BoxState, read_state
from app.usecases.pack_plan import replan
from app.usecases.print_plan import (
    LabelSettings,
    assign_sscc,
    queue_document,
    queue_package_label,
)
from app.usecases.shipping import ShippingDesk
from app.usecases.views import special_flags


@dataclass(frozen=True, slots=True)
class Approval:
    """A supervisor's acceptance of a weight out of tolerance."""

    by: str
    reason: str


@dataclass(frozen=True, slots=True)
class Closed:
    package_number: int
    order_packed: bool
    job_ids: tuple[str, ...]


def close_package(
    conn: Connection,
    ctx: StationContext,
    now: datetime,
    header: Any,
    state: BoxState,
    package: Any,
    flow: BoxFlow,
    labels: LabelSettings,
    shipping: ShippingDesk,
    grams: int | None,
    approval: Approval | None = None,
) -> Closed:
    box = flow.box_of(state, package)
    if package.box_type_id is None and box is not None:  # the suggestion, taken as used
        pkq.set_box(conn, package.id, box, None)
    expected = flow.expected_g(state, package)
    carrier, service = shipping.service_for(conn, header, state, flow, now)
    pkq.close_package(
        conn,
        package.id,
        now,
        weight_g=grams if grams and grams > 0 else None,
        expected_weight_g=expected,
        accepted_by=approval.by if approval else None,
        weight_reason=approval.reason if approval else None,
        carrier=carrier,
        service=service,
    )
    if package.sscc is None:
        assign_sscc(conn, package.id, labels)
    tracking = package.tracking_number or shipping.tracking_number(conn, carrier)
    if package.tracking_number is None and tracking is not None:
        pkq.set_tracking(conn, package.id, tracking)
    flow.close_requested.discard(package.id)
    flow.measured.pop(package.id, None)
    closed = next(p for p in pkq.order_packages(conn, header.id) if p.id == package.id)
    detail: dict[str, object] = {
        "package": closed.number,
        "box": closed.box_code,
        "suggested_box": closed.suggested_box,
        "weight_g": closed.weight_g,
        "expected_weight_g": expected,
    }
    if approval is not None:
        detail |= {"accepted_by": approval.by, "reason": approval.reason}
    audit(conn, ctx, now, "package_closed", header.number, detail)
    after = read_state(conn, header.id, q.order_lines(conn, header.id))
    packed = after.all_done
    if packed:  # documents in paper order: slip, label, gift note
        _order_packed(conn, ctx, now, header, after)
        job_ids = [
            queue_document(conn, "packing_slip", header.id, now),
            queue_package_label(conn, header.id, package.id, now),
        ]
        if header.gift:
            job_ids.append(queue_document(conn, "gift_note", header.id, now))
    else:
        job_ids = [queue_package_label(conn, header.id, package.id, now)]
    emit(conn, ctx, now, _package_closed(header.number, closed))
    if not packed:
        _open_next(conn, now, header, shipping)
    return Closed(closed.number, packed, tuple(job_ids))


def finish_order(
    conn: Connection, ctx: StationContext, now: datetime, header: Any, empty_package_id: int
) -> tuple[str, ...]:
    """Every unit is in a closed box or approved short, and the open box is empty (the
    rest was short-shipped, or moved): the empty box goes, the order is packed."""
    pkq.delete_package(conn, empty_package_id)
    _order_packed(conn, ctx, now, header, read_state(conn, header.id))
    job_ids = [queue_document(conn, "packing_slip", header.id, now)]
    if header.gift:
        job_ids.append(queue_document(conn, "gift_note", header.id, now))
    return tuple(job_ids)


def _package_closed(order_number: str, p: Any) -> PackageClosed:
    dims = (p.length_mm, p.width_mm, p.height_mm) if p.length_mm else None
    return PackageClosed(
        order_number,
        p.number,
        p.sscc,
        p.weight_g,
        box=p.box_code,
        suggested_box=p.suggested_box,
        box_reason=p.box_reason,
        dimensions_mm=dims,
        expected_weight_g=p.expected_weight_g,
        weight_accepted_by=p.weight_accepted_by,
        weight_reason=p.weight_reason,
        carrier=p.carrier,
        service=p.service,
        tracking_number=p.tracking_number,
    )


def _order_packed(
    conn: Connection, ctx: StationContext, now: datetime, header: Any, state: BoxState
) -> None:
    """Every unit is in a closed box or approved short: the order is done here."""
    q.set_order_packed(conn, header.id, now, ctx.operator_code)
    station = q.station(conn, ctx.station_code)
    if station is not None and station.current_order_id == header.id:
        q.set_current_order(conn, station.id, None)
    by_package: dict[int, list[tuple[int, str, int]]] = {}
    for row in q.package_contents(conn, header.id):
        by_package.setdefault(row.number, []).append((row.line_no, row.sku, row.qty))
    packed = tuple(PackedPackage(n, tuple(c)) for n, c in sorted(by_package.items()))
    units = sum(r.qty_packed for r in state.lines)
    short = sum(r.qty_short for r in state.lines)
    audit(conn, ctx, now, "order_packed", header.number, {"units": units, "short": short})
    emit(
        conn,
        ctx,
        now,
        OrderPacked(header.number, special_flags(header), header.special_code, packed),
    )


def _open_next(conn: Connection, now: datetime, header: Any, shipping: ShippingDesk) -> None:
    """The next box, with a suggestion for what is left (after a close with units left)."""
    package_id, _ = q.open_package(conn, header.id, now)
    header = q.order_header(conn, header.id)  # the service may have been chosen just now
    replan(conn, header.id, package_id, q.order_lines(conn, header.id), shipping.tariff_for(header))
