"""Scan interpretation: GTINs and UPC-E with check digits, GS1 element strings and Digital
Links read into fields, broken GS1 reported with a reason, everything else kept as text."""

from __future__ import annotations

import io
import random
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from urllib.parse import quote

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.scanning import GS, Interpretation, RawScan, ScanKind, interpret


def meaning(text: str, symbology: str | None = None) -> Interpretation:
    return interpret(RawScan(text, "test", symbology))


def check_digit(payload: str) -> str:
    """GS1 mod-10 check digit, written out here so the tests do not trust biip for it."""
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(payload)))
    return str(-total % 10)


def with_check(payload: str) -> str:
    return payload + check_digit(payload)


GTIN = with_check("0950110153000")  # 09501101530003, GS1's own example
SSCC = with_check("10614141123456789")  # 106141411234567896
BAD_GTIN = GTIN[:-1] + str((int(GTIN[-1]) + 1) % 10)


# --- plain GTINs (unchanged behaviour) -----------------------------------------------------


def test_gtin13_upca_gtin14_and_gtin8_normalise_to_gtin14() -> None:
    """All GTIN lengths map to one 14-digit key, so one lookup finds the product."""
    assert meaning("5901234123457").gtin14 == "05901234123457"
    assert meaning("036000291452").gtin14 == "00036000291452"
    assert meaning("15901234123454").gtin14 == "15901234123454"
    assert meaning("12345670").gtin14 == "00000012345670"


def test_aim_identifier_and_gs1_element_string_are_understood() -> None:
    """']E0' prefixes and '(01)' element strings carry the same GTIN."""
    assert meaning("]E05901234123457").gtin14 == "05901234123457"
    assert meaning("0105901234123457").gtin14 == "05901234123457"


def test_wrong_check_digit_is_a_misread_not_text() -> None:
    """A 13-digit code with a bad check digit is reported as a misread, saying what digit."""
    result = meaning("5901234123458")
    assert result.kind is ScanKind.BAD_CHECK_DIGIT
    assert result.problem is not None and "end in 7" in result.problem


def test_other_codes_stay_text_and_blank_is_empty() -> None:
    """SKUs and order numbers are text; whitespace alone is an empty scan."""
    assert (meaning(" TS-000123\r").kind, meaning(" TS-000123\r").text) == (
        ScanKind.TEXT,
        "TS-000123",
    )
    assert meaning(" \t").kind is ScanKind.EMPTY
    assert meaning("]C1").kind is ScanKind.EMPTY  # an AIM identifier and no data


def test_symbology_kept_apart_by_a_serial_scanner_is_used() -> None:
    """A GS1-128 element string whose ']C1' came separately still yields its GTIN."""
    scan = RawScan("0105901234123457\x1d10ABC", "serial:lane1", "]C1")
    result = interpret(scan)
    assert (result.kind, result.gtin14, result.text) == (
        ScanKind.GTIN,
        "05901234123457",
        "0105901234123457\x1d10ABC",
    )
    assert result.gs1 is not None and result.gs1.lot == "ABC"


# --- EAN-8 versus UPC-E -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("scan", "gtin14", "alt"),
    [
        # 01234565 is valid both as EAN-8 and as UPC-E (of UPC-A 012345000065).
        ("]E401234565", "00000001234565", None),  # ]E4: the scanner read an EAN-8
        ("]E001234565", "00012345000065", None),  # ]E0 + 8 digits: a UPC-E, unexpanded
        ("]E00012345000065", "00012345000065", None),  # ]E0 + 13: UPC-E expanded (GS1 rule)
        ("01234565", "00012345000065", "00000001234565"),  # no AIM, leading 0: UPC-E first
        ("12345670", "00000012345670", "00123456000070"),  # no AIM, leading 1: EAN-8 first
        ("04252614", "00042100005264", None),  # only valid as UPC-E
        ("]E004252614", "00042100005264", None),  # biip alone calls this a bad GTIN-8
        ("96385074", "00000096385074", None),  # leading 9: EAN-8 only
    ],
)
def test_eight_digits_are_ean8_or_upce_by_aim_then_check_digit_then_leading_digit(
    scan: str, gtin14: str, alt: str | None
) -> None:
    """The AIM identifier decides; without one the valid reading wins, and when both are
    valid the other one is offered as alt_gtin14 for the product lookup."""
    result = meaning(scan)
    assert (result.kind, result.gtin14, result.alt_gtin14) == (ScanKind.GTIN, gtin14, alt)


def test_eight_digits_valid_as_neither_are_a_misread() -> None:
    """Neither EAN-8 nor UPC-E check digit fits: the operator is told to scan again."""
    result = meaning("01234566")
    assert result.kind is ScanKind.BAD_CHECK_DIGIT
    assert result.problem is not None and "UPC-E" in result.problem


# --- GS1: the real-world table ---------------------------------------------------------------

LOT_EXPIRY = f"01{GTIN}17251231" + f"10AB-12{GS}21XYZ9"


@pytest.mark.parametrize(
    ("scan", "kind", "fields"),
    [
        (f"]C1{LOT_EXPIRY}", ScanKind.GTIN, {"lot": "AB-12", "serial": "XYZ9"}),  # GS1-128
        (f"]d2{LOT_EXPIRY}", ScanKind.GTIN, {"expiry": date(2025, 12, 31)}),  # GS1 DataMatrix
        (f"]Q3{LOT_EXPIRY}", ScanKind.GTIN, {"lot": "AB-12"}),  # GS1 QR
        (LOT_EXPIRY, ScanKind.GTIN, {"lot": "AB-12"}),  # no AIM: a GS and a leading (01) key
        (GS + LOT_EXPIRY, ScanKind.GTIN, {"serial": "XYZ9"}),  # FNC1 sent as a leading GS
        (f"]C101{GTIN}17260200", ScanKind.GTIN, {"expiry": date(2026, 2, 28)}),  # day 00
        (f"]C101{GTIN}3102001250", ScanKind.GTIN, {"net_weight_g": Decimal(12500)}),
        (f"]C101{GTIN}3105001234", ScanKind.GTIN, {"net_weight_g": Decimal("12.34")}),
        (f"]C100{SSCC}", ScanKind.SSCC, {"sscc": SSCC}),  # a pallet label
        (f"]C100{SSCC}02{GTIN}3724{GS}10L1", ScanKind.SSCC, {"count": 24, "lot": "L1"}),
        (f"00{SSCC}", ScanKind.SSCC, {"sscc": SSCC}),  # typed: a whole (00) key
        (f"(01){GTIN}(10)AB-12(17)251231", ScanKind.GTIN, {"lot": "AB-12"}),  # typed HRI
        (f"]C1(01){GTIN}(21)S1", ScanKind.GTIN, {"serial": "S1"}),  # a decoder's HRI text
        (
            f"https://id.gs1.org/01/{GTIN}/10/AB-12/21/S%2F1?17=251231&3103=000750",
            ScanKind.GTIN,
            {"lot": "AB-12", "serial": "S/1", "net_weight_g": Decimal(750)},
        ),
        (f"]Q1https://example.com/p/01/{GTIN[1:]}", ScanKind.GTIN, {}),  # 13-digit key, ]Q1
        (f"]C110ABC{GS}21S", ScanKind.TEXT, {"lot": "ABC"}),  # GS1, but no key to look up
    ],
)
def test_gs1_codes_are_read_into_fields(
    scan: str, kind: ScanKind, fields: dict[str, object]
) -> None:
    """GS1-128, DataMatrix, QR, typed (AI) text and Digital Links carry the same fields."""
    result = meaning(scan)
    assert result.kind is kind, result
    assert result.gs1 is not None
    if kind is ScanKind.GTIN:
        assert result.gtin14 == GTIN
    for name, value in fields.items():
        assert getattr(result.gs1, name) == value, name


def test_gs1_scans_are_shown_in_their_printed_form() -> None:
    """Banners and logs show (01)…(10)…, never an invisible GS; a link stays a link."""
    assert meaning(f"]C101{GTIN}10AB{GS}21C").shown == f"(01){GTIN}(10)AB(21)C"
    assert meaning(f"]C101{BAD_GTIN}10AB{GS}21C").shown == f"01{BAD_GTIN}10AB<GS>21C"
    link = f"https://id.gs1.org/01/{GTIN}"
    assert meaning(link).shown == link


@pytest.mark.parametrize(
    ("scan", "says"),
    [
        (f"]C101{GTIN}17251340", "(17) 251340 is not a valid date"),
        (f"]C101{GTIN}17250230", "(17) 250230 is not a valid date"),  # 30 February
        (f"]C101{BAD_GTIN}", f"wrong check digit: it should end in {GTIN[-1]}"),
        (f"01{BAD_GTIN}10A{GS}21B", "(01)"),  # no AIM, but a GS: GS1 all the same
        (f"]C100{SSCC[:-1]}0", "(00)"),
        (f"]C12399{GTIN}", "“2399"),  # (23) is no AI
        (f"]C101{GTIN}10{'L' * 25}", "after (10)"),  # lot over 20: a missing GS
        (f"]C101{GTIN}37{GS}10A", "(37) is empty"),
        (f"]C101{GTIN}10A{GS}10B", "(10) appears twice"),
        (f"]C1011234{GS}10A", "should be 14 digits"),
        (f"(01){GTIN}(10)A(99", "not in the GS1 form"),
        (f"(01){GTIN}(23)X", "(23) is not a GS1 application identifier"),
        (f"https://id.gs1.org/01/{BAD_GTIN}", "(01)"),
        (f"https://id.gs1.org/01/{GTIN}?17=251399", "(17) 251399 is not a valid date"),
        (f"https://id.gs1.org/01/{GTIN}/lot/ABC", "/lot/"),
    ],
)
def test_broken_gs1_is_reported_with_a_reason_not_as_text(scan: str, says: str) -> None:
    """A GS1 code that cannot be read says which AI is wrong and how."""
    result = meaning(scan)
    assert result.kind is ScanKind.BAD_GS1, result
    assert result.problem is not None and says in result.problem, result.problem


@pytest.mark.parametrize(
    "scan",
    [
        "1000123456",  # an order number that reads as lot (10)00123456
        "10ABC",
        "TS-000123",
        "https://example.com/returns",  # a web address that is no GS1 link
        "[)>\x1e06\x1dP123\x1e\x04",  # an ISO 15434 envelope also uses GS
    ],
)
def test_codes_that_merely_look_like_gs1_stay_text(scan: str) -> None:
    """Without GS1 evidence a parse failure, or a parse without a key, is plain text."""
    assert meaning(scan).kind is ScanKind.TEXT


# --- properties ------------------------------------------------------------------------------

SCANNER_ALPHABET = "0123456789()ABCXYZabc-/:%?&=]\x1d\x1e\x04 é٣"  # ٣: a non-ASCII digit


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(
        st.text(max_size=60),
        st.text(SCANNER_ALPHABET, max_size=60),
        st.builds(
            str.__add__,
            st.sampled_from(
                ["]C1", "]d2", "]Q3", "]E0", "]E4", "(01)", "01", "00", "https://x/01/"]
            ),
            st.text(SCANNER_ALPHABET, max_size=50),
        ),
    ),
    st.sampled_from([None, "]C1", "]E0", "]Q1"]),
)
def test_interpret_never_raises_on_any_text(text: str, symbology: str | None) -> None:
    """Whatever a scanner or a keyboard sends, interpretation returns a kind."""
    result = meaning(text, symbology)
    assert result.kind in set(ScanKind)
    if result.kind is ScanKind.GTIN:
        assert result.gtin14 is not None and len(result.gtin14) == 14
        assert result.gtin14.isascii() and result.gtin14.isdigit()
    if result.kind in (ScanKind.BAD_GS1, ScanKind.BAD_CHECK_DIGIT):
        assert result.problem


AI82 = st.text(  # GS1 AI encodable character set 82, as (10) and (21) allow
    st.sampled_from(
        "!\"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz"
    ),
    min_size=1,
    max_size=20,
)
TODAY = date.today()
EXPIRY = st.dates(TODAY - timedelta(days=40 * 365), TODAY + timedelta(days=40 * 365))


@dataclass(frozen=True)
class Fields:
    """What a generated GS1 code carries; None: the field is absent."""

    gtin14: str
    lot: str | None
    expiry: date | None
    serial: str | None
    count: int | None
    weight: tuple[int, int] | None  # (decimals n of AI 310n, six-digit value)

    def elements(self) -> list[tuple[str, str, bool]]:
        """(AI, value, variable length) per field: our own encoder, independent of biip."""
        out = [("01", self.gtin14, False)]
        if self.lot is not None:
            out.append(("10", self.lot, True))
        if self.expiry is not None:
            out.append(("17", self.expiry.strftime("%y%m%d"), False))
        if self.serial is not None:
            out.append(("21", self.serial, True))
        if self.count is not None:
            out.append(("37", str(self.count), True))
        if self.weight is not None:
            out.append((f"310{self.weight[0]}", f"{self.weight[1]:06d}", False))
        return out

    def check(self, result: Interpretation) -> None:
        assert (result.kind, result.gtin14) == (ScanKind.GTIN, self.gtin14), result
        assert result.gs1 is not None
        got = (result.gs1.lot, result.gs1.expiry, result.gs1.serial, result.gs1.count)
        assert got == (self.lot, self.expiry, self.serial, self.count)
        grams = None
        if self.weight is not None:
            grams = Decimal(self.weight[1]) * 1000 / 10 ** self.weight[0]
        assert result.gs1.net_weight_g == grams


def gs1_fields(lot_chars: st.SearchStrategy[str] = AI82) -> st.SearchStrategy[Fields]:
    return st.builds(
        Fields,
        gtin14=st.from_regex(r"[0-9]{13}", fullmatch=True).map(with_check),
        lot=st.none() | lot_chars,
        expiry=st.none() | EXPIRY,
        serial=st.none() | lot_chars,
        count=st.none() | st.integers(0, 99_999_999),
        weight=st.none() | st.tuples(st.integers(0, 5), st.integers(0, 999_999)),
    )


@settings(max_examples=200, deadline=None)
@given(
    fields=gs1_fields(),
    order=st.randoms(use_true_random=False),
    aim=st.sampled_from(["]C1", "]d2", "]Q3", ""]),
)
def test_element_strings_round_trip_in_any_order(
    fields: Fields, order: random.Random, aim: str
) -> None:
    """Encoded with GS after every variable-length field but the last, in any field order,
    the scan gives back every field (without an AIM the (01) key leads, as on labels)."""
    parts = fields.elements()
    head, rest = parts[:1], parts[1:]
    order.shuffle(rest)
    parts = head + rest if not aim else rest[:1] + head + rest[1:]
    text = "".join(
        ai + value + (GS if variable and i < len(parts) - 1 else "")
        for i, (ai, value, variable) in enumerate(parts)
    )
    fields.check(meaning(aim + text))


@settings(max_examples=100, deadline=None)
@given(fields=gs1_fields(st.from_regex(r"[0-9A-Za-z\-./_]{1,20}", fullmatch=True)))
def test_hri_text_round_trips(fields: Fields) -> None:
    """The printed (AI)data form, as an operator types it, gives back every field."""
    fields.check(meaning("".join(f"({ai}){value}" for ai, value, _ in fields.elements())))


@settings(max_examples=100, deadline=None)
@given(fields=gs1_fields())
def test_digital_link_round_trips(fields: Fields) -> None:
    """Key and qualifiers in the path (percent-encoded), the rest in the query string."""
    parts = {ai: value for ai, value, _ in fields.elements()}
    path = f"/01/{parts.pop('01')}"
    for qualifier in ("10", "21"):  # the order the Digital Link standard fixes
        if qualifier in parts:
            path += f"/{qualifier}/{quote(parts.pop(qualifier), safe='')}"
    query = "&".join(f"{ai}={value}" for ai, value in parts.items())
    fields.check(meaning(f"https://id.gs1.org{path}{'?' + query if query else ''}"))


# --- a real barcode, rendered and decoded --------------------------------------------------


def test_gs1_128_rendered_by_python_barcode_and_decoded_by_zxing_is_understood() -> None:
    """python-barcode's GS1-128 (FNC1 as '\\xf1' between fields) decoded by zxing-cpp, in
    both its HRI text and its plain form with GS, reads as the GTIN with lot and expiry."""
    barcode = pytest.importorskip("barcode")
    zxingcpp = pytest.importorskip("zxingcpp")
    from barcode.writer import ImageWriter
    from PIL import Image

    data = f"01{GTIN}17271130" + "10LOT-7\xf121SN42"
    png = io.BytesIO()
    barcode.get_barcode_class("gs1_128")(data, writer=ImageWriter()).write(
        png, options={"write_text": False}
    )
    image = Image.open(io.BytesIO(png.getvalue()))
    decoded = [
        zxingcpp.read_barcodes(image, text_mode=mode)[0]
        for mode in (zxingcpp.TextMode.HRI, zxingcpp.TextMode.Plain)
    ]
    assert decoded[0].symbology_identifier == "]C1"
    assert GS in decoded[1].text  # the FNC1 between lot and serial
    for read in decoded:
        result = meaning(read.symbology_identifier + read.text)
        assert (result.kind, result.gtin14) == (ScanKind.GTIN, GTIN), read.text
        assert result.gs1 is not None
        assert (result.gs1.lot, result.gs1.serial, result.gs1.expiry) == (
            "LOT-7",
            "SN42",
            date(2027, 11, 30),
        )
