"""The idle screen: what to do next, and what was just finished."""

from __future__ import annotations

from ui.qt import QHBoxLayout, QLabel, QResizeEvent, Qt, QVBoxLayout, QWidget
from ui.touch import touch_button


class ReadyScreen(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        # Stretches, not fixed gaps, around the texts: under a long banner (a relabel
        # instruction, in Greek, at 1024x768) they give way before any text is cut.
        layout.setContentsMargins(0, 12, 0, 0)
        layout.addStretch(2)
        self.prompt = QLabel(self.tr("Scan an order barcode to start packing"))
        self.prompt.setObjectName("readyPrompt")
        self.prompt.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.prompt.setWordWrap(True)
        self.hint = QLabel(self.tr("or type the order number below and press Enter"))
        self.hint.setObjectName("muted")
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.last = QLabel("")
        # Plain text: laid out in a fraction of rich text's time on the scan that ends an
        # order, and nothing in an order number or printer name can be markup.
        self.last.setTextFormat(Qt.TextFormat.PlainText)
        self.last.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.last.setWordWrap(True)
        # The first download from the order service, while it runs.
        self.download = QLabel("")
        self.download.setTextFormat(Qt.TextFormat.PlainText)
        self.download.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.download.setWordWrap(True)
        self.download.hide()
        layout.addWidget(self.prompt)
        layout.addSpacing(12)
        layout.addWidget(self.hint)
        layout.addSpacing(12)
        layout.addWidget(self.download)
        layout.addStretch(2)
        layout.addWidget(self.last)
        layout.addStretch(3)
        # For the technician: the station's printers, scanners and scale.
        self.devices_button = touch_button(self.tr("Devices"))
        corner = QHBoxLayout()
        corner.addStretch(1)
        corner.addWidget(self.devices_button)
        layout.addLayout(corner)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Wrapped labels keep the height their lines need at this width: a long banner
        above (a relabel instruction, in Greek) would otherwise squeeze the prompt until
        its second line is cut off; the stretches give way instead."""
        super().resizeEvent(event)
        self._fit_heights()

    def _fit_heights(self) -> None:
        width = self.width()
        for label in (self.prompt, self.last, self.download):
            label.setMinimumHeight(label.heightForWidth(width) if label.text() else 0)

    def show_last_packed(self, order_number: str, notes: list[str]) -> None:
        """The order just packed, and one line per document (printed, waiting, ...)."""
        self.last.setText(
            "\n".join([self.tr("Last packed: {order}").format(order=order_number), *notes])
        )
        self._fit_heights()

    def show_download(self, text: str | None) -> None:
        """Progress of the first download from the order service; None hides it."""
        self.download.setVisible(bool(text))
        if text:
            self.download.setText(text)
        self._fit_heights()
