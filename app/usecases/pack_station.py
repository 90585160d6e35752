"""Scan-to-verify packing at one station: one method per operator action.

Every accepted action is one SQLite transaction holding the new state, its audit row and its
outbox event; the method returns only after the commit, so whatever the screen confirms
survives a crash. A refused scan writes nothing at all.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from types import SimpleNamespace
from typing import Any

from sqlalchemy import Connection, select
from sqlalchemy.orm import Session, sessionmaker

from app.clock import Clock, utc_now
from app.context import StationContext
from app.domain.events import ItemPacked, PackStarted
from app.domain.packing import Accept, LineProgress, Refuse, verify_item
from app.domain.reasons import Reason
from app.scanning import Interpretation, RawScan, ScanKind, interpret
from app.store import package_queries as pkq
from app.store import packing_queries as q
from app.store import sync_queries as sq
from app.store.journal import audit, emit
from app.store.pick_queries import line_substitutes, live_runs_of_order
from app.store.tables import Station
from app.tote_codes import Command
from app.usecases import pack_moves
from app.usecases.claims import holds
from app.usecases.pack_actions import BoxActions
from app.usecases.pack_boxes import BoxFlow, read_state
from app.usecases.pack_plan import replan
from app.usecases.pack_settings import PackingSettings
from app.usecases.print_plan import LabelSettings
from app.usecases.product_lookup import find_product
from app.usecases.results import Outcome, ScanResult, refuse
from app.usecases.shipping import ShippingDesk
from app.usecases.station_commands import CommandContext, leave_current_order, run_code
from app.usecases.stop_notice import hold_reason, stopped_refusal
from app.usecases.views import PackView, line_views, pack_view

log = logging.getLogger(__name__)


class PackStation:
    """The packing use cases of the station named in ``ctx``."""

    def __init__(
        self,
        sessions: sessionmaker[Session],
        ctx: StationContext,
        clock: Clock = utc_now,
        reads: sessionmaker[Session] | None = None,
        labels: LabelSettings | None = None,
        require_claims: bool = False,
        packing: PackingSettings | None = None,
        shipping: ShippingDesk | None = None,
    ) -> None:
        """``require_claims``: an order service leases orders to stations (claims), so an
        order is opened only while this station holds its lease (ORDER_NOT_HELD otherwise:
        the caller asks the order service for it and scans again). ``packing``: what a
        box needs before it closes (box confirmed, check-weighed); ``shipping``: carrier
        services, the rule for orders that leave the choice here, tracking ranges."""
        self._sessions = sessions
        self._require_claims = require_claims
        self._labels = labels or LabelSettings()
        self._reads = reads or sessions
        self._ctx = ctx
        self._clock = clock
        self._boxes = BoxActions(
            BoxFlow(packing or PackingSettings()),
            self._labels,
            shipping or ShippingDesk(station_number=self._labels.station_number),
            lambda: self._ctx,
            clock,
        )

    @property
    def context(self) -> StationContext:
        return self._ctx

    def ensure_station(self, name: str) -> None:
        """Create this station's row on first start; remember the operator signed in."""
        with self._sessions.begin() as session:
            conn = session.connection()
            if q.station(conn, self._ctx.station_code) is None:
                session.add(Station(code=self._ctx.station_code, name=name))
                session.flush()
            station = session.execute(
                select(Station).where(Station.code == self._ctx.station_code)
            ).scalar_one()
            station.current_operator_code = self._ctx.operator_code

    def current(self) -> PackView | None:
        """The order this station was packing when it stopped, with its committed scans."""
        with self._reads() as session:
            conn = session.connection()
            station = self._station(conn)
            if station.current_order_id is None:
                return None
            return self._boxes.view(conn, station.current_order_id)

    def stop_notice(self) -> ScanResult | None:
        """The instruction to show while the centre has stopped the current order (it was
        cancelled, held, changed or packed elsewhere): what to do with its scanned units."""
        with self._reads() as session:
            conn = session.connection()
            order_id = self._station(conn).current_order_id
            if order_id is None:
                return None
            header = q.order_header(conn, order_id)
            return stopped_refusal(conn, header, q.order_lines(conn, order_id))

    def scan(self, raw: RawScan, weight_g: int | None = None) -> ScanResult:
        """Handle one scan or typed code: an order number when idle, an item while packing.

        ``weight_g`` is the scale's settled weight at that moment, if any: it closes the open
        box when the box is due and the weight checks out; after a box scan (the box may be on
        the scale already) a weight out of tolerance asks for a recount.
        """
        meaning = interpret(raw)
        with self._sessions.begin() as session:
            conn = session.connection()
            result = self._scan(conn, meaning, weight_g)
            view = result.view
            if view is not None and view.status == "packing" and not view.packages:
                # A refusal shows the order as it is, with its boxes and next step.
                order = q.order_by_number(conn, view.order_number)
                full = self._boxes.view(conn, order.id, view.last_line_no)
                result = replace(result, view=full)
        if result.outcome is Outcome.OPERATOR_SIGNED_IN:  # committed: act as them from now
            self._ctx = replace(self._ctx, operator_code=str(result.params["operator"]))
        return result

    def _scan(self, conn: Connection, meaning: Interpretation, weight_g: int | None) -> ScanResult:
        station = self._station(conn)
        order_id = station.current_order_id
        if meaning.code is not None and not _is_order_or_sku(conn, meaning.text):
            if order_id is not None:
                header = q.order_header(conn, order_id)
                if header.status == "packing":
                    handled = self._boxes.code(conn, header, meaning.code, weight_g)
                    if handled is not None:
                        return handled
                elif meaning.code.command is not Command.ASIDE:
                    # Stopped by the centre: only putting it aside means anything now.
                    stopped = stopped_refusal(conn, header, q.order_lines(conn, order_id))
                    if stopped is not None:
                        return stopped
            result = run_code(self._command_context(conn), station, meaning.code)
            if result.outcome is Outcome.ORDER_LEFT and order_id is not None:
                sq.set_stop(conn, order_id, None, None)  # the stop notice was acted on
                self._boxes.flow.forget()
            return result
        if order_id is None:
            if meaning.kind is ScanKind.EMPTY:
                return refuse(Reason.EMPTY_SCAN, None)
            return self._scan_when_idle(conn, station.id, meaning)
        header = q.order_header(conn, order_id)
        rows = q.order_lines(conn, order_id)
        if header.status != "packing":
            # The centre stopped this order (or it was never started, which cannot happen
            # here); scans are refused until it is put aside. An order still current at
            # this station is otherwise worked on without a lease check: offline work
            # goes on with the work the station holds, even if its lease ran out meanwhile.
            stopped = stopped_refusal(conn, header, rows)
            if stopped is not None:
                return stopped
        if meaning.kind is ScanKind.EMPTY:
            return refuse(Reason.EMPTY_SCAN, pack_view(header, line_views(rows)))
        return self._scan_while_packing(conn, station.id, header, rows, meaning, weight_g)

    def leave_order(self) -> ScanResult:
        """Put the current order aside; its scans stay and scanning it again resumes it."""
        with self._sessions.begin() as session:
            conn = session.connection()
            station = self._station(conn)
            result = leave_current_order(self._command_context(conn), station, by="button")
            if result.outcome is Outcome.ORDER_LEFT:
                sq.set_stop(conn, station.current_order_id, None, None)
                self._boxes.flow.forget()
            return result

    def weigh(self, grams: int) -> ScanResult | None:
        """A new settled weight on the scale: it closes the open box when the box is due
        and the weight checks out; out of tolerance, the packer is told to recount. None
        when no box waits for a weight (the reading means nothing to the order)."""
        self._boxes.flow.consumed = None  # the scale settled anew: whatever lay there left
        with self._sessions.begin() as session:
            conn = session.connection()
            order_id = self._station(conn).current_order_id
            pending = self._boxes.flow.pending
            if order_id is None or (pending is not None and pending.kind != "weight"):
                return None
            header = q.order_header(conn, order_id)
            if header.status != "packing":
                return None
            if pending is not None:  # the box was put back on: its new weight, not the old
                self._boxes.flow.pending = None
            state = read_state(conn, order_id)
            waiting = self._boxes.flow.weigh_view(state)
            if waiting is None or waiting.measured_g == grams:
                return None
            return self._boxes.settle(
                conn, header, Outcome.BOX_CHOSEN, grams, judge=True, fresh=True, lines=state.lines
            )

    def _command_context(self, conn: Connection) -> CommandContext:
        return CommandContext(conn, self._ctx, self._clock)

    # -- idle: the scan should be an order ---------------------------------------------

    def _scan_when_idle(
        self, conn: Connection, station_id: int, meaning: Interpretation
    ) -> ScanResult:
        order = q.order_by_number(conn, meaning.text)
        if order is None:
            if find_product(conn, meaning) is not None:
                return refuse(Reason.NO_ORDER_OPEN, None, code=meaning.shown)
            return _not_found(meaning, Reason.ORDER_NOT_FOUND, None)
        if order.status == "packed":
            return refuse(Reason.ORDER_ALREADY_PACKED, None, order=order.number)
        if order.status == "cancelled":
            return refuse(Reason.ORDER_CANCELLED, None, order=order.number)
        if order.status == "held":
            return refuse(
                Reason.ORDER_HELD, None, order=order.number, why=hold_reason(conn, order.id)
            )
        now = self._clock()
        if self._require_claims and not holds(conn, "order", order.number, now):
            return refuse(Reason.ORDER_NOT_HELD, None, order=order.number)
        picking = live_runs_of_order(conn, order.id) if order.status == "open" else []
        if picking:  # its items are still on their way: packing now would miss them
            where = ", ".join(f"{key} (zone {zone})" if zone else key for key, zone in picking)
            return refuse(Reason.ORDER_STILL_PICKING, None, order=order.number, runs=where)
        q.set_current_order(conn, station_id, order.id)
        self._boxes.flow.forget()
        if order.status == "open":
            q.set_order_status(conn, order.id, "packing")
            audit(conn, self._ctx, now, "order_opened", order.number, {})
            emit(conn, self._ctx, now, PackStarted(order.number))
            outcome = Outcome.ORDER_OPENED
        else:
            audit(conn, self._ctx, now, "order_resumed", order.number, {})
            outcome = Outcome.ORDER_RESUMED
        package_id, _ = q.open_package(conn, order.id, now)
        header, lines = q.order_header(conn, order.id), q.order_lines(conn, order.id)
        if outcome is Outcome.ORDER_OPENED or not _has_plan(conn, order.id):
            tariff = self._boxes.shipping.tariff_for(header)
            replan(conn, order.id, package_id, lines, tariff)
        state = read_state(conn, order.id, lines)
        return ScanResult(outcome, self._boxes.view(conn, order.id, state=state, header=header))

    # -- packing: the scan should be an item of the current order ------------------------

    def _scan_while_packing(
        self,
        conn: Connection,
        station_id: int,
        header: Any,
        rows: list[Any],
        meaning: Interpretation,
        weight_g: int | None = None,
    ) -> ScanResult:
        if meaning.kind is ScanKind.SSCC and meaning.gs1 is not None and meaning.gs1.sscc:
            reopened = pack_moves.reopen(self._boxes, conn, header, meaning.gs1.sscc)
            if reopened is not None:
                return reopened
        found = find_product(conn, meaning)
        if found is not None:
            taken_out = pack_moves.take_out(self._boxes, conn, header, found, rows)
            if taken_out is not None:
                return taken_out
        if found is None:
            other = q.order_by_number(conn, meaning.text)
            view = pack_view(header, line_views(rows))
            if other is not None and other.id == header.id:
                return ScanResult(Outcome.ORDER_RESUMED, view)
            if other is not None:
                return refuse(
                    Reason.ANOTHER_ORDER_OPEN, view, order=header.number, other=other.number
                )
            return _not_found(meaning, Reason.UNKNOWN_BARCODE, view)
        progress = [  # units approved short are no longer expected
            LineProgress(r.line_no, r.product_id, r.qty_ordered - r.qty_short, r.qty_packed)
            for r in rows
        ]
        decision = verify_item(progress, found.id, found.units)
        if isinstance(decision, Refuse) and decision.reason in (
            Reason.WRONG_ITEM,
            Reason.OVER_PACK,
        ):
            # Only then can a substitute the order allows change the answer: the store is
            # asked for substitutes off the usual scan's path.
            subs = line_substitutes(conn, [r.id for r in rows])
            if subs:
                progress = [
                    replace(p, substitutes=frozenset(subs.get(r.id, ())))
                    for p, r in zip(progress, rows, strict=True)
                ]
                decision = verify_item(progress, found.id, found.units)
        if not isinstance(decision, Accept):
            return refuse(
                decision.reason,
                pack_view(header, line_views(rows)),
                sku=found.sku,
                name=found.name,
                **decision.params,
            )
        now = self._clock()
        added: dict[int, int] = {}  # line id -> units this scan put in
        for line_no, units in decision.allocations:
            line = next(r for r in rows if r.line_no == line_no)
            q.add_packed(conn, line.id, units)
            package_id, package_no = q.open_package(conn, header.id, now)
            q.add_content(conn, package_id, line.id, found.id, units)
            detail: dict[str, object] = {
                "line_no": line_no,
                "sku": found.sku,
                "code": meaning.text,
                "units": units,
            }
            if meaning.gs1 is not None:  # traceability: what the GS1 code said about the unit
                for key, value in (
                    ("lot", meaning.gs1.lot),
                    ("serial", meaning.gs1.serial),
                    ("expiry", meaning.gs1.expiry),
                ):
                    if value is not None:
                        detail[key] = str(value)
            audit(conn, self._ctx, now, "item_packed", header.number, detail)
            emit(
                conn,
                self._ctx,
                now,
                ItemPacked(header.number, line_no, found.sku, meaning.text, units, package_no),
            )
            added[line.id] = units
        lines_now = [_with_packed(r, added[r.id]) if r.id in added else r for r in rows]
        return self._boxes.settle(
            conn,
            header,
            Outcome.ITEM_PACKED,
            weight_g,
            judge=False,
            last_line_no=decision.line_no,
            lines=lines_now,
        )

    # -- lookups -------------------------------------------------------------------------

    def _station(self, conn: Connection) -> Any:
        row = q.station(conn, self._ctx.station_code)
        if row is None:
            raise LookupError(f"station {self._ctx.station_code} not set up: call ensure_station")
        return row


def _with_packed(row: Any, units: int) -> SimpleNamespace:
    """A line row as it is after ``units`` more were packed (the scan's hot path reads
    nothing it has just written)."""
    return SimpleNamespace(**{**row._mapping, "qty_packed": row.qty_packed + units})


def _has_plan(conn: Connection, order_id: int) -> bool:
    """The open package has a suggestion (a store from before suggestions has none)."""
    return any(p.plan for p in pkq.order_packages(conn, order_id) if p.status == "open")


def _is_order_or_sku(conn: Connection, text: str) -> bool:
    """Tote codes look like KIND:VALUE; an order number or SKU that happens to wins."""
    return q.order_by_number(conn, text) is not None or q.product_by_sku(conn, text) is not None


def _not_found(meaning: Interpretation, reason: Reason, view: PackView | None) -> ScanResult:
    """Nothing matched: say why as precisely as the scan allows. A GTIN-length number with
    a wrong check digit that is no order or SKU was misread; an unreadable GS1 code says
    which field is wrong; a carton label (SSCC) is not an item."""
    code = meaning.shown
    match meaning.kind:
        case ScanKind.BAD_CHECK_DIGIT:
            return refuse(Reason.BAD_CHECK_DIGIT, view, code=code)
        case ScanKind.BAD_GS1:
            return refuse(Reason.BAD_GS1, view, code=code, problem=meaning.problem or "")
        case ScanKind.SSCC:
            return refuse(Reason.CARTON_LABEL, view, code=code)
    return refuse(reason, view, code=code)
