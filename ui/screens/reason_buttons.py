"""The reasons a packer or supervisor may tap, each also showing its code to scan
(``RSN:…``), in balanced rows that wrap; none takes the keyboard focus."""

from __future__ import annotations

from collections.abc import Sequence

from app.usecases.package_views import ReasonChoice
from ui.pack_texts import reason_text
from ui.qt import (
    QAbstractButton,
    QColor,
    QFontMetrics,
    QPainter,
    QPaintEvent,
    QPen,
    QRect,
    QRectF,
    QSize,
    QSizePolicy,
    Qt,
    QWidget,
    Signal,
)
from ui.screens.pack_panels import drop_widget, scaled_font
from ui.theme import Metrics
from ui.touch import ItemListLayout


class ReasonButton(QAbstractButton):
    """A reason as a touch target: its words, and under them the code to scan (RSN:…)
    in small type. Painted by hand: a push button has one font for all its text."""

    def __init__(
        self, choice: ReasonChoice, metrics: Metrics, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.code = choice.code
        self._metrics = metrics
        self._pad = max(12, metrics.font_px * 2 // 3)
        self.setText(reason_text(choice.code, choice.text))
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self._text_font = scaled_font(self.font(), metrics.font_px, bold=True)
        self._code_font = scaled_font(self.font(), metrics.small_px, family="DejaVu Sans Mono")
        self.pressed.connect(self.update)
        self.released.connect(self.update)

    @property
    def scan_code(self) -> str:
        return f"RSN:{self.code}"

    def _text_height(self, width: int) -> int:
        flags = int(Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignCenter)
        area = QRect(0, 0, max(width, 1), 10_000)
        return QFontMetrics(self._text_font).boundingRect(area, flags, self.text()).height()

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        text = self._text_height(width - 2 * self._pad)
        height = text + QFontMetrics(self._code_font).height() + self._pad
        return max(self._metrics.touch_px, height)

    def sizeHint(self) -> QSize:
        natural = max(
            QFontMetrics(self._text_font).horizontalAdvance(self.text()),
            QFontMetrics(self._code_font).horizontalAdvance(self.scan_code),
        )
        width = min(natural, self._metrics.touch_px * 5) + 2 * self._pad  # longer texts wrap
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:
        return QSize(self._metrics.touch_px, self._metrics.touch_px)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        frame = QRectF(self.rect()).adjusted(1, 1, -1, -1)
        painter.setPen(QPen(QColor("#44546a"), 2))
        painter.setBrush(QColor("#c9d6ea" if self.isDown() else "#ffffff"))
        painter.drawRoundedRect(frame, 10, 10)
        width = self.width() - 2 * self._pad
        text_h = self._text_height(width)
        code_h = QFontMetrics(self._code_font).height()
        top = (self.height() - text_h - code_h) // 2  # words and code centred as one block
        painter.setPen(QColor("#111"))
        painter.setFont(self._text_font)
        flags = int(Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignCenter)
        painter.drawText(QRect(self._pad, top, width, text_h), flags, self.text())
        painter.setPen(QColor("#44546a"))
        painter.setFont(self._code_font)
        code = QRect(self._pad, top + text_h, width, code_h)
        painter.drawText(code, int(Qt.AlignmentFlag.AlignCenter), self.scan_code)
        painter.end()


class EvenGrid(ItemListLayout):
    """Equal columns, as many as fit at ``cell`` pixels wide, with the rows balanced (four
    reasons: two by two, not three and one); every button as tall as the tallest."""

    def __init__(self, parent: QWidget, cell: int, spacing: int = 10) -> None:
        super().__init__(parent, spacing)
        self._cell = cell

    def _shown(self) -> list[QWidget]:
        widgets = (item.widget() for item in self._items if not item.isEmpty())
        return [w for w in widgets if w is not None]

    def sizeHint(self) -> QSize:
        shown = self._shown()
        width = sum(w.sizeHint().width() for w in shown) + self.spacing() * max(len(shown) - 1, 0)
        return QSize(width, self.heightForWidth(width))

    def minimumSize(self) -> QSize:
        """One button at the narrowest: the rows' height comes from heightForWidth, or a
        scroll area would make room for a column of one button per row at every width."""
        shown = self._shown()
        return QSize(self._cell, max((w.heightForWidth(self._cell) for w in shown), default=0))

    def _arrange(self, rect: QRect, move: bool) -> int:
        shown, gap = self._shown(), self.spacing()
        if not shown:
            return 0
        most = max(1, min(len(shown), (rect.width() + gap) // (self._cell + gap)))
        rows = -(-len(shown) // most)
        cols = -(-len(shown) // rows)
        width = (rect.width() - gap * (cols - 1)) // cols
        height = max(w.heightForWidth(width) for w in shown)
        if move:
            for i, widget in enumerate(shown):
                row, col = divmod(i, cols)
                x, y = rect.x() + col * (width + gap), rect.y() + row * (height + gap)
                widget.setGeometry(QRect(x, y, width, height))
        return rows * height + (rows - 1) * gap


class ReasonButtons(QWidget):
    """One button per reason the station accepts now, in rows that wrap; ``chosen``
    carries the tapped reason's code, as if its RSN: barcode had been scanned."""

    chosen = Signal(str)

    def __init__(self, metrics: Metrics, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._metrics = metrics
        self._shown: tuple[ReasonChoice, ...] = ()
        self.buttons: list[ReasonButton] = []
        self._layout = EvenGrid(self, cell=metrics.touch_px * 4)
        self.setVisible(False)

    def show_reasons(self, reasons: Sequence[ReasonChoice]) -> None:
        reasons = tuple(reasons)
        if reasons != self._shown:
            self._shown = reasons
            for button in self.buttons:
                drop_widget(self._layout, button)
            self.buttons = []
            for choice in reasons:
                button = ReasonButton(choice, self._metrics)
                button.clicked.connect(lambda _=False, code=choice.code: self.chosen.emit(code))
                self._layout.addWidget(button)
                self.buttons.append(button)
        self.setVisible(bool(reasons))
