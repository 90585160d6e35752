"""Picks arriving at the packing station: bulk picks sorted to orders, zone totes brought together.

- **Sorting** (batch and wave picking): each item scanned is given the put-wall slot of the
  order that waits longest for it (earliest released run, lowest slot); when an order's slot
  holds every unit picked for it, and all its runs are finished, it is ready to pack.
- **Consolidation** (zone picking, and any order picked into totes): each tote scanned in is
  marked arrived; the order is ready to pack once all its totes from all zones are here and
  their runs are finished. The screen says which zones it still waits for.

Every accepted scan is one transaction with its audit row, like any other scan.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, select, update
from sqlalchemy.orm import Session, sessionmaker

from app.clock import Clock, utc_now
from app.context import StationContext
from app.domain.reasons import Reason
from app.scanning import RawScan, ScanKind, interpret
from app.store import packing_queries as q
from app.store import pick_queries as pq
from app.store.journal import audit
from app.tote_codes import CodeKind
from app.usecases.product_lookup import find_product

a, t, r, s = pq.allocations, pq.tasks, pq.runs, pq.slots


@dataclass(frozen=True, slots=True)
class SlotView:
    position: int
    order: str
    sorted_units: int
    picked_units: int
    ready: bool


@dataclass(frozen=True, slots=True)
class SortView:
    group: str
    sku: str
    name: str
    units: int
    slot: SlotView


@dataclass(frozen=True, slots=True)
class ArrivalView:
    order: str
    tote: str
    zone: str | None
    totes_here: int
    totes_total: int
    waiting_zones: tuple[str, ...]  # zones whose runs are not finished yet
    ready: bool


@dataclass(frozen=True, slots=True)
class ReceiveResult:
    outcome: str  # "sorted" | "arrived" | "refused"
    sort: SortView | None = None
    arrival: ArrivalView | None = None
    reason: Reason | None = None
    params: dict[str, str | int] = field(default_factory=dict)

    @property
    def accepted(self) -> bool:
        return self.outcome != "refused"


def _refuse(reason: Reason, **params: str | int) -> ReceiveResult:
    return ReceiveResult("refused", reason=reason, params=params)


class Receiving:
    def __init__(
        self, sessions: sessionmaker[Session], ctx: StationContext, clock: Clock = utc_now
    ) -> None:
        self._sessions = sessions
        self._ctx = ctx
        self._clock = clock

    def scan(self, raw: RawScan) -> ReceiveResult:
        meaning = interpret(raw)
        with self._sessions.begin() as session:
            conn = session.connection()
            if meaning.kind is ScanKind.EMPTY:
                return _refuse(Reason.EMPTY_SCAN)
            if meaning.code is not None:
                if meaning.code.kind is CodeKind.TOTE:
                    return self._arrived(conn, meaning.code.value)
                return _refuse(
                    Reason.CODE_NOT_USED_HERE,
                    kind=meaning.code.kind.value,
                    code=meaning.code.value,
                )
            hit = find_product(conn, meaning)
            if hit is None:
                return _refuse(Reason.UNKNOWN_BARCODE, code=meaning.shown)
            return self._sort(conn, hit)

    # -- sorting ----------------------------------------------------------------------------

    def _sort(self, conn: Connection, hit: q.ProductHit) -> ReceiveResult:
        waiting = (
            select(
                a.c.id,
                a.c.picked,
                a.c.sorted_units,
                r.c.sort_group,
                s.c.position,
                pq.orders.c.number.label("order_number"),
            )
            .join(t, a.c.task_id == t.c.id)
            .join(r, t.c.run_id == r.c.id)
            .join(pq.lines, a.c.order_line_id == pq.lines.c.id)
            .join(pq.orders, pq.lines.c.order_id == pq.orders.c.id)
            .join(s, (s.c.sort_group == r.c.sort_group) & (s.c.order_number == pq.orders.c.number))
            .where(
                r.c.sort_group.is_not(None),
                r.c.status.in_(("active", "done")),
                a.c.picked > a.c.sorted_units,
                # its own product or the substitute taken for it (a line can have both)
                (t.c.product_id == hit.id) | (a.c.substitute_product_id == hit.id),
            )
            .order_by(r.c.release_seq, s.c.position, a.c.id)
        )
        row = conn.execute(waiting.limit(1)).first()
        if row is None:
            return _refuse(Reason.NOTHING_TO_SORT, sku=hit.sku, name=hit.name)
        left = row.picked - row.sorted_units
        if hit.units > left:
            return _refuse(Reason.CASE_EXCEEDS_REMAINING, units=hit.units, remaining=left)
        pq.add_units(conn, row.id, sorted_units=hit.units)
        now = self._clock()
        audit(
            conn,
            self._ctx,
            now,
            "item_sorted",
            row.order_number,
            {"group": row.sort_group, "slot": row.position, "sku": hit.sku, "units": hit.units},
        )
        slot = _slot_view(conn, row.sort_group, row.position, row.order_number)
        if slot.ready:
            conn.execute(
                update(s)
                .where(s.c.sort_group == row.sort_group, s.c.position == row.position)
                .values(done_at=now)
            )
            audit(
                conn,
                self._ctx,
                now,
                "order_sorted",
                row.order_number,
                {"group": row.sort_group, "slot": row.position},
            )
        view = SortView(row.sort_group, hit.sku, hit.name, hit.units, slot)
        return ReceiveResult("sorted", sort=view)

    # -- consolidation ----------------------------------------------------------------------

    def _arrived(self, conn: Connection, code: str) -> ReceiveResult:
        totes = pq.totes
        query = (
            select(
                totes.c.id,
                totes.c.order_number,
                totes.c.arrived_at,
                r.c.key,
                r.c.status,
                r.c.zone,
                r.c.plan,
            )
            .join(r, totes.c.run_id == r.c.id)
            .where(totes.c.tote_code == code, r.c.status.in_(("active", "done")))
            .order_by(r.c.id.desc())
        )
        row = conn.execute(query.limit(1)).first()
        if row is None:
            return _refuse(Reason.UNKNOWN_TOTE, tote=code)
        if row.status == "active":
            return _refuse(Reason.TOTE_STILL_PICKING, tote=code, run=row.key)
        now = self._clock()
        if row.arrived_at is None:
            conn.execute(update(totes).where(totes.c.id == row.id).values(arrived_at=now))
            audit(
                conn,
                self._ctx,
                now,
                "tote_arrived",
                row.order_number,
                {"tote": code, "run": row.key},
            )
        view = _arrival(conn, row, code)
        if view.ready:
            audit(
                conn,
                self._ctx,
                now,
                "order_consolidated",
                row.order_number,
                {"totes": view.totes_total},
            )
        return ReceiveResult("arrived", arrival=view)


def _slot_view(conn: Connection, group: str, position: int, order: str) -> SlotView:
    """Units picked and sorted for ``order`` in ``group``; ready when all its runs are
    finished and every picked unit is in the slot."""
    query = (
        select(a.c.picked, a.c.sorted_units, a.c.quantity, a.c.short, r.c.status)
        .join(t, a.c.task_id == t.c.id)
        .join(r, t.c.run_id == r.c.id)
        .join(pq.lines, a.c.order_line_id == pq.lines.c.id)
        .join(pq.orders, pq.lines.c.order_id == pq.orders.c.id)
        .where(r.c.sort_group == group, pq.orders.c.number == order)
    )
    rows = list(conn.execute(query))
    picked = sum(x.picked for x in rows)
    sorted_units = sum(x.sorted_units for x in rows)
    finished = all(x.status == "done" for x in rows)
    return SlotView(position, order, sorted_units, picked, finished and sorted_units == picked)


def _arrival(conn: Connection, row: Any, code: str) -> ArrivalView:
    totes = pq.totes
    query = (
        select(totes.c.arrived_at, r.c.status, r.c.zone)
        .join(r, totes.c.run_id == r.c.id)
        .where(totes.c.order_number == row.order_number, r.c.plan == row.plan)
    )
    parts = list(conn.execute(query))
    here = sum(p.arrived_at is not None for p in parts)
    waiting = tuple(sorted({p.zone or "" for p in parts if p.status != "done"}))
    ready = here == len(parts) and not waiting
    return ArrivalView(row.order_number, code, row.zone, here, len(parts), waiting, ready)
