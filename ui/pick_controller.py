"""The kiosk's picking and receiving modes: scans and buttons to the use cases, outcomes
to the screens, the banner and the speaker.

The window stays in packing mode unless the operator presses "Pick" or "Sort & totes";
then ``MainWindow.handle_scan`` hands every scan here. Like packing, an outcome is shown
only after the use case returned (after its commit), and a refused scan changed nothing.
Releasing a wave plans for up to a second, so it runs off the GUI thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Literal

from app.picking.runs import Method
from app.scanning import RawScan
from app.usecases.pick_planning import WaveReport
from app.usecases.pick_receiving import ReceiveResult
from app.usecases.pick_station import PickOutcome, PickResult, RouteMap
from app.usecases.pick_views import PickView
from ui.background import Background
from ui.messages import Feedback
from ui.pick_texts import (
    pick_feedback,
    receive_feedback,
    release_failure,
    release_feedback,
    step_action,
)
from ui.pick_widgets import button_text, size_to_current
from ui.qt import QObject, QPushButton, QStackedWidget, Signal
from ui.screens.pick import PickScreen
from ui.screens.pick_runs import PickRunsScreen
from ui.screens.receive import ReceiveScreen
from ui.services import Services
from ui.theme import Metrics
from ui.touch import touch_button
from ui.widgets import Banner

log = logging.getLogger(__name__)
Mode = Literal["pack", "pick", "receive"]


class PickController(QObject):
    packing_requested = Signal()  # back to packing: the window shows its own screens
    released = Signal(object)  # WaveReport, or the exception (after it is shown)

    def __init__(
        self,
        services: Services,
        stack: QStackedWidget,
        banner: Banner,
        metrics: Metrics,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._picking = services.picking
        self._receiving = services.receiving
        self._stack = stack
        self._banner = banner
        self._metrics = metrics
        self.mode: Mode = "pack"
        self._runs: PickRunsScreen | None = None  # screens are built when first used
        self._pick: PickScreen | None = None
        self._receive: ReceiveScreen | None = None
        self._background = Background()
        self._releasing: str | None = None
        self.pick_button = touch_button(self.tr("Pick"), self.show_pick)
        self.receive_button = touch_button(button_text(self.tr("Sort & totes")), self.show_receive)
        self.packing_button = touch_button(self.tr("Packing"), self.show_packing)
        for button in self.buttons:  # a handheld's row: entry, Enter and one of these
            button.setStyleSheet("padding: 0 14px;")
        # Only hidden here: the window lays them out later, and showing a widget that has no
        # parent yet would open it as a window of its own.
        self.packing_button.hide()
        if self._picking is None:
            self.pick_button.hide()
        if self._receiving is None:
            self.receive_button.hide()
        # The window's minimum is the page shown, not the widest page: on a handheld,
        # picking is not held wider than the screen by the packing pages.
        stack.currentChanged.connect(lambda: size_to_current(stack))

    @property
    def buttons(self) -> tuple[QPushButton, ...]:
        return (self.pick_button, self.receive_button, self.packing_button)

    @property
    def active(self) -> bool:
        """Scans go here, not to packing."""
        return self.mode != "pack"

    # -- screens, built on first use ------------------------------------------------------

    @property
    def runs_screen(self) -> PickRunsScreen:
        if self._runs is None:
            self._runs = PickRunsScreen(self._metrics)
            self._runs.start_requested.connect(self.start_run)
            self._runs.release_requested.connect(self.release)
            self._stack.addWidget(self._runs)
        return self._runs

    @property
    def pick_screen(self) -> PickScreen:
        if self._pick is None:
            self._pick = PickScreen(self._metrics)
            self._pick.fit_width(self._stack.width())
            self._pick.short_requested.connect(lambda why: self._act(lambda w: w.short(why)))
            self._pick.damaged_requested.connect(lambda: self._act(lambda w: w.damaged()))
            self._pick.skip_requested.connect(lambda: self._act(lambda w: w.skip()))
            self._pick.leave_requested.connect(lambda: self._act(lambda w: w.leave()))
            self._pick.next_requested.connect(lambda: self.start_run(None))
            self._pick.runs_requested.connect(self.show_pick)
            self._stack.addWidget(self._pick)
        return self._pick

    @property
    def receive_screen(self) -> ReceiveScreen:
        if self._receive is None:
            self._receive = ReceiveScreen(self._metrics)
            self._stack.addWidget(self._receive)
        return self._receive

    # -- modes ----------------------------------------------------------------------------

    def resume(self) -> bool:
        """At start: back on the run this station was walking, if any (after a crash too)."""
        if self._picking is None:
            return False
        view = self._picking.current()
        if view is None:
            return False
        self.mode = "pick"
        self._show_pick_result(PickResult(PickOutcome.RUN_RESUMED, view), None)
        return True

    def show_pick(self) -> None:
        """The run this station is on, or the runs waiting."""
        if self._picking is None:
            return
        self.mode = "pick"
        try:
            view = self._picking.current()
        except Exception as exc:
            self._failed(exc)
            return
        if view is not None:
            self._show_pick_result(PickResult(PickOutcome.RUN_RESUMED, view), None)
        else:
            self._show_runs()

    def show_receive(self) -> None:
        if self._receiving is None:
            return
        self.mode = "receive"
        self.receive_screen.show_idle()
        self._stack.setCurrentWidget(self.receive_screen)
        self._banner.show_message(
            "prompt",
            self.tr("Sort & totes"),
            self.tr("Scan an item from a batch or wave cart, or a zone tote."),
        )
        self._update_buttons()

    def show_packing(self) -> None:
        self.mode = "pack"
        self._update_buttons()
        self.packing_requested.emit()

    def _show_runs(self) -> None:
        assert self._picking is not None
        try:
            runs = self._picking.open_runs()
            waiting = self._picking.runs_waiting()
        except Exception as exc:
            self._failed(exc)
            return
        screen = self.runs_screen
        screen.show_runs(runs, waiting)
        self._stack.setCurrentWidget(screen)
        self._banner.show_message("prompt", self.tr("Pick runs"), step_action(None))
        self._update_buttons()

    def _update_buttons(self) -> None:
        """Packing shows the way into picking and sorting; they show the way back (only:
        a handheld's row has room for the entry field, Enter and one button)."""
        packing = self.mode == "pack"
        titles = {
            "pack": self.tr("Tote — packing"),
            "pick": self.tr("Tote — picking"),
            "receive": self.tr("Tote — sorting and totes"),
        }
        self._stack.window().setWindowTitle(titles[self.mode])
        self.pick_button.setVisible(packing and self._picking is not None)
        self.receive_button.setVisible(packing and self._receiving is not None)
        self.packing_button.setVisible(not packing)

    # -- scans and buttons ----------------------------------------------------------------

    def handle_scan(self, raw: RawScan) -> PickResult | ReceiveResult | None:
        """The use case's answer to ``raw`` in the current mode, shown; None if it failed."""
        try:
            if self.mode == "receive" and self._receiving is not None:
                received = self._receiving.scan(raw)
                self._show_receive_result(received)
                return received
            if self._picking is None:
                return None
            before = self.pick_screen.view if self._stack.currentWidget() is self._pick else None
            result = self._picking.scan(raw)
        except Exception as exc:  # the store failed: nothing was confirmed, say so plainly
            log.exception("pick scan %r failed", raw.text)
            self._failed(exc)
            return None
        self._show_pick_result(result, before)
        return result

    def start_run(self, key: str | None) -> None:
        self._act(lambda work: work.start(key))

    def _act(self, action: Callable[..., PickResult]) -> None:
        """A button's action on this station's run, shown like a scan's outcome."""
        if self._picking is None:
            return
        before = self._pick.view if self._pick is not None else None
        try:
            result = action(self._picking)
        except Exception as exc:
            log.exception("pick action failed")
            self._failed(exc)
            return
        self._show_pick_result(result, before)

    def _show_pick_result(self, result: PickResult, before: PickView | None) -> None:
        feedback = pick_feedback(result, before)
        view = result.view
        left = result.outcome == PickOutcome.RUN_LEFT
        if left or view is None:
            if left or self._stack.currentWidget() is not self._pick:
                self._show_runs()
        else:
            screen = self.pick_screen
            screen.show_view(view, self._route())
            if self._stack.currentWidget() is not screen:
                self._stack.setCurrentWidget(screen)
        self._feedback(feedback)
        self._update_buttons()

    def _route(self) -> RouteMap | None:
        if self._picking is None:
            return None
        try:
            return self._picking.route_map()
        except Exception:  # the map is a help; the step is what matters
            log.exception("route map failed")
            return None

    def _show_receive_result(self, result: ReceiveResult) -> None:
        screen = self.receive_screen
        if result.sort is not None:
            screen.show_sort(result.sort)
        elif result.arrival is not None:
            screen.show_arrival(result.arrival)
        if self._stack.currentWidget() is not screen:
            self._stack.setCurrentWidget(screen)
        self._feedback(receive_feedback(result))

    def _feedback(self, feedback: Feedback) -> None:
        self._banner.show_message(feedback.tone, feedback.headline, feedback.action)
        self._services.sound.play(feedback.sound)

    def _failed(self, exc: BaseException) -> None:
        self._feedback(
            Feedback(
                "error",
                self.tr("The store could not be read or written ({error})").format(
                    error=type(exc).__name__
                ),
                self.tr("Nothing was recorded. Try again; if this repeats, call a supervisor."),
                "error",
            )
        )

    # -- releasing a wave -----------------------------------------------------------------

    def release(self, method: str) -> None:
        """Plan the next wave by ``method`` off the GUI thread; the runs list shows the report."""
        release_wave = self._services.release_wave
        if release_wave is None or self._background.busy:
            return
        self._releasing = method
        self.runs_screen.set_releasing(method)
        self._banner.show_message(
            "prompt", self.tr("Releasing a wave…"), self.tr("Planning the runs takes a moment.")
        )
        self._background.run(
            lambda: release_wave(Method(method)),
            self._released,
            self._release_failed,
            name="tote-release-wave",
        )

    def _released(self, report: WaveReport) -> None:
        method = self._releasing or ""
        self._releasing = None
        screen = self.runs_screen
        screen.set_releasing(None)
        screen.show_report(method, report)
        if self.mode == "pick" and self._stack.currentWidget() is screen:
            self._show_runs()
        self._feedback(release_feedback(report))
        self.released.emit(report)

    def _release_failed(self, exc: BaseException) -> None:
        self._releasing = None
        screen = self.runs_screen
        screen.set_releasing(None)
        feedback = release_failure(exc)
        screen.show_problem(feedback.headline)
        self._feedback(feedback)
        self.released.emit(exc)

    def close(self) -> None:
        self._background.close()
