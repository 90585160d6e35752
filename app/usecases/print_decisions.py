"""The operator's word on a print job whose outcome the station cannot know.

When a printer connection breaks mid-job the label may be on paper or not; only the person
at the printer can tell. "It printed" settles the job; "Print again" queues the next copy,
marked as a reprint, so a second label is always a decision and never an accident.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import select, update
from sqlalchemy.orm import Session, sessionmaker

from app.clock import Clock, utc_now
from app.context import StationContext
from app.store import print_queries as pq
from app.store.journal import audit
from app.store.tables import Order, PrintJob
from app.usecases.print_job_rows import report_printed
from app.usecases.print_plan import queue_next_copy


class PrintDecisions:
    def __init__(
        self,
        sessions: sessionmaker[Session],
        ctx: Callable[[], StationContext],
        clock: Clock = utc_now,
    ) -> None:
        """``ctx`` gives who acts now (an operator may sign in by badge at any time)."""
        self._sessions = sessions
        self._ctx = ctx
        self._clock = clock

    def confirm_printed(self, job_id: str) -> None:
        """The operator saw an uncertain job come out whole: it is done, and the centre is
        told (``LabelPrinted``) in the same transaction."""
        self._resolve_uncertain(job_id, "done", "print_confirmed")

    def print_again(self, job_id: str) -> str | None:
        """The operator saw an uncertain job not come out (or come out damaged): it is
        replaced by the next copy, marked as a reprint; Retry never sends the replaced
        one. Returns the new job's id (None if it was settled meanwhile)."""
        now = self._clock()
        with self._sessions.begin() as session:
            conn = session.connection()
            row = conn.execute(
                select(PrintJob.order_id, PrintJob.status, Order.number)
                .join(Order, Order.id == PrintJob.order_id)
                .where(PrintJob.job_id == job_id)
            ).one()
            if row.status != "uncertain":  # another tap, another window settled it
                return None
            pq.mark_replaced(conn, job_id)
            kind, package_id = conn.execute(
                select(PrintJob.kind, PrintJob.package_id).where(PrintJob.job_id == job_id)
            ).one()
            new_id = queue_next_copy(conn, row.order_id, kind, package_id, job_id, now)
            audit(
                conn,
                self._ctx(),
                now,
                "print_again",
                row.number,
                {"job_id": job_id, "new_job_id": new_id},
            )
        return new_id

    def _resolve_uncertain(self, job_id: str, status: str, action: str) -> None:
        now = self._clock()
        with self._sessions.begin() as session:
            conn = session.connection()
            number = conn.execute(
                update(PrintJob)
                .where(PrintJob.job_id == job_id, PrintJob.status == "uncertain")
                .values(status=status, done_at=now)
                .returning(PrintJob.order_id)
            ).scalar_one_or_none()
            if number is None:
                return  # resolved already (another tap, another window)
            order = conn.execute(select(Order.number).where(Order.id == number)).scalar_one()
            ctx = self._ctx()
            audit(conn, ctx, now, action, order, {"job_id": job_id})
            if status == "done":
                report_printed(conn, ctx, now, job_id)
