"""Panels of the packing screen once items go into boxes: the order's boxes so far and the
check-weighing of the open one (the reasons to tap are ``ui.screens.reason_buttons``).

Each takes a plain view (``app.usecases.package_views``) and hides itself when it has
nothing to say, so the screen shows only what the current step needs. Sizes come from
``Metrics``: numbers large enough to read from the bench, buttons a finger can hit, and
no control that takes the keyboard focus (the keys belong to the barcode scanner).
"""

from __future__ import annotations

from collections.abc import Sequence

from app.usecases.package_views import NextStep, PackageView, WeighView
from ui.pack_texts import gram_range, grams
from ui.pick_widgets import set_size, text_label
from ui.qt import (
    QColor,
    QFont,
    QFontMetrics,
    QFrame,
    QLabel,
    QLayout,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QSize,
    QSizePolicy,
    Qt,
    QVBoxLayout,
    QWidget,
)
from ui.theme import Metrics
from ui.touch import FlowLayout

CARD = "QFrame#{name} {{ background: {bg}; border: {px}px solid {edge}; border-radius: 10px; }}"
IN_RANGE, OUT_OF_RANGE, WAITING = "#1e7b34", "#c62828", "#5c6670"
FLOW_GAP, FRAME_PAD = 28, 16


def scaled_font(base: QFont, px: int, bold: bool = False, family: str = "") -> QFont:
    font = QFont(base)
    if family:
        font.setFamily(family)
    font.setPixelSize(px)
    font.setBold(bold)
    return font


class ElidedLine(QWidget):
    """One line of text cut with "…" to the width it gets: a long product name never widens
    the panel or wraps it onto more lines."""

    def __init__(
        self, text: str, px: int, colour: str = "#111", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._text = text
        self._colour = QColor(colour)
        self.setFont(scaled_font(self.font(), px))
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)

    def text(self) -> str:
        return self._text

    def sizeHint(self) -> QSize:
        metrics = self.fontMetrics()
        return QSize(metrics.horizontalAdvance(self._text), metrics.height())

    def minimumSizeHint(self) -> QSize:
        return QSize(0, self.fontMetrics().height())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setPen(self._colour)
        shown = self.fontMetrics().elidedText(self._text, Qt.TextElideMode.ElideRight, self.width())
        align = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        painter.drawText(self.rect(), int(align), shown)
        painter.end()


def drop_widget(layout: QLayout, widget: QWidget) -> None:
    """Out of the layout and off the screen now; deleted once Qt is back in its loop."""
    widget.hide()
    layout.removeWidget(widget)
    widget.deleteLater()


def _short(code: str, keep: int = 4) -> str:
    """A long number as its start and end ("1Z99…6784"), which is what people compare."""
    return code if len(code) <= 2 * keep + 2 else f"{code[:keep]}…{code[-keep:]}"


class PackagesPanel(QWidget):
    """The order's boxes: number, box type, state, weight, SSCC and tracking, and what is
    in each; the open one highlighted and listed item by item, the closed ones in a line."""

    def __init__(self, metrics: Metrics, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._metrics = metrics
        self._shown: tuple[PackageView, ...] | None = None
        self.cards: list[QFrame] = []
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(8)
        self.setVisible(False)

    def show_packages(self, packages: Sequence[PackageView]) -> None:
        packages = tuple(packages)
        if packages == self._shown:
            return
        self._shown = packages
        for card in self.cards:
            drop_widget(self._layout, card)
        self.cards = [self._card(p) for p in packages]
        for card in self.cards:
            self._layout.addWidget(card)
        lone = len(packages) == 1 and packages[0].status == "open" and not packages[0].contents
        self.setVisible(bool(packages) and not lone)

    def title(self, package: PackageView) -> str:
        """The box's line: Box 1 · BOX-M · closed · 1,240 g · SSCC …1234 · tracking 1Z99…6784."""
        return " · ".join(self._title_parts(package))

    def _title_parts(self, package: PackageView) -> list[str]:
        parts = [self.tr("Box {number}").format(number=package.number)]
        if package.box_code:
            parts.append(package.box_code)
        elif package.suggested_box:
            parts.append(self.tr("suggested {box}").format(box=package.suggested_box))
        parts.append(
            {"open": self.tr("open"), "closed": self.tr("closed")}.get(
                package.status, package.status
            )
        )
        if package.weight_g is not None:
            parts.append(grams(package.weight_g))
        elif package.expected_weight_g is not None:
            parts.append(
                self.tr("expected {weight}").format(weight=grams(package.expected_weight_g))
            )
        if package.sscc:
            parts.append(self.tr("SSCC …{end}").format(end=package.sscc[-4:]))
        if package.tracking_number:
            parts.append(
                self.tr("tracking {number}").format(number=_short(package.tracking_number))
            )
        return parts

    def _card(self, package: PackageView) -> QFrame:
        is_open = package.status == "open"
        card = QFrame()
        card.setObjectName("packageCard")
        bg, edge, px = ("#fff3c4", "#b58900", 3) if is_open else ("#ffffff", "#aab", 2)
        card.setStyleSheet(CARD.format(name="packageCard", bg=bg, edge=edge, px=px))
        layout = QVBoxLayout(card)
        layout.setContentsMargins(14, 8, 14, 8)
        layout.setSpacing(2)
        title = text_label(self._metrics.font_px, bold=True, colour="#10233f")
        # Lines break only between the parts: "1,240 g" never splits.
        title.setText(" · ".join(p.replace(" ", "\u00a0") for p in self._title_parts(package)))
        layout.addWidget(title)
        font_px = self._metrics.font_px
        if not package.contents:
            layout.addWidget(ElidedLine(self.tr("empty"), font_px, "#444"))
        elif is_open:  # item by item: what is in the box the packer is filling
            for sku, name, qty in package.contents:
                layout.addWidget(ElidedLine(f"{sku} × {qty}  {name}", font_px))
        else:
            summary = text_label(font_px, colour="#333")  # every SKU, wrapped: no names
            summary.setText(
                " · ".join(f"{sku}\u00a0×\u00a0{qty}" for sku, _, qty in package.contents)
            )
            layout.addWidget(summary)
        return card


class ShrinkingFlow(FlowLayout):
    """A flow layout whose minimum width is ``floor`` at most: its owner shrinks its text
    to the width it gets (a long prompt must not hold a handheld's window wider)."""

    def __init__(self, parent: QWidget, floor: int, spacing: int) -> None:
        super().__init__(parent, spacing)
        self._floor = floor

    def minimumSize(self) -> QSize:
        size = super().minimumSize()
        return QSize(min(size.width(), self._floor), size.height())


class WeighPanel(QWidget):
    """The open box on the scale: expected weight, accepted range and what the scale says,
    large; the measured weight green inside the range, red outside (and in words)."""

    def __init__(self, metrics: Metrics, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._metrics = metrics
        self._prompt = False  # the measured cell asks for the box instead of a weight
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.frame = QFrame()
        self.frame.setObjectName("weighPanel")
        outer.addWidget(self.frame)
        frame_layout = QVBoxLayout(self.frame)  # the flow layout places, it keeps no margins
        frame_layout.setContentsMargins(FRAME_PAD, 8, FRAME_PAD, 8)
        cells = QWidget()
        cells.setStyleSheet("background: transparent;")
        frame_layout.addWidget(cells)
        flow = ShrinkingFlow(cells, floor=metrics.touch_px * 3, spacing=FLOW_GAP)
        self.expected, expected = self._cell(self.tr("Expected"))
        self.accepted, accepted = self._cell(self.tr("Accepted"))
        self.measured, measured = self._cell(self.tr("On the scale"))
        self.verdict = text_label(metrics.font_px, bold=True, wrap=False)
        measured_layout = measured.layout()
        assert measured_layout is not None
        measured_layout.addWidget(self.verdict)
        self._cells = (expected, accepted, measured)
        for cell in self._cells:
            flow.addWidget(cell)
        self._set_edge("#aab")
        self.setVisible(False)

    def _cell(self, caption: str) -> tuple[QLabel, QWidget]:
        """(value label, the cell holding it under its caption)."""
        cell = QWidget()
        cell.setStyleSheet("background: transparent;")
        layout = QVBoxLayout(cell)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        title = text_label(self._metrics.font_px, colour="#444", wrap=False)
        title.setText(caption)
        value = text_label(self._metrics.huge_px, bold=True, wrap=False)
        layout.addWidget(title)
        layout.addWidget(value)
        return value, cell

    def _set_edge(self, colour: str) -> None:
        style = CARD.format(name="weighPanel", bg="#ffffff", edge=colour, px=3)
        if self.frame.styleSheet() != style:
            self.frame.setStyleSheet(style)

    def show_weigh(self, weigh: WeighView | None, step: NextStep) -> None:
        self.setVisible(weigh is not None)
        if weigh is None:
            return
        self.expected.setText(grams(weigh.expected_g))
        self.accepted.setText(gram_range(weigh.low_g, weigh.high_g))
        self._show_measured(weigh, step)
        self._fit()

    def _show_measured(self, weigh: WeighView, step: NextStep) -> None:
        """The scale's weight in green or red, and in words; grey while there is none."""
        self._prompt = weigh.measured_g is None and step is NextStep.WEIGHT
        if weigh.measured_g is None:
            self.measured.setText(self.tr("waiting for the box") if self._prompt else "–")
            self.verdict.setText("")
            self.verdict.setVisible(False)
            self._set_edge("#aab")
            return
        colour = IN_RANGE if weigh.in_tolerance else OUT_OF_RANGE
        self.measured.setText(grams(weigh.measured_g))
        set_size(self.measured, self._metrics.huge_px, bold=True, colour=colour)
        if weigh.in_tolerance:
            verdict = "✔ " + self.tr("in range")
        elif weigh.measured_g > weigh.high_g:
            over = grams(weigh.measured_g - weigh.high_g)
            verdict = "✖ " + self.tr("{weight} too heavy").format(weight=over)
        else:
            under = grams(weigh.low_g - weigh.measured_g)
            verdict = "✖ " + self.tr("{weight} too light").format(weight=under)
        self.verdict.setText(verdict)
        self.verdict.setVisible(True)
        set_size(self.verdict, self._metrics.font_px, bold=True, colour=colour)
        self._set_edge(colour)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        """All three huge on one line when they fit; else expected and range a size smaller
        (on a handheld they share a line above the measured weight), and the prompt for the
        box at the kiosk's text size."""
        m = self._metrics
        room = self.width() - 2 * FRAME_PAD - 6

        def wide(px: int, text: str) -> int:
            return QFontMetrics(scaled_font(self.font(), px, bold=True)).horizontalAdvance(text)

        if self._prompt:
            px = m.big_px if wide(m.big_px, self.measured.text()) <= room else m.font_px
            set_size(self.measured, px, bold=True, colour=WAITING)
        elif not self.verdict.text():  # "–": no weight, nor waiting for one
            set_size(self.measured, m.huge_px, bold=True, colour=WAITING)
        measured = self.measured.sizeHint().width()
        numbers = wide(m.huge_px, self.expected.text()) + wide(m.huge_px, self.accepted.text())
        px = m.huge_px if numbers + measured + 2 * FLOW_GAP <= room else m.big_px
        for label in (self.expected, self.accepted):
            set_size(label, px, bold=True)
        for cell in self._cells:  # the flow layout keeps their old sizes until told
            cell.updateGeometry()
