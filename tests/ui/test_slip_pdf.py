"""The Qt PDF packing slip: what ends up on paper for normal, gift and special orders."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import barcode
import pytest

from app.domain.documents import Address, Money, PackingSlip, SlipLine
from ui.slip_pdf import QtPdfSlipRenderer, slip_html

GREEK_NAME = "Κούπα καφέ Σαντορίνη"
GREEK_MESSAGE = "Χρόνια πολλά, Ελένη!"

ADDRESS = Address("Ελένη Παπαδοπούλου", ("Οδός Ερμού 12", "105 63 Αθήνα", "GR"))


def _lines(priced: bool) -> tuple[SlipLine, ...]:
    rows = [
        ("MUG-SANT-01", GREEK_NAME, 2, 1450),
        ("TEE-BLK-M", "T-shirt black M", 1, 2199),
        ("SOCK-3PK", "Socks, 3-pack", 3, 899),
    ]
    return tuple(
        SlipLine(sku, name, qty, price if priced else None, price * qty if priced else None)
        for sku, name, qty, price in rows
    )


def _slip(**changes: Any) -> PackingSlip:
    values: dict[str, Any] = {
        "order_number": "TO-100042",
        "channel": "webshop",
        "ship_to": ADDRESS,
        "carrier": "DHL",
        "service": "Express",
        "packed_at": datetime(2026, 11, 26, 14, 5, tzinfo=UTC),
        "packed_by": "maria",
        "station": "PACK-03",
        "lines": _lines(priced=True),
        "special": (),
        "special_code": None,
        "replaces_order_number": None,
        "gift_message": None,
        "subtotal": Money(8696, "EUR"),
        "shipping": Money(495, "EUR"),
        "tax": Money(1652, "EUR"),
        "total": Money(10843, "EUR"),
        "package_count": 1,
    }
    values.update(changes)
    return PackingSlip(**values)


NORMAL = _slip()
GIFT = _slip(
    order_number="TO-100043",
    lines=_lines(priced=False),
    special=("gift",),
    gift_message=GREEK_MESSAGE,
    subtotal=None,
    shipping=None,
    tax=None,
    total=None,
)
SPECIAL = _slip(
    order_number="TO-100044",
    special=("vip", "replacement"),
    special_code="VIP-7",
    replaces_order_number="TO-099001",
    package_count=2,
)


def _render(slip: PackingSlip, tmp_path: Path) -> Path:
    target = tmp_path / f"{slip.order_number}.pdf"
    QtPdfSlipRenderer().render_packing_slip(slip, target)
    return target


def _text(slip: PackingSlip, tmp_path: Path) -> str:
    pypdf = pytest.importorskip("pypdf", reason="pypdf is needed to read the PDF text back")
    reader = pypdf.PdfReader(_render(slip, tmp_path))
    # Qt writes word gaps that pypdf reads back as tabs or no-break spaces: compare words only.
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def test_renders_a_pdf_file(qapp: Any, tmp_path: Path) -> None:
    """A slip renders to a non-empty PDF at exactly the target path."""
    target = _render(NORMAL, tmp_path)
    assert target.read_bytes().startswith(b"%PDF-")
    assert [p.name for p in tmp_path.iterdir()] == [target.name]


def test_normal_slip_lists_order_lines_and_money(qapp: Any, tmp_path: Path) -> None:
    """A normal slip shows the order, every line with its quantity, prices and totals."""
    text = _text(NORMAL, tmp_path)
    for expected in (
        "TO-100042",
        "MUG-SANT-01",
        "TEE-BLK-M",
        "SOCK-3PK",
        GREEK_NAME,
        "Ελένη Παπαδοπούλου",
        "Αθήνα",
        "DHL",
        "Express",
        "PACK-03",
        "maria",
        "2026-11-26 14:05 UTC",
        "Packing slip",
    ):
        assert expected in text
    for price in ("€14.50", "€29.00", "€21.99", "€8.99", "€26.97"):
        assert price in text
    for total in ("€86.96", "€4.95", "€16.52", "€108.43"):
        assert total in text
    assert "Subtotal" in text and "Total" in text
    assert "GIFT" not in text and "REPLACEMENT" not in text


def test_normal_slip_shows_each_row_in_order(qapp: Any, tmp_path: Path) -> None:
    """Each table row reads SKU, name, quantity, unit price, line total."""
    text = _text(NORMAL, tmp_path)
    assert f"MUG-SANT-01 {GREEK_NAME} 2 €14.50 €29.00" in text
    assert "TEE-BLK-M T-shirt black M 1 €21.99 €21.99" in text
    assert "SOCK-3PK Socks, 3-pack 3 €8.99 €26.97" in text


def test_gift_slip_rows_have_quantities_only(qapp: Any, tmp_path: Path) -> None:
    """On a gift slip each row reads SKU, name, quantity and nothing else."""
    text = _text(GIFT, tmp_path)
    assert f"MUG-SANT-01 {GREEK_NAME} 2 TEE-BLK-M T-shirt black M 1 SOCK-3PK" in text
    assert "SOCK-3PK Socks, 3-pack 3" in text


def test_gift_slip_has_message_and_no_money(qapp: Any, tmp_path: Path) -> None:
    """A gift slip says GIFT, prints the Greek message, and shows nothing with money."""
    text = _text(GIFT, tmp_path)
    assert "GIFT" in text
    assert GREEK_MESSAGE in text
    for expected in ("TO-100043", "MUG-SANT-01", "SOCK-3PK", GREEK_NAME):
        assert expected in text
    for money in ("€", "£", "$", "14.50", "21.99", "8.99", "26.97", "108.43", "86.96"):
        assert money not in text
    for heading in ("Unit price", "Line total", "Subtotal", "Shipping", "Tax", "Total"):
        assert heading not in text


def test_gift_slip_ignores_prices_even_if_present(qapp: Any, tmp_path: Path) -> None:
    """A gift slip stays free of money even when a price slipped into the value by mistake."""
    leaky = _slip(order_number="TO-100045", special=("gift",), gift_message="Enjoy")
    text = _text(leaky, tmp_path)
    for money in ("€", "14.50", "108.43", "Total"):
        assert money not in text


def test_special_slip_shows_banner_code_and_replaced_order(qapp: Any, tmp_path: Path) -> None:
    """A VIP replacement slip shows VIP, REPLACEMENT, the replaced order and the special code."""
    text = _text(SPECIAL, tmp_path)
    assert "VIP" in text
    assert "REPLACEMENT for order TO-099001" in text
    assert "VIP-7" in text
    assert "TO-100044" in text
    assert "€108.43" in text


def test_barcode_is_a_lossless_code128_of_the_order_number(qapp: Any, tmp_path: Path) -> None:
    """The embedded barcode is stored losslessly and carries the order number's Code128 bars."""
    pypdf = pytest.importorskip("pypdf", reason="pypdf is needed to read the PDF back")
    page = pypdf.PdfReader(_render(NORMAL, tmp_path)).pages[0]
    (image,) = page.images
    stored = [x.get_object() for x in page["/Resources"]["/XObject"].values()]
    assert [x["/Filter"] for x in stored if x["/Subtype"] == "/Image"] == ["/FlateDecode"]
    gray = image.image.convert("L")
    row = [gray.getpixel((x, gray.height // 2)) < 128 for x in range(gray.width)]
    first, last = row.index(True), len(row) - row[::-1].index(True)
    px = 3  # 0.254 mm modules at 300 dpi
    bars = "".join("1" if row[x + px // 2] else "0" for x in range(first, last, px))
    assert bars == barcode.Code128(NORMAL.order_number).build()[0]


def test_values_are_html_escaped(qapp: Any) -> None:
    """Markup in a value is printed as text, never interpreted."""
    hostile = _slip(lines=(SlipLine("<b>X&Y</b>", "<img src=x>", 1, 100, 100),))
    markup = slip_html(hostile)
    assert "&lt;b&gt;X&amp;Y&lt;/b&gt;" in markup
    assert "<img src=x>" not in markup


def test_long_order_spills_onto_more_pages(qapp: Any, tmp_path: Path) -> None:
    """An order with many lines continues on further pages instead of being cut off."""
    pypdf = pytest.importorskip("pypdf", reason="pypdf is needed to read the PDF back")
    many = tuple(SlipLine(f"SKU-{i:03d}", f"Item {i}", 1, 100, 100) for i in range(120))
    reader = pypdf.PdfReader(_render(_slip(lines=many), tmp_path))
    assert len(reader.pages) > 1
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "SKU-000" in text and "SKU-119" in text


def test_missing_directory_raises(qapp: Any, tmp_path: Path) -> None:
    """Rendering into a directory that does not exist raises instead of failing silently."""
    target = tmp_path / "no" / "such" / "dir" / "slip.pdf"
    with pytest.raises(OSError):
        QtPdfSlipRenderer().render_packing_slip(NORMAL, target)
    assert not target.exists()


def test_target_that_is_a_directory_raises(qapp: Any, tmp_path: Path) -> None:
    """Rendering onto a path that cannot be opened as a file raises."""
    with pytest.raises(OSError):
        QtPdfSlipRenderer().render_packing_slip(NORMAL, tmp_path)


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write into read-only directories")
def test_unwritable_directory_raises(qapp: Any, tmp_path: Path) -> None:
    """Rendering into a read-only directory raises instead of failing silently."""
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        with pytest.raises(OSError):
            QtPdfSlipRenderer().render_packing_slip(NORMAL, locked / "slip.pdf")
    finally:
        locked.chmod(0o700)
