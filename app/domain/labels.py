"""Labels and notes: what goes on them is decided here, how they are drawn in the renderers.

Like ``app.domain.documents``, these are plain immutable values; a renderer (ZPL, ESC/POS,
PDF/PNG) must not look anything up. Barcode contents are given exactly as they must be
encoded, so every renderer prints the same code.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app.domain.documents import Address, PackingSlip
from app.domain.sscc import is_valid_sscc
from app.tote_codes import CodeKind, encode

SSCC_AI = "00"


@dataclass(frozen=True, slots=True)
class ShippingLabel:
    """A 4x6 in carrier label for one package of an order."""

    order_number: str
    ship_from: Address
    ship_to: Address
    carrier: str
    service: str
    tracking_number: str | None  # printed as Code128 when the carrier gave one
    sscc: str  # 18 digits, printed as GS1-128 with AI (00)
    package_number: int
    package_count: int
    weight_g: int | None
    dimensions_mm: tuple[int, int, int] | None  # outer length, width, height
    ship_by: date | None
    special: tuple[str, ...] = ()  # "gift", "vip", "replacement"
    special_code: str | None = None
    copy: int = 1  # 2 and more: a reprint, marked as such on the label

    def __post_init__(self) -> None:
        if not is_valid_sscc(self.sscc):
            raise ValueError(f"not a valid SSCC: {self.sscc!r}")
        if not 1 <= self.package_number <= self.package_count:
            raise ValueError("package number out of range")

    @property
    def sscc_element_string(self) -> str:
        """The GS1 element string without FNC1: ``00`` + the 18 digits."""
        return SSCC_AI + self.sscc

    @property
    def sscc_hri(self) -> str:
        """Human-readable form under the barcode: ``(00) 1 0614141 123456789 7`` style."""
        return f"({SSCC_AI}) {self.sscc}"


@dataclass(frozen=True, slots=True)
class GiftNote:
    """A card for the box of a gift order: the message, never a price."""

    order_number: str
    to_name: str
    message: str
    special_code: str | None
    copy: int = 1  # 2 and more: a reprint, marked as such


@dataclass(frozen=True, slots=True)
class ToteLabel:
    """The label on a tote or cart slot; scanning it selects the tote."""

    tote_code: str

    @property
    def barcode(self) -> str:
        return encode(CodeKind.TOTE, self.tote_code)


@dataclass(frozen=True, slots=True)
class LocationLabel:
    """A bin label; the big text is what a picker reads from a distance."""

    location_code: str  # zone-aisle-bay-level-position, e.g. A-03-12-2-1
    zone: str
    aisle: int
    bay: int
    level: int
    position: int

    @property
    def barcode(self) -> str:
        return encode(CodeKind.LOCATION, self.location_code)


Document = PackingSlip | ShippingLabel | GiftNote | ToteLabel | LocationLabel


def document_kind(document: Document) -> str:
    """The name used in print-job rows and printer routing."""
    return {
        PackingSlip: "packing_slip",
        ShippingLabel: "shipping_label",
        GiftNote: "gift_note",
        ToteLabel: "tote_label",
        LocationLabel: "location_label",
    }[type(document)]
