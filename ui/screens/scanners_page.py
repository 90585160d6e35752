"""The scanners part of the devices screen: a test scan shown as Tote reads it, the serial
scanners' ports, and the keyboard scanner's calibration (``app.wedge_calibration``)."""

from __future__ import annotations

import logging
from collections.abc import Sequence

from app.scanning import RawScan, interpret
from app.wedge_calibration import (
    MIN_SCANS,
    Calibration,
    CalibrationResult,
    calibrate,
)
from ui.qt import QGridLayout, QHBoxLayout, QLabel, Qt, QVBoxLayout, QWidget, Signal
from ui.scan_texts import ZWSP, breakable, interpretation_rows, port_state_text, refusal_text
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


class ScannersPage(QWidget):
    gap_accepted = Signal(float)  # the calibrated max_gap_ms the technician chose

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._bursts: list[tuple[int, ...]] = []
        self._calibrating = False
        self._result: CalibrationResult | None = None
        self._states: dict[str, str] = {}
        self._scanners: list[tuple[str, str]] = []
        self.scan_hint = muted(self.tr("Scan any barcode: it is shown here, nothing is packed."))
        self._grid = QGridLayout()
        self._grid.setHorizontalSpacing(16)
        self._grid.setVerticalSpacing(4)
        self._grid.setColumnStretch(1, 1)
        self.rows: list[tuple[QLabel, QLabel]] = []
        self.serial_list = QLabel()
        self.serial_list.setTextFormat(Qt.TextFormat.PlainText)
        self.serial_list.setWordWrap(True)
        self.gap_label = QLabel()
        self.gap_label.setWordWrap(True)
        self.calibrate_button = touch_button(self.tr("Calibrate keyboard scanner"), self.start)
        self.use_button = touch_button("", self._use, "primary")
        self.use_button.hide()
        self.calibration = message()
        self.calibration.hide()

        layout = QHBoxLayout(self)
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

    def _scanners_column(self) -> QWidget:
        right = QWidget()
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 8, 0)
        column.setSpacing(8)
        column.addWidget(caption(self.tr("Serial scanners")))
        column.addWidget(self.serial_list)
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

    def set_scanners(self, scanners: Sequence[tuple[str, str]]) -> None:
        """(name, port) of every serial scanner, configured or running."""
        self._scanners = list(scanners)
        self._show_scanners()

    def set_serial_state(self, name: str, state: str, detail: str) -> None:
        self._states[name] = state
        self._show_scanners()

    def _show_scanners(self) -> None:
        if not self._scanners:
            self.serial_list.setText(self.tr("None set up. Keyboard scanners need no set-up."))
            return
        self.serial_list.setText(
            "\n".join(
                self.tr("{name} on {port}: {state}").format(
                    name=name, port=port, state=port_state_text(self._states.get(name, ""))
                )
                for name, port in self._scanners
            )
        )

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
