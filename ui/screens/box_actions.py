"""Touch twins of the packing command barcodes, kept out of the way of the box picture.

"Box OK" stands beside the picture only when the station waits for the box. The rarer
actions (close this box now, a damaged unit, a missing item) sit behind "More actions",
which swaps the picture for them: on a 768 px screen the picture needs the height, and the
standard order needs none of them. Nothing here takes the keyboard focus.
"""

from __future__ import annotations

from app.usecases.package_views import NextStep
from app.usecases.views import PackView
from ui.qt import QHBoxLayout, QPushButton, Qt, QVBoxLayout, QWidget, Signal
from ui.theme import Metrics

# While the box is weighed the weight needs the room; the command barcodes still work.
FREE_STEPS = (NextStep.ITEMS, NextStep.BOX)


class BoxActions(QWidget):
    code_chosen = Signal(str)  # CMD:… as if its barcode were scanned
    opened = Signal(bool)  # the rarer actions are shown (the picture makes room)

    def __init__(self, metrics: Metrics, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._open = False
        root = QVBoxLayout(self)
        root.setContentsMargins(0, 0, 0, 0)
        root.setSpacing(8)
        self.panel = QWidget()
        panel = QVBoxLayout(self.panel)
        panel.setContentsMargins(0, 0, 0, 0)
        panel.setSpacing(8)
        self.buttons: dict[str, QPushButton] = {}
        for code, text in (
            ("CMD:CLOSE-BOX", self.tr("Close this box now")),
            ("CMD:DAMAGED", self.tr("A unit is damaged")),
            ("CMD:SHORT", self.tr("Missing item")),
        ):
            button = self._button(text, metrics)
            button.clicked.connect(lambda _=False, c=code: self._choose(c))
            panel.addWidget(button)
            self.buttons[code] = button
        panel.addStretch(1)
        self.panel.setVisible(False)
        root.addWidget(self.panel, 1)
        row = QHBoxLayout()
        row.setSpacing(8)
        self.box_ok = self._button(self.tr("Box OK"), metrics)
        self.box_ok.clicked.connect(lambda: self.code_chosen.emit("CMD:BOX-OK"))
        self.more = self._button(self.tr("More actions"), metrics)
        self.more.clicked.connect(lambda: self._set_open(not self._open))
        row.addWidget(self.box_ok)
        row.addWidget(self.more)
        root.addLayout(row)

    @staticmethod
    def _button(text: str, metrics: Metrics) -> QPushButton:
        button = QPushButton(text)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.setMinimumHeight(metrics.touch_px)
        return button

    @property
    def is_open(self) -> bool:
        return self._open

    def show_view(self, view: PackView, box_has_items: bool) -> None:
        """Only what means something now; nothing while an approval or reason is asked."""
        free = view.next_step in FREE_STEPS
        missing = view.units_packed + sum(x.qty_short for x in view.lines) < view.units_ordered
        shown = {
            "CMD:CLOSE-BOX": free and box_has_items and view.next_step is NextStep.ITEMS,
            "CMD:DAMAGED": free and (box_has_items or missing),
            "CMD:SHORT": free and missing and view.units_packed > 0,
        }
        for code, button in self.buttons.items():
            button.setVisible(shown[code])
        self.box_ok.setVisible(view.next_step is NextStep.BOX and view.plan is not None)
        self.more.setVisible(any(shown.values()))
        if not any(shown.values()):
            self._set_open(False)

    def _choose(self, code: str) -> None:
        self._set_open(False)
        self.code_chosen.emit(code)

    def _set_open(self, open_: bool) -> None:
        if open_ == self._open:
            return
        self._open = open_
        self.panel.setVisible(open_)
        self.more.setText(self.tr("Back to the box") if open_ else self.tr("More actions"))
        self.opened.emit(open_)
