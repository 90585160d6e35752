"""What Tote's own barcodes do at a packing station (so it can be driven by scans alone).

``CMD:ASIDE`` puts the current order aside; ``CMD:REPRINT`` queues the next copy of each of
the documents of the order on the station, or else of the last one packed here (audited,
and marked as a reprint on paper). An operator badge (``OP:<code>``) signs that operator
in, between orders. Box codes are the packing flow's (``pack_actions``); locations and
totes have no meaning here and are refused with a reason.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection

from app.clock import Clock
from app.context import StationContext
from app.domain.reasons import Reason
from app.store import packing_queries as q
from app.store.journal import audit
from app.tote_codes import CodeKind, Command, ToteCode
from app.usecases.print_plan import queue_reprint
from app.usecases.results import Outcome, ScanResult, refuse
from app.usecases.views import PackView, order_view


@dataclass(frozen=True, slots=True)
class CommandContext:
    conn: Connection
    ctx: StationContext
    clock: Clock


def run_code(cc: CommandContext, station: Any, code: ToteCode) -> ScanResult:
    match code.command:
        case Command.ASIDE:
            return leave_current_order(cc, station, by="command")
        case Command.REPRINT:
            return _reprint(cc, station)
        case None if code.kind is CodeKind.OPERATOR:
            return _sign_in(cc, station, code.value)
        case None if code.kind is CodeKind.COMMAND:
            return refuse(Reason.UNKNOWN_COMMAND, _current_view(cc, station), code=code.value)
        case _:
            return refuse(
                Reason.CODE_NOT_USED_HERE,
                _current_view(cc, station),
                kind=code.kind.value,
                code=code.value,
            )


def leave_current_order(cc: CommandContext, station: Any, by: str) -> ScanResult:
    """Put the station's order aside, its scans kept (``by``: "button" or "command")."""
    view = _current_view(cc, station)
    if view is None:
        return refuse(Reason.NOTHING_TO_PUT_ASIDE, None)
    q.set_current_order(cc.conn, station.id, None)
    audit(cc.conn, cc.ctx, cc.clock(), "order_left", view.order_number, {"by": by})
    return ScanResult(Outcome.ORDER_LEFT, view)


def _sign_in(cc: CommandContext, station: Any, operator_code: str) -> ScanResult:
    """A badge scan: who packs from now on. Not in the middle of an order, whose scans
    belong to the operator who started it."""
    view = _current_view(cc, station)
    if view is not None:
        return refuse(Reason.FINISH_ORDER_FIRST, view, order=view.order_number)
    operator = q.operator(cc.conn, operator_code)
    if operator is None:
        return refuse(Reason.UNKNOWN_OPERATOR, None, code=operator_code)
    previous = q.set_operator(cc.conn, station.id, operator.code)
    signed_in = StationContext(cc.ctx.station_code, operator.code)
    audit(cc.conn, signed_in, cc.clock(), "operator_signed_in", None, {"previous": previous})
    return ScanResult(
        Outcome.OPERATOR_SIGNED_IN, None, params={"operator": operator.code, "name": operator.name}
    )


def _reprint(cc: CommandContext, station: Any) -> ScanResult:
    """The order on the station (a jammed label of one of its boxes), else the last one
    packed here: never another order's papers while one is open."""
    if station.current_order_id is not None:
        order = q.order_header(cc.conn, station.current_order_id)
    else:
        last = q.last_packed_order_number(cc.conn, cc.ctx.station_code)
        order = None if last is None else q.order_by_number(cc.conn, last)
    now = cc.clock()
    job_ids = () if order is None else queue_reprint(cc.conn, order.id, now)
    if order is None or not job_ids:
        return refuse(Reason.NOTHING_TO_REPRINT, _current_view(cc, station))
    audit(cc.conn, cc.ctx, now, "reprint_requested", order.number, {"job_ids": list(job_ids)})
    return ScanResult(
        Outcome.REPRINT_QUEUED,
        _current_view(cc, station),
        params={"order": order.number},
        print_job_ids=job_ids,
    )


def _current_view(cc: CommandContext, station: Any) -> PackView | None:
    return (
        None if station.current_order_id is None else order_view(cc.conn, station.current_order_id)
    )
