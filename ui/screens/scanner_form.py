"""One serial scanner on the devices screen: its card in the list, and the form to add or
change it (name, port, baud rate, the suffix it sends after each barcode).

The settings are checked by ``ScannerSettings`` itself; whatever it refuses is shown beside
the form, in words, with nothing changed.
"""

from __future__ import annotations

from app.serial_framing import Terminator
from app.station_devices import ScannerSettings
from ui.qt import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
    translate,
)
from ui.scan_texts import ZWSP, breakable
from ui.touch import (
    ChoiceRow,
    FlowLayout,
    caption,
    line_edit,
    message,
    muted,
    scrolling,
    set_tone,
    touch_button,
)

BAUD_RATES = (9600, 19200, 38400, 57600, 115200)


def suffix_name(suffix: str) -> str:
    names = {
        Terminator.CR.value: "CR",
        Terminator.LF.value: "LF",
        Terminator.CRLF.value: "CR\u00a0LF",  # never split over two lines
        Terminator.NONE.value: translate("ScannerForm", "none"),
    }
    return names.get(suffix, suffix)


def port_text(port: str) -> str:
    """A device path that may wrap after "/", "_" or "-" (by-id names are long)."""
    return breakable(port).replace("_", "_" + ZWSP).replace("-", "-" + ZWSP)


class ScannerCard(QFrame):
    """One configured scanner: name, state, port and framing, with Edit and Remove."""

    edit_requested = Signal(str)
    remove_requested = Signal(str)

    def __init__(self, scanner: ScannerSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scanner = scanner
        self.setObjectName("deviceCard")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 8, 14, 10)
        layout.setSpacing(4)
        self.name = QLabel(scanner.name)
        self.name.setObjectName("cardTitle")
        self.name.setTextFormat(Qt.TextFormat.PlainText)
        self.name.setWordWrap(True)
        self.state = message("statePill")
        self.state.setWordWrap(False)  # a few words; wrapped, an aligned pill was cut
        self.details = QLabel(
            self.tr("{port} · {baud} baud · suffix {suffix}").format(
                port=port_text(scanner.port),
                baud=scanner.baud,
                suffix=suffix_name(scanner.suffix),
            )
        )
        self.details.setObjectName("cardDetails")
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.details.setWordWrap(True)
        self.edit_button = touch_button(
            self.tr("Edit"), lambda: self.edit_requested.emit(scanner.name)
        )
        self.remove_button = touch_button(
            self.tr("Remove"), lambda: self.remove_requested.emit(scanner.name)
        )
        top = QHBoxLayout()  # the name and its state on one line: a short card
        top.setSpacing(10)
        top.addWidget(self.name, 1)
        top.addWidget(self.state, 0, Qt.AlignmentFlag.AlignTop)
        buttons = QHBoxLayout()  # a layout, not a widget: no background across the card
        buttons.setSpacing(10)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout.addLayout(top)
        layout.addWidget(self.details)
        layout.addLayout(buttons)

    def set_state(self, text: str, tone: str) -> None:
        self.state.setText(text)
        set_tone(self.state, tone)


class ScannerForm(QWidget):
    """Emits ``submitted(ScannerSettings, original name)``; the page answers with
    ``show_error`` when the station's settings refuse it (a name or port taken twice)."""

    submitted = Signal(object, str)
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._original = ""  # the scanner's name before editing; "" for a new one
        self._rates: list[int] = list(BAUD_RATES)
        self.name = line_edit()
        self.port = line_edit()
        self.port.setPlaceholderText("/dev/serial/by-id/usb-…")
        self.baud = ChoiceRow([(rate, str(rate)) for rate in BAUD_RATES])
        self.suffix = ChoiceRow([(t.value, suffix_name(t.value)) for t in Terminator])
        self.title = QLabel()
        self.title.setObjectName("sectionTitle")
        self.title.setWordWrap(True)
        self.error = message()
        self.error.hide()
        self.ok_button = touch_button(self.tr("OK"), self._submit, "primary")
        self.cancel_button = touch_button(self.tr("Cancel"), self.cancelled.emit)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(18)
        layout.addWidget(scrolling(self._fields()), 5)
        side = QVBoxLayout()
        side.setSpacing(12)
        side.addWidget(self.title)
        side.addWidget(self.error)
        side.addStretch(1)
        buttons = QWidget()  # side by side, or one above the other where Greek needs it
        flow = FlowLayout(buttons, spacing=10)
        flow.addWidget(self.ok_button)
        flow.addWidget(self.cancel_button)
        side.addWidget(buttons)
        layout.addLayout(side, 2)

    def _fields(self) -> QWidget:
        """Name | port, then a row of baud rates and one of suffixes, each on one line where
        the width allows: on a 768-pixel-high screen the whole form shows without scrolling."""
        fields = QWidget()
        self._grid = QGridLayout(fields)
        self._grid.setContentsMargins(0, 0, 12, 0)
        self._grid.setHorizontalSpacing(18)
        self._grid.setVerticalSpacing(4)
        self._grid.addWidget(caption(self.tr("Name")), 0, 0)
        self._grid.addWidget(self.name, 1, 0)
        self._grid.addWidget(caption(self.tr("Port")), 0, 1)
        self._grid.addWidget(self.port, 1, 1)
        hint = muted(self.tr("A /dev/serial/by-id/… name stays when a cable moves."))
        self._grid.addWidget(hint, 2, 0, 1, 2)
        self._grid.addWidget(caption(self.tr("Baud rate")), 3, 0, 1, 2)
        self._grid.addWidget(self.baud, 4, 0, 1, 2)
        self._grid.addWidget(caption(self.tr("Suffix it sends after each barcode")), 5, 0, 1, 2)
        self._grid.addWidget(self.suffix, 6, 0, 1, 2)
        self._grid.setColumnStretch(0, 1)
        self._grid.setColumnStretch(1, 2)
        self._grid.setRowStretch(7, 1)
        return fields

    def edit(self, scanner: ScannerSettings | None) -> None:
        """Fill the form with ``scanner``, or with a new scanner's defaults."""
        self._original = scanner.name if scanner else ""
        self.title.setText(
            self.tr("Scanner {name}").format(name=scanner.name)
            if scanner
            else self.tr("New serial scanner")
        )
        self.name.setText(scanner.name if scanner else "")
        self.port.setText(scanner.port if scanner else "")
        baud = scanner.baud if scanner else 9600
        self._set_rates(sorted({*BAUD_RATES, baud}))  # a rate set by hand stays choosable
        self.baud.set_value(baud)
        self.suffix.set_value(scanner.suffix if scanner else Terminator.CR.value)
        self.show_error("")

    def _set_rates(self, rates: list[int]) -> None:
        if rates == self._rates:
            return
        row = ChoiceRow([(rate, str(rate)) for rate in rates])
        self._grid.replaceWidget(self.baud, row)
        self.baud.deleteLater()
        self.baud, self._rates = row, rates

    def show_error(self, text: str) -> None:
        self.error.setText(port_text(text))  # a quoted path may wrap: the side stays narrow
        self.error.setVisible(bool(text))
        set_tone(self.error, "error" if text else "")

    def settings(self) -> ScannerSettings:
        """The scanner as filled in; ValueError (DevicesFileError) says what is wrong."""
        name, port = self.name.text().strip(), self.port.text().strip()
        if not name:
            raise ValueError(self.tr("Enter a name for the scanner."))
        if not port:
            raise ValueError(self.tr("Enter the port the scanner is on."))
        return ScannerSettings(
            name=name,
            port=port,
            baud=self.baud.value() or 9600,
            suffix=self.suffix.value() or Terminator.CR.value,
        )

    def _submit(self) -> None:
        try:
            scanner = self.settings()
        except ValueError as exc:
            self.show_error(self.tr("Not kept: {problem}").format(problem=exc))
            return
        self.submitted.emit(scanner, self._original)
