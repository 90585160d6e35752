"""Backoff: capped exponential, full jitter, Retry-After as a floor, reset on success."""

from __future__ import annotations

import pytest

from sync.backoff import Backoff


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_waits_grow_exponentially_up_to_the_cap_with_the_top_of_the_jitter() -> None:
    """rand() close to 1 gives the ceiling: 0.5, 1, 2, 4 ... 60, 60."""
    backoff = Backoff(clock=FakeClock(), rand=lambda: 1.0)
    waits = [backoff.failure() for _ in range(10)]
    assert waits == [0.5, 1, 2, 4, 8, 16, 32, 60, 60, 60]


def test_full_jitter_spreads_the_wait_between_zero_and_the_ceiling() -> None:
    backoff = Backoff(clock=FakeClock(), rand=lambda: 0.25)
    backoff.failure()
    backoff.failure()
    assert backoff.failure() == pytest.approx(0.25 * 2)


def test_the_next_try_is_due_after_the_wait_on_the_monotonic_clock() -> None:
    clock = FakeClock()
    backoff = Backoff(clock=clock, rand=lambda: 1.0)
    assert backoff.ready()
    backoff.failure()
    backoff.failure()  # 1 s
    assert not backoff.ready() and backoff.remaining() == pytest.approx(1.0)
    clock.now += 0.6
    assert backoff.remaining() == pytest.approx(0.4)
    clock.now += 0.4
    assert backoff.ready()


def test_retry_after_is_never_shortened() -> None:
    """The hub said 30 s: even a small jittered wait becomes 30 s; a longer one stays."""
    backoff = Backoff(clock=FakeClock(), rand=lambda: 0.0)
    assert backoff.failure(retry_after=30) == 30
    assert backoff.remaining() == pytest.approx(30)
    long = Backoff(clock=FakeClock(), rand=lambda: 1.0)
    for _ in range(8):
        long.failure()
    assert long.failure(retry_after=5) == 60
    assert Backoff(clock=FakeClock(), rand=lambda: 0.0).failure(retry_after=600) == 600


def test_success_resets_the_count_and_the_wait() -> None:
    backoff = Backoff(clock=FakeClock(), rand=lambda: 1.0)
    for _ in range(5):
        backoff.failure()
    backoff.success()
    assert backoff.ready() and backoff.failures == 0
    assert backoff.failure() == 0.5


def test_reset_tries_now_but_keeps_counting_failures() -> None:
    """Sync now: the next try is immediate; another failure keeps growing the ceiling."""
    backoff = Backoff(clock=FakeClock(), rand=lambda: 1.0)
    backoff.failure()
    backoff.failure()
    backoff.reset()
    assert backoff.ready()
    assert backoff.failure() == 2


def test_a_slow_retry_pushes_the_next_try_out() -> None:
    clock = FakeClock()
    backoff = Backoff(clock=clock, rand=lambda: 0.0)
    backoff.failure()
    backoff.wait_at_least(60)
    assert backoff.remaining() == pytest.approx(60)


def test_sync_now_does_not_cut_a_retry_after_short() -> None:
    """GIVEN the hub answered 429 with Retry-After 30 WHEN the operator presses Sync now
    THEN the next try still waits for the hub's 30 s, and nothing more once they passed."""
    clock = FakeClock()
    backoff = Backoff(clock=clock, rand=lambda: 0.0)
    backoff.failure(retry_after=30)
    clock.now += 10
    backoff.reset()
    assert backoff.remaining() == pytest.approx(20)
    clock.now += 25
    backoff.reset()
    assert backoff.ready()
