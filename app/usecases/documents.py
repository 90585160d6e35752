"""Producing the documents that packing asks for (packing slips today).

A print job row is committed together with the action that needs it, so a crash between the
two never loses a slip. Rendering goes to a temporary file that is renamed into place, and a
retried job overwrites the same file name: a reprint never leaves two slips for one order.
"""

from __future__ import annotations

import contextlib
import logging
import os
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from app.clock import Clock, utc_now
from app.context import StationContext
from app.domain.documents import Address, Money, PackingSlip, SlipLine
from app.ports import SlipRenderer
from app.store.journal import audit
from app.store.tables import Order, Package, PrintJob
from app.usecases.views import load_order, special_flags

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class PrintResult:
    job_id: str
    order_number: str
    ok: bool
    path: Path | None
    error: str | None


def build_packing_slip(order: Order, package_count: int, station: str) -> PackingSlip:
    """The slip for a packed order; a gift slip carries no prices at all."""
    gift = order.gift
    money = (lambda cents: None) if gift else (lambda cents: Money(cents, order.currency))
    place = f"{order.ship_postcode} {order.ship_city}".strip()
    address_lines = [
        order.ship_address1,
        order.ship_address2,
        place,
        order.ship_region,
        order.ship_country,
    ]
    assert order.packed_at is not None, "only packed orders get a packing slip"
    return PackingSlip(
        order_number=order.number,
        channel=order.channel,
        ship_to=Address(order.ship_name, tuple(x for x in address_lines if x)),
        carrier=order.carrier,
        service=order.service,
        packed_at=order.packed_at,
        packed_by=order.packed_by or "",
        station=station,
        lines=tuple(
            SlipLine(
                sku=line.product.sku,
                name=line.product.name,
                quantity=line.qty_ordered,
                unit_price_cents=None if gift else line.unit_price_cents,
                line_total_cents=None if gift else line.unit_price_cents * line.qty_ordered,
            )
            for line in order.lines
        ),
        special=special_flags(order),
        special_code=order.special_code,
        replaces_order_number=order.replaces_order_number,
        gift_message=order.gift_message,
        subtotal=money(order.subtotal_cents),
        shipping=money(order.shipping_cents),
        tax=money(order.tax_cents),
        total=money(order.total_cents),
        package_count=package_count,
    )


def _fsync_dir(folder: Path) -> None:
    """Make the rename itself durable (a power cut must not bring the old name back)."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def slip_file_name(order_number: str) -> str:
    safe = "".join(c if c.isalnum() or c in "-_" else "_" for c in order_number)
    return f"{safe}-packing-slip.pdf"


class DocumentService:
    def __init__(
        self,
        sessions: sessionmaker[Session],
        ctx: StationContext,
        renderer: SlipRenderer,
        output_dir: Path,
        clock: Clock = utc_now,
        reads: sessionmaker[Session] | None = None,
    ) -> None:
        self._sessions = sessions
        self._reads = reads or sessions
        self._ctx = ctx
        self._renderer = renderer
        self._output_dir = output_dir
        self._clock = clock

    @property
    def output_dir(self) -> Path:
        return self._output_dir

    def pending_job_ids(self) -> list[str]:
        with self._reads() as session:
            rows = session.execute(
                select(PrintJob.job_id).where(PrintJob.status == "pending").order_by(PrintJob.id)
            ).scalars()
            return list(rows)

    def run_pending(self) -> list[PrintResult]:
        """Render every pending job; a failure stays pending with its error for a retry."""
        return [self.run(job_id) for job_id in self.pending_job_ids()]

    def run(self, job_id: str) -> PrintResult:
        with self._reads() as session:
            job = session.execute(select(PrintJob).where(PrintJob.job_id == job_id)).scalar_one()
            order = load_order(session, job.order_id)
            packages = len(
                session.execute(select(Package.id).where(Package.order_id == order.id)).all()
            )
            slip = build_packing_slip(order, packages, self._ctx.station_code)
        target = self._output_dir / slip_file_name(slip.order_number)
        partial = target.with_name(f".{target.name}.{job_id[:8]}.part")
        try:
            self._output_dir.mkdir(parents=True, exist_ok=True)
            self._renderer.render_packing_slip(slip, partial)
            with open(partial, "rb+") as written:
                os.fsync(written.fileno())
            os.replace(partial, target)
            _fsync_dir(self._output_dir)
        except Exception as exc:  # any renderer or disk failure: keep the job, report it
            log.exception("packing slip for %s failed", slip.order_number)
            with contextlib.suppress(OSError):
                partial.unlink(missing_ok=True)
            self._finish(job_id, slip.order_number, error=f"{type(exc).__name__}: {exc}")
            return PrintResult(job_id, slip.order_number, False, None, str(exc))
        self._finish(job_id, slip.order_number, path=target)
        return PrintResult(job_id, slip.order_number, True, target, None)

    def _finish(
        self, job_id: str, order_number: str, path: Path | None = None, error: str | None = None
    ) -> None:
        now = self._clock()
        with self._sessions.begin() as session:
            job = session.execute(select(PrintJob).where(PrintJob.job_id == job_id)).scalar_one()
            job.attempts += 1
            if error is None:
                job.status, job.output_path, job.done_at, job.error = "done", str(path), now, None
                audit(
                    session.connection(),
                    self._ctx,
                    now,
                    "slip_printed",
                    order_number,
                    {"job_id": job_id, "path": str(path)},
                )
            else:
                job.error = error
