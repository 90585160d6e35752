"""Numbers the status bar shows, read in one short query each."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from app.store.tables import Operator, OutboxEvent, PrintJob


class StationStatus:
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    def operator_name(self, code: str) -> str | None:
        """The signed-in operator's name, when the store knows the code."""
        with self._sessions() as session:
            stmt = select(Operator.name).where(Operator.code == code)
            return session.execute(stmt).scalar_one_or_none()

    def events_waiting(self) -> int:
        """Outbox events not yet accepted by the central order service."""
        with self._sessions() as session:
            stmt = (
                select(func.count()).select_from(OutboxEvent).where(OutboxEvent.sent_at.is_(None))
            )
            return int(session.execute(stmt).scalar_one())

    def pending_print_jobs(self) -> list[str]:
        """Ids of documents still to produce, oldest first."""
        with self._sessions() as session:
            stmt = select(PrintJob.job_id).where(PrintJob.status == "pending").order_by(PrintJob.id)
            return list(session.execute(stmt).scalars())

    def print_jobs_failing(self) -> int:
        """Pending print jobs that already failed at least once."""
        with self._sessions() as session:
            stmt = (
                select(func.count())
                .select_from(PrintJob)
                .where(PrintJob.status == "pending", PrintJob.attempts > 0)
            )
            return int(session.execute(stmt).scalar_one())
