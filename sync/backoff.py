"""When to try the order service again after a failure: capped exponential backoff with
full jitter, on the monotonic clock.

After the n-th failure in a row the wait is uniform in [0, min(cap, base * 2**(n-1))], so
stations cut off together do not all come back in the same second. A ``Retry-After`` from
the hub is a floor: the wait is never shorter than it says, not even when the operator
presses Sync now (the hub asked for the pause; hammering it would only prolong it). Success
resets everything.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable

BASE_S = 0.5
CAP_S = 60.0


class Backoff:
    def __init__(
        self,
        base_s: float = BASE_S,
        cap_s: float = CAP_S,
        *,
        clock: Callable[[], float] = time.monotonic,
        rand: Callable[[], float] = random.random,
    ) -> None:
        self.base_s = base_s
        self.cap_s = cap_s
        self._clock = clock
        self._rand = rand
        self.failures = 0
        self._due: float | None = None  # monotonic time of the next try; None: now
        self._floor: float | None = None  # what the last Retry-After asked: kept by reset()

    def failure(self, retry_after: float | None = None) -> float:
        """Record a failure; returns the wait before the next try, in seconds."""
        self.failures += 1
        ceiling = min(self.cap_s, self.base_s * 2.0 ** min(self.failures - 1, 64))
        wait = self._rand() * ceiling
        now = self._clock()
        if retry_after is not None:
            self._floor = now + retry_after
            wait = max(wait, retry_after)
        self._due = now + wait
        return wait

    def wait_at_least(self, seconds: float) -> None:
        """Push the next try to at least ``seconds`` from now (a slow retry)."""
        due = self._clock() + seconds
        self._due = due if self._due is None else max(self._due, due)

    def success(self) -> None:
        self.failures = 0
        self._due = self._floor = None

    def reset(self) -> None:
        """Try now (the operator asked), or as soon as a Retry-After allows; failures keep
        counting until one succeeds."""
        self._due = self._floor if self._floor is not None and self._floor > self._clock() else None

    def remaining(self) -> float:
        """Seconds until the next try may start (0: now)."""
        return 0.0 if self._due is None else max(0.0, self._due - self._clock())

    def ready(self) -> bool:
        return self.remaining() == 0.0
