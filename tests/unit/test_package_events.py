"""PackageClosed and LabelPrinted: what the centre learns of each package and each printed
document, written in the same transaction as the state they report, on a real store.

Every payload is checked against the protocol's own model (``sync.protocol.EVENT_PAYLOADS``)
with exactly its field names: the hub ignores unknown fields, so a misspelt optional field
would otherwise reach it as a silent None.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select, text

from app.context import StationContext
from app.domain.sscc import is_valid_sscc
from app.ports import DeliveryOutcome
from app.scanning import RawScan
from app.store.open import Store
from app.store.tables import Operator, OutboxEvent, Package, PrintJob
from app.usecases.pack_station import PackStation
from app.usecases.print_decisions import PrintDecisions
from app.usecases.print_outcomes import OutcomeWriter
from app.usecases.status import StationStatus
from sync.protocol import EVENT_PAYLOADS
from tests.conftest import CTX
from tests.factories import LAMP_GTIN13, MUG_GTIN13, NOW, Catalogue, add_order
from tests.unit.test_documents import Gateway, Renderer, service

PRINTED = "LabelPrinted"


def outbox(store: Store) -> list[tuple[int, str, str, dict[str, Any]]]:
    """(seq, type, operator, payload) of every event, in local order; each payload valid
    for the hub, with exactly the protocol's field names."""
    with store.sessions() as s:
        rows = s.execute(
            select(
                OutboxEvent.seq, OutboxEvent.type, OutboxEvent.operator_code, OutboxEvent.payload
            ).order_by(OutboxEvent.seq)
        ).all()
    events = []
    for seq, type_, operator, raw in rows:
        payload = json.loads(raw)
        model = EVENT_PAYLOADS[type_]
        model.model_validate(payload)
        assert set(payload) <= set(model.model_fields), f"{type_}: {payload}"
        events.append((seq, type_, operator, payload))
    return events


def of_type(store: Store, type_: str) -> list[dict[str, Any]]:
    return [p for _, t, _, p in outbox(store) if t == type_]


def pack(station: PackStation, *codes: str, weight_g: int | None = None) -> None:
    *first, last = codes
    for code in first:
        assert station.scan(RawScan(code, "test")).accepted
    assert station.scan(RawScan(last, "test"), weight_g=weight_g).accepted


# -- PackageClosed ----------------------------------------------------------------------


def test_each_box_sends_package_closed_when_it_closes(
    store: Store, catalogue: Catalogue, station: PackStation
) -> None:
    """GIVEN an order packed in two boxes, the first closed by CMD:CLOSE-BOX off the scale
    WHEN the last unit is scanned on the scale THEN box 1's PackageClosed comes when it
    closed, box 2's after OrderPacked, each with its SSCC, carrier and service; only the
    box on the scale has a weight."""
    with store.sessions.begin() as s:
        add_order(s, "SO-1", [(catalogue.mug, 2), (catalogue.lamp, 1)])
    pack(station, "SO-1", MUG_GTIN13, "CMD:CLOSE-BOX")
    pack(station, MUG_GTIN13, LAMP_GTIN13, weight_g=1234)
    events = outbox(store)
    assert [t for _, t, _, _ in events] == [
        "PackStarted",
        "ItemPacked",
        "PackageClosed",
        "ItemPacked",
        "ItemPacked",
        "OrderPacked",
        "PackageClosed",
    ]
    seqs = [seq for seq, _, _, _ in events]
    assert seqs == sorted(seqs)
    with store.sessions() as s:
        stored = s.execute(select(Package.number, Package.sscc).order_by(Package.number)).all()
    closed = [p for _, t, _, p in events if t == "PackageClosed"]
    shipped = {"carrier": "DHL", "service": "Parcel"}
    assert closed == [
        {"order_number": "SO-1", "package_number": 1, "sscc": stored[0].sscc, "weight_g": None}
        | shipped,
        {"order_number": "SO-1", "package_number": 2, "sscc": stored[1].sscc, "weight_g": 1234}
        | shipped,
    ]
    assert all(is_valid_sscc(p["sscc"]) for p in closed)
    assert {op for _, _, op, _ in events} == {CTX.operator_code}
    packed = of_type(store, "OrderPacked")[0]["packages"]
    assert [[c["quantity"] for c in p["contents"]] for p in packed] == [[1], [1, 1]]


def test_a_package_without_weight_or_sscc_says_none(
    store: Store, catalogue: Catalogue, station: PackStation
) -> None:
    """No settled weight, and the station's SSCC block used up: the order is packed all the
    same and its package is reported with None for both (valid for the hub)."""
    with store.sessions.begin() as s:
        add_order(s, "SO-1", [(catalogue.lamp, 1)])
        s.execute(text("UPDATE local_sequence SET value = 999999 WHERE name = 'sscc'"))
    pack(station, "SO-1", LAMP_GTIN13)
    assert of_type(store, "PackageClosed") == [
        {
            "order_number": "SO-1",
            "package_number": 1,
            "sscc": None,
            "weight_g": None,
            "carrier": "DHL",
            "service": "Parcel",
        }
    ]


def test_a_refused_last_scan_sends_no_package_closed(
    store: Store, catalogue: Catalogue, station: PackStation
) -> None:
    with store.sessions.begin() as s:
        add_order(s, "SO-1", [(catalogue.lamp, 1)])
    pack(station, "SO-1")
    assert not station.scan(RawScan(MUG_GTIN13, "test")).accepted
    assert of_type(store, "PackageClosed") == []


# -- LabelPrinted -----------------------------------------------------------------------


def packed(store: Store, station: PackStation, cat: Catalogue, gift: bool = False) -> None:
    with store.sessions.begin() as s:
        add_order(s, "SO-1", [(cat.mug, 1), (cat.lamp, 1)], gift=gift)
    pack(station, "SO-1", MUG_GTIN13, LAMP_GTIN13)


def slip(copy: int = 1) -> dict[str, Any]:
    return {
        "order_number": "SO-1",
        "package_number": None,
        "kind": "packing_slip",
        "printer": "Slips",
        "copy_number": copy,
    }


def label(copy: int = 1) -> dict[str, Any]:
    return {
        "order_number": "SO-1",
        "package_number": 1,
        "kind": "shipping_label",
        "printer": "Labels",
        "copy_number": copy,
    }


def test_each_delivered_document_is_reported_once(
    store: Store, catalogue: Catalogue, station: PackStation
) -> None:
    """GIVEN a gift order's slip, label and gift note delivered WHEN they are run again
    (another round, the operator's Retry) THEN each was reported once, after OrderPacked,
    under the operator signed in at the station."""
    with store.sessions.begin() as s:
        s.add(Operator(code="OP-009", name="Maria"))
    assert station.scan(RawScan("OP:OP-009", "test")).accepted
    packed(store, station, catalogue, gift=True)
    docs = service(store, Renderer(), Gateway())
    assert [r.state for r in docs.run_pending()] == ["done", "done", "done"]
    with store.sessions() as s:
        job_ids = list(s.execute(select(PrintJob.job_id).order_by(PrintJob.id)).scalars())
    for job_id in job_ids:  # done jobs are settled: nothing written again
        assert docs.run(job_id).state == "done"
        assert docs.run(job_id, retry_failed=True).state == "done"
    assert docs.run_pending() == []
    events = outbox(store)
    printed = [(seq, op, p) for seq, t, op, p in events if t == PRINTED]
    assert [p for _, _, p in printed] == [
        slip(),
        label(),
        {
            "order_number": "SO-1",
            "package_number": None,
            "kind": "gift_note",
            "printer": "Labels",
            "copy_number": 1,
        },
    ]
    order_packed = next(seq for seq, t, _, _ in events if t == "OrderPacked")
    assert all(seq > order_packed for seq, _, _ in printed)
    assert {op for _, op, _ in printed} == {"OP-009"}


def test_failed_waiting_and_uncertain_jobs_report_nothing(
    store: Store, catalogue: Catalogue, station: PackStation
) -> None:
    """A document that cannot be drawn (failed), nothing sent (waiting), a broken
    connection (uncertain): none of them is on paper for sure, so none is reported."""
    packed(store, station, catalogue)
    failing = service(store, Renderer(fail=True), Gateway())
    for _ in range(3):
        failing.run_pending()
    assert _statuses(store) == ["failed", "failed"]
    for script, states in (
        ((DeliveryOutcome.NOT_SENT,) * 2, ["pending", "pending"]),
        ((DeliveryOutcome.UNCERTAIN,) * 2, ["uncertain", "uncertain"]),
    ):
        with store.sessions.begin() as s:  # the operator's Retry, in effect
            s.execute(
                text(
                    "UPDATE print_jobs SET status = 'pending', attempts = 0, next_attempt_at = NULL"
                )
            )
        service(store, Renderer(), Gateway(*script)).run_pending()
        assert _statuses(store) == states
    assert of_type(store, PRINTED) == []


def _statuses(store: Store) -> list[str]:
    with store.sessions() as s:
        return list(s.execute(select(PrintJob.status).order_by(PrintJob.id)).scalars())


def test_an_outcome_written_by_a_worker_that_lost_the_job_reports_nothing(
    store: Store, catalogue: Catalogue, station: PackStation
) -> None:
    """The same 'done' written twice for one attempt: the second write finds the job no
    longer this attempt's and writes nothing (no second event)."""
    packed(store, station, catalogue)
    docs = service(store, Renderer(), Gateway(), owner="77", owner_alive=lambda o: False)
    job_id = StationStatus(store.reads).pending_print_jobs()[0]
    claimed = docs._claim(job_id, retry_failed=False)
    assert isinstance(claimed, tuple)
    writer = OutcomeWriter(store.sessions, CTX, lambda: NOW, "77")
    first = writer.finish(job_id, "SO-1", "packing_slip", "Slips", attempt=claimed[3])
    again = writer.finish(job_id, "SO-1", "packing_slip", "Slips", attempt=claimed[3])
    assert (first.state, again.in_progress) == ("done", True)
    assert of_type(store, PRINTED) == [slip()]


def test_confirming_an_uncertain_label_reports_it_once(
    store: Store, catalogue: Catalogue, station: PackStation
) -> None:
    """The operator says the uncertain label came out: reported once (a second tap, from
    another window, writes nothing), under the operator who said so."""
    packed(store, station, catalogue)
    service(
        store, Renderer(), Gateway(DeliveryOutcome.DELIVERED, DeliveryOutcome.UNCERTAIN)
    ).run_pending()
    assert of_type(store, PRINTED) == [slip()]
    [job] = StationStatus(store.reads).uncertain_print_jobs()
    boss = StationContext(CTX.station_code, "OP-SUP")
    decisions = PrintDecisions(store.sessions, lambda: boss, clock=lambda: NOW)
    decisions.confirm_printed(job.job_id)
    decisions.confirm_printed(job.job_id)
    events = [(op, p) for _, t, op, p in outbox(store) if t == PRINTED]
    assert events == [(CTX.operator_code, slip()), ("OP-SUP", label())]


def test_a_replaced_job_is_not_reported_and_its_reprint_is_the_next_copy(
    store: Store, catalogue: Catalogue, station: PackStation
) -> None:
    """'Print again' after an uncertain label: the replaced job is never reported, the new
    copy is, as copy 2; the reprint command's copies are reported as the next copies."""
    packed(store, station, catalogue)
    docs = service(store, Renderer(), Gateway(DeliveryOutcome.DELIVERED, DeliveryOutcome.UNCERTAIN))
    docs.run_pending()
    [job] = StationStatus(store.reads).uncertain_print_jobs()
    new_id = PrintDecisions(store.sessions, lambda: CTX, clock=lambda: NOW).print_again(job.job_id)
    assert new_id is not None
    assert of_type(store, PRINTED) == [slip()]
    assert docs.run(new_id).state == "done"
    assert of_type(store, PRINTED) == [slip(), label(2)]
    assert station.scan(RawScan("CMD:REPRINT", "test")).accepted
    docs.run_pending()
    assert of_type(store, PRINTED) == [slip(), label(2), slip(2), label(3)]
