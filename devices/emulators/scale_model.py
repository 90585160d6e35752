"""What an emulated scale weighs and says, without I/O: load, motion, zero, tare, range.

Kept apart from the pty plumbing (``devices.emulators.pty_scale``) so a scale's answers are
easy to read and change. Motion is counted in readings (one per STREAM frame or per SICS
``SI``), not in seconds, so tests stay deterministic on a busy machine. Zero and tare act on
the settled load, as a scale that waits for stability does; both refuse out of range.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from app.scale_protocols import GRAMS_PER_UNIT, WeightUnit

_DECIMALS = {WeightUnit.KG: 3, WeightUnit.G: 0, WeightUnit.LB: 3, WeightUnit.OZ: 2}
_CRLF = b"\r\n"


@dataclass(frozen=True, slots=True)
class Measure:
    gross_g: int
    net_g: int  # gross minus tare: what the display shows
    stable: bool
    tared: bool
    overload: bool
    underload: bool


class ScaleModel:
    """Thread-safe: the test or operator sets the load while the pty thread reads it."""

    def __init__(
        self,
        unit: WeightUnit = WeightUnit.KG,
        settle_readings: int = 3,
        capacity_g: int = 30_000,
        zero_range_g: int = 600,  # 2 % of capacity, a common zero-key range
    ) -> None:
        self.unit = unit
        self.settle_readings = settle_readings
        self.capacity_g = capacity_g
        self.zero_range_g = zero_range_g
        self._lock = threading.Lock()
        self._load_g = 0  # what lies on the platform
        self._motion: list[int] = []  # offsets of the next readings while it settles
        self._zero_g = 0  # the load that reads as gross 0
        self._tare_g = 0

    def set_weight(self, grams: int) -> None:
        """Put a load on the platform: the next readings swing around it, then settle."""
        with self._lock:
            delta = grams - self._load_g - (self._motion[0] if self._motion else 0)
            self._load_g = grams
            self._motion = [
                round(delta * (-0.4) ** (i + 1)) or (5 if i % 2 else -5)
                for i in range(self.settle_readings)
            ]

    def measure(self) -> Measure:
        """One reading: consumes one step of motion."""
        with self._lock:
            offset = self._motion.pop(0) if self._motion else 0
            gross = self._load_g + offset - self._zero_g
            net = gross - self._tare_g
            return Measure(
                gross,
                net,
                offset == 0 and not self._motion,
                self._tare_g != 0,
                overload=gross > self.capacity_g,
                underload=gross < -self.zero_range_g,
            )

    def zero(self) -> str:
        """Zero key: "A" done, "+" / "-" refused (load outside the zero range)."""
        with self._lock:
            gross = self._load_g - self._zero_g
            if abs(gross) > self.zero_range_g:
                return "+" if gross > 0 else "-"
            self._motion.clear()
            self._zero_g, self._tare_g = self._load_g, 0
            return "A"

    def tare(self) -> tuple[str, int]:
        """Tare key: ("S", tare grams) done, ("+" / "-", 0) refused."""
        with self._lock:
            gross = self._load_g - self._zero_g
            if gross > self.capacity_g or gross < 0:
                return ("+" if gross > 0 else "-"), 0
            self._motion.clear()
            self._tare_g = gross
            return "S", gross

    def clear_tare(self) -> None:
        with self._lock:
            self._tare_g = 0

    def value(self, grams: int) -> Decimal:
        """Grams in the display unit, at the display's resolution."""
        quantum = Decimal(1).scaleb(-_DECIMALS[self.unit])
        return (Decimal(grams) / GRAMS_PER_UNIT[self.unit]).quantize(quantum, ROUND_HALF_UP)

    # -- protocols ---------------------------------------------------------------------------

    def stream_frame(self, headers: int = 2) -> bytes:
        """One A&D/CAS frame: ``ST,GS,+0001.234 kg`` (headers=2) or ``ST,+0001.234 kg``."""
        m = self.measure()
        basis = ("NT," if m.tared else "GS,") if headers == 2 else ""
        if m.overload or m.underload:
            return f"OL,{basis}{'-' if m.underload else '+'}9999999E+19".encode() + _CRLF
        value = self.value(m.net_g)
        sign = "-" if value < 0 else "+"
        digits = f"{abs(value):0{8}.{_DECIMALS[self.unit]}f}"
        status = "ST" if m.stable else "US"
        return f"{status},{basis}{sign}{digits}{self.unit.value:>3}".encode() + _CRLF

    def stream_command(self, line: bytes) -> bytes:
        """A streaming scale acts on Z, T, CT and answers only Q (one frame now)."""
        if line == b"Q":
            return self.stream_frame()
        if line == b"Z":
            self.zero()
        elif line == b"T":
            self.tare()
        elif line == b"CT":
            self.clear_tare()
        return b""

    def sics_answer(self, line: bytes) -> bytes:
        """The MT-SICS answer to one command line (SI, S, Z, T, TAC; anything else: ES)."""
        if line in (b"SI", b"S"):
            if line == b"S":  # "send stable": waits for the load to settle
                with self._lock:
                    self._motion.clear()
            m = self.measure()
            if m.overload or m.underload:
                return b"S +" + _CRLF if m.overload else b"S -" + _CRLF
            return f"S {'S' if m.stable else 'D'} {self._sics_weight(m.net_g)}".encode() + _CRLF
        if line == b"Z":
            return f"Z {self.zero()}".encode() + _CRLF
        if line == b"T":
            code, tare_g = self.tare()
            text = f"T S {self._sics_weight(tare_g)}" if code == "S" else f"T {code}"
            return text.encode() + _CRLF
        if line == b"TAC":
            self.clear_tare()
            return b"TAC A" + _CRLF
        return b"ES" + _CRLF

    def _sics_weight(self, grams: int) -> str:
        return f"{self.value(grams):>10} {self.unit.value}"
