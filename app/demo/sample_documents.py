"""One example of every printable document, for test prints, previews and benchmarks.

Names and addresses include Greek, because a station in Greece prints them every day and a
printer or font that cannot is found at setup, not on the first real order.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from app.domain.documents import Address, Money, PackingSlip, SlipLine
from app.domain.labels import Document, GiftNote, LocationLabel, ShippingLabel, ToteLabel
from app.domain.sscc import make_sscc, station_serial

DEMO_COMPANY_PREFIX = "0614141"  # GS1's own example prefix, never a real company's
WAREHOUSE = Address("Tote Demo Warehouse", ("Λεωφόρος Αθηνών 112", "10442 Αθήνα", "GR"))
CUSTOMER = Address(
    "Γιώργος Παπαδόπουλος", ("Οδός Ερμού 25", "Διαμέρισμα 3", "54624 Θεσσαλονίκη", "GR")
)


def sample_shipping_label(copy: int = 1) -> ShippingLabel:
    return ShippingLabel(
        order_number="SO-100042",
        ship_from=WAREHOUSE,
        ship_to=CUSTOMER,
        carrier="ACS",
        service="Express",
        tracking_number="1Z999AA10123456784",
        sscc=make_sscc(0, DEMO_COMPANY_PREFIX, station_serial(DEMO_COMPANY_PREFIX, 1, 42)),
        package_number=1,
        package_count=2,
        weight_g=2350,
        dimensions_mm=(400, 300, 200),
        ship_by=date(2026, 11, 27),
        special=("gift",),
        special_code="GFT-7Q3K9",
        copy=copy,
    )


def sample_gift_note() -> GiftNote:
    return GiftNote(
        order_number="SO-100042",
        to_name="Γιώργος",
        message="Χρόνια πολλά! Happy name day, with love from Maria.",
        special_code="GFT-7Q3K9",
    )


def sample_packing_slip() -> PackingSlip:
    lines = (
        SlipLine("TS-000123", "Κούπα κεραμική 350 ml", 2, 850, 1700),
        SlipLine("TS-000456", "Steel water bottle 0.75 l", 1, 1990, 1990),
    )
    return PackingSlip(
        order_number="SO-100042",
        channel="web",
        ship_to=CUSTOMER,
        carrier="ACS",
        service="Express",
        packed_at=datetime(2026, 11, 26, 10, 30, tzinfo=UTC),
        packed_by="OP-001",
        station="PACK-01",
        lines=lines,
        special=(),
        special_code=None,
        replaces_order_number=None,
        gift_message=None,
        subtotal=Money(3690, "EUR"),
        shipping=Money(450, "EUR"),
        tax=Money(886, "EUR"),
        total=Money(5026, "EUR"),
        package_count=1,
    )


def sample_tote_label() -> ToteLabel:
    return ToteLabel("T-0042")


def sample_location_label() -> LocationLabel:
    return LocationLabel("A-03-12-2-1", "A", 3, 12, 2, 1)


def all_samples() -> tuple[Document, ...]:
    return (
        sample_packing_slip(),
        sample_shipping_label(),
        sample_gift_note(),
        sample_tote_label(),
        sample_location_label(),
    )
