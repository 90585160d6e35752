"""What the banner says after a picker's action or a scan at the sort wall: what happened,
then what to do next, with its tone and sound.

The use cases return outcomes and plain views; this module only words them. Strings are
literals inside ``translate()`` so ``pyside6-lupdate`` collects them (see docs/architecture.md).
"""

from __future__ import annotations

from app.picking.guide import Step
from app.usecases.pick_planning import NoFloorLayoutError, WaveReport
from app.usecases.pick_receiving import ReceiveResult
from app.usecases.pick_station import PickOutcome, PickResult
from app.usecases.pick_views import PickTaskView, PickView, Place
from ui.messages import Feedback
from ui.pick_refusals import refusal
from ui.qt import translate


def method_name(method: str) -> str:
    """The picking method as the supervisor's screen names it."""
    return {
        "cluster": translate("PickTexts", "Cluster"),
        "single": translate("PickTexts", "Single order"),
        "batch": translate("PickTexts", "Batch"),
        "zone": translate("PickTexts", "Zone"),
        "wave": translate("PickTexts", "Wave"),
    }.get(method, method)


def location_spelled(place: Place | None) -> str:
    """The location as zone, aisle, bay, level and position ("" when not on file: the
    code is then shown as printed on its label, nothing more)."""
    if place is None:
        return ""
    return translate(
        "PickTexts", "Zone {zone} · aisle {aisle} · bay {bay} · level {level} · position {position}"
    ).format(
        zone=place.zone,
        aisle=place.aisle,
        bay=place.bay,
        level=place.level,
        position=place.position,
    )


def share(view: PickView) -> tuple[int, int]:
    """(units taken, units to take) at a pick: the current tote's share on a cart, else the
    whole task (picking in bulk, every order's units are taken together)."""
    task = view.task
    if task is None:
        return 0, 0
    if view.tote is not None:
        mine = [a for a in task.allocations if a.tote == view.tote.position]
        if mine:
            return sum(a.picked + a.in_hand for a in mine), sum(a.quantity for a in mine)
    return task.picked, task.quantity


def in_hand(view: PickView) -> int:
    """Units scanned and waiting to go into the tote the screen asks for."""
    if view.task is None or view.tote is None:
        return 0
    return sum(a.in_hand for a in view.task.allocations if a.tote == view.tote.position)


def orders_in(view: PickView) -> int:
    return len({a.order for task in view.tasks for a in task.allocations})


def step_action(view: PickView | None) -> str:
    """What to do now, in one sentence."""
    if view is None:
        return translate("PickTexts", "Start a run from the list, or release a wave.")
    tote = view.tote
    match view.step:
        case Step.BIND_TOTE if tote is not None:
            return translate(
                "PickTexts", "Scan a tote for cart position {position} (order {order})."
            ).format(position=tote.position, order=tote.order)
        case Step.GO_TO if view.task is not None:
            return translate("PickTexts", "Go to {location} and scan its label.").format(
                location=view.task.location
            )
        case Step.PICK if view.task is not None:
            done, total = share(view)
            if tote is not None and len(view.totes) > 1:
                return translate(
                    "PickTexts", "Take {left} more for tote {position} and scan each one."
                ).format(left=total - done, position=tote.position)
            return translate("PickTexts", "Take {left} more and scan each one.").format(
                left=total - done
            )
        case Step.PUT if tote is not None:
            return translate(
                "PickTexts", "Put {units} into tote {position} and scan the tote."
            ).format(units=in_hand(view), position=tote.position)
    return translate("PickTexts", "Run finished: take the cart to packing.")


def _task(view: PickView | None, seq: int) -> PickTaskView | None:
    return None if view is None else next((t for t in view.tasks if t.seq == seq), None)


def pick_feedback(result: PickResult, before: PickView | None) -> Feedback:
    """Banner and sound for ``result``; ``before`` is the view the picker acted on (the
    product just picked may no longer be the screen's current one)."""
    view = result.view
    outcome = result.outcome
    if outcome == PickOutcome.REFUSED or view is None:
        headline, action = refusal(result.reason, result.params, "pick")
        return Feedback("error", headline, action, "error")
    action = step_action(view)
    acted = before.task if before is not None else None
    after = _task(view, acted.seq) if acted is not None else None
    if outcome == PickOutcome.RUN_STARTED:
        headline = translate("PickTexts", "Run {run} started: {tasks} picks for {orders} orders")
        text = headline.format(run=view.run_key, tasks=len(view.tasks), orders=orders_in(view))
        return Feedback("prompt", text, action, "accept")
    if outcome == PickOutcome.RUN_RESUMED:
        text = translate("PickTexts", "Back on run {run}: {done} of {tasks} picks done").format(
            run=view.run_key, done=view.tasks_done, tasks=len(view.tasks)
        )
        return Feedback("prompt", text, action, "accept")
    if outcome == PickOutcome.TOTE_BOUND:
        position = before.tote.position if before is not None and before.tote else 0
        code = next((t.code for t in view.totes if t.position == position), "") or ""
        text = translate("PickTexts", "✔ Tote {tote} is on cart position {position}").format(
            tote=code, position=position
        )
        return Feedback("ok", text, action, "accept")
    if outcome == PickOutcome.AT_LOCATION and view.task is not None:
        text = translate("PickTexts", "✔ At {location}").format(location=view.task.location)
        return Feedback("ok", text, action, "accept")
    if outcome == PickOutcome.ITEM_PICKED and after is not None:
        text = translate("PickTexts", "✔ {name}  ({picked} of {quantity})").format(
            name=after.name, picked=after.picked, quantity=after.quantity
        )
        return Feedback("ok", text, action, "accept")
    if outcome == PickOutcome.PUT_IN_TOTE and before is not None and before.tote is not None:
        text = translate("PickTexts", "✔ {units} in tote {position}").format(
            units=in_hand(before), position=before.tote.position
        )
        return Feedback("ok", text, action, "accept")
    if outcome == PickOutcome.SHORTED and acted is not None and after is not None:
        text = translate("PickTexts", "Reported short: {name}, {units} missing").format(
            name=acted.name, units=after.short - acted.short
        )
        return Feedback("warn", text, action, "accept")
    if outcome == PickOutcome.SKIPPED and acted is not None:
        text = translate("PickTexts", "Skipped {location}: it comes back at the end").format(
            location=acted.location
        )
        return Feedback("warn", text, action, "accept")
    if outcome == PickOutcome.DAMAGED:
        text = translate("PickTexts", "Damaged unit reported: put it in the damaged bin")
        return Feedback("warn", text, action, "accept")
    if outcome == PickOutcome.RUN_DONE:
        text = translate(
            "PickTexts", "Run {run} done: {picked} units picked, {short} short"
        ).format(run=view.run_key, picked=view.units_picked, short=view.units_short)
        return Feedback(
            "done",
            text,
            translate("PickTexts", "Take the cart to packing, then start the next run."),
            "done",
        )
    if outcome == PickOutcome.RUN_LEFT:
        text = translate("PickTexts", "Run {run} left for later; what you picked is kept").format(
            run=view.run_key
        )
        return Feedback(
            "prompt",
            text,
            translate("PickTexts", "Start another run, or go back to packing."),
            "accept",
        )
    return Feedback("ok", translate("PickTexts", "Done"), action, "accept")


def receive_feedback(result: ReceiveResult) -> Feedback:
    """Banner and sound for a scan at the sort wall or the tote shelf."""
    sort, arrival = result.sort, result.arrival
    if sort is not None:
        slot = sort.slot
        if slot.ready:
            return Feedback(
                "done",
                translate("PickTexts", "Slot {slot}: order {order} is complete").format(
                    slot=slot.position, order=slot.order
                ),
                translate("PickTexts", "Take it to packing."),
                "done",
            )
        return Feedback(
            "ok",
            translate("PickTexts", "✔ Slot {slot}: {name}").format(
                slot=slot.position, name=sort.name
            ),
            translate(
                "PickTexts", "{sorted} of {picked} units in the slot for order {order}"
            ).format(sorted=slot.sorted_units, picked=slot.picked_units, order=slot.order),
            "accept",
        )
    if arrival is not None:
        headline = translate(
            "PickTexts", "Tote {tote} · order {order}: {here} of {total} totes here"
        )
        text = headline.format(
            tote=arrival.tote,
            order=arrival.order,
            here=arrival.totes_here,
            total=arrival.totes_total,
        )
        if arrival.ready:
            return Feedback(
                "done",
                translate("PickTexts", "Order {order} is complete: all {total} totes here").format(
                    order=arrival.order, total=arrival.totes_total
                ),
                translate("PickTexts", "Pack it."),
                "done",
            )
        return Feedback("ok", text, waiting_text(arrival.waiting_zones), "accept")
    headline, action = refusal(result.reason, result.params, "receive")
    return Feedback("error", headline, action, "error")


def waiting_text(zones: tuple[str, ...]) -> str:
    """What an order whose totes are not all here waits for."""
    if zones:
        return translate(
            "PickTexts", "Waiting for zone {zones}. Keep the tote with its order."
        ).format(zones=", ".join(zones))
    return translate("PickTexts", "Its other totes are picked: bring them and scan them.")


def release_feedback(report: WaveReport) -> Feedback:
    """Banner and sound once a wave release answered."""
    if report.runs:
        return Feedback(
            "ok",
            translate("PickTexts", "Wave {plan} released: {runs} runs").format(
                plan=report.plan, runs=len(report.runs)
            ),
            translate("PickTexts", "Press Start next, or Start on a run."),
            "accept",
        )
    return Feedback(
        "warn",
        translate("PickTexts", "No open order could be released"),
        translate("PickTexts", "Every open order is in a run already, or none is waiting."),
        "error",
    )


def release_failure(exc: BaseException) -> Feedback:
    """Banner and sound when a wave release failed: no floor yet, or the store."""
    if isinstance(exc, NoFloorLayoutError):
        return Feedback(
            "error",
            translate("PickTexts", "No floor layout yet: picks cannot be planned"),
            translate("PickTexts", "Sync with the office, then release the wave again."),
            "error",
        )
    return Feedback(
        "error",
        translate("PickTexts", "The wave could not be released ({error})").format(
            error=type(exc).__name__
        ),
        translate("PickTexts", "Try again. If this repeats, call a supervisor."),
        "error",
    )
