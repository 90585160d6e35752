"""Guided picking at one station (a cart kiosk or a handheld): one method per picker action.

Like packing, every accepted action is one SQLite transaction with its new state, audit
row and outbox event, committed before the screen confirms it; a refused scan writes
nothing. A unit counts as picked when it is in its tote (a ``PickConfirmed`` event), or
on the cart when the run is picked in bulk. Short units raise ``ShortPick``, the centre's
replenishment cue; damaged units ``ItemDamaged``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from sqlalchemy import Connection
from sqlalchemy.orm import Session, sessionmaker

from app.clock import Clock, utc_now
from app.context import StationContext
from app.domain.reasons import Reason
from app.picking import guide
from app.scanning import Interpretation, RawScan, ScanKind, interpret
from app.store import packing_queries as q
from app.store import pick_queries as pq
from app.store.journal import audit
from app.tote_codes import CodeKind, Command
from app.usecases import pick_records as records
from app.usecases.floor_layout import OffLayoutError, current_layout, spot_of_location
from app.usecases.pick_results import (
    PickOutcome,
    PickResult,
    RouteMap,
    RunSummary,
    Stop,
    refuse,
)
from app.usecases.pick_views import LoadedRun, PickView, load_run

__all__ = ["PickOutcome", "PickResult", "PickWork", "RouteMap", "RunSummary", "Stop"]
from app.usecases.product_lookup import find_product


class PickWork:
    """The picking use cases of the station named in ``ctx``."""

    def __init__(
        self,
        sessions: sessionmaker[Session],
        ctx: StationContext,
        clock: Clock = utc_now,
        today: Callable[[], date] | None = None,
    ) -> None:
        self._sessions = sessions
        self._ctx = ctx
        self._clock = clock
        self._today = today or (lambda: clock().date())

    # -- reading --------------------------------------------------------------------------

    def runs_waiting(self) -> int:
        """How many runs wait for a picker (``open_runs`` lists the first 50)."""
        with self._sessions() as session:
            return pq.count_open_runs(session.connection())

    def open_runs(self) -> list[RunSummary]:
        """Runs waiting for a picker, in release order (urgent ones were released first)."""
        with self._sessions() as session:
            conn = session.connection()
            out = []
            for run in pq.open_runs(conn):
                loaded = load_run(conn, run)
                orders = {a.order for t in loaded.view.tasks for a in t.allocations}
                out.append(
                    RunSummary(
                        run.key,
                        run.method,
                        run.zone,
                        run.wave,
                        bool(run.urgent),
                        len(orders),
                        len(loaded.view.tasks),
                        float(run.length_m),
                    )
                )
            return out

    def route_map(self) -> RouteMap | None:
        """The floor and the current run's stops on it, for the picker's map."""
        with self._sessions() as session:
            conn = session.connection()
            run = pq.active_run(conn, self._ctx.station_code)
            layout = current_layout(conn)
            if run is None or layout is None:
                return None
            view = load_run(conn, run).view
            places = pq.location_places(conn, [task.location for task in view.tasks])
            stops = []
            for task in view.tasks:
                zone, aisle, bay = places[task.location]
                try:
                    spot = spot_of_location(layout, zone, aisle, bay)
                except OffLayoutError:
                    continue
                current = view.task is not None and view.task.seq == task.seq
                stops.append(Stop(task.location, spot, task.finished, current))
            return RouteMap(layout, tuple(stops))

    def current(self) -> PickView | None:
        with self._sessions() as session:
            conn = session.connection()
            run = pq.active_run(conn, self._ctx.station_code)
            return None if run is None else load_run(conn, run).view

    # -- starting and leaving -------------------------------------------------------------

    def start(self, key: str | None = None) -> PickResult:
        """Take a run (the next one released when ``key`` is None) and make it this station's."""
        with self._sessions.begin() as session:
            conn = session.connection()
            mine = pq.active_run(conn, self._ctx.station_code)
            if mine is not None:
                if key is None or key == mine.key:
                    return PickResult(PickOutcome.RUN_RESUMED, load_run(conn, mine).view)
                return refuse(Reason.FINISH_RUN_FIRST, load_run(conn, mine).view, run=mine.key)
            if key is None:
                waiting = pq.open_runs(conn, limit=1)
                if not waiting:
                    return refuse(Reason.NO_RUN_OPEN, None)
                run = waiting[0]
            else:
                run = pq.run_by_key(conn, key)
                if run is None or run.status != "open":
                    return refuse(Reason.RUN_NOT_FOUND, None, run=key)
            now = self._clock()
            pq.set_run(
                conn,
                run.id,
                status="active",
                station_code=self._ctx.station_code,
                picker=self._ctx.operator_code,
                started_at=run.started_at or now,
            )
            audit(conn, self._ctx, now, "pick_run_started", None, {"run": run.key})
            return PickResult(
                PickOutcome.RUN_STARTED, load_run(conn, pq.run_by_key(conn, run.key)).view
            )

    def leave(self) -> PickResult:
        """Put the run aside for another picker (or later); everything picked stays."""
        with self._sessions.begin() as session:
            conn = session.connection()
            run = pq.active_run(conn, self._ctx.station_code)
            if run is None:
                return refuse(Reason.NO_RUN_OPEN, None)
            pq.set_run(conn, run.id, status="open", station_code=None)
            audit(conn, self._ctx, self._clock(), "pick_run_left", None, {"run": run.key})
            return PickResult(
                PickOutcome.RUN_LEFT, load_run(conn, pq.run_by_key(conn, run.key)).view
            )

    # -- scans ----------------------------------------------------------------------------

    def scan(self, raw: RawScan) -> PickResult:
        meaning = interpret(raw)
        with self._sessions.begin() as session:
            conn = session.connection()
            run = pq.active_run(conn, self._ctx.station_code)
            if run is None:
                return refuse(Reason.NO_RUN_OPEN, None)
            loaded = load_run(conn, run)
            return self._scan(conn, loaded, meaning)

    def _scan(self, conn: Connection, loaded: LoadedRun, meaning: Interpretation) -> PickResult:
        view = loaded.view
        if meaning.kind is ScanKind.EMPTY:
            return refuse(Reason.EMPTY_SCAN, view)
        code = meaning.code
        if code is not None:
            if code.kind is CodeKind.LOCATION:
                return self._location(conn, loaded, code.value)
            if code.kind is CodeKind.TOTE:
                return self._tote(conn, loaded, code.value)
            if code.command is Command.SHORT:
                return self._short(conn, loaded, "bin_empty")
            if code.command is Command.SKIP:
                return self._skip(conn, loaded)
            if code.command is Command.DAMAGED:
                return self._damaged(conn, loaded)
            return refuse(Reason.CODE_NOT_USED_HERE, view, kind=code.kind.value, code=code.value)
        if view.step is guide.Step.GO_TO and meaning.text in pq.location_codes(
            conn, [meaning.text]
        ):
            return self._location(conn, loaded, meaning.text)  # a location typed by hand
        hit = find_product(conn, meaning)
        if hit is None:
            return refuse(Reason.UNKNOWN_BARCODE, view, code=meaning.shown)
        return self._item(conn, loaded, meaning, hit)

    def _location(self, conn: Connection, loaded: LoadedRun, code: str) -> PickResult:
        refusal = guide.check_location(loaded.state, code)
        if refusal is not None:
            return refuse(refusal.reason, loaded.view, **refusal.params)
        pq.set_run(conn, loaded.row.id, at_location=code)
        return self._after(conn, loaded, PickOutcome.AT_LOCATION)

    def _tote(self, conn: Connection, loaded: LoadedRun, code: str) -> PickResult:
        found = guide.check_tote(loaded.state, code)
        if isinstance(found, guide.Refusal):
            return refuse(found.reason, loaded.view, **found.params)
        now = self._clock()
        if loaded.view.step is guide.Step.BIND_TOTE:
            holder = pq.tote_holder(conn, code)
            if holder is not None:
                return refuse(Reason.TOTE_IN_USE, loaded.view, tote=code, run=holder)
            pq.bind_tote(conn, loaded.row.id, found.position, code)
            audit(
                conn,
                self._ctx,
                now,
                "tote_bound",
                found.order,
                {"run": loaded.row.key, "position": found.position, "tote": code},
            )
            return self._after(conn, loaded, PickOutcome.TOTE_BOUND)
        step = guide.prompt(loaded.state)
        assert step.task is not None and step.allocation is not None
        allocation = step.allocation
        row = loaded.allocations[allocation.id]
        pq.add_units(conn, allocation.id, picked=allocation.in_hand, in_hand=-allocation.in_hand)
        records.confirmed(
            conn, self._ctx, loaded, step.task.id, allocation.id, allocation.in_hand, code, now
        )
        audit(
            conn,
            self._ctx,
            now,
            "put_in_tote",
            row.order_number,
            {"run": loaded.row.key, "tote": code, "units": allocation.in_hand},
        )
        return self._after(conn, loaded, PickOutcome.PUT_IN_TOTE)

    def _item(
        self, conn: Connection, loaded: LoadedRun, meaning: Interpretation, hit: q.ProductHit
    ) -> PickResult:
        gs1 = meaning.gs1
        if gs1 is not None and gs1.expiry is not None and gs1.expiry < self._today():
            return refuse(Reason.EXPIRED_ITEM, loaded.view, expiry=gs1.expiry.isoformat())
        if gs1 is not None and gs1.serial is not None and pq.serial_seen(conn, hit.id, gs1.serial):
            return refuse(Reason.DUPLICATE_SERIAL, loaded.view, serial=gs1.serial)
        placed = guide.place_item(loaded.state, hit.id, hit.units)
        if isinstance(placed, guide.Refusal):
            return refuse(placed.reason, loaded.view, sku=hit.sku, name=hit.name, **placed.params)
        now = self._clock()
        step = guide.prompt(loaded.state)
        assert step.task is not None
        for allocation_id, units, substitute in placed.parts:
            row = loaded.allocations[allocation_id]
            if substitute:
                pq.set_substitute(conn, allocation_id, hit.id)
                pq.add_units(conn, allocation_id, substituted=units)
            if gs1 is not None and (gs1.lot or gs1.serial or gs1.expiry):
                pq.add_capture(
                    conn,
                    allocation_id,
                    hit.id,
                    units,
                    gs1.lot,
                    gs1.serial,
                    gs1.expiry.isoformat() if gs1.expiry else None,
                    now,
                )
            detail: dict[str, object] = {
                "run": loaded.row.key,
                "sku": hit.sku,
                "units": units,
                "location": step.task.location,
            }
            if substitute:
                detail["substitute_for"] = loaded.tasks[step.task.id].sku
            audit(conn, self._ctx, now, "item_picked", row.order_number, detail)
            if loaded.state.confirms_totes:
                pq.add_units(conn, allocation_id, in_hand=units)
            else:
                pq.add_units(conn, allocation_id, picked=units)
                tote = loaded.view.totes[0].code if loaded.view.totes else None
                records.confirmed(
                    conn,
                    self._ctx,
                    loaded,
                    step.task.id,
                    allocation_id,
                    units,
                    tote,
                    now,
                    substitute_sku=hit.sku if substitute else None,
                    meaning=meaning,
                )
        return self._after(conn, loaded, PickOutcome.ITEM_PICKED)

    # -- exceptions -----------------------------------------------------------------------

    def short(self, reason: str = "bin_empty") -> PickResult:
        """The rest of the current task is not there: report it short, go on to the next."""
        return self._with_run(lambda conn, loaded: self._short(conn, loaded, reason))

    def skip(self) -> PickResult:
        """Come back to the current task after the others (someone is in the aisle, ...)."""
        return self._with_run(self._skip)

    def damaged(self) -> PickResult:
        """One unit at this location is damaged and was not taken; pick another if there is one."""
        return self._with_run(self._damaged)

    def _with_run(self, action: Callable[[Connection, LoadedRun], PickResult]) -> PickResult:
        with self._sessions.begin() as session:
            conn = session.connection()
            run = pq.active_run(conn, self._ctx.station_code)
            if run is None:
                return refuse(Reason.NO_RUN_OPEN, None)
            return action(conn, load_run(conn, run))

    def _short(self, conn: Connection, loaded: LoadedRun, reason: str) -> PickResult:
        refusal = records.short_task(conn, self._ctx, self._clock(), loaded, reason)
        if refusal is not None:
            return refuse(refusal, loaded.view)
        return self._after(conn, loaded, PickOutcome.SHORTED)

    def _skip(self, conn: Connection, loaded: LoadedRun) -> PickResult:
        refusal = records.skip_task(conn, self._ctx, self._clock(), loaded)
        if refusal is not None:
            return refuse(refusal.reason, loaded.view, **refusal.params)
        return self._after(conn, loaded, PickOutcome.SKIPPED)

    def _damaged(self, conn: Connection, loaded: LoadedRun) -> PickResult:
        refusal = records.damaged_unit(conn, self._ctx, self._clock(), loaded)
        if refusal is not None:
            return refuse(refusal, loaded.view)
        return self._after(conn, loaded, PickOutcome.DAMAGED)

    # -- shared ---------------------------------------------------------------------------

    def _after(self, conn: Connection, loaded: LoadedRun, outcome: str) -> PickResult:
        """Re-read the run; when nothing is left to do, close it."""
        run = pq.run_by_key(conn, loaded.row.key)
        now_loaded = load_run(conn, run)
        if now_loaded.view.step is guide.Step.DONE and run.status == "active":
            now = self._clock()
            pq.set_run(conn, run.id, status="done", finished_at=now, station_code=None)
            view = now_loaded.view
            audit(
                conn,
                self._ctx,
                now,
                "pick_run_done",
                None,
                {"run": run.key, "picked": view.units_picked, "short": view.units_short},
            )
            done = load_run(conn, pq.run_by_key(conn, run.key)).view
            return PickResult(PickOutcome.RUN_DONE, done, params={"last": outcome})
        return PickResult(outcome, now_loaded.view)
