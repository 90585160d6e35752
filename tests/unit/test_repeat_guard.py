"""Multi-read suppression: the same code from the same scanner within the window is one scan."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from app.repeat_guard import RepeatConfig, RepeatGuard
from app.scanning import RawScan

MS = 1_000_000


def scan(text: str, at_ms: float, source: str = "wedge") -> RawScan:
    return RawScan(text, source, None, int(at_ms * MS))


def test_a_double_read_within_the_window_is_dropped() -> None:
    """The second identical read 80 ms later is a multi-read."""
    guard = RepeatGuard()
    assert guard.accept(scan("5901234123457", 0))
    assert not guard.accept(scan("5901234123457", 80))


def test_the_same_code_after_the_window_counts_again() -> None:
    """The next unit of the same item, scanned a second later, counts."""
    guard = RepeatGuard()
    assert guard.accept(scan("5901234123457", 0))
    assert guard.accept(scan("5901234123457", 1000))


def test_other_codes_other_scanners_and_typed_entries_are_never_dropped() -> None:
    """A different code, a different scanner, or the manual field always get through."""
    guard = RepeatGuard()
    assert guard.accept(scan("A", 0))
    assert guard.accept(scan("B", 10))
    assert guard.accept(scan("B", 20, "serial:lane2"))
    assert guard.accept(scan("B", 30, "manual"))
    assert guard.accept(scan("B", 40, "manual"))


def test_window_zero_turns_it_off() -> None:
    """A station that wants every read can have it."""
    guard = RepeatGuard(RepeatConfig(window_ms=0))
    assert guard.accept(scan("A", 0)) and guard.accept(scan("A", 1))


@given(st.lists(st.tuples(st.sampled_from("AB"), st.integers(0, 2000)), max_size=40))
def test_an_accepted_repeat_is_always_outside_the_window(events: list[tuple[str, int]]) -> None:
    """Whatever the sequence, a repeat is accepted only when the window has passed."""
    guard = RepeatGuard()
    clock, previous = 0, None
    for text, gap in events:
        clock += gap
        accepted = guard.accept(scan(text, clock))
        if previous is not None and previous[0] == text and clock - previous[1] < 250:
            assert not accepted
        else:
            assert accepted
        previous = (text, clock)


def test_the_window_runs_from_the_end_of_the_previous_read() -> None:
    """A 30-key scan typed over 300 ms, re-read 100 ms after it ended, is a multi-read."""
    guard = RepeatGuard()
    assert guard.accept(RawScan("0105901234123457", "wedge", None, 0, 300 * MS))
    assert not guard.accept(RawScan("0105901234123457", "wedge", None, 400 * MS, 700 * MS))
    assert guard.accept(RawScan("0105901234123457", "wedge", None, 1200 * MS, 1500 * MS))
