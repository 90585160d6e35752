"""A label laid out in millimetres and painted with QPainter, the Qt twin of ``zpl_canvas``.

Positions and sizes have the same meaning as in ``devices.render.zpl_canvas``, so the Qt
drawing of a label looks like what the Zebra prints: text ``size`` is the height of a
font-0 cell with the cap line at ``y``, boxes draw their line inwards like ``^GB``, and a
barcode is centred in its width with its quiet zones, or left out when it cannot fit.

All text is DejaVu Sans, so Greek never turns into tofu boxes; a line that is too wide is
shrunk down to its minimum size, then narrowed (at most to the width of the Zebra's font 0),
then elided, and every line is clipped to its own box, so nothing is drawn past the label
edge. Barcode bars are whole device pixels wide (a whole
number of pixels per module), which is what makes them decode at any resolution.
"""

from __future__ import annotations

import logging
import re
from functools import cache
from typing import Literal

import barcode
from barcode.errors import BarcodeError

from devices.render.text import clean, wrap_words
from ui.qt import QFont, QFontInfo, QFontMetricsF, QPainter, QPen, QRect, QRectF, Qt

log = logging.getLogger(__name__)

Align = Literal["left", "center", "right"]
FONT_FAMILY = "DejaVu Sans"
MM_PER_INCH = 25.4
QUIET_ZONE_MODULES = 10  # each side of a Code 128 symbol (ISO/IEC 15417), as in zpl_canvas
MIN_MODULE_MM = 0.19  # 2 dots at 203 and 300 dpi, like the ZPL labels; 1 pixel on a screen
# DejaVu's cap height is ~0.73 em and font 0's ~0.80 of its cell: the same ratio as the
# bitmaps of zpl_graphics, so Qt and Zebra text have the same cap height.
FONT_SIZE_RATIO = 1.1
MIN_TEXT_MM = 1.0  # 8 dots at 203 dpi, the smallest text zpl_canvas shrinks to
# Text still too wide at its smallest size is narrowed, at most to the width of the
# Zebra's condensed font 0 (zpl_graphics.FONT0_WIDTH_RATIO): what fits there fits here.
MIN_STRETCH = 0.75
_ALIGN = {
    "left": Qt.AlignmentFlag.AlignLeft,
    "center": Qt.AlignmentFlag.AlignHCenter,
    "right": Qt.AlignmentFlag.AlignRight,
}
_BARS = re.compile("1+")


def code128_modules(text: str) -> str | None:
    """The Code 128 bar pattern of ``text`` ("1" a black module, "0" a white one, quiet
    zones not included); None when empty or not printable ASCII, as in ``zpl_canvas``."""
    if not text or any(not 0x20 <= ord(c) <= 0x7E for c in text):
        return None
    try:
        return str(barcode.Code128(text).build()[0])
    except (BarcodeError, RuntimeError, ValueError, KeyError):
        log.warning("%r cannot be encoded as Code 128", text)
        return None


def gs1_128_modules(element_string: str) -> str:
    """GS1-128 of an all-digit element string such as ``00`` + SSCC: python-barcode puts
    FNC1 after the start character, so a reader reports ``]C1`` and GS1 content."""
    if not element_string.isdigit() or len(element_string) % 2:
        raise ValueError(f"not an even number of digits: {element_string!r}")
    return str(barcode.get_barcode_class("gs1_128")(element_string).build()[0])


def arg(template: str, *values: object) -> str:
    """Qt-style ``%1``..``%9`` substitution in one pass (values may contain ``%2`` safely)."""
    return re.sub(r"%([1-9])", lambda m: str(values[int(m.group(1)) - 1]), template)


@cache
def _check_font() -> None:
    """Once per process: Qt silently draws tofu boxes for Greek without DejaVu Sans."""
    if QFontInfo(QFont(FONT_FAMILY)).family() != FONT_FAMILY:
        log.warning("font %r is not installed; Greek may not print", FONT_FAMILY)


class LabelCanvas:
    """Draws on ``painter`` (an image or a PDF page) at ``dpi`` device pixels per inch."""

    def __init__(self, painter: QPainter, width_mm: float, height_mm: float, dpi: int) -> None:
        _check_font()
        self.painter = painter
        self.dpi = dpi
        self.width_mm = width_mm
        self.height_mm = height_mm
        self.width = self.dots(width_mm)
        self.height = self.dots(height_mm)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)

    def dots(self, mm: float) -> int:
        return round(mm * self.dpi / MM_PER_INCH)

    def _metrics(self, pixels: int, bold: bool) -> tuple[QFont, QFontMetricsF]:
        font = QFont(FONT_FAMILY)
        font.setPixelSize(max(1, pixels))
        font.setBold(bold)
        return font, QFontMetricsF(font, self.painter.device())

    def _font_pixels(self, size_mm: float) -> int:
        return max(1, round(self.dpi * size_mm * FONT_SIZE_RATIO / MM_PER_INCH))

    def _box(self, x: float, width: float | None) -> int:
        box = self.dots(width if width is not None else self.width_mm - 2 * x)
        return min(box, self.width - self.dots(x))

    def text(
        self,
        x: float,
        y: float,
        text: str,
        size: float,
        *,
        width: float | None = None,
        bold: bool = True,
        align: Align = "left",
        reverse: bool = False,
        min_size: float | None = None,
    ) -> None:
        """``text`` on one line with its cap line at ``y`` mm, ``size`` mm tall (a font-0
        cell), within ``width`` mm from ``x`` (default: to the right edge, less ``x`` as
        margin). Too wide, it is shrunk to ``min_size`` (default 70 %), then narrowed down
        to the width of font 0, then cut with an ellipsis. ``reverse`` draws white, for
        text on a black band."""
        box = self._box(x, width)
        line = clean(text)
        if not line or box <= 0:
            return
        pixels = self._font_pixels(size)
        smallest = max(
            self._font_pixels(MIN_TEXT_MM),
            self._font_pixels(min_size if min_size is not None else size * 0.7),
        )
        font, metrics = self._metrics(pixels, bold)
        wide = metrics.horizontalAdvance(line)
        while wide > box and pixels > smallest:  # widths do not scale exactly with size
            pixels = max(smallest, min(pixels - 1, int(pixels * box / wide)))
            font, metrics = self._metrics(pixels, bold)
            wide = metrics.horizontalAdvance(line)
        if wide <= 0:  # only zero-width characters (a soft hyphen): nothing to draw
            return
        stretch = max(MIN_STRETCH, min(1.0, box / wide))
        if wide * stretch > box:
            line = metrics.elidedText(line, Qt.TextElideMode.ElideRight, box / stretch)
            if not line:
                return
        baseline = self.dots(y) + metrics.capHeight()
        top = baseline - metrics.ascent()
        rect = QRectF(self.dots(x), top, box, metrics.ascent() + metrics.descent())
        flags = _ALIGN[align] | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextSingleLine
        self.painter.save()
        # Ink beyond the metrics (stacked accents, overhanging glyphs) stays in the box.
        self.painter.setClipRect(rect, Qt.ClipOperation.IntersectClip)
        self.painter.setFont(font)
        self.painter.setPen(Qt.GlobalColor.white if reverse else Qt.GlobalColor.black)
        self.painter.translate(rect.x(), 0)
        self.painter.scale(stretch, 1.0)
        rect = QRectF(0, rect.y(), box / stretch, rect.height())
        self.painter.drawText(rect, int(flags), line)
        self.painter.restore()

    def wrap(self, text: str, size: float, width: float, *, bold: bool = False) -> list[str]:
        """``text`` broken into lines of at most ``width`` mm at ``size`` (words kept whole
        unless one alone is too wide); line breaks in ``text`` are kept."""
        _, metrics = self._metrics(self._font_pixels(size), bold)
        box = self.dots(width)

        return wrap_words(text, lambda candidate: metrics.horizontalAdvance(candidate) <= box)

    def box(
        self,
        x: float,
        y: float,
        w: float,
        h: float,
        line: float | None = None,
        radius: float = 0.0,
    ) -> None:
        """A rectangle whose ``line`` (mm) lies inside it, like ``^GB``; ``line`` None fills
        it (a black band for ``reverse`` text); ``radius`` rounds the corners (mm)."""
        rect = QRect(self.dots(x), self.dots(y), self.dots(w), self.dots(h))
        black = Qt.GlobalColor.black
        if line is None:
            self.painter.fillRect(rect, black)
            return
        thick = max(1, self.dots(line))
        if not radius:  # four bands: crisp at any resolution
            left, top, wide, tall = rect.x(), rect.y(), rect.width(), rect.height()
            for band in (
                QRect(left, top, wide, thick),
                QRect(left, top + tall - thick, wide, thick),
                QRect(left, top, thick, tall),
                QRect(left + wide - thick, top, thick, tall),
            ):
                self.painter.fillRect(band, black)
            return
        inset = thick / 2
        inner = QRectF(rect).adjusted(inset, inset, -inset, -inset)
        self.painter.setPen(QPen(black, thick))
        self.painter.setBrush(Qt.BrushStyle.NoBrush)
        corner = self.dots(radius) - inset
        self.painter.drawRoundedRect(inner, corner, corner)

    def hline(self, y: float, thickness: float = 0.5) -> None:
        self.box(0, y, self.width_mm, thickness)

    def barcode(
        self,
        x: float,
        y: float,
        modules: str,
        height: float,
        module: float,
        *,
        width: float | None = None,
    ) -> float | None:
        """Centre the bar pattern ``modules`` in ``width`` mm from ``x``, each module a whole
        number of pixels near ``module`` mm; returns the symbol width in mm, or None (and
        draws nothing) when it cannot fit with its quiet zones."""
        box = self._box(x, width)
        need = len(modules) + 2 * QUIET_ZONE_MODULES
        smallest = max(1, self.dots(MIN_MODULE_MM))
        pixels = max(smallest, self.dots(module))
        while pixels > smallest and need * pixels > box:
            pixels -= 1
        if need * pixels > box:
            return None
        left = self.dots(x) + (box - len(modules) * pixels) // 2
        top, tall = self.dots(y), self.dots(height)
        for bar in _BARS.finditer(modules):
            rect = QRect(left + bar.start() * pixels, top, len(bar.group()) * pixels, tall)
            self.painter.fillRect(rect, Qt.GlobalColor.black)
        return len(modules) * pixels * MM_PER_INCH / self.dpi
