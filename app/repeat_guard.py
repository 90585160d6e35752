"""Multi-read suppression: one physical scan that a scanner reports twice counts once.

Scanners, presentation (hands-free) ones above all, re-read a code that stays in view; the
second read arrives within a few hundred milliseconds with the same text from the same
scanner. Nobody scans the next unit of the same item that fast, so within ``window_ms`` a
repeat is dropped. Typed entries are never suppressed: the operator meant them.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.scanning import RawScan

_NS_PER_MS = 1_000_000


@dataclass(frozen=True, slots=True)
class RepeatConfig:
    window_ms: float = 250.0  # 0 turns suppression off
    exempt_sources: frozenset[str] = frozenset({"manual"})


class RepeatGuard:
    def __init__(self, config: RepeatConfig = RepeatConfig()) -> None:
        self._config = config
        self._last: dict[str, tuple[str, int]] = {}  # source -> (text, ended_ns)

    def accept(self, scan: RawScan) -> bool:
        """False when ``scan`` repeats the same source's previous scan within the window."""
        if self._config.window_ms <= 0 or scan.source in self._config.exempt_sources:
            return True
        previous = self._last.get(scan.source)
        self._last[scan.source] = (scan.text, scan.ended_ns or scan.at_ns)
        if previous is None:
            return True
        text, ended_ns = previous
        # From the end of the last read to the start of this one: a wedge scan takes
        # 100-500 ms to type, so measuring start to start would let most re-reads through.
        return not (
            text == scan.text and scan.at_ns - ended_ns < self._config.window_ms * _NS_PER_MS
        )
