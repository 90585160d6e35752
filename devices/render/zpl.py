"""Labels as ZPL II for Zebra printers: shipping labels, gift cards, tote and bin labels.

Layouts are in millimetres (``zpl_canvas``), so a 203 and a 300 dpi printer print the same
physical label; only barcode modules differ by the rounding to whole dots. Every label
starts ``^XA^CI28`` (UTF-8) with ``^PW``/``^LL`` set and carries no ``^PQ``: copies are
separate jobs, and a reprint (``copy >= 2``) says so on the label. Barcodes get Zebra's own
invocation codes: the SSCC as GS1-128 (start C, FNC1, 00 + 18 digits, exactly as given:
mode D would recompute the check digit), everything else as Code 128.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from app.domain.documents import Address
from app.domain.labels import Document, GiftNote, LocationLabel, ShippingLabel, ToteLabel
from devices.render import zpl_graphics as gfx
from devices.render.text import address_lines, clean
from devices.render.zpl_canvas import Canvas, code128_field, gs1_sscc_field

if TYPE_CHECKING:
    from app.station_devices import PrinterSettings

log = logging.getLogger(__name__)

ZplLabel = ShippingLabel | GiftNote | ToteLabel | LocationLabel
# Physical sizes in mm (width, height): 4x6 in carrier labels and cards; 4x2 in for totes
# and bins, so one roll serves both and a bin code prints up to 16 mm tall.
SIZES_MM: dict[type, tuple[float, float]] = {
    ShippingLabel: (101.6, 152.4),
    GiftNote: (101.6, 152.4),
    ToteLabel: (101.6, 50.8),
    LocationLabel: (101.6, 50.8),
}
M = 3.0  # margin, mm
CAPTION = 2.2  # caption text height, mm
FLAGS = {"gift": "GIFT", "vip": "VIP", "replacement": "REPLACEMENT"}


def render_zpl(label: ZplLabel, dpi: int = 203) -> bytes:
    """One label as ZPL bytes (UTF-8) for a printer of ``dpi`` dots per inch."""
    canvas = Canvas(*SIZES_MM[type(label)], dpi)
    match label:
        case ShippingLabel():
            _shipping(canvas, label)
        case GiftNote():
            _gift_note(canvas, label)
        case ToteLabel():
            _code_label(canvas, "TOTE", label.tote_code, label.barcode, "")
        case LocationLabel():
            details = (
                f"ZONE {label.zone} · AISLE {label.aisle:02d} · BAY {label.bay:02d} · "
                f"LEVEL {label.level} · POS {label.position}"
            )
            _code_label(canvas, "LOCATION", label.location_code, label.barcode, details)
    return canvas.finish()


class ZplRenderer:
    """Implements ``app.ports.DocumentRenderer`` for Zebra label printers."""

    def render(self, document: Document, printer: PrinterSettings) -> bytes:
        if not isinstance(document, ShippingLabel | GiftNote | ToteLabel | LocationLabel):
            raise TypeError(f"a label printer cannot print {type(document).__name__}")
        return render_zpl(document, printer.dpi)


def _address(
    c: Canvas,
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


def _shipping(c: Canvas, label: ShippingLabel) -> None:
    right = 66.0  # x of the right-hand column, mm
    rw = c.width_mm - right - M
    # From, and the carrier block.
    c.text(M, 3, "FROM", CAPTION)
    _address(c, M, 6.2, right - M - 3, label.ship_from, (3.2, 2.8, 3.6), 4)
    c.box(right - 2, 2, 0.4, 24)
    c.text(right, 3, label.carrier.upper(), 9, width=rw, align="center", min_size=4)
    c.text(right, 14, label.service.upper(), 3.8, width=rw, align="center")
    c.text(
        right,
        20,
        f"PKG {label.package_number} OF {label.package_count}",
        3.8,
        width=rw,
        align="center",
    )
    c.hline(27.5)
    # Ship to: the biggest text on the label.
    c.text(M, 29.5, "SHIP TO", CAPTION)
    _address(c, M + 2, 33, c.width_mm - 2 * M - 2, label.ship_to, (6.5, 4.6, 6), 5, 4.5)
    c.hline(74)
    # Order facts on the left, special handling and reprint marks on the right.
    facts = [f"ORDER {label.order_number}"]
    if label.weight_g is not None:
        facts.append(f"WEIGHT {label.weight_g / 1000:.2f} kg")
    if label.dimensions_mm is not None:
        facts.append("DIMS {} x {} x {} cm".format(*(f"{v / 10:g}" for v in label.dimensions_mm)))
    if label.ship_by is not None:
        facts.append(f"SHIP BY {label.ship_by.isoformat()}")
    for i, fact in enumerate(facts):
        c.text(M, 76 + i * 4.4, fact, 3.3, width=right - M - 3)
    flags = [FLAGS.get(f, f.upper()) for f in label.special]
    if flags or label.special_code:
        c.box(right - 1, 75.5, rw + 1, 7.5)
        c.text(
            right,
            76.8,
            " + ".join(flags) or "SPECIAL",
            5,
            width=rw,
            align="center",
            reverse=True,
            min_size=3,
        )
    if label.special_code:
        c.text(right, 84.2, label.special_code, 3.6, width=rw, align="center")
    if label.copy >= 2:
        c.box(right - 1, 88.5, rw + 1, 4.5, line=0.6)
        c.text(right, 89.4, f"REPRINT {label.copy}", 3.0, width=rw, align="center")
    c.hline(94)
    # Carrier tracking number, then the SSCC at the bottom, as GS1 logistic labels have it.
    c.text(M, 95.5, f"{label.carrier.upper()} TRACKING", CAPTION)
    number = label.tracking_number or ""
    tracking = code128_field(number)  # None for no number, or one Code 128 cannot carry
    if tracking and c.barcode(0, 98.5, tracking, 14, 0.375, width=c.width_mm):
        c.text(M, 113.6, number, 3.4, align="center")
    else:
        c.text(M, 102, number or "NO TRACKING NUMBER", 4.5, align="center")
    c.hline(118.5)
    c.text(M, 120, "SSCC", CAPTION)
    sscc = gs1_sscc_field(label.sscc_element_string)
    if c.barcode(0, 122.6, sscc, 24, 0.5, width=c.width_mm) is None:
        raise ValueError("the SSCC barcode does not fit this label")
    c.text(M, 147.8, label.sscc_hri, 3.6, align="center")


def _gift_note(c: Canvas, note: GiftNote) -> None:
    inner = c.width_mm - 2 * (M + 5)
    c.box(M, M, c.width_mm - 2 * M, c.height_mm - 2 * M, line=0.8, round_=2)
    c.text(M + 5, 12, "A GIFT FOR", 4, width=inner, align="center")
    c.text(M + 5, 19, note.to_name, 10, width=inner, align="center", min_size=4)
    c.box(35, 33, c.width_mm - 70, 0.4)
    top, bottom = 40.0, 124.0
    native = gfx.is_native(clean(note.message))
    for size in (5.5, 4.6, 3.8, 3.2):
        pitch = size * 1.45
        lines = c.wrap(note.message, size, inner, bold=False, native=native)
        if len(lines) * pitch <= bottom - top:
            break
    keep = int((bottom - top) // pitch)
    if len(lines) > keep:
        lines = [*lines[: keep - 1], lines[keep - 1] + " ..."]
    start = top + (bottom - top - len(lines) * pitch) / 2
    for i, line in enumerate(lines):
        c.text(
            M + 5,
            start + i * pitch,
            line,
            size,
            width=inner,
            align="center",
            bold=False,
            native=native,
        )
    c.box(35, 129, c.width_mm - 70, 0.4)
    c.text(M + 5, 133, f"ORDER {note.order_number}", 3, width=inner, align="center")
    if note.special_code:
        c.text(M + 5, 138, note.special_code, 3, width=inner, align="center")
    if note.copy >= 2:
        c.text(M + 5, 143, f"REPRINT {note.copy}", 3, width=inner, align="center")


def _code_label(c: Canvas, caption: str, code: str, barcode: str, details: str) -> None:
    """Tote and bin labels: the code big enough to read from the aisle, its barcode below."""
    c.text(M, 2.5, caption, CAPTION)
    c.text(M, 5, code, 16, align="center", min_size=8)
    field = code128_field(barcode)
    if field is None or c.barcode(0, 24, field, 13, 0.375, width=c.width_mm) is None:
        log.warning("%r cannot be printed as Code 128; the label has text only", barcode)
    c.text(M, 38.5, barcode, 3, align="center")
    if details:
        c.text(M, 43.5, details, 3.2, align="center")
