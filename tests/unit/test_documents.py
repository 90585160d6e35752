"""Packing-slip jobs: built from the store, written atomically, retried without duplicates."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from app.domain.documents import PackingSlip
from app.scanning import RawScan
from app.store.open import Store
from app.store.tables import AuditEntry, PrintJob
from app.usecases.documents import DocumentService
from app.usecases.pack_station import PackStation
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
