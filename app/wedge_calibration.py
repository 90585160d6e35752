"""Calibrate a station's wedge detector (``WedgeConfig.max_gap_ms``) from real scans.

Scanners differ: most type a key every 1-5 ms, some are set to an inter-character delay of
20-50 ms, and a USB hub or a busy X server adds jitter. The operator scans a calibration
barcode a few times on the devices screen, and may type a little; the screen records each
key's monotonic time and asks here for a threshold. Kept pure (times passed in) like
``app.wedge``, so every rule is unit-testable.

The threshold must exceed every gap inside a real scan, or scans split into typing; and it
must stay below the gaps of human typing, or a fast typist's run of ``min_length`` keys looks
like a scan. So it is the slowest scanner gap plus a margin (x1.5, at least +8 ms: X stamps
keys to the millisecond and a USB keyboard is polled every 1-10 ms), never below 15 ms,
and refused above 80 ms (the pace of fast typing) or above 80 % of the typing sample's
fastest run. Refused too: fewer than 3 scans, scans of under 6 keys, times that run
backwards, and scans that disagree (one far slower than the rest, or one lone stall).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from itertools import pairwise

from app.wedge import WedgeConfig

_NS_PER_MS = 1_000_000
MIN_SCANS = 3
MIN_KEYS = 6  # keys per calibration scan, its suffix (Enter) included
FLOOR_MS = 15.0  # a lower threshold would split real scans on ordinary jitter
CEILING_MS = 80.0  # a higher one would take fast typing for scans
MARGIN = 1.5  # threshold = slowest scanner gap x MARGIN ...
MIN_HEADROOM_MS = 8.0  # ... and at least this much above it
TYPING_SHARE = 0.8  # the threshold stays below 80 % of the fastest typing run
SPEED_SPREAD = 3.0  # scans whose typical gaps differ by more than x3 (and 4 ms) disagree
STALL_FACTOR = 3.0  # a gap over 3x the 90th percentile + 5 ms (and 15 ms) is a stall


class Refusal(StrEnum):
    TOO_FEW_SCANS = "too_few_scans"
    SCAN_TOO_SHORT = "scan_too_short"
    BAD_TIMESTAMPS = "bad_timestamps"
    INCONSISTENT = "inconsistent"
    TOO_SLOW = "too_slow"  # the scanner is as slow as typing
    OVERLAPS_TYPING = "overlaps_typing"  # this operator types as fast as the scanner


@dataclass(frozen=True, slots=True)
class Calibration:
    max_gap_ms: float  # the recommended WedgeConfig.max_gap_ms
    scanner_gap_ms: float  # the slowest gap inside any calibration scan
    typing_gap_ms: float | None  # the fastest typed run's slowest gap (None: no sample)
    scans: int

    def apply(self, config: WedgeConfig) -> WedgeConfig:
        return replace(config, max_gap_ms=self.max_gap_ms)


@dataclass(frozen=True, slots=True)
class CalibrationRefused:
    reason: Refusal
    message: str  # one English sentence for the devices screen: what happened, what to do


CalibrationResult = Calibration | CalibrationRefused


def calibrate(
    scans: Sequence[Sequence[int]],
    typing: Sequence[Sequence[int]] = (),
    *,
    min_length: int = WedgeConfig().min_length,
) -> CalibrationResult:
    """A threshold from each scan's key times (ns, suffix included) and optional typing.

    A typing sample counts through its runs of ``min_length`` keys (what the detector needs
    for a scan); samples shorter than that say nothing and are ignored.
    """
    if len(scans) < MIN_SCANS:
        return CalibrationRefused(
            Refusal.TOO_FEW_SCANS,
            f"Scan the calibration barcode at least {MIN_SCANS} times ({len(scans)} so far).",
        )
    for n, keys in enumerate(scans, 1):
        if len(keys) < MIN_KEYS:
            return CalibrationRefused(
                Refusal.SCAN_TOO_SHORT,
                f"Scan {n} had only {len(keys)} keys: scan the calibration barcode itself"
                f" (at least {MIN_KEYS - 1} characters and Enter).",
            )
    scan_gaps = [_gaps_ms(keys) for keys in scans]
    typing_gaps = [_gaps_ms(keys) for keys in typing]
    if any(g < 0 for gaps in [*scan_gaps, *typing_gaps] for g in gaps):
        return CalibrationRefused(
            Refusal.BAD_TIMESTAMPS,
            "Key times run backwards: the recording is broken. Calibrate again.",
        )
    disagreement = _disagreement(scan_gaps)
    if disagreement is not None:
        return CalibrationRefused(Refusal.INCONSISTENT, disagreement)
    scanner = max(g for gaps in scan_gaps for g in gaps)
    typed = _fastest_run(typing_gaps, min_length)
    wanted = max(FLOOR_MS, math.ceil(max(scanner * MARGIN, scanner + MIN_HEADROOM_MS)))
    if wanted > CEILING_MS:
        return CalibrationRefused(
            Refusal.TOO_SLOW,
            f"The scanner's keys come up to {scanner:.0f} ms apart, as slow as typing."
            " Set its inter-character delay to its minimum, or use its serial (USB-COM)"
            " mode, and calibrate again.",
        )
    if typed is not None and wanted > typed * TYPING_SHARE:
        return CalibrationRefused(
            Refusal.OVERLAPS_TYPING,
            f"The scanner's keys come up to {scanner:.0f} ms apart and this typing"
            f" {typed:.0f} ms apart: too close to tell apart. Set the scanner's"
            " inter-character delay to its minimum, or use a prefix, and calibrate again.",
        )
    return Calibration(float(wanted), scanner, typed, len(scans))


def _gaps_ms(keys: Sequence[int]) -> list[float]:
    return [(b - a) / _NS_PER_MS for a, b in pairwise(keys)]


def _disagreement(scan_gaps: list[list[float]]) -> str | None:
    """Why these scans cannot come from one scanner at one setting, or None if they can."""
    typical = [_percentile(gaps, 50) for gaps in scan_gaps]
    slow, fast = max(typical), min(typical)
    if slow > SPEED_SPREAD * fast and slow - fast > 4:
        return (
            f"Scan {typical.index(slow) + 1} came at {slow:.0f} ms per key and scan"
            f" {typical.index(fast) + 1} at {fast:.0f} ms: scan only the calibration barcode,"
            " with this station's scanner, and calibrate again."
        )
    usual = _percentile([g for gaps in scan_gaps for g in gaps], 90)
    stall = max(STALL_FACTOR * usual + 5, FLOOR_MS)  # smaller ones the floor covers anyway
    stalled = [n for n, gaps in enumerate(scan_gaps, 1) if max(gaps) > stall]
    if stalled and 2 * len(stalled) < len(scan_gaps):  # rare: chance, not the scanner's pace
        n = stalled[0]
        return (
            f"Scan {n} paused {max(scan_gaps[n - 1]):.0f} ms between two keys, while keys"
            f" usually came within {usual:.0f} ms: calibrate again."
        )
    return None


def _fastest_run(typing_gaps: list[list[float]], min_length: int) -> float | None:
    """The smallest threshold at which some typed run of min_length keys would be a burst."""
    width = max(1, min_length - 1)  # gaps inside a run of min_length keys
    runs = [max(gaps[i : i + width]) for gaps in typing_gaps for i in range(len(gaps) - width + 1)]
    return min(runs) if runs else None


def _percentile(values: list[float], pct: float) -> float:
    """Nearest rank, as tests/bench does: no interpolation between two gaps."""
    ordered = sorted(values)
    return ordered[min(len(ordered), max(1, round(pct / 100 * len(ordered)))) - 1]
