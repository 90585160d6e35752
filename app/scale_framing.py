"""Cut a scale's byte stream into lines, with bounded memory and without I/O.

Scales end a line with CR LF (A&D, MT-SICS) or a bare CR or LF (some CAS settings), so any of
CR and LF ends a line and the empty lines between them are ignored. A line longer than
max_length (a scale at the wrong baud rate can send bytes for ever without a terminator) is
counted, not stored, and reported once as too_long where it ends: it is never glued onto the
next frame. A partial line left by idle_ms of silence or by an unplug is reported as
incomplete, so the next frame starts clean. Times are passed in (monotonic ns).
"""

from __future__ import annotations

from app.scale_protocols import ScaleFrameError, frame_error

_NS_PER_MS = 1_000_000
_ENDS = frozenset(b"\r\n")
_RAW_EXTRA = 16  # a too_long error keeps max_length + this many bytes for the log
_ADVICE = "Check the scale's baud rate and line ending."


class ScaleFramer:
    """Per-byte state machine: how the port chunks its reads never changes the result."""

    __slots__ = ("_buf", "_count", "_idle_ns", "_last_ns", "_max")

    def __init__(self, max_length: int = 64, idle_ms: float = 500.0) -> None:
        if max_length < 1 or not idle_ms > 0:
            raise ValueError("max_length and idle_ms must be positive")
        self._max = max_length
        self._idle_ns = round(idle_ms * _NS_PER_MS)
        self._buf = bytearray()  # the line so far (at most max_length + _RAW_EXTRA bytes)
        self._count = 0  # bytes of the line so far, counted past the buffer
        self._last_ns = 0

    def feed(self, data: bytes, now_ns: int) -> list[bytes | ScaleFrameError]:
        """Lines (terminator removed) and errors completed by this read, in stream order."""
        out: list[bytes | ScaleFrameError] = []
        if data:
            self._last_ns = now_ns
        for byte in data:
            if byte in _ENDS:
                if self._count:
                    out.append(self._end())
            else:
                self._count += 1
                if len(self._buf) < self._max + _RAW_EXTRA:
                    self._buf.append(byte)
        return out

    def next_deadline_ns(self) -> int | None:
        """When poll() would drop the partial line in progress, or None."""
        return self._last_ns + self._idle_ns if self._count else None

    def poll(self, now_ns: int) -> list[ScaleFrameError]:
        """Drop the partial line if the scale has been silent for idle_ms."""
        deadline = self.next_deadline_ns()
        return self.reset() if deadline is not None and now_ns >= deadline else []

    def reset(self) -> list[ScaleFrameError]:
        """The port closed (or went silent): report and drop the partial line, if any."""
        if not self._count:
            return []
        if self._count > self._max:
            return [self._too_long()]
        raw = self._take()
        what = f"{len(raw)} bytes without an end of line"
        return [frame_error("incomplete", raw, what, _ADVICE)]

    def _take(self) -> bytes:
        raw = bytes(self._buf)
        self._buf.clear()
        self._count = 0
        return raw

    def _end(self) -> bytes | ScaleFrameError:
        return self._too_long() if self._count > self._max else self._take()

    def _too_long(self) -> ScaleFrameError:
        count = self._count
        what = f"{count} bytes in one line, more than the {self._max} allowed"
        return frame_error("too_long", self._take(), what, _ADVICE)
