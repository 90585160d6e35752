"""Producing the documents that packing asks for: slips, shipping labels, gift notes.

A print job row is committed together with the action that needs it, so a crash between the
two never loses a document. A worker first claims the job with a lease in its own commit
(counting the attempt, so a document that crashes its renderer is noticed), builds the
document, renders it for the printer that takes its kind and delivers it:

- delivered: the job is done, and a done job is never produced again;
- not sent (printer off, unplugged, unreachable): nothing left this machine, so the job
  waits and is tried again, with growing pauses, until its deadline; then it fails and
  waits for the operator's Retry;
- uncertain (the connection broke mid-job): the printer may have printed it, so the job is
  never sent again by itself: the operator says whether it printed, or asks for a reprint,
  which prints the next copy, marked as such.

Before the first byte goes out the job is marked "sending" in its own commit. A worker
killed (or a kiosk closed) while sending leaves that mark behind, and whoever takes the job
next makes it uncertain instead of sending it again: a label never comes out twice without
the operator's word.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable, Mapping
from datetime import timedelta
from functools import partial

from sqlalchemy import select, update
from sqlalchemy.orm import Session, sessionmaker

from app.clock import Clock, utc_now
from app.context import StationContext
from app.domain.documents import Address
from app.ports import DeliveryOutcome, DocumentRenderer, PrinterGateway
from app.station_devices import Language, StationDevices
from app.store import print_queries as pq
from app.store.tables import Order, Package, PrintJob
from app.usecases.document_builder import JobSpec, build_document, job_file_name
from app.usecases.print_job_rows import retrying, rowcount, settled
from app.usecases.print_outcomes import MAX_ATTEMPTS, OutcomeWriter
from app.usecases.print_results import PrintResult

log = logging.getLogger(__name__)
LEASE = timedelta(seconds=90)
SEND_DEADLINE_S = 10.0  # one delivery attempt
RETRY_WINDOW = timedelta(minutes=15)  # how long a job (or a Retry) keeps trying
UNREACHABLE_S = 5.0  # after a printer did not answer, its other jobs wait this long
EXTENSIONS = {Language.PDF: "pdf", Language.ZPL: "zpl", Language.ESCPOS: "bin"}


def process_alive(owner: str) -> bool:
    """Whether the worker that claimed a job (its process id) still runs on this machine."""
    try:
        os.kill(int(owner), 0)
    except (ValueError, ProcessLookupError):
        return False
    except PermissionError:
        return True
    return True


class DocumentService:
    def __init__(
        self,
        sessions: sessionmaker[Session],
        ctx: StationContext,
        renderers: Mapping[Language, DocumentRenderer],
        gateway: PrinterGateway,
        devices: StationDevices,
        clock: Clock = utc_now,
        reads: sessionmaker[Session] | None = None,
        owner: str | None = None,
        owner_alive: Callable[[str], bool] = process_alive,
    ) -> None:
        self._sessions = sessions
        self._reads = reads or sessions
        self._ctx = ctx
        self._renderers = renderers
        self._gateway = gateway
        self._devices = devices
        self._ship_from = Address(devices.ship_from[0], tuple(devices.ship_from[1:]))
        self._clock = clock
        self._owner = owner or str(os.getpid())
        self._owner_alive = owner_alive
        self._outcomes = OutcomeWriter(sessions, ctx, clock, self._owner)
        # printer -> (monotonic time to try it again, what it said last)
        self._unreachable: dict[str, tuple[float, str]] = {}

    def run_pending(self) -> list[PrintResult]:
        """Every job that is due; a failure stays pending with its error for a retry."""
        with self._reads() as session:
            job_ids = pq.print_job_ids(session.connection(), due_at=self._clock())
        return [self.run(job_id) for job_id in job_ids]

    def run(self, job_id: str, *, retry_failed: bool = False) -> PrintResult:
        """Produce one job's document, unless it is done, uncertain, held by a live worker,
        or failed (a failed job runs again only when the operator asks: ``retry_failed``)."""
        claimed = self._claim(job_id, retry_failed)
        if isinstance(claimed, PrintResult):
            return claimed
        spec, number, package_number, attempt = claimed
        finish = partial(self._outcomes.finish, job_id, number, spec.kind, attempt=attempt)
        printer = self._devices.printer_for(spec.kind)
        if printer is None:
            error = f"no printer is set up for {spec.kind.replace('_', ' ')}s"
            return finish(None, error=error, final=True)
        until, why = self._unreachable.get(printer.name, (0.0, ""))
        if not retry_failed and until > time.monotonic():
            # It did not answer a moment ago: do not make every waiting job pay its
            # connect timeout again (the other printers' documents would wait behind).
            # The operator's Retry always tries.
            return finish(printer.name, error=why, wait=True)
        try:  # from the claim on, every failure is recorded and releases the job
            with self._reads() as session:
                document = build_document(session, spec, self._ctx.station_code, self._ship_from)
            renderer = self._renderers.get(printer.language)
            if renderer is None:
                raise LookupError(f"no {printer.language.value} renderer in this build")
            data = renderer.render(document, printer)
        except Exception as exc:  # a document the renderer cannot draw: counted attempt
            log.exception("%s for %s could not be rendered", spec.kind, number)
            error = f"{type(exc).__name__}: {exc}"
            return finish(printer.name, error=error)
        if not self._mark_sending(job_id, attempt, printer.name):
            return PrintResult(job_id, number, False, None, None, True, spec.kind, None, "busy")
        name = job_file_name(spec.kind, number, package_number, spec.copy)
        name += "." + EXTENSIONS[printer.language]
        delivery = self._gateway.deliver(printer, data, name, SEND_DEADLINE_S)
        sent = partial(finish, printer.name, sending=True)
        if delivery.outcome is DeliveryOutcome.DELIVERED:
            self._unreachable.pop(printer.name, None)
            return sent(where=delivery.location)
        if delivery.outcome is DeliveryOutcome.UNCERTAIN:
            return sent(error=delivery.detail, uncertain=True)
        self._unreachable[printer.name] = (time.monotonic() + UNREACHABLE_S, delivery.detail)
        return sent(error=delivery.detail, wait=True)

    def _mark_sending(self, job_id: str, attempt: int, printer: str) -> bool:
        """Commit that bytes are about to go out, while the job is still ours."""
        now = self._clock()

        def mark() -> object:
            with self._sessions.begin() as session:
                return session.execute(
                    update(PrintJob)
                    .where(
                        PrintJob.job_id == job_id,
                        PrintJob.claimed_by == self._owner,
                        PrintJob.attempts == attempt,
                        PrintJob.status == "pending",
                    )
                    .values(status="sending", printer=printer, claimed_until=now + LEASE)
                )

        return rowcount(retrying(mark)) == 1

    def _claim(
        self, job_id: str, retry_failed: bool
    ) -> tuple[JobSpec, str, int | None, int] | PrintResult:
        """Take the job: read it on a snapshot, then one conditional UPDATE.

        The write transaction is a single indexed statement, so the scanning GUI thread
        never waits behind a document worker for more than a moment.
        """
        now = self._clock()
        with self._reads() as session:
            row = session.execute(
                select(
                    PrintJob.status,
                    PrintJob.kind,
                    PrintJob.attempts,
                    PrintJob.claimed_until,
                    PrintJob.claimed_by,
                    PrintJob.output_path,
                    PrintJob.error,
                    PrintJob.order_id,
                    PrintJob.package_id,
                    PrintJob.copy,
                    PrintJob.printer,
                    Order.number,
                    Package.number.label("package_number"),
                )
                .join(Order, Order.id == PrintJob.order_id)
                .outerjoin(Package, Package.id == PrintJob.package_id)
                .where(PrintJob.job_id == job_id)
            ).one()
        result = settled(job_id, row, retry_failed)
        if result is not None:
            return result
        held = row.claimed_until is not None and row.claimed_until > now
        # Our own old claim is no obstacle: a worker runs one job at a time.
        mine = row.claimed_by == self._owner
        alive = bool(row.claimed_by) and self._owner_alive(row.claimed_by)
        if held and not mine and alive:
            return PrintResult(
                job_id, row.number, False, None, None, True, row.kind, row.printer, "busy"
            )
        if row.status == "sending":  # its sender stopped mid-job: it may be on paper
            return self._outcomes.cut_off(job_id, row)
        if row.status == "pending" and row.attempts >= MAX_ATTEMPTS and not retry_failed:
            # Attempts that crashed or hung the renderer never reached _finish: stop here.
            error = row.error or "the document process stopped while producing it"
            with self._sessions.begin() as session:
                session.execute(
                    update(PrintJob)
                    .where(PrintJob.job_id == job_id, PrintJob.attempts == row.attempts)
                    .values(status="failed", error=error, claimed_until=None, claimed_by=None)
                )
            return PrintResult(
                job_id, row.number, False, None, error, kind=row.kind, state="failed"
            )
        with self._sessions.begin() as session:
            taken = session.execute(
                update(PrintJob)
                .where(
                    PrintJob.job_id == job_id,
                    PrintJob.status == row.status,
                    PrintJob.attempts == row.attempts,  # nobody claimed it since we read it
                )
                .values(
                    status="pending",
                    attempts=row.attempts + 1,
                    claimed_until=now + LEASE,
                    claimed_by=self._owner,
                    # Retry pressed: a fresh deadline, so a job failed by its deadline
                    # gets its tries again.
                    **({"deadline_at": now + RETRY_WINDOW} if retry_failed else {}),
                )
            )
        if rowcount(taken) != 1:
            return PrintResult(job_id, row.number, False, None, None, True, row.kind, None, "busy")
        spec = JobSpec(row.kind, row.order_id, row.package_id, row.copy)
        return spec, row.number, row.package_number, row.attempts + 1
