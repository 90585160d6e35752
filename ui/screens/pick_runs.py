"""Pick runs waiting for a picker, and releasing the next wave of orders onto the floor.

The list is in release order (urgent runs were released first); each run has its own
Start button, and "Start next" takes the first. "Release a wave" plans the next wave of
open orders by the chosen method (one touch button per method) and says what it made:
runs, orders, metres to walk, and the orders it had to leave out, with why.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial

from app.usecases.pick_planning import WaveReport
from app.usecases.pick_station import RunSummary
from ui.pick_texts import method_name
from ui.pick_widgets import ColumnsLayout, remeasure, text_label
from ui.qt import QFrame, QHBoxLayout, QSizePolicy, QVBoxLayout, QWidget, Signal
from ui.theme import Metrics
from ui.touch import caption, muted, scrolling, touch_button
from ui.widgets import restyle

METHODS = ("cluster", "single", "batch", "zone", "wave")  # as app.usecases.pick_planning lists
SHOWN_LEFT_OUT = 8  # orders left out named on screen; the rest counted


class PickRunsScreen(QWidget):
    start_requested = Signal(object)  # a run key, or None for the next one
    release_requested = Signal(str)  # a method: "cluster", "single", ...

    def __init__(self, metrics: Metrics, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._metrics = metrics
        self.run_rows: dict[str, QFrame] = {}
        root = QVBoxLayout(self)
        root.setContentsMargins(0, 0, 0, 0)
        root.setSpacing(10)
        top = QHBoxLayout()
        self.title = text_label(metrics.big_px, bold=True, colour="#10233f")
        top.addWidget(self.title, 1)
        self.start_next_button = touch_button(
            self.tr("Start next"), lambda: self.start_requested.emit(None), "primary"
        )
        top.addWidget(self.start_next_button)
        root.addLayout(top)

        content = QWidget()
        body = QVBoxLayout(content)
        body.setContentsMargins(0, 0, 8, 0)
        body.setSpacing(8)
        body.addWidget(caption(self.tr("Release a wave")))
        self.release_buttons: dict[str, QWidget] = {}
        methods = QWidget()
        grid = ColumnsLayout(methods)
        for method in METHODS:
            button = touch_button(method_name(method), partial(self.release_requested.emit, method))
            self.release_buttons[method] = button
            grid.addWidget(button)
        body.addWidget(methods)
        self.report = text_label(metrics.font_px, toned=True)
        self.report.setObjectName("message")
        self.report.hide()
        body.addWidget(self.report)
        body.addSpacing(12)
        self._list = QVBoxLayout()
        self._list.setSpacing(8)
        body.addLayout(self._list)
        self.empty = muted(self.tr("No run is waiting. Release a wave above."))
        body.addWidget(self.empty)
        body.addStretch(1)
        self._scroll = scrolling(content)
        root.addWidget(self._scroll, 1)

    def show_runs(self, runs: Sequence[RunSummary], waiting: int | None = None) -> None:
        """The runs waiting now (``waiting`` of them; the list may hold only the first),
        each a row with its Start button."""
        for row in self.run_rows.values():
            self._list.removeWidget(row)
            row.deleteLater()
        self.run_rows = {}
        for run in runs:
            row = self._row(run)
            self._list.addWidget(row)
            self.run_rows[run.key] = row
        count = max(len(runs), waiting or 0)
        title = self.tr("{count} pick runs waiting").format(count=count)
        if count > len(runs):
            title += self.tr(" · the first {shown} listed").format(shown=len(runs))
        self.title.setText(title)
        self.empty.setVisible(not runs)
        self.start_next_button.setEnabled(bool(runs))
        remeasure(self._scroll)

    def _row(self, run: RunSummary) -> QFrame:
        row = QFrame()
        row.setObjectName("deviceCard")
        layout = QHBoxLayout(row)
        layout.setContentsMargins(14, 8, 10, 8)
        layout.setSpacing(12)
        texts = QVBoxLayout()
        texts.setSpacing(2)
        name = self.tr("{run} · {method}").format(run=run.key, method=method_name(run.method))
        if run.zone:
            name += self.tr(" · zone {zone}").format(zone=run.zone)
        title = text_label(self._metrics.font_px, bold=True)
        title.setText(name)
        title.setObjectName("cardTitle")
        details = text_label(self._metrics.small_px, colour="#333")
        details.setText(
            self.tr("{orders} orders · {tasks} picks · {metres} m").format(
                orders=run.orders, tasks=run.tasks, metres=round(run.length_m)
            )
        )
        texts.addWidget(title)
        texts.addWidget(details)
        layout.addLayout(texts, 1)
        if run.urgent:  # small here: a list of them must fit a handheld's width
            badge = text_label(self._metrics.small_px, bold=True, colour="white", wrap=False)
            badge.setText(self.tr("URGENT"))
            badge.setStyleSheet(
                badge.styleSheet() + " background: #d84315; padding: 4px 10px; border-radius: 8px;"
            )
            badge.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
            layout.addWidget(badge)
        start = touch_button(self.tr("Start"), partial(self.start_requested.emit, run.key))
        start.setObjectName("startRun")
        layout.addWidget(start)
        return row

    def start_button(self, key: str) -> QWidget:
        """The Start button of run ``key`` (tests and screenshots press it)."""
        button = self.run_rows[key].findChild(QWidget, "startRun")
        assert button is not None
        return button

    def set_releasing(self, method: str | None) -> None:
        """While a release plans (off the GUI thread), its buttons cannot start another."""
        for button in self.release_buttons.values():
            button.setEnabled(method is None)
        if method is not None:
            self._show_report(
                self.tr("Releasing a wave by {method}…").format(method=method_name(method)), "warn"
            )

    def show_report(self, method: str, report: WaveReport) -> None:
        """What the release made, and which orders it left out and why."""
        if not report.runs:
            lines = [self.tr("No open order could be released.")]
        else:
            lines = [
                self.tr(
                    "Wave {plan} by {method}: {runs} runs, {orders} orders, {units} units, "
                    "{metres} m to walk ({seconds} s to plan)"
                ).format(
                    plan=report.plan,
                    method=method_name(method),
                    runs=len(report.runs),
                    orders=report.orders,
                    units=report.units,
                    metres=round(report.length_m),
                    seconds=f"{report.seconds:.1f}",
                )
            ]
        if report.left_out:
            lines.append(self.tr("Left out: {count} orders").format(count=len(report.left_out)))
            lines += [f"· {order}: {why}" for order, why in report.left_out[:SHOWN_LEFT_OUT]]
            if len(report.left_out) > SHOWN_LEFT_OUT:
                lines.append(
                    self.tr("…and {more} more").format(more=len(report.left_out) - SHOWN_LEFT_OUT)
                )
        elif report.runs:
            lines.append(self.tr("No order was left out."))
        self._show_report("\n".join(lines), "ok" if report.runs else "warn")

    def show_problem(self, text: str) -> None:
        self._show_report(text, "error")

    def _show_report(self, text: str, tone: str) -> None:
        self.report.setText(text)
        self.report.setProperty("tone", tone)
        restyle(self.report)
        self.report.show()
        remeasure(self._scroll)
