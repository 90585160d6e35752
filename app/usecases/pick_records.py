"""What a picker's confirmations and exceptions write: state, audit row and outbox event.

Called by ``PickWork`` inside its transaction, after the guide said the action is allowed
here; each returns why it is not (a refusal) before writing anything, or None.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Connection

from app.context import StationContext
from app.domain.events import ItemDamaged, PickConfirmed, ShortPick
from app.domain.reasons import Reason
from app.picking import guide
from app.scanning import Interpretation
from app.store import pick_queries as pq
from app.store.journal import audit, emit
from app.usecases.pick_views import LoadedRun

SHORT_REASONS = ("bin_empty", "not_enough", "damaged")


def confirmed(
    conn: Connection,
    ctx: StationContext,
    loaded: LoadedRun,
    task_id: int,
    allocation_id: int,
    units: int,
    tote: str | None,
    now: datetime,
    *,
    substitute_sku: str | None = None,
    meaning: Interpretation | None = None,
) -> None:
    """``PickConfirmed``: units of an allocation are in their tote (or on the bulk cart)."""
    row = loaded.allocations[allocation_id]
    task = loaded.tasks[task_id]
    gs1 = meaning.gs1 if meaning is not None else None
    if substitute_sku is None and row.substitute_product_id is not None:
        substitute_sku = pq.product_sku(conn, row.substitute_product_id)
    event = PickConfirmed(
        row.order_number,
        row.line_no,
        task.sku,
        task.location_code,
        units,
        tote,
        substitute_sku=substitute_sku,
        lot=gs1.lot if gs1 else None,
        serial=gs1.serial if gs1 else None,
        expiry=gs1.expiry.isoformat() if gs1 and gs1.expiry else None,
    )
    emit(conn, ctx, now, event)


def short_task(
    conn: Connection, ctx: StationContext, now: datetime, loaded: LoadedRun, reason: str
) -> Reason | None:
    """The rest of the current task is short: one ``ShortPick`` per order line."""
    if reason not in SHORT_REASONS:
        raise ValueError(f"unknown short reason {reason!r}")
    task = guide.current_task(loaded.state)
    if task is None or not any(a.remaining for a in task.allocations):
        return Reason.NOTHING_TO_SHORT
    sku = loaded.tasks[task.id].sku
    for allocation in task.allocations:
        missing = allocation.remaining
        if not missing:
            continue
        pq.add_units(conn, allocation.id, short=missing)
        line = allocation.line_no
        emit(conn, ctx, now, ShortPick(allocation.order, line, sku, task.location, missing, reason))
        detail = {"run": loaded.row.key, "sku": sku, "location": task.location,
                  "units": missing, "reason": reason}  # fmt: skip
        audit(conn, ctx, now, "short_pick", allocation.order, detail)
    pq.set_skipped(conn, task.id, False)
    return None


def skip_task(
    conn: Connection, ctx: StationContext, now: datetime, loaded: LoadedRun
) -> guide.Refusal | None:
    """The current task comes back after the others (not with items still in hand)."""
    task = guide.current_task(loaded.state)
    if task is None:
        return guide.Refusal(Reason.RUN_FINISHED)
    holding = [a for a in task.allocations if a.in_hand]
    if holding:
        return guide.Refusal(Reason.PUT_IN_TOTE_FIRST, {"position": holding[0].tote or 0})
    pq.set_skipped(conn, task.id, True)
    detail = {"run": loaded.row.key, "location": task.location}
    audit(conn, ctx, now, "pick_skipped", None, detail)
    return None


def damaged_unit(
    conn: Connection, ctx: StationContext, now: datetime, loaded: LoadedRun
) -> Reason | None:
    """One unit at the current pick is damaged and left: ``ItemDamaged``, nothing picked."""
    step = guide.prompt(loaded.state)
    if step.step is not guide.Step.PICK or step.task is None or step.allocation is None:
        return Reason.NOTHING_TO_SHORT
    sku = loaded.tasks[step.task.id].sku
    allocation = step.allocation
    event = ItemDamaged(allocation.order, allocation.line_no, sku, step.task.location, 1)
    emit(conn, ctx, now, event)
    detail = {"run": loaded.row.key, "sku": sku, "location": step.task.location}
    audit(conn, ctx, now, "item_damaged", allocation.order, detail)
    return None
