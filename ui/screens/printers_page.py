"""The printers part of the devices screen: each printer with its live state, a form to add,
change or remove one, and a test print with its outcome and a preview of what was sent."""

from __future__ import annotations

from collections.abc import Callable

from app.ports import DeliveryOutcome
from app.station_devices import PrinterSettings
from ui.device_tests import SamplePrint, SamplePrinter, preview_image, preview_text
from ui.print_controller import kind_name
from ui.qt import (
    QHBoxLayout,
    QStackedWidget,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.screens.preview_pane import PreviewPane
from ui.screens.printer_card import PrinterCard
from ui.screens.printer_form import PrinterForm
from ui.touch import FlowLayout, caption, message, muted, scrolling, set_tone, touch_button


class PrintersPage(QWidget):
    """``changed(printers)`` after an accepted add, change or removal; ``check`` says why a
    list of printers cannot be the station's ("" when it can)."""

    changed = Signal(object)  # tuple[PrinterSettings, ...]

    def __init__(
        self,
        tester: SamplePrinter | None,
        check: Callable[[tuple[PrinterSettings, ...]], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._tester = tester
        self._check = check
        self._printers: tuple[PrinterSettings, ...] = ()
        self._states: dict[str, tuple[str, str]] = {}
        self._selected = ""
        self.cards: list[PrinterCard] = []
        self._card_box = QVBoxLayout()
        self._card_box.setSpacing(10)
        self.none_label = muted(self.tr("No printers yet: add one."))
        self.add_button = touch_button(self.tr("Add printer"), self._add)
        self.test_button = touch_button(self.tr("Test print"), self._test_print, "primary")
        self.edit_button = touch_button(self.tr("Edit"), self._edit)
        self.remove_button = touch_button(self.tr("Remove"), self._remove)
        self.result = message("smallMessage")
        self.result.hide()
        self.preview_caption = caption(self.tr("Test print preview"))
        self.preview = PreviewPane()
        self.zoomed = PreviewPane()
        self.close_zoom_button = touch_button(self.tr("Close"), self._show_list)
        self.list_view = self._list_view()
        self.zoom_view = self._zoom_view()
        self.form = PrinterForm()
        self.pages = QStackedWidget()
        for page in (self.list_view, self.form, self.zoom_view):
            self.pages.addWidget(page)
        self.preview.clicked.connect(self._zoom)
        self.zoomed.clicked.connect(self._show_list)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.pages)
        self.form.submitted.connect(self._form_submitted)
        self.form.cancelled.connect(self._show_list)
        if tester is not None:
            tester.finished.connect(self._test_finished)

    def _list_view(self) -> QWidget:
        """The printers | the selected one's actions, its last test print and preview."""
        view = QWidget()
        layout = QHBoxLayout(view)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(18)
        holder = QWidget()
        holder_layout = QVBoxLayout(holder)
        holder_layout.setContentsMargins(0, 0, 6, 0)
        holder_layout.addLayout(self._card_box)
        holder_layout.addStretch(1)
        left = QVBoxLayout()
        left.setSpacing(10)
        self._card_scroll = scrolling(holder)
        left.addWidget(self._card_scroll, 1)
        left.addWidget(self.none_label)
        left.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addLayout(left, 2)
        actions = QWidget()
        flow = FlowLayout(actions, spacing=10)
        for button in (self.test_button, self.edit_button, self.remove_button):
            flow.addWidget(button)
        outcome = QVBoxLayout()
        outcome.setSpacing(8)
        outcome.addWidget(self.preview_caption)
        outcome.addWidget(self.result)
        outcome.addStretch(1)
        below = QHBoxLayout()
        below.setSpacing(14)
        below.addWidget(self.preview, 3)
        below.addLayout(outcome, 2)
        right = QVBoxLayout()
        right.setSpacing(10)
        right.addWidget(actions)
        right.addLayout(below, 1)
        layout.addLayout(right, 3)
        return view

    def _zoom_view(self) -> QWidget:
        """The last test print as large as the page allows; tap or Close to go back."""
        view = QWidget()
        layout = QHBoxLayout(view)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.zoomed, 1)
        layout.addWidget(self.close_zoom_button, 0, Qt.AlignmentFlag.AlignTop)
        return view

    def _zoom(self) -> None:
        if self.preview.image is not None:
            self.zoomed.show_image(self.preview.image)
        else:
            self.zoomed.show_text(self.preview.text)
        self.pages.setCurrentWidget(self.zoom_view)

    # -- the list --------------------------------------------------------------------------

    def set_printers(self, printers: tuple[PrinterSettings, ...]) -> None:
        self._printers = printers
        for card in self.cards:
            card.hide()
            self._card_box.removeWidget(card)
            card.deleteLater()
        self.cards = [PrinterCard(p) for p in printers]
        for card in self.cards:
            card.clicked.connect(self.select)
            self._card_box.addWidget(card)
            if card.printer.name in self._states:
                card.set_state(*self._states[card.printer.name])
        names = [p.name for p in printers]
        self.select(self._selected if self._selected in names else (names[0] if names else ""))
        self.none_label.setVisible(not printers)
        self.pages.setCurrentWidget(self.list_view)

    def set_status(self, name: str, state: str, detail: str) -> None:
        """The running printer's state (the monitor checks the settings Tote started with)."""
        self._states[name] = (state, detail)
        for card in self.cards:
            if card.printer.name == name:
                card.set_state(state, detail)

    def select(self, name: str) -> None:
        self._selected = name
        for card in self.cards:
            card.set_selected(card.printer.name == name)
        QTimer.singleShot(0, self._reveal_selected)  # once the cards are laid out
        chosen = self.selected()
        for button in (self.edit_button, self.remove_button):
            button.setEnabled(chosen is not None)
        self.test_button.setEnabled(
            chosen is not None and self._tester is not None and not self._tester.busy(name)
        )

    def _reveal_selected(self) -> None:
        for card in self.cards:
            if card.printer.name == self._selected:
                self._card_scroll.ensureWidgetVisible(card)

    def selected(self) -> PrinterSettings | None:
        return next((p for p in self._printers if p.name == self._selected), None)

    def _show_list(self) -> None:
        self.pages.setCurrentWidget(self.list_view)

    # -- add, change, remove ---------------------------------------------------------------

    def _add(self) -> None:
        self.form.edit(None)
        self.pages.setCurrentWidget(self.form)

    def _edit(self) -> None:
        printer = self.selected()
        if printer is not None:
            self.form.edit(printer)
            self.pages.setCurrentWidget(self.form)

    def _remove(self) -> None:
        printer = self.selected()
        if printer is not None:
            self._apply(tuple(p for p in self._printers if p.name != printer.name), "")

    def _form_submitted(self, printer: PrinterSettings, original: str) -> None:
        if original:  # changed in place, keeping the printers' order
            printers = tuple(printer if p.name == original else p for p in self._printers)
        else:
            printers = (*self._printers, printer)
        problem = self._check(printers)
        if problem:
            self.form.show_error(self.tr("Not kept: {problem}").format(problem=problem))
            return
        self._apply(printers, printer.name)

    def _apply(self, printers: tuple[PrinterSettings, ...], select: str) -> None:
        problem = self._check(printers)
        if problem:
            self._show_result(self.tr("Not changed: {problem}").format(problem=problem), "error")
            return
        if select:
            self._selected = select
        self.set_printers(printers)
        self.changed.emit(printers)

    # -- test print ------------------------------------------------------------------------

    def _test_print(self) -> None:
        printer = self.selected()
        if printer is None or self._tester is None:
            return
        kind = self._tester.start(printer)
        if kind is None:
            self._show_result(
                self.tr("{printer} takes no document to test.").format(printer=printer.name),
                "error",
            )
            return
        self.test_button.setEnabled(False)
        self.preview.clear()
        self._show_result(
            self.tr("Printing a test {document} on {printer}…").format(
                document=kind_name(kind), printer=printer.name
            ),
            "",
        )

    def _test_finished(self, done: SamplePrint) -> None:
        what, printer = kind_name(done.kind), done.printer.name
        if done.outcome is DeliveryOutcome.DELIVERED:
            text = self.tr("Delivered to {printer} ({where}).").format(
                printer=printer, where=done.location or ""
            )
            tone = "ok"
        elif done.outcome is DeliveryOutcome.UNCERTAIN:
            text = self.tr(
                "Uncertain: {why}. Part of it may have reached {printer}: look at the printer."
            ).format(why=done.detail, printer=printer)
            tone = "warn"
        elif done.outcome is DeliveryOutcome.NOT_SENT:
            text = self.tr("Not sent: {why}. Nothing reached {printer}.").format(
                why=done.detail, printer=printer
            )
            tone = "error"
        else:
            text = self.tr("Not sent: this printer cannot draw a {document} ({why}).").format(
                document=what, why=done.detail
            )
            tone = "error"
        self._show_result(text, tone)
        image = preview_image(done.document, done.printer.dpi)
        if image is not None:
            self.preview.show_image(image)
        else:
            self.preview.show_text(preview_text(done.document))
        self.preview_caption.setText(self.tr("Test print: {document}").format(document=what))
        self.select(self._selected)

    def _show_result(self, text: str, tone: str) -> None:
        self.result.setText(text)
        self.result.setVisible(bool(text))
        set_tone(self.result, tone)
