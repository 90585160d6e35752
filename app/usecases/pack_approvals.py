"""Approvals and reasons at the packing station: a supervisor's badge, then a reason.

A weight out of tolerance is accepted by a supervisor's badge and a weight reason; a
short shipment (``CMD:SHORT``) by a supervisor's badge and a short reason; another box than
suggested by the packer's box reason alone. A packer's badge where a supervisor's is
needed is refused and changes nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection

from app.domain.events import ShortShipped
from app.domain.pack_reasons import Explains, reason_codes
from app.domain.reasons import Reason
from app.store import package_queries as pkq
from app.store import packing_queries as q
from app.store.journal import audit, emit
from app.usecases.pack_boxes import Pending, read_state
from app.usecases.pack_closing import Approval
from app.usecases.results import Outcome, ScanResult, refuse

if TYPE_CHECKING:
    from app.usecases.pack_actions import BoxActions


def start_short(boxes: BoxActions, conn: Connection, header: Any) -> ScanResult:
    state = read_state(conn, header.id)
    if state.all_done:
        return refuse(Reason.NOTHING_TO_SHORT_SHIP, boxes.view(conn, header.id))
    if not any(r.qty_packed for r in state.lines):
        return refuse(Reason.NOTHING_PACKED_YET, boxes.view(conn, header.id))
    boxes.flow.pending = Pending("short", header.id)
    return ScanResult(Outcome.STEP_STARTED, boxes.view(conn, header.id))


def wants_supervisor(boxes: BoxActions) -> bool:
    pending = boxes.flow.pending
    return pending is not None and pending.kind in ("weight", "short") and not pending.supervisor


def weight_approval(
    boxes: BoxActions, conn: Connection, header: Any, badge: str
) -> ScanResult | None:
    """A badge while the open box weighs out of tolerance: a supervisor's approval (a
    packer's badge is refused and changes nothing). None: no weight waits for one."""
    package = read_state(conn, header.id).open
    grams = None if package is None else boxes.flow.measured.get(package.id)
    if grams is None:
        return None
    operator = q.operator(conn, badge)
    if operator is None or operator.role != "supervisor":
        return refuse(Reason.NOT_A_SUPERVISOR, boxes.view(conn, header.id), code=badge)
    boxes.flow.pending = Pending("weight", header.id, grams=grams, supervisor=operator.code)
    return ScanResult(Outcome.STEP_STARTED, boxes.view(conn, header.id))


def supervisor(boxes: BoxActions, conn: Connection, header: Any, badge: str) -> ScanResult:
    operator = q.operator(conn, badge)
    pending = boxes.flow.pending
    assert pending is not None
    if operator is None or operator.role != "supervisor":
        return refuse(Reason.NOT_A_SUPERVISOR, boxes.view(conn, header.id), code=badge)
    pending.supervisor = operator.code
    return ScanResult(Outcome.STEP_STARTED, boxes.view(conn, header.id))


def reason(
    boxes: BoxActions, conn: Connection, header: Any, code: str, grams: int | None
) -> ScanResult:
    pending = boxes.flow.pending
    asks = pending is not None and (
        pending.kind == "box_reason" or (pending.kind in ("weight", "short") and pending.supervisor)
    )
    if pending is None or not asks:
        return refuse(Reason.REASON_NOT_ASKED, boxes.view(conn, header.id), code=code)
    what = {"box_reason": Explains.BOX, "weight": Explains.WEIGHT, "short": Explains.SHORT}[
        pending.kind
    ]
    if code not in reason_codes(what):
        return refuse(Reason.REASON_NOT_FOR_THIS, boxes.view(conn, header.id), code=code)
    boxes.flow.pending = None
    if pending.kind == "box_reason":
        box = pkq.box_type_by_code(conn, pending.box_code or "")
        package_id, _ = q.open_package(conn, header.id, boxes.clock())
        package = next(p for p in pkq.order_packages(conn, header.id) if p.id == package_id)
        return boxes.use_box(conn, header, package, box, code, grams)
    assert pending.supervisor is not None
    if pending.kind == "weight":
        approval = Approval(pending.supervisor, code)
        return boxes.settle(
            conn, header, Outcome.BOX_CHOSEN, pending.grams, judge=True, approval=approval
        )
    return _short_ship(boxes, conn, header, pending.supervisor, code, grams)


def _short_ship(
    boxes: BoxActions,
    conn: Connection,
    header: Any,
    supervisor: str,
    reason: str,
    grams: int | None,
) -> ScanResult:
    now = boxes.clock()
    for row in q.order_lines(conn, header.id):
        missing = row.qty_ordered - row.qty_packed - row.qty_short
        if missing <= 0:
            continue
        pkq.add_short(conn, row.id, missing)
        detail = {
            "line_no": row.line_no,
            "sku": row.sku,
            "units": missing,
            "reason": reason,
            "approved_by": supervisor,
        }
        audit(conn, boxes.ctx(), now, "short_shipped", header.number, detail)
        emit(
            conn,
            boxes.ctx(),
            now,
            ShortShipped(header.number, row.line_no, row.sku, missing, reason, supervisor),
        )
    return boxes.settle(conn, header, Outcome.SHORT_SHIPPED, grams, judge=False)
