"""The kiosk shell: banner, screens, manual entry, status bar; scans in, outcomes shown.

The window asks a use case and shows its outcome; it holds no packing rules. A scan is
confirmed on screen only after the use case returned, that is after the commit.
"""

from __future__ import annotations

import logging
import time
from typing import TYPE_CHECKING

from app.repeat_guard import RepeatConfig, RepeatGuard
from app.scanning import RawScan
from app.usecases.results import Outcome, ScanResult
from app.usecases.views import PackView
from app.wedge import WedgeConfig
from ui.device_links import DeviceLinks
from ui.messages import outcome_feedback
from ui.pick_controller import PickController
from ui.print_check import PrintCheck
from ui.print_controller import PrintController
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
from ui.services import Services
from ui.status_panel import StatusPanel
from ui.sync_panel import SyncPanel
from ui.theme import Metrics
from ui.wedge_filter import WedgeFilter
from ui.widgets import Banner

if TYPE_CHECKING:  # imported when the screen is first opened
    from ui.screens.devices import DevicesScreen
    from ui.screens.refused_events import RefusedEventsScreen

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    scan_handled = Signal(object)  # ScanResult, after the screen shows it (tests, benchmarks)
    weight_handled = Signal(object)  # ScanResult of a settled weight the order used
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

        self._metrics = metrics
        self._refused: RefusedEventsScreen | None = None  # built when first asked for
        self._before_refused: QWidget | None = None
        self.sync = SyncPanel(services.sync, parent=self)  # its buttons join the controls
        self.banner = Banner(metrics.big_px, metrics.font_px)
        root.addWidget(self.banner)
        self.stack = QStackedWidget()
        self.ready = ReadyScreen()
        self.pack = PackScreen(row_height=round(metrics.touch_px * 1.3), metrics=metrics)
        self.pack.code_chosen.connect(self._touch_code)
        self.stack.addWidget(self.ready)
        self.stack.addWidget(self.pack)
        root.addWidget(self.stack, 1)
        self.print_check = PrintCheck()
        root.addWidget(self.print_check)
        # Picking and sorting, when the station does them: its buttons join the controls.
        self.picking = PickController(services, self.stack, self.banner, metrics, parent=self)
        self.picking.packing_requested.connect(self._show_packing)

        root.addLayout(self._controls())
        self.ready.devices_button.clicked.connect(self._show_devices)
        self.status_panel = StatusPanel(services.status, services.sound.available)
        self.status_panel.failing_changed.connect(self._show_retry)
        root.addWidget(self.status_panel)
        self.setCentralWidget(central)

        self.wedge = WedgeFilter(wedge, typing_target=self.entry, parent=self)
        self.wedge.scanned.connect(self.handle_scan)
        self.wedge.rejected.connect(self._wedge_rejected)
        self._wedge_config = wedge
        self._devices: DevicesScreen | None = None  # built on first use (start-up time)
        self.wedge.burst_timed.connect(self._wedge_burst)
        self._print_problem = False  # the last document run failed (shown until one works)
        self.device_links = DeviceLinks(
            services.serial_scanners,
            services.scale,
            services.printer_monitor,
            self.status_panel,
            parent=self,
        )
        self.device_links.scanned.connect(self.handle_scan)
        self.device_links.settled.connect(self._weighed)
        self.device_links.alarm.connect(self._alarm)
        self.printing = self._printing(services)
        self.sync.attach(self.status_panel)
        self.sync.refused_requested.connect(self._show_refused)
        self.sync.alarm.connect(self._alarm)
        self.sync.notice.connect(self.banner.show_message)
        self.sync.claimed.connect(self._scan_now)
        self.sync.download_progress.connect(self.ready.show_download)
        self.sync.work_stopped.connect(self._check_stopped)

    @property
    def stable_weight_g(self) -> int | None:
        """The scale's settled weight now, if it has one (recorded by the next scan)."""
        return self.device_links.stable_weight_g

    @property
    def devices(self) -> DevicesScreen:
        """The technician's screen, built the first time it is needed (about 0.1 s that
        the kiosk's start does not pay); scans go to it while it is shown."""
        if self._devices is None:
            self._devices = self._devices_screen(self._services, self._wedge_config)
            self.device_links.attach_screen(self._devices)
        return self._devices

    def _devices_screen(self, services: Services, wedge: WedgeConfig) -> DevicesScreen:
        from ui.screens import devices  # here: its import is part of what start skips

        screen = devices.DevicesScreen(
            services.devices,
            services.devices_path,
            gateway=services.gateway,
            renderers=services.renderers,
            scale=services.scale,
            serial_scanners=[(s.config.name, s.config.port) for s in services.serial_scanners],
            wedge_gap_ms=wedge.max_gap_ms,
        )
        self.stack.addWidget(screen)
        screen.back_requested.connect(self._show_ready)
        screen.notice.connect(self._devices_notice)
        return screen

    def _printing(self, services: Services) -> PrintController:
        printing = PrintController(
            services.printer, services.status, services.decisions, parent=self
        )
        printing.alarm.connect(self._alarm)
        printing.printed.connect(self._printed)
        printing.problem_changed.connect(self._set_print_problem)
        printing.uncertain_changed.connect(self.print_check.show_jobs)
        printing.done.connect(self._documents_done)
        self.print_check.confirmed.connect(printing.confirm_printed)
        self.print_check.again.connect(printing.print_again)
        return printing

    def _controls(self) -> QHBoxLayout:
        """Manual entry and the few buttons; none takes focus from the scanner."""
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
        buttons = (
            self.enter_button,
            self.aside_button,
            self.retry_button,
            *self.sync.buttons,
            *self.picking.buttons,
        )
        for button in buttons:
            controls.addWidget(button)
        return controls

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
        self.device_links.start()
        self.sync.start()

    def _start(self) -> None:
        current = self._services.station.current()
        if current is not None or not self.picking.resume():  # else back on its pick run
            self._show_order_or_ready(current)
        self._update_buttons()
        self._check_stopped()  # stopped by the centre while the station was off
        self.printing.start()

    def _show_packing(self) -> None:
        """Back from picking or sorting to the order this station packs, or to Ready."""
        self._show_order_or_ready(self._services.station.current())
        self._check_stopped()

    def _show_order_or_ready(self, current: PackView | None) -> None:
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

    def _check_stopped(self) -> None:
        """The centre may have cancelled, held or changed the order on the screen: if so,
        say at once what to do with its scanned items, not only at the next scan."""
        if self.stack.currentWidget() is not self.pack:
            return
        try:
            notice = self._services.station.stop_notice()
        except Exception:
            log.exception("stop notice lookup failed")
            return
        if notice is not None:
            self._show_result(notice)

    def _show_ready(self) -> None:
        self.stack.setCurrentWidget(self.ready)
        self.banner.show_message("prompt", self.tr("Ready"), self.tr("Scan an order barcode."))
        self._update_buttons()

    def _show_devices(self) -> None:
        self.devices.open()
        self.stack.setCurrentWidget(self.devices)
        self.banner.show_message(*self.devices.last_notice)
        self._update_buttons()

    def _devices_notice(self, tone: str, headline: str, action: str) -> None:
        if self._devices is not None and self.stack.currentWidget() is self._devices:
            self.banner.show_message(tone, headline, action)

    def _wedge_burst(self, times: tuple[int, ...]) -> None:
        if self._devices is not None and self.stack.currentWidget() is self._devices:
            self._devices.add_burst(times)

    # -- scans ---------------------------------------------------------------------------

    def handle_scan(self, raw: RawScan) -> None:
        if self._devices is not None and self.stack.currentWidget() is self._devices:
            self._devices.show_scan(raw)  # a test scan: shown, never packed
            return
        if not self._repeats.accept(raw):
            log.info("multi-read of %r from %s ignored", raw.text, raw.source)
            return
        if self.picking.active:  # picking or sorting: the controller shows the outcome
            self.scan_handled.emit(self.picking.handle_scan(raw))
            self.status_panel.note_scan()
            return
        self._scan_now(raw)

    def _scan_now(self, raw: RawScan) -> None:
        """The use case's answer to ``raw``, shown (also a scan re-run once its order is
        leased: the repeat guard has seen it already)."""
        try:
            result = self._services.station.scan(raw, self.stable_weight_g)
        except Exception as exc:  # the store failed: nothing was confirmed, say so plainly
            log.exception("scan %r failed", raw.text)
            self._alarm(
                self.tr("The scan could not be saved ({error})").format(error=type(exc).__name__),
                self.tr("Scan the item again. If this repeats, call a supervisor."),
            )
            return
        if self.sync.needs_claim(result, raw):  # asked the centre; the answer re-runs it
            self.status_panel.note_scan()
            self.scan_handled.emit(result)
            return
        try:
            self._show_result(result)
        except Exception:  # committed already; a display fault must not escape into Qt
            log.exception("showing the outcome of %r failed", raw.text)
        self.status_panel.note_scan()
        self.scan_handled.emit(result)

    def _show_result(self, result: ScanResult) -> None:
        leaves = (Outcome.ORDER_LEFT, Outcome.ORDER_PACKED)  # the pack screen is left at once
        if result.view is not None and result.outcome not in leaves:
            self.pack.show_order(result.view)
            if self.stack.currentWidget() is not self.pack:
                self.stack.setCurrentWidget(self.pack)
        feedback = outcome_feedback(result)
        self.banner.show_message(feedback.tone, feedback.headline, feedback.action)
        self._services.sound.play(feedback.sound)
        if result.outcome is Outcome.ORDER_LEFT:
            self.stack.setCurrentWidget(self.ready)
        if result.outcome is Outcome.OPERATOR_SIGNED_IN:
            self.status_panel.show_operator(str(result.params.get("operator", "")))
        if result.outcome is Outcome.REPRINT_QUEUED:
            self.printing.submit(result.print_job_ids, str(result.params.get("order", "")))
        if result.outcome is Outcome.PACKAGE_CLOSED and result.view is not None:
            self.printing.submit(result.print_job_ids, result.view.order_number)
        if result.outcome is Outcome.ORDER_PACKED and result.view is not None:
            # The order is finished: nothing on it can be done any more, so leave its screen.
            number = result.view.order_number
            self.ready.show_last_packed(number, [self.tr("Printing…")])
            self.stack.setCurrentWidget(self.ready)
            self.printing.submit(result.print_job_ids, number)
        self._update_buttons()

    def _touch_code(self, code: str) -> None:
        """A reason or command tapped on the packing screen: the same as its scan."""
        self.handle_scan(RawScan(code, "touch", None, time.monotonic_ns()))

    def _weighed(self, grams: int) -> None:
        """A box settled on the scale: it may close the open box (or need a recount)."""
        if self.stack.currentWidget() is not self.pack or self.picking.active:
            return
        try:
            result = self._services.station.weigh(grams)
        except Exception as exc:
            log.exception("weighing %s g failed", grams)
            self._alarm(
                self.tr("The weight could not be saved ({error})").format(error=type(exc).__name__),
                self.tr("Lift the box and put it on the scale again."),
            )
            return
        if result is None:
            return
        self._show_result(result)
        self.weight_handled.emit(result)

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

    def _printed(self, order_number: str, notes: list[str]) -> None:
        self.ready.show_last_packed(order_number, notes)

    def _documents_done(self, results: list[object]) -> None:
        self.refresh_status()
        self.documents_done.emit(results)

    def _set_print_problem(self, problem: bool) -> None:
        self._print_problem = problem
        self.retry_button.setVisible(problem or self.retry_button.isVisible())

    def _retry_print(self) -> None:
        self.printing.retry()

    def _show_refused(self) -> None:
        """The events the office refused, for a supervisor; Back returns to where it was."""
        from ui.screens.refused_events import RefusedEventsScreen

        if self._refused is None:
            self._refused = RefusedEventsScreen(self._metrics.touch_px)
            self.stack.addWidget(self._refused)
            self._refused.back_requested.connect(self._leave_refused)
        if self.stack.currentWidget() is not self._refused:
            self._before_refused = self.stack.currentWidget()
        try:
            self._refused.show_events(self._services.status.refused_events())
        except Exception:
            log.exception("refused events lookup failed")
        self.stack.setCurrentWidget(self._refused)
        self.banner.show_message(
            "warn",
            self.tr("Events the office refused"),
            self.tr("Show them to a supervisor; packing goes on."),
        )
        self._update_buttons()

    def _leave_refused(self) -> None:
        back = self._before_refused or self.ready
        if back is self.ready:
            self._show_ready()
        else:
            self.stack.setCurrentWidget(back)
            self.banner.show_message("prompt", self.tr("Back to packing"), "")
            self._update_buttons()

    # -- status --------------------------------------------------------------------------

    def _alarm(self, headline: str, action: str) -> None:
        """Red banner and the error sound: something needs the operator."""
        self.banner.show_message("error", headline, action)
        self._services.sound.play("error")

    def _update_buttons(self) -> None:
        self.aside_button.setVisible(self.stack.currentWidget() is self.pack)

    def shut_down(self) -> None:
        """Stop delivering background results (also when the app quits without closing)."""
        self.printing.close()
        self.picking.close()
        if self._devices is not None:
            self._devices.close_checks()
        self.status_panel.stop()
        self.device_links.stop()
        self.sync.stop()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.shut_down()
        super().closeEvent(event)

    def refresh_status(self) -> None:
        self.status_panel.refresh()

    def _show_retry(self, failing: int) -> None:
        self.retry_button.setVisible(failing > 0 or self._print_problem)
