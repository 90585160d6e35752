"""The packing station's boxes on a real store: suggestion, box scan, check-weighing,
several boxes, reopening, moving, damaged units and short-shipping with a supervisor.

Products are 120x90x100 mm, 350 g (tests.factories); the boxes are sized so that up to
four units fit the small one, eight the medium one.
"""

from __future__ import annotations

from sqlalchemy import select

from app.domain.tracking import is_valid_tracking
from app.store.open import Store
from app.store.tables import BoxType, OrderLine, PrintJob
from app.usecases.pack_station import PackStation
from app.usecases.package_views import NextStep, PlanProblemKind
from app.usecases.results import Outcome
from app.usecases.shipping import ShippingDesk
from tests.conftest import CTX
from tests.factories import LAMP_GTIN13, MUG_GTIN13, NOW, Catalogue, add_order
from tests.pack_desk import (
    MEDIUM,
    SMALL,
    events,
    expected_g,
    lamp_weighed_out_of_tolerance,
    mug_boxed_lamp_missing,
    packages,
    scan,
    ship_the_rest_short,
)


def test_the_suggestion_accepted_and_weighed_packs_the_order_without_a_touch(
    store: Store, boxed: Catalogue, desk: PackStation
) -> None:
    """GIVEN two units WHEN the order, the items, CMD:BOX-OK and a settled weight in
    tolerance come in THEN the box closes with the suggested box, its dimensions, the
    expected and measured weights, an SSCC and a tracking number, and the order is packed."""
    with store.sessions.begin() as s:
        add_order(s, "SO-1", [(boxed.mug, 1), (boxed.lamp, 1)])
    opened = scan(desk, "SO-1")
    assert opened.view is not None and opened.view.plan is not None
    assert opened.view.plan.box_code == "BOX-S"
    assert opened.view.plan.boxes_total == 1
    scan(desk, MUG_GTIN13)
    last = scan(desk, LAMP_GTIN13)
    assert last.outcome is Outcome.ITEM_PACKED
    assert last.view is not None and last.view.next_step is NextStep.BOX
    chosen = scan(desk, "CMD:BOX-OK")
    assert chosen.outcome is Outcome.BOX_CHOSEN
    assert chosen.view is not None and chosen.view.next_step is NextStep.WEIGHT
    assert chosen.view.weigh is not None and chosen.view.weigh.expected_g == expected_g(2, SMALL)
    done = desk.weigh(expected_g(2, SMALL) + 12)
    assert done is not None and done.outcome is Outcome.ORDER_PACKED
    [box] = packages(store)
    assert (box.status, box.suggested_box, box.box_reason) == ("closed", "BOX-S", None)
    assert (box.length_mm, box.width_mm, box.height_mm) == (256, 196, 111)
    assert (box.expected_weight_g, box.weight_g) == (805, 817)
    assert box.tracking_number is not None and is_valid_tracking(box.tracking_number, "JD")
    [closed] = events(store, "PackageClosed")
    assert closed["box"] == "BOX-S" and closed["dimensions_mm"] == [256, 196, 111]
    assert closed["tracking_number"] == box.tracking_number
    with store.sessions() as s:
        kinds = list(s.execute(select(PrintJob.kind).order_by(PrintJob.id)).scalars())
    assert kinds == ["packing_slip", "shipping_label"]


def test_a_weight_already_settled_when_the_box_is_scanned_closes_it_at_once(
    store: Store, boxed: Catalogue, desk: PackStation
) -> None:
    """Packing on the scale: the box scan carries the settled weight, which checks out."""
    with store.sessions.begin() as s:
        add_order(s, "SO-1", [(boxed.lamp, 1)])
    scan(desk, "SO-1")
    scan(desk, LAMP_GTIN13, weight_g=120)  # an item scan's weight never refuses it
    done = scan(desk, "BOX:BOX-S", weight_g=expected_g(1, SMALL))
    assert done.outcome is Outcome.ORDER_PACKED


def test_another_box_than_suggested_needs_a_reason_that_is_logged(
    store: Store, boxed: Catalogue, desk: PackStation
) -> None:
    with store.sessions.begin() as s:
        add_order(s, "SO-1", [(boxed.lamp, 1)])
    scan(desk, "SO-1")
    scan(desk, LAMP_GTIN13)
    asked = scan(desk, "BOX:BOX-M")
    assert asked.outcome is Outcome.STEP_STARTED
    assert asked.view is not None and asked.view.next_step is NextStep.BOX_REASON
    assert [r.code for r in asked.view.reasons] == ["NO-FIT", "BOX-OUT", "PROTECT", "CUSTOMER"]
    wrong = scan(desk, "RSN:RECOUNTED")  # a weight reason does not explain a box
    assert wrong.reason is not None and wrong.reason.value == "reason_not_for_this"
    chosen = scan(desk, "RSN:PROTECT")
    assert chosen.outcome is Outcome.BOX_CHOSEN
    assert desk.weigh(expected_g(1, MEDIUM)) is not None
    [closed] = events(store, "PackageClosed")
    assert (closed["box"], closed["suggested_box"], closed["box_reason"]) == (
        "BOX-M",
        "BOX-S",
        "PROTECT",
    )


def test_a_weight_out_of_tolerance_blocks_the_box_until_recounted(
    store: Store, boxed: Catalogue, desk: PackStation
) -> None:
    """GIVEN a box due and weighed 120 g heavy WHEN the scale settles THEN nothing closes
    and the packer is told the range; a right weight after the recount closes it."""
    with store.sessions.begin() as s:
        add_order(s, "SO-1", [(boxed.lamp, 2)])
    for code in ("SO-1", LAMP_GTIN13, LAMP_GTIN13, "CMD:BOX-OK"):
        scan(desk, code)
    heavy = desk.weigh(expected_g(2, SMALL) + 120)
    assert heavy is not None and heavy.outcome is Outcome.WEIGHT_OUT_OF_RANGE
    assert heavy.reason is not None and heavy.reason.value == "weight_out_of_tolerance"
    assert (heavy.params["low"], heavy.params["high"]) == (775, 835)
    assert heavy.view is not None and heavy.view.next_step is NextStep.RECOUNT
    assert packages(store)[0].status == "open"
    assert desk.weigh(expected_g(2, SMALL) + 120) is None  # the same reading again
    done = desk.weigh(expected_g(2, SMALL) - 20)
    assert done is not None and done.outcome is Outcome.ORDER_PACKED


def test_only_a_supervisor_with_a_reason_accepts_a_weight_out_of_tolerance(
    store: Store, boxed: Catalogue, desk: PackStation
) -> None:
    lamp_weighed_out_of_tolerance(store, boxed, desk)
    packer = scan(desk, "OP:OP-T2")
    assert packer.reason is not None and packer.reason.value == "not_a_supervisor"
    supervisor = scan(desk, "OP:SUP-1")
    assert supervisor.view is not None and supervisor.view.next_step is NextStep.REASON
    assert [r.code for r in supervisor.view.reasons] == ["RECOUNTED", "CATALOGUE", "PACKAGING"]
    done = scan(desk, "RSN:CATALOGUE")
    assert done.outcome is Outcome.ORDER_PACKED
    [box] = packages(store)
    assert (box.weight_g, box.weight_accepted_by, box.weight_reason) == (
        900,
        "SUP-1",
        "CATALOGUE",
    )


def test_an_order_too_big_for_one_box_closes_box_by_box_as_planned(
    store: Store, boxed: Catalogue, desk: PackStation
) -> None:
    """GIVEN fourteen units (more than any one box holds) WHEN the packer follows the plan
    THEN the first box is due when its planned units are in, closes on its weight with its
    own label, and the next box gets a suggestion for the rest."""
    with store.sessions.begin() as s:
        add_order(s, "SO-1", [(boxed.lamp, 14)])
    opened = scan(desk, "SO-1")
    assert opened.view is not None and opened.view.plan is not None
    first = opened.view.plan
    assert first.boxes_total == 2
    planned = sum(n for _, _, n in first.units)
    assert [units for _, units in first.later] == [14 - planned]  # the rest, and where
    for _ in range(planned):
        result = scan(desk, LAMP_GTIN13)
    assert result.view is not None and result.view.next_step is NextStep.BOX
    scan(desk, "CMD:BOX-OK")
    closed = desk.weigh(planned * 350 + 190)
    assert closed is not None and closed.outcome is Outcome.PACKAGE_CLOSED
    assert closed.view is not None and closed.view.plan is not None
    assert sum(n for _, _, n in closed.view.plan.units) == 14 - planned
    assert len(closed.print_job_ids) == 1  # its shipping label, now
    for _ in range(14 - planned):
        scan(desk, LAMP_GTIN13)
    scan(desk, "CMD:BOX-OK")
    second = closed.view.plan.box_code
    grams = (14 - planned) * 350 + {"BOX-S": 105, "BOX-M": 190, "BOX-F": 230}[second]
    done = desk.weigh(grams)
    assert done is not None and done.outcome is Outcome.ORDER_PACKED
    assert [p.status for p in packages(store)] == ["closed", "closed"]
    assert [e["package_number"] for e in events(store, "PackageClosed")] == [1, 2]


def test_a_closed_box_reopens_by_its_sscc_and_a_unit_moves_to_the_next_box(
    store: Store, boxed: Catalogue, desk: PackStation
) -> None:
    with store.sessions.begin() as s:
        add_order(s, "SO-1", [(boxed.mug, 2), (boxed.lamp, 1)])
    for code in ("SO-1", MUG_GTIN13, MUG_GTIN13, "CMD:CLOSE-BOX", "CMD:BOX-OK"):
        scan(desk, code)
    assert desk.weigh(2 * 350 + 105) is not None
    box1 = packages(store)[0]
    assert box1.status == "closed" and box1.sscc is not None
    reopened = scan(desk, f"]C100{box1.sscc}")
    assert reopened.outcome is Outcome.PACKAGE_REOPENED
    assert [p.status for p in packages(store)] == ["open"]  # the empty box 2 went away
    assert scan(desk, "CMD:REMOVE").outcome is Outcome.STEP_STARTED
    removed = scan(desk, MUG_GTIN13)
    assert removed.outcome is Outcome.ITEM_REMOVED
    last_unit = [scan(desk, "CMD:REMOVE"), scan(desk, MUG_GTIN13)][1]
    assert last_unit.reason is not None
    assert last_unit.reason.value == "last_unit_of_labelled_box"
    scan(desk, "CMD:ASIDE")  # the REMOVE waiting is dropped with the order
    scan(desk, "SO-1")
    for code in ("CMD:CLOSE-BOX", "CMD:BOX-OK"):
        scan(desk, code)
    assert desk.weigh(350 + 105) is not None  # box 1 again, with one mug
    for code in (MUG_GTIN13, LAMP_GTIN13, "CMD:BOX-OK"):
        scan(desk, code)
    done = desk.weigh(2 * 350 + 105)
    assert done is not None and done.outcome is Outcome.ORDER_PACKED
    assert [e["package_number"] for e in events(store, "PackageReopened")] == [1]
    assert [(e["sku"], e["damaged"]) for e in events(store, "ItemRemoved")] == [("TS-MUG", False)]
    with store.sessions() as s:
        labels = s.execute(
            select(PrintJob.package_id, PrintJob.copy)
            .where(PrintJob.kind == "shipping_label")
            .order_by(PrintJob.id)
        ).all()
    assert [c for _, c in labels] == [1, 2, 1]  # box 1's label again after reopening


def test_a_damaged_unit_comes_out_of_the_box_and_is_reported(
    store: Store, boxed: Catalogue, desk: PackStation
) -> None:
    with store.sessions.begin() as s:
        add_order(s, "SO-1", [(boxed.mug, 1), (boxed.lamp, 1)])
    for code in ("SO-1", MUG_GTIN13):
        scan(desk, code)
    started = scan(desk, "CMD:DAMAGED")
    assert started.view is not None and started.view.next_step is NextStep.DAMAGED_ITEM
    noted = scan(desk, MUG_GTIN13)
    assert noted.outcome is Outcome.DAMAGED_NOTED
    with store.sessions() as s:
        assert s.execute(
            select(OrderLine.qty_packed).order_by(OrderLine.line_no)
        ).scalars().all() == [0, 0]
    [damaged] = events(store, "ItemDamaged")
    assert (damaged["sku"], damaged["location"]) == ("TS-MUG", CTX.station_code)
    assert events(store, "ItemRemoved")[0]["damaged"] is True


def test_short_shipping_needs_a_supervisor_and_a_reason(
    store: Store, boxed: Catalogue, desk: PackStation
) -> None:
    """GIVEN a mug packed and the lamp missing WHEN CMD:SHORT, a supervisor's badge and a
    reason are scanned THEN the lamp is short, ShortShipped names who approved it, and the
    box closes on its weight as usual; the order is packed with what is in it."""
    with store.sessions.begin() as s:
        add_order(s, "SO-1", [(boxed.mug, 1), (boxed.lamp, 2)])
    nothing = [scan(desk, "SO-1"), scan(desk, "CMD:SHORT")][1]
    assert nothing.reason is not None and nothing.reason.value == "nothing_packed_yet"
    scan(desk, MUG_GTIN13)
    asked = scan(desk, "CMD:SHORT")
    assert asked.view is not None and asked.view.next_step is NextStep.SUPERVISOR
    assert scan(desk, "RSN:NOT-FOUND").reason is not None  # no reason before the badge
    scan(desk, "OP:SUP-1")
    shorted = scan(desk, "RSN:NOT-FOUND")
    assert shorted.outcome is Outcome.SHORT_SHIPPED
    assert shorted.view is not None and shorted.view.next_step is NextStep.BOX
    assert events(store, "ShortShipped") == [
        {
            "order_number": "SO-1",
            "line_no": 2,
            "sku": "TS-LAMP",
            "quantity_short": 2,
            "reason": "NOT-FOUND",
            "approved_by": "SUP-1",
        }
    ]
    scan(desk, "CMD:BOX-OK")
    done = desk.weigh(350 + 105)
    assert done is not None and done.outcome is Outcome.ORDER_PACKED
    with store.sessions() as s:
        shorts = s.execute(select(OrderLine.qty_short).order_by(OrderLine.line_no)).scalars()
        assert list(shorts) == [0, 2]


def test_an_item_too_large_for_every_box_is_named_not_a_crash(
    store: Store, boxed: Catalogue, desk: PackStation
) -> None:
    with store.sessions.begin() as s:
        s.execute(BoxType.__table__.update().values(inner_height_mm=60))
        add_order(s, "SO-1", [(boxed.lamp, 1)])
    opened = scan(desk, "SO-1")
    assert opened.view is not None and opened.view.plan is None
    problem = opened.view.plan_problem
    assert problem is not None and problem.kind is PlanProblemKind.TOO_LARGE
    assert len(problem.items) == 1 and problem.items[0].startswith("TS-LAMP (")
    assert "mm" in problem.items[0] and "TS-LAMP" in problem.text
    scan(desk, LAMP_GTIN13)
    chosen = scan(desk, "BOX:BOX-F")  # the packer boxes it as they can; no suggestion
    assert chosen.outcome is Outcome.BOX_CHOSEN


def test_short_shipping_the_rest_after_the_last_box_closed_packs_the_order(
    store: Store, boxed: Catalogue, desk: PackStation
) -> None:
    """The lamp is missing once the mug's box is closed and labelled: the short-shipment
    packs the order at once (the empty next box goes), with its slip."""
    mug_boxed_lamp_missing(store, boxed, desk)
    done = ship_the_rest_short(desk)
    assert done.outcome is Outcome.ORDER_PACKED
    assert [p.status for p in packages(store)] == ["closed"]
    with store.sessions() as s:
        kinds = list(s.execute(select(PrintJob.kind).order_by(PrintJob.id)).scalars())
    assert kinds == ["shipping_label", "packing_slip"]
    assert len(events(store, "OrderPacked")) == 1


def test_an_order_that_leaves_the_carrier_open_gets_the_cheapest_service_in_time(
    store: Store, boxed: Catalogue
) -> None:
    from datetime import time, timedelta

    from sqlalchemy import update

    from app.cartonization import CostModel
    from app.domain.shipping_rules import ServiceRate
    from app.store.tables import Order

    def tariff(per_box: int) -> CostModel:
        return CostModel(per_box_cents=per_box, rate_cents_per_kg=40, include_box_cost=False)

    rates = (
        ServiceRate("DPD", "Classic", 2, time(23, 0), tariff(450)),
        ServiceRate("DHL", "Parcel", 2, time(23, 0), tariff(420)),
        ServiceRate("DHL", "Express", 1, time(23, 0), tariff(1250)),
    )
    station = PackStation(
        store.sessions,
        CTX,
        clock=lambda: NOW,
        shipping=ShippingDesk(rates=rates, prefixes={"DHL": "JD"}),
    )
    station.ensure_station("Test station")
    with store.sessions.begin() as s:
        add_order(s, "SO-1", [(boxed.lamp, 1)])
        s.execute(
            update(Order).values(carrier="AUTO", service="ANY", ship_by=NOW + timedelta(days=2))
        )
    for code in ("SO-1", LAMP_GTIN13):
        result = scan(station, code)
    assert result.outcome is Outcome.ORDER_PACKED
    [closed] = events(store, "PackageClosed")
    assert (closed["carrier"], closed["service"]) == ("DHL", "Parcel")
    assert closed["tracking_number"].startswith("JD")
    with store.sessions() as s:
        chosen = s.execute(select(Order.ship_carrier, Order.ship_service)).one()
    assert tuple(chosen) == ("DHL", "Parcel")


def test_an_order_cancelled_while_its_box_waits_for_the_scale_stops_and_closes_nothing(
    store: Store, boxed: Catalogue, desk: PackStation
) -> None:
    """GIVEN every unit in and the box scanned WHEN the office cancels the order THEN a
    weight on the scale closes nothing, scans are refused with the stop instruction, and
    CMD:ASIDE puts it aside with nothing labelled."""
    from app.domain.reasons import Reason
    from app.usecases.central_changes import apply_page
    from tests.sync.docs import order, orders_page

    with store.engine.begin() as conn:
        apply_page(conn, orders_page(order("SO-1", [("TS-LAMP", 1)])), "c1", CTX, NOW)
    for code in ("SO-1", LAMP_GTIN13, "CMD:BOX-OK"):
        scan(desk, code)
    cancelled = order("SO-1", [("TS-LAMP", 1)], version=2, status="cancelled")
    with store.engine.begin() as conn:
        assert apply_page(conn, orders_page(cancelled), "c2", CTX, NOW).stopped == ["SO-1"]
    assert desk.weigh(expected_g(1, SMALL)) is None
    assert scan(desk, "CMD:CLOSE-BOX").reason is Reason.ORDER_STOPPED_CANCELLED
    assert [p.status for p in packages(store)] == ["open"]
    assert scan(desk, "CMD:ASIDE").outcome is Outcome.ORDER_LEFT
    assert events(store, "PackageClosed") == []
    with store.sessions() as s:
        assert s.execute(select(PrintJob.id)).first() is None


def test_a_station_that_neither_confirms_nor_weighs_closes_early_boxes_only_on_request(
    store: Store, boxed: Catalogue
) -> None:
    """Without a box scan or a weighing, nothing shows the packer closed box 1 when its
    planned units are in, so it stays open until CMD:CLOSE-BOX or the last unit."""
    station = PackStation(store.sessions, CTX, clock=lambda: NOW)
    station.ensure_station("Test station")
    with store.sessions.begin() as s:
        add_order(s, "SO-1", [(boxed.lamp, 14)])
    opened = scan(station, "SO-1")
    assert opened.view is not None and opened.view.plan is not None
    planned = sum(n for _, _, n in opened.view.plan.units)
    for _ in range(planned):
        result = scan(station, LAMP_GTIN13)
    assert result.outcome is Outcome.ITEM_PACKED
    assert [p.status for p in packages(store)] == ["open"]
    assert scan(station, "CMD:CLOSE-BOX").outcome is Outcome.PACKAGE_CLOSED
