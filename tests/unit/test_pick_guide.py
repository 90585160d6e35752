"""The guide's rules, pure: what comes next, and which scans do it."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.reasons import Reason
from app.picking.guide import (
    Allocation,
    Placed,
    Refusal,
    RunState,
    Step,
    Task,
    ToteSlot,
    check_location,
    check_tote,
    place_item,
    prompt,
)


def task(id_: int, location: str, product: int, *allocations: Allocation) -> Task:
    return Task(id_, id_, location, product, allocations)


def cart_run() -> RunState:
    """Two orders on a cart of two totes; the first task serves both."""
    return RunState(
        tasks=(
            task(
                1,
                "A-1",
                10,
                Allocation(1, "SO-1", 1, 2, tote=1),
                Allocation(2, "SO-2", 1, 1, tote=2),
            ),
            task(2, "A-2", 20, Allocation(3, "SO-2", 2, 1, tote=2)),
        ),
        totes=(ToteSlot(1, "SO-1", None), ToteSlot(2, "SO-2", None)),
    )


def bind(run: RunState) -> RunState:
    return replace(run, totes=tuple(replace(t, code=f"T{t.position}") for t in run.totes))


def test_totes_are_bound_first_in_cart_order() -> None:
    """Nothing else is taken before every tote has been scanned into its position."""
    run = cart_run()
    assert prompt(run).step is Step.BIND_TOTE and prompt(run).tote == run.totes[0]
    assert check_location(run, "A-1") == Refusal(Reason.SCAN_TOTES_FIRST, {"position": 1})
    assert check_tote(run, "T1") == run.totes[0]
    half = replace(run, totes=(replace(run.totes[0], code="T1"), run.totes[1]))
    assert check_tote(half, "T1") == Refusal(Reason.TOTE_ALREADY_ON_CART, {"tote": "T1"})


def test_the_location_comes_before_the_item() -> None:
    """An item scan before the location is refused naming it; a wrong location names both."""
    run = bind(cart_run())
    assert prompt(run).step is Step.GO_TO
    assert place_item(run, 10, 1) == Refusal(Reason.SCAN_LOCATION_FIRST, {"location": "A-1"})
    assert check_location(run, "B-9") == Refusal(
        Reason.WRONG_LOCATION, {"expected": "A-1", "scanned": "B-9"}
    )
    assert check_location(run, "A-1") is None


def test_an_orders_units_go_into_its_own_tote() -> None:
    """On a cart, once an order's units are in hand the picker puts them in its tote."""
    run = replace(bind(cart_run()), at_location="A-1")
    assert place_item(run, 10, 1) == Placed(((1, 1, False),))
    two_in_hand = replace(
        run,
        tasks=(
            replace(
                run.tasks[0],
                allocations=(
                    replace(run.tasks[0].allocations[0], in_hand=2),
                    run.tasks[0].allocations[1],
                ),
            ),
            run.tasks[1],
        ),
    )
    step = prompt(two_in_hand)
    assert step.step is Step.PUT and step.tote is not None and step.tote.position == 1
    assert check_tote(two_in_hand, "T2") == Refusal(
        Reason.WRONG_TOTE, {"position": 1, "tote": "T1"}
    )
    assert check_tote(two_in_hand, "T1") == two_in_hand.totes[0]
    assert place_item(two_in_hand, 10, 1) == Refusal(Reason.PUT_IN_TOTE_FIRST, {"position": 1})


def test_a_case_larger_than_what_is_left_is_refused() -> None:
    """A case of 6 when 2 are left for the order in hand: refused, nothing placed."""
    run = replace(bind(cart_run()), at_location="A-1")
    assert place_item(run, 10, 6) == Refusal(
        Reason.CASE_EXCEEDS_REMAINING, {"units": 6, "remaining": 2}
    )


def test_bulk_picks_share_one_scan_over_several_orders() -> None:
    """Without totes to confirm, a case fills the task's allocations in order."""
    run = RunState(
        tasks=(task(1, "A-1", 10, Allocation(1, "SO-1", 1, 2), Allocation(2, "SO-2", 1, 3)),),
        at_location="A-1",
    )
    assert place_item(run, 10, 4) == Placed(((1, 2, False), (2, 2, False)))


def test_a_substitute_only_where_the_line_allows_it() -> None:
    """Another product is a wrong item unless the order line lists it as a substitute."""
    run = RunState(
        tasks=(task(1, "A-1", 10, Allocation(1, "SO-1", 1, 1, substitutes=frozenset({11}))),),
        at_location="A-1",
    )
    assert place_item(run, 11, 1) == Placed(((1, 1, True),))
    assert place_item(run, 12, 1) == Refusal(Reason.WRONG_ITEM)


def test_skipped_tasks_come_back_after_the_others() -> None:
    """A skipped task is offered only when every other task is finished."""
    run = bind(cart_run())
    skipped = replace(run, tasks=(replace(run.tasks[0], skipped=True), run.tasks[1]))
    first = prompt(skipped)
    assert first.task is not None and first.task.id == 2
    done_second = replace(
        skipped,
        tasks=(
            skipped.tasks[0],
            replace(
                skipped.tasks[1], allocations=(replace(skipped.tasks[1].allocations[0], picked=1),)
            ),
        ),
    )
    again = prompt(done_second)
    assert again.task is not None and again.task.id == 1


@st.composite
def runs(draw: st.DrawFn) -> RunState:
    tasks = []
    next_id = 1
    for t in range(draw(st.integers(1, 6))):
        allocations = []
        for _ in range(draw(st.integers(1, 3))):
            allocations.append(
                Allocation(next_id, f"SO-{draw(st.integers(1, 3))}", 1, draw(st.integers(1, 4)))
            )
            next_id += 1
        tasks.append(task(t + 1, f"L-{draw(st.integers(1, 4))}", 10 + t, *allocations))
    orders = sorted({a.order for t in tasks for a in t.allocations})
    cart = draw(st.booleans())
    slots = tuple(ToteSlot(i + 1, o, None) for i, o in enumerate(orders)) if cart else ()
    where = {o: i + 1 for i, o in enumerate(orders)}
    if cart:
        tasks = [
            replace(t, allocations=tuple(replace(a, tote=where[a.order]) for a in t.allocations))
            for t in tasks
        ]
    return RunState(tuple(tasks), slots)


@settings(max_examples=150, deadline=None)
@given(runs(), st.data())
def test_following_the_prompts_always_finishes_without_over_picking(
    run: RunState, data: st.DataObject
) -> None:
    """Doing what the guide asks (with random skips) ends in DONE, every unit picked once."""
    for _ in range(500):
        step = prompt(run)
        if step.step is Step.DONE:
            break
        if step.step is Step.BIND_TOTE:
            assert step.tote is not None
            slot = check_tote(run, f"T{step.tote.position}")
            assert not isinstance(slot, Refusal)
            run = replace(
                run,
                totes=tuple(
                    replace(t, code=f"T{t.position}") if t.position == slot.position else t
                    for t in run.totes
                ),
            )
        elif step.step is Step.GO_TO:
            assert step.task is not None and check_location(run, step.task.location) is None
            if data.draw(st.booleans()) and not step.task.skipped:
                run = _edit_task(run, step.task.id, skipped=True)
            else:
                run = replace(run, at_location=step.task.location)
        elif step.step is Step.PICK:
            assert step.task is not None
            placed = place_item(run, step.task.product_id, 1)
            assert isinstance(placed, Placed)
            for allocation_id, units, _ in placed.parts:
                run = _add(
                    run, allocation_id, units, into_hand=bool(run.totes) and len(run.totes) > 1
                )
        elif step.step is Step.PUT:
            assert step.allocation is not None and step.tote is not None
            assert check_tote(run, step.tote.code or "") == step.tote
            run = _put(run, step.allocation.id)
    else:
        raise AssertionError("the guide never finished")
    for t in run.tasks:
        for a in t.allocations:
            assert a.picked == a.quantity and a.in_hand == 0


def _edit_task(run: RunState, task_id: int, **changes: object) -> RunState:
    return replace(
        run, tasks=tuple(replace(t, **changes) if t.id == task_id else t for t in run.tasks)
    )  # type: ignore[arg-type]


def _map_allocation(run: RunState, allocation_id: int, change: object) -> RunState:
    tasks = tuple(
        replace(
            t, allocations=tuple(change(a) if a.id == allocation_id else a for a in t.allocations)
        )  # type: ignore[operator]
        for t in run.tasks
    )
    return replace(run, tasks=tasks)


def _add(run: RunState, allocation_id: int, units: int, *, into_hand: bool) -> RunState:
    if into_hand:
        return _map_allocation(run, allocation_id, lambda a: replace(a, in_hand=a.in_hand + units))
    return _map_allocation(run, allocation_id, lambda a: replace(a, picked=a.picked + units))


def _put(run: RunState, allocation_id: int) -> RunState:
    return _map_allocation(
        run, allocation_id, lambda a: replace(a, picked=a.picked + a.in_hand, in_hand=0)
    )
