"""One printer on the devices screen: name, live state, how it is reached, what it prints."""

from __future__ import annotations

from app.station_devices import Language, PrinterSettings
from ui.print_controller import kind_name
from ui.qt import QFrame, QLabel, QMouseEvent, Qt, QVBoxLayout, QWidget, Signal
from ui.screens.printer_form import LANGUAGE_NAMES, transport_name
from ui.status_panel import printer_state_text
from ui.touch import message, set_tone
from ui.widgets import restyle

GOOD_STATES = ("ready", "busy", "paper_low")


class PrinterCard(QFrame):
    """One printer: name, live state, how it is reached and what it prints. Tap to select."""

    clicked = Signal(str)

    def __init__(self, printer: PrinterSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.printer = printer
        self.setObjectName("deviceCard")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 8, 14, 10)
        layout.setSpacing(4)
        self.name = QLabel(printer.name)
        self.name.setObjectName("cardTitle")
        self.name.setTextFormat(Qt.TextFormat.PlainText)
        self.name.setWordWrap(True)
        self.state = message("statePill")
        self.state.setText(self.tr("not checked yet"))
        self.details = QLabel(self._details(printer))
        self.details.setObjectName("cardDetails")
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.details.setWordWrap(True)
        layout.addWidget(self.name)
        layout.addWidget(self.state, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.details)

    def _details(self, p: PrinterSettings) -> str:
        language = LANGUAGE_NAMES[p.language]
        if p.language is Language.ZPL:
            language += f" {p.dpi} dpi"
        elif p.language is Language.ESCPOS:
            language += f" {p.paper_width_mm} mm"
        how = f"{language} · {transport_name(p.transport)} {p.address}"
        prints = (
            ", ".join(kind_name(k) for k in p.documents)
            if p.documents
            else self.tr("what no other printer takes")
        )
        return how + "\n" + self.tr("Prints: {documents}").format(documents=prints)

    def set_state(self, state: str, detail: str) -> None:
        """The state in a coloured pill; why (for a fault) on the details' first line."""
        self.state.setText(printer_state_text(state))
        set_tone(self.state, "ok" if state in GOOD_STATES else "error")
        why = detail if detail and state not in GOOD_STATES else ""
        self.details.setText((why + "\n" if why else "") + self._details(self.printer))

    def set_selected(self, selected: bool) -> None:
        if self.property("selected") != selected:
            self.setProperty("selected", selected)
            restyle(self)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.clicked.emit(self.printer.name)
        event.accept()
