"""Building the real kiosk window on a real store for UI tests and benchmarks."""

from __future__ import annotations

import contextlib
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.context import StationContext
from app.main import document_worker
from app.ports import DocumentRenderer
from app.repeat_guard import RepeatConfig
from app.station_devices import Language, StationDevices, default_devices
from app.store.open import Store
from app.usecases.pack_station import PackStation
from app.usecases.print_decisions import PrintDecisions
from app.usecases.status import StationStatus
from app.wedge import WedgeConfig
from devices.printer_gateway import PrinterGateway
from devices.printer_monitor import PrinterMonitor
from devices.render.escpos_receipt import EscPosRenderer
from devices.render.zpl import ZplRenderer
from devices.serial_scale import SerialScale
from devices.serial_scanner import SerialScanner
from ui.document_process import DocumentProcess
from ui.label_image import QtLabelRenderer
from ui.main_window import MainWindow
from ui.qt import QApplication, QEvent, QKeyEvent, Qt, QWidget
from ui.services import Services
from ui.sync_link import SyncEngineLike
from ui.theme import apply_theme

_processes: list[DocumentProcess] = []
_gateways: list[PrinterGateway] = []
NO_REPEAT_SUPPRESSION = RepeatConfig(window_ms=0)


@dataclass
class RecordingSound:
    """Remembers what the kiosk asked to play (the real player is tested in devices/)."""

    available: bool = True
    played: list[str] = field(default_factory=list)

    def play(self, name: str) -> None:
        self.played.append(name)


def build_window(
    store: Store,
    output_dir: Path,
    ctx: StationContext | None = None,
    serial_scanners: tuple[SerialScanner, ...] = (),
    repeat: RepeatConfig = NO_REPEAT_SUPPRESSION,
    devices: StationDevices | None = None,
    scale: SerialScale | None = None,
    printer_monitor: PrinterMonitor | None = None,
    devices_path: Path | None = None,
    wedge: WedgeConfig | None = None,
    sync: SyncEngineLike | None = None,
    **more: Any,
) -> tuple[MainWindow, RecordingSound]:
    """The kiosk as app.main wires it, but with multi-read suppression off by default:
    tests scan the next unit of an item within milliseconds, no person does."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    metrics = apply_theme(app)
    ctx = ctx or StationContext("PACK-UI", "OP-001")
    station = PackStation(
        store.sessions,
        ctx,
        reads=store.reads,
        require_claims=sync is not None,
        packing=more.pop("packing", None),
        shipping=more.pop("shipping", None),
    )
    station.ensure_station("UI test station")
    sound = RecordingSound()
    if devices is None:  # as app.main: the output folder is made, the printer reports a fault
        with contextlib.suppress(OSError):
            output_dir.mkdir(parents=True, exist_ok=True)
        devices = default_devices(output_dir)
    printer = DocumentProcess(document_worker, (store.path, devices, ctx))
    _processes.append(printer)
    gateway = PrinterGateway()  # the devices screen's test prints
    _gateways.append(gateway)
    renderers: dict[Language, DocumentRenderer] = {
        Language.PDF: QtLabelRenderer(),
        Language.ZPL: ZplRenderer(),
        Language.ESCPOS: EscPosRenderer(),
    }
    services = Services(
        station=station,
        printer=printer,
        status=StationStatus(store.reads),
        decisions=PrintDecisions(store.sessions, lambda: station.context),
        sound=sound,
        serial_scanners=serial_scanners,
        scale=scale,
        printer_monitor=printer_monitor,
        devices=devices,
        devices_path=devices_path or output_dir.parent / "devices.toml",
        gateway=gateway,
        renderers=renderers,
        sync=sync,
        **more,  # further services (picking, receiving, release_wave)
    )
    window = MainWindow(services, wedge or WedgeConfig(), metrics, repeat)
    window.wedge.install(app)
    window.start()
    window.resize(1280, 800)
    window.show()
    return window, sound


def key_target(window: MainWindow) -> QWidget:
    """Where a real keyboard's key lands: the focused widget, else the window."""
    return QApplication.focusWidget() or window


def send_key(target: QWidget, text: str, key: Qt.Key = Qt.Key.Key_unknown) -> None:
    """One key press and release. QTest.keyClicks aborts on characters such as GS or Σ
    (see shared notes), so events are built by hand, like a wedge scanner's HID keys."""
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(target, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, text))


def wedge_scan(window: MainWindow, code: str) -> None:
    """A scanner burst: every character back to back, then Enter."""
    for ch in code:
        send_key(key_target(window), ch)
    send_key(key_target(window), "\r", Qt.Key.Key_Return)


def uninstall(window: MainWindow) -> None:
    """Close the window and stop the document processes the tests started."""
    while _processes:
        _processes.pop().stop()
    while _gateways:
        _gateways.pop().close()
    app = QApplication.instance()
    assert app is not None
    app.removeEventFilter(window.wedge)
    window.close()
    window.deleteLater()


def timed_scan(window: MainWindow, code: str, stamp_ms: int, gap_ms: int) -> int:
    """A wedge scan whose keys carry window-system timestamps gap_ms apart, and arrive that
    far apart too (the key clock trusts the least delayed key); the next free stamp."""
    for i, ch in enumerate([*code, "\r"]):
        time.sleep(gap_ms / 1000)
        key = Qt.Key.Key_Return if ch == "\r" else Qt.Key.Key_unknown
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, ch)
            event.setTimestamp(stamp_ms + i * gap_ms)
            QApplication.sendEvent(key_target(window), event)
    return stamp_ms + (len(code) + 1) * gap_ms + 500
