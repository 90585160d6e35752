"""The kiosk shell: banner, screens, manual entry, status bar; scans in, outcomes shown.

The window asks a use case and shows its outcome; it holds no packing rules. A scan is
confirmed on screen only after the use case returned, that is after the commit.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, replace
from html import escape
from typing import Protocol

from app.repeat_guard import RepeatConfig, RepeatGuard
from app.scanning import RawScan
from app.serial_framing import FramingError
from app.usecases.documents import PrintResult
from app.usecases.pack_station import PackStation
from app.usecases.results import Outcome, ScanResult
from app.usecases.status import StationStatus
from app.wedge import WedgeConfig
from devices.serial_scanner import SerialScanner
from ui.messages import garbled_scan_text, outcome_feedback
from ui.print_worker import JobRunner, PrintWorker
from ui.qt import (
    QCloseEvent,
    QHBoxLayout,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.screens.pack import PackScreen
from ui.screens.ready import ReadyScreen
from ui.serial_bridge import SerialBridge
from ui.status_panel import StatusPanel
from ui.theme import Metrics
from ui.wedge_filter import WedgeFilter
from ui.widgets import Banner

log = logging.getLogger(__name__)


class Sound(Protocol):
    @property
    def available(self) -> bool: ...

    def play(self, name: str) -> None: ...


@dataclass(frozen=True, slots=True)
class Services:
    station: PackStation
    printer: JobRunner  # runs the jobs, off the GUI thread (a child process in the kiosk)
    status: StationStatus
    sound: Sound
    serial_scanners: tuple[SerialScanner, ...] = ()  # started by the window, once connected


class MainWindow(QMainWindow):
    scan_handled = Signal(object)  # ScanResult, after the screen shows it (tests, benchmarks)
    documents_done = Signal(object)  # list[PrintResult]

    def __init__(
        self,
        services: Services,
        wedge: WedgeConfig,
        metrics: Metrics,
        repeat: RepeatConfig | None = None,
    ) -> None:
        super().__init__()
        self._services = services
        self._repeats = RepeatGuard(repeat or RepeatConfig())
        self.setWindowTitle(self.tr("Tote — packing"))
        central = QWidget()
        root = QVBoxLayout(central)
        root.setContentsMargins(18, 18, 18, 0)
        root.setSpacing(14)

        self.banner = Banner(metrics.big_px, metrics.font_px)
        root.addWidget(self.banner)
        self.stack = QStackedWidget()
        self.ready = ReadyScreen()
        self.pack = PackScreen(row_height=round(metrics.touch_px * 1.3))
        self.stack.addWidget(self.ready)
        self.stack.addWidget(self.pack)
        root.addWidget(self.stack, 1)

        controls = QHBoxLayout()
        controls.setSpacing(14)
        self.entry = QLineEdit()
        self.entry.setPlaceholderText(self.tr("Type an order number, barcode or SKU"))
        self.entry.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        # A context menu (right-click, long-press) would take the keys of the next scan.
        self.entry.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.entry.returnPressed.connect(self._submit_typed)
        self.enter_button = self._button(self.tr("Enter"), self._submit_typed, "primary")
        self.aside_button = self._button(self.tr("Put order aside"), self._put_aside)
        self.retry_button = self._button(self.tr("Retry printing"), self._retry_print, "warning")
        controls.addWidget(self.entry, 1)
        for button in (self.enter_button, self.aside_button, self.retry_button):
            controls.addWidget(button)
        root.addLayout(controls)
        self.status_panel = StatusPanel(services.status, services.sound.available)
        self.status_panel.failing_changed.connect(self._show_retry)
        root.addWidget(self.status_panel)
        self.setCentralWidget(central)

        self.wedge = WedgeFilter(wedge, typing_target=self.entry, parent=self)
        self.wedge.scanned.connect(self.handle_scan)
        self.wedge.rejected.connect(self._wedge_rejected)
        self._print_problem = False  # the last document run failed (shown until one works)
        self._job_orders: dict[str, str] = {}  # print job -> order, for results without one
        self._printer = PrintWorker(services.printer, parent=self)
        self._printer.finished.connect(self._printed)
        self._printer.failed.connect(self._printing_failed)

    def _button(self, text: str, slot: object, name: str = "") -> QPushButton:
        button = QPushButton(text)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys stay with the scanner
        if name:
            button.setObjectName(name)
        button.clicked.connect(slot)
        return button

    # -- start ---------------------------------------------------------------------------

    def start(self) -> None:
        """Resume the order this station was on, and finish documents left pending."""
        try:
            self._start()
        except Exception as exc:  # the store is unreadable: say so, keep the window usable
            log.exception("start failed")
            self._alarm(
                self.tr("The station's store cannot be read ({error})").format(
                    error=type(exc).__name__
                ),
                self.tr("Call a supervisor. Do not pack until this is fixed."),
            )
        self.status_panel.start(self._services.station.context)
        self._start_serial_scanners()

    def _start_serial_scanners(self) -> None:
        """Connect before starting: a scan in the first instant must reach the window."""
        if not self._services.serial_scanners:
            return
        self._serial = SerialBridge(self)
        self._serial.scanned.connect(self.handle_scan)
        self._serial.garbled.connect(self._serial_garbled)
        self._serial.state_changed.connect(self.status_panel.set_serial_state)
        for scanner in self._services.serial_scanners:
            scanner.attach(self._serial.on_scan, self._serial.on_error, self._serial.on_state)
            scanner.start()

    def _serial_garbled(self, name: str, error: FramingError) -> None:
        if error.reason == "empty":
            return
        headline, action = garbled_scan_text(name, error.reason)
        self._alarm(headline, action)

    def _start(self) -> None:
        current = self._services.station.current()
        if current is None:
            self._show_ready()
        else:
            self.pack.show_order(current)
            self.stack.setCurrentWidget(self.pack)
            self.banner.show_message(
                "prompt",
                self.tr("Back on order {order}: {packed} of {total} units packed").format(
                    order=current.order_number,
                    packed=current.units_packed,
                    total=current.units_ordered,
                ),
                self.tr("Scan the next item."),
            )
        self._update_buttons()
        self._printer.submit(self._services.status.pending_print_jobs())

    def _show_ready(self) -> None:
        self.stack.setCurrentWidget(self.ready)
        self.banner.show_message("prompt", self.tr("Ready"), self.tr("Scan an order barcode."))

    # -- scans ---------------------------------------------------------------------------

    def handle_scan(self, raw: RawScan) -> None:
        if not self._repeats.accept(raw):
            log.info("multi-read of %r from %s ignored", raw.text, raw.source)
            return
        try:
            result = self._services.station.scan(raw)
        except Exception as exc:  # the store failed: nothing was confirmed, say so plainly
            log.exception("scan %r failed", raw.text)
            self._alarm(
                self.tr("The scan could not be saved ({error})").format(error=type(exc).__name__),
                self.tr("Scan the item again. If this repeats, call a supervisor."),
            )
            return
        try:
            self._show_result(result)
        except Exception:  # committed already; a display fault must not escape into Qt
            log.exception("showing the outcome of %r failed", raw.text)
        self.status_panel.note_scan()
        self.scan_handled.emit(result)

    def _show_result(self, result: ScanResult) -> None:
        if result.view is not None and result.outcome is not Outcome.ORDER_LEFT:
            self.pack.show_order(result.view)
            if self.stack.currentWidget() is not self.pack:
                self.stack.setCurrentWidget(self.pack)
        feedback = outcome_feedback(result)
        self.banner.show_message(feedback.tone, feedback.headline, feedback.action)
        self._services.sound.play(feedback.sound)
        if result.outcome is Outcome.ORDER_LEFT:
            self.stack.setCurrentWidget(self.ready)
        if result.outcome is Outcome.REPRINT_QUEUED and result.print_job_id:
            self._job_orders[result.print_job_id] = str(result.params.get("order", ""))
            self._printer.submit([result.print_job_id])
        if result.outcome is Outcome.ORDER_PACKED and result.view is not None:
            # The order is finished: nothing on it can be done any more, so leave its screen.
            number = result.view.order_number
            self.ready.show_last_packed(escape(number), escape(self.tr("Saving the packing slip…")))
            self.stack.setCurrentWidget(self.ready)
            if result.print_job_id:
                self._job_orders[result.print_job_id] = number
                self._printer.submit([result.print_job_id])
        self._update_buttons()

    def _submit_typed(self) -> None:
        text = self.entry.text().strip()
        self.entry.clear()
        self.entry.clearFocus()
        if text:
            self.handle_scan(RawScan(text, "manual", None, time.monotonic_ns()))

    def _wedge_rejected(self, reason: str, text: str) -> None:
        log.warning("wedge burst rejected (%s): %r", reason, text)
        if reason == "rejected_tail":  # the rest of a burst already reported
            return
        if reason == "too_long":
            headline = self.tr("Scan too long, ignored")
        else:
            headline = self.tr("Scan with a control key, ignored")
        self._alarm(headline, self.tr("Scan the barcode again."))

    def _put_aside(self) -> None:
        """The button does what CMD:ASIDE does, through the same use case and screen path."""
        try:
            result = self._services.station.leave_order()
        except Exception as exc:
            log.exception("put aside failed")
            self._alarm(
                self.tr("The order could not be put aside ({error})").format(
                    error=type(exc).__name__
                ),
                self.tr("Try again. If this repeats, call a supervisor."),
            )
            return
        self._show_result(result)

    # -- documents -----------------------------------------------------------------------

    def _printed(self, results: list[PrintResult]) -> None:
        results = [
            replace(r, order_number=r.order_number or self._job_orders.get(r.job_id, ""))
            for r in results
            if not r.in_progress  # another worker has those
        ]
        self._print_problem = any(not r.ok for r in results)
        for result in results:
            if result.ok:
                note = self.tr("Packing slip saved: {path}").format(path=escape(str(result.path)))
                if self.banner.tone == "done":
                    self.banner.show_message(
                        "done",
                        self.tr("Order {order} packed").format(order=result.order_number),
                        self.tr("Packing slip saved. Scan the next order."),
                    )
            else:
                note = self.tr("Packing slip NOT saved: {error}").format(
                    error=escape(result.error or "")
                )
                self._alarm(
                    self.tr("Packing slip for {order} could not be saved").format(
                        order=result.order_number or self.tr("an order")
                    ),
                    self.tr(
                        "The order is packed. Check the slip folder, then press Retry printing."
                    ),
                )
            if result.order_number:
                self.ready.show_last_packed(escape(result.order_number), note)
        self.refresh_status()
        self.documents_done.emit(results)

    def _printing_failed(self, error: str) -> None:
        self._alarm(
            self.tr("Documents could not be produced ({error})").format(error=error),
            self.tr("Packed orders are safe. Press Retry printing; if it repeats, call IT."),
        )
        self._print_problem = True
        self.retry_button.setVisible(True)
        self.documents_done.emit([])

    def _retry_print(self) -> None:
        """The operator asks again: pending jobs and those that failed for good."""
        try:
            jobs = self._services.status.pending_print_jobs(include_failed=True)
        except Exception:
            log.exception("reading print jobs failed")
            return
        self._printer.submit(jobs, retry_failed=True)

    # -- status --------------------------------------------------------------------------

    def _alarm(self, headline: str, action: str) -> None:
        """Red banner and the error sound: something needs the operator."""
        self.banner.show_message("error", headline, action)
        self._services.sound.play("error")

    def _update_buttons(self) -> None:
        self.aside_button.setVisible(self.stack.currentWidget() is self.pack)

    def shut_down(self) -> None:
        """Stop delivering background results (also when the app quits without closing)."""
        self._printer.close()
        self.status_panel.stop()
        for scanner in self._services.serial_scanners:
            scanner.stop()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.shut_down()
        super().closeEvent(event)

    def refresh_status(self) -> None:
        self.status_panel.refresh()

    def _show_retry(self, failing: int) -> None:
        self.retry_button.setVisible(failing > 0 or self._print_problem)
