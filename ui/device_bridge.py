"""Scale and printer callbacks (device threads) turned into Qt signals on the GUI thread."""

from __future__ import annotations

from app.scale_protocols import Reading, ScaleFrameError
from devices.printing.status import PrinterStatus
from devices.serial_scanner import PortState
from ui.qt import QObject, Signal


class ScaleBridge(QObject):
    reading = Signal(str, object, bool)  # scale name, Reading, stable by Tote's rule
    garbled = Signal(str, object)  # scale name, ScaleFrameError
    state_changed = Signal(str, str, str)  # scale name, PortState value, detail

    def on_reading(self, name: str, reading: Reading, stable: bool) -> None:
        self.reading.emit(name, reading, stable)

    def on_error(self, name: str, error: ScaleFrameError) -> None:
        self.garbled.emit(name, error)

    def on_state(self, name: str, state: PortState, detail: str) -> None:
        self.state_changed.emit(name, state.value, detail)


class PrinterBridge(QObject):
    status = Signal(str, str, str)  # printer name, PrinterState value, detail

    def on_status(self, name: str, status: PrinterStatus) -> None:
        self.status.emit(name, status.state.value, status.detail)
