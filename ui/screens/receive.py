"""Sorting and bringing totes together at the packing station.

An item from a batch or wave cart is scanned: the screen shows its put-wall slot number as
large as the screen allows (the operator glances at it while reaching for the shelf), the
order and how full the slot is; when the order is complete, says to take it to packing.
A zone tote is scanned in: how many of the order's totes are here, and which zones it
still waits for, or that it is complete and can be packed.
"""

from __future__ import annotations

from app.usecases.pick_receiving import ArrivalView, SortView
from ui.pick_texts import waiting_text
from ui.pick_widgets import remeasure, set_size, set_text, text_label
from ui.qt import QFrame, QHBoxLayout, QResizeEvent, Qt, QVBoxLayout, QWidget
from ui.screens.pick import NARROW_PX
from ui.screens.pick_step import GREEN, INK
from ui.theme import Metrics
from ui.touch import scrolling, set_tone


class ReceiveScreen(QWidget):
    def __init__(self, metrics: Metrics, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._metrics = metrics
        root = QVBoxLayout(self)
        root.setContentsMargins(0, 0, 0, 0)
        root.setSpacing(12)
        self.title = text_label(metrics.big_px, bold=True, colour="#10233f")
        root.addWidget(self.title)
        card = QFrame()
        card.setObjectName("deviceCard")
        self._row = row = QHBoxLayout(card)
        row.setContentsMargins(24, 16, 24, 16)
        row.setSpacing(28)
        self.number = text_label(metrics.huge_px * 5, bold=True, colour=INK, wrap=False)
        self.number.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.number.setMinimumWidth(metrics.huge_px * 3)
        row.addWidget(self.number)
        texts = QVBoxLayout()
        texts.setSpacing(6)
        self.order = text_label(metrics.huge_px, bold=True)
        self.count = text_label(metrics.big_px, bold=True, colour=GREEN)
        self.item = text_label(metrics.font_px, colour="#333")
        for label in (self.order, self.count, self.item):
            texts.addWidget(label)
        texts.addStretch(1)
        row.addLayout(texts, 1)
        content = QWidget()
        below = QVBoxLayout(content)
        below.setContentsMargins(0, 0, 0, 0)
        below.setSpacing(12)
        below.addWidget(card, 1)
        self.state = text_label(metrics.big_px, bold=True, toned=True)
        self.state.setObjectName("message")
        below.addWidget(self.state)
        self.hint = text_label(metrics.font_px, colour="#444")
        below.addWidget(self.hint)
        self._area = scrolling(content)  # scrolls only when a handheld is too short for it
        root.addWidget(self._area, 1)
        self.show_idle()

    def resizeEvent(self, event: QResizeEvent) -> None:
        """On a narrow screen the slot number stands above the order, not beside it."""
        super().resizeEvent(event)
        direction = (
            QHBoxLayout.Direction.TopToBottom
            if self.width() < NARROW_PX
            else QHBoxLayout.Direction.LeftToRight
        )
        if self._row.direction() != direction:
            self._row.setDirection(direction)
            narrow = direction == QHBoxLayout.Direction.TopToBottom
            m = self._metrics
            set_size(self.number, round(m.huge_px * (2.2 if narrow else 5)), bold=True, colour=INK)
            set_size(self.order, m.big_px if narrow else m.huge_px, bold=True)
            set_size(self.count, m.font_px if narrow else m.big_px, bold=True, colour=GREEN)
            set_size(self.state, m.font_px if narrow else m.big_px, bold=True, toned=True)
            self.title.setVisible(not narrow)  # the banner says it too; a handheld needs the room

    def show_idle(self) -> None:
        """Nothing scanned yet: what can be scanned here."""
        self.title.setText(self.tr("Sort & totes"))
        set_text(self.number, "")
        set_text(self.order, self.tr("Scan an item or a tote"))
        set_text(self.count, "")
        set_text(
            self.item,
            self.tr(
                "An item from a batch or wave cart: its slot on the put wall. "
                "A zone tote: whether its order is complete."
            ),
        )
        self._state("", "")
        set_text(self.hint, "")

    def show_sort(self, sort: SortView) -> None:
        slot = sort.slot
        self.title.setText(self.tr("Sort to the put wall"))
        set_text(self.number, str(slot.position))
        set_text(
            self.order,
            self.tr("Slot {slot} · order {order}").format(slot=slot.position, order=slot.order),
        )
        set_text(
            self.count,
            self.tr("{sorted} of {picked} units in the slot").format(
                sorted=slot.sorted_units, picked=slot.picked_units
            ),
        )
        set_text(self.item, self.tr("{name} · {sku}").format(name=sort.name, sku=sort.sku))
        if slot.ready:
            self._state(
                self.tr("Order {order} is complete: take it to packing").format(order=slot.order),
                "ok",
            )
        else:
            self._state("", "")
        set_text(self.hint, self.tr("Scan the next item."))

    def show_arrival(self, arrival: ArrivalView) -> None:
        self.title.setText(self.tr("Totes of an order"))
        set_text(self.number, f"{arrival.totes_here}/{arrival.totes_total}")
        set_text(
            self.order,
            self.tr("Tote {tote} · order {order}").format(tote=arrival.tote, order=arrival.order),
        )
        set_text(
            self.count,
            self.tr("{here} of {total} totes here").format(
                here=arrival.totes_here, total=arrival.totes_total
            ),
        )
        set_text(
            self.item, self.tr("From zone {zone}").format(zone=arrival.zone) if arrival.zone else ""
        )
        if arrival.ready:
            self._state(self.tr("Complete: pack it"), "ok")
        else:
            self._state(waiting_text(arrival.waiting_zones), "warn")
        set_text(self.hint, self.tr("Scan the next tote or item."))

    def _state(self, text: str, tone: str) -> None:
        set_text(self.state, text)
        set_tone(self.state, tone)
        remeasure(self._area)
