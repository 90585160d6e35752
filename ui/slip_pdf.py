"""Packing slips as A4 PDF, drawn by Qt (QtGui only: QPdfWriter, QPainter, QTextDocument).

The slip is built as Qt rich-text HTML in which every value is escaped, laid out on A4 pages
with 15 mm margins and painted page by page, with a small "page i of n" footer. Fonts are
pinned to DejaVu Sans so that Greek never turns into tofu boxes. A gift slip is printed
without any money at all: no price columns and no totals, whatever the value carries.

Needs a running QGuiApplication (or QApplication) in the calling process.
"""

from __future__ import annotations

import html
import io
import logging
import re
import tempfile
from datetime import UTC, datetime
from pathlib import Path

import barcode
from barcode.errors import BarcodeError
from barcode.writer import ImageWriter

from app.domain.documents import Money, PackingSlip, SlipLine
from app.domain.labels import Document
from app.station_devices import PrinterSettings
from ui.qt import (
    QFont,
    QFontInfo,
    QGuiApplication,
    QImage,
    QMarginsF,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPointF,
    QRectF,
    QSizeF,
    Qt,
    QTextDocument,
    QUrl,
    translate,
)

log = logging.getLogger(__name__)

FONT_FAMILY = "DejaVu Sans"
RESOLUTION_DPI = 300
MARGIN_MM = 15.0
FOOTER_MM = 6.0
BARCODE_URL = QUrl("tote-slip://barcode.png")
# 0.254 mm is exactly 3 pixels at 300 dpi: every bar and space is a whole number of pixels.
BARCODE_OPTIONS = {
    "write_text": False,
    "module_width": 0.254,
    "module_height": 13.0,
    "quiet_zone": 3.0,
    "dpi": RESOLUTION_DPI,
}
CSS_PX_PER_INCH = 96  # Qt rich text sizes images and borders in 1/96 inch "pixels"

STYLE = """
td { padding: 2px 4px; }
.label { color: #444444; font-size: 9pt; }
.big { font-size: 22pt; font-weight: bold; }
.banner { font-size: 20pt; font-weight: bold; }
.code { font-size: 26pt; font-weight: bold; }
.lines th { background-color: #dddddd; }
.address { font-size: 12pt; font-weight: bold; }
.message { font-size: 13pt; font-style: italic; }
"""


def _t(translated: str) -> str:
    """A fixed user-visible string, already translated, HTML-escaped."""
    return html.escape(translated)


def _arg(template: str, *values: object) -> str:
    """Qt-style ``%1``..``%9`` substitution in one pass (values may contain ``%2`` safely)."""
    return re.sub(r"%([1-9])", lambda m: str(values[int(m.group(1)) - 1]), template)


def _e(value: object) -> str:
    """Any value from the slip, HTML-escaped; line breaks are kept."""
    return html.escape(str(value)).replace("\n", "<br>")


def _money(value: Money | None) -> str:
    return "" if value is None else _e(value.formatted())


def _cents(cents: int | None, like: Money | None) -> str:
    """Format cents in the slip's currency (taken from its totals; EUR if absent)."""
    return "" if cents is None else _money(Money(cents, like.currency if like else "EUR"))


def _packed_at(moment: datetime) -> str:
    utc = moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
    return _arg(translate("PackingSlip", "%1 UTC"), utc.strftime("%Y-%m-%d %H:%M"))


def barcode_png(data: str) -> bytes | None:
    """Code128 of ``data`` as PNG bytes (300 dpi, no text), or None if it cannot be encoded."""
    out = io.BytesIO()
    try:
        barcode.Code128(data, writer=ImageWriter()).write(out, dict(BARCODE_OPTIONS))
    except (BarcodeError, IndexError, ValueError):  # IndexError: empty data
        log.warning("order number %r cannot be printed as Code128", data)
        return None
    return out.getvalue()


def _banner(slip: PackingSlip) -> str:
    labels = []
    for flag in slip.special:
        if flag == "gift":
            labels.append(_t(translate("PackingSlip", "GIFT")))
        elif flag == "vip":
            labels.append(_t(translate("PackingSlip", "VIP")))
        elif flag == "replacement":
            if slip.replaces_order_number:
                text = _t(translate("PackingSlip", "REPLACEMENT for order %1"))
                labels.append(_arg(text, _e(slip.replaces_order_number)))
            else:
                labels.append(_t(translate("PackingSlip", "REPLACEMENT")))
        else:
            labels.append(_e(flag.upper()))
    if not labels and not slip.special_code:
        return ""
    rows = f'<tr><td class="banner" align="center">{" &nbsp;•&nbsp; ".join(labels)}</td></tr>'
    if slip.special_code:
        label = _t(translate("PackingSlip", "Special code"))
        rows += (
            f'<tr><td align="center"><span class="label">{label}</span><br>'
            f'<span class="code">{_e(slip.special_code)}</span></td></tr>'
        )
    return _box(rows, border=4)


def _box(rows: str, border: int) -> str:
    return (
        f'<table width="100%" border="{border}" cellspacing="0" cellpadding="8" '
        f'style="border-style: solid; border-color: #000000; border-collapse: collapse;">'
        f"{rows}</table><p></p>"
    )


def _header(slip: PackingSlip, barcode_size: tuple[float, float] | None) -> str:
    code = ""
    if barcode_size is not None:
        width, height = barcode_size
        code = f'<img src="{BARCODE_URL.toString()}" width="{width:.2f}" height="{height:.2f}">'
    title = _t(translate("PackingSlip", "Packing slip"))
    if slip.copy > 1:
        title += " · " + _arg(_t(translate("PackingSlip", "REPRINT, copy %1")), slip.copy)
    return (
        f'<table width="100%" cellspacing="0" cellpadding="0"><tr>'
        f'<td valign="middle"><span class="label">{title}</span><br>'
        f'<span class="big">{_e(slip.order_number)}</span></td>'
        f'<td align="right" valign="middle">{code}</td></tr></table><p></p>'
    )


def _details(slip: PackingSlip) -> str:
    facts = [
        (_t(translate("PackingSlip", "Channel")), _e(slip.channel)),
        (_t(translate("PackingSlip", "Carrier")), _e(f"{slip.carrier} {slip.service}".strip())),
        (_t(translate("PackingSlip", "Packed at")), _e(_packed_at(slip.packed_at))),
        (_t(translate("PackingSlip", "Packed by")), _e(slip.packed_by)),
        (_t(translate("PackingSlip", "Station")), _e(slip.station)),
        (_t(translate("PackingSlip", "Packages")), _e(slip.package_count)),
        (_t(translate("PackingSlip", "Items")), _e(slip.unit_count)),
    ]
    fact_rows = "".join(f'<tr><td class="label">{k}</td><td>{v}</td></tr>' for k, v in facts)
    address = "<br>".join(_e(x) for x in (slip.ship_to.name, *slip.ship_to.lines))
    ship_to = _t(translate("PackingSlip", "Ship to"))
    return (
        f'<table width="100%" cellspacing="0" cellpadding="0"><tr>'
        f'<td width="50%" valign="top"><table cellspacing="0">{fact_rows}</table></td>'
        f'<td width="50%" valign="top"><span class="label">{ship_to}</span><br>'
        f'<span class="address">{address}</span></td></tr></table><p></p>'
    )


def _line_row(line: SlipLine, priced: bool, like: Money | None) -> str:
    name = _e(line.name)
    if line.quantity_short:  # the customer must see at once what is not in the parcel
        name += f"<br><i>{_e(line.quantity_short)} not shipped</i>"
    cells = f'<td>{_e(line.sku)}</td><td>{name}</td><td align="right">{_e(line.quantity)}</td>'

    if priced:
        cells += (
            f'<td align="right">{_cents(line.unit_price_cents, like)}</td>'
            f'<td align="right">{_cents(line.line_total_cents, like)}</td>'
        )
    return f"<tr>{cells}</tr>"


def _lines(slip: PackingSlip) -> str:
    priced = not slip.is_gift
    like = slip.total or slip.subtotal
    # lupdate does not look inside f-strings: translate first, then format.
    sku = _t(translate("PackingSlip", "SKU"))
    product = _t(translate("PackingSlip", "Product"))
    qty = _t(translate("PackingSlip", "Qty"))
    head = (
        f'<th width="20%" align="left">{sku}</th><th align="left">{product}</th>'
        f'<th width="8%" align="right">{qty}</th>'
    )
    if priced:
        unit_price = _t(translate("PackingSlip", "Unit price"))
        line_total = _t(translate("PackingSlip", "Line total"))
        head += (
            f'<th width="14%" align="right">{unit_price}</th>'
            f'<th width="14%" align="right">{line_total}</th>'
        )
    body = "".join(_line_row(line, priced, like) for line in slip.lines)
    return (
        f'<table class="lines" width="100%" border="1" cellspacing="0" cellpadding="5" '
        f'style="border-collapse: collapse; border-color: #888888;">'
        f"<thead><tr>{head}</tr></thead>{body}</table><p></p>"
    )


def _totals(slip: PackingSlip) -> str:
    if slip.is_gift:
        return ""
    rows = [
        (_t(translate("PackingSlip", "Subtotal")), slip.subtotal),
        (_t(translate("PackingSlip", "Shipping")), slip.shipping),
        (_t(translate("PackingSlip", "Tax")), slip.tax),
    ]
    body = "".join(f'<tr><td>{k}</td><td align="right">{_money(v)}</td></tr>' for k, v in rows)
    total = _t(translate("PackingSlip", "Total"))
    body += f'<tr><td><b>{total}</b></td><td align="right"><b>{_money(slip.total)}</b></td></tr>'
    return f'<table align="right" cellspacing="0" cellpadding="3">{body}</table>'


def slip_html(slip: PackingSlip, barcode_size: tuple[float, float] | None = None) -> str:
    """The whole slip as Qt rich-text HTML (every value escaped)."""
    gift = ""
    if slip.is_gift and slip.gift_message:
        label = _t(translate("PackingSlip", "Gift message"))
        gift = _box(
            f'<tr><td><span class="label">{label}</span><br>'
            f'<span class="message">{_e(slip.gift_message)}</span></td></tr>',
            border=2,
        )
    parts = [
        _banner(slip),
        _header(slip, barcode_size),
        gift,
        _details(slip),
        _lines(slip),
        _totals(slip),
    ]
    return f"<html><body>{''.join(parts)}</body></html>"


class QtPdfSlipRenderer:
    """Implements ``app.ports.DocumentRenderer`` for PDF printers: one A4 PDF per packing
    slip (labels go to ZPL or ESC/POS printers)."""

    def render(self, document: Document, printer: PrinterSettings) -> bytes:
        if not isinstance(document, PackingSlip):
            raise TypeError(f"no PDF layout for {type(document).__name__} (printer {printer.name})")
        with tempfile.TemporaryDirectory(prefix="tote-pdf-") as folder:
            target = Path(folder) / "slip.pdf"
            self.render_packing_slip(document, target)
            return target.read_bytes()

    def render_packing_slip(self, slip: PackingSlip, target: Path) -> None:
        if QGuiApplication.instance() is None:
            raise RuntimeError("rendering a packing slip needs a QGuiApplication")
        writer = QPdfWriter(str(target))
        writer.setResolution(RESOLUTION_DPI)
        writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        writer.setPageOrientation(QPageLayout.Orientation.Portrait)
        margins = QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM)
        if not writer.setPageMargins(margins, QPageLayout.Unit.Millimeter):
            raise RuntimeError("could not set the packing slip page margins")
        writer.setCreator("Tote")
        writer.setTitle(_arg(translate("PackingSlip", "Packing slip %1"), slip.order_number))

        area = writer.pageLayout().paintRectPixels(RESOLUTION_DPI)
        footer = FOOTER_MM / 25.4 * RESOLUTION_DPI
        page = QSizeF(area.width(), area.height() - footer)

        doc = QTextDocument()
        doc.documentLayout().setPaintDevice(writer)  # lay out in points of the PDF, not screen
        font = QFont(FONT_FAMILY, 10)
        if QFontInfo(font).family() != FONT_FAMILY:  # Qt would silently print tofu for Greek
            log.warning("font %r is not installed; Greek may not print", FONT_FAMILY)
        doc.setDefaultFont(font)
        doc.setDocumentMargin(0)
        doc.setDefaultStyleSheet(STYLE)
        doc.setPageSize(page)
        barcode_size = None
        png = barcode_png(slip.order_number)
        if png is not None:
            image = QImage.fromData(png)
            if image.isNull():
                raise RuntimeError("Qt could not load the barcode PNG (image plugins missing?)")
            doc.addResource(QTextDocument.ResourceType.ImageResource, BARCODE_URL, image)
            scale = CSS_PX_PER_INCH / RESOLUTION_DPI
            barcode_size = (image.width() * scale, image.height() * scale)
        doc.setHtml(slip_html(slip, barcode_size))

        painter = QPainter()
        if not painter.begin(writer):
            raise OSError(f"cannot write packing slip PDF to {target}")
        # Without this hint Qt stores the barcode as a JPEG, whose artefacts blur the bars.
        painter.setRenderHint(QPainter.RenderHint.LosslessImageRendering)
        try:
            self._paint_pages(painter, writer, doc, slip, page, footer)
        finally:
            ended = painter.end()
        if not ended or not target.is_file() or target.stat().st_size == 0:
            raise OSError(f"packing slip PDF {target} was not written completely")

    @staticmethod
    def _paint_pages(
        painter: QPainter,
        writer: QPdfWriter,
        doc: QTextDocument,
        slip: PackingSlip,
        page: QSizeF,
        footer: float,
    ) -> None:
        count = doc.pageCount()
        small = QFont(FONT_FAMILY, 7)
        for index in range(count):
            if index and not writer.newPage():
                raise OSError("could not start a new page in the packing slip PDF")
            top = index * page.height()
            painter.save()
            painter.translate(QPointF(0, -top))
            doc.drawContents(painter, QRectF(QPointF(0, top), page))
            painter.restore()
            painter.setFont(small)
            text = _arg(
                translate("PackingSlip", "Order %1 · page %2 of %3"),
                slip.order_number,
                index + 1,
                count,
            )
            box = QRectF(0, page.height(), page.width(), footer)
            painter.drawText(
                box, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom), text
            )
