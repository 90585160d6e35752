"""A small map of the floor and the picker's walk: where the run goes and where it is now.

Painted by hand from ``RouteMap`` (no scene graph: a few dozen lines and dots). The front
of the warehouse, with the depot, is at the bottom. The walk between two stops follows the
floor as ``Layout.distance`` measures it: along an aisle, or to the cross aisle that makes
the shortest detour, across, and along the other aisle. Finished stops are grey, the
current one is a large orange ring, the rest blue.
"""

from __future__ import annotations

import itertools

from app.picking.layout import Layout, Spot
from app.usecases.pick_station import RouteMap
from ui.qt import (
    QColor,
    QFont,
    QPainter,
    QPaintEvent,
    QPen,
    QPointF,
    QRectF,
    QSizePolicy,
    Qt,
    QWidget,
)
from ui.widgets import WINDOW_BACKGROUND

RACK = QColor("#c9ced6")
CROSS = QColor("#eef0f3")
PATH = QColor("#1f5fbf")
DONE = QColor("#9aa3ad")
CURRENT = QColor("#e65100")
DEPOT = QColor("#10233f")
MARGIN = 14.0
WALKWAY_M = 0.6  # half a walkway: racking starts this far from an aisle's centre line
SIDE_M = 1.3  # racking ends this far from the centre line (back to back with the next)


class FloorMap(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._route: RouteMap | None = None
        self.setMinimumSize(160, 140)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    @property
    def route(self) -> RouteMap | None:
        return self._route

    def show_route(self, route: RouteMap | None) -> None:
        self._route = route
        self.update()

    # -- geometry -------------------------------------------------------------------------

    def _frame(self, layout: Layout) -> tuple[float, float, float, float]:
        """(left, bottom, pixels per metre across, pixels per metre along) for ``layout``:
        the whole floor fills the widget (the map is a diagram, not to scale), with a metre
        and a half beside the outer aisles for their racking and room above for the zones."""
        xs = layout.aisle_xs
        span_x = float(xs[-1] - xs[0]) + 2 * SIDE_M
        label = self.fontMetrics().height() + 6
        width = self.width() - 2 * MARGIN
        height = self.height() - 2 * MARGIN - label
        return MARGIN, self.height() - MARGIN, width / span_x, height / max(layout.length, 1.0)

    def _point(self, layout: Layout, spot: Spot) -> QPointF:
        left, bottom, sx, sy = self._frame(layout)
        x = float(layout.aisle_xs[spot.aisle] - layout.aisle_xs[0]) + SIDE_M
        return QPointF(left + x * sx, bottom - spot.y * sy)

    def _walk(self, layout: Layout, a: Spot, b: Spot) -> list[QPointF]:
        """The corners of the walk from ``a`` to ``b`` along aisles and one cross aisle."""
        if a.aisle == b.aisle:
            return [self._point(layout, a), self._point(layout, b)]
        cross = min(layout.cross_ys, key=lambda c: abs(a.y - c) + abs(b.y - c))
        return [
            self._point(layout, a),
            self._point(layout, Spot(a.aisle, cross)),
            self._point(layout, Spot(b.aisle, cross)),
            self._point(layout, b),
        ]

    # -- painting -------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), WINDOW_BACKGROUND)
        painter.setPen(QPen(QColor("#aab"), 2))
        painter.setBrush(QColor("white"))
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(1, 1, -1, -1), 8, 8)
        route = self._route
        if route is not None:
            self._paint_floor(painter, route.layout)
            self._paint_walk(painter, route)
        painter.end()

    def _paint_floor(self, painter: QPainter, layout: Layout) -> None:
        left, bottom, sx, sy = self._frame(layout)
        right = self.width() - MARGIN
        band = max(3.0, 2 * layout.cross_margin * sy * 0.6)
        for y in layout.cross_ys:  # cross aisles: light bands across the floor
            py = bottom - y * sy
            painter.fillRect(QRectF(left, py - band / 2, right - left, band), CROSS)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(RACK)
        for index in range(len(layout.aisles)):  # racking on both sides of each walkway
            for front, back in itertools.pairwise(layout.cross_ys):
                top = self._point(layout, Spot(index, back - layout.cross_margin))
                low = self._point(layout, Spot(index, front + layout.cross_margin))
                for near, far in ((-WALKWAY_M, -SIDE_M), (WALKWAY_M, SIDE_M)):
                    x1, x2 = sorted((top.x() + near * sx, top.x() + far * sx))
                    painter.drawRect(QRectF(x1, top.y(), x2 - x1, low.y() - top.y()))
        self._paint_labels(painter, layout, bottom - layout.length * sy)
        depot = self._point(layout, layout.depot)
        painter.setBrush(DEPOT)
        painter.drawRect(QRectF(depot.x() - 8, depot.y() - 8, 16, 16))

    def _paint_labels(self, painter: QPainter, layout: Layout, top: float) -> None:
        """Zone letters over their first aisle, when there is room for them."""
        font = QFont(painter.font())
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(DEPOT)
        seen: set[str] = set()
        height = painter.fontMetrics().height()
        for index, aisle in enumerate(layout.aisles):
            if aisle.zone in seen or not aisle.zone:
                continue
            seen.add(aisle.zone)
            point = self._point(layout, Spot(index, layout.length))
            painter.drawText(
                QRectF(point.x() - 20, top - height - 6, 40, height),
                Qt.AlignmentFlag.AlignCenter,
                aisle.zone,
            )

    def _paint_walk(self, painter: QPainter, route: RouteMap) -> None:
        layout = route.layout
        spots = [layout.depot, *(s.spot for s in route.stops), layout.depot]
        back = all(s.finished for s in route.stops)  # the walk home, once all is picked
        finished = [True, *(s.finished for s in route.stops), back]
        for i in range(len(spots) - 1):
            corners = self._walk(layout, spots[i], spots[i + 1])
            colour = DONE if finished[i + 1] else PATH
            painter.setPen(QPen(colour, 3, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
            for a, b in itertools.pairwise(corners):
                painter.drawLine(a, b)
        painter.setPen(QPen(QColor("white"), 2))
        for stop in route.stops:
            point = self._point(layout, stop.spot)
            painter.setBrush(DONE if stop.finished else PATH)
            painter.drawEllipse(point, 6, 6)
        current = next((s for s in route.stops if s.current), None)
        if current is not None:
            point = self._point(layout, current.spot)
            painter.setPen(QPen(CURRENT, 5))
            painter.setBrush(QColor("white"))
            painter.drawEllipse(point, 13, 13)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(CURRENT)
            painter.drawEllipse(point, 6, 6)
