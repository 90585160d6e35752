"""Writing what became of a print job, only while the job is still this attempt's.

Each write is one short transaction of prepared statements (the GUI thread may wait behind
it), retried while another process holds the store. If our lease ran out and another
worker took the job over, its outcome wins: a done job never turns failed. The write that
makes a job done also queues its ``LabelPrinted`` event for the centre (once per job: only
the write that moves it from pending/sending to done does).
"""

from __future__ import annotations

import logging
from datetime import timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, case, select, update
from sqlalchemy.orm import Session, sessionmaker

from app.clock import Clock
from app.context import StationContext
from app.store.journal import audit
from app.store.tables import PrintJob
from app.usecases.print_job_rows import operator_now, report_printed, retrying, rowcount
from app.usecases.print_results import PrintResult

log = logging.getLogger(__name__)
MAX_ATTEMPTS = 3  # claims that crashed or failed to render; then "failed", until Retry
RETRY_PAUSE_MIN = timedelta(seconds=2)
RETRY_PAUSE_MAX = timedelta(seconds=60)


class OutcomeWriter:
    def __init__(
        self, sessions: sessionmaker[Session], ctx: StationContext, clock: Clock, owner: str
    ) -> None:
        self._sessions = sessions
        self._ctx = ctx
        self._clock = clock
        self._owner = owner

    def _acting(self, conn: Connection) -> StationContext:
        return operator_now(conn, self._ctx)

    def cut_off(self, job_id: str, row: Any) -> PrintResult:
        """A job left "sending" by a worker that stopped: the operator must say."""
        error = (
            f"Tote stopped while sending this to {row.printer or 'the printer'}: "
            "it may have printed."
        )
        now = self._clock()

        def settle() -> None:
            with self._sessions.begin() as session:
                conn = session.connection()
                changed = conn.execute(
                    update(PrintJob)
                    .where(
                        PrintJob.job_id == job_id,
                        PrintJob.status == "sending",
                        PrintJob.attempts == row.attempts,
                    )
                    .values(status="uncertain", error=error, claimed_until=None, claimed_by=None)
                )
                if rowcount(changed) == 1:
                    audit(
                        conn,
                        self._acting(conn),
                        now,
                        "print_uncertain",
                        row.number,
                        {
                            "job_id": job_id,
                            "kind": row.kind,
                            "printer": row.printer,
                            "error": error,
                        },
                    )

        retrying(settle)
        return PrintResult(
            job_id, row.number, False, None, error, False, row.kind, row.printer, "uncertain"
        )

    def finish(
        self,
        job_id: str,
        order_number: str,
        kind: str,
        printer: str | None,
        *,
        attempt: int,
        sending: bool = False,
        where: str | None = None,
        error: str | None = None,
        uncertain: bool = False,
        wait: bool = False,
        final: bool = False,
    ) -> PrintResult:
        """Record the outcome while the job is still this attempt's: if our lease ran out
        and another worker took it over, its outcome wins (a done job never turns failed).
        The store may be busy for a moment: the write is retried, and a job whose outcome
        could not be written stays "sending", which the next claim makes uncertain."""
        return retrying(
            lambda: self._write_outcome(
                job_id,
                order_number,
                kind,
                printer,
                attempt,
                sending,
                where,
                error,
                uncertain,
                wait,
                final,
            )
        )

    def _write_outcome(
        self,
        job_id: str,
        order_number: str,
        kind: str,
        printer: str | None,
        attempt: int,
        sending: bool,
        where: str | None,
        error: str | None,
        uncertain: bool,
        wait: bool,
        final: bool,
    ) -> PrintResult:
        now = self._clock()
        free = {"claimed_until": None, "claimed_by": None, "printer": printer}
        ours = (
            (PrintJob.job_id == job_id)
            & (PrintJob.claimed_by == self._owner)
            & (PrintJob.attempts == attempt)
            & (PrintJob.status == ("sending" if sending else "pending"))
        )
        path = Path(where) if where and "/" in where else None
        with self._sessions.begin() as session:
            conn = session.connection()
            if error is None:
                done = conn.execute(
                    update(PrintJob)
                    .where(ours)
                    .values(status="done", output_path=where, done_at=now, error=None, **free)
                    .returning(PrintJob.attempts)
                ).scalar_one_or_none()
                if done is None:
                    log.warning("job %s was taken over before it finished here", job_id)
                    return PrintResult(job_id, order_number, False, None, None, True, kind)
                acting = self._acting(conn)
                audit(
                    conn,
                    acting,
                    now,
                    "document_printed",
                    order_number,
                    {"job_id": job_id, "kind": kind, "printer": printer, "to": where},
                )
                report_printed(conn, acting, now, job_id)
                return PrintResult(
                    job_id, order_number, True, path, None, False, kind, printer, "done"
                )
            if uncertain:
                values: dict[str, object] = {"status": "uncertain"}
                state = "uncertain"
            elif final:
                values, state = {"status": "failed"}, "failed"
            elif wait:  # nothing was sent: the render is fine, so attempts start over
                deadline = conn.execute(
                    select(PrintJob.deadline_at, PrintJob.created_at).where(
                        PrintJob.job_id == job_id
                    )
                ).one()
                if deadline.deadline_at is not None and now >= deadline.deadline_at:
                    values, state = {"status": "failed"}, "failed"
                else:
                    pause = min(
                        max((now - deadline.created_at) / 2, RETRY_PAUSE_MIN), RETRY_PAUSE_MAX
                    )
                    values = {"status": "pending", "attempts": 0, "next_attempt_at": now + pause}
                    state = "waiting"
            else:
                values = {
                    "status": case(
                        (PrintJob.attempts >= MAX_ATTEMPTS, "failed"), else_=PrintJob.status
                    )
                }
                state = "waiting"
            changed = conn.execute(
                update(PrintJob).where(ours).values(error=error, **values, **free)
            )
            if rowcount(changed) != 1:
                log.warning("job %s was taken over before its outcome was written", job_id)
                return PrintResult(job_id, order_number, False, None, None, True, kind)
            if uncertain:
                audit(
                    conn,
                    self._acting(conn),
                    now,
                    "print_uncertain",
                    order_number,
                    {"job_id": job_id, "kind": kind, "printer": printer, "error": error},
                )
        return PrintResult(job_id, order_number, False, None, error, False, kind, printer, state)
