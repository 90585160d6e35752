"""The suggested box as a picture: one top-down view per layer, each unit a coloured
rectangle labelled with its SKU, fragile ones hatched red.

The packer builds a box layer by layer, so each layer is drawn on its own, to the box's
proportions, side by side (in rows on a narrow screen). Painted by hand from ``PlanView``
(a few dozen rectangles, no scene graph), sized from the widget and the theme's metrics so
it reads at arm's length on a kiosk and on a handheld. When no box fits, the reason takes
its place, in the warning colours.
"""

from __future__ import annotations

import math
from typing import NamedTuple

from app.usecases.package_views import LayerView, PlacedUnit, PlanView
from ui.box_colours import PALETTE, sku_colours
from ui.qt import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPaintEvent,
    QPen,
    QPixmap,
    QRectF,
    QSize,
    QSizePolicy,
    Qt,
    QWidget,
)
from ui.theme import Metrics
from ui.widgets import TONES, WINDOW_BACKGROUND

FRAGILE = QColor("#c62828")
INK = QColor("#10233f")
BOX_FILL = QColor("#f7efe1")  # the carton's floor
BOX_EDGE = QColor("#8d6e4a")
MAX_LAYERS = 6  # more are summed up as "+N more layers"
GAP = 14.0


class Grid(NamedTuple):
    """How the layers are laid out: their scale (px per mm), columns and cell size."""

    scale: float
    cols: int
    cell_w: float
    cell_h: float
    lines: int  # caption lines


class BoxPicture(QWidget):
    """The suggestion for the open box (``show_plan``), redrawn to whatever size the
    screen gives it; ``height_for`` says how tall it wants to be in a scrolling column."""

    def __init__(self, metrics: Metrics, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._metrics = metrics
        self._plan: PlanView | None = None
        self._problem: str | None = None
        self._number: int | None = None
        self._colours: dict[str, QColor] = {}
        self._cache = QPixmap()
        self._cache_key: object = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(metrics.touch_px * 3, metrics.touch_px * 3)

    @property
    def plan(self) -> PlanView | None:
        return self._plan

    @property
    def problem(self) -> str | None:
        return self._problem

    def sizeHint(self) -> QSize:
        return QSize(self._metrics.touch_px * 7, self._metrics.touch_px * 5)

    def show_plan(
        self, plan: PlanView | None, problem: str | None, *, number: int | None = None
    ) -> None:
        """Draw ``plan`` (or ``problem`` when there is none); ``number``: which of the
        order's boxes this is, for "box 1 of 2"."""
        if (plan, problem, number) == (self._plan, self._problem, self._number):
            return
        self._plan, self._problem, self._number = plan, problem, number
        self._colours = sku_colours(plan) if plan is not None else {}
        self.update()

    def colour(self, sku: str) -> QColor | None:
        """The fill of ``sku``'s units in the picture shown."""
        return self._colours.get(sku)

    # -- painting -------------------------------------------------------------------------

    def _font(self, px: int, bold: bool = False) -> QFont:
        font = QFont(self.font())
        font.setPixelSize(px)
        font.setBold(bold)
        return font

    def _fitting_font(self, text: str, width: float, sizes: tuple[int, ...]) -> QFont:
        """Bold, at the first of ``sizes`` that ``text`` fits in ``width``, else the last."""
        for px in sizes:
            font = self._font(px, bold=True)
            if QFontMetricsF(font).horizontalAdvance(text) <= width:
                break
        return font

    def paintEvent(self, event: QPaintEvent) -> None:
        """The picture from a pixmap drawn once per plan and size: the window repaints on
        every scan, and a few hundred rectangles with labels cost milliseconds each time."""
        ratio = self.devicePixelRatioF()
        key = (self._plan, self._problem, self._number, self.width(), self.height(), ratio)
        if key != self._cache_key:
            pixmap = QPixmap(round(self.width() * ratio), round(self.height() * ratio))
            pixmap.setDevicePixelRatio(ratio)
            pixmap.fill(WINDOW_BACKGROUND)
            self._draw(QPainter(pixmap))
            self._cache, self._cache_key = pixmap, key
        painter = QPainter(self)
        painter.drawPixmap(0, 0, self._cache)
        painter.end()

    def _draw(self, painter: QPainter) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.fillRect(self.rect(), WINDOW_BACKGROUND)
        frame = QRectF(self.rect()).adjusted(1, 1, -1, -1)
        painter.setPen(QPen(QColor("#aab"), 2))
        painter.setBrush(QColor("white"))
        painter.drawRoundedRect(frame, 10, 10)
        pad = max(10.0, self._metrics.font_px * 0.6)
        inner = frame.adjusted(pad, pad, -pad, -pad)
        if self._plan is not None:
            top = self._paint_header(painter, inner, self._plan)
            area = QRectF(inner.left(), top + GAP, inner.width(), inner.bottom() - top - GAP)
            self._paint_layers(painter, area, self._plan)
        elif self._problem:
            self._paint_problem(painter, inner, self._problem)
        painter.end()

    def _paint_problem(self, painter: QPainter, inner: QRectF, problem: str) -> None:
        """Why there is no suggestion, in the banner's warning colours, at the top."""
        background, ink = TONES["warn"]
        pad = GAP
        text = inner.adjusted(pad, pad, -pad, -pad)
        flags = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop) | int(
            Qt.TextFlag.TextWordWrap
        )
        head = self._font(self._metrics.big_px, bold=True)
        heading = "⚠ " + self.tr("No box to suggest")
        head_h = QFontMetricsF(head).boundingRect(text, flags, heading).height()
        rest = text.adjusted(0, head_h + pad / 2, 0, 0)
        for px in (self._metrics.big_px, self._metrics.font_px):
            body = self._font(px)
            body_h = QFontMetricsF(body).boundingRect(rest, flags, problem).height()
            if body_h <= rest.height():
                break
        block = QRectF(
            inner.left(), inner.top(), inner.width(), head_h + pad / 2 + body_h + 2 * pad
        )
        painter.setPen(QPen(QColor("#b58900"), 3))
        painter.setBrush(QColor(background))
        painter.drawRoundedRect(block.intersected(inner), 10, 10)
        painter.setPen(QColor(ink))
        painter.setFont(head)
        painter.drawText(text, flags, heading)
        painter.setFont(body)
        painter.drawText(rest, flags, problem)

    def _paint_header(self, painter: QPainter, inner: QRectF, plan: PlanView) -> float:
        """The box's code and name, large; how many boxes and how full under it, with the
        fragile legend. Returns the y where the layers may start."""
        m = self._metrics
        text = f"{plan.box_code} · {plan.box_name}"
        title = self._fitting_font(text, inner.width(), (m.big_px, m.font_px))
        painter.setFont(title)
        painter.setPen(INK)
        flags = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop) | int(
            Qt.TextFlag.TextWordWrap
        )
        line = QFontMetricsF(title).boundingRect(inner, flags, text)  # wraps when too long
        line.setWidth(inner.width())
        painter.drawText(line, flags, text)
        parts = []
        if plan.boxes_total > 1:
            parts.append(
                self.tr("box {number} of {total}").format(
                    number=self._number, total=plan.boxes_total
                )
                if self._number is not None
                else self.tr("{total} boxes for this order").format(total=plan.boxes_total)
            )
        parts.append(self.tr("{percent}% full").format(percent=round(plan.utilisation * 100)))
        font = self._font(self._metrics.font_px)
        painter.setFont(font)
        metrics = QFontMetricsF(font)
        y = line.bottom() + 4
        sub = " · ".join(parts)
        sub_w = min(metrics.horizontalAdvance(sub), inner.width())
        row = QRectF(inner.left(), y, inner.width(), metrics.height())
        painter.setPen(QColor("#333"))
        left = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        painter.drawText(row, left, metrics.elidedText(sub, Qt.TextElideMode.ElideRight, sub_w))
        if any(u.fragile for layer in plan.layers for u in layer.units):
            legend = self.tr("fragile")
            swatch = metrics.height() * 0.9
            need = swatch + 8 + metrics.horizontalAdvance(legend)
            x = inner.left() + sub_w + 2 * GAP
            if x + need > inner.right():  # no room beside: on a line of its own
                x, y = inner.left(), row.bottom() + 4
                row = QRectF(inner.left(), y, inner.width(), metrics.height())
            box = QRectF(x, y + (metrics.height() - swatch) / 2, swatch, swatch)
            self._paint_fragile(painter, box, QColor("white"))
            painter.setFont(self._font(self._metrics.font_px, bold=True))
            painter.setPen(FRAGILE)
            painter.drawText(QRectF(x + swatch + 8, y, need, metrics.height()), left, legend)
        if plan.later:  # where the rest goes, on its own line: nothing squeezed into this box
            later = ", ".join(
                (
                    self.tr("{box} (1 unit)").format(box=box)
                    if units == 1
                    else self.tr("{box} ({units} units)").format(box=box, units=units)
                )
                for box, units in plan.later
            )
            text = self.tr("then {boxes}").format(boxes=later)
            row = QRectF(inner.left(), row.bottom() + 2, inner.width(), metrics.height())
            painter.setFont(font)
            painter.setPen(QColor("#333"))
            elided = metrics.elidedText(text, Qt.TextElideMode.ElideRight, inner.width())
            painter.drawText(row, left, elided)
        return row.bottom()

    def _paint_fragile(self, painter: QPainter, rect: QRectF, fill: QColor) -> None:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(fill)
        painter.drawRect(rect)
        painter.setBrush(QBrush(FRAGILE, Qt.BrushStyle.BDiagPattern))
        painter.drawRect(rect)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(FRAGILE, 3))
        painter.drawRect(rect.adjusted(1.5, 1.5, -1.5, -1.5))

    def _captions(self, shown: tuple[LayerView, ...]) -> list[tuple[str, str]]:
        """("Layer 1", "0–40 mm") per layer: on one line when the cell is wide enough."""
        return [
            (
                self.tr("Layer {number}").format(number=index + 1),
                self.tr("{low}–{high} mm").format(low=layer.z_from, high=layer.z_to),
            )
            for index, layer in enumerate(shown)
        ]

    def _caption_widths(self, captions: list[tuple[str, str]]) -> tuple[float, float]:
        """(widest caption on one line, narrowest cell: its two-line caption or two touch
        targets, so a layer is never drawn too small to read)."""
        metrics = QFontMetricsF(self._font(self._metrics.font_px, bold=True))
        one = max(metrics.horizontalAdvance(f"{head} ({span})") for head, span in captions)
        two = max(metrics.horizontalAdvance(t) for pair in captions for t in pair)
        return one, max(two, 2.0 * self._metrics.touch_px)

    def height_for(self, width: int) -> int:
        """The height that draws every layer at least as wide as its caption at ``width``
        (a scrolling handheld column gives the picture this much)."""
        plan = self._plan
        if plan is None:
            return self.minimumHeight()
        m = self._metrics
        pad = max(10.0, m.font_px * 0.6)
        line_h = QFontMetricsF(self._font(m.font_px, bold=True)).height()
        head = QFontMetricsF(self._font(m.big_px, bold=True)).height() + 3 * line_h + 8
        shown = plan.layers[:MAX_LAYERS] or (LayerView(0, plan.inner_mm[2], ()),)
        one, narrowest = self._caption_widths(self._captions(shown))
        inner = width - 2 - 2 * pad
        cols = max(1, min(len(shown), int((inner + GAP) // (narrowest + GAP))))
        rows = math.ceil(len(shown) / cols)
        cell_w = (inner - GAP * (cols - 1)) / cols
        lines = 1 if one <= cell_w else 2
        cell_h = lines * line_h + 4 + plan.inner_mm[1] * cell_w / max(plan.inner_mm[0], 1)
        more = line_h + 8 if len(plan.layers) > len(shown) else 0
        return math.ceil(2 + 2 * pad + head + GAP + rows * cell_h + (rows - 1) * GAP + more)

    def _grid(self, area: QRectF, plan: PlanView, shown: tuple[LayerView, ...]) -> Grid | None:
        """The column count that draws ``shown`` largest in ``area``, each layer no narrower
        than its caption (one line, or two in a narrow cell)."""
        line_h = QFontMetricsF(self._font(self._metrics.font_px, bold=True)).height()
        one_line, narrowest = self._caption_widths(self._captions(shown))
        length, width = max(plan.inner_mm[0], 1), max(plan.inner_mm[1], 1)
        best: Grid | None = None
        for cols in range(1, len(shown) + 1):
            rows = math.ceil(len(shown) / cols)
            cell_w = (area.width() - GAP * (cols - 1)) / cols
            cell_h = (area.height() - GAP * (rows - 1)) / rows
            if cols > 1 and cell_w < narrowest:
                break
            lines = 1 if one_line <= cell_w else 2
            scale = min(cell_w / length, (cell_h - lines * line_h - 4) / width)
            if scale > 0 and (best is None or scale > best.scale):
                best = Grid(scale, cols, cell_w, cell_h, lines)
        return best

    def _paint_layers(self, painter: QPainter, area: QRectF, plan: PlanView) -> None:
        """As many layers as can be drawn at least a touch target tall (MAX_LAYERS at
        most), largest first; the rest counted under them."""
        layers = plan.layers or (LayerView(0, plan.inner_mm[2], ()),)
        font = self._font(self._metrics.font_px, bold=True)
        metrics = QFontMetricsF(font)
        line_h = metrics.height()
        width_mm = max(plan.inner_mm[1], 1)
        for count in range(min(len(layers), MAX_LAYERS), 0, -1):
            room = area if count == len(layers) else area.adjusted(0, 0, 0, -line_h - 8)
            grid = self._grid(room, plan, layers[:count])
            if grid is not None and grid.scale * width_mm >= self._metrics.touch_px:
                break
        if grid is None:
            return
        shown = layers[:count]
        painter.setFont(font)
        painter.setPen(INK)
        if count < len(layers):
            foot = QRectF(area.left(), area.bottom() - line_h, area.width(), line_h)
            painter.drawText(
                foot,
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                self.tr("+{count} more layers").format(count=len(layers) - count),
            )
        captions = self._captions(shown)
        centre = int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter)
        for index, layer in enumerate(shown):
            row, col = divmod(index, grid.cols)
            left = area.left() + col * (grid.cell_w + GAP)
            top = area.top() + row * (grid.cell_h + GAP)
            head, span = captions[index]
            for n, text in enumerate([f"{head} ({span})"] if grid.lines == 1 else [head, span]):
                shown_text = metrics.elidedText(text, Qt.TextElideMode.ElideRight, grid.cell_w)
                painter.setFont(font)
                painter.setPen(INK)
                painter.drawText(
                    QRectF(left, top + n * line_h, grid.cell_w, line_h), centre, shown_text
                )
            box = QRectF(0, 0, plan.inner_mm[0] * grid.scale, plan.inner_mm[1] * grid.scale)
            box.moveTo(left + (grid.cell_w - box.width()) / 2, top + grid.lines * line_h + 4)
            self._paint_layer(painter, box, grid.scale, layer)

    def _paint_layer(self, painter: QPainter, box: QRectF, scale: float, layer: LayerView) -> None:
        painter.setPen(QPen(BOX_EDGE, 3))
        painter.setBrush(BOX_FILL)
        painter.drawRect(box)
        for unit in layer.units:
            rect = QRectF(
                box.left() + unit.x * scale,
                box.top() + unit.y * scale,
                unit.length * scale,
                unit.width * scale,
            ).adjusted(1.5, 1.5, -1.5, -1.5)
            rect = rect.intersected(box)
            if rect.isEmpty():
                continue
            fill = self._colours.get(unit.sku, QColor(PALETTE[0]))
            if unit.fragile:
                self._paint_fragile(painter, rect, fill)
            else:
                painter.setPen(QPen(QColor("#2b2b2b"), 1.5))
                painter.setBrush(fill)
                painter.drawRect(rect)
            self._paint_label(painter, rect, unit)

    def _paint_label(self, painter: QPainter, rect: QRectF, unit: PlacedUnit) -> None:
        """The SKU as large as it fits (kiosk size, else small, else its end: SKUs share
        their start), turned on its side in a tall narrow unit; on a pale plate over the
        hatching of a fragile one."""
        room = rect.adjusted(4, 2, -4, -2)
        upright = room.height() > room.width() * 1.3
        along, across = (room.height(), room.width()) if upright else (room.width(), room.height())
        chosen: tuple[QFont, str] | None = None
        for px in (self._metrics.font_px, self._metrics.small_px):
            font = self._font(px, bold=True)
            metrics = QFontMetricsF(font)
            if metrics.height() > across:
                continue
            text = metrics.elidedText(unit.sku, Qt.TextElideMode.ElideLeft, along)
            chosen = (font, text)
            if text == unit.sku:
                break
        if chosen is None or len(chosen[1]) < 3:
            return
        font, text = chosen
        metrics = QFontMetricsF(font)
        painter.save()
        painter.translate(room.center())
        if upright:
            painter.rotate(-90)
        plate = QRectF(-along / 2, -across / 2, along, across)
        if unit.fragile:
            w, h = metrics.horizontalAdvance(text) + 8, metrics.height()
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(255, 255, 255, 225))
            painter.drawRoundedRect(QRectF(-w / 2, -h / 2, w, h), 4, 4)
        painter.setFont(font)
        painter.setPen(QColor("#111"))
        painter.drawText(plate, int(Qt.AlignmentFlag.AlignCenter), text)
        painter.restore()
