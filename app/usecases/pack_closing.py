"""Closing a package, and the order with its last one: one transaction each.

A package closes with its box, outer dimensions, expected and measured weight, SSCC,
carrier, service and tracking number; its shipping label is queued at once. When every
unit of the order is in a closed package or approved short, the order is packed: its
packing slip and gift note are queued and the centre hears ``OrderPacked``. Otherwise the
next package opens with a new suggestion for what is left.

A label says "box n of m" before the last box is known: m is the boxes closed plus those
the plan still needs, frozen on the package. If the order ships in another number of boxes
(a short-shipment, a box chosen by hand), the labels that may be on boxes already print
again with the final count.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection

from app.context import StationContext
from app.domain.events import OrderPacked, PackageClosed, PackedPackage
from app.store import package_queries as pkq
from app.store import packing_queries as q
from app.store import print_queries as pq
from app.store.journal import audit, emit
from app.usecases.pack_boxes import BoxFlow, BoxState, read_state
from app.usecases.pack_plan import boxes_total, replan
from app.usecases.print_plan import (
    LabelSettings,
    assign_sscc,
    queue_document,
    queue_next_copy,
    queue_package_label,
)
from app.usecases.shipping import ShippingDesk
from app.usecases.views import special_flags

LABEL_MAYBE_OUT = frozenset({"sending", "done", "uncertain"})  # print job states


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
    relabelled: Relabelled | None = None  # labels printed again with the final count


@dataclass(frozen=True, slots=True)
class Relabelled:
    """Boxes whose labels printed with another count than the order ships in: their new
    labels print, and the packer sticks each over the old one."""

    numbers: tuple[int, ...]
    count: int  # the boxes the order ships in

    def params(self) -> dict[str, str | int]:
        return {"relabel": ", ".join(map(str, self.numbers)), "boxes": self.count}


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
    chosen_now = box if package.box_type_id is None else None  # the suggestion, taken as used
    expected = flow.expected_g(state, package)
    carrier, service = shipping.service_for(conn, header, state, flow, now)
    weight = grams if grams and grams > 0 else None
    pkq.close_package(
        conn,
        package.id,
        now,
        weight_g=weight,
        expected_weight_g=expected,
        accepted_by=approval.by if approval else None,
        weight_reason=approval.reason if approval else None,
        carrier=carrier,
        service=service,
        box=chosen_now,
    )
    again = package.sscc is not None  # closed before, reopened: its label is printed anew
    sscc = package.sscc if again else assign_sscc(conn, package.id, labels)
    tracking = package.tracking_number or shipping.tracking_number(conn, carrier)
    if package.tracking_number is None and tracking is not None:
        pkq.set_tracking(conn, package.id, tracking)
    flow.close_requested.discard(package.id)
    flow.measured.pop(package.id, None)
    event = PackageClosed(
        header.number,
        package.number,
        sscc,
        weight,
        box=box.code if box is not None else None,
        suggested_box=package.suggested_box,
        box_reason=package.box_reason,
        dimensions_mm=_outer(box, package),
        expected_weight_g=expected,
        weight_accepted_by=approval.by if approval else None,
        weight_reason=approval.reason if approval else None,
        carrier=carrier or None,
        service=service or None,
        tracking_number=tracking,
    )
    detail: dict[str, object] = {
        "package": package.number,
        "box": event.box,
        "suggested_box": package.suggested_box,
        "weight_g": weight,
        "expected_weight_g": expected,
    }
    if approval is not None:
        detail |= {"accepted_by": approval.by, "reason": approval.reason}
    audit(conn, ctx, now, "package_closed", header.number, detail)
    # Closing a box moves no unit: the lines read before it still say whether it was the last.
    packed = state.all_done
    if packed:  # documents in paper order: slip, label, gift note
        _order_packed(conn, ctx, now, header, state)
        job_ids = [queue_document(conn, "packing_slip", header.id, now)]
    else:
        job_ids = []
    job_ids.append(queue_package_label(conn, header.id, package.id, now, again=again))
    emit(conn, ctx, now, event)
    if not packed:
        _open_next(conn, now, header, shipping)
    # The label is built after this transaction: the count it prints is set here, once the
    # next box's plan says how many more the order needs (all of them, when it is packed).
    packages = pkq.order_packages(conn, header.id)
    pkq.set_label_count(conn, package.id, _expected_boxes(packages))
    relabelled = None
    if packed:
        relabel_jobs, relabelled = _correct_labels(conn, header.id, now, packages, package.id)
        job_ids.extend(relabel_jobs)
        if header.gift:
            job_ids.append(queue_document(conn, "gift_note", header.id, now))
    return Closed(package.number, packed, tuple(job_ids), relabelled)


def _expected_boxes(packages: Sequence[Any]) -> int:
    """The boxes the order ships in, as far as known: those closed, and what the open
    box's plan needs for the rest (at least the open box itself)."""
    closed = sum(1 for p in packages if p.status == "closed")
    still_open = next((p for p in packages if p.status != "closed"), None)
    return closed + (max(1, boxes_total(still_open.plan)) if still_open is not None else 0)


def _correct_labels(
    conn: Connection, order_id: int, now: datetime, packages: Sequence[Any], closing: int = 0
) -> tuple[list[str], Relabelled | None]:
    """The order is packed in ``packages``: every label printed with another box count
    prints again (same SSCC and tracking number). ``closing``: the package whose label was
    just queued with the final count. Returns the jobs, and which boxes."""
    final = len(packages)
    stale = [
        p
        for p in packages
        if p.id != closing and p.label_count is not None and p.label_count != final
    ]
    if not stale:  # the usual case: the plan's count was right
        return [], None
    newest = {
        j.package_id: j
        for j in pq.latest_jobs_of_order(conn, order_id)
        if j.kind == "shipping_label"
    }
    job_ids: list[str] = []
    numbers: list[int] = []
    for p in stale:
        pkq.set_label_count(conn, p.id, final)
        job = newest.get(p.id)
        # A label not built yet (waiting for its printer, or failed and retried) is built
        # with the count set now; only one that may be on the box already prints again.
        if job is None or not _maybe_out(job, now):
            continue
        if job.status == "uncertain":  # the new copy settles the question about the old
            pq.mark_replaced(conn, job.job_id)
        job_ids.append(queue_next_copy(conn, order_id, "shipping_label", p.id, job.job_id, now))
        numbers.append(p.number)
    return job_ids, Relabelled(tuple(numbers), final) if numbers else None


def _maybe_out(job: Any, now: datetime) -> bool:
    """May this label job's paper be on its box already (sent, being sent, or built by a
    worker that holds it right now)?"""
    if job.status in LABEL_MAYBE_OUT:
        return True
    return job.status == "pending" and job.claimed_until is not None and job.claimed_until > now


def _outer(box: Any, package: Any) -> tuple[int, int, int] | None:
    """Outer dimensions as recorded: the box scanned, else the suggestion taken as used."""
    if package.length_mm:
        return (package.length_mm, package.width_mm, package.height_mm)
    if box is None:
        return None
    return (box.outer_length_mm, box.outer_width_mm, box.outer_height_mm)


def finish_order(
    conn: Connection, ctx: StationContext, now: datetime, header: Any, empty_package_id: int
) -> tuple[tuple[str, ...], Relabelled | None]:
    """Every unit is in a closed box or approved short, and the open box is empty (the
    rest was short-shipped, or moved): the empty box goes, the order is packed. Returns
    the print jobs and the boxes whose labels print again with the final count."""
    pkq.delete_package(conn, empty_package_id)
    _order_packed(conn, ctx, now, header, read_state(conn, header.id))
    job_ids = [queue_document(conn, "packing_slip", header.id, now)]
    packages = pkq.order_packages(conn, header.id)
    relabel_jobs, relabelled = _correct_labels(conn, header.id, now, packages)
    job_ids.extend(relabel_jobs)
    if header.gift:
        job_ids.append(queue_document(conn, "gift_note", header.id, now))
    return tuple(job_ids), relabelled


def _order_packed(
    conn: Connection, ctx: StationContext, now: datetime, header: Any, state: BoxState
) -> None:
    """Every unit is in a closed box or approved short: the order is done here."""
    q.set_order_packed(conn, header.id, now, ctx.operator_code)
    q.leave_order(conn, ctx.station_code, header.id)
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
