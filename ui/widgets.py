"""Small kiosk widgets: the message banner and the status bar."""

from __future__ import annotations

from html import escape

from ui.qt import QFrame, QHBoxLayout, QLabel, Qt, QWidget


def restyle(widget: QWidget) -> None:
    """Re-apply the style sheet after a dynamic property changed."""
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)


class Banner(QLabel):
    """The one place the operator looks: a prompt, a green confirmation or a red refusal."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.setMinimumHeight(110)
        self.tone = "prompt"
        self.show_message("prompt", "")

    def show_message(self, tone: str, headline: str, action: str = "") -> None:
        self.tone = tone
        self.setProperty("tone", tone)
        # Messages carry scanned text and product names: escape them, then add our markup.
        text = escape(headline)
        if action:
            text += f"<br><span style='font-weight:normal'>{escape(action)}</span>"
        self.setText(text)
        restyle(self)


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
            # Wrap rather than widen the window: a long state must never push the kiosk
            # off the screen or cut a neighbour.
            label.setWordWrap(True)
            layout.addWidget(label, 1 if label in (self.sync, self.scanner, self.printer) else 0)

    @staticmethod
    def set_state(label: QLabel, text: str, state: str = "") -> None:
        label.setText(text)
        label.setProperty("state", state)
        restyle(label)
