"""Print jobs: built from the store, routed to printers, retried without ever printing twice.

The renderer and the printer gateway here are test doubles of pure logic (the real ones are
tested on a loopback printer and real files in tests/devices and tests/integration).
"""

from __future__ import annotations

from collections import deque
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select, text

from app.domain.documents import PackingSlip
from app.domain.labels import Document, GiftNote, ShippingLabel
from app.domain.sscc import is_valid_sscc
from app.ports import Delivery, DeliveryOutcome
from app.scanning import RawScan
from app.station_devices import (
    Language,
    PrinterSettings,
    StationDevices,
    TransportKind,
    default_devices,
)
from app.store.open import Store
from app.store.tables import AuditEntry, Operator, Package, PrintJob
from app.usecases.documents import DocumentService
from app.usecases.pack_station import PackStation
from app.usecases.print_decisions import PrintDecisions
from app.usecases.status import StationStatus
from tests.conftest import CTX
from tests.factories import LAMP_GTIN13, MUG_GTIN13, NOW, Catalogue, add_order

LABELS = PrinterSettings(
    "Labels",
    Language.ZPL,
    TransportKind.TCP,
    "127.0.0.1:9100",
    documents=("shipping_label", "gift_note"),
)
SLIPS = PrinterSettings("Slips", Language.PDF, TransportKind.FOLDER, "/tmp/x")
DEVICES = StationDevices(printers=(SLIPS, LABELS))


class Renderer:
    def __init__(self, fail: bool = False) -> None:
        self.fail = fail
        self.documents: list[Document] = []

    def render(self, document: Document, printer: PrinterSettings) -> bytes:
        if self.fail:
            raise ValueError("cannot draw this")
        self.documents.append(document)
        return repr(document).encode()


class Gateway:
    """Answers each delivery with the next scripted outcome (delivered once the script ends)."""

    def __init__(self, *script: DeliveryOutcome) -> None:
        self.script = deque(script)
        self.sent: list[tuple[str, str]] = []  # (printer, job name)

    def deliver(
        self, printer: PrinterSettings, data: bytes, job_name: str, deadline_s: float
    ) -> Delivery:
        outcome = self.script.popleft() if self.script else DeliveryOutcome.DELIVERED
        if outcome is not DeliveryOutcome.NOT_SENT:
            self.sent.append((printer.name, job_name))
        detail = "" if outcome is DeliveryOutcome.DELIVERED else f"printer said {outcome}"
        return Delivery(outcome, detail, f"/out/{job_name}")


def service(store: Store, renderer: Renderer, gateway: Gateway, clock=lambda: NOW, **kw):  # type: ignore[no-untyped-def]
    return DocumentService(
        store.sessions,
        CTX,
        {Language.PDF: renderer, Language.ZPL: renderer},
        gateway,
        kw.pop("devices", DEVICES),
        clock=clock,
        **kw,
    )


def pack(store: Store, station: PackStation, cat: Catalogue, number: str, **kw: bool) -> None:
    with store.sessions.begin() as s:
        add_order(s, number, [(cat.mug, 1), (cat.lamp, 1)], special_code=None, **kw)
    for code in (number, MUG_GTIN13, LAMP_GTIN13):
        station.scan(RawScan(code, "test"))


def jobs(store: Store) -> list[tuple[str, str, int]]:
    with store.sessions() as s:
        rows = s.execute(
            select(PrintJob.kind, PrintJob.status, PrintJob.copy).order_by(PrintJob.id)
        )
        return [tuple(r) for r in rows]  # type: ignore[misc]


def test_a_packed_order_prints_its_slip_and_one_label_per_package(
    store: Store, catalogue: Catalogue, station: PackStation
) -> None:
    """Slip to the PDF printer, label (with a valid SSCC) to the label printer; audited."""
    renderer, gateway = Renderer(), Gateway()
    pack(store, station, catalogue, "SO-1")
    results = service(store, renderer, gateway).run_pending()
    assert [(r.kind, r.state, r.printer) for r in results] == [
        ("packing_slip", "done", "Slips"),
        ("shipping_label", "done", "Labels"),
    ]
    assert gateway.sent == [
        ("Slips", "SO-1-packing-slip.pdf"),
        ("Labels", "SO-1-shipping-label-1.zpl"),
    ]
    slip, label = renderer.documents
    assert isinstance(slip, PackingSlip) and slip.total is not None
    assert isinstance(label, ShippingLabel) and is_valid_sscc(label.sscc)
    assert (label.package_number, label.package_count, label.weight_g) == (1, 1, 700)
    with store.sessions() as s:
        assert s.execute(select(Package.sscc)).scalar_one() == label.sscc
        printed = (
            s.execute(select(AuditEntry.detail).where(AuditEntry.action == "document_printed"))
            .scalars()
            .all()
        )
        assert len(printed) == 2
    assert service(store, renderer, gateway).run_pending() == []


def test_gift_orders_get_a_gift_note_and_a_slip_without_prices(
    store: Store, catalogue: Catalogue, station: PackStation
) -> None:
    renderer = Renderer()
    pack(store, station, catalogue, "SO-G", gift=True)
    service(store, renderer, Gateway()).run_pending()
    slip, _label, note = renderer.documents
    assert isinstance(slip, PackingSlip) and slip.is_gift
    assert (slip.subtotal, slip.shipping, slip.tax, slip.total) == (None, None, None, None)
    assert all(line.unit_price_cents is None for line in slip.lines)
    assert isinstance(note, GiftNote) and note.message == "Χρόνια πολλά!"


def test_each_station_allocates_sscc_from_its_own_block(
    store: Store, catalogue: Catalogue, station: PackStation
) -> None:
    """Two orders get two different, valid SSCCs whose serial starts with the station number."""
    pack(store, station, catalogue, "SO-1")
    pack(store, station, catalogue, "SO-2")
    with store.sessions() as s:
        ssccs = list(s.execute(select(Package.sscc).order_by(Package.id)).scalars())
    assert len(set(ssccs)) == 2 and all(is_valid_sscc(c or "") for c in ssccs)
    assert [c[8:17] for c in ssccs if c] == ["001000001", "001000002"]


def test_printer_offline_waits_and_retries_then_fails_at_the_deadline(
    store: Store, catalogue: Catalogue, station: PackStation
) -> None:
    """Nothing sent: the job waits (not due yet), is retried, and fails only at its deadline."""
    now = [NOW]
    pack(store, station, catalogue, "SO-1")
    gateway = Gateway(*[DeliveryOutcome.NOT_SENT] * 50)
    docs = service(store, Renderer(), gateway, clock=lambda: now[0])
    first = docs.run_pending()
    assert [r.state for r in first] == ["waiting", "waiting"]
    assert "printer said" in (first[0].error or "")
    assert docs.run_pending() == []  # not due yet: a pause before the next try
    for _ in range(30):  # tries keep going, attempts never pile up to "failed"
        now[0] += timedelta(seconds=61)
        docs.run_pending()
        if now[0] - NOW > timedelta(minutes=15):
            break
    assert [status for _, status, _ in jobs(store)] == ["failed", "failed"]
    status = StationStatus(store.reads, clock=lambda: now[0])
    assert status.print_jobs_failing() == 2
    gateway.script.clear()  # printer back; the operator presses Retry
    retried = [
        docs.run(j, retry_failed=True) for j in status.pending_print_jobs(include_failed=True)
    ]
    assert [r.state for r in retried] == ["done", "done"]


def test_an_uncertain_delivery_is_never_sent_again_by_itself(
    store: Store, catalogue: Catalogue, station: PackStation
) -> None:
    """The connection broke mid-label: the job waits for the operator, even on Retry."""
    pack(store, station, catalogue, "SO-1")
    gateway = Gateway(DeliveryOutcome.DELIVERED, DeliveryOutcome.UNCERTAIN)
    docs = service(store, Renderer(), gateway)
    assert [r.state for r in docs.run_pending()] == ["done", "uncertain"]
    sent_before = list(gateway.sent)
    assert docs.run_pending() == []
    label_job = StationStatus(store.reads).uncertain_print_jobs()[0]
    assert docs.run(label_job.job_id, retry_failed=True).state == "uncertain"
    assert gateway.sent == sent_before


def test_print_again_after_an_uncertain_label_prints_the_next_copy(
    store: Store, catalogue: Catalogue, station: PackStation
) -> None:
    renderer = Renderer()
    pack(store, station, catalogue, "SO-1")
    docs = service(store, renderer, Gateway(DeliveryOutcome.DELIVERED, DeliveryOutcome.UNCERTAIN))
    docs.run_pending()
    [job] = StationStatus(store.reads).uncertain_print_jobs()
    assert job.kind == "shipping_label" and job.order_number == "SO-1"
    new_id = PrintDecisions(store.sessions, lambda: CTX, clock=lambda: NOW).print_again(job.job_id)
    result = docs.run(new_id)
    assert result.state == "done"
    copy = renderer.documents[-1]
    assert isinstance(copy, ShippingLabel) and copy.copy == 2
    assert jobs(store) == [
        ("packing_slip", "done", 1),
        ("shipping_label", "replaced", 1),
        ("shipping_label", "done", 2),
    ]


def test_confirming_an_uncertain_job_settles_it_without_printing(
    store: Store, catalogue: Catalogue, station: PackStation
) -> None:
    pack(store, station, catalogue, "SO-1")
    gateway = Gateway(DeliveryOutcome.UNCERTAIN)
    docs = service(store, Renderer(), gateway)
    docs.run_pending()
    [job] = StationStatus(store.reads).uncertain_print_jobs()
    decisions = PrintDecisions(store.sessions, lambda: CTX, clock=lambda: NOW)
    decisions.confirm_printed(job.job_id)
    decisions.confirm_printed(job.job_id)  # a second tap changes nothing
    assert StationStatus(store.reads).uncertain_print_jobs() == []
    with store.sessions() as s:
        assert s.execute(
            select(AuditEntry.action).where(AuditEntry.action == "print_confirmed")
        ).scalars().all() == ["print_confirmed"]


def test_reprint_command_queues_the_next_copy_of_every_document(
    store: Store, catalogue: Catalogue, station: PackStation
) -> None:
    renderer = Renderer()
    pack(store, station, catalogue, "SO-1")
    docs = service(store, renderer, Gateway())
    docs.run_pending()
    result = station.scan(RawScan("CMD:REPRINT", "test"))
    assert len(result.print_job_ids) == 2
    docs.run_pending()
    assert [getattr(d, "copy", None) for d in renderer.documents] == [1, 1, 2, 2]


def test_no_printer_for_a_document_fails_it_with_a_clear_message(
    store: Store, catalogue: Catalogue, station: PackStation
) -> None:
    pack(store, station, catalogue, "SO-1")
    receipts = PrinterSettings(
        "Receipts", Language.ESCPOS, TransportKind.TCP, "127.0.0.1:9101"
    )  # a receipt printer cannot draw a 4x6 label
    docs = DocumentService(
        store.sessions,
        CTX,
        {Language.ESCPOS: Renderer()},
        Gateway(),
        StationDevices(printers=(receipts,)),
        clock=lambda: NOW,
    )
    slip, label = docs.run_pending()
    assert slip.state == "done"
    assert label.state == "failed" and label.error == "no printer is set up for shipping labels"


def test_a_document_the_renderer_cannot_draw_fails_after_max_attempts(
    store: Store, catalogue: Catalogue, station: PackStation
) -> None:
    pack(store, station, catalogue, "SO-1")
    gateway = Gateway()
    failing = service(store, Renderer(fail=True), gateway)
    for _ in range(3):
        failing.run_pending()
    assert [status for _, status, _ in jobs(store)] == ["failed", "failed"]
    assert gateway.sent == []


def test_a_job_held_by_a_live_worker_is_left_alone_and_a_dead_ones_is_taken_over(
    store: Store, catalogue: Catalogue, station: PackStation
) -> None:
    """Two workers never render one job; a worker that died does not block it."""
    pack(store, station, catalogue, "SO-1")
    alive = {"1001": True}
    first = service(
        store, Renderer(), Gateway(), owner="1001", owner_alive=lambda o: alive.get(o, False)
    )
    job_id = StationStatus(store.reads).pending_print_jobs()[0]
    assert not hasattr(first._claim(job_id, retry_failed=False), "ok")  # claimed, then killed
    renderer = Renderer()
    second = service(
        store, renderer, Gateway(), owner="1002", owner_alive=lambda o: alive.get(o, False)
    )
    busy = second.run(job_id)
    assert busy.in_progress and not busy.ok and renderer.documents == []
    alive["1001"] = False
    assert second.run(job_id).ok and len(renderer.documents) == 1


def test_a_job_that_crashed_its_worker_three_times_is_failed_not_retried_forever(
    store: Store, catalogue: Catalogue, station: PackStation
) -> None:
    """Attempts that never reached their end (crash, hang) still count toward the limit."""
    pack(store, station, catalogue, "SO-1")
    renderer = Renderer()
    docs = service(store, renderer, Gateway(), owner="1", owner_alive=lambda o: False)
    job_id = StationStatus(store.reads).pending_print_jobs()[0]
    with store.sessions.begin() as s:
        s.execute(
            text("UPDATE print_jobs SET attempts = 3, claimed_by = '999' WHERE job_id = :j"),
            {"j": job_id},
        )
    result = docs.run(job_id)
    assert not result.ok and result.state == "failed" and renderer.documents == []


def test_a_job_that_never_reached_a_worker_counts_as_failing_after_a_minute(
    store: Store, catalogue: Catalogue, station: PackStation
) -> None:
    """A pending job nobody claimed (the document process never started) shows Retry."""
    pack(store, station, catalogue, "SO-1")
    assert StationStatus(store.reads, clock=lambda: NOW).print_jobs_failing() == 0
    later = NOW + timedelta(seconds=61)
    assert StationStatus(store.reads, clock=lambda: later).print_jobs_failing() == 2


@pytest.mark.parametrize("kind", ["packing_slip", "shipping_label", "gift_note"])
def test_default_devices_route_every_order_document_to_the_output_folder(
    kind: str, tmp_path: Path
) -> None:
    printer = default_devices(tmp_path).printer_for(kind)
    assert printer is not None and printer.address == str(tmp_path)


def test_documents_are_audited_under_the_operator_signed_in_now(
    store: Store, catalogue: Catalogue, station: PackStation
) -> None:
    """The document process started with one operator; a badge changed it since."""
    with store.sessions.begin() as s:
        s.add(Operator(code="OP-009", name="Maria"))
    assert station.scan(RawScan("OP:OP-009", "test")).accepted
    pack(store, station, catalogue, "SO-1")
    service(store, Renderer(), Gateway()).run_pending()  # built with CTX's operator
    with store.sessions() as s:
        who = s.execute(
            select(AuditEntry.operator_code).where(AuditEntry.action == "document_printed")
        ).scalars()
        assert set(who) == {"OP-009"}


def test_a_job_cut_off_while_sending_becomes_uncertain_and_is_not_sent_again(
    store: Store, catalogue: Catalogue, station: PackStation
) -> None:
    """GIVEN a worker that died (kill -9, kiosk closed) after marking a label 'sending'
    WHEN the next worker takes the job THEN it asks the operator instead of sending it."""
    pack(store, station, catalogue, "SO-1")
    dying = service(store, Renderer(), Gateway(), owner="111", owner_alive=lambda o: False)
    label_job = StationStatus(store.reads).pending_print_jobs()[1]
    claimed = dying._claim(label_job, retry_failed=False)
    assert isinstance(claimed, tuple)
    assert dying._mark_sending(label_job, claimed[3], "Labels")  # ... then the worker died
    gateway = Gateway()
    result = service(store, Renderer(), gateway, owner="222", owner_alive=lambda o: False).run(
        label_job
    )
    assert result.state == "uncertain" and "stopped while sending" in (result.error or "")
    assert gateway.sent == []
    [job] = StationStatus(store.reads).uncertain_print_jobs()
    assert job.job_id == label_job


def test_an_outcome_the_store_would_not_take_leaves_the_job_uncertain_not_resent(
    store: Store, catalogue: Catalogue, station: PackStation, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The slip went out but the store stayed locked: the same worker must not send it
    again on its next round."""
    from sqlalchemy.exc import OperationalError

    from app.usecases import print_job_rows

    pack(store, station, catalogue, "SO-1")
    gateway = Gateway()
    docs = service(store, Renderer(), gateway, owner="333", owner_alive=lambda o: o == "333")
    monkeypatch.setattr(print_job_rows, "WRITE_PAUSE_S", 0.001)
    real = docs._outcomes._write_outcome

    def locked(*args: object) -> object:
        raise OperationalError("UPDATE", {}, Exception("database is locked"))

    monkeypatch.setattr(docs._outcomes, "_write_outcome", locked)
    with pytest.raises(OperationalError):
        docs.run_pending()
    assert len(gateway.sent) == 1  # the slip went out; its outcome was not written
    monkeypatch.setattr(docs._outcomes, "_write_outcome", real)
    assert [(r.kind, r.state) for r in docs.run_pending()] == [
        ("packing_slip", "uncertain"),  # asked, never sent again by itself
        ("shipping_label", "done"),
    ]
    assert [name for _, name in gateway.sent] == [
        "SO-1-packing-slip.pdf",
        "SO-1-shipping-label-1.zpl",
    ]


def test_a_replaced_job_is_never_retried_and_stops_counting_as_failing(
    store: Store, catalogue: Catalogue, station: PackStation
) -> None:
    pack(store, station, catalogue, "SO-1")
    gateway = Gateway(DeliveryOutcome.DELIVERED, DeliveryOutcome.UNCERTAIN)
    docs = service(store, Renderer(), gateway)
    docs.run_pending()
    [job] = StationStatus(store.reads).uncertain_print_jobs()
    new_id = PrintDecisions(store.sessions, lambda: CTX, clock=lambda: NOW).print_again(job.job_id)
    assert new_id is not None and docs.run(new_id).state == "done"
    status = StationStatus(store.reads, clock=lambda: NOW)
    assert status.pending_print_jobs(include_failed=True) == []
    assert status.print_jobs_failing() == 0
    assert PrintDecisions(store.sessions, lambda: CTX).print_again(job.job_id) is None


def test_a_printer_that_did_not_answer_is_not_asked_again_for_its_other_jobs_at_once(
    store: Store, catalogue: Catalogue, station: PackStation
) -> None:
    """Two labels wait for a dead printer: one connect timeout, not two, before the next
    printer's documents get their turn."""
    pack(store, station, catalogue, "SO-1")
    pack(store, station, catalogue, "SO-2")
    calls: list[str] = []

    class DeadLabels(Gateway):
        def deliver(
            self, printer: PrinterSettings, data: bytes, job_name: str, deadline_s: float
        ) -> Delivery:
            calls.append(printer.name)
            if printer.name == "Labels":
                return Delivery(DeliveryOutcome.NOT_SENT, "no answer from 10.0.0.9:9100")
            return super().deliver(printer, data, job_name, deadline_s)

    results = service(store, Renderer(), DeadLabels()).run_pending()
    assert [(r.kind, r.state) for r in results] == [
        ("packing_slip", "done"),
        ("shipping_label", "waiting"),
        ("packing_slip", "done"),
        ("shipping_label", "waiting"),
    ]
    assert calls.count("Labels") == 1
    assert results[3].error == "no answer from 10.0.0.9:9100"
