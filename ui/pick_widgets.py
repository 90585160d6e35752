"""Pieces of the picking screens: big text, the product's picture, buttons that reflow.

The picker reads the screen at arm's length from a cart or a handheld, so the words that
matter are larger than the kiosk's normal text; sizes come from ``Metrics`` (the screen's
DPI). The kiosk's style sheet sets one font size for every widget, so a label's own size
is set on the label itself (a widget's style sheet wins over the application's).
"""

from __future__ import annotations

from ui.qt import (
    QColor,
    QCoreApplication,
    QEvent,
    QFont,
    QLabel,
    QLayoutItem,
    QPainter,
    QPaintEvent,
    QPen,
    QPixmap,
    QPoint,
    QRect,
    QRectF,
    QScrollArea,
    QSize,
    QSizePolicy,
    QStackedWidget,
    Qt,
    QTimer,
    QWidget,
)
from ui.touch import ItemListLayout
from ui.widgets import WINDOW_BACKGROUND


def text_label(
    px: int, *, bold: bool = False, colour: str = "", wrap: bool = True, toned: bool = False
) -> QLabel:
    """A plain-text label (product names and codes are never markup) of ``px`` pixels, on
    whatever background it stands (a white card, the window); ``toned``: coloured by
    ``ui.touch.set_tone`` instead."""
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    set_size(label, px, bold=bold, colour=colour, toned=toned)
    return label


def set_size(
    label: QLabel, px: int, *, bold: bool = False, colour: str = "", toned: bool = False
) -> None:
    style = ("" if toned else "background: transparent; ") + f"font-size: {px}px;"
    if bold:
        style += " font-weight: bold;"
    if colour:
        style += f" color: {colour};"
    if label.styleSheet() != style:
        label.setStyleSheet(style)


def remeasure(area: QScrollArea) -> None:
    """Make a scroll area fit its content again after the content changed while shown: it
    re-measures on its own only when it is resized. Done once the content's own layout
    has run (the next event-loop turn), so the height it reads is the new one."""

    def now() -> None:
        content = area.widget()
        layout = content.layout() if content is not None else None
        if layout is not None:
            layout.activate()
        QCoreApplication.sendEvent(area, QEvent(QEvent.Type.LayoutRequest))

    QTimer.singleShot(0, area, now)


def size_to_current(stack: QStackedWidget) -> None:
    """Only the page shown counts for the stack's minimum size (a stack's minimum is
    otherwise its widest page, shown or not)."""
    for index in range(stack.count()):
        page = stack.widget(index)
        if page is None:
            continue
        policy = (
            QSizePolicy.Policy.Preferred
            if page is stack.currentWidget()
            else QSizePolicy.Policy.Ignored
        )
        if page.sizePolicy().horizontalPolicy() != policy:
            page.setSizePolicy(policy, policy)
    stack.updateGeometry()


def button_text(text: str) -> str:
    """A translated text as a button shows it: "&" is a literal ampersand, not a shortcut."""
    return text.replace("&", "&&")


def set_text(label: QLabel, text: str) -> None:
    """Set and show ``text``; hide the label when there is none (no empty gaps)."""
    if label.text() != text:
        label.setText(text)
    label.setVisible(bool(text))


class ProductPicture(QWidget):
    """The product's photo when the catalogue has one, else a neutral box drawing: the
    picker never waits for, or is misled by, a missing picture."""

    def __init__(self, side: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pixmap: QPixmap | None = None
        self._path: str | None = None
        self._placeholder_text = ""
        self.set_side(side)

    def set_side(self, side: int) -> None:
        self.setFixedSize(side, side)

    def show_image(self, path: str | None, placeholder: str) -> None:
        self._placeholder_text = placeholder
        if path != self._path:
            self._path = path
            pixmap = QPixmap(path) if path else None
            self._pixmap = pixmap if pixmap is not None and not pixmap.isNull() else None
        self.update()

    @property
    def has_image(self) -> bool:
        return self._pixmap is not None

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), WINDOW_BACKGROUND)
        frame = QRectF(self.rect()).adjusted(1, 1, -1, -1)
        painter.setPen(QPen(QColor("#aab"), 2))
        painter.setBrush(QColor("white"))
        painter.drawRoundedRect(frame, 10, 10)
        if self._pixmap is not None:
            inner = self.rect().adjusted(6, 6, -6, -6)
            scaled = self._pixmap.scaled(
                inner.size(),
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
            x = inner.x() + (inner.width() - scaled.width()) // 2
            y = inner.y() + (inner.height() - scaled.height()) // 2
            painter.drawPixmap(x, y, scaled)
        else:
            self._paint_placeholder(painter, frame)
        painter.end()

    def _paint_placeholder(self, painter: QPainter, frame: QRectF) -> None:
        """A carton outline and a short note, in grey."""
        side = frame.width()
        box = QRectF(side * 0.28, side * 0.2, side * 0.44, side * 0.36)
        painter.setPen(QPen(QColor("#9aa3ad"), max(2.0, side / 60)))
        painter.setBrush(QColor("#eef0f3"))
        painter.drawRect(box)
        painter.drawLine(box.topLeft(), box.center())
        painter.drawLine(box.topRight(), box.center())
        font = QFont(painter.font())
        font.setPixelSize(max(12, round(side / 9)))
        painter.setFont(font)
        painter.setPen(QColor("#5c6670"))
        text_box = QRectF(frame.x() + 4, side * 0.62, frame.width() - 8, side * 0.34)
        flags = int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop) | int(
            Qt.TextFlag.TextWordWrap
        )
        painter.drawText(text_box, flags, self._placeholder_text)


class ColumnsLayout(ItemListLayout):
    """Buttons on one row when they fit, else in equal columns, as many as fit side by
    side; one per line on a narrow handheld. Its minimum is the widest button, so it never holds the
    window wider than that, and never squeezes a button below its text."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 10) -> None:
        super().__init__(parent, spacing)

    def _shown(self) -> list[QLayoutItem]:
        return [item for item in self._items if not item.isEmpty()]

    def _cell(self) -> QSize:
        size = QSize(0, 0)
        for item in self._shown():
            size = size.expandedTo(item.sizeHint())
        return size

    def sizeHint(self) -> QSize:
        """Everything on one line, at natural widths."""
        hints = [item.sizeHint() for item in self._shown()]
        if not hints:
            return QSize(0, 0)
        width = sum(h.width() for h in hints) + (len(hints) - 1) * self.spacing()
        return QSize(width, max(h.height() for h in hints))

    def minimumSize(self) -> QSize:
        return self._cell()

    def _arrange(self, rect: QRect, move: bool) -> int:
        """One row when every button fits at its own width (the space left shared out
        evenly), else equal columns, as many as the widest button allows."""
        shown, cell = self._shown(), self._cell()
        if not shown:
            return 0
        gap = self.spacing()
        if self.sizeHint().width() <= rect.width():
            extra = (rect.width() - self.sizeHint().width()) // len(shown)
            x = rect.x()
            for item in shown:
                width = item.sizeHint().width() + extra
                if move:
                    item.setGeometry(QRect(x, rect.y(), width, cell.height()))
                x += width + gap
            return cell.height()
        columns = max(1, min(len(shown), (rect.width() + gap) // max(cell.width() + gap, 1)))
        width = (rect.width() - gap * (columns - 1)) // columns
        rows = -(-len(shown) // columns)
        if move:
            for i, item in enumerate(shown):
                row, col = divmod(i, columns)
                x = rect.x() + col * (width + gap)
                y = rect.y() + row * (cell.height() + gap)
                item.setGeometry(QRect(QPoint(x, y), QSize(width, cell.height())))
        return rows * cell.height() + (rows - 1) * gap
