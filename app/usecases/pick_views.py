"""The picker's screen as plain values, and the guide's state, read from one run's rows."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection

from app.picking import guide
from app.store import pick_queries as pq


@dataclass(frozen=True, slots=True)
class PickAllocationView:
    order: str
    line_no: int
    quantity: int
    picked: int
    in_hand: int
    short: int
    tote: int | None


@dataclass(frozen=True, slots=True)
class Place:
    """Where a location is, as its label spells it out."""

    zone: str
    aisle: int
    bay: int
    level: int
    position: int


@dataclass(frozen=True, slots=True)
class PickTaskView:
    seq: int
    location: str
    sku: str
    name: str
    image_path: str | None
    skipped: bool
    allocations: tuple[PickAllocationView, ...]
    place: Place | None = None

    @property
    def quantity(self) -> int:
        return sum(a.quantity for a in self.allocations)

    @property
    def picked(self) -> int:
        return sum(a.picked + a.in_hand for a in self.allocations)

    @property
    def short(self) -> int:
        return sum(a.short for a in self.allocations)

    @property
    def finished(self) -> bool:
        return self.picked + self.short >= self.quantity and not any(
            a.in_hand for a in self.allocations
        )


@dataclass(frozen=True, slots=True)
class ToteView:
    position: int
    order: str
    code: str | None


@dataclass(frozen=True, slots=True)
class PickView:
    run_key: str
    method: str
    zone: str | None
    wave: int
    urgent: bool
    status: str
    step: guide.Step
    task: PickTaskView | None  # the task the step is about
    order: str | None  # the order the next units are for
    tote: ToteView | None  # the tote to scan (bind or put)
    tasks: tuple[PickTaskView, ...]
    totes: tuple[ToteView, ...]
    length_m: float

    @property
    def tasks_done(self) -> int:
        return sum(t.finished for t in self.tasks)

    @property
    def units_total(self) -> int:
        return sum(t.quantity for t in self.tasks)

    @property
    def units_picked(self) -> int:
        return sum(t.picked for t in self.tasks)

    @property
    def units_short(self) -> int:
        return sum(t.short for t in self.tasks)

    @property
    def next_location(self) -> str | None:
        """Where the walk goes after the current task (for the "then" hint)."""
        if self.task is None:
            return None
        later = [t for t in self.tasks if not t.finished and t.seq > self.task.seq]
        later = [t for t in later if t.location != self.task.location]
        return later[0].location if later else None


@dataclass(frozen=True, slots=True)
class LoadedRun:
    """One read of a run: its row, the guide's state and the view of both."""

    row: Any
    state: guide.RunState
    view: PickView
    tasks: dict[int, Any]  # task id -> row (sku, name, location, ...)
    allocations: dict[int, Any]  # allocation id -> row (order number, line no, ...)


STOPPED = ("cancelled", "held")  # the office stopped these orders: nothing more is picked


def _still_wanted(a: Any) -> int:
    """Units of an allocation still to be picked for: all of them, unless the office
    cancelled or held the order mid-walk (then only what is already taken counts)."""
    if a.order_status in STOPPED:
        return int(a.picked + a.in_hand + a.short)
    return int(a.quantity)


def load_run(conn: Connection, run: Any) -> LoadedRun:
    task_rows = pq.run_tasks(conn, run.id)
    allocation_rows = pq.run_allocations(conn, run.id)
    subs = pq.line_substitutes(conn, {a.order_line_id for a in allocation_rows})
    tote_rows = pq.run_totes(conn, run.id)
    by_task: dict[int, list[Any]] = defaultdict(list)
    for a in allocation_rows:
        by_task[a.task_id].append(a)
    state_tasks = []
    views = []
    for t in task_rows:
        mine = by_task[t.id]
        state_tasks.append(
            guide.Task(
                id=t.id,
                seq=t.seq,
                location=t.location_code,
                product_id=t.product_id,
                allocations=tuple(
                    guide.Allocation(
                        a.id,
                        a.order_number,
                        a.line_no,
                        _still_wanted(a),
                        a.picked,
                        a.in_hand,
                        a.short,
                        a.tote_position,
                        frozenset(subs.get(a.order_line_id, ())),
                    )
                    for a in mine
                ),
                skipped=t.skipped,
            )
        )
        views.append(
            PickTaskView(
                t.seq,
                t.location_code,
                t.sku,
                t.name,
                t.image_path,
                t.skipped,
                tuple(
                    PickAllocationView(
                        a.order_number,
                        a.line_no,
                        _still_wanted(a),
                        a.picked,
                        a.in_hand,
                        a.short,
                        a.tote_position,
                    )
                    for a in mine
                ),
                None if t.zone is None else Place(t.zone, t.aisle, t.bay, t.level, t.position),
            )
        )
    slots = tuple(guide.ToteSlot(r.position, r.order_number, r.tote_code) for r in tote_rows)
    state = guide.RunState(tuple(state_tasks), slots, run.at_location)
    step = guide.prompt(state)
    task_view = None
    if step.task is not None:
        task_view = next(v for v in views if v.seq == step.task.seq)
    tote_view = (
        None if step.tote is None else ToteView(step.tote.position, step.tote.order, step.tote.code)
    )
    order = step.allocation.order if step.allocation else (step.tote.order if step.tote else None)
    view = PickView(
        run_key=run.key,
        method=run.method,
        zone=run.zone,
        wave=run.wave,
        urgent=bool(run.urgent),
        status=run.status,
        step=step.step,
        task=task_view,
        order=order,
        tote=tote_view,
        tasks=tuple(views),
        totes=tuple(ToteView(r.position, r.order_number, r.tote_code) for r in tote_rows),
        length_m=float(run.length_m),
    )
    return LoadedRun(
        run, state, view, {t.id: t for t in task_rows}, {a.id: a for a in allocation_rows}
    )
