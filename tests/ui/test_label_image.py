"""Labels drawn by Qt, checked by independent readers: zxing-cpp reads the barcodes from
the image, pypdf reads the PDF back. No golden images: a label passes when it has its
physical size, keeps every mark inside it, and a reader gets back what the document says.
"""

from __future__ import annotations

import io
import re
from dataclasses import replace
from typing import Any

import barcode
import biip
import pytest
import zxingcpp
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image, ImageOps

from app.demo.sample_documents import (
    sample_gift_note,
    sample_location_label,
    sample_packing_slip,
    sample_shipping_label,
    sample_tote_label,
)
from app.domain.documents import Address
from app.domain.labels import GiftNote, LocationLabel, ShippingLabel, ToteLabel
from app.ports import DocumentRenderer
from app.station_devices import (
    DOCUMENT_KINDS,
    Language,
    PrinterSettings,
    TransportKind,
)
from ui.label_image import QtLabelRenderer, label_image, label_png, paint_label
from ui.qt import QBuffer, QImage, QIODevice, QPainter, Qt

pypdf = pytest.importorskip("pypdf", reason="pypdf reads the label PDFs back")

Label = ShippingLabel | GiftNote | ToteLabel | LocationLabel
DPIS = (203, 300)
SAMPLES: dict[str, Label] = {
    "shipping": sample_shipping_label(),
    "reprint": sample_shipping_label(copy=2),
    "gift_note": sample_gift_note(),
    "tote": sample_tote_label(),
    "location": sample_location_label(),
}
SIZES_IN = {"shipping": (4, 6), "reprint": (4, 6), "gift_note": (4, 6)}
PRINTER = PrinterSettings("Office", Language.PDF, TransportKind.FOLDER, "/tmp/labels")
LONG_NAME = "Αικατερίνη-Μαρία Παπαδοπούλου-Κωνσταντινοπούλου του Αλεξάνδρου " * 4


def pil(image: QImage) -> Image.Image:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    assert image.save(buffer, "PNG")  # type: ignore[call-overload]
    return Image.open(io.BytesIO(bytes(buffer.data().data()))).convert("L")


def barcodes(label: Label, dpi: int, only_code128: bool = False) -> list[zxingcpp.Barcode]:
    """What zxing reads on the label; ``only_code128`` as a scanner set up for it would (an
    all-formats search can misread a run of Code 128 bars as an EAN-13)."""
    image = pil(label_image(label, dpi))
    if only_code128:
        return list(zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.Code128))
    return list(zxingcpp.read_barcodes(image))


def pdf_text(data: bytes) -> str:
    """All words of the PDF (Qt's word gaps come back as tabs or spaces: compare words)."""
    reader = pypdf.PdfReader(io.BytesIO(data))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def assert_sscc_and_tracking(label: ShippingLabel, found: list[zxingcpp.Barcode]) -> None:
    by_symbology = {b.symbology_identifier: b for b in found}
    assert len(found) == 2 and set(by_symbology) == {"]C0", "]C1"}
    sscc = by_symbology["]C1"]
    assert sscc.content_type == zxingcpp.ContentType.GS1
    assert sscc.bytes == f"00{label.sscc}".encode()
    parsed = biip.parse("]C1" + sscc.bytes.decode())
    assert parsed.sscc is not None and parsed.sscc.value == label.sscc
    assert by_symbology["]C0"].text == label.tracking_number


@pytest.mark.parametrize("dpi", DPIS)
@pytest.mark.parametrize("name", ["shipping", "reprint"])
def test_sscc_decodes_as_gs1_128_and_tracking_as_code128(qapp: Any, name: str, dpi: int) -> None:
    """GIVEN the sample 4x6 label WHEN drawn at 203 or 300 dpi THEN the SSCC reads as
    GS1-128 (]C1, GS1 content, 00 + 18 digits) and the tracking number as Code 128."""
    label = SAMPLES[name]
    assert isinstance(label, ShippingLabel)
    assert_sscc_and_tracking(label, barcodes(label, dpi))


@pytest.mark.parametrize("dpi", DPIS)
@pytest.mark.parametrize("name", ["tote", "location"])
def test_tote_and_location_codes_decode(qapp: Any, name: str, dpi: int) -> None:
    """Tote and bin labels carry exactly their TOTE:/LOC: code, as plain Code 128."""
    label = SAMPLES[name]
    assert isinstance(label, ToteLabel | LocationLabel)
    found = barcodes(label, dpi)
    assert [(b.symbology_identifier, b.text) for b in found] == [("]C0", label.barcode)]
    assert label.barcode.startswith(("TOTE:", "LOC:"))


@pytest.mark.parametrize("dpi", DPIS)
def test_gift_note_has_no_barcode(qapp: Any, dpi: int) -> None:
    assert barcodes(SAMPLES["gift_note"], dpi) == []


@pytest.mark.parametrize("dpi", DPIS)
@pytest.mark.parametrize("name", list(SAMPLES))
def test_image_and_png_have_the_physical_size(qapp: Any, name: str, dpi: int) -> None:
    """4x6 or 4x2 inches times the dpi, and the PNG says which dpi it is."""
    width_in, height_in = SIZES_IN.get(name, (4, 2))
    image = label_image(SAMPLES[name], dpi)
    assert (image.width(), image.height()) == (width_in * dpi, height_in * dpi)
    png = Image.open(io.BytesIO(label_png(SAMPLES[name], dpi)))
    assert png.size == (width_in * dpi, height_in * dpi)
    assert png.info["dpi"] == pytest.approx((dpi, dpi), abs=0.5)


def ink_outside(label: Label, dpi: int) -> tuple[int, int, int, int]:
    """Draw ``label`` in the middle of a bigger canvas; the box of its ink, label origin."""
    pad = 150
    probe = label_image(label, dpi)
    canvas = QImage(probe.width() + 2 * pad, probe.height() + 2 * pad, QImage.Format.Format_RGB32)
    canvas.fill(Qt.GlobalColor.white)
    painter = QPainter(canvas)
    painter.translate(pad, pad)
    paint_label(painter, label, dpi)
    painter.end()
    ink = ImageOps.invert(pil(canvas)).point(lambda v: 255 if v > 40 else 0).getbbox()
    assert ink is not None
    left, top, right, bottom = ink
    return pad - left, pad - top, right - pad - probe.width(), bottom - pad - probe.height()


@pytest.mark.parametrize("dpi", DPIS)
@pytest.mark.parametrize("name", [*SAMPLES, "long_names"])
def test_nothing_is_drawn_outside_the_label(qapp: Any, name: str, dpi: int) -> None:
    """Drawn on a bigger canvas, no ink falls outside the label, even with huge names."""
    label = SAMPLES.get(name) or replace(
        sample_shipping_label(),
        ship_to=Address(LONG_NAME, (LONG_NAME, LONG_NAME)),
        ship_from=Address(LONG_NAME, ()),
        carrier=LONG_NAME,
        special=("gift", "vip", "replacement"),
        special_code=LONG_NAME,
    )
    assert all(overhang <= 0 for overhang in ink_outside(label, dpi))


@pytest.mark.parametrize("dpi", DPIS)
def test_bars_are_whole_pixel_modules_with_quiet_zones(qapp: Any, dpi: int) -> None:
    """A row through the SSCC is python-barcode's GS1-128 pattern with every module the
    same whole number of pixels, and at least 10 modules of white on each side."""
    label = sample_shipping_label()
    gray = pil(label_image(label, dpi))
    y = round((122.6 + 12) * dpi / 25.4)  # the middle of the SSCC bars
    row = [v < 128 for v in gray.tobytes()[y * gray.width : (y + 1) * gray.width]]
    first, last = row.index(True), len(row) - row[::-1].index(True)
    pattern = barcode.get_barcode_class("gs1_128")(label.sscc_element_string).build()[0]
    module, rest = divmod(last - first, len(pattern))
    assert rest == 0 and module >= 2
    drawn = "".join("1" if row[x] else "0" for x in range(first, last, module))
    assert drawn == pattern
    assert all(row[first + i] == (pattern[i // module] == "1") for i in range(last - first))
    assert first >= 10 * module and gray.width - last >= 10 * module


def test_pdf_renderer_is_a_document_renderer() -> None:
    renderer: DocumentRenderer = QtLabelRenderer()  # mypy checks the protocol here
    assert callable(renderer.render)


@pytest.mark.parametrize("name", list(SAMPLES))
def test_pdf_is_one_page_of_the_label_size(qapp: Any, name: str) -> None:
    """4 x 6 in is 288 x 432 pt, 4 x 2 in is 288 x 144 pt; one page, text kept as text."""
    data = QtLabelRenderer().render(SAMPLES[name], PRINTER)
    reader = pypdf.PdfReader(io.BytesIO(data))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    width_in, height_in = SIZES_IN.get(name, (4, 2))
    assert (float(box.width), float(box.height)) == pytest.approx((width_in * 72, height_in * 72))


def test_shipping_label_pdf_has_order_greek_address_and_barcode_texts(qapp: Any) -> None:
    label = sample_shipping_label()
    text = pdf_text(QtLabelRenderer().render(label, PRINTER))
    for expected in (
        "ORDER SO-100042",
        "Γιώργος Παπαδόπουλος",
        "54624 Θεσσαλονίκη",
        "Λεωφόρος Αθηνών 112",
        "ACS",
        "PKG 1 OF 2",
        "WEIGHT 2.35 kg",
        "DIMS 40 x 30 x 20 cm",
        "SHIP BY 2026-11-27",
        "1Z999AA10123456784",
        label.sscc_hri,
        "GIFT",
        "GFT-7Q3K9",
    ):
        assert expected in text
    assert "REPRINT" not in text


def test_reprints_say_so(qapp: Any) -> None:
    text = pdf_text(QtLabelRenderer().render(sample_shipping_label(copy=3), PRINTER))
    assert "REPRINT 3" in text


@pytest.mark.parametrize(
    ("special", "banner"),
    [(("vip",), "VIP"), (("gift", "replacement"), "GIFT + REPLACEMENT"), ((), "SPECIAL")],
)
def test_special_orders_show_their_flags_and_code(
    qapp: Any, special: tuple[str, ...], banner: str
) -> None:
    label = replace(sample_shipping_label(), special=special, special_code="VIP-1")
    text = pdf_text(QtLabelRenderer().render(label, PRINTER))
    assert banner in text and "VIP-1" in text
    plain = replace(label, special=(), special_code=None)
    text = pdf_text(QtLabelRenderer().render(plain, PRINTER))
    assert not {"GIFT", "VIP", "REPLACEMENT", "SPECIAL"} & set(text.split())


def test_gift_note_pdf_has_the_greek_message_and_no_price(qapp: Any) -> None:
    note = sample_gift_note()
    text = pdf_text(QtLabelRenderer().render(note, PRINTER))
    for expected in ("A GIFT FOR", "Γιώργος", "Χρόνια πολλά!", "from Maria.", "SO-100042"):
        assert expected in text
    assert "GFT-7Q3K9" in text
    assert not re.search(r"[€$£]|\d+[.,]\d\d\b|EUR", text)


def test_tote_and_location_pdfs_carry_their_codes(qapp: Any) -> None:
    tote = pdf_text(QtLabelRenderer().render(sample_tote_label(), PRINTER))
    assert "T-0042" in tote and "TOTE:T-0042" in tote
    where = pdf_text(QtLabelRenderer().render(sample_location_label(), PRINTER))
    assert "LOC:A-03-12-2-1" in where and "AISLE 03" in where and "BAY 12" in where


def test_a_packing_slip_goes_to_the_a4_slip_renderer(qapp: Any) -> None:
    data = QtLabelRenderer().render(sample_packing_slip(), PRINTER)
    reader = pypdf.PdfReader(io.BytesIO(data))
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)
    assert "SO-100042" in pdf_text(data)


def test_a_long_name_shrinks_before_it_is_cut(qapp: Any) -> None:
    """A name a bit too wide for full size is printed whole, smaller; a far too long one
    is cut with an ellipsis."""
    medium = "Αικατερίνη Παπαδοπούλου-Κωνσταντίνου"
    label = replace(sample_shipping_label(), ship_to=Address(medium, ("GR",)))
    assert medium in pdf_text(QtLabelRenderer().render(label, PRINTER))
    label = replace(label, ship_to=Address(LONG_NAME, ("GR",)))
    text = pdf_text(QtLabelRenderer().render(label, PRINTER))
    assert "Αικατερίνη-Μαρία" in text and "…" in text
    assert LONG_NAME.strip() not in text


def test_pdf_printers_may_take_every_document() -> None:
    printer = replace(PRINTER, documents=DOCUMENT_KINDS)
    assert printer.documents == DOCUMENT_KINDS


def test_unusable_dpi_is_refused(qapp: Any) -> None:
    with pytest.raises(ValueError, match="dpi"):
        label_image(sample_tote_label(), dpi=10)


def test_a_packing_slip_has_no_label_image(qapp: Any) -> None:
    """Slips are A4 documents: only the PDF renderer takes them (through ui.slip_pdf)."""
    with pytest.raises(TypeError, match="PackingSlip"):
        label_image(sample_packing_slip())  # type: ignore[arg-type]


def test_a_tote_code_code128_cannot_carry_prints_as_text_only(qapp: Any) -> None:
    label = ToteLabel("Τ-ΚΑΡΟΤΣΙ")
    assert barcodes(label, 203) == []
    assert "Τ-ΚΑΡΟΤΣΙ" in pdf_text(QtLabelRenderer().render(label, PRINTER))


@settings(max_examples=12, deadline=None)
@given(
    name=st.text(max_size=60),
    lines=st.lists(st.text(max_size=60), max_size=7),
    carrier=st.text(max_size=30),
    code=st.text(max_size=30),
)
def test_arbitrary_unicode_names_never_break_the_label(
    qapp: Any, name: str, lines: list[str], carrier: str, code: str
) -> None:
    """Whatever the names, the label draws, its SSCC decodes, and no ink leaves it."""
    label = replace(
        sample_shipping_label(),
        ship_to=Address(name, tuple(lines)),
        ship_from=Address(code, tuple(lines[:2])),
        carrier=carrier,
        special_code=code or None,
        tracking_number=code or None,
    )
    found = barcodes(label, 203)
    sscc = [b for b in found if b.symbology_identifier == "]C1"]
    assert [b.bytes for b in sscc] == [f"00{label.sscc}".encode()]
    assert all(overhang <= 0 for overhang in ink_outside(label, 203))


@settings(max_examples=10, deadline=None)
@given(st.text(st.characters(min_codepoint=0x20, max_codepoint=0x7E), min_size=1, max_size=20))
def test_any_printable_tote_code_round_trips(qapp: Any, code: str) -> None:
    label = ToteLabel(code)
    assert [b.text for b in barcodes(label, 203, only_code128=True)] == [label.barcode]


def test_a_screen_preview_at_96_dpi_still_decodes(qapp: Any) -> None:
    """At screen resolution modules are one pixel; both codes of the 4x6 label still read."""
    label = sample_shipping_label()
    assert_sscc_and_tracking(label, barcodes(label, 96))
