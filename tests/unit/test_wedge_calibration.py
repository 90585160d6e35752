"""Wedge calibration: a per-station gap threshold from real scans, or a clear refusal."""

from __future__ import annotations

import random
from collections.abc import Sequence

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.wedge import Key, Scan, WedgeConfig, WedgeDetector
from app.wedge_calibration import (
    CEILING_MS,
    FLOOR_MS,
    MIN_KEYS,
    Calibration,
    CalibrationRefused,
    Refusal,
    calibrate,
)

MS = 1_000_000


def keys_at(gaps_ms: Sequence[float], start_ms: float = 0) -> list[int]:
    """Key times (ns) for a run with these gaps between its keys."""
    times = [round(start_ms * MS)]
    for gap in gaps_ms:
        times.append(times[-1] + round(gap * MS))
    return times


def steady(gap_ms: float, keys: int = 14, scans: int = 4) -> list[list[int]]:
    return [keys_at([gap_ms] * (keys - 1), start_ms=1_000 * n) for n in range(scans)]


def refused(result: Calibration | CalibrationRefused) -> Refusal:
    assert isinstance(result, CalibrationRefused), result
    assert result.message
    return result.reason


def test_a_fast_scanner_gets_the_floor() -> None:
    """Keys 2 ms apart: 15 ms is enough, and nothing lower is safe against jitter."""
    result = calibrate(steady(2))
    assert result == Calibration(FLOOR_MS, 2.0, None, 4)


def test_a_scanner_with_a_20_ms_character_delay_gets_a_30_ms_threshold() -> None:
    """The slowest gap times 1.5 (at least +8 ms), rounded up to a whole millisecond."""
    scans = steady(20)
    scans[1] = keys_at([20] * 6 + [21.4] + [20] * 6)
    result = calibrate(scans)
    assert isinstance(result, Calibration)
    assert (result.max_gap_ms, result.scanner_gap_ms) == (33.0, 21.4)


def test_result_applies_to_the_station_config() -> None:
    """Only the threshold changes: prefix, suffix and lengths stay as configured."""
    result = calibrate(steady(2))
    assert isinstance(result, Calibration)
    config = WedgeConfig(prefix="~", suffix="\t")
    assert result.apply(config) == WedgeConfig(max_gap_ms=FLOOR_MS, prefix="~", suffix="\t")


def test_typing_sample_is_reported_and_respected() -> None:
    """A typist at 90-200 ms per key leaves room for a 2 ms scanner. The typing figure is
    the fastest run of min_length (4) keys, judged by its slowest gap: (120, 90, 95)."""
    typing = [keys_at([120, 90, 95, 200, 150, 110])]
    result = calibrate(steady(2), typing)
    assert result == Calibration(FLOOR_MS, 2.0, 120.0, 4)


@pytest.mark.parametrize(
    ("scans", "reason"),
    [
        (steady(2, scans=2), Refusal.TOO_FEW_SCANS),
        ([*steady(2, scans=3), keys_at([2] * (MIN_KEYS - 2))], Refusal.SCAN_TOO_SHORT),
        (
            [*steady(2, scans=3), [0, 5 * MS, 4 * MS, 6 * MS, 7 * MS, 8 * MS]],
            Refusal.BAD_TIMESTAMPS,
        ),
        ([*steady(2, scans=3), keys_at([25] * 13)], Refusal.INCONSISTENT),  # one typed by hand?
        ([*steady(2, scans=3), keys_at([2] * 6 + [300] + [2] * 6)], Refusal.INCONSISTENT),
        (steady(60), Refusal.TOO_SLOW),
    ],
)
def test_calibration_is_refused_with_a_reason(scans: list[list[int]], reason: Refusal) -> None:
    """Too few or too short scans, broken times, disagreeing scans and a slow scanner."""
    assert refused(calibrate(scans)) is reason


def test_a_stall_in_most_scans_is_the_scanners_pace_not_chance() -> None:
    """A pause that every scan has (e.g. after a prefix) must be covered, not refused."""
    scans = [keys_at([2, 2, 40] + [2] * 10, start_ms=1_000 * n) for n in range(4)]
    result = calibrate(scans)
    assert isinstance(result, Calibration)
    assert result.max_gap_ms == 60


def test_a_typist_as_fast_as_the_scanner_is_refused() -> None:
    """25 ms scanner keys against a 40 ms typist cannot be told apart safely."""
    typing = [keys_at([40, 38, 41, 39, 40])]
    assert refused(calibrate(steady(25), typing)) is Refusal.OVERLAPS_TYPING


def test_typing_runs_shorter_than_min_length_are_ignored() -> None:
    """Two quick keys (a rollover) are never a scan, so they do not constrain the threshold."""
    result = calibrate(steady(2), [keys_at([3]), keys_at([300, 250])])
    assert isinstance(result, Calibration)
    assert result.typing_gap_ms is None


# --- properties ------------------------------------------------------------------------------


def detected(threshold_ms: float, times: list[int]) -> list[str]:
    """What the real detector makes of keys at these times, the last one being Enter."""
    det = WedgeDetector(WedgeConfig(max_gap_ms=threshold_ms))
    actions = []
    for i, at in enumerate(times[:-1]):
        actions += det.feed(Key("ABCDEFGHIJKLMNOPQRSTUVWXYZ"[i % 26], at))
    actions += det.feed(Key("\r", times[-1], is_enter=True))
    actions += det.poll(times[-1] + 10**12)
    return [a.text for a in actions if isinstance(a, Scan)]


TIMES = st.lists(st.integers(0, 10**12), max_size=30).map(sorted)


@settings(max_examples=300, deadline=None)
@given(
    scans=st.lists(st.one_of(TIMES, st.lists(st.integers(0, 10**12), max_size=30)), max_size=8),
    typing=st.lists(st.lists(st.integers(0, 10**12), max_size=20), max_size=3),
    min_length=st.integers(1, 8),
)
def test_calibrate_never_raises(
    scans: list[list[int]], typing: list[list[int]], min_length: int
) -> None:
    """Any recording gives a threshold within bounds or a refusal with a message."""
    result = calibrate(scans, typing, min_length=min_length)
    if isinstance(result, Calibration):
        assert FLOOR_MS <= result.max_gap_ms <= CEILING_MS
    else:
        assert result.message


@st.composite
def station(draw: st.DrawFn) -> tuple[list[list[int]], list[list[int]]]:
    """A scanner with some character delay and jitter, and a human typing at human pace."""
    delay = draw(st.floats(0, 30))
    jitter = draw(st.floats(0, 3))
    rng = random.Random(draw(st.integers(0, 2**32)))
    scans = [
        keys_at([delay + rng.uniform(0, jitter) for _ in range(draw(st.integers(6, 40)))])
        for _ in range(draw(st.integers(3, 8)))
    ]
    typing = [
        keys_at([rng.uniform(90, 400) for _ in range(draw(st.integers(0, 20)))])
        for _ in range(draw(st.integers(0, 3)))
    ]
    return scans, typing


@settings(max_examples=200, deadline=None)
@given(station())
def test_threshold_keeps_every_calibration_scan_whole_and_typing_apart(
    case: tuple[list[list[int]], list[list[int]]],
) -> None:
    """Fed to the real detector with the threshold found, each calibration scan is one scan
    and no typing sample is; a steady scanner under 30 ms per key is always calibrated."""
    scans, typing = case
    result = calibrate(scans, typing)
    assert isinstance(result, Calibration), result
    for times in scans:
        assert len(detected(result.max_gap_ms, times)) == 1
    for times in typing:
        if len(times) > 1:
            assert detected(result.max_gap_ms, times) == []
