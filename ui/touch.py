"""Controls for setup screens that a finger can work: toggle rows instead of combo boxes.

A combo box opens a popup list whose rows are a few millimetres tall; a row of toggle
buttons shows every choice at once, each a full touch target. No control here takes the
keyboard focus, so the scanner's keys never land in one of them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ui.qt import (
    QButtonGroup,
    QCheckBox,
    QEvent,
    QFrame,
    QLabel,
    QLayout,
    QLayoutItem,
    QLineEdit,
    QObject,
    QPoint,
    QPushButton,
    QRect,
    QScrollArea,
    QSize,
    Qt,
    QWidget,
    Signal,
)
from ui.widgets import restyle


def touch_button(
    text: str, slot: Callable[[], object] | None = None, name: str = ""
) -> QPushButton:
    """A push button that never takes the keyboard focus (keys stay with the scanner)."""
    button = QPushButton(text)
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    if name:
        button.setObjectName(name)
    if slot is not None:
        button.clicked.connect(slot)
    return button


def touch_check(text: str) -> QCheckBox:
    box = QCheckBox(text)
    box.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return box


def caption(text: str) -> QLabel:
    """The small bold title above a field or a group."""
    label = QLabel(text)
    label.setObjectName("fieldCaption")
    label.setWordWrap(True)
    return label


def line_edit() -> QLineEdit:
    """A text field that takes the keys only once tapped: a scan never lands in it."""
    edit = QLineEdit()
    edit.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
    edit.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)  # it would take the keys
    return edit


def muted(text: str = "") -> QLabel:
    """A secondary line: a hint under a field, an empty list's note."""
    label = QLabel(text)
    label.setObjectName("muted")
    label.setWordWrap(True)
    return label


def message(name: str = "message") -> QLabel:
    """An outcome or problem, coloured by ``set_tone``; plain text, as it may quote devices.
    ``name``: "message", "smallMessage" (long details) or "statePill" (a device's state)."""
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    set_tone(label, "")
    return label


class VerticalScroll(QScrollArea):
    """Scrolls up and down only, and is never narrower than its content's minimum: a
    button or an unbreakable word is never cut at the right edge."""

    def __init__(self, content: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWidget(content)
        self.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.viewport() and event.type() == QEvent.Type.LayoutRequest:
            self.updateGeometry()  # the content's minimum may have changed
        return super().eventFilter(watched, event)

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        content = self.widget()
        if content is None:
            return hint
        bar = self.verticalScrollBar().sizeHint().width()
        return QSize(max(hint.width(), content.minimumSizeHint().width() + bar), hint.height())


def scrolling(content: QWidget) -> QScrollArea:
    """``content`` in a frameless vertical scroll area (a long form on a short screen)."""
    return VerticalScroll(content)


def set_tone(label: QLabel, tone: str) -> None:
    """Colour a message label by meaning ("ok", "error", "warn", "" plain), via the QSS."""
    if label.property("tone") != tone:
        label.setProperty("tone", tone)
        restyle(label)


class ItemListLayout(QLayout):
    """A layout that keeps its items in a list and places them in ``_arrange``: the Qt
    bookkeeping the wrapping layouts share."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 8) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self.setContentsMargins(0, 0, 0, 0)
        self.setSpacing(spacing)

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def _arrange(self, rect: QRect, move: bool) -> int:
        """Place the items in ``rect`` (only measure unless ``move``); the height used."""
        raise NotImplementedError


class FlowLayout(ItemListLayout):
    """Items left to right, wrapping onto the next line when the width runs out, so a row
    of choices never squeezes its buttons below their text (Greek is longer)."""

    def sizeHint(self) -> QSize:
        """Everything on one line."""
        hints = [item.sizeHint() for item in self._items if not item.isEmpty()]
        if not hints:
            return QSize(0, 0)
        width = sum(h.width() for h in hints) + self.spacing() * (len(hints) - 1)
        return QSize(width, max(h.height() for h in hints))

    def minimumSize(self) -> QSize:
        """One item per line: the widest one, at its size hint (items are never squeezed)."""
        size = QSize(0, 0)
        for item in self._items:
            if not item.isEmpty():
                size = size.expandedTo(item.sizeHint())
        return size

    def _arrange(self, rect: QRect, move: bool) -> int:
        """Place the items (when ``move``) in ``rect``; the height they need."""
        x, y, line = rect.x(), rect.y(), 0
        for item in self._items:
            if item.isEmpty():
                continue
            hint = item.sizeHint()
            if line and x + hint.width() > rect.x() + rect.width():
                x, y, line = rect.x(), y + line + self.spacing(), 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self.spacing()
            line = max(line, hint.height())
        return y + line - rect.y()


class ChoiceRow[T](QWidget):
    """One of a few values, as a row of toggle buttons; ``changed`` carries the new value."""

    changed = Signal(object)

    def __init__(self, options: Sequence[tuple[T, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = FlowLayout(self)
        self._values = [value for value, _ in options]
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        for index, (_, text) in enumerate(options):
            button = touch_button(text, name="choice")
            button.setCheckable(True)
            self._group.addButton(button, index)
            layout.addWidget(button)
        self._group.idClicked.connect(lambda index: self.changed.emit(self._values[index]))

    def value(self) -> T | None:
        index = self._group.checkedId()
        return self._values[index] if index >= 0 else None

    def set_value(self, value: T) -> None:
        button = self._group.button(self._values.index(value))
        if button is not None:
            button.setChecked(True)

    def button(self, value: T) -> QPushButton:
        button = self._group.button(self._values.index(value))
        assert isinstance(button, QPushButton)
        return button
