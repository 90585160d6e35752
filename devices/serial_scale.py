"""Serial shipping scales (RS-232, USB-CDC): one reader thread per scale, self-healing.

Built like ``devices.serial_scanner``: the thread owns the port, frames the bytes
(``app.scale_framing``), parses them for the configured protocol (``app.scale_protocols``)
and judges each weight with Tote's stability rule (``app.scale_stability``). An MT-SICS scale
is asked for a weight (``SI``) every ``poll_s``; an A&D/CAS-style scale streams by itself.

``zero()``, ``tare()`` and ``clear_tare()`` may be called from any thread: they queue the
command for the reader thread (the only one touching the port, so a command never cuts into
a poll) and return a Future that always resolves to a ``CommandReply``. A streaming scale
answers nothing, so its future resolves when a reading shows the command done. Unplugged,
the thread reports it, fails the command in flight, and reopens the port every
``reconnect_s``. Callbacks run on the reader thread: ``ui/`` bridges them to the GUI thread.
"""

from __future__ import annotations

import contextlib
import logging
import queue
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, InvalidStateError
from dataclasses import dataclass, field
from typing import Any

import serial

from app.scale_framing import ScaleFramer
from app.scale_protocols import (
    Command,
    CommandReply,
    Reading,
    ScaleFrameError,
    ScaleProtocol,
    done_reply,
    encode,
    parse_line,
    stream_confirms,
)
from app.scale_stability import Stability, StabilityConfig, StableWeightDetector
from devices.serial_link import PortState, SerialLink, StateCallback

__all__ = ["PortState", "SerialScale", "SerialScaleConfig"]

log = logging.getLogger(__name__)
READ_TIMEOUT_S = 0.02  # how often the loop wakes for polls, requests and stop
_NS = 1_000_000_000


@dataclass(frozen=True, slots=True)
class SerialScaleConfig:
    port: str  # e.g. a stable /dev/serial/by-id/... link
    protocol: ScaleProtocol = ScaleProtocol.SICS
    name: str = "scale"
    baudrate: int = 9600  # MT-SICS default 9600 8N1; A&D often 2400 7E1
    bytesize: int = serial.EIGHTBITS
    parity: str = serial.PARITY_NONE
    poll_s: float = 0.2  # SICS: ask for a weight this often
    reply_timeout_s: float = 3.0  # an answer (streaming: a reading showing it); scales
    # wait for stability before they zero or tare, which can take a few seconds
    reconnect_s: float = 1.0
    max_line: int = 64
    stability: StabilityConfig = field(default_factory=StabilityConfig)

    def __post_init__(self) -> None:
        ScaleProtocol(self.protocol)  # ValueError for a misspelt value from a settings file
        if min(self.poll_s, self.reply_timeout_s, self.reconnect_s) <= 0:
            raise ValueError("poll_s, reply_timeout_s and reconnect_s must be positive")


ReadingCallback = Callable[[str, Reading, bool], None]  # (scale name, reading, usable+stable)
ErrorCallback = Callable[[str, ScaleFrameError], None]


@dataclass(slots=True)
class _Pending:
    command: Command
    future: Future[CommandReply] | None  # None: Tote's own SI poll
    deadline_ns: int


def _resolve(future: Future[CommandReply] | None, reply: CommandReply) -> None:
    if future is not None and not future.done():
        with contextlib.suppress(InvalidStateError):  # cancelled by the caller meanwhile
            future.set_result(reply)


class SerialScale(SerialLink):
    kind = "scale"

    def __init__(
        self,
        config: SerialScaleConfig,
        on_reading: ReadingCallback | None = None,
        on_error: ErrorCallback | None = None,
        on_state: StateCallback | None = None,
    ) -> None:
        super().__init__(config.name, config.port, config.reconnect_s)
        self.config = config
        self._on_reading: ReadingCallback = on_reading or (lambda name, reading, stable: None)
        self._on_error: ErrorCallback = on_error or (lambda name, error: None)
        if on_state is not None:
            self._on_state = on_state
        self._lock = threading.Lock()  # orders state changes against queued requests
        self._requests: queue.SimpleQueue[tuple[Command, Future[CommandReply]]]
        self._requests = queue.SimpleQueue()
        self._framer = ScaleFramer(config.max_line)
        self._detector = StableWeightDetector(config.stability)
        self._pending: _Pending | None = None
        self._silent = False  # "no answer" already reported for this silence

    def attach(
        self, on_reading: ReadingCallback, on_error: ErrorCallback, on_state: StateCallback
    ) -> None:
        """Set the receivers (before ``start``)."""
        self._on_reading, self._on_error, self._on_state = on_reading, on_error, on_state

    def zero(self) -> Future[CommandReply]:
        return self.request(Command.ZERO)

    def tare(self) -> Future[CommandReply]:
        return self.request(Command.TARE)

    def clear_tare(self) -> Future[CommandReply]:
        return self.request(Command.CLEAR_TARE)

    def request(self, command: Command) -> Future[CommandReply]:
        """Queue a zero, tare or clear-tare; refused at once when the scale is not connected."""
        if command is Command.WEIGH:
            raise ValueError("weights arrive through on_reading; request zero or tare")
        future: Future[CommandReply] = Future()
        with self._lock:
            if self.state is PortState.CONNECTED:
                self._requests.put((command, future))
                return future
        _resolve(future, CommandReply(command, False, f"Scale {self.config.name} not connected."))
        return future

    # -- reader thread -------------------------------------------------------------------

    def _set_state(self, state: PortState, detail: str = "") -> None:
        with self._lock:
            changed, self.state = state is not self.state, state
        if state is not PortState.CONNECTED:
            self._fail_requests(f"Scale {self.config.name} {state.value}.")
        if changed:
            self._callback(self._on_state, self.config.name, state, detail)

    def _fail_requests(self, message: str) -> None:
        pending, self._pending = self._pending, None
        if pending is not None:
            _resolve(pending.future, CommandReply(pending.command, False, message))
        while True:
            try:
                command, future = self._requests.get_nowait()
            except queue.Empty:
                return
            _resolve(future, CommandReply(command, False, message))

    def _error(self, error: ScaleFrameError) -> None:
        log.warning("scale %s: %s (%r)", self.config.name, error.message, error.raw)
        self._callback(self._on_error, self.config.name, error)

    def _port_settings(self) -> dict[str, Any]:
        c = self.config
        return {
            "baudrate": c.baudrate,
            "bytesize": c.bytesize,
            "parity": c.parity,
            "timeout": READ_TIMEOUT_S,
            "write_timeout": c.reply_timeout_s,
        }

    def _connected(self) -> None:
        self._detector.reset()
        self._silent = False

    def _lost(self) -> None:
        for error in self._framer.reset():
            self._error(error)

    def _session(self, port: serial.Serial) -> None:
        framer = self._framer
        next_poll_ns = 0
        while not self._stop.is_set():
            now = time.monotonic_ns()
            if self._pending is not None and now >= self._pending.deadline_ns:
                self._timed_out(self._pending)
                self._pending = None
            if self._pending is None:
                next_poll_ns = self._send_next(port, now, next_poll_ns)
            data = port.read(port.in_waiting or 1)
            now = time.monotonic_ns()
            items = framer.feed(data, now) if data else []
            for item in items + framer.poll(now):
                if isinstance(item, ScaleFrameError):
                    self._on_bad_line(item)
                else:
                    self._silent = False
                    self._on_parsed(parse_line(self.config.protocol, item), now)

    def _send_next(self, port: serial.Serial, now: int, next_poll_ns: int) -> int:
        """Write the next queued request, or a SICS poll when due; the next poll time."""
        deadline = now + round(self.config.reply_timeout_s * _NS)
        try:
            command, future = self._requests.get_nowait()
        except queue.Empty:
            if self.config.protocol is not ScaleProtocol.SICS or now < next_poll_ns:
                return next_poll_ns
            self._pending = _Pending(Command.WEIGH, None, deadline)
            port.write(encode(self.config.protocol, Command.WEIGH))
            return now + round(self.config.poll_s * _NS)
        self._pending = _Pending(command, future, deadline)
        self._detector.reset()  # what the scale shows is about to change
        port.write(encode(self.config.protocol, command))
        return next_poll_ns

    def _timed_out(self, pending: _Pending) -> None:
        name, timeout = self.config.name, self.config.reply_timeout_s
        if pending.future is not None:
            shown = "" if self.config.protocol is ScaleProtocol.SICS else " (no reading showed it)"
            message = f"Scale {name} did not confirm the {pending.command.value}{shown}."
            _resolve(pending.future, CommandReply(pending.command, False, message))
        elif not self._silent:  # one report per silence, not one per poll
            self._silent = True
            self._error(
                ScaleFrameError(
                    "no_reply",
                    b"",
                    f"Scale {name} did not answer within {timeout:g} s. Check that it is on, "
                    "speaks MT-SICS, and its baud rate.",
                )
            )

    def _on_bad_line(self, error: ScaleFrameError) -> None:
        """SICS answers one line per command: a garbled line was the answer."""
        self._error(error)
        pending = self._pending
        if self.config.protocol is ScaleProtocol.SICS and pending is not None:
            self._pending = None
            _resolve(pending.future, CommandReply(pending.command, False, error.message))

    def _on_parsed(self, parsed: Reading | CommandReply | ScaleFrameError, now_ns: int) -> None:
        pending = self._pending
        if isinstance(parsed, ScaleFrameError):
            self._on_bad_line(parsed)
        elif isinstance(parsed, CommandReply):
            if pending is None or parsed.command is not pending.command:
                log.info("scale %s: unexpected answer %r", self.config.name, parsed.raw)
                return
            self._pending = None
            if parsed.command is not Command.WEIGH:  # "S I" to a poll: busy, not news
                self._detector.reset()
                _resolve(pending.future, parsed)
        else:
            stable = self._detector.update(parsed, now_ns) is Stability.STABLE
            self._callback(self._on_reading, self.config.name, parsed, stable)
            if pending is not None and self._answers(pending.command, parsed):
                self._pending = None
                _resolve(pending.future, done_reply(pending.command))

    def _answers(self, command: Command, reading: Reading) -> bool:
        if self.config.protocol is ScaleProtocol.SICS:
            return command is Command.WEIGH
        tolerance = self.config.stability.tolerance_g
        return command is not Command.WEIGH and stream_confirms(command, reading, tolerance)
