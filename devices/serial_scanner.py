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
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import serial

from app.scanning import RawScan
from app.serial_framing import FramedScan, FramingConfig, FramingError, ScanFramer
from devices.serial_link import PortState, SerialLink, StateCallback

__all__ = ["PortState", "SerialScanner", "SerialScannerConfig"]

log = logging.getLogger(__name__)
READ_TIMEOUT_S = 0.02  # how often the loop wakes to check idle timeouts and stop requests


@dataclass(frozen=True, slots=True)
class SerialScannerConfig:
    port: str  # device path, e.g. /dev/ttyACM0 or a stable /dev/serial/by-id/... link
    name: str = "scanner"
    baudrate: int = 9600
    framing: FramingConfig = field(default_factory=FramingConfig)
    reconnect_s: float = 1.0


ScanCallback = Callable[[RawScan], None]
ErrorCallback = Callable[[str, FramingError], None]  # (scanner name, error)


class SerialScanner(SerialLink):
    kind = "scanner"

    def __init__(
        self,
        config: SerialScannerConfig,
        on_scan: ScanCallback | None = None,
        on_error: ErrorCallback | None = None,
        on_state: StateCallback | None = None,
    ) -> None:
        super().__init__(config.name, config.port, config.reconnect_s)
        self.config = config
        self._on_scan: ScanCallback = on_scan or (lambda scan: None)
        self._on_error: ErrorCallback = on_error or (lambda name, error: None)
        if on_state is not None:
            self._on_state = on_state
        self._framer = ScanFramer(config.framing)

    def attach(
        self, on_scan: ScanCallback, on_error: ErrorCallback, on_state: StateCallback
    ) -> None:
        """Set the receivers (before ``start``): the composition root builds the scanner
        before the window that listens to it exists."""
        self._on_scan, self._on_error, self._on_state = on_scan, on_error, on_state

    def _port_settings(self) -> dict[str, Any]:
        return {"baudrate": self.config.baudrate, "timeout": READ_TIMEOUT_S}

    def _lost(self) -> None:
        self._dispatch(self._framer.reset(), time.monotonic_ns())

    def _session(self, port: serial.Serial) -> None:
        framer = self._framer
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
