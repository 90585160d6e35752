"""Add or change one printer: name, language, transport, address, dpi or paper, documents.

Only the documents the chosen language can draw are offered (``CAN_DRAW``); the settings
are checked by ``PrinterSettings`` itself, and whatever it refuses is shown beside the form,
in words, with nothing changed.
"""

from __future__ import annotations

from app.station_devices import (
    CAN_DRAW,
    DOCUMENT_KINDS,
    DevicesFileError,
    Language,
    PrinterSettings,
    TransportKind,
)
from ui.print_controller import kind_name
from ui.qt import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
    Signal,
    translate,
)
from ui.touch import (
    ChoiceRow,
    caption,
    line_edit,
    message,
    muted,
    scrolling,
    set_tone,
    touch_button,
    touch_check,
)

LANGUAGE_NAMES = {Language.ZPL: "ZPL", Language.ESCPOS: "ESC/POS", Language.PDF: "PDF"}


def transport_name(kind: TransportKind) -> str:
    names = {
        TransportKind.TCP: translate("PrinterForm", "Network"),
        TransportKind.SERIAL: translate("PrinterForm", "Serial"),
        TransportKind.USB: translate("PrinterForm", "USB"),
        TransportKind.FOLDER: translate("PrinterForm", "Folder"),
        TransportKind.QUEUE: translate("PrinterForm", "Print queue"),
    }
    return names[kind]


def address_hint(kind: TransportKind) -> str:
    hints = {
        TransportKind.TCP: translate("PrinterForm", "Host and port, e.g. 192.168.1.50:9100"),
        TransportKind.SERIAL: translate("PrinterForm", "Device, e.g. /dev/ttyUSB0@9600"),
        TransportKind.USB: translate("PrinterForm", "Vendor:product in hex, e.g. 04b8:0202"),
        TransportKind.FOLDER: translate("PrinterForm", "A folder; each job becomes a file"),
        TransportKind.QUEUE: translate("PrinterForm", "The CUPS queue name"),
    }
    return hints[kind]


class PrinterForm(QWidget):
    """Emits ``submitted(PrinterSettings, original name)``; the page answers with
    ``show_error`` when the station's settings refuse it."""

    submitted = Signal(object, str)
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._original = ""  # the printer's name before editing; "" for a new one
        self.name = line_edit()
        self.language = ChoiceRow([(lang, name) for lang, name in LANGUAGE_NAMES.items()])
        self.transport = ChoiceRow([(kind, transport_name(kind)) for kind in TransportKind])
        self.address = line_edit()
        self.address_hint = muted()
        self.dpi = ChoiceRow([(203, "203 dpi"), (300, "300 dpi")])
        self.paper = ChoiceRow([(80, "80 mm"), (58, "58 mm")])
        self.documents = {kind: touch_check(kind_name(kind)) for kind in DOCUMENT_KINDS}
        self._documents_grid = QGridLayout()
        self._documents_grid.setSpacing(6)
        self._dpi_caption = caption(self.tr("Resolution"))
        self._paper_caption = caption(self.tr("Paper width"))
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
        layout.addWidget(scrolling(self._fields()), 3)
        side = QVBoxLayout()
        side.setSpacing(12)
        side.addWidget(self.error)
        side.addStretch(1)
        for button in (self.ok_button, self.cancel_button):
            side.addWidget(button)
        layout.addLayout(side, 2)

        self.language.changed.connect(lambda _: self._follow_language())
        self.transport.changed.connect(lambda _: self._follow_transport())

    def _fields(self) -> QWidget:
        fields = QWidget()
        column = QVBoxLayout(fields)
        column.setContentsMargins(0, 0, 12, 0)
        column.setSpacing(6)
        for widget in (
            self.title,
            caption(self.tr("Name")),
            self.name,
            caption(self.tr("Language")),
            self.language,
            caption(self.tr("Connection")),
            self.transport,
            caption(self.tr("Address")),
            self.address,
            self.address_hint,
            self._dpi_caption,
            self.dpi,
            self._paper_caption,
            self.paper,
            caption(self.tr("Documents it prints")),
        ):
            column.addWidget(widget)
        column.addLayout(self._documents_grid)
        column.addWidget(muted(self.tr("None ticked: it prints what no other printer takes.")))
        column.addStretch(1)
        return fields

    def edit(self, printer: PrinterSettings | None) -> None:
        """Fill the form with ``printer``, or with a new printer's defaults."""
        self._original = printer.name if printer else ""
        self.title.setText(
            self.tr("Printer {name}").format(name=printer.name)
            if printer
            else self.tr("New printer")
        )
        self.name.setText(printer.name if printer else "")
        self.language.set_value(printer.language if printer else Language.ZPL)
        self.transport.set_value(printer.transport if printer else TransportKind.TCP)
        self.address.setText(printer.address if printer else "")
        self.dpi.set_value(printer.dpi if printer else 203)
        self.paper.set_value(printer.paper_width_mm if printer else 80)
        for kind, box in self.documents.items():
            box.setChecked(bool(printer and kind in printer.documents))
        self.show_error("")
        self._follow_language()
        self._follow_transport()

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))
        set_tone(self.error, "error" if text else "")

    def _follow_language(self) -> None:
        language = self.language.value() or Language.ZPL
        shown = 0
        for kind, box in self.documents.items():
            self._documents_grid.removeWidget(box)
            drawable = kind in CAN_DRAW[language]
            if drawable:  # two columns, without gaps where a kind is left out
                self._documents_grid.addWidget(box, shown // 2, shown % 2)
                shown += 1
            else:
                box.setChecked(False)
            box.setVisible(drawable)
        for widget in (self._dpi_caption, self.dpi):
            widget.setVisible(language is Language.ZPL)
        for widget in (self._paper_caption, self.paper):
            widget.setVisible(language is Language.ESCPOS)

    def _follow_transport(self) -> None:
        self.address_hint.setText(address_hint(self.transport.value() or TransportKind.TCP))

    def settings(self) -> PrinterSettings:
        """The printer as filled in; DevicesFileError says what is wrong."""
        language = self.language.value() or Language.ZPL
        address = self.address.text().strip()
        if not address:
            raise DevicesFileError(self.tr("Enter the printer's address."))
        return PrinterSettings(
            name=self.name.text().strip(),
            language=language,
            transport=self.transport.value() or TransportKind.TCP,
            address=address,
            dpi=self.dpi.value() or 203,
            paper_width_mm=self.paper.value() or 80,
            documents=tuple(
                kind
                for kind, box in self.documents.items()
                if box.isChecked() and kind in CAN_DRAW[language]
            ),
        )

    def _submit(self) -> None:
        try:
            printer = self.settings()
        except DevicesFileError as exc:
            self.show_error(self.tr("Not kept: {problem}").format(problem=exc))
            return
        self.submitted.emit(printer, self._original)
