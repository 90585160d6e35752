"""Serial barcode scanners (RS-232, USB-CDC): one reader thread per port, self-healing.

The thread opens the port, frames the byte stream into scans (``app.serial_framing``) and
hands each one to ``on_scan`` as a ``RawScan``; bytes that are not a valid scan go to
``on_error`` with a clear message. When the port disappears (cable pulled, USB re-enumerated)
the thread reports it, drops the partial scan, and keeps trying to open the port again, so
plugging the scanner back in recovers without a restart. Callbacks run on the reader thread:
``ui/`` bridges them onto the GUI thread.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

import serial

from app.scanning import RawScan
from app.serial_framing import FramedScan, FramingConfig, FramingError, ScanFramer

log = logging.getLogger(__name__)
READ_TIMEOUT_S = 0.02  # how often the loop wakes to check idle timeouts and stop requests


class PortState(StrEnum):
    CONNECTING = "connecting"
    CONNECTED = "connected"
    DISCONNECTED = "disconnected"
    STOPPED = "stopped"


@dataclass(frozen=True, slots=True)
class SerialScannerConfig:
    port: str  # device path, e.g. /dev/ttyACM0 or a stable /dev/serial/by-id/... link
    name: str = "scanner"
    baudrate: int = 9600
    framing: FramingConfig = field(default_factory=FramingConfig)
    reconnect_s: float = 1.0


ScanCallback = Callable[[RawScan], None]
ErrorCallback = Callable[[str, FramingError], None]  # (scanner name, error)
StateCallback = Callable[[str, PortState, str], None]  # (scanner name, state, detail)


class SerialScanner:
    def __init__(
        self,
        config: SerialScannerConfig,
        on_scan: ScanCallback | None = None,
        on_error: ErrorCallback | None = None,
        on_state: StateCallback | None = None,
    ) -> None:
        self.config = config
        self._on_scan: ScanCallback = on_scan or (lambda scan: None)
        self._on_error: ErrorCallback = on_error or (lambda name, error: None)
        self._on_state: StateCallback = on_state or (lambda name, state, detail: None)
        self._stop = threading.Event()
        self._thread = threading.Thread(
            target=self._run, name=f"tote-serial-{config.name}", daemon=True
        )
        self.state = PortState.CONNECTING

    def attach(
        self, on_scan: ScanCallback, on_error: ErrorCallback, on_state: StateCallback
    ) -> None:
        """Set the receivers (before ``start``): the composition root builds the scanner
        before the window that listens to it exists."""
        self._on_scan, self._on_error, self._on_state = on_scan, on_error, on_state

    def start(self) -> None:
        self._thread.start()

    def stop(self, timeout: float = 2.0) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout)

    # -- reader thread -------------------------------------------------------------------

    def _set_state(self, state: PortState, detail: str = "") -> None:
        if state is not self.state:
            self.state = state
            self._callback(self._on_state, self.config.name, state, detail)

    def _callback(self, fn: Callable[..., None], *args: object) -> None:
        try:
            fn(*args)
        except Exception:  # a consumer's bug must not kill the reader
            log.exception("scanner %s: callback failed", self.config.name)

    def _run(self) -> None:
        framer = ScanFramer(self.config.framing)
        while not self._stop.is_set():
            port = self._open()
            if port is None:
                self._stop.wait(self.config.reconnect_s)
                continue
            self._set_state(PortState.CONNECTED, self.config.port)
            try:
                self._read(port, framer)
            except (serial.SerialException, OSError) as exc:
                self._dispatch(framer.reset(), time.monotonic_ns())
                self._set_state(PortState.DISCONNECTED, f"{type(exc).__name__}: {exc}")
                # A port that opens but fails to read (half-dead adapter, another program
                # on it) must not be reopened in a tight loop.
                self._stop.wait(self.config.reconnect_s)
            finally:
                port.close()
        self._set_state(PortState.STOPPED)

    def _open(self) -> serial.Serial | None:
        try:
            return serial.Serial(
                self.config.port, self.config.baudrate, timeout=READ_TIMEOUT_S, exclusive=True
            )
        except (serial.SerialException, OSError, ValueError) as exc:
            if self.state is not PortState.DISCONNECTED:
                self._set_state(PortState.DISCONNECTED, f"{type(exc).__name__}: {exc}")
            return None

    def _read(self, port: serial.Serial, framer: ScanFramer) -> None:
        while not self._stop.is_set():
            # in_waiting or 1: read_until() would cost one system call per byte.
            data = port.read(port.in_waiting or 1)
            now = time.monotonic_ns()
            events = framer.feed(data, now) if data else []
            events += framer.poll(now)
            self._dispatch(events, now)

    def _dispatch(self, events: Sequence[FramedScan | FramingError], now_ns: int) -> None:
        for event in events:
            if isinstance(event, FramedScan):
                source = f"serial:{self.config.name}"
                scan = RawScan(event.text, source, event.symbology, event.started_ns, now_ns)
                self._callback(self._on_scan, scan)
            else:
                log.warning("scanner %s: %s (%r)", self.config.name, event.message, event.raw)
                self._callback(self._on_error, self.config.name, event)
