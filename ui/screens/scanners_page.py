"""The scanners part of the devices screen: a test scan shown as Tote reads it, the serial
scanners (live state; add, change or remove one in the draft), and the keyboard scanner's
calibration (``app.wedge_calibration``)."""

from __future__ import annotations

import logging
from collections.abc import Callable, Collection, Sequence

from app.scanning import RawScan, interpret
from app.station_devices import ScannerSettings
from app.wedge_calibration import (
    MIN_SCANS,
    Calibration,
    CalibrationResult,
    calibrate,
)
from ui.qt import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QStackedWidget,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.scan_texts import ZWSP, breakable, interpretation_rows, port_state_text, refusal_text
from ui.screens.scanner_form import ScannerCard, ScannerForm, port_text
from ui.touch import (
    FlowLayout,
    caption,
    message,
    muted,
    scrolling,
    set_tone,
    touch_button,
)

log = logging.getLogger(__name__)
STATE_TONES = {"connected": "ok", "connecting": "warn", "disconnected": "error", "stopped": "error"}


class ScannersPage(QWidget):
    """``changed(scanners)`` after an accepted add, change or removal; ``check`` says why a
    list of serial scanners cannot be the station's ("" when it can)."""

    gap_accepted = Signal(float)  # the calibrated max_gap_ms the technician chose
    changed = Signal(object)  # tuple[ScannerSettings, ...]

    def __init__(
        self,
        check: Callable[[tuple[ScannerSettings, ...]], str] = lambda _: "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._check = check
        self._bursts: list[tuple[int, ...]] = []
        self._calibrating = False
        self._result: CalibrationResult | None = None
        self._states: dict[str, str] = {}
        self._scanners: tuple[ScannerSettings, ...] = ()  # as in the draft
        self._running: list[tuple[str, str]] = []  # (name, port) of those Tote started with
        self._from_file: set[str] = set()  # which of them devices.toml named at start
        self.cards: list[ScannerCard] = []
        self._card_box = QVBoxLayout()
        self._card_box.setSpacing(10)
        self.add_button = touch_button(self.tr("Add scanner"), self._add)
        self.serial_result = message("smallMessage")
        self.serial_result.hide()
        self.scan_hint = muted(self.tr("Scan any barcode: it is shown here, nothing is packed."))
        self._grid = QGridLayout()
        self._grid.setHorizontalSpacing(16)
        self._grid.setVerticalSpacing(4)
        self._grid.setColumnStretch(1, 1)
        self.rows: list[tuple[QLabel, QLabel]] = []
        self.serial_list = muted()  # the scanners this page cannot change
        self.serial_list.setTextFormat(Qt.TextFormat.PlainText)
        self.gap_label = QLabel()
        self.gap_label.setWordWrap(True)
        self.calibrate_button = touch_button(self.tr("Calibrate keyboard scanner"), self.start)
        self.use_button = touch_button("", self._use, "primary")
        self.use_button.hide()
        self.calibration = message()
        self.calibration.hide()

        self.list_view = self._list_view()
        self.form = ScannerForm()
        self.form.submitted.connect(self._form_submitted)
        self.form.cancelled.connect(self._show_list)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.list_view)
        self.pages.addWidget(self.form)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.pages)

    def _list_view(self) -> QWidget:
        """The test scan | the serial scanners and the keyboard scanner's calibration."""
        view = QWidget()
        layout = QHBoxLayout(view)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(24)
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 8, 0)
        column.setSpacing(8)
        column.addWidget(caption(self.tr("Test scan")))
        column.addWidget(self.scan_hint)
        column.addLayout(self._grid)
        column.addStretch(1)
        layout.addWidget(scrolling(left), 1)
        layout.addWidget(scrolling(self._scanners_column()), 1)
        return view

    def _scanners_column(self) -> QWidget:
        right = QWidget()
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 8, 0)
        column.setSpacing(8)
        column.addWidget(caption(self.tr("Serial scanners")))
        column.addLayout(self._card_box)
        column.addWidget(self.serial_list)
        column.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)
        column.addWidget(self.serial_result)
        column.addSpacing(12)
        column.addWidget(caption(self.tr("Keyboard scanner")))
        column.addWidget(self.gap_label)
        buttons = QWidget()
        flow = FlowLayout(buttons, spacing=10)
        flow.addWidget(self.calibrate_button)
        flow.addWidget(self.use_button)
        column.addWidget(buttons)
        column.addWidget(self.calibration)
        column.addStretch(1)
        return right

    # -- test scan -------------------------------------------------------------------------

    def show_scan(self, raw: RawScan) -> None:
        try:
            rows = interpretation_rows(raw, interpret(raw))
        except Exception as exc:  # a parser fault: say so here, never in the packing flow
            log.exception("interpreting %r failed", raw.text)
            rows = [(self.tr("Problem"), f"{type(exc).__name__}: {exc}")]
        while len(self.rows) < len(rows):
            label, value = QLabel(), QLabel()
            label.setObjectName("fieldCaption")
            value.setTextFormat(Qt.TextFormat.PlainText)  # scanned text is never markup
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
            self._grid.addWidget(label, len(self.rows), 0, Qt.AlignmentFlag.AlignTop)
            self._grid.addWidget(value, len(self.rows), 1)
            self.rows.append((label, value))
        for i, (label, value) in enumerate(self.rows):
            shown = i < len(rows)
            label.setVisible(shown)
            value.setVisible(shown)
            if shown:
                label.setText(rows[i][0])
                value.setText(breakable(rows[i][1]))

    def shown_rows(self) -> dict[str, str]:
        return {k.text(): v.text().replace(ZWSP, "") for k, v in self.rows if k.isVisibleTo(self)}

    # -- serial scanners -------------------------------------------------------------------

    def set_running(self, scanners: Sequence[tuple[str, str]], from_file: Collection[str]) -> None:
        """(name, port) of the serial scanners Tote started with; ``from_file``: the names
        devices.toml gave (the others came from the command line)."""
        self._running = list(scanners)
        self._from_file = set(from_file)
        self._show_scanners()

    def set_scanners(self, scanners: tuple[ScannerSettings, ...]) -> None:
        """The serial scanners as configured in the draft; shows the list."""
        self._scanners = scanners
        for card in self.cards:
            card.hide()
            self._card_box.removeWidget(card)
            card.deleteLater()
        self.cards = [ScannerCard(s) for s in scanners]
        for card in self.cards:
            card.edit_requested.connect(self._edit)
            card.remove_requested.connect(self._remove)
            self._card_box.addWidget(card)
        self._show_scanners()
        self._show_list()

    def set_serial_state(self, name: str, state: str, detail: str) -> None:
        self._states[name] = state
        self._show_scanners()

    def _show_scanners(self) -> None:
        running = {name for name, _ in self._running}
        for card in self.cards:
            name = card.scanner.name
            if name in running:
                state = self._states.get(name, "")
                card.set_state(port_state_text(state), STATE_TONES.get(state, ""))
            else:  # added (or renamed) since Tote started
                card.set_state(self.tr("from the next start"), "warn")
        configured = {s.name for s in self._scanners}
        lines = [
            self.tr("{name} on {port}: {state}").format(
                name=name, port=port_text(port), state=port_state_text(self._states.get(name, ""))
            )
            + " · "
            + (
                self.tr("removed: runs until the next start")
                if name in self._from_file
                else self.tr("set on Tote's command line, not here")
            )
            for name, port in self._running
            if name not in configured
        ]
        if not lines and not self._scanners:
            lines = [self.tr("None set up. Keyboard scanners need no set-up.")]
        self.serial_list.setText("\n".join(lines))
        self.serial_list.setVisible(bool(lines))

    def _show_list(self) -> None:
        self.pages.setCurrentWidget(self.list_view)

    def _add(self) -> None:
        self.form.edit(None)
        self.pages.setCurrentWidget(self.form)

    def _edit(self, name: str) -> None:
        scanner = next((s for s in self._scanners if s.name == name), None)
        if scanner is not None:
            self.form.edit(scanner)
            self.pages.setCurrentWidget(self.form)

    def _remove(self, name: str) -> None:
        scanners = tuple(s for s in self._scanners if s.name != name)
        problem = self._check(scanners)
        if problem:
            self.serial_result.setText(self.tr("Not changed: {problem}").format(problem=problem))
            self.serial_result.show()
            set_tone(self.serial_result, "error")
            return
        self._apply(scanners)

    def _form_submitted(self, scanner: ScannerSettings, original: str) -> None:
        if original:  # changed in place, keeping the scanners' order
            scanners = tuple(scanner if s.name == original else s for s in self._scanners)
        else:
            scanners = (*self._scanners, scanner)
        problem = self._check(scanners)
        if problem:
            self.form.show_error(self.tr("Not kept: {problem}").format(problem=problem))
            return
        self._apply(scanners)

    def _apply(self, scanners: tuple[ScannerSettings, ...]) -> None:
        self.serial_result.hide()
        self.set_scanners(scanners)
        self.changed.emit(scanners)

    # -- calibration -----------------------------------------------------------------------

    def set_gap(self, in_use_ms: float, next_start_ms: float | None) -> None:
        text = self.tr("Keys of one scan come at most {gap} ms apart.").format(gap=f"{in_use_ms:g}")
        if next_start_ms is not None and next_start_ms != in_use_ms:
            text += " " + self.tr("From the next start: {gap} ms.").format(gap=f"{next_start_ms:g}")
        self.gap_label.setText(text)

    @property
    def calibrating(self) -> bool:
        return self._calibrating

    def start(self) -> None:
        self._bursts = []
        self._result = None
        self._calibrating = True
        self.calibrate_button.setText(self.tr("Start again"))
        self._show_calibration()

    def stop(self) -> None:
        self._calibrating = False
        self._bursts = []
        self._result = None
        self.calibrate_button.setText(self.tr("Calibrate keyboard scanner"))
        self.use_button.hide()
        self.calibration.hide()

    def add_burst(self, times: Sequence[int]) -> None:
        """A keyboard scanner's scan: its keys' times (ns), while calibrating."""
        if not self._calibrating:
            return
        self._bursts.append(tuple(times))
        self._result = calibrate(self._bursts) if len(self._bursts) >= MIN_SCANS else None
        self._show_calibration()

    def result(self) -> CalibrationResult | None:
        return self._result

    def _show_calibration(self) -> None:
        self.calibration.show()
        result = self._result
        self.use_button.setVisible(isinstance(result, Calibration))
        if result is None:
            self.calibration.setText(
                self.tr("Scan any barcode {n} times or more. Scans so far: {count}.").format(
                    n=MIN_SCANS, count=len(self._bursts)
                )
            )
            set_tone(self.calibration, "")
        elif isinstance(result, Calibration):
            gap = f"{result.max_gap_ms:g}"
            self.calibration.setText(
                self.tr(
                    "Recommended: {gap} ms (keys came up to {slowest} ms apart in {count} "
                    "scans). Scan more to check it, or use it."
                ).format(gap=gap, slowest=f"{result.scanner_gap_ms:.0f}", count=result.scans)
            )
            self.use_button.setText(self.tr("Use {gap} ms").format(gap=gap))
            set_tone(self.calibration, "ok")
        else:
            self.calibration.setText(refusal_text(result))
            set_tone(self.calibration, "error")

    def _use(self) -> None:
        result = self._result
        if not isinstance(result, Calibration):
            return
        gap = result.max_gap_ms
        self.stop()
        self.calibration.show()
        self.calibration.setText(
            self.tr("{gap} ms chosen. Press Save to keep it.").format(gap=f"{gap:g}")
        )
        set_tone(self.calibration, "ok")
        self.gap_accepted.emit(gap)
