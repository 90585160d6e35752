"""Events the office refused: done and kept at this station, not recorded at the centre.

The order service refuses an event for good (an order it does not know, a payload it cannot
read); sending it again gets the same answer. So this screen does not offer a retry: it
shows a supervisor what happened, when, on which order and what the office said, so the
office can put it right on its side.
"""

from __future__ import annotations

from app.usecases.status import RefusedEvent
from ui.qt import (
    QHBoxLayout,
    QHeaderView,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.touch import muted, touch_button


class RefusedEventsScreen(QWidget):
    back_requested = Signal()

    def __init__(self, row_height: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(
            muted(
                self.tr(
                    "These actions were done at this station and are kept here, but the "
                    "order service could not record them. Show this list to a supervisor: "
                    "the office must put them right on its side."
                )
            )
        )
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("When"), self.tr("What"), self.tr("Order"), self.tr("Why")]
        )
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys stay with the scanner
        self.table.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(row_height)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        for column in range(3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        self.back_button = touch_button(self.tr("Back"), self.back_requested.emit)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.back_button)
        layout.addLayout(row)

    def show_events(self, events: list[RefusedEvent]) -> None:
        self.table.setRowCount(len(events))
        for n, event in enumerate(events):
            why = event.message or event.code or ""
            cells = (
                event.at.astimezone().strftime("%d %b %H:%M"),
                event.type,
                event.order_number or "",
                why,
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(n, column, item)
        self.table.resizeRowsToContents()
