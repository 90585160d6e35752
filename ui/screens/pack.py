"""The packing screen: the order, what is special about it, every line's progress, and
beside them the box: the suggestion drawn layer by layer, the check-weighing, the boxes
so far and, when the station asks why, the reasons to tap (or scan)."""

from __future__ import annotations

from html import escape as esc

from app.usecases.views import PackLineView, PackView
from ui.box_picture import BoxPicture
from ui.messages import special_label
from ui.pack_texts import plan_problem_text
from ui.qt import (
    QAbstractItemView,
    QColor,
    QFontMetrics,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QResizeEvent,
    QScrollArea,
    QSizePolicy,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.screens.box_actions import BoxActions
from ui.screens.pack_panels import PackagesPanel, WeighPanel
from ui.screens.reason_buttons import ReasonButtons
from ui.theme import Metrics
from ui.widgets import ProgressStrip, restyle

DONE_BG = QColor("#d7f0dc")
LAST_BG = QColor("#fff3c4")
OPEN_BG = QColor("#ffffff")
COLUMNS = 4  # status, product, location, packed / ordered


class PackScreen(QWidget):
    # A code the operator chose by touch instead of scanning it (RSN:…, CMD:…): the window
    # handles it exactly as the scan of that code.
    code_chosen = Signal(str)

    def __init__(
        self, row_height: int, metrics: Metrics | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._row_height = row_height
        self._weighing = False
        metrics = metrics or Metrics(row_height, 20, 27, 38, 16)
        self._order_number: str | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)

        # Row 1: order number, special badges, progress. Row 2: carrier, ship-by, ship-to.
        # Two compact rows leave the most height for the lines on a 768 px screen.
        header = QHBoxLayout()
        header.setSpacing(14)
        # Text formats are explicit: QLabel's AutoText guesses per string, so order data
        # such as "<b>" or "&" would flip a label between plain and rich text.
        self.order_number = QLabel()
        self.order_number.setTextFormat(Qt.TextFormat.PlainText)
        self.order_number.setObjectName("orderNumber")
        header.addWidget(self.order_number)
        self.badges: list[QLabel] = []
        self._badge_row = QHBoxLayout()
        self._badge_row.setSpacing(10)
        header.addLayout(self._badge_row)
        self.progress = ProgressStrip()
        self.progress.set_format(self.tr("{value} of {maximum} units packed"))
        header.addWidget(self.progress, 1)
        layout.addLayout(header)

        self.meta = QLabel()
        self.meta.setTextFormat(Qt.TextFormat.PlainText)
        self.meta.setObjectName("muted")
        self.meta.setWordWrap(True)  # on a narrow screen it wraps instead of widening
        layout.addWidget(self.meta)

        self.special_note = QLabel()
        self.special_note.setTextFormat(Qt.TextFormat.RichText)  # every value escaped below
        self.special_note.setObjectName("specialNote")
        self.special_note.setWordWrap(True)
        self.special_note.setVisible(False)
        layout.addWidget(self.special_note)

        self.table = self._table(row_height)
        body = QHBoxLayout()
        body.setSpacing(14)
        lines = QVBoxLayout()  # the lines, and under them the boxes so far (several boxes)
        lines.setSpacing(8)
        lines.addWidget(self.table, 1)
        # A reason asked for: wide buttons under the lines (they matter less by then).
        self.reasons = ReasonButtons(metrics)
        self.reasons.chosen.connect(lambda code: self.code_chosen.emit(f"RSN:{code}"))
        lines.addWidget(self.reasons)
        lines.addWidget(self._packages_list(metrics))
        body.addLayout(lines, 3)
        self.side = QWidget()
        self.side.setLayout(self._side(metrics))
        body.addWidget(self.side, 2)
        layout.addLayout(body, 1)

    def _table(self, row_height: int) -> QTableWidget:
        """The order's lines: status, product, location, packed of ordered."""
        table = QTableWidget(0, COLUMNS)
        table.setHorizontalHeaderLabels(
            ["", self.tr("Product"), self.tr("Location"), self.tr("Packed")]
        )
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setDefaultSectionSize(row_height)
        table.verticalHeader().setMinimumSectionSize(row_height)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        table.setWordWrap(True)
        hh = table.horizontalHeader()
        hh.setSectionResizeMode(0, QHeaderView.ResizeMode.Fixed)
        hh.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        # Fixed widths, set once per order: ResizeToContents re-measured every row on each
        # scan and relaid the whole table out.
        hh.setSectionResizeMode(2, QHeaderView.ResizeMode.Fixed)
        hh.setSectionResizeMode(3, QHeaderView.ResizeMode.Fixed)
        table.setColumnWidth(0, row_height)
        return table

    def _side(self, metrics: Metrics) -> QVBoxLayout:
        """The box: suggestion, weighing, reasons, the boxes so far, box commands."""
        side = QVBoxLayout()
        side.setSpacing(8)
        self.picture = BoxPicture(metrics)
        side.addWidget(self.picture, 1)
        self.weigh = WeighPanel(metrics)
        side.addWidget(self.weigh, 1)  # the two never show at once: each gets the room
        self.box_actions = BoxActions(metrics)
        self.box_actions.code_chosen.connect(self.code_chosen)
        self.box_actions.opened.connect(lambda _: self._show_picture())
        side.addWidget(self.box_actions)
        side.setContentsMargins(0, 0, 0, 0)
        return side

    def _packages_list(self, metrics: Metrics) -> QScrollArea:
        """The order's boxes, shown from the second box on; many boxes scroll."""
        self.packages = PackagesPanel(metrics)
        self.packages_scroll = QScrollArea()
        self.packages_scroll.setWidget(self.packages)
        self.packages_scroll.setWidgetResizable(True)
        self.packages_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.packages_scroll.setMaximumHeight(metrics.touch_px * 2)
        self.packages_scroll.setVisible(False)
        return self.packages_scroll

    def _show_picture(self) -> None:
        """The picture until the box is weighed (then the weight takes its place), or
        while the rarer actions are open."""
        self.picture.setVisible(not self._weighing and not self.box_actions.is_open)

    def show_order(self, view: PackView) -> None:
        """Show ``view``; when it is the order already shown, only changed rows are touched."""
        rebuilt = False
        if view.order_number != self._order_number or self.table.rowCount() != len(view.lines):
            self._rebuild(view)
            rebuilt = True
        for row, line in enumerate(view.lines):
            self._fill_row(row, line, last=line.line_no == view.last_line_no)
        if rebuilt:
            self._fit_columns()
        self.progress.set_progress(view.units_packed, view.units_ordered)
        open_box = next((p for p in view.packages if p.status == "open"), None)
        number = open_box.number if open_box is not None else None
        self.picture.show_plan(view.plan, plan_problem_text(view.plan_problem), number=number)
        self.weigh.show_weigh(view.weigh, view.next_step)
        self.box_actions.show_view(view, open_box is not None and bool(open_box.contents))
        self._weighing = view.weigh is not None
        self._show_picture()
        # While a reason is asked for, the buttons take the lines' place.
        self.table.setVisible(not view.reasons)
        self.reasons.show_reasons(view.reasons)
        # One box is the lines table again: the list earns its place from the second box on.
        several = len(view.packages) > 1
        self.packages.show_packages(view.packages if several else ())
        self.packages_scroll.setVisible(several)
        if view.last_line_no is not None:
            row = next(i for i, x in enumerate(view.lines) if x.line_no == view.last_line_no)
            self.table.scrollToItem(self._item(row, 1))

    def _rebuild(self, view: PackView) -> None:
        self._order_number = view.order_number
        self.order_number.setText(view.order_number)
        for badge in self.badges:
            badge.deleteLater()
        self.badges = []
        for flag in view.special:
            badge = QLabel(special_label(flag))
            badge.setTextFormat(Qt.TextFormat.PlainText)
            badge.setObjectName("specialBadge")
            badge.setProperty("special", flag)
            badge.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
            restyle(badge)
            self._badge_row.addWidget(badge)
            self.badges.append(badge)
        self.meta.setText(
            self.tr("{carrier} {service} · ship by {ship_by} · to {name}, {place}").format(
                carrier=view.carrier,
                service=view.service,
                ship_by=view.ship_by.strftime("%d %b %H:%M"),
                name=view.ship_to_name,
                place=view.ship_to_place,
            )
        )
        notes = []
        if view.special_code:
            notes.append(
                self.tr("Special order code: <b>{code}</b>").format(code=esc(view.special_code))
            )
        if "gift" in view.special:
            notes.append(self.tr("Gift: no prices in the box. Add the gift note."))
            if view.gift_message:
                notes.append(self.tr("Message: “{text}”").format(text=esc(view.gift_message)))
        if "vip" in view.special:
            notes.append(self.tr("VIP: premium packing, check every item for damage."))
        if view.replaces_order_number:
            notes.append(
                self.tr("Replacement for order {order}").format(
                    order=esc(view.replaces_order_number)
                )
            )
        self.special_note.setText("<br>".join(notes))
        self.special_note.setVisible(bool(notes))
        self.table.setRowCount(len(view.lines))
        for row in range(len(view.lines)):
            for col in range(COLUMNS):
                item = QTableWidgetItem()
                if col in (0, 3):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(row, col, item)

    def _fit_columns(self) -> None:
        """Location and quantity columns as wide as their widest text, and rows as tall as
        their wrapped product names: measured once per order, not on every scan."""
        padding = 28
        for col in (2, 3):
            header = self.table.horizontalHeaderItem(col)
            texts = [self._item(r, col).text() for r in range(self.table.rowCount())]
            texts.append(header.text() if header else "")
            texts.append("888 / 888" if col == 3 else "")
            bold = self.table.font()
            bold.setBold(True)
            metrics = QFontMetrics(bold)
            self.table.setColumnWidth(
                col, max(metrics.horizontalAdvance(t) for t in texts) + padding
            )
        self.table.resizeRowsToContents()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # The lines keep most of the width: product names must stay readable beside the box.
        self.side.setMaximumWidth(max(300, round(self.width() * 0.36)))
        # Wrapped names need new heights at a new width; measured once the table's own
        # columns have been laid out at that width.
        QTimer.singleShot(0, self.table.resizeRowsToContents)

    def _item(self, row: int, col: int) -> QTableWidgetItem:
        item = self.table.item(row, col)
        assert item is not None, "every cell gets an item in _rebuild"
        return item

    def _fill_row(self, row: int, line: PackLineView, last: bool) -> None:
        handling = []
        if line.fragile:
            handling.append(self.tr("FRAGILE"))
        if line.keep_upright:
            handling.append(self.tr("THIS WAY UP"))
        texts = (
            "✔" if line.done else "",
            f"{line.name}\n{line.sku}" + (f"  ·  {' · '.join(handling)}" if handling else ""),
            line.location_code,
            f"{line.qty_packed} / {line.qty_ordered}",
        )
        background = LAST_BG if last else DONE_BG if line.done else OPEN_BG
        for col, text in enumerate(texts):
            item = self._item(row, col)
            if item.text() != text:
                item.setText(text)
                if col == 3:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
            if item.background().color() != background:
                item.setBackground(background)
