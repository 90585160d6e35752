"""Units taken out of the open box, and a closed box opened again.

``CMD:REMOVE`` then an item takes one unit out of the open box (to scan it into another:
that is how a unit moves); ``CMD:DAMAGED`` then an item records a damaged unit and takes it
out if it was in. Scanning a closed box's SSCC reopens it, when the open box is empty.
A labelled box keeps at least one unit: emptying it would leave a label on nothing.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Connection

from app.domain.events import ItemDamaged, ItemRemoved, PackageReopened
from app.domain.reasons import Reason
from app.store import package_queries as pkq
from app.store.journal import audit, emit
from app.store.packing_queries import ProductHit
from app.store.pick_queries import line_substitutes
from app.usecases.pack_actions import BoxActions
from app.usecases.pack_boxes import read_state
from app.usecases.results import Outcome, ScanResult, refuse


def take_out(
    boxes: BoxActions, conn: Connection, header: Any, found: ProductHit, rows: list[Any]
) -> ScanResult | None:
    """The item scan a pending REMOVE or DAMAGED waits for; None: nothing waits."""
    pending = boxes.flow.pending
    if pending is None or pending.kind not in ("remove", "damaged"):
        return None
    damaged = pending.kind == "damaged"
    state = read_state(conn, header.id, rows)
    package = state.open
    # The line the unit belongs to: its own product, or a substitute the line allows.
    subs = line_substitutes(conn, [r.id for r in rows])
    mine = [r for r in rows if r.product_id == found.id or found.id in subs.get(r.id, ())]
    # The unit is taken out as the product scanned: a substitute in the box is itself.
    in_open = state.product_units_in(package.id) if package is not None else {}
    line = next((r for r in mine if in_open.get((r.id, found.id))), None)
    now = boxes.clock()
    if line is None and damaged:
        if not mine:
            return refuse(
                Reason.WRONG_ITEM, boxes.view(conn, header.id), sku=found.sku, name=found.name
            )
        spare = next((r for r in mine if r.qty_packed + r.qty_short < r.qty_ordered), None)
        if spare is None:  # every unit of it is in a closed box: that box must be opened
            return refuse(Reason.NOT_IN_OPEN_BOX, boxes.view(conn, header.id), sku=found.sku)
        # Damaged before it went in: recorded, nothing moves; a good one is scanned next.
        boxes.flow.pending = None
        detail = {"line_no": spare.line_no, "sku": found.sku, "in_box": False}
        audit(conn, boxes.ctx(), now, "item_damaged", header.number, detail)
        _record_damaged(boxes, conn, header, spare, found.sku, now)
        return ScanResult(Outcome.DAMAGED_NOTED, boxes.view(conn, header.id, spare.line_no))
    if line is None or package is None:
        return refuse(Reason.NOT_IN_OPEN_BOX, boxes.view(conn, header.id), sku=found.sku)
    in_box = sum(state.units_in(package.id).values())
    if in_box == 1 and package.sscc is not None:
        return refuse(
            Reason.LAST_UNIT_OF_LABELLED_BOX, boxes.view(conn, header.id), package=package.number
        )
    boxes.flow.pending = None
    pkq.remove_units(conn, package.id, line.id, found.id, 1)
    boxes.flow.measured.pop(package.id, None)
    audit(
        conn,
        boxes.ctx(),
        now,
        "item_removed",
        header.number,
        {
            "line_no": line.line_no,
            "sku": found.sku,
            "package": package.number,
            "damaged": damaged,
        },
    )
    emit(
        conn,
        boxes.ctx(),
        now,
        ItemRemoved(header.number, line.line_no, found.sku, 1, package.number, damaged),
    )
    if damaged:
        _record_damaged(boxes, conn, header, line, found.sku, now)
        return ScanResult(Outcome.DAMAGED_NOTED, boxes.view(conn, header.id, line.line_no))
    return ScanResult(Outcome.ITEM_REMOVED, boxes.view(conn, header.id, line.line_no))


def _record_damaged(
    boxes: BoxActions, conn: Connection, header: Any, line: Any, sku: str, now: datetime
) -> None:
    """``sku``: the product damaged, the line's own or its substitute."""
    where = boxes.ctx().station_code
    emit(conn, boxes.ctx(), now, ItemDamaged(header.number, line.line_no, sku, where, 1))


def reopen(boxes: BoxActions, conn: Connection, header: Any, sscc: str) -> ScanResult | None:
    """A closed box of this order opened again; None: the SSCC is not one of them."""
    packages = pkq.order_packages(conn, header.id)
    target = next((p for p in packages if p.sscc == sscc and p.status == "closed"), None)
    if target is None:
        return None
    state = read_state(conn, header.id)
    current = state.open
    if current is not None:
        if state.units_in(current.id) or current.sscc is not None:
            return refuse(
                Reason.FINISH_BOX_FIRST, boxes.view(conn, header.id), package=current.number
            )
        pkq.delete_package(conn, current.id)
    pkq.reopen_package(conn, target.id)
    boxes.flow.forget(header.id)  # whatever waited was for the box that is now closed
    now = boxes.clock()
    audit(conn, boxes.ctx(), now, "package_reopened", header.number, {"package": target.number})
    emit(conn, boxes.ctx(), now, PackageReopened(header.number, target.number, target.sscc))
    return ScanResult(
        Outcome.PACKAGE_REOPENED, boxes.view(conn, header.id), params={"package": target.number}
    )
