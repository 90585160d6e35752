"""Producing the documents that packing asks for (packing slips today).

A print job row is committed together with the action that needs it, so a crash between the
two never loses a slip. A worker first claims the job with a lease in its own commit
(counting the attempt, so a document that crashes its renderer is noticed), renders to a
private temporary file, renames it into place and marks the job done. A job is never
rendered by two workers at once, and a done job is never rendered again: a reprint never
leaves two slips for one order.
"""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from sqlalchemy import CursorResult, case, select, update
from sqlalchemy.orm import Session, sessionmaker

from app.clock import Clock, utc_now
from app.context import StationContext
from app.ports import SlipRenderer
from app.store.journal import audit
from app.store.packing_queries import print_job_ids
from app.store.tables import Order, Package, PrintJob
from app.usecases.packing_slip import build_packing_slip, slip_file_name
from app.usecases.views import load_order

log = logging.getLogger(__name__)
LEASE = timedelta(seconds=90)
MAX_ATTEMPTS = 3  # then the job is "failed" and waits for the operator's Retry


@dataclass(frozen=True, slots=True)
class PrintResult:
    job_id: str
    order_number: str
    ok: bool
    path: Path | None
    error: str | None
    in_progress: bool = False  # another worker holds the job right now: not a failure


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
        renderer: SlipRenderer,
        output_dir: Path,
        clock: Clock = utc_now,
        reads: sessionmaker[Session] | None = None,
        owner: str | None = None,
        owner_alive: Callable[[str], bool] = process_alive,
    ) -> None:
        self._sessions = sessions
        self._reads = reads or sessions
        self._ctx = ctx
        self._renderer = renderer
        self._output_dir = output_dir
        self._clock = clock
        self._owner = owner or str(os.getpid())
        self._owner_alive = owner_alive

    def run_pending(self) -> list[PrintResult]:
        """Render every pending job; a failure stays pending with its error for a retry."""
        with self._reads() as session:
            job_ids = print_job_ids(session.connection())
        return [self.run(job_id) for job_id in job_ids]

    def run(self, job_id: str, *, retry_failed: bool = False) -> PrintResult:
        """Produce one job's document, unless it is done, held by a live worker, or failed
        (a failed job runs again only when the operator asks: ``retry_failed``)."""
        claimed = self._claim(job_id, retry_failed)
        if isinstance(claimed, PrintResult):
            return claimed
        order_id, order_number = claimed
        target = self._output_dir / slip_file_name(order_number)
        partial = target.with_name(f".{target.name}.{self._owner}.{job_id[:8]}.part")
        try:  # from the claim on, every failure is recorded and releases the job
            with self._reads() as session:
                order = load_order(session, order_id)
                packages = len(
                    session.execute(select(Package.id).where(Package.order_id == order_id)).all()
                )
                slip = build_packing_slip(order, packages, self._ctx.station_code)
            self._output_dir.mkdir(parents=True, exist_ok=True)
            self._renderer.render_packing_slip(slip, partial)
            with open(partial, "rb+") as written:
                os.fsync(written.fileno())
            os.replace(partial, target)
            _fsync_dir(self._output_dir)
        except Exception as exc:  # any renderer or disk failure: keep the job, report it
            log.exception("packing slip for %s failed", order_number)
            with contextlib.suppress(OSError):
                partial.unlink(missing_ok=True)
            error = f"{type(exc).__name__}: {exc}"
            self._finish(job_id, order_number, error=error)
            return PrintResult(job_id, order_number, False, None, error)
        self._finish(job_id, order_number, path=target)
        return PrintResult(job_id, order_number, True, target, None)

    def _claim(self, job_id: str, retry_failed: bool) -> tuple[int, str] | PrintResult:
        """Take the job: read it on a snapshot, then one conditional UPDATE.

        The write transaction is a single indexed statement, so the scanning GUI thread
        never waits behind a document worker for more than a moment.
        """
        now = self._clock()
        with self._reads() as session:
            row = session.execute(
                select(
                    PrintJob.status,
                    PrintJob.attempts,
                    PrintJob.claimed_until,
                    PrintJob.claimed_by,
                    PrintJob.output_path,
                    PrintJob.error,
                    PrintJob.order_id,
                    Order.number,
                )
                .join(Order, Order.id == PrintJob.order_id)
                .where(PrintJob.job_id == job_id)
            ).one()
        if row.status == "done":  # asked twice: never print twice
            path = Path(row.output_path) if row.output_path else None
            return PrintResult(job_id, row.number, True, path, None)
        if row.status == "failed" and not retry_failed:
            return PrintResult(job_id, row.number, False, None, row.error)
        held = row.claimed_until is not None and row.claimed_until > now
        # Our own old claim is no obstacle: a worker runs one job at a time.
        mine = row.claimed_by == self._owner
        if held and not mine and row.claimed_by and self._owner_alive(row.claimed_by):
            return PrintResult(job_id, row.number, False, None, None, in_progress=True)
        if row.status == "pending" and row.attempts >= MAX_ATTEMPTS and not retry_failed:
            # Attempts that crashed or hung the renderer never reached _finish: stop here.
            error = row.error or "the document process stopped while producing it"
            with self._sessions.begin() as session:
                session.execute(
                    update(PrintJob)
                    .where(PrintJob.job_id == job_id, PrintJob.attempts == row.attempts)
                    .values(status="failed", error=error, claimed_until=None, claimed_by=None)
                )
            return PrintResult(job_id, row.number, False, None, error)
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
                )
            )
        if _rowcount(taken) != 1:
            return PrintResult(job_id, row.number, False, None, None, in_progress=True)
        return row.order_id, row.number

    def _finish(
        self, job_id: str, order_number: str, path: Path | None = None, error: str | None = None
    ) -> None:
        """Record the outcome in a write transaction of two prepared statements (the GUI
        thread waits behind it, so no ORM work inside)."""
        now = self._clock()
        free = {"claimed_until": None, "claimed_by": None}
        # Only while the job is still ours: if our lease ran out and another worker took
        # it over, its outcome wins (a done job must never turn failed).
        ours = (
            (PrintJob.job_id == job_id)
            & (PrintJob.claimed_by == self._owner)
            & (PrintJob.status == "pending")
        )
        with self._sessions.begin() as session:
            conn = session.connection()
            if error is None:
                done = conn.execute(
                    update(PrintJob)
                    .where(ours)
                    .values(status="done", output_path=str(path), done_at=now, error=None, **free)
                    .returning(PrintJob.attempts)
                ).scalar_one_or_none()
                if done is None:
                    log.warning("job %s was taken over before it finished here", job_id)
                    return
                audit(
                    conn,
                    self._ctx,
                    now,
                    "slip_printed",
                    order_number,
                    {"job_id": job_id, "path": str(path), "attempt": done},
                )
            else:
                conn.execute(
                    update(PrintJob)
                    .where(ours)
                    .values(
                        error=error,
                        status=case(
                            (PrintJob.attempts >= MAX_ATTEMPTS, "failed"), else_=PrintJob.status
                        ),
                        **free,
                    )
                )


def _rowcount(result: object) -> int:
    return result.rowcount if isinstance(result, CursorResult) else -1


def _fsync_dir(folder: Path) -> None:
    """Make the rename itself durable (a power cut must not bring the old name back)."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
