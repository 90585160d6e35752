"""Check-weighing a closed box: is what the scale says what the box should hold?

The expected weight is the items' catalogue weights plus the box's tare and its dunnage
(fill). A tolerance has an absolute floor and a percentage, the larger wins: a fixed
gram allowance would be too strict for a 20 kg carton and too loose for a 200 g envelope.
A missing unit of a 40 g item in a 10 kg box cannot be seen by any scale, so the check
says what it can: the allowed range, and how far outside it the weight is.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Tolerance:
    """Per station: accept ``expected ± max(absolute_g, percent % of expected)``."""

    absolute_g: int = 30
    percent: float = 3.0

    def __post_init__(self) -> None:
        if self.absolute_g < 0 or self.percent < 0:
            raise ValueError("a weighing tolerance cannot be negative")

    def allowance_g(self, expected_g: int) -> int:
        return max(self.absolute_g, round(expected_g * self.percent / 100))


@dataclass(frozen=True, slots=True)
class WeighCheck:
    expected_g: int
    low_g: int
    high_g: int
    measured_g: int

    @property
    def ok(self) -> bool:
        return self.low_g <= self.measured_g <= self.high_g

    @property
    def off_by_g(self) -> int:
        """Signed grams beyond the range (0 inside it): positive is heavier than allowed."""
        if self.measured_g > self.high_g:
            return self.measured_g - self.high_g
        if self.measured_g < self.low_g:
            return self.measured_g - self.low_g
        return 0


def expected_weight_g(item_weights_g: int, tare_g: int, dunnage_g: int) -> int:
    return item_weights_g + tare_g + dunnage_g


def accepted_range(expected_g: int, tolerance: Tolerance) -> tuple[int, int]:
    allowance = tolerance.allowance_g(expected_g)
    return max(0, expected_g - allowance), expected_g + allowance


def check(expected_g: int, measured_g: int, tolerance: Tolerance) -> WeighCheck:
    low, high = accepted_range(expected_g, tolerance)
    return WeighCheck(expected_g, low, high, measured_g)
