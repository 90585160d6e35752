"""What the window is given to work with: use cases, workers and devices, wired in
``app.main`` (the composition root) or by the tests."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from app.picking.runs import Method
from app.ports import DocumentRenderer, PrinterGateway
from app.station_devices import Language, StationDevices
from app.usecases.pack_station import PackStation
from app.usecases.pick_planning import WaveReport
from app.usecases.pick_receiving import Receiving
from app.usecases.pick_station import PickWork
from app.usecases.print_decisions import PrintDecisions
from app.usecases.status import StationStatus
from devices.printer_monitor import PrinterMonitor
from devices.serial_scale import SerialScale
from devices.serial_scanner import SerialScanner
from ui.print_worker import JobRunner
from ui.sync_link import SyncEngineLike


class Sound(Protocol):
    @property
    def available(self) -> bool: ...

    def play(self, name: str) -> None: ...


@dataclass(frozen=True, slots=True)
class Services:
    station: PackStation
    printer: JobRunner  # runs the jobs, off the GUI thread (a child process in the kiosk)
    status: StationStatus
    decisions: PrintDecisions  # the operator's answer about an uncertain print
    sound: Sound
    serial_scanners: tuple[SerialScanner, ...] = ()  # started by the window, once connected
    scale: SerialScale | None = None  # started by the window, once connected
    printer_monitor: PrinterMonitor | None = None  # printers' health, for the status bar
    # For the devices screen: the settings Tote started with, where Save writes them, and
    # what a test print needs. Without them the screen shows and tests what it can.
    devices: StationDevices | None = None
    devices_path: Path | None = None
    gateway: PrinterGateway | None = None
    renderers: Mapping[Language, DocumentRenderer] | None = None
    sync: SyncEngineLike | None = None  # the order service's link; None: working alone
    # Guided picking and receiving picks at packing; None: the kiosk only packs.
    picking: PickWork | None = None
    receiving: Receiving | None = None
    release_wave: Callable[[Method], WaveReport] | None = None  # slow: called off the GUI thread
