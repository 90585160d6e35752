"""Scan interpretation: GTINs by biip with check digits, everything else kept as text."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from app.scanning import RawScan, ScanKind, interpret


def meaning(text: str):  # type: ignore[no-untyped-def]
    return interpret(RawScan(text, "test"))


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
    """A 13-digit code with a bad check digit is reported as a misread."""
    assert meaning("5901234123458").kind is ScanKind.BAD_CHECK_DIGIT


def test_other_codes_stay_text_and_blank_is_empty() -> None:
    """SKUs and order numbers are text; whitespace alone is an empty scan."""
    assert (meaning(" TS-000123\r").kind, meaning(" TS-000123\r").text) == (
        ScanKind.TEXT,
        "TS-000123",
    )
    assert meaning(" \t").kind is ScanKind.EMPTY


@given(st.text(max_size=60))
def test_interpret_never_raises_on_any_text(text: str) -> None:
    """Whatever a scanner or a keyboard sends, interpretation returns a kind."""
    result = meaning(text)
    assert result.kind in set(ScanKind)
    if result.kind is ScanKind.GTIN:
        assert result.gtin14 is not None and len(result.gtin14) == 14


def test_symbology_kept_apart_by_a_serial_scanner_is_used() -> None:
    """A GS1-128 element string whose ']C1' came separately still yields its GTIN."""
    scan = RawScan("0105901234123457\x1d10ABC", "serial:lane1", "]C1")
    result = interpret(scan)
    assert (result.kind, result.gtin14, result.text) == (
        ScanKind.GTIN,
        "05901234123457",
        "0105901234123457\x1d10ABC",
    )
