"""The status bar's behaviour: who and where, sync backlog, scanner, slips, sound.

Counts come from read snapshots every 2 s, and 400 ms after the operator stops scanning:
never on the scan path itself.
"""

from __future__ import annotations

import logging
import time
from dataclasses import replace

from app.context import StationContext
from app.sync_status import NOT_CONFIGURED, SyncStatus
from app.usecases.status import StationStatus
from ui.qt import QTimer, QWidget, Signal, translate
from ui.sync_texts import sync_text
from ui.translations import kilograms
from ui.widgets import StatusBar

log = logging.getLogger(__name__)
REFRESH_MS = 2000


def printer_state_text(state: str) -> str:
    texts = {
        "ready": translate("StatusPanel", "ready"),
        "busy": translate("StatusPanel", "busy"),
        "offline": translate("StatusPanel", "offline, check power and cable"),
        "paper_out": translate("StatusPanel", "paper out"),
        "paper_low": translate("StatusPanel", "paper low"),
        "cover_open": translate("StatusPanel", "cover open"),
        "paused": translate("StatusPanel", "paused"),
        "head_open": translate("StatusPanel", "head open"),
        "error": translate("StatusPanel", "error"),
        "unknown": translate("StatusPanel", "not answering"),
    }
    return texts.get(state, state)


AFTER_SCANS_MS = 400


class StatusPanel(StatusBar):
    failing_changed = Signal(int)  # print jobs that need the operator's Retry

    def __init__(
        self, status: StationStatus, sound_available: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._status = status
        self._sound_available = sound_available
        self._last_scan_at: str | None = None
        self._serial: dict[str, str] = {}  # scanner name -> PortState value
        self._printers: dict[str, tuple[str, str]] = {}  # name -> (PrinterState value, detail)
        self._failing = 0
        self._scale_state = "connected"
        self._sync: SyncStatus | None = None  # the sync engine's last word, if there is one
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.refresh)
        self._soon = QTimer(self)
        self._soon.setSingleShot(True)
        self._soon.setInterval(AFTER_SCANS_MS)
        self._soon.timeout.connect(self.refresh)

    def start(self, ctx: StationContext) -> None:
        self.set_state(self.station, self.tr("Station {code}").format(code=ctx.station_code))
        self.show_operator(ctx.operator_code)
        self.refresh()
        self._timer.start(REFRESH_MS)

    def show_operator(self, code: str) -> None:
        """Who is signed in: the name, or the code in red when the store does not know it."""
        try:
            name = self._status.operator_name(code)
        except Exception:
            log.exception("operator lookup failed")
            name = None
        self.set_state(
            self.operator,
            self.tr("Operator {name}").format(name=name)
            if name
            else self.tr("Operator {code} (unknown code)").format(code=code),
            "" if name else "bad",
        )

    def stop(self) -> None:
        self._timer.stop()
        self._soon.stop()

    def note_scan(self) -> None:
        """A scan was handled: show its time now, the counts once scanning pauses."""
        self._last_scan_at = time.strftime("%H:%M:%S")
        self._show_scanner()
        self._soon.start()

    def set_serial_state(self, name: str, state: str, detail: str) -> None:
        self._serial[name] = state
        self._show_scanner()

    def _show_scanner(self) -> None:
        scanner = self.tr("Scanner ready")
        if self._last_scan_at:
            scanner += self.tr(" · last scan {at}").format(at=self._last_scan_at)
        unplugged = sorted(n for n, s in self._serial.items() if s != "connected")
        if unplugged:
            scanner = self.tr("Scanner {names} not connected: check its cable").format(
                names=", ".join(unplugged)
            )
        self.set_state(self.scanner, scanner, "bad" if unplugged else "good")

    def set_sync_status(self, status: SyncStatus) -> None:
        self._sync = status
        self.set_state(self.sync, *sync_text(status))

    def set_printer_status(self, name: str, state: str, detail: str) -> None:
        self._printers[name] = (state, detail)
        self._show_printers()

    def set_scale_state(self, name: str, state: str, detail: str) -> None:
        self.scale.show()
        self._scale_state = state
        if state != "connected":
            self.set_state(
                self.scale,
                self.tr("Scale {name} not connected: check its cable").format(name=name),
                "bad",
            )
        else:
            self.set_state(self.scale, self.tr("Scale ready"), "good")

    def set_weight(self, grams: int | None, stable: bool, problem: str = "") -> None:
        """The scale's current reading: kilograms with three decimals, and whether it
        has settled (a parcel's weight is taken only when it has)."""
        self.scale.show()
        if self._scale_state != "connected":
            return
        if problem:
            self.set_state(self.scale, self.tr("Scale: {problem}").format(problem=problem), "bad")
        elif grams is None:
            self.set_state(self.scale, self.tr("Scale: no weight"), "")
        elif stable:
            text = self.tr("Scale {kg} kg, stable").format(kg=kilograms(grams))
            self.set_state(self.scale, text, "good")
        else:
            text = self.tr("Scale {kg} kg, settling…").format(kg=kilograms(grams))
            self.set_state(self.scale, text, "")

    def _show_printers(self) -> None:
        if self._failing:
            text = self.tr("Printing: {n} documents not printed, press Retry").format(
                n=self._failing
            )
            self.set_state(self.printer, text, "bad")
            return
        trouble = [
            (name, state, detail)
            for name, (state, detail) in sorted(self._printers.items())
            if state not in ("ready", "busy", "paper_low")
        ]
        sound = "" if self._sound_available else self.tr(" · sound off")
        if not trouble:
            self.set_state(self.printer, self.tr("Printers ready") + sound, "good")
            return
        parts = [
            self.tr("{printer}: {state}").format(printer=name, state=printer_state_text(state))
            for name, state, _ in trouble
        ]
        self.set_state(self.printer, " · ".join(parts) + sound, "bad")

    def refresh(self) -> None:
        """Counts from the store (read snapshots never wait for a writer)."""
        try:
            waiting = self._status.events_waiting()
            failing = self._status.print_jobs_failing()
        except Exception:
            log.exception("status query failed")
            self.set_state(self.sync, self.tr("Store unavailable"), "bad")
            return
        if self._sync is None:  # no order service: the events wait here, safe
            self.set_state(self.sync, *sync_text(replace(NOT_CONFIGURED, waiting=waiting)))
        self._show_scanner()
        self._failing = failing
        self._show_printers()
        self.failing_changed.emit(failing)
