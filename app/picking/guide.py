"""Guided picking, pure: what the picker must do next, and whether a scan does it.

A run is walked task by task (location and product), in the planned order; tasks the
picker skipped come back after the others. At each task the picker scans the location
(unless the previous task was at the same one), then the items; on a cart with several
totes each order's items are put into its tote and the tote is scanned to confirm. Before
the walk every tote on the cart is scanned once to tie it to its position.

Units scanned but not yet in a tote are "in hand"; a unit counts as picked only once it
is in its tote (or, picking in bulk, once scanned). Short units are those the picker
reported missing; a task is finished when nothing is left to pick, put or report.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from app.domain.reasons import Reason


class Step(StrEnum):
    BIND_TOTE = "bind_tote"  # scan the tote for cart position n
    GO_TO = "go_to"  # walk to the location and scan it
    PICK = "pick"  # scan the items
    PUT = "put"  # put the items in hand into tote n and scan it
    DONE = "done"


@dataclass(frozen=True, slots=True)
class Allocation:
    id: int
    order: str
    line_no: int
    quantity: int
    picked: int = 0
    in_hand: int = 0
    short: int = 0
    tote: int | None = None  # cart position; None when picked in bulk
    substitutes: frozenset[int] = frozenset()  # product ids the order accepts instead

    @property
    def remaining(self) -> int:
        return self.quantity - self.picked - self.in_hand - self.short


@dataclass(frozen=True, slots=True)
class Task:
    id: int
    seq: int
    location: str
    product_id: int
    allocations: tuple[Allocation, ...]
    skipped: bool = False

    @property
    def finished(self) -> bool:
        return all(a.remaining == 0 and a.in_hand == 0 for a in self.allocations)

    @property
    def quantity(self) -> int:
        return sum(a.quantity for a in self.allocations)

    @property
    def picked(self) -> int:
        return sum(a.picked + a.in_hand for a in self.allocations)


@dataclass(frozen=True, slots=True)
class ToteSlot:
    position: int
    order: str
    code: str | None  # the tote's barcode value once scanned


@dataclass(frozen=True, slots=True)
class RunState:
    tasks: tuple[Task, ...]
    totes: tuple[ToteSlot, ...] = ()
    at_location: str | None = None  # the last location the picker confirmed

    @property
    def confirms_totes(self) -> bool:
        """Items are put into totes and confirmed (a cart of more than one tote)."""
        return len(self.totes) > 1


@dataclass(frozen=True, slots=True)
class Prompt:
    step: Step
    task: Task | None = None
    allocation: Allocation | None = None
    tote: ToteSlot | None = None


def current_task(run: RunState) -> Task | None:
    """The first unfinished task in walking order; skipped ones once the rest are done."""
    open_tasks = [t for t in run.tasks if not t.finished]
    for task in open_tasks:
        if not task.skipped:
            return task
    return open_tasks[0] if open_tasks else None


def prompt(run: RunState) -> Prompt:
    unbound = next((t for t in run.totes if t.code is None), None)
    if unbound is not None:
        return Prompt(Step.BIND_TOTE, tote=unbound)
    task = current_task(run)
    if task is None:
        return Prompt(Step.DONE)
    holding = next((a for a in task.allocations if a.in_hand and a.remaining == 0), None)
    if holding is not None:  # all of this order's units are in hand: into its tote
        return Prompt(Step.PUT, task, holding, _slot(run, holding.tote))
    allocation = next((a for a in task.allocations if a.remaining), None)
    tote = _slot(run, allocation.tote if allocation else None)
    if run.at_location != task.location:
        return Prompt(Step.GO_TO, task, allocation, tote)
    return Prompt(Step.PICK, task, allocation, tote)


def _slot(run: RunState, position: int | None) -> ToteSlot | None:
    return next((t for t in run.totes if t.position == position), None)


@dataclass(frozen=True, slots=True)
class Refusal:
    reason: Reason
    params: dict[str, str | int] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Placed:
    """Units of a scan, per allocation: (allocation id, units, is a substitute)."""

    parts: tuple[tuple[int, int, bool], ...]


def _not_walking(step: Prompt) -> Refusal | None:
    """Why a location or item scan cannot be taken now: totes to bind, items to put away,
    or nothing left to pick."""
    if step.step is Step.BIND_TOTE:
        return Refusal(
            Reason.SCAN_TOTES_FIRST, {"position": step.tote.position if step.tote else 0}
        )
    if step.task is None:
        return Refusal(Reason.RUN_FINISHED)
    if step.step is Step.PUT and step.tote is not None:
        return Refusal(Reason.PUT_IN_TOTE_FIRST, {"position": step.tote.position})
    return None


def check_location(run: RunState, code: str) -> Refusal | None:
    step = prompt(run)
    refusal = _not_walking(step)
    if refusal is not None or step.task is None:
        return refusal
    if code != step.task.location:
        return Refusal(Reason.WRONG_LOCATION, {"expected": step.task.location, "scanned": code})
    return None


def place_item(run: RunState, product_id: int, units: int) -> Placed | Refusal:
    """Where scanned units of ``product_id`` go in the current task, or why they cannot."""
    step = prompt(run)
    refusal = _not_walking(step)
    if refusal is not None or step.task is None:
        return refusal or Refusal(Reason.RUN_FINISHED)
    if step.step is Step.GO_TO:
        return Refusal(Reason.SCAN_LOCATION_FIRST, {"location": step.task.location})
    task = step.task
    open_allocations = [a for a in task.allocations if a.remaining]
    if product_id == task.product_id:
        mine = open_allocations
        substitute = False
    else:
        mine = [a for a in open_allocations if product_id in a.substitutes]
        substitute = True
        if not mine:
            return Refusal(Reason.WRONG_ITEM)
    left = sum(a.remaining for a in mine)
    if left == 0:
        return Refusal(Reason.OVER_PICK, {"quantity": task.quantity})
    if run.confirms_totes:
        mine = mine[:1]  # one tote at a time: the units must fit the current order's line
        left = mine[0].remaining
    if units > left:
        return Refusal(Reason.CASE_EXCEEDS_REMAINING, {"units": units, "remaining": left})
    parts = []
    for allocation in mine:
        take = min(units, allocation.remaining)
        if take:
            parts.append((allocation.id, take, substitute))
            units -= take
    return Placed(tuple(parts))


def check_tote(run: RunState, code: str) -> ToteSlot | Refusal:
    """The slot a tote scan binds (before the walk) or confirms (a put); else why not."""
    step = prompt(run)
    if step.step is Step.BIND_TOTE and step.tote is not None:
        if any(t.code == code for t in run.totes):
            return Refusal(Reason.TOTE_ALREADY_ON_CART, {"tote": code})
        return step.tote
    if step.step is Step.PUT and step.tote is not None and step.allocation is not None:
        order = step.allocation.order
        for slot in run.totes:  # a big order has several totes: any of its own will do
            if slot.code == code and slot.order == order:
                return slot
        return Refusal(
            Reason.WRONG_TOTE, {"position": step.tote.position, "tote": step.tote.code or ""}
        )
    return Refusal(Reason.NO_TOTE_EXPECTED)
