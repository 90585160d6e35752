"""Shipping labels say "box n of m" before the order's last box is known: m comes from the
plan, and labels that may be on boxes already print again when the order ships in another
number of boxes. Real store, the real document builder."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select, update

from app.domain.documents import Address
from app.domain.labels import ShippingLabel
from app.store.open import Store
from app.store.tables import Package, PrintJob
from app.usecases.document_builder import JobSpec, build_document
from app.usecases.pack_station import PackStation
from app.usecases.results import Outcome
from tests.factories import LAMP_GTIN13, NOW, Catalogue, add_order
from tests.pack_desk import mug_boxed_lamp_missing, scan, ship_the_rest_short

SHIP_FROM = Address("Tote Ltd", ("1 Dock Road", "Leeds LS1 1AA", "GB"))
BOX_GRAMS = {"BOX-S": 105, "BOX-M": 190, "BOX-F": 230}  # tare + dunnage


def labels(store: Store) -> list[tuple[ShippingLabel, str]]:
    """Every shipping label job built as the printer would get it, with its job state."""
    with store.sessions() as s:
        jobs = s.execute(
            select(PrintJob).where(PrintJob.kind == "shipping_label").order_by(PrintJob.id)
        ).scalars()
        built = []
        for job in jobs:
            spec = JobSpec(job.kind, job.order_id, job.package_id, job.copy)
            document = build_document(s, spec, "PACK-T1", SHIP_FROM)
            assert isinstance(document, ShippingLabel)
            built.append((document, job.status))
        return built


def mark_labels_printed(store: Store) -> None:
    """What the print worker records once a label has gone to its printer."""
    with store.sessions.begin() as s:
        s.execute(update(PrintJob).where(PrintJob.kind == "shipping_label").values(status="done"))


def pack_box(station: PackStation, units: int) -> Outcome:
    """Scan ``units`` lamps, take the suggested box and weigh it at its expected weight."""
    result = None
    for _ in range(units):
        result = scan(station, LAMP_GTIN13)
    assert result is not None and result.view is not None and result.view.plan is not None
    box = result.view.plan.box_code
    scan(station, "CMD:BOX-OK")
    weighed = station.weigh(units * 350 + BOX_GRAMS[box])
    assert weighed is not None
    return weighed.outcome


def test_every_label_of_a_planned_multi_box_order_says_the_final_count(
    store: Store, boxed: Catalogue, desk: PackStation
) -> None:
    """Twenty lamps need three boxes: each label, printed as its box closes, says "of 3",
    and nothing prints twice."""
    with store.sessions.begin() as s:
        add_order(s, "SO-1", [(boxed.lamp, 20)])
    opened = scan(desk, "SO-1")
    assert opened.view is not None and opened.view.plan is not None
    assert opened.view.plan.boxes_total == 3
    outcome = Outcome.PACKAGE_CLOSED
    while outcome is Outcome.PACKAGE_CLOSED:
        view = desk.current()
        assert view is not None and view.plan is not None
        outcome = pack_box(desk, sum(n for _, _, n in view.plan.units))
        mark_labels_printed(store)
    assert outcome is Outcome.ORDER_PACKED
    built = labels(store)
    assert [(d.package_number, d.package_count, d.copy) for d, _ in built] == [
        (1, 3, 1),
        (2, 3, 1),
        (3, 3, 1),
    ]


def test_a_printed_label_prints_again_when_the_rest_is_short_shipped(
    store: Store, boxed: Catalogue, desk: PackStation
) -> None:
    """Box 1 left labelled "1 of 2"; the lamp for box 2 is missing and ships short: box 1's
    label prints again as "1 of 1", with the same SSCC and tracking number, and the packer
    is told which box to relabel."""
    mug_boxed_lamp_missing(store, boxed, desk)
    mark_labels_printed(store)
    [(first, _)] = labels(store)
    assert (first.package_number, first.package_count) == (1, 2)
    done = ship_the_rest_short(desk)
    assert done.outcome is Outcome.ORDER_PACKED
    assert dict(done.params) == {"relabel": "1", "boxes": 1}
    (old, _), (new, state) = labels(store)
    assert (new.package_number, new.package_count, new.copy, state) == (1, 1, 2, "pending")
    assert (new.sscc, new.tracking_number) == (old.sscc, old.tracking_number)
    with store.sessions() as s:
        assert s.execute(select(Package.label_count)).scalars().all() == [1]


def test_a_label_still_waiting_for_its_printer_is_built_with_the_final_count(
    store: Store, boxed: Catalogue, desk: PackStation
) -> None:
    """The printer was down when box 1 closed: its label, printed later, already says
    "1 of 1", so nothing prints twice and the packer has nothing to swap."""
    mug_boxed_lamp_missing(store, boxed, desk)
    done = ship_the_rest_short(desk)
    assert done.outcome is Outcome.ORDER_PACKED and "relabel" not in done.params
    [(label, state)] = labels(store)
    assert (label.package_count, label.copy, state) == (1, 1, "pending")


def test_a_smaller_box_than_planned_relabels_the_boxes_closed_before_it(
    store: Store, boxed: Catalogue, desk: PackStation
) -> None:
    """Fourteen lamps: the plan is nine in BOX-F, then five in BOX-M. Box 1 goes out as
    "1 of 2"; the packer then closes four lamps in a small box, so the last lamp needs a
    third: box 1's label prints again as "1 of 3", the later ones say 3 from the start."""
    with store.sessions.begin() as s:
        add_order(s, "SO-1", [(boxed.lamp, 14)])
    opened = scan(desk, "SO-1")
    assert opened.view is not None and opened.view.plan is not None
    assert opened.view.plan.units[0][2] == 9 and opened.view.plan.later == (("BOX-M", 5),)
    assert pack_box(desk, 9) is Outcome.PACKAGE_CLOSED
    mark_labels_printed(store)
    for _ in range(4):
        scan(desk, LAMP_GTIN13)
    for code in ("CMD:CLOSE-BOX", "BOX:BOX-S", "RSN:CUSTOMER"):
        scan(desk, code)
    second = desk.weigh(4 * 350 + BOX_GRAMS["BOX-S"])
    assert second is not None and second.outcome is Outcome.PACKAGE_CLOSED
    mark_labels_printed(store)
    assert [(d.package_number, d.package_count) for d, _ in labels(store)] == [(1, 2), (2, 3)]
    scan(desk, LAMP_GTIN13)
    scan(desk, "CMD:BOX-OK")
    view = desk.current()
    assert view is not None and view.plan is not None
    done = desk.weigh(350 + BOX_GRAMS[view.plan.box_code])
    assert done is not None and done.outcome is Outcome.ORDER_PACKED
    assert dict(done.params) == {"package": 3, "relabel": "1", "boxes": 3}
    built = [(d.package_number, d.package_count, d.copy, state) for d, state in labels(store)]
    assert built == [
        (1, 3, 1, "done"),
        (2, 3, 1, "done"),
        (3, 3, 1, "pending"),
        (1, 3, 2, "pending"),
    ]


def set_label_job(store: Store, **values: object) -> None:
    with store.sessions.begin() as s:
        s.execute(update(PrintJob).where(PrintJob.kind == "shipping_label").values(**values))


def test_a_label_a_worker_is_building_counts_as_on_the_box(
    store: Store, boxed: Catalogue, desk: PackStation
) -> None:
    """The worker has claimed box 1's label (it may be drawing "1 OF 2" right now) when the
    rest ships short: a corrected copy is queued, as for a printed one."""
    mug_boxed_lamp_missing(store, boxed, desk)
    set_label_job(store, claimed_by="worker-1", claimed_until=NOW + timedelta(seconds=30))
    done = ship_the_rest_short(desk)
    assert dict(done.params) == {"relabel": "1", "boxes": 1}
    assert [(d.copy, d.package_count) for d, _ in labels(store)] == [(1, 1), (2, 1)]


def test_an_uncertain_label_is_replaced_by_the_corrected_copy(
    store: Store, boxed: Catalogue, desk: PackStation
) -> None:
    """Box 1's label may or may not have come out ("uncertain") when the rest ships short:
    the corrected copy replaces it, so nobody is asked about the obsolete one."""
    mug_boxed_lamp_missing(store, boxed, desk)
    set_label_job(store, status="uncertain")
    ship_the_rest_short(desk)
    with store.sessions() as s:
        rows = s.execute(
            select(PrintJob.job_id, PrintJob.status, PrintJob.copy, PrintJob.reprint_of)
            .where(PrintJob.kind == "shipping_label")
            .order_by(PrintJob.id)
        ).all()
    [(old_id, old_state, _, _), (_, new_state, new_copy, reprint_of)] = rows
    assert (old_state, new_state, new_copy, reprint_of) == ("replaced", "pending", 2, old_id)
