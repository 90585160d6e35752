"""When a weight is good enough to ship: Tote's stability rule on top of the scale's flag.

A scale raises its own "stable" flag after a short motion check of its own, which a parcel
still rocking on the platform, or a hand leaning on it, can pass for a moment. Tote accepts a
weight only when the scale says stable AND its readings have agreed within tolerance_g for at
least min_readings readings spanning at least window_ms (times from a monotonic clock, passed
in). Any unstable reading, a reading outside the band, or a change of basis (a tare) starts
over. Overload, underload and negative weights are never usable: a parcel cannot weigh less
than nothing, so a negative weight means the scale needs zeroing. Memory is constant.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from app.scale_protocols import Basis, Reading

_NS_PER_MS = 1_000_000


class Stability(StrEnum):
    MOVING = "moving"  # the scale says motion, or the reading left the band
    SETTLING = "settling"  # agreeing so far, not yet for the whole window
    STABLE = "stable"  # usable as the parcel's weight
    UNUSABLE = "unusable"  # overload, underload, negative, or the tare on display


@dataclass(frozen=True, slots=True)
class StabilityConfig:
    min_readings: int = 3
    window_ms: float = 300.0
    tolerance_g: int = 2  # largest spread (max - min) of the agreeing readings

    def __post_init__(self) -> None:
        if self.min_readings < 1 or self.window_ms < 0 or self.tolerance_g < 0:
            raise ValueError("min_readings must be >= 1, window_ms and tolerance_g >= 0")


def unusable_reason(reading: Reading) -> str | None:
    """Why this reading can never be a parcel's weight (operator-facing), or None."""
    if reading.overload:
        return "The scale is overloaded: take the parcel off and use a bigger scale."
    if reading.underload or reading.weight_g is None:
        return "The scale is below its range: check the pan, then zero the empty scale."
    if reading.weight_g < 0:
        return "The scale shows a negative weight: empty it and zero it."
    if reading.basis is Basis.TARE:
        return "The scale is showing its tare, not the load: switch it back to weighing."
    return None


class StableWeightDetector:
    """Feed every reading in order; update() says whether the weight may be used now."""

    __slots__ = ("_basis", "_config", "_count", "_first_ns", "_high", "_low", "weight_g")

    def __init__(self, config: StabilityConfig = StabilityConfig()) -> None:
        self._config = config
        self._count = 0  # readings in the current agreeing run
        self._first_ns = 0
        self._low = self._high = 0
        self._basis: Basis | None = None
        self.weight_g: int | None = None  # the weight of the last STABLE verdict, else None

    def reset(self) -> None:
        """Forget the run (motion, an unplug, a zero or tare request)."""
        self._count = 0
        self.weight_g = None

    def update(self, reading: Reading, now_ns: int) -> Stability:
        if unusable_reason(reading) is not None:
            self.reset()
            return Stability.UNUSABLE
        weight = reading.weight_g
        assert weight is not None  # unusable_reason() vetted it
        if not reading.stable:
            self.reset()
            return Stability.MOVING
        low, high = min(self._low, weight), max(self._high, weight)
        joins = self._count > 0 and reading.basis is self._basis
        if joins and high - low <= self._config.tolerance_g:
            self._count += 1
            self._low, self._high = low, high
        else:
            broke = self._count > 0
            self._count, self._first_ns, self._basis = 1, now_ns, reading.basis
            self._low = self._high = weight
            self.weight_g = None
            if broke:
                return Stability.MOVING
        span_ms = (now_ns - self._first_ns) / _NS_PER_MS
        if self._count >= self._config.min_readings and span_ms >= self._config.window_ms:
            self.weight_g = weight
            return Stability.STABLE
        return Stability.SETTLING
