"""Labels drawn by Qt: on-screen previews and PNGs, and PDFs for office printers and archives.

The layout is the one of ``devices.render.zpl`` (same sizes, positions and text sizes in
millimetres, see ``ui.label_layout``), so a preview shows what the Zebra prints, with the
same barcodes: the SSCC as GS1-128 (FNC1, ``00`` + 18 digits) under its ``(00) ...``
line, the tracking number and TOTE:/LOC: codes as Code 128. A gift note never has a price:
its value carries none.

Needs a running QGuiApplication (or QApplication) in the calling process.
"""

from __future__ import annotations

import logging

from app.domain.documents import Address, PackingSlip
from app.domain.labels import Document, GiftNote, LocationLabel, ShippingLabel, ToteLabel
from app.station_devices import PrinterSettings
from devices.render.text import address_lines
from devices.render.zpl import SIZES_MM
from ui.label_layout import MM_PER_INCH, LabelCanvas, arg, code128_modules, gs1_128_modules
from ui.qt import (
    QBuffer,
    QGuiApplication,
    QImage,
    QIODevice,
    QMarginsF,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QSizeF,
    Qt,
    translate,
)
from ui.slip_pdf import QtPdfSlipRenderer

log = logging.getLogger(__name__)

Label = ShippingLabel | GiftNote | ToteLabel | LocationLabel
DPI_RANGE = range(96, 1201)  # a screen preview up to a 1200 dpi office printer
# Bars in a PDF are rectangles on a grid of this resolution: 300 dpi divides the 300, 600
# and 1200 dpi of office printers, so every module is a whole number of printer dots.
PDF_DPI = 300
M = 3.0  # margin, mm
CAPTION = 2.2  # caption text height, mm


def label_image(document: Label, dpi: int = 203) -> QImage:
    """``document`` at its physical size (4x6 or 4x2 in) and ``dpi``: black on white, in
    8-bit grey, with the resolution stored in the image (a PNG keeps it)."""
    if dpi not in DPI_RANGE:
        raise ValueError(f"dpi must be 96 to 1200, not {dpi}")
    _need_application()
    width_mm, height_mm = _size_mm(document)
    size = (round(width_mm * dpi / MM_PER_INCH), round(height_mm * dpi / MM_PER_INCH))
    image = QImage(*size, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter()
    if not painter.begin(image):
        raise RuntimeError("Qt cannot paint on a label image")
    try:
        paint_label(painter, document, dpi)
    finally:
        painter.end()
    grey = image.convertToFormat(QImage.Format.Format_Grayscale8)
    dots_per_metre = round(dpi / MM_PER_INCH * 1000)
    grey.setDotsPerMeterX(dots_per_metre)
    grey.setDotsPerMeterY(dots_per_metre)
    return grey


def label_png(document: Label, dpi: int = 203) -> bytes:
    """``label_image`` as PNG bytes."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    # PySide6 6.12 takes the format only as str, though its stub says bytes.
    if not label_image(document, dpi).save(buffer, "PNG"):  # type: ignore[call-overload]
        raise RuntimeError("Qt could not write the label PNG (image plugins missing?)")
    return bytes(buffer.data().data())


class QtLabelRenderer:
    """Implements ``app.ports.DocumentRenderer`` for PDF printers: labels on a page of
    their own size, packing slips as A4 (``ui.slip_pdf``)."""

    def render(self, document: Document, printer: PrinterSettings) -> bytes:
        if isinstance(document, PackingSlip):
            return QtPdfSlipRenderer().render(document, printer)
        return label_pdf(document)


def label_pdf(document: Label) -> bytes:
    """One PDF page exactly the label's size, no margins; text stays text."""
    _need_application()
    width_mm, height_mm = _size_mm(document)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(PDF_DPI)
    page = QPageSize(
        QSizeF(width_mm, height_mm),
        QPageSize.Unit.Millimeter,
        "",
        QPageSize.SizeMatchPolicy.ExactMatch,
    )
    if not writer.setPageSize(page) or not writer.setPageMargins(
        QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter
    ):
        raise RuntimeError("could not set the label page size")
    writer.setPageOrientation(QPageLayout.Orientation.Portrait)
    writer.setCreator("Tote")
    writer.setTitle(_title(document))
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError("cannot write the label PDF")
    try:
        paint_label(painter, document, PDF_DPI)
    finally:
        ended = painter.end()
    data = bytes(buffer.data().data())
    if not ended or not data.startswith(b"%PDF-"):
        raise OSError("the label PDF was not written completely")
    return data


def paint_label(painter: QPainter, document: Label, dpi: int) -> None:
    """Draw ``document`` from the painter's origin, within its physical size at ``dpi``."""
    canvas = LabelCanvas(painter, *_size_mm(document), dpi)
    match document:
        case ShippingLabel():
            _shipping(canvas, document)
        case GiftNote():
            _gift_note(canvas, document)
        case ToteLabel():
            caption = translate("LabelImage", "TOTE")
            _code_label(canvas, caption, document.tote_code, document.barcode, "")
        case LocationLabel():
            details = arg(
                translate("LabelImage", "ZONE %1 · AISLE %2 · BAY %3 · LEVEL %4 · POS %5"),
                document.zone,
                f"{document.aisle:02d}",
                f"{document.bay:02d}",
                document.level,
                document.position,
            )
            caption = translate("LabelImage", "LOCATION")
            _code_label(canvas, caption, document.location_code, document.barcode, details)


def _size_mm(document: Label) -> tuple[float, float]:
    """The physical size, shared with the ZPL renderer so both print the same label."""
    size = SIZES_MM.get(type(document))
    if size is None:
        raise TypeError(f"no label layout for {type(document).__name__}")
    return size


def _need_application() -> None:
    if QGuiApplication.instance() is None:
        raise RuntimeError("drawing a label needs a QGuiApplication")


def _title(document: Label) -> str:
    match document:
        case ShippingLabel() | GiftNote():
            return arg(translate("LabelImage", "Label for order %1"), document.order_number)
        case ToteLabel():
            return arg(translate("LabelImage", "Tote label %1"), document.tote_code)
        case LocationLabel():
            return arg(translate("LabelImage", "Location label %1"), document.location_code)


def _flag(flag: str) -> str:
    if flag == "gift":
        return translate("LabelImage", "GIFT")
    if flag == "vip":
        return translate("LabelImage", "VIP")
    if flag == "replacement":
        return translate("LabelImage", "REPLACEMENT")
    return flag.upper()


def _address(
    c: LabelCanvas,
    x: float,
    y: float,
    width: float,
    address: Address,
    sizes: tuple[float, float, float],
    max_lines: int,
    min_name: float | None = None,
) -> None:
    """Name, then street lines; ``sizes`` = (name height, line height, line pitch) in mm."""
    name, size, pitch = sizes
    c.text(x, y, address.name, name, width=width, min_size=min_name)
    top = y + name * 1.25
    for i, line in enumerate(address_lines(address.lines, max_lines)):
        c.text(x, top + i * pitch, line, size, width=width, bold=False)


def _shipping(c: LabelCanvas, label: ShippingLabel) -> None:
    right = 66.0  # x of the right-hand column, mm
    rw = c.width_mm - right - M
    # From, and the carrier block.
    c.text(M, 3, translate("LabelImage", "FROM"), CAPTION)
    _address(c, M, 6.2, right - M - 3, label.ship_from, (3.2, 2.8, 3.6), 4)
    c.box(right - 2, 2, 0.4, 24)
    c.text(right, 3, label.carrier.upper(), 9, width=rw, align="center", min_size=4)
    c.text(right, 14, label.service.upper(), 3.8, width=rw, align="center")
    package = arg(
        translate("LabelImage", "PKG %1 OF %2"), label.package_number, label.package_count
    )
    c.text(right, 20, package, 3.8, width=rw, align="center")
    c.hline(27.5)
    # Ship to: the biggest text on the label.
    c.text(M, 29.5, translate("LabelImage", "SHIP TO"), CAPTION)
    _address(c, M + 2, 33, c.width_mm - 2 * M - 2, label.ship_to, (6.5, 4.6, 6), 5, 4.5)
    c.hline(74)
    # Order facts on the left, special handling and reprint marks on the right.
    facts = [arg(translate("LabelImage", "ORDER %1"), label.order_number)]
    if label.weight_g is not None:
        facts.append(arg(translate("LabelImage", "WEIGHT %1 kg"), f"{label.weight_g / 1000:.2f}"))
    if label.dimensions_mm is not None:
        cm = (f"{v / 10:g}" for v in label.dimensions_mm)
        facts.append(arg(translate("LabelImage", "DIMS %1 x %2 x %3 cm"), *cm))
    if label.ship_by is not None:
        facts.append(arg(translate("LabelImage", "SHIP BY %1"), label.ship_by.isoformat()))
    for i, fact in enumerate(facts):
        c.text(M, 76 + i * 4.4, fact, 3.3, width=right - M - 3)
    flags = [_flag(f) for f in label.special]
    if flags or label.special_code:
        banner = " + ".join(flags) or translate("LabelImage", "SPECIAL")
        c.box(right - 1, 75.5, rw + 1, 7.5)
        c.text(right, 76.8, banner, 5, width=rw, align="center", reverse=True, min_size=3)
    if label.special_code:
        c.text(right, 84.2, label.special_code, 3.6, width=rw, align="center")
    if label.copy >= 2:
        c.box(right - 1, 88.5, rw + 1, 4.5, line=0.6)
        reprint = arg(translate("LabelImage", "REPRINT %1"), label.copy)
        c.text(right, 89.4, reprint, 3.0, width=rw, align="center")
    c.hline(94)
    # Carrier tracking number, then the SSCC at the bottom, as GS1 logistic labels have it.
    tracking_caption = arg(translate("LabelImage", "%1 TRACKING"), label.carrier.upper())
    c.text(M, 95.5, tracking_caption, CAPTION)
    number = label.tracking_number or ""
    bars = code128_modules(number)  # None for no number, or one Code 128 cannot carry
    if bars and c.barcode(0, 98.5, bars, 14, 0.375, width=c.width_mm):
        c.text(M, 113.6, number, 3.4, align="center")
    else:
        shown = number or translate("LabelImage", "NO TRACKING NUMBER")
        c.text(M, 102, shown, 4.5, align="center")
    c.hline(118.5)
    c.text(M, 120, translate("LabelImage", "SSCC"), CAPTION)
    sscc = gs1_128_modules(label.sscc_element_string)
    if c.barcode(0, 122.6, sscc, 24, 0.5, width=c.width_mm) is None:
        raise ValueError("the SSCC barcode does not fit this label")
    c.text(M, 147.8, label.sscc_hri, 3.6, align="center")


def _gift_note(c: LabelCanvas, note: GiftNote) -> None:
    inner = c.width_mm - 2 * (M + 5)
    c.box(M, M, c.width_mm - 2 * M, c.height_mm - 2 * M, line=0.8, radius=7.5)
    c.text(M + 5, 12, translate("LabelImage", "A GIFT FOR"), 4, width=inner, align="center")
    c.text(M + 5, 19, note.to_name, 10, width=inner, align="center", min_size=4)
    c.box(35, 33, c.width_mm - 70, 0.4)
    top, bottom = 40.0, 124.0
    for size in (5.5, 4.6, 3.8, 3.2):
        pitch = size * 1.45
        lines = c.wrap(note.message, size, inner)
        if len(lines) * pitch <= bottom - top:
            break
    keep = int((bottom - top) // pitch)
    if len(lines) > keep:
        lines = [*lines[: keep - 1], lines[keep - 1] + " ..."]
    start = top + (bottom - top - len(lines) * pitch) / 2
    for i, line in enumerate(lines):
        c.text(M + 5, start + i * pitch, line, size, width=inner, align="center", bold=False)
    c.box(35, 129, c.width_mm - 70, 0.4)
    order = arg(translate("LabelImage", "ORDER %1"), note.order_number)
    c.text(M + 5, 133, order, 3, width=inner, align="center")
    if note.special_code:
        c.text(M + 5, 138, note.special_code, 3, width=inner, align="center")
    if note.copy >= 2:
        reprint = arg(translate("LabelImage", "REPRINT %1"), note.copy)
        c.text(M + 5, 143, reprint, 3, width=inner, align="center")


def _code_label(c: LabelCanvas, caption: str, code: str, barcode: str, details: str) -> None:
    """Tote and bin labels: the code big enough to read from the aisle, its barcode below."""
    c.text(M, 2.5, caption, CAPTION)
    c.text(M, 5, code, 16, align="center", min_size=8)
    bars = code128_modules(barcode)
    if bars is None or c.barcode(0, 24, bars, 13, 0.375, width=c.width_mm) is None:
        log.warning("%r cannot be printed as Code 128; the label has text only", barcode)
    c.text(M, 38.5, barcode, 3, align="center")
    if details:
        c.text(M, 43.5, details, 3.2, align="center")
