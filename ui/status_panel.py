"""The status bar's behaviour: who and where, sync backlog, scanner, slips, sound.

Counts come from read snapshots every 2 s, and 400 ms after the operator stops scanning:
never on the scan path itself.
"""

from __future__ import annotations

import logging
import time

from app.context import StationContext
from app.usecases.status import StationStatus
from ui.qt import QTimer, QWidget, Signal
from ui.widgets import StatusBar

log = logging.getLogger(__name__)
REFRESH_MS = 2000
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
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.refresh)
        self._soon = QTimer(self)
        self._soon.setSingleShot(True)
        self._soon.setInterval(AFTER_SCANS_MS)
        self._soon.timeout.connect(self.refresh)

    def start(self, ctx: StationContext) -> None:
        self.set_state(self.station, self.tr("Station {code}").format(code=ctx.station_code))
        try:
            name = self._status.operator_name(ctx.operator_code)
        except Exception:
            log.exception("operator lookup failed")
            name = None
        self.set_state(
            self.operator,
            self.tr("Operator {name}").format(name=name)
            if name
            else self.tr("Operator {code} (unknown code)").format(code=ctx.operator_code),
            "" if name else "bad",
        )
        self.refresh()
        self._timer.start(REFRESH_MS)

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

    def refresh(self) -> None:
        """Counts from the store (read snapshots never wait for a writer)."""
        try:
            waiting = self._status.events_waiting()
            failing = self._status.print_jobs_failing()
        except Exception:
            log.exception("status query failed")
            self.set_state(self.sync, self.tr("Store unavailable"), "bad")
            return
        self.set_state(self.sync, self.tr("Sync: offline · {n} events waiting").format(n=waiting))
        self._show_scanner()
        if failing:
            self.set_state(
                self.printer, self.tr("Slips: {n} failed, press Retry").format(n=failing), "bad"
            )
        else:
            sound = "" if self._sound_available else self.tr(" · sound off")
            self.set_state(self.printer, self.tr("Slips: PDF ready") + sound)
        self.failing_changed.emit(failing)
