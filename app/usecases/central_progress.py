"""The centre changed an order this station has started or packed: the conflict rules.

The rules themselves are listed in ``app/usecases/central_changes.py``; this module applies
them to one order at a time (orders in progress are few, so clarity wins over batching).
A stop is written once: an audit row, a ``PackStopped`` event and, when the order is the
station's current one, the stop notice every scan shows until the order is put aside.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection

from app.context import StationContext
from app.domain.events import PackStopped
from app.store import central_queries as cq
from app.store import package_queries as pkq
from app.store import print_queries as pq
from app.store import sync_queries as sq
from app.store.journal import audit, emit
from app.usecases.central_docs import ApplyReport, OrderLike
from app.usecases.print_plan import queue_next_copy

# The reasons the protocol's PackStopped carries; "packed_elsewhere" is only audited.
EVENT_REASONS = ("cancelled", "held", "changed")


@dataclass(frozen=True, slots=True)
class InProgress:
    """What the rules need besides the order: the transaction, who acts, the station."""

    conn: Connection
    ctx: StationContext
    now: datetime
    current_order_id: int | None
    operator_code: str | None
    report: ApplyReport

    @property
    def actor(self) -> StationContext:
        """Audit rows and events name the operator signed in at the station."""
        return StationContext(self.ctx.station_code, self.operator_code or self.ctx.operator_code)


ON_PAPER_MAYBE = frozenset({"done", "sending", "uncertain"})


def line_rows(order_id: int, doc: OrderLike, sku_ids: dict[str, int]) -> list[dict[str, Any]]:
    return [
        {
            "order_id": order_id,
            "line_no": line.line_no,
            "product_id": sku_ids[line.sku],
            "qty_ordered": line.quantity,
            "qty_packed": 0,
            "unit_price_cents": line.unit_price_cents,
        }
        for line in doc.lines
    ]


def address_changed(row: Any, new: dict[str, Any]) -> bool:
    return any(getattr(row, c) != new[c] for c in cq.ADDRESS_COLUMNS)


def settle(
    work: InProgress, row: Any, doc: OrderLike, new: dict[str, Any], sku_ids: dict[str, int]
) -> None:
    """Apply ``doc`` to a started order (``row``: local packing, packed, or held/cancelled
    with packages); ``new`` is the centre's header."""
    if row.status == "packed":
        _packed(work, row, doc, new)
        return
    conn = work.conn
    local_lines = cq.order_lines(conn, row.id)
    units = sum(line.qty_packed for line in local_lines)
    fits = _fits(local_lines, doc, sku_ids)
    central = doc.status
    if central == "packed":  # another station packed it
        cq.update_order(conn, row.id, **new, status="packed", packed_by=doc.packed_by)
        if row.status == "packing":
            _stop(work, row.id, doc, "packed_elsewhere", units)
        return
    if central in ("cancelled", "held"):
        if fits:
            _apply_lines(conn, row.id, local_lines, doc, sku_ids)
        cq.update_order(conn, row.id, **new, status=central)
        if row.status == "packing":
            _stop(work, row.id, doc, central, units)
            return
        notice = sq.stop_notice(conn, row.id)  # held, then cancelled before it was put aside
        if notice is not None and notice[1] != central:
            sq.set_stop(conn, row.id, central, notice[2])
        return
    if row.status == "cancelled":  # reopened: its units went back when it was cancelled
        _restart(conn, row.id, doc, new, sku_ids)
        return
    if fits:  # packing goes on, or a released hold resumes with the units set aside
        _apply_lines(conn, row.id, local_lines, doc, sku_ids)
        cq.update_order(conn, row.id, **new, status="packing")
        if _lines_changed(local_lines, doc, sku_ids):
            _forget_open_plan(conn, row.id)
        if address_changed(row, new):  # boxes closed so far carry the old one
            _relabel(work, row, doc, new)
        notice = sq.stop_notice(conn, row.id)
        if notice is not None and notice[1] == "held":
            sq.set_stop(conn, row.id, None, None)
        return
    _restart(conn, row.id, doc, new, sku_ids)
    _stop(work, row.id, doc, "changed", units)


def _lines_changed(local_lines: Sequence[Any], doc: OrderLike, sku_ids: dict[str, int]) -> bool:
    """Another product, quantity or set of lines (not just the address, dates or prices)."""
    old = {(line.line_no, line.product_id, line.qty_ordered) for line in local_lines}
    return old != {(line.line_no, sku_ids[line.sku], line.quantity) for line in doc.lines}


def _forget_open_plan(conn: Connection, order_id: int) -> None:
    """The open box's suggestion was made for the old lines: the station suggests again at
    its next scan, with its carrier tariff (which this side has not). A box already chosen
    or labelled keeps its suggestion: the packer has decided."""
    package = next((p for p in pkq.order_packages(conn, order_id) if p.status == "open"), None)
    if package is not None and package.box_type_id is None and package.sscc is None:
        pkq.clear_plan(conn, package.id)


def _fits(local_lines: Sequence[Any], doc: OrderLike, sku_ids: dict[str, int]) -> bool:
    """Every unit packed still belongs to a line of the same number and product with at
    least that quantity, and something is left to pack (an order the centre cut down to
    exactly what is in the box must be completed by a scan, which cannot happen)."""
    central = {line.line_no: line for line in doc.lines}
    for line in local_lines:
        if line.qty_packed == 0:
            continue
        new = central.get(line.line_no)
        if new is None or sku_ids[new.sku] != line.product_id or new.quantity < line.qty_packed:
            return False
    packed = sum(line.qty_packed for line in local_lines)
    return bool(sum(line.quantity for line in doc.lines) > packed)


def _apply_lines(
    conn: Connection,
    order_id: int,
    local_lines: Sequence[Any],
    doc: OrderLike,
    sku_ids: dict[str, int],
) -> None:
    """Edit the lines in place, keeping what was packed (``_fits`` said it still fits)."""
    by_no = {line.line_no: line for line in local_lines}
    added = []
    for new in doc.lines:
        old = by_no.pop(new.line_no, None)
        values = {
            "product_id": sku_ids[new.sku],
            "qty_ordered": new.quantity,
            "unit_price_cents": new.unit_price_cents,
        }
        if old is None:
            added.append({"order_id": order_id, "line_no": new.line_no, "qty_packed": 0, **values})
        else:  # an approved short covers no more than what the new quantity leaves open
            short = min(old.qty_short, max(0, new.quantity - old.qty_packed))
            cq.update_line(conn, old.id, **values, qty_short=short)
    for gone in by_no.values():  # nothing packed on it
        cq.delete_line(conn, gone.id)
    cq.replace_lines(conn, [], added)


def _restart(
    conn: Connection, order_id: int, doc: OrderLike, new: dict[str, Any], sku_ids: dict[str, int]
) -> None:
    """Nothing packed any more: the order starts over as the centre has it now."""
    cq.reset_packing(conn, order_id)
    cq.replace_lines(conn, [order_id], line_rows(order_id, doc, sku_ids))
    cq.update_order(conn, order_id, **new, status="open")


def _stop(work: InProgress, order_id: int, doc: OrderLike, reason: str, units: int) -> None:
    detail = {"reason": reason, "units": units, "version": doc.version}
    if doc.status_reason:
        detail["status_reason"] = doc.status_reason
    audit(work.conn, work.actor, work.now, "pack_stopped", doc.number, detail)
    if reason in EVENT_REASONS:
        emit(work.conn, work.actor, work.now, PackStopped(doc.number, reason, units))
    if order_id == work.current_order_id:
        sq.set_stop(work.conn, order_id, reason, units)
    work.report.stopped.append(doc.number)


def _packed(work: InProgress, row: Any, doc: OrderLike, new: dict[str, Any]) -> None:
    """Packed here: the parcel exists. Only the address can still follow the centre (its
    labels are printed again); a cancellation is audited, never undone here."""
    conn = work.conn
    values: dict[str, Any] = {
        "version": doc.version,
        "central_status": doc.status,
        "status_reason": doc.status_reason,
    }
    if doc.status == "cancelled" and row.central_status != "cancelled":
        audit(
            conn,
            work.actor,
            work.now,
            "cancelled_after_packing",
            doc.number,
            {"version": doc.version, "status_reason": doc.status_reason},
        )
    if address_changed(row, new):
        values.update({c: new[c] for c in cq.ADDRESS_COLUMNS})
        cq.update_order(conn, row.id, **values)
        _relabel(work, row, doc, new)
        return
    cq.update_order(conn, row.id, **values)


def _relabel(work: InProgress, row: Any, doc: OrderLike, new: dict[str, Any]) -> None:
    """The address moved under boxes already labelled: their labels are printed again.

    A label still waiting (or failed, waiting for Retry) is drawn from the order when it
    prints, so it will carry the new address: only labels that may be on paper already are
    printed again, or the parcel would get two."""
    conn = work.conn
    job_ids = [
        queue_next_copy(conn, row.id, job.kind, job.package_id, job.job_id, work.now)
        for job in pq.latest_jobs_of_order(conn, row.id)
        if job.kind == "shipping_label" and job.status in ON_PAPER_MAYBE
    ]
    audit(
        conn,
        work.actor,
        work.now,
        "address_changed",
        doc.number,
        {
            "old": [getattr(row, c) for c in cq.ADDRESS_COLUMNS],
            "new": [new[c] for c in cq.ADDRESS_COLUMNS],
            "job_ids": job_ids,
        },
    )
    work.report.reprint_job_ids += job_ids
