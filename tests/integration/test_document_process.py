"""The document child process: crashes, restarts, and jobs that must not block each other."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from app.scanning import RawScan
from app.store.open import Store
from app.store.tables import PrintJob
from app.usecases.pack_station import PackStation
from app.usecases.status import StationStatus
from tests.conftest import CTX
from tests.factories import LAMP_GTIN13, MUG_GTIN13, Catalogue, add_order
from tests.integration.poison_worker import worker
from ui.document_process import DocumentProcess


def pack(store: Store, station: PackStation, cat: Catalogue, number: str) -> None:
    with store.sessions.begin() as s:
        add_order(s, number, [(cat.mug, 1), (cat.lamp, 1)])
    for code in (number, MUG_GTIN13, LAMP_GTIN13):
        station.scan(RawScan(code, "test"))


def test_a_document_that_crashes_the_renderer_fails_alone(
    store: Store, catalogue: Catalogue, station: PackStation, tmp_path: Path
) -> None:
    """GIVEN three orders' documents, the middle order's crashing its process WHEN they run
    in one batch THEN the others are written, the crashes are reported and counted, and the
    child is restarted for the next job."""
    for number in ("SO-1", "SO-BAD", "SO-3"):
        pack(store, station, catalogue, number)
    status = StationStatus(store.reads)
    jobs = status.pending_print_jobs()
    out = tmp_path / "out"
    out.mkdir()
    process = DocumentProcess(worker, (store.path, out, CTX, "SO-BAD"))
    try:
        results = process.run(jobs)
    finally:
        process.stop()
    assert [r.ok for r in results] == [True, True, False, False, True, True]
    assert "stopped" in (results[2].error or "")
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == [
        "SO-1-packing-slip.pdf",
        "SO-1-shipping-label-1.zpl",
        "SO-3-packing-slip.pdf",
        "SO-3-shipping-label-1.zpl",
    ]
    with store.sessions() as s:
        states = dict(s.execute(select(PrintJob.job_id, PrintJob.status)).all())
        bad = s.execute(select(PrintJob).where(PrintJob.job_id == jobs[2])).scalar_one()
    assert [states[j] for j in jobs] == ["done", "done", "pending", "pending", "done", "done"]
    assert bad.attempts == 1  # the crash was counted by the claim before rendering
    assert status.print_jobs_failing() == 2  # their leases are void: the child is dead
    assert status.pending_print_jobs() == [jobs[2], jobs[3]]


def test_stop_returns_promptly_even_while_a_job_runs(
    store: Store, catalogue: Catalogue, station: PackStation, tmp_path: Path
) -> None:
    """Stopping the kiosk does not wait for the document process (SIGTERM must be quick)."""
    import threading
    import time

    pack(store, station, catalogue, "SO-1")
    process = DocumentProcess(worker, (store.path, tmp_path / "out", CTX, "none"))
    process.start()
    runner = threading.Thread(
        target=process.run, args=(StationStatus(store.reads).pending_print_jobs(),)
    )
    runner.start()
    started = time.monotonic()
    process.stop()
    runner.join(timeout=10)
    assert not runner.is_alive()
    assert time.monotonic() - started < 3  # terminate, not a 5 s join timeout


def test_slips_are_printed_in_the_station_s_language(
    store: Store, catalogue: Catalogue, station: PackStation, tmp_path: Path
) -> None:
    """A Greek station's packing slip says Δελτίο συσκευασίας, from the real child process."""
    from pypdf import PdfReader

    from app.main import document_worker
    from app.station_devices import default_devices

    pack(store, station, catalogue, "SO-EL")
    out = tmp_path / "out"
    out.mkdir()
    process = DocumentProcess(document_worker, (store.path, default_devices(out), CTX, "el"))
    try:
        results = process.run(StationStatus(store.reads).pending_print_jobs())
    finally:
        process.stop()
    assert all(r.ok for r in results), results
    text = " ".join(PdfReader(out / "SO-EL-packing-slip.pdf").pages[0].extract_text().split())
    assert "Δελτίο συσκευασίας" in text and "Σύνολο" in text
