"""Read models of an order's boxes for the packing screen: plain values for the GUI thread.

``PlanView`` is the suggestion (which box, which units, and how they sit in it, layer by
layer); ``PackageView`` is a box as packed so far; ``WeighView`` the check-weighing of the
open box; ``NextStep`` what the station waits for, so the screen can say it.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class NextStep(StrEnum):
    ITEMS = "items"  # scan the next item
    BOX = "box"  # every unit is in: scan the box used (or CMD:BOX-OK for the suggestion)
    BOX_REASON = "box_reason"  # another box than suggested: scan or tap a reason
    WEIGHT = "weight"  # put the box on the scale
    RECOUNT = "recount"  # the weight is out of tolerance: recount, or a supervisor accepts
    SUPERVISOR = "supervisor"  # a supervisor must scan their badge (short-ship, weight)
    REASON = "reason"  # the supervisor scans or taps a reason
    DAMAGED_ITEM = "damaged_item"  # scan the damaged unit
    REMOVE_ITEM = "remove_item"  # scan the unit to take out of the open box


@dataclass(frozen=True, slots=True)
class PlacedUnit:
    """One unit in the picture: its footprint in a layer, mm from the box's corner."""

    sku: str
    x: int
    y: int
    length: int  # along the box's length (x)
    width: int  # along the box's width (y)
    height: int
    fragile: bool = False


@dataclass(frozen=True, slots=True)
class LayerView:
    z_from: int  # mm above the box floor
    z_to: int
    units: tuple[PlacedUnit, ...]


@dataclass(frozen=True, slots=True)
class PlanView:
    """The suggested box for the open package (and how many boxes the rest needs)."""

    box_code: str
    box_name: str
    inner_mm: tuple[int, int, int]  # length, width, height
    units: tuple[tuple[str, str, int], ...]  # (sku, name, quantity) planned in this box
    layers: tuple[LayerView, ...]
    boxes_total: int  # boxes the whole order needs by the plan (this one included)
    utilisation: float  # item volume / inner volume, 0..1
    later: tuple[tuple[str, int], ...] = ()  # (box code, units) of the boxes after this one


class PlanProblemKind(StrEnum):
    TOO_LARGE = "too_large"  # an item is too large or too heavy for every box type
    UNSIZED = "unsized"  # the catalogue has no size or weight for an item
    NO_BOX_TYPES = "no_box_types"  # the station has no box types at all
    NOTHING_TO_PACK = "nothing_to_pack"  # every unit left is already in a closed box
    OTHER = "other"  # stored by another version: only its English text is known


@dataclass(frozen=True, slots=True)
class PlanProblem:
    """Why there is no suggestion: a kind the screen words in its language, the items it
    concerns (SKU, with size and weight when too large) and the English text for logs."""

    kind: PlanProblemKind
    items: tuple[str, ...]
    text: str


@dataclass(frozen=True, slots=True)
class PackageView:
    number: int
    status: str  # "open" | "closed"
    box_code: str | None  # the box used (None: not chosen yet)
    suggested_box: str | None
    contents: tuple[tuple[str, str, int], ...]  # (sku, name, quantity)
    expected_weight_g: int | None
    weight_g: int | None
    sscc: str | None
    tracking_number: str | None


@dataclass(frozen=True, slots=True)
class WeighView:
    expected_g: int
    low_g: int  # the accepted range
    high_g: int
    measured_g: int | None  # the last settled weight checked (None: not weighed yet)

    @property
    def in_tolerance(self) -> bool:
        return self.measured_g is not None and self.low_g <= self.measured_g <= self.high_g


@dataclass(frozen=True, slots=True)
class ReasonChoice:
    """A reason the operator may scan (``RSN:<code>``) or tap."""

    code: str
    text: str  # English; the UI translates it by its code
