"""Packing-slip jobs: built from the store, written atomically, retried without duplicates."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from sqlalchemy import select, text

from app.domain.documents import PackingSlip
from app.scanning import RawScan
from app.store.open import Store
from app.store.tables import AuditEntry, PrintJob
from app.usecases.documents import DocumentService, PrintResult
from app.usecases.pack_station import PackStation
from app.usecases.status import StationStatus
from tests.conftest import CTX
from tests.factories import LAMP_GTIN13, MUG_GTIN13, NOW, Catalogue, add_order


class TextRenderer:
    """A renderer for pure-logic tests: writes the slip's repr; the Qt PDF one is tested in ui/."""

    def __init__(self, fail: bool = False) -> None:
        self.fail = fail
        self.slips: list[PackingSlip] = []

    def render_packing_slip(self, slip: PackingSlip, target: Path) -> None:
        if self.fail:
            target.write_bytes(b"half a slip")
            raise OSError("printer folder full")
        self.slips.append(slip)
        target.write_text(repr(slip), encoding="utf-8")


def pack(store: Store, station: PackStation, cat: Catalogue, number: str, **kw: bool) -> None:
    with store.sessions.begin() as s:
        add_order(s, number, [(cat.mug, 1), (cat.lamp, 1)], special_code=None, **kw)
    for code in (number, MUG_GTIN13, LAMP_GTIN13):
        station.scan(RawScan(code, "test"))


def test_slip_is_written_once_and_job_marked_done(
    store: Store, catalogue: Catalogue, station: PackStation, tmp_path: Path
) -> None:
    """A pending job renders to <order>-packing-slip.pdf, is marked done and audited."""
    renderer = TextRenderer()
    docs = DocumentService(store.sessions, CTX, renderer, tmp_path / "out", clock=lambda: NOW)
    pack(store, station, catalogue, "SO-1")
    [result] = docs.run_pending()
    assert result.ok and result.path == tmp_path / "out" / "SO-1-packing-slip.pdf"
    assert result.path.exists()
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["SO-1-packing-slip.pdf"]
    assert docs.run_pending() == []
    slip = renderer.slips[0]
    assert slip.total is not None and slip.total.currency == "EUR"
    assert [line.sku for line in slip.lines] == ["TS-MUG", "TS-LAMP"]
    with store.sessions() as s:
        assert s.execute(select(PrintJob.status)).scalar_one() == "done"
        assert s.execute(
            select(AuditEntry.action).where(AuditEntry.action == "slip_printed")
        ).scalar_one()


def test_gift_slip_has_no_prices(
    store: Store, catalogue: Catalogue, station: PackStation, tmp_path: Path
) -> None:
    """Gift orders get a slip without a single price or total."""
    renderer = TextRenderer()
    docs = DocumentService(store.sessions, CTX, renderer, tmp_path, clock=lambda: NOW)
    pack(store, station, catalogue, "SO-G", gift=True)
    docs.run_pending()
    slip = renderer.slips[0]
    assert slip.is_gift and slip.gift_message == "Χρόνια πολλά!"
    assert all(
        line.unit_price_cents is None and line.line_total_cents is None for line in slip.lines
    )
    assert (slip.subtotal, slip.shipping, slip.tax, slip.total) == (None, None, None, None)


def test_failed_render_keeps_the_job_and_leaves_no_partial_file(
    store: Store, catalogue: Catalogue, station: PackStation, tmp_path: Path
) -> None:
    """A renderer failure keeps the job pending with its error; a retry writes one file."""
    out = tmp_path / "out"
    failing = DocumentService(store.sessions, CTX, TextRenderer(fail=True), out)
    pack(store, station, catalogue, "SO-1")
    [result] = failing.run_pending()
    assert not result.ok and "printer folder full" in (result.error or "")
    assert list(out.iterdir()) == []
    with store.sessions() as s:
        job = s.execute(select(PrintJob)).scalar_one()
        assert (job.status, job.attempts) == ("pending", 1)
    working = DocumentService(store.sessions, CTX, TextRenderer(), out)
    assert [r.ok for r in working.run_pending()] == [True]
    assert [r.ok for r in working.run_pending()] == []
    assert [p.name for p in out.iterdir()] == ["SO-1-packing-slip.pdf"]


def test_a_job_held_by_a_live_worker_is_left_alone_and_a_dead_ones_is_taken_over(
    store: Store, catalogue: Catalogue, station: PackStation, tmp_path: Path
) -> None:
    """Two workers never render one job; a worker that died does not block it."""
    pack(store, station, catalogue, "SO-1")
    alive = {"1001": True}
    first = DocumentService(
        store.sessions,
        CTX,
        TextRenderer(fail=True),
        tmp_path,
        clock=lambda: NOW,
        owner="1001",
        owner_alive=lambda o: alive.get(o, False),
    )
    # The first worker claims, then (as if killed) never finishes: simulate by claiming only.
    [job_id] = StationStatus(store.reads).pending_print_jobs()
    assert not isinstance(first._claim(job_id, retry_failed=False), PrintResult)
    renderer = TextRenderer()
    second = DocumentService(
        store.sessions,
        CTX,
        renderer,
        tmp_path,
        clock=lambda: NOW,
        owner="1002",
        owner_alive=lambda o: alive.get(o, False),
    )
    busy = second.run(job_id)
    assert busy.in_progress and not busy.ok and renderer.slips == []
    alive["1001"] = False  # the first worker's process is gone
    done = second.run(job_id)
    assert done.ok and len(renderer.slips) == 1
    with store.sessions() as s:
        job = s.execute(select(PrintJob)).scalar_one()
        assert (job.status, job.attempts, job.claimed_by) == ("done", 2, None)


def test_a_document_that_keeps_failing_stops_after_max_attempts_until_retried(
    store: Store, catalogue: Catalogue, station: PackStation, tmp_path: Path
) -> None:
    """Three failures mark the job failed; automatic runs skip it; Retry runs it again."""
    pack(store, station, catalogue, "SO-1")
    failing = DocumentService(store.sessions, CTX, TextRenderer(fail=True), tmp_path)
    [job_id] = StationStatus(store.reads).pending_print_jobs()
    for _ in range(3):
        assert not failing.run(job_id).ok
    with store.sessions() as s:
        assert s.execute(select(PrintJob.status)).scalar_one() == "failed"
    renderer = TextRenderer()
    working = DocumentService(store.sessions, CTX, renderer, tmp_path)
    assert StationStatus(store.reads).pending_print_jobs() == []
    assert not working.run(job_id).ok and renderer.slips == []  # not without the operator
    assert working.run(job_id, retry_failed=True).ok
    assert len(renderer.slips) == 1


def test_a_job_that_crashed_its_worker_three_times_is_failed_not_retried_forever(
    store: Store, catalogue: Catalogue, station: PackStation, tmp_path: Path
) -> None:
    """Attempts that never reached their end (crash, hang) still count toward the limit."""
    pack(store, station, catalogue, "SO-1")
    renderer = TextRenderer()
    docs = DocumentService(
        store.sessions, CTX, renderer, tmp_path, owner="1", owner_alive=lambda o: False
    )
    [job_id] = StationStatus(store.reads).pending_print_jobs()
    with store.sessions.begin() as s:  # three claims whose workers died mid-render
        s.execute(text("UPDATE print_jobs SET attempts = 3, claimed_by = '999'"))
    result = docs.run(job_id)
    assert not result.ok and renderer.slips == []
    with store.sessions() as s:
        assert s.execute(select(PrintJob.status)).scalar_one() == "failed"
    assert StationStatus(store.reads).print_jobs_failing() == 1


def test_a_job_that_never_reached_a_worker_counts_as_failing_after_a_minute(
    store: Store, catalogue: Catalogue, station: PackStation
) -> None:
    """A pending job nobody claimed (the document process never started) shows Retry."""
    pack(store, station, catalogue, "SO-1")
    assert StationStatus(store.reads, clock=lambda: NOW).print_jobs_failing() == 0
    later = NOW + timedelta(seconds=61)
    assert StationStatus(store.reads, clock=lambda: later).print_jobs_failing() == 1
