"""The state machine behind Ratliff & Rosenthal's exact picker routing (Oper. Res. 31(3), 1983).

A tour in a single block of parallel aisles (cross aisles at the front and the back) is a
connected multigraph with even degrees. Sweeping the aisles left to right, every partial
tour that can still be completed is summed up by the degree parity of the aisle's front
(``a``) and back (``b``) corners (0, odd, even), whether ``a`` and ``b`` are joined, and
whether the tour is already closed. Only seven such classes are reachable; this module
derives them, and the transitions between them, from those rules instead of copying a table.

Two kinds of steps alternate:

- an aisle step chooses how aisle j's own segments are walked (``AISLE_MOVES``);
- a cross step chooses how often the front and back cross aisle segments between aisle j and
  j+1 are walked (0, 1 or 2 times each), which fixes the final degrees of aisle j's corners.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum

ZERO, ODD, EVEN = 0, 1, 2


@dataclass(frozen=True, slots=True, order=True)
class State:
    a: int  # degree class of the aisle's front corner: ZERO, ODD or EVEN
    b: int  # degree class of the back corner
    joined: bool  # a and b lie in one component (only meaningful when both have edges)
    closed: bool  # a finished tour lies behind; nothing more may be added


EMPTY = State(ZERO, ZERO, joined=False, closed=False)


class AisleMove(IntEnum):
    """How one aisle is walked. The cost of each depends on where its picks are."""

    NONE = 0  # not entered (only when nothing is to be picked in it)
    THROUGH = 1  # walked once end to end
    THROUGH_TWICE = 2  # walked end to end and back
    FROM_BACK = 3  # entered from the back cross aisle down to the frontmost pick, and back
    FROM_FRONT = 4  # entered from the front up to the backmost pick, and back
    GAP = 5  # from both ends, turning back either side of the widest gap between picks


# (front degree added, back degree added, does the aisle join front and back)
_AISLE_EDGES: dict[AisleMove, tuple[int, int, bool]] = {
    AisleMove.NONE: (0, 0, False),
    AisleMove.THROUGH: (1, 1, True),
    AisleMove.THROUGH_TWICE: (2, 2, True),
    AisleMove.FROM_BACK: (0, 2, False),
    AisleMove.FROM_FRONT: (2, 0, False),
    AisleMove.GAP: (2, 2, False),
}

CROSS_MOVES: tuple[tuple[int, int], ...] = tuple(
    (back, front) for back in range(3) for front in range(3)
)


def _add(degree: int, edges: int) -> int:
    """Degree class after adding ``edges`` (0, 1 or 2) edge ends to a corner."""
    if edges == 0:
        return degree
    if degree == ZERO:
        return ODD if edges == 1 else EVEN
    if edges == 2:
        return degree
    return EVEN if degree == ODD else ODD


def after_aisle(state: State, move: AisleMove) -> State | None:
    """The class after walking one aisle ``move``; None if that leaves no completable tour."""
    da, db, link = _AISLE_EDGES[move]
    if state.closed:
        return state if move is AisleMove.NONE else None
    a, b = _add(state.a, da), _add(state.b, db)
    if link and ZERO not in (a, b):
        joined = True
    else:
        joined = state.joined and ZERO not in (state.a, state.b)
    return State(a, b, joined and ZERO not in (a, b), closed=False)


def after_cross(state: State, back: int, front: int) -> State | None:
    """The class at aisle j+1 after walking the cross segments ``back`` and ``front`` times."""
    if state.closed:
        return state if back == front == 0 else None
    if _add(state.a, front) == ODD or _add(state.b, back) == ODD:
        return None  # aisle j's corners are final now and must have even degree
    a = _add(ZERO, front)
    b = _add(ZERO, back)
    has_a, has_b = state.a != ZERO, state.b != ZERO
    if has_a and has_b and state.joined:
        if front == back == 0:
            return State(ZERO, ZERO, joined=False, closed=True)
        return State(a, b, joined=front > 0 and back > 0, closed=False)
    if has_a and has_b:  # two components: each must go on, or they can never meet
        if front == 0 or back == 0:
            return None
        return State(a, b, joined=False, closed=False)
    if has_a or has_b:
        goes_on = front if has_a else back
        starts_new = back if has_a else front
        if goes_on == 0:
            return None if starts_new else State(ZERO, ZERO, joined=False, closed=True)
        return State(a, b, joined=False, closed=False)
    return State(a, b, joined=False, closed=False)


def is_final(state: State) -> bool:
    """A finished tour: one component, every corner even (or closed earlier)."""
    if state.closed:
        return True
    if ODD in (state.a, state.b) or (state.a == ZERO and state.b == ZERO):
        return False
    return ZERO in (state.a, state.b) or state.joined


def _reachable() -> tuple[State, ...]:
    seen = {EMPTY}
    frontier = [EMPTY]
    while frontier:
        state = frontier.pop()
        nexts = [after_aisle(state, m) for m in AisleMove]
        nexts += [after_cross(state, back, front) for back, front in CROSS_MOVES]
        for nxt in nexts:
            if nxt is not None and nxt not in seen:
                seen.add(nxt)
                frontier.append(nxt)
    return tuple(sorted(seen))


STATES: tuple[State, ...] = _reachable()
INDEX: dict[State, int] = {s: i for i, s in enumerate(STATES)}

# Transitions as (from index, move, to index), sorted by target for grouped minima.
AISLE_STEPS: tuple[tuple[int, AisleMove, int], ...] = tuple(
    sorted(
        ((INDEX[s], m, INDEX[t]) for s in STATES for m in AisleMove if (t := after_aisle(s, m))),
        key=lambda step: (step[2], step[0], step[1]),
    )
)
CROSS_STEPS: tuple[tuple[int, tuple[int, int], int], ...] = tuple(
    sorted(
        (
            (INDEX[s], move, INDEX[t])
            for s in STATES
            for move in CROSS_MOVES
            if (t := after_cross(s, *move))
        ),
        key=lambda step: (step[2], step[0], step[1]),
    )
)
FINAL: tuple[int, ...] = tuple(INDEX[s] for s in STATES if is_final(s))
