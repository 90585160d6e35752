"""Small pieces of the print-job rules: retried writes, settled jobs, who acts now, and
the centre told of a printed document."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, CursorResult, select
from sqlalchemy.exc import OperationalError

from app.context import StationContext
from app.domain.events import LabelPrinted
from app.store import print_queries as pq
from app.store.journal import emit
from app.store.tables import Station
from app.usecases.print_results import PrintResult

log = logging.getLogger(__name__)


def operator_now(conn: Connection, ctx: StationContext) -> StationContext:
    """The station with whoever is signed in there now (badges change it while the
    document process runs)."""
    code = conn.execute(
        select(Station.current_operator_code).where(Station.code == ctx.station_code)
    ).scalar_one_or_none()
    return ctx if not code else StationContext(ctx.station_code, code)


def report_printed(conn: Connection, ctx: StationContext, at: datetime, job_id: str) -> None:
    """Queue ``LabelPrinted`` for a job that just became done, in the transaction that made
    it done (so it is sent exactly once, and only if that write commits).

    Every document kind is reported, packing slips too: whatever reached a printer is worth
    the centre knowing (``kind`` tells them apart). ``copy_number`` is the job's copy, so
    a reprint says so. In the document process ``ctx`` is the station's configured
    context; the callers pass ``operator_now`` of it, the operator signed in at the station
    when the outcome is written, which may not be the one who packed the order."""
    row = pq.printed_job(conn, job_id)
    event = LabelPrinted(
        row.order_number, row.package_number, row.kind, row.printer or "", row.copy
    )
    emit(conn, ctx, at, event)


def settled(job_id: str, row: Any, retry_failed: bool) -> PrintResult | None:
    """The answer for a job that must not run now (done, uncertain, failed), else None."""
    answer = partial(PrintResult, job_id, row.number, kind=row.kind, printer=row.printer)
    if row.status == "done":  # asked twice: never print twice
        out = row.output_path
        path = Path(out) if out and "/" in out else None
        return answer(True, path, None, state="done")
    if row.status == "uncertain":  # only the operator can settle it
        return answer(False, None, row.error, state="uncertain")
    if row.status == "failed" and not retry_failed:
        return answer(False, None, row.error, state="failed")
    return None


WRITE_TRIES = 6
WRITE_PAUSE_S = 0.2  # doubled after each try: 6.2 s in all, on top of the busy timeouts


def retrying[T](write: Callable[[], T]) -> T:
    """Run a short write again when the store stays locked past its busy timeout (another
    process holds it), with growing pauses; the last failure propagates."""
    for attempt in range(WRITE_TRIES):
        try:
            return write()
        except OperationalError as exc:
            if "locked" not in str(exc) or attempt == WRITE_TRIES - 1:
                raise
            log.warning("store busy, writing a print job's state again (%s)", exc)
            time.sleep(WRITE_PAUSE_S * 2**attempt)
    raise AssertionError("unreachable")


def rowcount(result: object) -> int:
    return result.rowcount if isinstance(result, CursorResult) else -1
