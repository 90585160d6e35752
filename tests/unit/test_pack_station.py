"""Scan-to-verify packing use cases on a real SQLite store."""

from __future__ import annotations

import json

from sqlalchemy import func, select, text

from app.domain.reasons import Reason
from app.domain.sscc import make_sscc
from app.scanning import RawScan
from app.store.open import Store
from app.store.tables import AuditEntry, Order, OutboxEvent, Package, PackageContent, PrintJob
from app.usecases.pack_station import PackStation
from app.usecases.results import Outcome
from tests.conftest import CTX
from tests.factories import (
    KETTLE_GTIN13,
    LAMP_GTIN13,
    MUG_CASE_GTIN14,
    MUG_GTIN13,
    MUG_UPC12,
    STRAY_GTIN13,
    Catalogue,
    add_order,
)


def scan(station: PackStation, code: str):  # type: ignore[no-untyped-def]
    return station.scan(RawScan(code, "test"))


def snapshot(store: Store) -> tuple[object, ...]:
    """Everything a scan may change, to prove a refused scan changed nothing."""
    with store.sessions() as s:
        return (
            s.execute(text("SELECT * FROM orders ORDER BY id")).all(),
            s.execute(text("SELECT * FROM order_lines ORDER BY id")).all(),
            s.execute(text("SELECT * FROM packages ORDER BY id")).all(),
            s.execute(text("SELECT * FROM package_contents ORDER BY id")).all(),
            s.execute(text("SELECT * FROM audit_log ORDER BY id")).all(),
            s.execute(text("SELECT * FROM outbox ORDER BY id")).all(),
            s.execute(text("SELECT * FROM stations ORDER BY id")).all(),
            s.execute(text("SELECT * FROM local_sequence")).all(),
        )


def make_order(store: Store, cat: Catalogue, number: str = "SO-1", **kw: object) -> None:
    with store.sessions.begin() as s:
        add_order(s, number, [(cat.mug, 2), (cat.lamp, 1)], **kw)  # type: ignore[arg-type]


def test_scanning_an_order_opens_it_with_its_lines(
    store: Store, catalogue: Catalogue, station: PackStation
) -> None:
    """GIVEN an open order WHEN its number is scanned THEN its lines show, nothing packed."""
    make_order(store, catalogue)
    result = scan(station, "SO-1")
    assert result.outcome is Outcome.ORDER_OPENED
    assert result.view is not None
    assert [(x.sku, x.qty_ordered, x.qty_packed) for x in result.view.lines] == [
        ("TS-MUG", 2, 0),
        ("TS-LAMP", 1, 0),
    ]
    assert result.view.lines[0].location_code == "A-01-01-1-1"
    assert station.current() == result.view


def test_typed_order_number_is_case_insensitive(
    store: Store, catalogue: Catalogue, station: PackStation
) -> None:
    """An operator typing 'so-1' opens SO-1."""
    make_order(store, catalogue)
    assert scan(station, "so-1").outcome is Outcome.ORDER_OPENED


def test_items_by_gtin13_upc_and_sku_complete_the_order(
    store: Store, catalogue: Catalogue, station: PackStation
) -> None:
    """GTIN-13, UPC-A and SKU all count; the last unit packs the order and queues a slip."""
    make_order(store, catalogue)
    scan(station, "SO-1")
    assert scan(station, MUG_GTIN13).outcome is Outcome.ITEM_PACKED
    assert scan(station, MUG_UPC12).outcome is Outcome.ITEM_PACKED
    done = scan(station, "ts-lamp")
    assert done.outcome is Outcome.ORDER_PACKED
    assert len(done.print_job_ids) == 2  # its packing slip and its shipping label
    assert station.current() is None
    with store.sessions() as s:
        order = s.execute(select(Order).where(Order.number == "SO-1")).scalar_one()
        assert order.status == "packed"
        assert order.packed_by == CTX.operator_code
        package = s.execute(select(Package).where(Package.order_id == order.id)).scalar_one()
        assert package.status == "closed"
        contents = s.execute(select(PackageContent.qty)).scalars().all()
        assert sorted(contents) == [1, 2]
        types = s.execute(select(OutboxEvent.type).order_by(OutboxEvent.seq)).scalars().all()
        assert types == [
            "PackStarted",
            "ItemPacked",
            "ItemPacked",
            "ItemPacked",
            "OrderPacked",
            "PackageClosed",
        ]
        packed = json.loads(
            s.execute(
                select(OutboxEvent.payload).where(OutboxEvent.type == "OrderPacked")
            ).scalar_one()
        )
        assert packed["packages"] == [
            {
                "number": 1,
                "contents": [
                    {"line_no": 1, "sku": "TS-MUG", "quantity": 2},
                    {"line_no": 2, "sku": "TS-LAMP", "quantity": 1},
                ],
            }
        ]
        jobs = s.execute(select(PrintJob.status, PrintJob.kind).order_by(PrintJob.id)).all()
        assert [tuple(j) for j in jobs] == [
            ("pending", "packing_slip"),
            ("pending", "shipping_label"),
        ]


def test_wrong_item_scan_changes_nothing(
    store: Store, catalogue: Catalogue, station: PackStation
) -> None:
    """A known product that is not in the order is refused and writes nothing."""
    make_order(store, catalogue)
    scan(station, "SO-1")
    before = snapshot(store)
    result = scan(station, KETTLE_GTIN13)
    assert result.outcome is Outcome.REFUSED
    assert result.reason is Reason.WRONG_ITEM
    assert result.params["sku"] == "TS-KETTLE"
    assert snapshot(store) == before


def test_over_pack_is_refused_and_changes_nothing(
    store: Store, catalogue: Catalogue, station: PackStation
) -> None:
    """A third mug for a line of two is an over-pack."""
    with store.sessions.begin() as s:
        add_order(s, "SO-1", [(catalogue.mug, 1), (catalogue.lamp, 1)])
    scan(station, "SO-1")
    scan(station, MUG_GTIN13)
    before = snapshot(store)
    result = scan(station, MUG_GTIN13)
    assert (result.outcome, result.reason) == (Outcome.REFUSED, Reason.OVER_PACK)
    assert result.params["ordered"] == 1
    assert snapshot(store) == before


def test_unknown_and_misread_barcodes_change_nothing(
    store: Store, catalogue: Catalogue, station: PackStation
) -> None:
    """An unknown code and a GTIN with a wrong check digit are refused with their reasons."""
    make_order(store, catalogue)
    scan(station, "SO-1")
    before = snapshot(store)
    assert scan(station, "NOT-A-THING").reason is Reason.UNKNOWN_BARCODE
    assert scan(station, "2000000000016").reason is Reason.BAD_CHECK_DIGIT
    assert scan(station, "   ").reason is Reason.EMPTY_SCAN
    assert snapshot(store) == before


def test_gs1_scans_pack_by_their_gtin_and_keep_lot_serial_and_expiry(
    store: Store, catalogue: Catalogue, station: PackStation
) -> None:
    """A GS1 DataMatrix with (01) GTIN, (17) expiry, (10) lot and (21) serial packs the item
    and the audit row keeps what the code said about that unit."""
    make_order(store, catalogue)
    scan(station, "SO-1")
    code = f"]d201{MUG_GTIN13.zfill(14)}17271130" + "10LOT42\x1d21SN0001"
    result = station.scan(RawScan(code, "test"))
    assert result.outcome is Outcome.ITEM_PACKED
    with store.sessions() as s:
        detail = json.loads(
            s.execute(
                select(AuditEntry.detail).where(AuditEntry.action == "item_packed")
            ).scalar_one()
        )
    assert (detail["lot"], detail["serial"]) == ("LOT42", "SN0001")
    assert detail["expiry"] == "2027-11-30"


def test_carton_labels_and_unreadable_gs1_codes_are_refused_with_their_reason(
    store: Store, catalogue: Catalogue, station: PackStation
) -> None:
    """An SSCC is a carton, not an item; a GS1 code with an impossible date says so."""
    make_order(store, catalogue)
    scan(station, "SO-1")
    before = snapshot(store)
    carton = scan(station, "]C100" + make_sscc(1, "0614141", 1234567))
    assert carton.reason is Reason.CARTON_LABEL
    bad = scan(station, f"]C101{MUG_GTIN13.zfill(14)}17271340")
    assert bad.reason is Reason.BAD_GS1 and bad.params["problem"]
    assert snapshot(store) == before


def test_case_gtin14_packs_whole_case_or_refuses(
    store: Store, catalogue: Catalogue, station: PackStation
) -> None:
    """A case of 6 packs 6 units when 6 are needed, and is refused when fewer are."""
    with store.sessions.begin() as s:
        add_order(s, "SO-6", [(catalogue.mug, 6)])
        add_order(s, "SO-2", [(catalogue.mug, 2)])
    scan(station, "SO-2")
    refused = scan(station, MUG_CASE_GTIN14)
    assert refused.reason is Reason.CASE_EXCEEDS_REMAINING
    assert dict(refused.params) | {} == {
        "sku": "TS-MUG",
        "name": "Κούπα κεραμική 350 ml",
        "units": 6,
        "remaining": 2,
    }
    station.leave_order()
    scan(station, "SO-6")
    assert scan(station, MUG_CASE_GTIN14).outcome is Outcome.ORDER_PACKED


def test_item_scanned_with_no_order_open_asks_for_the_order(
    store: Store, catalogue: Catalogue, station: PackStation
) -> None:
    """Scanning a product first is refused with 'scan the order first'."""
    assert scan(station, LAMP_GTIN13).reason is Reason.NO_ORDER_OPEN
    assert scan(station, "SO-404").reason is Reason.ORDER_NOT_FOUND


def test_other_order_while_packing_is_refused(
    store: Store, catalogue: Catalogue, station: PackStation
) -> None:
    """A second order barcode does not silently switch orders."""
    make_order(store, catalogue, "SO-1")
    make_order(store, catalogue, "SO-2")
    scan(station, "SO-1")
    result = scan(station, "SO-2")
    assert result.reason is Reason.ANOTHER_ORDER_OPEN
    assert result.params == {"order": "SO-1", "other": "SO-2"}
    assert scan(station, "SO-1").outcome is Outcome.ORDER_RESUMED


def test_put_aside_keeps_scans_and_resumes(
    store: Store, catalogue: Catalogue, station: PackStation
) -> None:
    """Leaving an order keeps its confirmed scans; scanning it again resumes them."""
    make_order(store, catalogue)
    scan(station, "SO-1")
    scan(station, MUG_GTIN13)
    station.leave_order()
    assert station.current() is None
    resumed = scan(station, "SO-1")
    assert resumed.outcome is Outcome.ORDER_RESUMED
    assert resumed.view is not None
    assert resumed.view.units_packed == 1
    with store.sessions() as s:
        starts = s.execute(
            select(func.count()).select_from(OutboxEvent).where(OutboxEvent.type == "PackStarted")
        ).scalar_one()
        assert starts == 1


def test_packed_order_cannot_be_packed_again(
    store: Store, catalogue: Catalogue, station: PackStation
) -> None:
    """Scanning a packed order is refused, so no order is packed twice."""
    with store.sessions.begin() as s:
        add_order(s, "SO-1", [(catalogue.lamp, 1)])
    scan(station, "SO-1")
    scan(station, LAMP_GTIN13)
    assert scan(station, "SO-1").reason is Reason.ORDER_ALREADY_PACKED


def test_cancelled_order_is_refused(
    store: Store, catalogue: Catalogue, station: PackStation
) -> None:
    """A cancelled order is not opened."""
    make_order(store, catalogue)
    with store.sessions.begin() as s:
        s.execute(text("UPDATE orders SET status='cancelled'"))
    assert scan(station, "SO-1").reason is Reason.ORDER_CANCELLED


def test_every_audit_row_and_event_carries_station_operator_and_sequence(
    store: Store, catalogue: Catalogue, station: PackStation
) -> None:
    """Audit rows and outbox events share one gap-free local sequence and carry who/where."""
    make_order(store, catalogue)
    for code in ("SO-1", MUG_GTIN13, STRAY_GTIN13, MUG_GTIN13, LAMP_GTIN13):
        scan(station, code)
    with store.sessions() as s:
        audits = s.execute(select(AuditEntry)).scalars().all()
        events = s.execute(select(OutboxEvent)).scalars().all()
    seqs = sorted([a.seq for a in audits] + [e.seq for e in events])
    assert seqs == list(range(1, len(seqs) + 1))
    for row in [*audits, *events]:
        assert (row.station_code, row.operator_code) == (CTX.station_code, CTX.operator_code)
    assert len({e.event_id for e in events}) == len(events)


def test_audit_log_refuses_updates_and_deletes(
    store: Store, catalogue: Catalogue, station: PackStation
) -> None:
    """The audit log is append-only at the database level."""
    make_order(store, catalogue)
    scan(station, "SO-1")
    import pytest
    import sqlalchemy.exc

    with (
        pytest.raises(sqlalchemy.exc.DatabaseError, match="append-only"),
        store.sessions.begin() as s,
    ):
        s.execute(text("UPDATE audit_log SET action='x'"))
    with (
        pytest.raises(sqlalchemy.exc.DatabaseError, match="append-only"),
        store.sessions.begin() as s,
    ):
        s.execute(text("DELETE FROM audit_log"))


def test_numeric_order_numbers_and_skus_of_gtin_length_still_work(
    store: Store, catalogue: Catalogue, station: PackStation
) -> None:
    """Order '12345678' and SKU '100000000001' are not GTINs (bad check digits): they are
    looked up as what they are before being called misreads."""
    with store.sessions.begin() as s:
        s.execute(text("UPDATE products SET sku='100000000001' WHERE sku='TS-LAMP'"))
        add_order(s, "12345678", [(catalogue.lamp, 1)])
    assert scan(station, "12345678").outcome is Outcome.ORDER_OPENED
    assert scan(station, "100000000001").outcome is Outcome.ORDER_PACKED
    assert scan(station, "100000000002").reason is Reason.BAD_CHECK_DIGIT


def test_a_case_fills_two_lines_of_the_same_product(
    store: Store, catalogue: Catalogue, station: PackStation
) -> None:
    """A case of 6 against two lines of 3 mugs packs both lines, one event per line."""
    with store.sessions.begin() as s:
        add_order(s, "SO-33", [(catalogue.mug, 3), (catalogue.mug, 3)])
    scan(station, "SO-33")
    result = scan(station, MUG_CASE_GTIN14)
    assert result.outcome is Outcome.ORDER_PACKED
    with store.sessions() as s:
        payloads = [
            json.loads(p)
            for p in s.execute(
                select(OutboxEvent.payload)
                .where(OutboxEvent.type == "ItemPacked")
                .order_by(OutboxEvent.seq)
            ).scalars()
        ]
    assert [(p["line_no"], p["quantity"]) for p in payloads] == [(1, 3), (2, 3)]


def test_a_station_whose_sscc_block_is_used_up_still_packs_and_its_label_says_why(
    store: Store, catalogue: Catalogue
) -> None:
    """The last scan of an order must never fail because of label numbering."""
    from app.domain.sscc import counter_digits
    from app.usecases.print_plan import LabelSettings

    station = PackStation(store.sessions, CTX, labels=LabelSettings("061414123", 7))
    station.ensure_station("full block")
    with store.sessions.begin() as s:
        s.execute(
            text("UPDATE local_sequence SET value = :v WHERE name = 'sscc'"),
            {"v": 10 ** counter_digits("061414123") - 1},
        )
        add_order(s, "SO-1", [(catalogue.lamp, 1)])
    scan(station, "SO-1")
    assert scan(station, LAMP_GTIN13).outcome is Outcome.ORDER_PACKED
    with store.sessions() as s:
        assert s.execute(select(Package.sscc)).scalar_one() is None
