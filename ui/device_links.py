"""The station's devices wired to the window: serial scanners, the scale, printer health.

Each device reports on its own thread; the bridges queue those reports onto the GUI thread,
where this object routes them to the status bar and the devices screen, keeps the scale's
settled weight for the next scan, and hands serial scans and faults to the window.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from typing import TYPE_CHECKING

from app.scale_protocols import Reading, ScaleFrameError
from app.serial_framing import FramingError
from devices.printer_monitor import PrinterMonitor
from devices.serial_scale import SerialScale
from devices.serial_scanner import SerialScanner
from ui.device_bridge import PrinterBridge, ScaleBridge
from ui.messages import garbled_scan_text
from ui.qt import QObject, QTimer, Signal
from ui.serial_bridge import SerialBridge
from ui.status_panel import StatusPanel

if TYPE_CHECKING:  # the screen is imported when first opened, not at start
    from ui.screens.devices import DevicesScreen

log = logging.getLogger(__name__)
FRESH_S = 1.5  # a settled weight older than this is not the parcel on the scale now
SILENT_S = 3.0  # a connected scale quiet for longer is reported (stream scales never say)


class DeviceLinks(QObject):
    scanned = Signal(object)  # RawScan from a serial scanner
    alarm = Signal(str, str)  # headline, action: a device fault the operator must see
    settled = Signal(int)  # grams: the scale settled on a new weight (a box put on it)

    def __init__(
        self,
        scanners: Sequence[SerialScanner],
        scale: SerialScale | None,
        monitor: PrinterMonitor | None,
        status: StatusPanel,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._scanners = tuple(scanners)
        self._scale = scale
        self._monitor = monitor
        self._status = status
        self._screen: DevicesScreen | None = None  # built when first needed
        # The last word of each device, for a devices screen built later.
        self._serial_states: dict[str, tuple[str, str]] = {}
        self._last_scale: tuple[str, str, str] | None = None
        self._printer_states: dict[str, tuple[str, str]] = {}
        self._stable: tuple[int, float] | None = None  # settled grams, monotonic time
        self._last_reading = 0.0  # monotonic time of the scale's last reading
        self._watch = QTimer(self)  # a scale that went silent must not leave its weight
        self._watch.setInterval(1000)
        self._watch.timeout.connect(self._check_silence)

    @property
    def stable_weight_g(self) -> int | None:
        """The scale's settled weight, only while it is fresh: a weight the scale stopped
        confirming (silent, garbled, unplugged) is never recorded on a package."""
        if self._stable is None or time.monotonic() - self._stable[1] > FRESH_S:
            return None
        return self._stable[0]

    def start(self) -> None:
        """Connect before starting: a report in the first instant must reach the window."""
        if self._scanners:
            self._serial = SerialBridge(self)
            self._serial.scanned.connect(self.scanned)
            self._serial.garbled.connect(self._serial_garbled)
            self._serial.state_changed.connect(self._status.set_serial_state)
            self._serial.state_changed.connect(self._serial_state)
            for scanner in self._scanners:
                scanner.attach(self._serial.on_scan, self._serial.on_error, self._serial.on_state)
                scanner.start()
        if self._scale is not None:
            bridge = self._scale_bridge = ScaleBridge(self)
            bridge.reading.connect(self._weighed)
            bridge.garbled.connect(self._scale_garbled)
            bridge.state_changed.connect(self._scale_state)
            self._scale.attach(bridge.on_reading, bridge.on_error, bridge.on_state)
            self._last_reading = time.monotonic()
            self._scale.start()
            self._watch.start()
        if self._monitor is not None:
            self._printers = PrinterBridge(self)
            self._printers.status.connect(self._status.set_printer_status)
            self._printers.status.connect(self._printer_status)
            self._monitor.attach(self._printers.on_status)
            self._monitor.start()

    def attach_screen(self, screen: DevicesScreen) -> None:
        """The devices screen exists now: tell it what each device said last, then live."""
        self._screen = screen
        for name, (state, detail) in self._serial_states.items():
            screen.set_serial_state(name, state, detail)
        for name, (state, detail) in self._printer_states.items():
            screen.set_printer_status(name, state, detail)
        if self._last_scale is not None:
            screen.set_scale_state(*self._last_scale)

    def _serial_state(self, name: str, state: str, detail: str) -> None:
        self._serial_states[name] = (state, detail)
        if self._screen is not None:
            self._screen.set_serial_state(name, state, detail)

    def _printer_status(self, name: str, state: str, detail: str) -> None:
        self._printer_states[name] = (state, detail)
        if self._screen is not None:
            self._screen.set_printer_status(name, state, detail)

    def stop(self) -> None:
        self._watch.stop()
        for scanner in self._scanners:
            scanner.stop()
        if self._scale is not None:
            self._scale.stop()
        if self._monitor is not None:
            self._monitor.stop()

    def _serial_garbled(self, name: str, error: FramingError) -> None:
        if error.reason == "empty":
            return
        self.alarm.emit(*garbled_scan_text(name, error.reason))

    def _weighed(self, name: str, reading: Reading, stable: bool) -> None:
        now = time.monotonic()
        self._last_reading = now
        usable = stable and reading.weight_g is not None
        before = self._stable[0] if self._stable is not None else None
        self._stable = (reading.weight_g, now) if usable and reading.weight_g else None
        if self._stable is not None and self._stable[0] != before:
            self.settled.emit(self._stable[0])
        self._status.set_weight(reading.weight_g, stable)
        if self._screen is not None:
            self._screen.set_scale_reading(name, reading, stable)

    def _scale_state(self, name: str, state: str, detail: str) -> None:
        if state != "connected":
            self._stable = None
        self._last_reading = time.monotonic()
        self._status.set_scale_state(name, state, detail)
        self._last_scale = (name, state, detail)
        if self._screen is not None:
            self._screen.set_scale_state(name, state, detail)

    def _scale_garbled(self, name: str, error: ScaleFrameError) -> None:
        log.warning("scale %s: %s (%r)", name, error.message, error.raw)
        self._stable = None
        self._status.set_weight(None, False, error.message)
        if self._screen is not None:
            self._screen.set_scale_garbled(name, error)

    def _check_silence(self) -> None:
        quiet = time.monotonic() - self._last_reading
        if quiet > SILENT_S:
            self._stable = None
            self._status.set_weight(
                None, False, self.tr("no reading for {s} s").format(s=round(quiet))
            )
