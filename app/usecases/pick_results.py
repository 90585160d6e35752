"""What a picker's action led to: the outcome, the run's view, and why it was refused."""

from __future__ import annotations

from dataclasses import dataclass, field

from app.domain.reasons import Reason
from app.picking.layout import Layout, Spot
from app.usecases.pick_views import PickView


class PickOutcome:
    """What an accepted picker action did (plain strings: the UI maps them to sounds)."""

    RUN_STARTED = "run_started"
    RUN_RESUMED = "run_resumed"
    TOTE_BOUND = "tote_bound"
    AT_LOCATION = "at_location"
    ITEM_PICKED = "item_picked"
    PUT_IN_TOTE = "put_in_tote"
    SHORTED = "shorted"
    SKIPPED = "skipped"
    DAMAGED = "damaged"
    RUN_DONE = "run_done"
    RUN_LEFT = "run_left"
    REFUSED = "refused"


@dataclass(frozen=True, slots=True)
class PickResult:
    outcome: str
    view: PickView | None
    reason: Reason | None = None
    params: dict[str, str | int] = field(default_factory=dict)

    @property
    def accepted(self) -> bool:
        return self.outcome != PickOutcome.REFUSED


def refuse(reason: Reason, view: PickView | None, **params: str | int) -> PickResult:
    return PickResult(PickOutcome.REFUSED, view, reason, params)


@dataclass(frozen=True, slots=True)
class RunSummary:
    key: str
    method: str
    zone: str | None
    wave: int
    urgent: bool
    orders: int
    tasks: int
    length_m: float


@dataclass(frozen=True, slots=True)
class Stop:
    location: str
    spot: Spot
    finished: bool
    current: bool


@dataclass(frozen=True, slots=True)
class RouteMap:
    """The floor, and a run's stops in walking order (the walk starts and ends at the depot)."""

    layout: Layout
    stops: tuple[Stop, ...]
