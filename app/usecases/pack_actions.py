"""What the packer does to the boxes of the open order, by scan (or the same by touch).

``BOX:<code>`` says which box is used (``CMD:BOX-OK``: the suggested one); another box
than suggested asks for a reason (``RSN:<code>``). ``CMD:CLOSE-BOX`` closes the open box
before the order is complete. ``CMD:REMOVE`` and ``CMD:DAMAGED`` wait for the item scan
that ``pack_moves`` handles, which also reopens a box by its SSCC. ``CMD:SHORT`` ships the
rest without, once a supervisor scans their badge and a reason (``pack_approvals``). A
scale weight closes a due box when it is in tolerance; out of it, a supervisor's badge and
a reason accept it.

Each accepted action is one transaction with its audit row and events, like a scan.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from sqlalchemy import Connection

from app.context import StationContext
from app.domain.check_weigh import check
from app.domain.reasons import Reason
from app.store import package_queries as pkq
from app.store import packing_queries as q
from app.store.journal import audit
from app.tote_codes import CodeKind, Command, ToteCode
from app.usecases import pack_approvals as approvals
from app.usecases.pack_boxes import BoxFlow, BoxState, Pending, PendingKind, read_state
from app.usecases.pack_closing import Approval, close_package, finish_order
from app.usecases.pack_plan import replan
from app.usecases.print_plan import LabelSettings
from app.usecases.results import Outcome, ScanResult, refuse
from app.usecases.shipping import ShippingDesk
from app.usecases.views import PackView, line_views, order_view, pack_view


@dataclass
class BoxActions:
    """The box actions of one station; ``ctx`` gives the operator signed in now."""

    flow: BoxFlow
    labels: LabelSettings
    shipping: ShippingDesk
    ctx: Callable[[], StationContext]
    clock: Callable[[], datetime]

    # -- views ---------------------------------------------------------------------------

    def view(
        self,
        conn: Connection,
        order_id: int,
        last_line_no: int | None = None,
        state: BoxState | None = None,
        header: Any = None,
    ) -> PackView:
        """The order as the screen shows it; ``state`` and ``header``, when the caller has
        just read them, spare the scan path reading them again."""
        if state is None:
            state = read_state(conn, order_id)
        if header is None:
            base = order_view(conn, order_id)
        else:
            base = pack_view(header, line_views(state.lines))
        if last_line_no is not None:
            base = replace(base, last_line_no=last_line_no)
        return self.flow.annotate(base, state)

    # -- after every change: close the open box if it is due and checks out --------------

    def settle(
        self,
        conn: Connection,
        header: Any,
        outcome: Outcome,
        grams: int | None,
        *,
        judge: bool,
        last_line_no: int | None = None,
        approval: Approval | None = None,
        lines: Sequence[Any] | None = None,
        fresh: bool = False,
    ) -> ScanResult:
        """``judge``: ``grams`` was weighed for this box (a scale reading, or a box scan
        with the box on the scale), so a weight out of tolerance is this box's, to recount;
        an item scan's weight is used only when it checks out (the box may not be on yet).
        ``lines``: the order's lines as the caller just wrote them (spares a read).
        ``fresh``: ``grams`` is a new settled reading (not one a scan found on the scale)."""
        flow = self.flow
        if fresh:
            flow.consumed = None
        elif grams is not None and grams == flow.consumed:
            grams = None  # the previous box, still on the scale
        if outcome is Outcome.ITEM_PACKED:  # the contents changed: an old weighing says nothing
            flow.measured.clear()
            if flow.pending is not None and flow.pending.kind == "weight":
                flow.pending = None
        state = read_state(conn, header.id, lines)
        package = state.open
        if package is not None and package.plan is None and package.box_type_id is None:
            # The centre changed the lines (central_progress): suggest again for them.
            replan(conn, header.id, package.id, state.lines, self.shipping.tariff_for(header))
            state = read_state(conn, header.id, state.lines)
            package = state.open
        if (
            package is not None
            and state.all_done
            and not state.units_in(package.id)
            and package.sscc is None
            and any(p.status == "closed" for p in state.packages)
        ):
            return self._finish(conn, header, package)
        due = (
            package is not None
            and flow.pending is None
            and flow.is_due(state, package)
            and not flow.needs_box(state, package)
        )
        if due:
            if approval is not None or flow.weight_ok(state, package, grams):
                return self._close(conn, header, state, package, grams, approval)
            if judge and grams is not None:
                flow.measured[package.id] = grams
                expected = flow.expected_g(state, package) or 0
                verdict = check(expected, grams, flow.settings.tolerance)
                audit(
                    conn,
                    self.ctx(),
                    self.clock(),
                    "weight_out_of_tolerance",
                    header.number,
                    {"package": package.number, "measured_g": grams, "expected_g": expected},
                )
                return ScanResult(
                    Outcome.WEIGHT_OUT_OF_RANGE,
                    self.view(conn, header.id),
                    Reason.WEIGHT_OUT_OF_TOLERANCE,
                    {
                        "measured": grams,
                        "expected": expected,
                        "low": verdict.low_g,
                        "high": verdict.high_g,
                        "package": package.number,
                    },
                )
        return ScanResult(outcome, self.view(conn, header.id, last_line_no, state, header))

    def _finish(self, conn: Connection, header: Any, empty: Any) -> ScanResult:
        job_ids, relabelled = finish_order(conn, self.ctx(), self.clock(), header, empty.id)
        self.flow.forget(header.id)
        view = pack_view(header, line_views(q.order_lines(conn, header.id)), status="packed")
        params = relabelled.params() if relabelled else {}
        return ScanResult(Outcome.ORDER_PACKED, view, params=params, print_job_ids=job_ids)

    def _close(
        self,
        conn: Connection,
        header: Any,
        state: BoxState,
        package: Any,
        grams: int | None,
        approval: Approval | None,
    ) -> ScanResult:
        self.flow.consumed = grams
        closed = close_package(
            conn,
            self.ctx(),
            self.clock(),
            header,
            state,
            package,
            self.flow,
            self.labels,
            self.shipping,
            grams,
            approval,
        )
        params: dict[str, str | int] = {"package": closed.package_number}
        if closed.order_packed:  # closing moved no unit: the lines read before still hold
            params |= closed.relabelled.params() if closed.relabelled else {}
            self.flow.forget(header.id)
            view = pack_view(header, line_views(state.lines), status="packed")
            return ScanResult(
                Outcome.ORDER_PACKED, view, params=params, print_job_ids=closed.job_ids
            )
        return ScanResult(
            Outcome.PACKAGE_CLOSED,
            self.view(conn, header.id),
            params=params,
            print_job_ids=closed.job_ids,
        )

    # -- codes ---------------------------------------------------------------------------

    def code(
        self, conn: Connection, header: Any, code: ToteCode, grams: int | None
    ) -> ScanResult | None:
        """The result of a box code for the open order; None: not a box code."""
        if code.kind is CodeKind.BOX:
            return self._box(conn, header, code.value, grams)
        if code.kind is CodeKind.REASON:
            return approvals.reason(self, conn, header, code.value, grams)
        if code.kind is CodeKind.OPERATOR:
            if approvals.wants_supervisor(self):
                return approvals.supervisor(self, conn, header, code.value)
            return approvals.weight_approval(self, conn, header, code.value)
        match code.command:
            case Command.BOX_OK:
                state = read_state(conn, header.id)
                package = state.open
                if package is None or not package.suggested_box:
                    return refuse(Reason.NO_SUGGESTION, self.view(conn, header.id))
                return self._box(conn, header, package.suggested_box, grams)
            case Command.CLOSE_BOX:
                return self._close_box(conn, header, grams)
            case Command.SHORT:
                return approvals.start_short(self, conn, header)
            case Command.DAMAGED | Command.REMOVE:
                kind: PendingKind = "damaged" if code.command is Command.DAMAGED else "remove"
                self.flow.pending = Pending(kind, header.id)
                return ScanResult(Outcome.STEP_STARTED, self.view(conn, header.id))
        return None

    def _box(self, conn: Connection, header: Any, code: str, grams: int | None) -> ScanResult:
        box = pkq.box_type_by_code(conn, code)
        if box is None:
            return refuse(Reason.UNKNOWN_BOX, self.view(conn, header.id), code=code)
        package_id, _ = q.open_package(conn, header.id, self.clock())
        package = next(p for p in pkq.order_packages(conn, header.id) if p.id == package_id)
        if self.flow.pending is not None and self.flow.pending.kind == "box_reason":
            self.flow.pending = None  # the packer changed their mind: this box is the answer
        if package.suggested_box and box.code != package.suggested_box:
            self.flow.pending = Pending("box_reason", header.id, box_code=box.code)
            return ScanResult(Outcome.STEP_STARTED, self.view(conn, header.id))
        return self.use_box(conn, header, package, box, None, grams)

    def use_box(
        self,
        conn: Connection,
        header: Any,
        package: Any,
        box: Any,
        reason: str | None,
        grams: int | None,
    ) -> ScanResult:
        pkq.set_box(conn, package.id, box, reason)
        self.flow.measured.pop(package.id, None)
        audit(
            conn,
            self.ctx(),
            self.clock(),
            "box_chosen",
            header.number,
            {
                "package": package.number,
                "box": box.code,
                "suggested": package.suggested_box,
                "reason": reason,
            },
        )
        return self.settle(conn, header, Outcome.BOX_CHOSEN, grams, judge=True)

    def _close_box(self, conn: Connection, header: Any, grams: int | None) -> ScanResult:
        state = read_state(conn, header.id)
        package = state.open
        if package is None or not state.units_in(package.id):
            return refuse(Reason.NO_ITEMS_IN_BOX, self.view(conn, header.id))
        self.flow.close_requested.add(package.id)
        detail = {"package": package.number}
        audit(conn, self.ctx(), self.clock(), "box_close_requested", header.number, detail)
        return self.settle(conn, header, Outcome.STEP_STARTED, grams, judge=True)
