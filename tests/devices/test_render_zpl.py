"""ZPL labels checked by independent readers: zplkit draws them, zxing-cpp reads the barcodes.

No golden bytes: a label passes when a printer-faithful renderer draws it within its size
and a barcode reader gets back exactly what the document says.
"""

from __future__ import annotations

import io
import logging
import re
from dataclasses import replace

import biip
import pytest
import zplkit
import zxingcpp
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image, ImageOps
from zplkit.parse import parse

from app.demo.sample_documents import (
    sample_gift_note,
    sample_location_label,
    sample_shipping_label,
    sample_tote_label,
)
from app.domain.documents import Address
from app.domain.labels import LocationLabel, ToteLabel
from devices.render import zpl_graphics
from devices.render.zpl import ZplLabel, render_zpl
from devices.render.zpl_canvas import code128_field

DPIS = (203, 300)
SAMPLES: dict[str, ZplLabel] = {
    "shipping": sample_shipping_label(),
    "reprint": sample_shipping_label(copy=2),
    "gift_note": sample_gift_note(),
    "tote": sample_tote_label(),
    "location": sample_location_label(),
}
SIZES_IN = {"shipping": (4, 6), "reprint": (4, 6), "gift_note": (4, 6)}
FIELD = re.compile(rb"\^FD(.*?)\^FS", re.DOTALL)
# Every command the renderer emits; "A0" is ^A with font 0.
EMITTED = set(b"XA CI PW LL LH PO FW FO A0 FH FD FS FB FR GB GF BY BC XZ".split())
FONT0_FIELD = re.compile(rb"\^A0N,\d+,\d+(?:\^FR)?\^FH\^FD(.*?)\^FS", re.DOTALL)


def draw(zpl: bytes, dpi: int) -> Image.Image:
    document = zplkit.render(zpl, zplkit.Options(dpi=dpi))
    assert len(document.labels) == 1
    return Image.open(io.BytesIO(document.labels[0].png())).convert("L")


def barcodes(
    image: Image.Image, formats: zxingcpp.BarcodeFormat | None = None
) -> list[zxingcpp.Barcode]:
    """The codes zxing finds; ``formats`` limits it as a scanner set up for them would be
    (an all-formats search can misread a run of Code 128 bars as an EAN-13)."""
    if formats is None:
        return list(zxingcpp.read_barcodes(image))
    return list(zxingcpp.read_barcodes(image, formats=formats))


def unescape(data: bytes) -> str:
    """A ``^FH`` field's text: ``_XX`` hex escapes back to bytes, then UTF-8."""
    return re.sub(rb"_([0-9A-Fa-f]{2})", lambda m: bytes([int(m.group(1), 16)]), data).decode()


@pytest.mark.parametrize("dpi", DPIS)
def test_sscc_decodes_as_gs1_128_and_tracking_as_code128(dpi: int) -> None:
    """GIVEN the sample 4x6 label WHEN drawn at 203 or 300 dpi THEN the SSCC reads as
    GS1-128 (]C1, 00 + 18 digits, parsed by biip) and the tracking number as plain Code 128."""
    label = sample_shipping_label()
    found = {b.symbology_identifier: b for b in barcodes(draw(render_zpl(label, dpi), dpi))}
    assert set(found) == {"]C0", "]C1"}
    sscc = found["]C1"]
    assert sscc.content_type == zxingcpp.ContentType.GS1
    assert sscc.bytes == f"00{label.sscc}".encode()
    parsed = biip.parse("]C1" + sscc.bytes.decode())
    assert parsed.sscc is not None and parsed.sscc.value == label.sscc
    assert found["]C0"].text == label.tracking_number


@pytest.mark.parametrize("dpi", DPIS)
@pytest.mark.parametrize("name", ["tote", "location"])
def test_tote_and_location_codes_decode(name: str, dpi: int) -> None:
    """Tote and bin labels carry their TOTE:/LOC: code, readable at both densities."""
    label = SAMPLES[name]
    assert isinstance(label, ToteLabel | LocationLabel)
    texts = [b.text for b in barcodes(draw(render_zpl(label, dpi), dpi))]
    assert texts == [label.barcode]
    assert label.barcode.startswith(("TOTE:", "LOC:"))


@pytest.mark.parametrize("dpi", DPIS)
@pytest.mark.parametrize("name", list(SAMPLES))
def test_label_has_its_physical_size_and_nothing_is_drawn_outside(name: str, dpi: int) -> None:
    """^PW/^LL match the physical size at this density, zplkit draws exactly that, and
    drawn again on a bigger canvas without ^PW/^LL no ink falls outside the label."""
    zpl = render_zpl(SAMPLES[name], dpi)
    width_in, height_in = SIZES_IN.get(name, (4, 2))
    width, height = width_in * dpi, height_in * dpi
    assert zpl.startswith(f"^XA^CI28^PW{width}^LL{height}^".encode())
    assert zpl.rstrip().endswith(b"^XZ") and zpl.count(b"^XA") == 1
    assert draw(zpl, dpi).size == (width, height)
    unbounded = zpl.replace(f"^PW{width}^LL{height}".encode(), b"")
    options = zplkit.Options(dpi=dpi, width=width + 400, height=height + 400)
    scene = zplkit.render(unbounded, options).labels[0]
    ink = ImageOps.invert(Image.open(io.BytesIO(scene.png())).convert("L")).getbbox()
    assert ink is not None
    assert ink[2] <= width and ink[3] <= height


@pytest.mark.parametrize("dpi", DPIS)
def test_greek_goes_as_a_graphic_and_font0_text_stays_ascii(dpi: int) -> None:
    """Greek (and accented) names are ^GF bitmaps; font-0 fields carry ASCII only."""
    zpl = render_zpl(sample_shipping_label(), dpi)
    assert b"^GFA," in zpl
    assert "Γιώργος".encode() not in zpl
    fields = [unescape(m.group(1)) for m in FONT0_FIELD.finditer(zpl)]
    assert "SO-100042" in " ".join(fields)
    assert all(ord(ch) < 0x80 for field in fields for ch in field)


def test_same_physical_layout_at_both_densities() -> None:
    """The Greek name bitmap is the same size in millimetres at 203 and 300 dpi."""
    widths = {}
    for dpi in DPIS:
        zpl = render_zpl(replace(sample_gift_note(), message="Hello"), dpi)
        first = re.search(rb"\^GFA,(\d+),\d+,(\d+),", zpl)
        assert first is not None
        widths[dpi] = int(first.group(2)) * 8 / dpi * 25.4
    assert widths[203] == pytest.approx(widths[300], abs=1.5)


def test_reprint_copies_are_marked_and_first_copies_are_not() -> None:
    assert b"REPRINT" not in render_zpl(sample_shipping_label(copy=1))
    assert b"^FDREPRINT 2^FS" in render_zpl(sample_shipping_label(copy=2))


@pytest.mark.parametrize(
    ("special", "text"),
    [(("gift",), b"GIFT"), (("vip",), b"VIP"), (("gift", "replacement"), b"GIFT + REPLACEMENT")],
)
def test_special_orders_are_flagged_in_reverse_with_their_code(
    special: tuple[str, ...], text: bytes
) -> None:
    label = replace(sample_shipping_label(), special=special, special_code="VIP-1")
    zpl = render_zpl(label)
    assert b"^FR^FH^FD" + text + b"^FS" in zpl
    assert b"^FDVIP-1^FS" in zpl
    plain = replace(label, special=(), special_code=None)
    assert b"^FR" not in render_zpl(plain)


@settings(max_examples=40, deadline=None)
@given(st.text(st.characters(min_codepoint=0x20, max_codepoint=0x7E), min_size=1, max_size=20))
def test_any_printable_tote_code_round_trips_through_code128(code: str) -> None:
    """ZPL syntax (^ ~ _) and invocation characters (>) in the data are escaped, not obeyed."""
    label = ToteLabel(code)
    field = code128_field(label.barcode)
    assert field is not None
    found = barcodes(draw(render_zpl(label), 203), zxingcpp.BarcodeFormat.Code128)
    assert [b.text for b in found] == [label.barcode]


def well_formed(zpl: bytes) -> None:
    assert zpl.startswith(b"^XA^CI28^PW") and zpl.endswith(b"^XZ\n")
    assert zpl.count(b"^XA") == 1 and zpl.count(b"^XZ") == 1
    assert b"~" not in zpl  # a tilde would be a control command, even inside field data
    fields = FIELD.findall(zpl)
    assert len(fields) == zpl.count(b"^FD")
    assert all(b"^" not in data for data in fields)  # every ^FD ends at its own ^FS
    assert zpl.count(b"^FS") == zpl.count(b"^FO")
    zpl.decode("utf-8")
    elements = parse(zpl).elements
    assert {e.kind for e in elements} == {"format_command"}  # no ~ control commands
    assert {bytes(e)[1:3] for e in elements} <= EMITTED  # data never became a command


text = st.text(max_size=60)


@settings(max_examples=60, deadline=None)
@given(text, st.lists(text, max_size=7), text, text)
def test_arbitrary_unicode_names_and_addresses_give_a_well_formed_label(
    name: str, lines: list[str], carrier: str, code: str
) -> None:
    label = replace(
        sample_shipping_label(),
        ship_to=Address(name, tuple(lines)),
        ship_from=Address(code, tuple(lines[:2])),
        carrier=carrier,
        special_code=code or None,
        tracking_number=code or None,
    )
    for dpi in DPIS:
        well_formed(render_zpl(label, dpi))


@settings(max_examples=40, deadline=None)
@given(text, st.text(max_size=400))
def test_arbitrary_gift_messages_give_a_well_formed_card(name: str, message: str) -> None:
    note = replace(sample_gift_note(), to_name=name, message=message)
    well_formed(render_zpl(note))


def test_missing_fonts_fall_back_with_a_warning(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """Without DejaVu the label still prints (Pillow's own font) and the log says why."""
    monkeypatch.setattr(zpl_graphics, "REGULAR", zpl_graphics.FONT_DIR / "missing.ttf")
    monkeypatch.setattr(zpl_graphics, "BOLD", zpl_graphics.FONT_DIR / "missing-bold.ttf")
    zpl_graphics.font.cache_clear()
    zpl_graphics._warn_missing.cache_clear()
    try:
        with caplog.at_level(logging.WARNING, logger="devices.render.zpl_graphics"):
            zpl = render_zpl(sample_shipping_label())
    finally:
        zpl_graphics.font.cache_clear()
        zpl_graphics._warn_missing.cache_clear()
    assert b"^GFA," in zpl
    assert any("missing" in r.getMessage() for r in caplog.records)
    well_formed(zpl)


def test_a_reprinted_gift_note_says_so() -> None:
    note = sample_gift_note()
    assert b"REPRINT" not in render_zpl(note)
    again = render_zpl(replace(note, copy=2))
    assert b"REPRINT 2" in again
    assert draw(again, 203).size == draw(render_zpl(note), 203).size
