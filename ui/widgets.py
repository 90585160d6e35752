"""Small kiosk widgets: the message banner and the status bar."""

from __future__ import annotations

from html import escape

from ui.qt import (
    QColor,
    QEvent,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPainter,
    QPaintEvent,
    QPen,
    QRectF,
    QStyle,
    QStyleOption,
    Qt,
    QWidget,
)


def restyle(widget: QWidget) -> None:
    """Re-apply the style sheet after a dynamic property changed."""
    opaque = widget.testAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
    if opaque:
        widget.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)


WINDOW_BACKGROUND = QColor("#f4f5f7")  # as in kiosk.qss


def paint_opaque_background(widget: QWidget) -> None:
    """Paint the window colour, then the widget's style-sheet background, ourselves.

    Declared opaque (WA_OpaquePaintEvent), a widget that changes on every scan no longer
    makes Qt repaint every parent beneath it (that halved the paint time of a scan); but
    then Qt skips its style-sheet background too, so it is drawn here (PE_Widget).
    """
    painter = QPainter(widget)
    painter.fillRect(widget.rect(), WINDOW_BACKGROUND)
    option = QStyleOption()
    option.initFrom(widget)
    widget.style().drawPrimitive(QStyle.PrimitiveElement.PE_Widget, option, painter, widget)
    painter.end()


def keep_opaque(widget: QWidget, event: QEvent) -> None:
    """Style-sheet polishing clears WA_OpaquePaintEvent; set it again after each polish."""
    if event.type() == QEvent.Type.Polish:
        widget.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)


class Banner(QLabel):
    """The one place the operator looks: a prompt, a green confirmation or a red refusal."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self.setTextFormat(Qt.TextFormat.RichText)  # show_message escapes every value
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.setMinimumHeight(110)
        self.tone = "prompt"
        self.show_message("prompt", "")

    def show_message(self, tone: str, headline: str, action: str = "") -> None:
        if tone != self.tone or self.property("tone") is None:
            self.tone = tone
            self.setProperty("tone", tone)
            restyle(self)
        # Messages carry scanned text and product names: escape them, then add our markup.
        text = escape(headline)
        if action:
            text += f"<br><span style='font-weight:normal'>{escape(action)}</span>"
        self.setText(text)

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        keep_opaque(self, event)
        return handled

    def paintEvent(self, event: QPaintEvent) -> None:
        paint_opaque_background(self)
        super().paintEvent(event)


class StatusBar(QFrame):
    """Station, operator, sync and device state, always visible at the bottom."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statusBar")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 8, 16, 8)
        layout.setSpacing(32)
        self.station = QLabel()
        self.operator = QLabel()
        self.sync = QLabel()
        self.scanner = QLabel()
        self.printer = QLabel()
        for label in (self.station, self.operator, self.sync, self.scanner, self.printer):
            label.setTextFormat(Qt.TextFormat.PlainText)
            # Wrap rather than widen the window: a long state must never push the kiosk
            # off the screen or cut a neighbour.
            label.setWordWrap(True)
            layout.addWidget(label, 1 if label in (self.sync, self.scanner, self.printer) else 0)

    @staticmethod
    def set_state(label: QLabel, text: str, state: str = "") -> None:
        if label.text() != text:
            label.setText(text)
        if label.property("state") != state:
            label.setProperty("state", state)
            restyle(label)


class ProgressStrip(QWidget):
    """Units packed of units ordered, as a bar with its text.

    QProgressBar repaints synchronously inside setValue(), which with a style sheet cost
    1.5 ms per scan; this widget only schedules a paint, drawn with the next frame.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._value = 0
        self._maximum = 1
        self._format = "{value} / {maximum}"
        self.setMinimumHeight(40)

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        keep_opaque(self, event)
        return handled

    def set_format(self, text: str) -> None:
        self._format = text

    def value(self) -> int:
        return self._value

    def text(self) -> str:
        return self._format.format(value=self._value, maximum=self._maximum)

    def set_progress(self, value: int, maximum: int) -> None:
        if (value, maximum) != (self._value, self._maximum):
            self._value, self._maximum = value, max(maximum, 1)
            self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), WINDOW_BACKGROUND)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        frame = QRectF(self.rect()).adjusted(1, 1, -1, -1)
        painter.setPen(QPen(QColor("#44546a"), 2))
        painter.setBrush(QColor("white"))
        painter.drawRoundedRect(frame, 8, 8)
        share = min(1.0, self._value / self._maximum)
        if share > 0:
            filled = QRectF(
                frame.x() + 2, frame.y() + 2, (frame.width() - 4) * share, frame.height() - 4
            )
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor("#2e9e4a"))
            painter.drawRoundedRect(filled, 6, 6)
        font = painter.font()
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor("#111"))
        painter.drawText(frame, Qt.AlignmentFlag.AlignCenter, self.text())
        painter.end()
