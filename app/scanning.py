"""What a scanned string means, before any use case decides what to do with it.

GTINs (GTIN-8/12/13/14, with or without an AIM symbology identifier, or inside a GS1 element
string) are read with biip, which checks the check digit. Everything else is kept as text
for the use case to resolve against its own codes (order numbers, SKUs).
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from enum import StrEnum
from types import ModuleType

from app.tote_codes import ToteCode, parse_tote_code

GS = "\x1d"
_biip: ModuleType | None = None


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
    GTIN = "gtin"
    BAD_CHECK_DIGIT = "bad_check_digit"
    TEXT = "text"
    EMPTY = "empty"


@dataclass(frozen=True, slots=True)
class Interpretation:
    kind: ScanKind
    text: str  # the scan with surrounding whitespace and any AIM identifier removed
    gtin14: str | None = None
    code: ToteCode | None = None


def _digits_only_gtin_length(text: str) -> bool:
    return text.isdigit() and len(text) in (8, 12, 13, 14)


def interpret(scan: RawScan) -> Interpretation:
    text = scan.text.strip(" \r\n\t")
    if scan.symbology and text and not text.startswith("]"):
        text = scan.symbology + text  # a serial scanner's AIM identifier, kept apart
    body = text[3:] if text.startswith("]") and len(text) > 3 else text  # drop AIM id
    if not body:
        return Interpretation(ScanKind.EMPTY, "")
    code = parse_tote_code(body)
    if code is not None:
        return Interpretation(ScanKind.TOTE_CODE, body, code=code)
    biip = _load_biip()  # outside the try: a missing parser must be loud, not "unknown"
    try:
        result = biip.parse(text, config=biip.ParseConfig(separator_chars=[GS]))
    except Exception:  # biip 5.2 raises IndexError on "]" alone: garbage is just text
        return Interpretation(ScanKind.TEXT, body)
    if result.gtin is not None:
        return Interpretation(ScanKind.GTIN, body, result.gtin.as_gtin_14())
    if _digits_only_gtin_length(body) and result.gtin_error:
        return Interpretation(ScanKind.BAD_CHECK_DIGIT, body)
    return Interpretation(ScanKind.TEXT, body)
