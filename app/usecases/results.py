"""What a scan led to: the outcome, the order's view, and the reason for a refusal."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from app.domain.reasons import Reason
from app.usecases.views import PackView


class Outcome(StrEnum):
    ORDER_OPENED = "order_opened"
    ORDER_RESUMED = "order_resumed"
    ITEM_PACKED = "item_packed"
    ORDER_PACKED = "order_packed"
    ORDER_LEFT = "order_left"  # put aside by a command barcode
    REPRINT_QUEUED = "reprint_queued"
    OPERATOR_SIGNED_IN = "operator_signed_in"
    BOX_CHOSEN = "box_chosen"  # the box of the open package is known (scanned or accepted)
    PACKAGE_CLOSED = "package_closed"  # a box closed, labelled; the order goes on
    PACKAGE_REOPENED = "package_reopened"
    ITEM_REMOVED = "item_removed"  # units taken out of the open box
    STEP_STARTED = "step_started"  # an action awaits its next scan (supervisor, reason, item)
    SHORT_SHIPPED = "short_shipped"  # the rest of the order ships without, approved
    DAMAGED_NOTED = "damaged_noted"  # a damaged unit recorded (and taken out of the box)
    # The box weighed out of tolerance: recorded (audit), nothing closed; ``reason`` is
    # WEIGHT_OUT_OF_TOLERANCE with the weight and range, for the alarm's words.
    WEIGHT_OUT_OF_RANGE = "weight_out_of_range"
    REFUSED = "refused"


@dataclass(frozen=True, slots=True)
class ScanResult:
    outcome: Outcome
    view: PackView | None
    reason: Reason | None = None
    params: Mapping[str, str | int] = field(default_factory=dict)
    print_job_ids: tuple[str, ...] = ()

    @property
    def accepted(self) -> bool:
        return self.outcome is not Outcome.REFUSED


def refuse(reason: Reason, view: PackView | None, **params: str | int) -> ScanResult:
    return ScanResult(Outcome.REFUSED, view, reason, params)
