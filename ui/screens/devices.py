"""The station's devices screen, for the technician who sets a station up.

Printers (live state, add / change / remove, test print with a preview), scanners (a test
scan shown as Tote reads it, serial ports, keyboard-scanner calibration) and the scale (live
weight, Zero, Tare, port settings). While it is shown, scans come here and never reach the
packing use case.

Edits are a draft until Save writes ``devices.toml`` atomically (``save_devices``). Tote
reads that file at start only: the screen says so, and never swaps a running device.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path

from app.ports import DocumentRenderer, PrinterGateway
from app.scale_protocols import Reading, ScaleFrameError
from app.scanning import RawScan
from app.station_devices import (
    DevicesFileError,
    Language,
    PrinterSettings,
    ScannerSettings,
    StationDevices,
    devices_from_dict,
    devices_to_dict,
    save_devices,
)
from app.wedge import WedgeConfig
from devices.serial_scale import SerialScale
from ui.device_tests import SamplePrinter
from ui.qt import QHBoxLayout, QStackedWidget, QVBoxLayout, QWidget, Signal
from ui.screens.printers_page import PrintersPage
from ui.screens.scale_page import ScalePage
from ui.screens.scanners_page import ScannersPage
from ui.touch import ChoiceRow, touch_button

log = logging.getLogger(__name__)
PRINTERS, SCANNERS, SCALE = range(3)


class DevicesScreen(QWidget):
    back_requested = Signal()
    # What the banner should say while this screen shows: tone, headline, action. The
    # banner is where people look; here it says that changes wait for the next start.
    notice = Signal(str, str, str)

    def __init__(
        self,
        devices: StationDevices | None,
        devices_path: Path | None,
        *,
        gateway: PrinterGateway | None = None,
        renderers: Mapping[Language, DocumentRenderer] | None = None,
        scale: SerialScale | None = None,
        serial_scanners: Sequence[tuple[str, str]] = (),  # (name, port) of running ones
        wedge_gap_ms: float = WedgeConfig().max_gap_ms,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._saved = devices or StationDevices()
        self._draft = self._saved
        self._path = devices_path
        self._gap_in_use = wedge_gap_ms
        self._leaving = False  # Back was pressed once with unsaved changes
        self.tester = (
            SamplePrinter(gateway, renderers, parent=self)
            if gateway is not None and renderers is not None
            else None
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)

        top = QHBoxLayout()
        top.setSpacing(14)
        self.sections = ChoiceRow(
            [
                (PRINTERS, self.tr("Printers")),
                (SCANNERS, self.tr("Scanners")),
                (SCALE, self.tr("Scale")),
            ]
        )
        self.save_button = touch_button(self.tr("Save"), self.save, "primary")
        self.back_button = touch_button(self.tr("Back"), self._back)
        top.addWidget(self.sections, 1)
        top.addWidget(self.save_button)
        top.addWidget(self.back_button)
        layout.addLayout(top)
        self.last_notice = ("prompt", "", "")

        self.pages = QStackedWidget()
        self.printers = PrintersPage(self.tester, self._printers_problem)
        self.scanners = ScannersPage(self._scanners_problem)
        self.scanners.set_running(  # the names devices.toml gave; others: the command line
            serial_scanners, {s.name for s in self._saved.scanners}
        )
        self.scale = ScalePage(scale)
        for page in (self.printers, self.scanners, self.scale):
            self.pages.addWidget(page)
        layout.addWidget(self.pages, 1)

        self.sections.changed.connect(self.pages.setCurrentIndex)
        self.printers.changed.connect(self._printers_changed)
        self.scanners.gap_accepted.connect(self._gap_accepted)
        self.scanners.changed.connect(self._scanners_changed)
        self.scale.changed.connect(self._refresh)
        self.open()

    # -- showing ---------------------------------------------------------------------------

    def open(self, section: int = PRINTERS) -> None:
        """Start from the saved settings (an unsaved draft was left behind on Back)."""
        self._draft = self._saved
        self._leaving = False
        self.sections.set_value(section)
        self.pages.setCurrentIndex(section)
        self.printers.set_printers(self._saved.printers)
        self.scale.set_settings(self._saved.scale)
        self.scanners.stop()
        self.scanners.set_scanners(self._saved.scanners)
        self._refresh()

    def show_section(self, section: int) -> None:
        self.sections.set_value(section)
        self.pages.setCurrentIndex(section)

    # -- inputs from the window ------------------------------------------------------------

    def show_scan(self, raw: RawScan) -> None:
        self.show_section(SCANNERS)
        self.scanners.show_scan(raw)

    def add_burst(self, times: Sequence[int]) -> None:
        self.scanners.add_burst(times)

    def set_printer_status(self, name: str, state: str, detail: str) -> None:
        self.printers.set_status(name, state, detail)

    def set_serial_state(self, name: str, state: str, detail: str) -> None:
        self.scanners.set_serial_state(name, state, detail)

    def set_scale_reading(self, name: str, reading: Reading, stable: bool) -> None:
        self.scale.set_reading(name, reading, stable)

    def set_scale_state(self, name: str, state: str, detail: str) -> None:
        self.scale.set_state(name, state, detail)

    def set_scale_garbled(self, name: str, error: ScaleFrameError) -> None:
        self.scale.set_garbled(name, error)

    def close_checks(self) -> None:
        """Deliver no more test results (the window is closing)."""
        if self.tester is not None:
            self.tester.close()
        self.scale.close_commands()

    # -- the draft -------------------------------------------------------------------------

    def draft(self) -> StationDevices:
        """Everything as edited; DevicesFileError when it cannot be the station's."""
        return replace(self._draft, scale=self.scale.settings())

    def _printers_problem(self, printers: tuple[PrinterSettings, ...]) -> str:
        try:
            replace(self._draft, printers=printers)
        except DevicesFileError as exc:
            return str(exc)
        return ""

    def _printers_changed(self, printers: tuple[PrinterSettings, ...]) -> None:
        self._draft = replace(self._draft, printers=printers)
        self._refresh()

    def _scanners_problem(self, scanners: tuple[ScannerSettings, ...]) -> str:
        try:
            replace(self._draft, scanners=scanners)
        except ValueError as exc:  # DevicesFileError, or a check that missed
            return str(exc)
        return ""

    def _scanners_changed(self, scanners: tuple[ScannerSettings, ...]) -> None:
        self._draft = replace(self._draft, scanners=scanners)
        self._refresh()

    def _gap_accepted(self, gap_ms: float) -> None:
        self._draft = replace(self._draft, wedge_max_gap_ms=gap_ms)
        self._refresh()

    def unsaved(self) -> bool:
        try:
            return self.draft() != self._saved
        except DevicesFileError:
            return True

    def _refresh(self) -> None:
        self._leaving = False
        self.back_button.setText(self.tr("Back"))
        default = WedgeConfig().max_gap_ms
        self.scanners.set_gap(self._gap_in_use, self._draft.wedge_max_gap_ms or default)
        unsaved = self.unsaved()
        self.save_button.setEnabled(unsaved and self._path is not None)
        if self._path is None:
            self._say(
                "error",
                self.tr("This station has no devices file"),
                self.tr("Nothing can be saved here."),
            )
        elif unsaved:
            self._say(
                "warn",
                self.tr("Not saved yet"),
                self.tr("Press Save. Tote uses the new settings from its next start."),
            )
        else:
            self._say(
                "prompt",
                self.tr("Station devices"),
                self.tr("Changes are used from the next start of Tote."),
            )

    def _say(self, tone: str, headline: str, action: str) -> None:
        self.last_notice = (tone, headline, action)
        self.notice.emit(tone, headline, action)

    # -- save and leave --------------------------------------------------------------------

    def save(self) -> bool:
        """Write devices.toml atomically; every problem is shown and nothing is written."""
        if self._path is None:
            return False
        try:
            devices = self.draft()
            devices_from_dict(devices_to_dict(devices))  # what the next start will read
            save_devices(self._path, devices)
        except DevicesFileError as exc:
            self._say(
                "error",
                self.tr("Not saved: {problem}").format(problem=exc),
                self.tr("Fix it and press Save again. The file was not changed."),
            )
            return False
        except OSError as exc:
            log.exception("saving %s failed", self._path)
            self._say(
                "error",
                self.tr("Not saved: {path} could not be written ({error})").format(
                    path=self._path, error=exc.strerror or type(exc).__name__
                ),
                self.tr("The file was not changed. Call IT if this repeats."),
            )
            return False
        self._saved = self._draft = devices
        self._refresh()
        self._say(
            "ok",
            self.tr("Saved"),
            self.tr("Restart Tote to use the new settings: it reads them only at start."),
        )
        return True

    def _back(self) -> None:
        if self.unsaved() and not self._leaving:
            self._leaving = True
            self.back_button.setText(self.tr("Leave without saving"))
            self._say(
                "error",
                self.tr("Not saved yet"),
                self.tr("Press Save, or press Leave without saving."),
            )
            return
        self.scanners.stop()
        self.back_requested.emit()
