"""What the devices screen says about a scan, a scanner's port and a calibration."""

from __future__ import annotations

from app.scanning import Interpretation, RawScan, ScanKind
from app.tote_codes import CodeKind
from app.wedge_calibration import CalibrationRefused, Refusal
from ui.qt import translate

ZWSP = "\u200b"  # zero-width space: where a long code may wrap on screen


def breakable(text: str) -> str:
    """``text`` with wrap points around each GS1 ``(AI)`` and after each ``/``, so a long
    code wraps in a narrow column instead of widening it."""
    return text.replace("(", ZWSP + "(").replace(")", ")" + ZWSP).replace("/", "/" + ZWSP)


def scan_kind_name(kind: ScanKind) -> str:
    names = {
        ScanKind.TOTE_CODE: translate("ScannersPage", "Tote code"),
        ScanKind.GTIN: translate("ScannersPage", "Product (GTIN)"),
        ScanKind.SSCC: translate("ScannersPage", "Parcel (SSCC)"),
        ScanKind.BAD_CHECK_DIGIT: translate("ScannersPage", "Wrong check digit"),
        ScanKind.BAD_GS1: translate("ScannersPage", "Unreadable GS1 code"),
        ScanKind.TEXT: translate("ScannersPage", "Text (order number, SKU…)"),
        ScanKind.EMPTY: translate("ScannersPage", "Empty"),
    }
    return names[kind]


def code_kind_name(kind: CodeKind) -> str:
    names = {
        CodeKind.COMMAND: translate("ScannersPage", "command"),
        CodeKind.OPERATOR: translate("ScannersPage", "operator badge"),
        CodeKind.BOX: translate("ScannersPage", "box"),
        CodeKind.LOCATION: translate("ScannersPage", "location"),
        CodeKind.TOTE: translate("ScannersPage", "tote"),
    }
    return names[kind]


def port_state_text(state: str) -> str:
    texts = {
        "connected": translate("ScannersPage", "connected"),
        "connecting": translate("ScannersPage", "connecting…"),
        "disconnected": translate("ScannersPage", "not connected: check its cable"),
        "stopped": translate("ScannersPage", "stopped"),
        "": translate("ScannersPage", "not running: starts with Tote"),
    }
    return texts.get(state, state)


def refusal_text(refused: CalibrationRefused) -> str:
    texts = {
        Refusal.TOO_FEW_SCANS: translate("ScannersPage", "Scan the barcode at least 3 times."),
        Refusal.SCAN_TOO_SHORT: translate(
            "ScannersPage", "A scan was too short: scan a barcode of at least 5 characters."
        ),
        Refusal.BAD_TIMESTAMPS: translate(
            "ScannersPage", "The key times were broken. Start again."
        ),
        Refusal.INCONSISTENT: translate(
            "ScannersPage",
            "The scans do not agree: scan one barcode only, with this station's scanner, "
            "and start again.",
        ),
        Refusal.TOO_SLOW: translate(
            "ScannersPage",
            "The scanner types as slowly as a person. Set its delay between characters to "
            "its minimum, or use its serial mode, and start again.",
        ),
        Refusal.OVERLAPS_TYPING: translate(
            "ScannersPage",
            "The scanner is too close to typing speed. Set its delay between characters "
            "to its minimum, and start again.",
        ),
    }
    return texts[refused.reason]


def interpretation_rows(raw: RawScan, found: Interpretation) -> list[tuple[str, str]]:
    """What the scan is, as (label, value) rows; only the fields it has."""
    rows = [
        (translate("ScannersPage", "Kind"), scan_kind_name(found.kind)),
        (translate("ScannersPage", "Read as"), found.shown),
        (
            translate("ScannersPage", "From"),
            raw.source + (f" {raw.symbology}" if raw.symbology else ""),
        ),
    ]
    if found.gtin14:
        rows.append((translate("ScannersPage", "GTIN-14"), found.gtin14))
    if found.alt_gtin14:
        rows.append((translate("ScannersPage", "Or GTIN-14"), found.alt_gtin14))
    gs1 = found.gs1
    if gs1 is not None:
        for label, value in (
            (translate("ScannersPage", "SSCC"), gs1.sscc),
            (translate("ScannersPage", "Lot"), gs1.lot),
            (translate("ScannersPage", "Expiry"), gs1.expiry.isoformat() if gs1.expiry else None),
            (translate("ScannersPage", "Serial"), gs1.serial),
            (translate("ScannersPage", "Count"), None if gs1.count is None else str(gs1.count)),
        ):
            if value:
                rows.append((label, value))
    if found.code is not None:
        rows.append(
            (
                translate("ScannersPage", "Tote code"),
                f"{code_kind_name(found.code.kind)}: {found.code.value}",
            )
        )
    if found.problem:
        rows.append((translate("ScannersPage", "Problem"), found.problem))
    return rows
