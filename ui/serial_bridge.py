"""Serial scanner callbacks (reader threads) turned into Qt signals on the GUI thread."""

from __future__ import annotations

from app.scanning import RawScan
from app.serial_framing import FramingError
from devices.serial_scanner import PortState
from ui.qt import QObject, Signal


class SerialBridge(QObject):
    """Emitted from reader threads; Qt queues each signal to the receivers' (GUI) thread."""

    scanned = Signal(object)  # RawScan
    garbled = Signal(str, object)  # scanner name, FramingError
    state_changed = Signal(str, str, str)  # scanner name, PortState value, detail

    def on_scan(self, scan: RawScan) -> None:
        self.scanned.emit(scan)

    def on_error(self, name: str, error: FramingError) -> None:
        self.garbled.emit(name, error)

    def on_state(self, name: str, state: PortState, detail: str) -> None:
        self.state_changed.emit(name, state.value, detail)
