"""Cut the byte stream of a serial (RS-232 / USB-CDC) barcode scanner into scans, without I/O.

A serial port delivers bytes in arbitrary chunks: half a barcode, or three barcodes and a bit in
one read. The device adapter feeds every read here with its monotonic time and calls poll() when
next_deadline_ns() is due, so the framing rules stay pure (stdlib only, times passed in) and
unit-testable without hardware.

Decisions:

- CR mode: CR ends a scan; one LF right after a CR is swallowed (scanners set to CR often send
  CRLF anyway), so it never becomes an empty scan or a leading "\\n" of the next one.
- LF mode: LF ends a scan; one CR right before it is dropped.
- CRLF mode: only CR LF ends a scan. A lone CR or LF is data, so that scan is rejected as
  "control_chars" (the scanner's suffix does not match the configuration).
- NONE mode: a scan ends after idle_ms without a byte; CR and LF are data (rejected).
- A bare terminator (empty line) is silently ignored: scanners send one on power-up and some
  send CRLF to a CR configuration. An AIM identifier with no data after it is an "empty" error.
- In terminated modes a partial line is discarded as "incomplete" after max(idle_ms, 500 ms) of
  silence: a scanner sends a whole line within milliseconds, and USB-serial adapters can hold
  bytes for up to 16 ms (latency timer), so 500 ms never cuts a real line but clears the garbage
  (e.g. from plugging in) well before the operator's next scan.
- A scan over max_length bytes is reported once, as "too_long", when its run of bytes ends (at a
  terminator, the silence timeout, or reset); until then bytes are only counted, so memory stays
  bounded and the report can say how many bytes came.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from enum import StrEnum
from string import ascii_letters, digits

_NS_PER_MS = 1_000_000
_CR = 0x0D
_LF = 0x0A
INCOMPLETE_AFTER_MS = 500.0  # minimum silence before a partial line is discarded (see above)
_TOO_LONG_RAW_EXTRA = 16  # a too_long error keeps max_length + this many bytes for the log
# Control characters that are barcode data: GS (GS1 separator), RS and EOT (ISO 15434).
_DATA_CONTROLS = frozenset("\x1d\x1e\x04")
_LETTERS = frozenset(ascii_letters)  # ASCII only: str.isalpha() would accept "]Ω1"
_ALNUM = _LETTERS | frozenset(digits)


class Terminator(StrEnum):
    CR = "cr"
    LF = "lf"
    CRLF = "crlf"
    NONE = "none"  # a scan ends when no byte came for idle_ms


@dataclass(frozen=True, slots=True)
class FramingConfig:
    terminator: Terminator = Terminator.CR
    idle_ms: float = 50.0  # NONE: silence that ends a scan; others: see INCOMPLETE_AFTER_MS
    max_length: int = 512  # bytes in one scan, terminator excluded; longer = rejected
    aim: bool = True  # split a leading AIM symbology identifier ("]C1", "]E0", ...) off

    def __post_init__(self) -> None:
        Terminator(self.terminator)  # ValueError for a misspelt value from a settings file
        if not self.idle_ms > 0:
            raise ValueError("idle_ms must be positive")
        if self.max_length < 1:
            raise ValueError("max_length must be at least 1")


@dataclass(frozen=True, slots=True)
class FramedScan:
    text: str  # decoded UTF-8, AIM identifier removed, GS (0x1D) preserved inside
    symbology: str | None  # e.g. "]C1", or None
    started_ns: int  # now_ns of the feed() that delivered the scan's first byte


@dataclass(frozen=True, slots=True)
class FramingError:
    """Bytes that are not a scan. reason: too_long, not_utf8, control_chars, incomplete, empty."""

    reason: str
    raw: bytes  # the offending bytes (at most max_length + 16 for too_long), for the log
    message: str  # one English sentence for logs and operators


FramingResult = FramedScan | FramingError


def _aim_split(text: str) -> tuple[str | None, str]:
    """("]C1", rest) if text starts with an AIM identifier: "]", a letter, a letter or digit."""
    if len(text) >= 3 and text[0] == "]" and text[1] in _LETTERS and text[2] in _ALNUM:
        return text[:3], text[3:]
    return None, text


def _bad_controls(text: str) -> list[str]:
    found = {c for c in text if unicodedata.category(c) == "Cc"} - _DATA_CONTROLS
    return sorted(found)


class ScanFramer:
    """Per-byte state machine; the result never depends on how the bytes were chunked."""

    __slots__ = (
        "_after_cr",
        "_buf",
        "_config",
        "_count",
        "_last_ns",
        "_overflow",
        "_pending_cr",
        "_started_ns",
        "_timeout_ns",
    )

    def __init__(self, config: FramingConfig = FramingConfig()) -> None:
        self._config = config
        timeout_ms = config.idle_ms
        if config.terminator != Terminator.NONE:
            timeout_ms = max(timeout_ms, INCOMPLETE_AFTER_MS)
        self._timeout_ns = round(timeout_ms * _NS_PER_MS)
        self._buf = bytearray()  # the scan so far; in overflow, the first bytes kept for the log
        self._count = 0  # bytes in an overflowing run (the buffer stops growing)
        self._overflow = False
        self._pending_cr = False  # LF/CRLF modes: a CR that is a terminator if an LF follows
        self._after_cr = False  # CR mode: the last byte ended a scan, so swallow one LF
        self._started_ns: int | None = None  # set while a scan (or garbage run) is in progress
        self._last_ns = 0

    def next_deadline_ns(self) -> int | None:
        """When poll() can next end something (a NONE-mode scan, a partial line), or None."""
        return None if self._started_ns is None else self._last_ns + self._timeout_ns

    def poll(self, now_ns: int) -> list[FramingResult]:
        """End the scan or partial line in progress if the port has been silent long enough."""
        deadline = self.next_deadline_ns()
        if deadline is not None and now_ns >= deadline:
            return self._end_on_silence()
        return []

    def feed(self, data: bytes, now_ns: int) -> list[FramingResult]:
        """Results completed by these bytes (read at now_ns), in stream order.

        A gap before this read does not end the scan in progress: the bytes may have been
        waiting while the reader was busy. Only silence that poll() observed ends a scan,
        so a delayed reader never splits one (or accepts the tail of a discarded one).
        """
        out: list[FramingResult] = []
        if not data:
            return out
        self._last_ns = now_ns
        terminator = self._config.terminator
        for byte in data:
            if terminator == Terminator.CR:
                if byte == _CR:
                    out += self._end_line()
                    self._after_cr = True
                    continue
                swallow, self._after_cr = byte == _LF and self._after_cr, False
                if not swallow:
                    self._append(byte, now_ns)
            elif terminator == Terminator.NONE:
                self._append(byte, now_ns)
            elif byte == _LF and (self._pending_cr or terminator == Terminator.LF):
                self._pending_cr = False
                out += self._end_line()
            else:
                if self._pending_cr:  # the CR was not followed by LF: it is data
                    self._pending_cr = False
                    self._append(_CR, now_ns)
                if byte == _CR:
                    self._pending_cr = True
                    self._start(now_ns)
                else:
                    self._append(byte, now_ns)
        return out

    def reset(self) -> list[FramingError]:
        """The port closed: drop the partial scan, reporting it if any byte of it had come."""
        self._after_cr = False
        if self._overflow:
            return [self._too_long()]
        raw = self._take()
        return [self._incomplete(raw)] if raw else []

    def _start(self, now_ns: int) -> None:
        if self._started_ns is None:
            self._started_ns = now_ns

    def _append(self, byte: int, now_ns: int) -> None:
        self._start(now_ns)
        if self._overflow:
            self._count += 1
            if len(self._buf) < self._config.max_length + _TOO_LONG_RAW_EXTRA:
                self._buf.append(byte)
            return
        self._buf.append(byte)
        if len(self._buf) > self._config.max_length:
            self._overflow, self._count = True, len(self._buf)

    def _take(self) -> bytes:
        """The bytes of the run in progress (a pending CR included); clears all scan state."""
        raw = bytes(self._buf) + (b"\r" if self._pending_cr else b"")
        self._buf.clear()
        self._count, self._overflow, self._pending_cr = 0, False, False
        self._started_ns = None
        return raw

    def _end_line(self) -> list[FramingResult]:
        """A terminator arrived (or NONE-mode silence): the run in progress is complete."""
        if self._overflow:
            return [self._too_long()]
        started = self._started_ns
        raw = self._take()
        if not raw or started is None:
            return []  # bare terminator: ignored (see module docstring)
        return [self._decode(raw, started)]

    def _end_on_silence(self) -> list[FramingResult]:
        if self._overflow or self._config.terminator == Terminator.NONE:
            return self._end_line()
        raw = self._take()
        return [self._incomplete(raw)] if raw else []

    def _decode(self, raw: bytes, started_ns: int) -> FramingResult:
        try:
            text = raw.decode("utf-8")  # strict: a wrong code page must not become mojibake
        except UnicodeDecodeError:
            return FramingError(
                "not_utf8",
                raw,
                "Scanner sent bytes that are not UTF-8 text; ignored. "
                "Check the scanner's character encoding setting.",
            )
        bad = _bad_controls(text)
        if bad:
            codes = ", ".join(f"U+{ord(c):04X}" for c in bad)
            return FramingError(
                "control_chars",
                raw,
                f"Scanner sent control characters ({codes}) inside a barcode; ignored. "
                "Check the scanner's prefix and suffix settings.",
            )
        symbology, body = _aim_split(text) if self._config.aim else (None, text)
        if not body:
            return FramingError(
                "empty", raw, f"Scanner sent the symbology identifier {symbology} without data."
            )
        return FramedScan(body, symbology, started_ns)

    def _too_long(self) -> FramingError:
        count, limit = self._count, self._config.max_length
        raw = self._take()[: limit + _TOO_LONG_RAW_EXTRA]  # a pending CR could add one byte
        return FramingError(
            "too_long",
            raw,
            f"Scanner sent {count} bytes in one scan, more than the {limit} allowed; ignored. "
            "Check the scanner's suffix setting.",
        )

    def _incomplete(self, raw: bytes) -> FramingError:
        return FramingError(
            "incomplete",
            raw,
            f"Scanner sent {len(raw)} bytes without an end of line; ignored. "
            "Check the scanner's suffix setting.",
        )
