"""Packing slips, gift notes, tote and bin labels as ESC/POS, through python-escpos's Dummy.

A job starts with ``ESC @`` (python-escpos never sends it), then selects one code page,
explicitly: CP737 (``ESC t 14`` on Epson TM-T20 class printers) prints Greek. Text is fitted
to that code page before it is sent: accents are dropped where only the base letter exists,
``€`` becomes ``EUR``, anything else ``?``, so one character is always one column and the
layout never shifts. Barcodes are the printer's own Code 128 (``GS k``); a code too long for
58 mm paper is drawn as a raster image turned on its side. Gift slips carry no prices: the
renderer prints no price column and no totals for them, whatever the values hold.
"""

from __future__ import annotations

from datetime import UTC
from typing import TYPE_CHECKING

from app.domain.documents import Money, PackingSlip
from app.domain.labels import Document, GiftNote, LocationLabel, ToteLabel
from devices.render.escpos_writer import (
    FONT_A_DOTS,
    PAPER_58,
    PAPER_80,
    PAPERS,
    Paper,
    ReceiptFormat,
    ReceiptWriter,
    wrap,
)

if TYPE_CHECKING:
    from app.station_devices import PrinterSettings

__all__ = ["PAPER_58", "PAPER_80", "EscPosRenderer", "Paper", "ReceiptFormat", "render_escpos"]

Receipt = PackingSlip | GiftNote | ToteLabel | LocationLabel
FLAGS = {"gift": "GIFT", "vip": "VIP", "replacement": "REPLACEMENT"}


def render_escpos(document: Receipt, fmt: ReceiptFormat | None = None) -> bytes:
    """One document as a complete ESC/POS job: ``ESC @`` first, a cut last."""
    r = ReceiptWriter(fmt or ReceiptFormat())
    match document:
        case PackingSlip():
            _packing_slip(r, document)
        case GiftNote():
            _gift_note(r, document)
        case ToteLabel():
            _code_label(r, "TOTE", document.tote_code, document.barcode, "")
        case LocationLabel():
            details = (
                f"Zone {document.zone}  Aisle {document.aisle:02d}  Bay {document.bay:02d}  "
                f"Level {document.level}  Pos {document.position}"
            )
            _code_label(r, "LOCATION", document.location_code, document.barcode, details)
    return r.finish()


class EscPosRenderer:
    """Implements ``app.ports.DocumentRenderer`` for receipt printers."""

    def __init__(self, code_page: str = "CP737", profile: str = "TM-T20II") -> None:
        self._code_page = code_page
        self._profile = profile

    def render(self, document: Document, printer: PrinterSettings) -> bytes:
        if not isinstance(document, PackingSlip | GiftNote | ToteLabel | LocationLabel):
            raise TypeError(f"a receipt printer cannot print {type(document).__name__}")
        paper = PAPERS[printer.paper_width_mm]
        return render_escpos(document, ReceiptFormat(paper, self._code_page, self._profile))


def _amount(cents: int) -> str:
    whole, minor = divmod(abs(cents), 100)
    return f"{'-' if cents < 0 else ''}{whole:,}.{minor:02d}"


def _money(r: ReceiptWriter, money: Money | None) -> str:
    """The amount with its symbol when the code page has it, else with the ISO code."""
    if money is None:
        return ""
    text = money.formatted()
    if r.printable(text) == text:
        return text
    return f"{_amount(money.cents)} {money.currency}"


def _packing_slip(r: ReceiptWriter, slip: PackingSlip) -> None:
    if slip.copy >= 2:
        r.line(f"*** REPRINT {slip.copy} ***", align="center", bold=True)
    flags = [FLAGS.get(f, f.upper()) for f in slip.special]
    if flags or slip.special_code:
        r.p.set(invert=True)
        r.line(f" {' + '.join(flags) or 'SPECIAL'} ", align="center", bold=True, size=2)
        r.p.set(invert=False)
        if slip.replaces_order_number:
            r.line(f"Replaces order {slip.replaces_order_number}", align="center", bold=True)
        if slip.special_code:
            r.line("Special code", align="center")
            r.line(slip.special_code, align="center", bold=True, size=2)
        r.rule("=")
    r.line("PACKING SLIP", align="center")
    r.line(slip.order_number, align="center", bold=True, size=2)
    r.barcode(slip.order_number)
    moment = slip.packed_at
    moment = moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
    facts = [
        ("Channel", slip.channel),
        ("Carrier", f"{slip.carrier} {slip.service}".strip()),
        ("Packed at", moment.strftime("%Y-%m-%d %H:%M UTC")),
        ("Packed by", f"{slip.packed_by} at {slip.station}"),
        ("Packages", str(slip.package_count)),
        ("Items", str(slip.unit_count)),
    ]
    for name, value in facts:
        r.line(f"{name:<11}{r.printable(value)}")
    r.rule()
    r.line("SHIP TO", bold=True)
    r.wrapped(slip.ship_to.name, bold=True)
    for address_line in slip.ship_to.lines:
        r.wrapped(address_line)
    r.rule()
    priced = not slip.is_gift
    like = slip.total or slip.subtotal
    currency = like.currency if like else "EUR"
    r.pair("QTY  ITEM", f"TOTAL {currency}" if priced else "", bold=True)
    for item in slip.lines:
        total = _amount(item.line_total_cents) if priced and item.line_total_cents else ""
        names = wrap(r.printable(item.name), r.cols - 5 - (len(total) + 1 if total else 0))
        r.pair(f"{item.quantity:>3}  {names[0]}", total)
        for more in names[1:]:
            r.line(f"     {more}")
        unit = item.unit_price_cents
        r.line(f"     {item.sku}" + (f" @ {_amount(unit)}" if priced and unit is not None else ""))
        if item.quantity_short:
            r.line(f"     {item.quantity_short} NOT SHIPPED", bold=True)
    r.rule()
    if priced:
        r.pair("Subtotal", _money(r, slip.subtotal))
        r.pair("Shipping", _money(r, slip.shipping))
        r.pair("Tax", _money(r, slip.tax))
        r.pair("TOTAL", _money(r, slip.total), bold=True)
        r.rule()
    if slip.is_gift and slip.gift_message:
        r.line("GIFT MESSAGE", align="center", bold=True)
        r.wrapped(slip.gift_message, align="center")
        r.rule()


def _gift_note(r: ReceiptWriter, note: GiftNote) -> None:
    r.line()
    r.line("A GIFT FOR", align="center")
    r.wrapped(note.to_name, align="center", bold=True, size=2)
    r.line()
    r.line("*" * (r.cols // 3), align="center")
    r.line()
    r.style(align="center", tall=True)
    for part in wrap(r.printable(note.message), r.cols):
        r.p.textln(part)
    r.line()
    r.line("*" * (r.cols // 3), align="center")
    r.line()
    r.line(f"Order {note.order_number}", align="center")
    if note.special_code:
        r.line(note.special_code, align="center")
    if note.copy >= 2:
        r.line(f"*** REPRINT {note.copy} ***", align="center", bold=True)


def _code_label(r: ReceiptWriter, caption: str, code: str, data: str, details: str) -> None:
    """Tote and bin labels: the code as big as the paper allows, then its barcode."""
    text = r.printable(code)
    size = max(1, min(6, r.fmt.paper.dots // (FONT_A_DOTS * max(1, len(text)))))
    r.line(caption, align="center")
    r.line(text, align="center", bold=True, size=size)
    r.line()
    r.barcode(data, height=100)
    if details:
        r.wrapped(details, align="center")
