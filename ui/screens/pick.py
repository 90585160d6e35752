"""The picker's screen, on a cart's kiosk or a handheld: the one thing to do now, large.

Go to a location (its code huge, its zone, aisle, bay and level spelled out), pick a
product (its name, picture, "2 of 3" and which tote), put the items into a tote, or scan
a tote onto the cart. Around it: progress through the run, the next location, a map of
the walk and the buttons for what the shelf does not allow (short, damaged, skip).

On a wide screen the map stands beside the step and the buttons are always shown; on a
narrow handheld the step fills the screen, in smaller (still arm's-length) type, and
"Problem…" and "Map" swap it for the buttons or the map, so every button stays
touch-sized. Should the step still not fit (a long name, a three-line banner), it
scrolls rather than push the window off the screen.
"""

from __future__ import annotations

from dataclasses import replace

from app.picking.guide import Step
from app.usecases.pick_station import RouteMap
from app.usecases.pick_views import PickView
from ui.floor_map import FloorMap
from ui.pick_texts import method_name
from ui.pick_widgets import (
    ColumnsLayout,
    remeasure,
    text_label,
)
from ui.qt import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QResizeEvent,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.screens.pick_step import INK, StepCard
from ui.theme import Metrics
from ui.touch import scrolling, touch_button
from ui.widgets import ProgressStrip, restyle

QWIDGETSIZE_MAX = 16_777_215  # Qt's "no maximum size"
NARROW_PX = 760  # below this width: a handheld, one thing on screen at a time


class PickScreen(QWidget):
    short_requested = Signal(str)  # "bin_empty" | "not_enough"
    damaged_requested = Signal()
    skip_requested = Signal()
    leave_requested = Signal()
    next_requested = Signal()  # the run is done: start the next one
    runs_requested = Signal()  # the run is done: the list of runs

    def __init__(self, metrics: Metrics, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._metrics = metrics
        self._panel = "step"  # on a narrow screen: "step", "problem" or "map"
        self._narrow = False
        self._done = False  # the run is finished: only "next run" and "runs" are left
        self.view: PickView | None = None
        self._root = root = QVBoxLayout(self)
        root.setContentsMargins(0, 0, 0, 0)
        root.setSpacing(10)
        root.addLayout(self._header())
        self._body = body = QHBoxLayout()
        body.setSpacing(16)
        self.step = StepCard(metrics)
        self.step_area = scrolling(self.step)
        body.addWidget(self.step_area, 3)
        self.map = FloorMap()
        body.addWidget(self.map, 2)
        root.addLayout(body, 1)
        self.action_area = scrolling(self._actions())  # scrolls only on a short handheld
        root.addWidget(self.action_area)
        self.narrow_bar = QWidget()
        bar = ColumnsLayout(self.narrow_bar)
        self.problem_button = touch_button(self.tr("Problem…"), lambda: self._toggle("problem"))
        self.map_button = touch_button(self.tr("Map"), lambda: self._toggle("map"))
        for button in (self.problem_button, self.map_button):
            button.setCheckable(True)
            button.setObjectName("choice")
            bar.addWidget(button)
        root.addWidget(self.narrow_bar)
        self._apply_sizes()
        self._apply_panel()

    def _header(self) -> QHBoxLayout:
        """One row: which run, how far along (a bar with its numbers), urgent or not."""
        top = QHBoxLayout()
        top.setSpacing(12)
        self.run_title = text_label(self._metrics.big_px, bold=True, colour=INK, wrap=False)
        top.addWidget(self.run_title)
        self.progress = ProgressStrip()
        self.progress.setMinimumHeight(self._metrics.touch_px * 2 // 3)
        top.addWidget(self.progress, 1)
        # On a handheld the numbers as words, which may wrap: the bar's one line would not fit.
        self.progress_text = text_label(self._metrics.small_px, bold=True, colour=INK)
        top.addWidget(self.progress_text, 1)
        self.urgent = QLabel(self.tr("URGENT"))
        self.urgent.setObjectName("specialBadge")
        self.urgent.setProperty("special", "replacement")
        restyle(self.urgent)
        top.addWidget(self.urgent)
        return top

    def _actions(self) -> QWidget:
        self.action_bar = QWidget()
        grid = ColumnsLayout(self.action_bar)
        self.short_empty_button = touch_button(
            self.tr("Short: bin empty"), lambda: self.short_requested.emit("bin_empty")
        )
        self.short_some_button = touch_button(
            self.tr("Short: not enough"), lambda: self.short_requested.emit("not_enough")
        )
        self.damaged_button = touch_button(self.tr("Damaged"), self.damaged_requested.emit)
        self.skip_button = touch_button(self.tr("Skip, come back later"), self.skip_requested.emit)
        self.leave_button = touch_button(self.tr("Leave run"), self.leave_requested.emit)
        self.next_button = touch_button(
            self.tr("Start next run"), self.next_requested.emit, "primary"
        )
        self.runs_button = touch_button(self.tr("Pick runs"), self.runs_requested.emit)
        for button in (*self._exceptions, self.next_button, self.runs_button):
            button.setStyleSheet("padding: 0 10px;")  # five in a row on a kiosk, Greek too
            grid.addWidget(button)
        self.next_button.hide()
        self.runs_button.hide()
        return self.action_bar

    @property
    def _exceptions(self) -> tuple[QPushButton, ...]:
        return (
            self.short_empty_button,
            self.short_some_button,
            self.damaged_button,
            self.skip_button,
            self.leave_button,
        )

    # -- showing a run --------------------------------------------------------------------

    def show_view(self, view: PickView, route: RouteMap | None) -> None:
        """Show the run's current step; a new step always brings the step back on screen."""
        previous = self.view
        self.view = view
        if route is None and view.step is Step.DONE and self.map.route is not None:
            old = self.map.route  # the finished run is no longer this station's: keep its walk
            stops = tuple(replace(s, finished=True, current=False) for s in old.stops)
            route = RouteMap(old.layout, stops)
        self.map.show_route(route)
        title = self.tr("Run {run} · {method}").format(
            run=view.run_key, method=method_name(view.method)
        )
        if view.zone:
            title += self.tr(" · zone {zone}").format(zone=view.zone)
        self.run_title.setText(title)
        self.urgent.setVisible(view.urgent)
        progress = self.tr("{done} of {tasks} picks · {picked} of {units} units").format(
            done=view.tasks_done,
            tasks=len(view.tasks),
            picked=view.units_picked,
            units=view.units_total,
        )
        if view.units_short:
            progress += self.tr(" · {short} short").format(short=view.units_short)
        self.progress.set_format(progress.replace("{", "{{").replace("}", "}}"))
        self.progress_text.setText(progress)
        self.progress.set_progress(view.units_picked + view.units_short, view.units_total)
        self.progress.update()
        self.step.show_view(view)
        picking = view.step in (Step.GO_TO, Step.PICK)
        for button in self._exceptions[:4]:
            button.setEnabled(picking)
        self._done = view.step is Step.DONE
        for button in self._exceptions:
            button.setVisible(not self._done)
        self.next_button.setVisible(self._done)
        self.runs_button.setVisible(self._done)
        moved = previous is None or (previous.step, previous.task) != (view.step, view.task)
        if moved:
            self._panel = "step"
        self._apply_panel()
        remeasure(self.step_area)

    # -- wide or narrow -------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_width(self.width())

    def fit_width(self, width: int) -> None:
        """Lay the screen out for ``width``: also called before it is first shown, so a
        handheld's window is never widened by the kiosk's layout for a moment."""
        narrow = width < NARROW_PX
        if narrow != self._narrow:
            self._narrow = narrow
            self._apply_sizes()
        self._apply_panel()

    def _apply_sizes(self) -> None:
        """On a handheld: the step in smaller type, the progress as words."""
        narrow = self._narrow
        self.step.apply_sizes(narrow)
        self.run_title.setVisible(not narrow)
        self.progress.setVisible(not narrow)
        self.progress_text.setVisible(narrow)
        small = self._metrics.small_px
        self.urgent.setStyleSheet(f"font-size: {small}px; padding: 4px 10px;" if narrow else "")

    def _toggle(self, panel: str) -> None:
        self._panel = "step" if self._panel == panel else panel
        self._apply_panel()

    def _apply_panel(self) -> None:
        """What a narrow screen shows now; sizes first, so that nothing is ever shown at
        a stale size (showing a widget lays the window out at once, and a window that
        grew once to fit does not shrink again)."""
        narrow, panel = self._narrow, self._panel
        shown = {
            self.step_area: not narrow or panel == "step",
            self.map: not narrow or panel == "map",
            self.action_area: not narrow or panel == "problem" or self._done,
            self.narrow_bar: narrow and not self._done,
        }
        for widget, show in shown.items():
            if not show:
                widget.hide()
        self._fit_actions()
        for widget, show in shown.items():
            if show:
                widget.show()
        self.problem_button.setChecked(panel == "problem")
        self.map_button.setChecked(panel == "map")

    def _fit_actions(self) -> None:
        """The buttons' area is as tall as its buttons need at this width; on a handheld's
        Problem panel it takes the whole screen instead (and scrolls if that is short)."""
        fill = self._narrow and self._panel == "problem"
        if fill:
            self.action_area.setMinimumHeight(0)
            self.action_area.setMaximumHeight(QWIDGETSIZE_MAX)
        else:
            layout = self.action_bar.layout()
            assert layout is not None
            self.action_area.setFixedHeight(layout.heightForWidth(max(self.width(), 1)))
        self._root.setStretchFactor(self.action_area, 1 if fill else 0)
        self._root.setStretchFactor(self._body, 0 if fill else 1)

    def show_step_panel(self) -> None:
        """Back to the step (after a button did its work)."""
        self._panel = "step"
        self._apply_panel()
