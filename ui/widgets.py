"""Small kiosk widgets: the message banner and the status bar."""

from __future__ import annotations

from ui.qt import (
    QColor,
    QEvent,
    QFont,
    QFontMetrics,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPainter,
    QPaintEvent,
    QPen,
    QRect,
    QRectF,
    QResizeEvent,
    QSizePolicy,
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


def keep_opaque(widget: QWidget, event: QEvent) -> None:
    """Style-sheet polishing clears WA_OpaquePaintEvent; set it again after each polish."""
    if event.type() == QEvent.Type.Polish:
        widget.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)


TONES = {  # background, text: high contrast, told apart by colour and by words
    "prompt": ("#dde6f3", "#10233f"),
    "ok": ("#1e7b34", "#ffffff"),
    "done": ("#0f5a26", "#ffffff"),
    "error": ("#c62828", "#ffffff"),
    "warn": ("#ffe08a", "#3d2b00"),
}
PADDING = (30, 14)  # horizontal, vertical


class Banner(QWidget):
    """The one place the operator looks: a prompt, a green confirmation or a red refusal.

    Painted by hand (no QLabel, no style sheet): it changes on every scan, and a rich-text
    label re-laid itself out and painted twice per scan. Text is drawn as plain text, so
    scanned codes and product names can never be taken for markup.
    """

    def __init__(self, big_px: int, font_px: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self._headline_font = QFont(self.font())
        self._headline_font.setPixelSize(big_px)
        self._headline_font.setBold(True)
        self._action_font = QFont(self.font())
        self._action_font.setPixelSize(big_px)
        self.tone = "prompt"
        self.headline = ""
        self.action = ""
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._fit_height()

    def text(self) -> str:
        return f"{self.headline}\n{self.action}" if self.action else self.headline

    def show_message(self, tone: str, headline: str, action: str = "") -> None:
        if (tone, headline, action) == (self.tone, self.headline, self.action):
            return
        self.tone, self.headline, self.action = tone, headline, action
        self._fit_height()
        self.update()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_height()

    def _text_rects(self) -> tuple[QRect, QRect]:
        inner = self.rect().adjusted(PADDING[0], PADDING[1], -PADDING[0], -PADDING[1])
        flags = int(Qt.TextFlag.TextWordWrap)
        head = QFontMetrics(self._headline_font).boundingRect(inner, flags, self.headline)
        act = QFontMetrics(self._action_font).boundingRect(inner, flags, self.action or " ")
        head.setLeft(inner.left())
        act = QRect(inner.left(), head.bottom() + 1, inner.width(), act.height())
        return head, act

    def _fit_height(self) -> None:
        """Two lines normally; more only when a long name wraps (then, and only then, the
        layout changes)."""
        head, act = self._text_rects()
        needed = head.height() + act.height() + 2 * PADDING[1]
        minimum = (
            QFontMetrics(self._headline_font).lineSpacing()
            + QFontMetrics(self._action_font).lineSpacing()
            + 2 * PADDING[1]
        )
        height = max(needed, minimum)
        if height != self.height() or self.minimumHeight() != height:
            self.setFixedHeight(height)

    def paintEvent(self, event: QPaintEvent) -> None:
        background, foreground = TONES.get(self.tone, TONES["prompt"])
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), WINDOW_BACKGROUND)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(background))
        painter.drawRoundedRect(QRectF(self.rect()), 12, 12)
        painter.setPen(QColor(foreground))
        head, act = self._text_rects()
        flags = int(Qt.TextFlag.TextWordWrap)
        painter.setFont(self._headline_font)
        painter.drawText(head, flags, self.headline)
        if self.action:
            painter.setFont(self._action_font)
            painter.drawText(act, flags, self.action)
        painter.end()


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
        self.scale = QLabel()
        self.printer = QLabel()
        self.scale.hide()  # shown when the station has a scale
        wide = (self.sync, self.scanner, self.scale, self.printer)
        for label in (self.station, self.operator, *wide):
            label.setTextFormat(Qt.TextFormat.PlainText)
            # Wrap rather than widen the window: a long state must never push the kiosk
            # off the screen or cut a neighbour.
            label.setWordWrap(True)
            layout.addWidget(label, 1 if label in wide else 0)

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
