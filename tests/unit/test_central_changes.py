"""Applying pages of the centre's changes feed: the catalogue, orders and the conflict rules
for work in progress, on real SQLite stores."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select, text, update
from sqlalchemy.exc import IntegrityError

from app.domain.reasons import Reason
from app.scanning import RawScan
from app.store.open import Store
from app.store.tables import (
    AuditEntry,
    BoxType,
    Location,
    Order,
    OrderLine,
    OutboxEvent,
    PrintJob,
    Product,
    ProductBarcode,
)
from app.usecases.central_changes import apply_page, pull_state
from app.usecases.central_docs import ApplyReport, CentralChanges
from app.usecases.pack_station import PackStation
from app.usecases.results import Outcome
from sync.protocol import AddressDoc, PackStoppedPayload
from tests.conftest import CTX
from tests.factories import LAMP_GTIN13, MUG_GTIN13, NOW, Catalogue
from tests.sync.docs import ADDRESS, box, location, order, orders_page, product


def apply(store: Store, changes: CentralChanges, cursor: str = "c1") -> ApplyReport:
    with store.engine.begin() as conn:
        return apply_page(conn, changes, cursor, CTX, NOW)


def scan(station: PackStation, code: str):  # type: ignore[no-untyped-def]
    return station.scan(RawScan(code, "test"))


def status_of(store: Store, number: str) -> str:
    with store.reads() as s:
        return s.execute(select(Order.status).where(Order.number == number)).scalar_one()


def events(store: Store, type_: str) -> list[dict[str, object]]:
    with store.reads() as s:
        rows = s.execute(select(OutboxEvent.payload).where(OutboxEvent.type == type_)).scalars()
        return [json.loads(p) for p in rows]


def actions(store: Store, action: str) -> list[dict[str, object]]:
    with store.reads() as s:
        rows = s.execute(select(AuditEntry.detail).where(AuditEntry.action == action)).scalars()
        return [json.loads(d) for d in rows]


def everything(store: Store) -> tuple[object, ...]:
    with store.reads() as s:
        return tuple(
            s.execute(text(f"SELECT * FROM {t} ORDER BY 1")).all()
            for t in ("orders", "order_lines", "packages", "audit_log", "outbox", "sync_state")
        )


def start_packing(store: Store, station: PackStation, number: str = "SO-1") -> None:
    """The centre sends the order, the station opens it and packs one mug."""
    apply(store, orders_page(order(number, [("TS-MUG", 2), ("TS-LAMP", 1)])))
    assert scan(station, number).outcome is Outcome.ORDER_OPENED
    assert scan(station, MUG_GTIN13).outcome is Outcome.ITEM_PACKED


def test_new_orders_arrive_with_their_lines_status_and_the_cursor(
    store: Store, catalogue: Catalogue
) -> None:
    """GIVEN an empty order book WHEN a page of four orders is applied THEN each is there
    with its lines mapped to local products, its status from the centre, and the cursor."""
    report = apply(
        store,
        orders_page(
            order("SO-1", [("TS-MUG", 2), ("TS-LAMP", 1)]),
            order("SO-2", [("TS-LAMP", 1)], status="held", status_reason="payment check"),
            order("SO-3", [("TS-LAMP", 1)], status="cancelled"),
            order("SO-4", [("TS-KETTLE", 1)], status="packed", packed_by="PACK-T2"),
        ),
        cursor="after-4",
    )
    assert (report.orders_new, report.orders_updated, report.orders_ignored) == (4, 0, 0)
    with store.reads() as s:
        rows = s.execute(
            select(Order.number, Order.status, Order.central_status, Order.version).order_by(
                Order.number
            )
        ).all()
        assert [tuple(r) for r in rows] == [
            ("SO-1", "open", "open", 1),
            ("SO-2", "held", "held", 1),
            ("SO-3", "cancelled", "cancelled", 1),
            ("SO-4", "packed", "packed", 1),
        ]
        lines = s.execute(
            select(OrderLine.line_no, OrderLine.product_id, OrderLine.qty_ordered)
            .join(Order)
            .where(Order.number == "SO-1")
            .order_by(OrderLine.line_no)
        ).all()
        assert [tuple(r) for r in lines] == [(1, catalogue.mug, 2), (2, catalogue.lamp, 1)]
        so2 = s.execute(select(Order).where(Order.number == "SO-2")).scalar_one()
        assert so2.status_reason == "payment check"
        assert so2.ship_city == "Αθήνα"
        assert s.execute(select(Order.packed_by).where(Order.number == "SO-4")).scalar() == (
            "PACK-T2"
        )
    with store.engine.connect() as conn:
        assert pull_state(conn).cursor == "after-4"


def test_the_catalogue_is_upserted_with_barcodes_and_locations(store: Store) -> None:
    """Locations by code, products by SKU (barcodes replaced, location by code), box types
    by code; a second version of a product moves its barcode and location."""
    apply(
        store,
        CentralChanges(
            locations=[location("A-01"), location("A-02", aisle=2)],
            products=[product("SKU-1", "2000000000015", "2000000000022", location="A-01")],
            box_types=[box("S")],
        ),
    )
    apply(
        store,
        CentralChanges(
            products=[
                product("SKU-1", "2000000000015", location="A-02", name="Renamed"),
                product("SKU-2", "2000000000022"),
            ],
            box_types=[box("S"), box("M")],
        ),
        cursor="c2",
    )
    with store.reads() as s:
        products = {p.sku: p for p in s.execute(select(Product)).scalars()}
        assert products["SKU-1"].name == "Renamed"
        where = s.execute(select(Location.code).where(Location.id == products["SKU-1"].location_id))
        assert where.scalar_one() == "A-02"
        codes = s.execute(select(ProductBarcode.gtin14, ProductBarcode.product_id)).all()
        assert sorted(codes) == [
            ("02000000000015", products["SKU-1"].id),
            ("02000000000022", products["SKU-2"].id),
        ]
        assert sorted(s.execute(select(BoxType.code)).scalars()) == ["M", "S"]


def test_reapplying_a_page_or_an_older_version_changes_nothing(
    store: Store, catalogue: Catalogue, station: PackStation
) -> None:
    """The version guard: the same page twice (a lost answer) or an older version of an
    order writes nothing, not even a second stop event."""
    start_packing(store, station)
    page = orders_page(order("SO-1", [("TS-MUG", 2), ("TS-LAMP", 1)], version=2, status="held"))
    apply(store, page)
    before = everything(store)
    report = apply(store, page)
    older = apply(store, orders_page(order("SO-1", [("TS-LAMP", 1)], version=1)))
    assert (report.orders_ignored, older.orders_ignored) == (1, 1)
    assert report.stopped == [] and older.stopped == []
    assert everything(store) == before


def test_open_order_takes_the_centres_header_lines_and_status(
    store: Store, catalogue: Catalogue
) -> None:
    """An order nobody started follows the centre: new lines, new address, held."""
    apply(store, orders_page(order("SO-1", [("TS-MUG", 2)])))
    moved = AddressDoc(
        name="Nikos", address1="Tsimiski 1", city="Θεσσαλονίκη", postcode="546 24", country="GR"
    )
    report = apply(
        store,
        orders_page(
            order(
                "SO-1", [("TS-LAMP", 3), ("TS-KETTLE", 1)], version=2, ship_to=moved, status="held"
            )
        ),
    )
    assert report.orders_updated == 1
    with store.reads() as s:
        o = s.execute(select(Order).where(Order.number == "SO-1")).scalar_one()
        assert (o.status, o.version, o.ship_city) == ("held", 2, "Θεσσαλονίκη")
        lines = s.execute(
            select(OrderLine.product_id, OrderLine.qty_ordered).where(OrderLine.order_id == o.id)
        ).all()
        assert sorted(tuple(x) for x in lines) == sorted(
            [(catalogue.lamp, 3), (catalogue.kettle, 1)]
        )


def test_cancel_while_packing_stops_the_station_until_the_order_is_put_aside(
    store: Store, catalogue: Catalogue, station: PackStation
) -> None:
    """GIVEN SO-1 being packed here (one mug in) WHEN the office cancels it THEN the next
    scan is refused with the stop instruction (1 unit to put back), a PackStopped event and
    an audit row are written once, and CMD:ASIDE puts it aside."""
    start_packing(store, station)
    report = apply(
        store,
        orders_page(order("SO-1", [("TS-MUG", 2), ("TS-LAMP", 1)], version=2, status="cancelled")),
    )
    assert report.stopped == ["SO-1"]
    notice = station.stop_notice()
    assert notice is not None and notice.reason is Reason.ORDER_STOPPED_CANCELLED
    refused = scan(station, LAMP_GTIN13)
    assert refused.reason is Reason.ORDER_STOPPED_CANCELLED
    assert dict(refused.params) == {"order": "SO-1", "units": 1}
    assert scan(station, "SO-1").reason is Reason.ORDER_STOPPED_CANCELLED
    stopped = events(store, "PackStopped")
    assert stopped == [{"order_number": "SO-1", "reason": "cancelled", "units_to_put_back": 1}]
    PackStoppedPayload.model_validate(stopped[0])
    assert [d["reason"] for d in actions(store, "pack_stopped")] == ["cancelled"]
    assert scan(station, "CMD:ASIDE").outcome is Outcome.ORDER_LEFT
    assert station.current() is None and station.stop_notice() is None
    assert scan(station, "SO-1").reason is Reason.ORDER_CANCELLED


def test_hold_stops_packing_and_release_resumes_with_the_scans_kept(
    store: Store, catalogue: Catalogue, station: PackStation
) -> None:
    """Held while packing: stop notice; put aside with the button; released (open again):
    scanning the order resumes it with its mug still packed."""
    start_packing(store, station)
    apply(
        store,
        orders_page(
            order(
                "SO-1",
                [("TS-MUG", 2), ("TS-LAMP", 1)],
                version=2,
                status="held",
                status_reason="address check",
            )
        ),
    )
    assert scan(station, MUG_GTIN13).reason is Reason.ORDER_STOPPED_HELD
    assert events(store, "PackStopped")[0]["reason"] == "held"
    assert station.leave_order().outcome is Outcome.ORDER_LEFT
    held = scan(station, "SO-1")
    assert (held.reason, held.params["why"]) == (Reason.ORDER_HELD, "address check")
    apply(store, orders_page(order("SO-1", [("TS-MUG", 2), ("TS-LAMP", 1)], version=3)))
    assert status_of(store, "SO-1") == "packing"
    resumed = scan(station, "SO-1")
    assert resumed.outcome is Outcome.ORDER_RESUMED
    assert resumed.view is not None and resumed.view.units_packed == 1
    assert scan(station, MUG_GTIN13).outcome is Outcome.ITEM_PACKED


def test_release_while_still_current_clears_the_hold_notice(
    store: Store, catalogue: Catalogue, station: PackStation
) -> None:
    """Held and released before the operator put the order aside: packing simply goes on."""
    start_packing(store, station)
    apply(
        store, orders_page(order("SO-1", [("TS-MUG", 2), ("TS-LAMP", 1)], version=2, status="held"))
    )
    apply(store, orders_page(order("SO-1", [("TS-MUG", 2), ("TS-LAMP", 1)], version=3)))
    assert station.stop_notice() is None
    assert scan(station, MUG_GTIN13).outcome is Outcome.ITEM_PACKED


def test_line_edit_that_still_fits_is_applied_while_packing(
    store: Store, catalogue: Catalogue, station: PackStation
) -> None:
    """One mug packed; the office adds a kettle and raises the lamps: packing goes on."""
    start_packing(store, station)
    report = apply(
        store,
        orders_page(order("SO-1", [("TS-MUG", 2), ("TS-LAMP", 2), ("TS-KETTLE", 1)], version=2)),
    )
    assert report.stopped == []
    assert status_of(store, "SO-1") == "packing"
    view = station.current()
    assert view is not None
    assert [(x.sku, x.qty_ordered, x.qty_packed) for x in view.lines] == [
        ("TS-MUG", 2, 1),
        ("TS-LAMP", 2, 0),
        ("TS-KETTLE", 1, 0),
    ]
    assert scan(station, LAMP_GTIN13).outcome is Outcome.ITEM_PACKED


def test_line_edit_that_does_not_fit_stops_and_the_order_starts_over(
    store: Store, catalogue: Catalogue, station: PackStation
) -> None:
    """One mug packed; the office removes the mugs: stop "changed"; after putting it aside
    the order opens again as the office has it, nothing packed."""
    start_packing(store, station)
    report = apply(store, orders_page(order("SO-1", [("TS-LAMP", 1)], version=2)))
    assert report.stopped == ["SO-1"]
    refused = scan(station, LAMP_GTIN13)
    assert (refused.reason, refused.params["units"]) == (Reason.ORDER_STOPPED_CHANGED, 1)
    assert events(store, "PackStopped")[0]["reason"] == "changed"
    assert scan(station, "CMD:ASIDE").outcome is Outcome.ORDER_LEFT
    reopened = scan(station, "SO-1")
    assert reopened.outcome is Outcome.ORDER_OPENED
    assert reopened.view is not None
    assert [(x.sku, x.qty_ordered, x.qty_packed) for x in reopened.view.lines] == [
        ("TS-LAMP", 1, 0)
    ]
    assert scan(station, LAMP_GTIN13).outcome is Outcome.ORDER_PACKED


def _move_address(store: Store) -> ApplyReport:
    moved = ADDRESS.model_copy(update={"address1": "Οδός Αθηνάς 3", "postcode": "105 51"})
    return apply(
        store,
        orders_page(
            order(
                "SO-1", [("TS-MUG", 2), ("TS-LAMP", 1)], version=2, status="packed", ship_to=moved
            )
        ),
    )


def test_address_change_before_the_label_printed_reprints_nothing(
    store: Store, catalogue: Catalogue, station: PackStation
) -> None:
    """Packed here, its label still waiting for the printer, then the office changes the
    address: the waiting label is drawn from the order when it prints, so it carries the
    new address; a second copy would give the parcel two labels."""
    start_packing(store, station)
    scan(station, MUG_GTIN13)
    assert scan(station, LAMP_GTIN13).outcome is Outcome.ORDER_PACKED
    report = _move_address(store)
    assert report.reprint_job_ids == []
    with store.reads() as s:
        labels = s.execute(select(PrintJob).where(PrintJob.kind == "shipping_label")).scalars()
        assert [(j.copy, j.status) for j in labels] == [(1, "pending")]
        o = s.execute(select(Order).where(Order.number == "SO-1")).scalar_one()
        assert o.ship_address1 == "Οδός Αθηνάς 3"


def test_address_change_after_packing_reprints_every_label(
    store: Store, catalogue: Catalogue, station: PackStation
) -> None:
    """Packed here and its label printed, then the office changes the address: the order
    takes it, each package's shipping label is queued again as copy 2, and it is audited."""
    start_packing(store, station)
    scan(station, MUG_GTIN13)
    assert scan(station, LAMP_GTIN13).outcome is Outcome.ORDER_PACKED
    with store.sessions.begin() as s:  # the label came out of the printer
        s.execute(update(PrintJob).where(PrintJob.kind == "shipping_label").values(status="done"))
    moved = ADDRESS.model_copy(update={"address1": "Οδός Αθηνάς 3", "postcode": "105 51"})
    report = apply(
        store,
        orders_page(
            order(
                "SO-1", [("TS-MUG", 2), ("TS-LAMP", 1)], version=2, status="packed", ship_to=moved
            )
        ),
    )
    assert len(report.reprint_job_ids) == 1
    with store.reads() as s:
        job = s.execute(
            select(PrintJob).where(PrintJob.job_id == report.reprint_job_ids[0])
        ).scalar_one()
        assert (job.kind, job.copy, job.status) == ("shipping_label", 2, "pending")
        o = s.execute(select(Order).where(Order.number == "SO-1")).scalar_one()
        assert (o.status, o.ship_address1, o.ship_postcode) == ("packed", "Οδός Αθηνάς 3", "105 51")
    assert actions(store, "address_changed")[0]["job_ids"] == report.reprint_job_ids


def test_cancel_after_packing_keeps_it_packed_and_audits_once(
    store: Store, catalogue: Catalogue, station: PackStation
) -> None:
    start_packing(store, station)
    scan(station, MUG_GTIN13)
    scan(station, LAMP_GTIN13)
    for version in (2, 3):
        apply(
            store,
            orders_page(
                order("SO-1", [("TS-MUG", 2), ("TS-LAMP", 1)], version=version, status="cancelled")
            ),
        )
    assert status_of(store, "SO-1") == "packed"
    assert len(actions(store, "cancelled_after_packing")) == 1
    assert events(store, "PackStopped") == []


def test_order_packed_at_another_station_is_packed_here(
    store: Store, catalogue: Catalogue, station: PackStation
) -> None:
    apply(store, orders_page(order("SO-1", [("TS-MUG", 1)])))
    apply(
        store,
        orders_page(order("SO-1", [("TS-MUG", 1)], version=2, status="packed", packed_by="PACK-9")),
    )
    assert scan(station, "SO-1").reason is Reason.ORDER_ALREADY_PACKED


def test_packed_elsewhere_while_packing_here_stops_without_an_event(
    store: Store, catalogue: Catalogue, station: PackStation
) -> None:
    start_packing(store, station)
    apply(
        store,
        orders_page(
            order(
                "SO-1",
                [("TS-MUG", 2), ("TS-LAMP", 1)],
                version=2,
                status="packed",
                packed_by="PACK-9",
            )
        ),
    )
    assert scan(station, LAMP_GTIN13).reason is Reason.ORDER_STOPPED_PACKED_ELSEWHERE
    assert events(store, "PackStopped") == []
    assert [d["reason"] for d in actions(store, "pack_stopped")] == ["packed_elsewhere"]


def test_cancel_of_an_order_put_aside_mid_packing_is_recorded_without_a_notice(
    store: Store, catalogue: Catalogue, station: PackStation
) -> None:
    """Not the current order: the event and audit are written; the next order is free."""
    start_packing(store, station)
    station.leave_order()
    apply(
        store,
        orders_page(order("SO-1", [("TS-MUG", 2), ("TS-LAMP", 1)], version=2, status="cancelled")),
    )
    assert events(store, "PackStopped")[0]["units_to_put_back"] == 1
    assert station.stop_notice() is None
    assert scan(station, "SO-1").reason is Reason.ORDER_CANCELLED


def test_order_naming_an_unknown_product_is_skipped_and_reported(
    store: Store, catalogue: Catalogue
) -> None:
    report = apply(store, orders_page(order("SO-1", [("NOPE", 1)]), order("SO-2", [("TS-MUG", 1)])))
    assert report.orders_skipped == ["SO-1"] and report.orders_new == 1


def test_an_order_the_store_refuses_is_left_out_audited_and_the_rest_applied(
    store: Store, catalogue: Catalogue
) -> None:
    """Two orders with the same special code: the first and the orders after the second
    are stored, the second is audited with why and reported, and the cursor moves on (one
    bad order never holds up the feed; it comes again with its next central version)."""
    apply(store, orders_page(order("SO-0", [("TS-MUG", 1)])), cursor="c0")
    report = apply(
        store,
        orders_page(
            order("SO-1", [("TS-MUG", 1)], special_code="GIFT-1"),
            order("SO-2", [("TS-MUG", 1)], special_code="GIFT-1"),
            order("SO-3", [("TS-LAMP", 1)]),
        ),
        cursor="c1",
    )
    assert [r.split(":")[0] for r in report.orders_refused] == ["SO-2"]
    assert report.orders_new == 2
    with store.reads() as s:
        numbers = set(s.execute(select(Order.number)).scalars())
    assert numbers == {"SO-0", "SO-1", "SO-3"}
    assert "special_code" in str(actions(store, "order_not_stored")[0]["error"])
    with store.engine.connect() as conn:
        assert pull_state(conn).cursor == "c1"


def test_a_page_that_fails_midway_leaves_no_trace_and_keeps_the_cursor(
    store: Store, catalogue: Catalogue
) -> None:
    """A product the store refuses (here a trigger) breaks the page at the database:
    nothing of the page stays, and the cursor is where it was (the page is pulled again)."""
    apply(store, orders_page(order("SO-0", [("TS-MUG", 1)])), cursor="c0")
    with store.sessions.begin() as s:
        s.execute(
            text(
                "CREATE TRIGGER refuse_bad BEFORE INSERT ON products "
                "WHEN NEW.sku = 'TS-BAD' BEGIN SELECT RAISE(ABORT, 'no TS-BAD here'); END"
            )
        )
    before = everything(store)
    bad = CentralChanges(
        products=[product("TS-BAD", "4006381333962")],
        orders=[order("SO-1", [("TS-MUG", 1)])],
    )
    with pytest.raises(IntegrityError):
        apply(store, bad, cursor="c1")
    assert everything(store) == before
    with store.engine.connect() as conn:
        assert pull_state(conn).cursor == "c0"


def test_held_then_cancelled_before_it_was_put_aside_says_cancelled(
    store: Store, catalogue: Catalogue, station: PackStation
) -> None:
    start_packing(store, station)
    lines = [("TS-MUG", 2), ("TS-LAMP", 1)]
    apply(store, orders_page(order("SO-1", lines, version=2, status="held")))
    apply(store, orders_page(order("SO-1", lines, version=3, status="cancelled")))
    refused = scan(station, LAMP_GTIN13)
    assert (refused.reason, refused.params["units"]) == (Reason.ORDER_STOPPED_CANCELLED, 1)
    assert len(events(store, "PackStopped")) == 1
