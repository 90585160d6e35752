"""Packing-station edge cases a review found, each pinned: catalogue gaps, reprints mid-order,
a previous box still on the scale, approvals that outlive their weighing, substitutes,
damaged units in closed boxes, the centre editing or moving an order mid-pack, and the
tracking counter across a downgrade.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from sqlalchemy import insert, select, text, update

from app.store.db import open_engine
from app.store.migrate import run_alembic, upgrade_to_head
from app.store.open import Store
from app.store.pick_tables import OrderLineSubstitute
from app.store.tables import AuditEntry, BoxType, OrderLine, PrintJob, Product, table
from app.usecases.central_changes import apply_page
from app.usecases.pack_plan import plan_view
from app.usecases.pack_station import PackStation
from app.usecases.package_views import NextStep, PlanProblem, PlanProblemKind
from app.usecases.results import Outcome
from tests.conftest import CTX
from tests.factories import KETTLE_GTIN13, LAMP_GTIN13, MUG_GTIN13, NOW, Catalogue, add_order
from tests.pack_desk import (
    SMALL,
    close_the_mug_alone,
    events,
    expected_g,
    lamp_weighed_out_of_tolerance,
    mug_boxed_lamp_missing,
    packages,
    scan,
)
from tests.sync.docs import ADDRESS, order, orders_page


def test_a_product_without_a_size_is_named_and_the_order_still_opens(
    store: Store, boxed: Catalogue, desk: PackStation
) -> None:
    with store.sessions.begin() as s:
        s.execute(update(Product).where(Product.id == boxed.lamp).values(height_mm=0))
        add_order(s, "SO-1", [(boxed.lamp, 1)])
    opened = scan(desk, "SO-1")
    assert opened.outcome is Outcome.ORDER_OPENED
    assert opened.view is not None and opened.view.plan is None
    problem = opened.view.plan_problem
    assert problem is not None and problem.kind is PlanProblemKind.UNSIZED
    assert problem.items == ("TS-LAMP",)


def test_reprint_in_the_middle_of_an_order_reprints_its_own_boxes(
    store: Store, boxed: Catalogue, desk: PackStation
) -> None:
    mug_boxed_lamp_missing(store, boxed, desk)
    again = scan(desk, "CMD:REPRINT")
    assert again.outcome is Outcome.REPRINT_QUEUED and again.params["order"] == "SO-1"
    with store.sessions() as s:
        copies = s.execute(select(PrintJob.kind, PrintJob.copy).order_by(PrintJob.id)).all()
    assert [tuple(c) for c in copies] == [("shipping_label", 1), ("shipping_label", 2)]


def test_the_previous_box_still_on_the_scale_never_closes_the_next(
    store: Store, boxed: Catalogue, desk: PackStation
) -> None:
    """Two boxes of nine lamps: box 1 closes on its weight and stays on the scale; box 2's
    scans carry that same reading, which must not close box 2 unweighed."""
    with store.sessions.begin() as s:
        add_order(s, "SO-1", [(boxed.lamp, 18)])
    scan(desk, "SO-1")
    for _ in range(9):
        scan(desk, LAMP_GTIN13)
    scan(desk, "CMD:BOX-OK")
    box1 = 9 * 350 + 220 + 10
    assert (closed := desk.weigh(box1)) is not None and closed.outcome is Outcome.PACKAGE_CLOSED
    scan(desk, "CMD:BOX-OK", weight_g=box1)
    for _ in range(9):
        last = scan(desk, LAMP_GTIN13, weight_g=box1)
    assert last.outcome is Outcome.ITEM_PACKED
    assert last.view is not None and last.view.next_step is NextStep.WEIGHT
    done = desk.weigh(box1 + 4)  # box 2 put on: a new settled reading
    assert done is not None and done.outcome is Outcome.ORDER_PACKED


def test_a_packers_badge_at_a_recount_changes_nothing(
    store: Store, boxed: Catalogue, desk: PackStation
) -> None:
    lamp_weighed_out_of_tolerance(store, boxed, desk)
    assert (refused := scan(desk, "OP:OP-T2")).reason is not None
    assert refused.view is not None and refused.view.next_step is NextStep.RECOUNT
    done = desk.weigh(expected_g(1, SMALL))
    assert done is not None and done.outcome is Outcome.ORDER_PACKED


def test_a_new_weight_or_item_makes_a_waiting_approval_moot(
    store: Store, boxed: Catalogue, desk: PackStation
) -> None:
    """The supervisor is called for 900 g; meanwhile the box is fixed and settles in range:
    it closes on the new weight, and no approval is recorded."""
    with store.sessions.begin() as s:
        add_order(s, "SO-1", [(boxed.lamp, 2)])
    for code in ("SO-1", LAMP_GTIN13, "CMD:BOX-OK"):
        scan(desk, code)
    assert desk.weigh(900) is None  # not due yet: one lamp to go
    scan(desk, LAMP_GTIN13)
    assert desk.weigh(1300) is not None
    asked = scan(desk, "OP:SUP-1")
    assert asked.view is not None and asked.view.next_step is NextStep.REASON
    done = desk.weigh(expected_g(2, SMALL))
    assert done is not None and done.outcome is Outcome.ORDER_PACKED
    [box] = packages(store)
    assert (box.weight_g, box.weight_accepted_by) == (expected_g(2, SMALL), None)


def test_changing_ones_mind_after_another_box_takes_the_suggestion(
    store: Store, boxed: Catalogue, desk: PackStation
) -> None:
    with store.sessions.begin() as s:
        add_order(s, "SO-1", [(boxed.lamp, 1)])
    for code in ("SO-1", LAMP_GTIN13, "BOX:BOX-M"):
        scan(desk, code)
    chosen = scan(desk, "CMD:BOX-OK")
    assert chosen.view is not None and chosen.view.next_step is NextStep.WEIGHT
    assert desk.weigh(expected_g(1, SMALL)) is not None
    [closed] = events(store, "PackageClosed")
    assert (closed["box"], closed.get("box_reason")) == ("BOX-S", None)


def lamps_or_a_kettle(store: Store, boxed: Catalogue) -> None:
    """SO-1: two lamps, where the centre allows a kettle instead."""
    with store.sessions.begin() as s:
        add_order(s, "SO-1", [(boxed.lamp, 2)])
        line_id = s.execute(select(OrderLine.id)).scalar_one()
        s.execute(
            insert(table(OrderLineSubstitute)),
            {"order_line_id": line_id, "product_id": boxed.kettle},
        )


def test_a_substitute_in_the_box_comes_out_again(
    store: Store, boxed: Catalogue, desk: PackStation
) -> None:
    lamps_or_a_kettle(store, boxed)
    for code in ("SO-1", KETTLE_GTIN13, "CMD:REMOVE"):
        scan(desk, code)
    assert scan(desk, KETTLE_GTIN13).outcome is Outcome.ITEM_REMOVED


def test_a_damaged_unit_in_a_closed_box_must_be_reopened_first(
    store: Store, boxed: Catalogue, desk: PackStation
) -> None:
    mug_boxed_lamp_missing(store, boxed, desk)
    scan(desk, "CMD:DAMAGED")
    refused = scan(desk, MUG_GTIN13)
    assert refused.reason is not None and refused.reason.value == "not_in_open_box"
    assert events(store, "ItemDamaged") == []
    noted = [scan(desk, "CMD:DAMAGED"), scan(desk, LAMP_GTIN13)][1]  # not in yet: recorded
    assert noted.outcome is Outcome.DAMAGED_NOTED
    with store.sessions() as s:
        actions = s.execute(select(AuditEntry.action)).scalars().all()
    assert "item_damaged" in actions


def test_the_centre_cutting_a_short_line_keeps_the_short_within_it(
    store: Store, boxed: Catalogue, desk: PackStation
) -> None:
    with store.engine.begin() as conn:
        page = orders_page(order("SO-1", [("TS-MUG", 1), ("TS-LAMP", 3)]))
        apply_page(conn, page, "c1", CTX, NOW)
    for code in ("SO-1", MUG_GTIN13, LAMP_GTIN13, "CMD:SHORT", "OP:SUP-1", "RSN:NOT-FOUND"):
        scan(desk, code)
    edited = order("SO-1", [("TS-MUG", 1), ("TS-LAMP", 2)], version=2)
    with store.engine.begin() as conn:
        report = apply_page(conn, orders_page(edited), "c2", CTX, NOW)
    assert report.orders_refused == []
    with store.sessions() as s:
        lamp = s.execute(select(OrderLine).where(OrderLine.line_no == 2)).scalar_one()
    assert (lamp.qty_ordered, lamp.qty_packed, lamp.qty_short) == (2, 1, 1)


def test_an_address_moved_mid_pack_relabels_the_boxes_already_labelled(
    store: Store, boxed: Catalogue, desk: PackStation
) -> None:
    with store.engine.begin() as conn:
        apply_page(
            conn, orders_page(order("SO-1", [("TS-MUG", 1), ("TS-LAMP", 1)])), "c1", CTX, NOW
        )
    close_the_mug_alone(desk)
    with store.sessions.begin() as s:  # box 1's label came out
        s.execute(update(PrintJob).values(status="done"))
    moved = ADDRESS.model_copy(update={"address1": "Οδός Αθηνάς 3"})
    doc = order("SO-1", [("TS-MUG", 1), ("TS-LAMP", 1)], version=2, ship_to=moved)
    with store.engine.begin() as conn:
        report = apply_page(conn, orders_page(doc), "c2", CTX, NOW)
    assert len(report.reprint_job_ids) == 1


def test_a_carrier_the_centre_names_later_wins_over_the_stations_choice(
    store: Store, boxed: Catalogue
) -> None:
    from app.usecases.shipping import ShippingDesk

    with store.sessions.begin() as s:
        add_order(s, "SO-1", [(boxed.lamp, 1)])
        s.execute(text("UPDATE orders SET ship_carrier = 'DHL', ship_service = 'Parcel'"))
    station = PackStation(store.sessions, CTX, clock=lambda: NOW, shipping=ShippingDesk())
    station.ensure_station("Test station")
    for code in ("SO-1", LAMP_GTIN13):
        scan(station, code)
    [closed] = events(store, "PackageClosed")
    assert (closed["carrier"], closed["service"]) == ("DHL", "Parcel")  # the order's own


def test_the_tracking_counter_survives_a_downgrade(tmp_path: Path) -> None:
    """Numbers already on parcels must never be issued again."""
    engine = open_engine(tmp_path / "s.sqlite3")
    upgrade_to_head(engine)
    with engine.begin() as c:
        c.execute(text("UPDATE local_sequence SET value = 41 WHERE name = 'tracking'"))
    run_alembic(engine, "downgrade", "0006_picking")
    upgrade_to_head(engine)
    with engine.connect() as c:
        value = c.execute(text("SELECT value FROM local_sequence WHERE name = 'tracking'"))
        assert value.scalar() == 41
    engine.dispose()


def test_box_types_with_dunnage_are_part_of_the_expected_weight(
    store: Store, boxed: Catalogue, desk: PackStation
) -> None:
    with store.sessions.begin() as s:
        s.execute(update(BoxType).values(dunnage_g=40))
        add_order(s, "SO-1", [(boxed.lamp, 1)])
    for code in ("SO-1", LAMP_GTIN13, "CMD:BOX-OK"):
        result = scan(desk, code)
    assert result.view is not None and result.view.weigh is not None
    assert result.view.weigh.expected_g == 350 + 100 + 40
    assert packages(store)[0].status == "open"


def test_a_reading_the_scale_settled_on_anew_is_trusted_again(
    store: Store, boxed: Catalogue, desk: PackStation
) -> None:
    """Box 1 closed at W. When the scale settles anew (at W again, before box 2 is due),
    the reading is the scale's, not box 1 left lying there: a later scan carrying it counts."""
    with store.sessions.begin() as s:
        add_order(s, "SO-1", [(boxed.lamp, 18)])
    scan(desk, "SO-1")
    for _ in range(9):
        scan(desk, LAMP_GTIN13)
    scan(desk, "CMD:BOX-OK")
    box = 9 * 350 + 220 + 10
    assert (closed := desk.weigh(box)) is not None and closed.outcome is Outcome.PACKAGE_CLOSED
    scan(desk, "CMD:BOX-OK")
    for _ in range(8):
        scan(desk, LAMP_GTIN13)
    assert desk.weigh(box) is None  # box 2 on the scale, not due yet: nothing to close
    done = scan(desk, LAMP_GTIN13, weight_g=box)
    assert done.outcome is Outcome.ORDER_PACKED


def test_a_problem_stored_by_an_older_version_keeps_its_text() -> None:
    """Packages opened before problems had kinds: the stored English sentence is shown."""
    old = plan_view('{"problem": "No standard box fits TS-LAMP"}', [], [])
    assert old == (None, PlanProblem(PlanProblemKind.OTHER, (), "No standard box fits TS-LAMP"))
    odd = plan_view('{"problem": "x", "kind": "from-the-future", "items": ["A"]}', [], [])
    assert odd == (None, PlanProblem(PlanProblemKind.OTHER, ("A",), "x"))


def test_a_substitute_is_weighed_listed_and_taken_out_as_itself(
    store: Store, boxed: Catalogue, desk: PackStation
) -> None:
    """Two lamps ordered, a 1,200 g kettle allowed instead: the box with a lamp and the
    kettle is expected to weigh what they weigh (no supervisor for the difference), lists
    the kettle, can't give up a lamp it does not hold, and the centre hears what shipped."""
    lamps_or_a_kettle(store, boxed)
    with store.sessions.begin() as s:
        s.execute(update(Product).where(Product.id == boxed.kettle).values(weight_g=1200))
    for code in ("SO-1", KETTLE_GTIN13, "CMD:REMOVE"):
        scan(desk, code)
    refused = scan(desk, LAMP_GTIN13)  # only the kettle is in: no lamp comes out
    assert refused.reason is not None and refused.reason.value == "not_in_open_box"
    scan(desk, "CMD:REMOVE")
    assert scan(desk, KETTLE_GTIN13).outcome is Outcome.ITEM_REMOVED
    assert [e["sku"] for e in events(store, "ItemRemoved")] == ["TS-KETTLE"]
    for code in (KETTLE_GTIN13, LAMP_GTIN13):
        last = scan(desk, code)
    assert last.view is not None
    [box] = last.view.packages
    assert sorted(sku for sku, _, _ in box.contents) == ["TS-KETTLE", "TS-LAMP"]
    scan(desk, "CMD:BOX-OK")
    view = desk.current()
    assert view is not None and view.weigh is not None
    box_code = view.plan.box_code if view.plan is not None else ""
    tare = {"BOX-S": 105, "BOX-M": 190, "BOX-F": 230}[box_code]
    assert view.weigh.expected_g == 1200 + 350 + tare
    done = desk.weigh(1200 + 350 + tare + 10)
    assert done is not None and done.outcome is Outcome.ORDER_PACKED
    [packed] = events(store, "OrderPacked")
    shipped = {(c["sku"], c["quantity"]) for c in packed["packages"][0]["contents"]}
    assert shipped == {("TS-KETTLE", 1), ("TS-LAMP", 1)}


def test_a_centre_edit_mid_pack_suggests_a_box_for_the_new_lines(
    store: Store, boxed: Catalogue, desk: PackStation
) -> None:
    """Two lamps become twelve while the first is in the box: the next scan suggests again
    for the twelve (two boxes now), not the small box planned for two."""
    with store.engine.begin() as conn:
        apply_page(conn, orders_page(order("SO-1", [("TS-LAMP", 2)])), "c1", CTX, NOW)
    opened = scan(desk, "SO-1")
    assert opened.view is not None and opened.view.plan is not None
    assert (opened.view.plan.box_code, opened.view.plan.boxes_total) == ("BOX-S", 1)
    scan(desk, LAMP_GTIN13)
    edited = order("SO-1", [("TS-LAMP", 12)], version=2)
    with store.engine.begin() as conn:
        apply_page(conn, orders_page(edited), "c2", CTX, NOW)
    again = scan(desk, LAMP_GTIN13)
    assert again.view is not None and again.view.plan is not None
    plan = again.view.plan
    assert plan.boxes_total == 2
    assert sum(n for _, _, n in plan.units) + sum(n for _, n in plan.later) == 12


def test_a_centre_change_that_leaves_the_lines_or_a_chosen_box_keeps_the_suggestion(
    store: Store, boxed: Catalogue, desk: PackStation
) -> None:
    """A new ship-by date changes no box; nor does a line edit once the packer has scanned
    the box (the suggestion stays the box chosen, so no reason is asked afterwards)."""
    with store.engine.begin() as conn:
        apply_page(conn, orders_page(order("SO-1", [("TS-LAMP", 2)])), "c1", CTX, NOW)
    scan(desk, "SO-1")
    scan(desk, LAMP_GTIN13)
    plans = [p.plan for p in packages(store)]
    later = order("SO-1", [("TS-LAMP", 2)], version=2, ship_by=NOW + timedelta(days=3))
    with store.engine.begin() as conn:
        apply_page(conn, orders_page(later), "c2", CTX, NOW)
    assert [p.plan for p in packages(store)] == plans
    scan(desk, "CMD:BOX-OK")
    with store.engine.begin() as conn:
        apply_page(conn, orders_page(order("SO-1", [("TS-LAMP", 3)], version=3)), "c3", CTX, NOW)
    [box] = packages(store)
    assert box.plan == plans[0] and box.suggested_box == "BOX-S"
