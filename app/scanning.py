"""What a scanned string means, before any use case decides what to do with it.

GTINs (GTIN-8/12/13/14 and UPC-E) are checked with biip; GS1 element strings, their printed
"(01)…" form and GS1 Digital Link URIs are read by ``app.gs1``. Everything else is kept as
text for the use case to resolve against its own codes (order numbers, SKUs).

When a string is GS1 at all is decided before it is parsed, so that a broken GS1 code is
reported as such (``BAD_GS1`` with a sentence naming the AI) while an order number that merely
looks like an element string ("1000123456" reads as lot (10)00123456) stays text. A string
is GS1 when its AIM identifier says so (]C1, ]e0, ]d2, ]Q3, ]J1: FNC1 in first position), when
it contains a GS, when it is written "(AI)data", or when it starts with a whole (01)+14 or
(00)+18 digit key. A web address is read as a Digital Link when its path names /01/ or /00/.

Eight digits starting with 0 or 1 can be an EAN-8 (GTIN-8) or a UPC-E, whose GTIN is that of
the UPC-A it abbreviates: 01234565 is GTIN 00000001234565 as EAN-8 and 00012345000065 as
UPC-E. The AIM identifier decides when there is one: ]E4 is EAN-8, ]E0 is EAN-13/UPC-A/UPC-E
(an ]E0 scanner sends UPC-E either expanded to 13 digits, as GS1 specifies, or as its 8
digits). Without one, the check digit decides; when both readings are valid, a leading 0
prefers UPC-E (EAN-8s starting 0 are restricted in-store numbers, UPC-Es starting 0 are the
standard US/Canada small-pack code) and a leading 1 prefers EAN-8 (GS1 US issues 100-139
EAN-8s; number system 1 UPC-E is not a GS1 code). The other reading is kept as
``alt_gtin14`` so the use case can try it. biip itself prefers GTIN-8 whenever it is valid,
and with ]E0 it rejects every 8-digit UPC-E, so this choice is made here, not left to it.
"""

from __future__ import annotations

import importlib
import re
from dataclasses import dataclass
from enum import StrEnum
from types import ModuleType

from app.gs1 import GS, Gs1Data, Gs1Error, has_link_key, read_digital_link, read_element_string
from app.gs1 import read_hri as read_gs1_hri
from app.tote_codes import ToteCode, parse_tote_code

__all__ = ["GS", "Gs1Data", "Interpretation", "RawScan", "ScanKind", "interpret", "warm_up"]

_biip: ModuleType | None = None
_AIM = re.compile(r"\][A-Za-z][0-9A-Za-z]")  # "]", symbology letter, modifier
_GS1_AIMS = frozenset({"]C1", "]e0", "]d2", "]Q3", "]J1"})  # FNC1 first: GS1 data follows
_EAN_UPC_AIMS = frozenset({"]E0", "]E3"})  # EAN-13, UPC-A, UPC-E (]E3: with add-on)
_EAN8_AIM = "]E4"
_GS1_SHAPED = re.compile(r"\([0-9]{2,4}\)|01[0-9]{14}|00[0-9]{18}")  # at the body's start
_URL = re.compile(r"https?://", re.IGNORECASE)
_ISO15434 = "[)>"  # ANSI MH10.8.2 envelopes also use GS; they are not GS1 element strings


def _load_biip() -> ModuleType:
    """biip loads GS1 tables for ~100 ms: imported on first use (or by ``warm_up``), not
    on the kiosk's start-up path."""
    global _biip  # noqa: PLW0603 - a cached module, set once
    if _biip is None:
        _biip = importlib.import_module("biip")
    return _biip


def warm_up() -> None:
    """Load the parser now (the kiosk calls this on a thread once its window shows)."""
    _load_biip()


@dataclass(frozen=True, slots=True)
class RawScan:
    """One scan from any source, as read."""

    text: str
    source: str  # "wedge", "manual", "serial:/dev/ttyUSB0", ...
    symbology: str | None = None  # AIM identifier such as "]E0", when the scanner sends one
    at_ns: int = 0  # monotonic time of the first key or byte
    ended_ns: int = 0  # ... and of the last (0: unknown, take at_ns)


class ScanKind(StrEnum):
    TOTE_CODE = "tote_code"  # one of Tote's own barcodes (app.tote_codes)
    GTIN = "gtin"  # plain, or the (01) of a GS1 code (then ``gs1`` holds the rest)
    SSCC = "sscc"  # a GS1 code whose key is (00), a logistic unit: ``gs1.sscc``
    BAD_CHECK_DIGIT = "bad_check_digit"  # GTIN-length digits that fail their check digit
    BAD_GS1 = "bad_gs1"  # a GS1 code that cannot be read: ``problem`` says why
    TEXT = "text"  # anything else, including GS1 data with neither (01) nor (00)
    EMPTY = "empty"


@dataclass(frozen=True, slots=True)
class Interpretation:
    kind: ScanKind
    text: str  # the scan with surrounding whitespace and any AIM identifier removed
    gtin14: str | None = None
    code: ToteCode | None = None
    gs1: Gs1Data | None = None  # what a GS1 code carried besides its GTIN
    problem: str | None = None  # BAD_GS1, BAD_CHECK_DIGIT: one English sentence
    alt_gtin14: str | None = None  # the other valid reading of an EAN-8/UPC-E (see above)

    @property
    def shown(self) -> str:
        """The scan as an operator should see it: GS1 data in its printed (AI) form, and a
        GS, which fonts draw as nothing or a box, as <GS>."""
        if self.gs1 is not None and not self.text.lower().startswith("http"):
            return self.gs1.as_hri()
        return self.text.replace(GS, "<GS>")


def interpret(scan: RawScan) -> Interpretation:
    text = scan.text.strip(" \r\n\t")
    if scan.symbology and text and not text.startswith("]"):
        text = scan.symbology + text  # a serial scanner's AIM identifier, kept apart
    aim = text[:3] if _AIM.match(text) else None
    body = text[3:] if aim else text
    if aim in _GS1_AIMS or GS in body[:1]:
        body = body.lstrip(GS)  # FNC1 in first position, sent as GS by some scanners
    if not body:
        return Interpretation(ScanKind.EMPTY, "")
    code = parse_tote_code(body)
    if code is not None:
        return Interpretation(ScanKind.TOTE_CODE, body, code=code)
    _load_biip()  # outside any try: a missing parser must be loud, not "unknown"
    if _URL.match(body):
        return _link(body)
    if aim in _GS1_AIMS or (
        not body.startswith(_ISO15434) and (GS in body or _GS1_SHAPED.match(body))
    ):
        return _gs1(body)
    if body.isascii() and body.isdigit() and len(body) in (8, 12, 13, 14):
        return _gtin(body, aim)
    return Interpretation(ScanKind.TEXT, body)


def _gs1(body: str) -> Interpretation:
    try:
        data = read_gs1_hri(body) if body.startswith("(") else read_element_string(body)
    except Gs1Error as exc:
        return Interpretation(ScanKind.BAD_GS1, body, problem=str(exc))
    return _keyed(body, data)


def _link(body: str) -> Interpretation:
    if not has_link_key(body):
        return Interpretation(ScanKind.TEXT, body)
    try:
        data = read_digital_link(body)
    except Gs1Error as exc:
        return Interpretation(ScanKind.BAD_GS1, body, problem=str(exc))
    return _keyed(body, data)


def _keyed(body: str, data: Gs1Data) -> Interpretation:
    """(01) makes it an item, else (00) a logistic unit; without either it is just text."""
    if data.gtin14 is not None:
        return Interpretation(ScanKind.GTIN, body, data.gtin14, gs1=data)
    if data.sscc is not None:
        return Interpretation(ScanKind.SSCC, body, gs1=data)
    return Interpretation(ScanKind.TEXT, body, gs1=data)


def _gtin(digits: str, aim: str | None) -> Interpretation:
    """8, 12, 13 or 14 digits; for 8 the EAN-8/UPC-E rules in the module docstring."""
    readings: list[str | None]
    if len(digits) != 8 or aim == _EAN8_AIM:
        readings = [_as_gtin(digits)]
    elif aim in _EAN_UPC_AIMS:
        readings = [_as_upc_e(digits) if digits[0] in "01" else _as_gtin(digits)]
    elif digits[0] == "0":
        readings = [_as_upc_e(digits), _as_gtin(digits)]
    else:
        readings = [_as_gtin(digits), _as_upc_e(digits)]
    valid = [r for r in readings if r is not None]
    if not valid:
        return Interpretation(ScanKind.BAD_CHECK_DIGIT, digits, problem=_check_problem(digits))
    alt = valid[1] if len(valid) > 1 else None
    return Interpretation(ScanKind.GTIN, digits, valid[0], alt_gtin14=alt)


def _as_gtin(digits: str) -> str | None:
    from biip import ParseError
    from biip.gtin import Gtin

    try:
        return Gtin.parse(digits).as_gtin_14()
    except ParseError:
        return None


def _as_upc_e(digits: str) -> str | None:
    from biip import ParseError
    from biip.upc import Upc, UpcFormat

    try:
        upc = Upc.parse(digits)
    except ParseError:
        return None
    return upc.as_gtin_14() if upc.format is UpcFormat.UPC_E else None


def _check_problem(digits: str) -> str:
    from biip.checksums import gs1_standard_check_digit

    expected = gs1_standard_check_digit(digits[:-1])
    if len(digits) == 8 and digits[0] in "01":
        return (
            f"{digits} has a wrong check digit for EAN-8 (it should end in {expected})"
            " and for UPC-E."
        )
    return f"{digits} has a wrong check digit: it should end in {expected}."
