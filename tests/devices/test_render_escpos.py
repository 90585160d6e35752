"""ESC/POS receipts read back by emupos: its tokenizer, its print model, its text dump and PNG.

emupos is an independent ESC/POS emulator (in-process here, through its internals). Greek
needs a profile with code page 14 = PC737: the built-in ones lack it. Its PNG then shows
placeholder glyphs for Greek (emupos has no PC737 glyph table), so Greek is checked in the
text dump and barcodes in the PNG.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, replace

import pytest
import zxingcpp
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image

pytest.importorskip("emupos", reason="emupos (the ESC/POS emulator) needs Python >= 3.13")

from emupos.config import PrinterProfile
from emupos.printer.escpos.model import PrintModel
from emupos.printer.escpos.tokenizer import Command, Text, Token, Tokenizer, Unknown

from app.demo.sample_documents import (
    sample_gift_note,
    sample_location_label,
    sample_packing_slip,
    sample_tote_label,
)
from app.domain.documents import Address, Money, PackingSlip
from devices.render.escpos_receipt import (
    PAPER_58,
    PAPER_80,
    Paper,
    ReceiptFormat,
    render_escpos,
)

CODE_PAGES = {0: "PC437", 14: "PC737", 47: "WPC1253"}


@dataclass(frozen=True)
class Printed:
    tokens: list[Token]
    text: str
    image: Image.Image

    @property
    def commands(self) -> list[str]:
        return [t.name for t in self.tokens if isinstance(t, Command)]


def emulate(data: bytes, paper: Paper = PAPER_80) -> Printed:
    profile = PrinterProfile.model_validate(
        {
            "type": "printer",
            "name": "TM-T20II with its Greek code pages",
            "dpi": 203,
            "width_dots": paper.dots,
            "font_a": {"width": 12, "height": 24},
            "font_b": {"width": 9, "height": 17},
            "code_pages": CODE_PAGES,
            "default_code_page": 0,
            "drawer_sensor_open_level": "high",
        }
    )
    tokens = Tokenizer().feed(data)
    model = PrintModel("test", profile)
    for token in tokens:
        model.process(token)  # GS V is "unknown" in-process: cutting is the device's job
    receipt = model.finish("cut")
    assert receipt is not None
    return Printed(tokens, receipt.text, Image.open(io.BytesIO(receipt.png)))


def gift_slip(**changes: object) -> PackingSlip:
    slip = sample_packing_slip()
    lines = tuple(replace(x, unit_price_cents=None, line_total_cents=None) for x in slip.lines)
    gift = replace(
        slip,
        special=("gift",),
        special_code="GFT-7Q3K9",
        gift_message="Χρόνια πολλά! Με αγάπη, Μαρία",
        lines=lines,
        subtotal=None,
        shipping=None,
        tax=None,
        total=None,
    )
    return replace(gift, **changes)  # type: ignore[arg-type]


def test_stream_starts_with_init_then_selects_the_greek_code_page() -> None:
    data = render_escpos(sample_packing_slip())
    assert data.startswith(b"\x1b\x40\x1b\x74\x0e")  # ESC @, ESC t 14 (CP737)
    printed = emulate(data)
    assert printed.commands[:2] == ["ESC @", "ESC t"]
    assert printed.commands.count("ESC @") == 1 and printed.commands.count("ESC t") == 1
    assert printed.commands[-2:] == ["ESC d", "GS V"]  # feed past the cutter, then cut
    assert not [t for t in printed.tokens if isinstance(t, Unknown)]


def test_packing_slip_commands_are_only_text_styles_barcode_and_cut() -> None:
    printed = emulate(render_escpos(sample_packing_slip()))
    assert set(printed.commands) == {
        *("ESC @", "ESC t", "ESC E", "ESC a", "GS !", "LF"),
        *("GS h", "GS w", "GS f", "GS H", "GS k"),  # barcode height, width, HRI font/position
        *("ESC d", "GS V"),
    }
    assert printed.commands.count("GS k") == 1


def test_packing_slip_text_has_order_lines_totals_and_greek() -> None:
    slip = sample_packing_slip()
    text = emulate(render_escpos(slip)).text
    for expected in (slip.order_number, "[barcode CODE128 SO-100042]", "Κούπα κεραμική 350 ml"):
        assert expected in text
    assert "Γιώργος Παπαδόπουλος" in text and "54624 Θεσσαλονίκη" in text
    assert re.search(r"2\s+Κούπα κεραμική 350 ml\s+17\.00", text)
    assert "TS-000456 @ 19.90" in text
    for label, amount in (("Subtotal", "36.90"), ("Tax", "8.86"), ("TOTAL", "50.26")):
        assert re.search(rf"{label}\s+{amount} EUR", text)  # no € in CP737: the ISO code


@pytest.mark.parametrize("paper", [PAPER_80, PAPER_58], ids=["80mm", "58mm"])
@pytest.mark.parametrize(
    ("document", "code"),
    [
        (sample_packing_slip(), "SO-100042"),
        (sample_tote_label(), "TOTE:T-0042"),
        (sample_location_label(), "LOC:A-03-12-2-1"),
    ],
    ids=["slip", "tote", "location"],
)
def test_code128_decodes_from_the_printed_receipt(
    document: object, code: str, paper: Paper
) -> None:
    """On 58 mm the location code is too wide for a native barcode and goes sideways."""
    data = render_escpos(document, ReceiptFormat(paper=paper))  # type: ignore[arg-type]
    printed = emulate(data, paper)
    assert printed.image.width == paper.dots
    assert [b.text for b in zxingcpp.read_barcodes(printed.image)] == [code]


@pytest.mark.parametrize("paper", [PAPER_80, PAPER_58], ids=["80mm", "58mm"])
def test_no_line_is_wider_than_the_paper(paper: Paper) -> None:
    long_name = replace(sample_packing_slip().ship_to, name="Αικατερίνη " * 8)
    for document in (replace(sample_packing_slip(), ship_to=long_name), sample_gift_note()):
        data = render_escpos(document, ReceiptFormat(paper=paper))
        lines = emulate(data, paper).text.splitlines()
        assert max(len(line) for line in lines) <= paper.columns


@pytest.mark.parametrize(
    "slip",
    [gift_slip(), gift_slip(subtotal=Money(3690, "EUR"), total=Money(5026, "EUR"))],
    ids=["gift", "gift-with-stray-money"],
)
def test_gift_slip_shows_no_price_or_currency(slip: PackingSlip) -> None:
    """Even if money values slipped into a gift slip, none is printed."""
    text = emulate(render_escpos(slip)).text
    assert "GIFT" in text and "GFT-7Q3K9" in text and "Χρόνια πολλά! Με αγάπη, Μαρία" in text
    amounts = ("8.50", "17.00", "19.90", "36.90", "4.50", "8.86", "50.26")
    assert not [a for a in amounts if a in text]
    assert not re.search(r"EUR|€|TOTAL|Subtotal|Tax|@", text)


def test_gift_note_prints_the_message_and_never_a_price() -> None:
    note = sample_gift_note()
    text = emulate(render_escpos(note)).text
    assert "Γιώργος" in text and "Χρόνια πολλά!" in text and "Order SO-100042" in text
    assert not re.search(r"\d\.\d\d|EUR|€", text)


def test_code_page_is_a_setting_cp1253_also_has_the_euro_sign() -> None:
    data = render_escpos(sample_packing_slip(), ReceiptFormat(code_page="CP1253"))
    assert data.startswith(b"\x1b\x40\x1b\x74\x2f")  # ESC t 47
    text = emulate(data).text
    assert "Γιώργος Παπαδόπουλος" in text and re.search(r"TOTAL\s+€50\.26", text)


def test_reprints_say_so_and_first_prints_do_not() -> None:
    assert "REPRINT" not in emulate(render_escpos(sample_packing_slip())).text
    reprint = replace(sample_packing_slip(), copy=2)
    assert "*** REPRINT 2 ***" in emulate(render_escpos(reprint)).text


def test_unknown_code_page_is_refused() -> None:
    with pytest.raises(ValueError, match="CP999"):
        render_escpos(sample_packing_slip(), ReceiptFormat(code_page="CP999"))


def test_characters_the_code_page_lacks_degrade_to_one_column_each() -> None:
    """Accents drop to the base letter, € to EUR, the rest to ?; Greek is untouched."""
    address = Address("Zoë Müller 李", ("Straße 1 – Ωμέγα",))
    text = emulate(render_escpos(replace(sample_packing_slip(), ship_to=address))).text
    assert "Zoe Muller ?" in text and "Stra?e 1 - Ωμέγα" in text


def test_rendering_writes_nothing_to_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    """python-escpos's barcode() print()s to stdout; the renderer must not."""
    render_escpos(sample_packing_slip())
    assert capsys.readouterr().out == ""


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=80), st.lists(st.text(max_size=60), max_size=6), st.text(max_size=30))
def test_arbitrary_unicode_never_breaks_the_stream(name: str, lines: list[str], order: str) -> None:
    slip = replace(sample_packing_slip(), ship_to=Address(name, tuple(lines)), order_number=order)
    for paper in (PAPER_80, PAPER_58):
        data = render_escpos(slip, ReceiptFormat(paper=paper))
        printed = emulate(data, paper)
        assert printed.commands[:2] == ["ESC @", "ESC t"] and printed.commands[-1] == "GS V"
        assert printed.commands.count("ESC @") == 1 and printed.commands.count("ESC t") == 1
        assert not [t for t in printed.tokens if isinstance(t, Unknown)]
        assert all(b >= 0x20 for t in printed.tokens if isinstance(t, Text) for b in t.data)
