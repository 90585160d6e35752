"""Which documents an event asks for, queued in the same transaction as the event.

A package gets its SSCC (from this station's block) and its shipping label when it closes;
the order gets its packing slip and, for a gift order, a gift note when it is packed. A
reprint repeats the newest copy of each of them as the next copy: numbered, so the paper
says "reprint" and nobody mistakes it for a second parcel.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Connection

from app.domain.sscc import (
    SsccRangeExhaustedError,
    layout_problem,
    make_sscc,
    station_serial,
)
from app.store import print_queries as pq

log = logging.getLogger(__name__)
DELIVERY_DEADLINE = timedelta(minutes=15)  # a printer away longer than this: ask the operator


@dataclass(frozen=True, slots=True)
class LabelSettings:
    gs1_company_prefix: str = "0614141"
    station_number: int = 1
    sscc_extension: int = 0

    def __post_init__(self) -> None:  # refused at start, never on an order's last scan
        problem = layout_problem(self.gs1_company_prefix, self.station_number)
        if problem is not None:
            raise ValueError(problem)


def assign_sscc(conn: Connection, package_id: int, labels: LabelSettings) -> str | None:
    """The package's SSCC from this station's block (none when the block is used up: the
    package ships all the same, and its label job fails and says why)."""
    counter = pq.next_sscc_counter(conn)
    try:
        serial = station_serial(labels.gs1_company_prefix, labels.station_number, counter)
    except SsccRangeExhaustedError:
        log.error("no SSCC for package %s: the station's block is used up", package_id)
        return None
    sscc = make_sscc(labels.sscc_extension, labels.gs1_company_prefix, serial)
    pq.set_sscc(conn, package_id, sscc)
    return sscc


def queue_package_label(
    conn: Connection, order_id: int, package_id: int, now: datetime, *, again: bool = False
) -> str:
    """The shipping label of a package just closed: the first copy, or, for a package
    closed ``again`` after a reopening, the next (the old label was taken off)."""
    previous = pq.max_copy(conn, order_id, "shipping_label", package_id) if again else 0
    return _queue(conn, "shipping_label", order_id, package_id, now, copy=previous + 1)


def queue_document(conn: Connection, kind: str, order_id: int, now: datetime) -> str:
    """An order's own document (packing slip, gift note): queued when the order is packed."""
    return _queue(conn, kind, order_id, None, now)


def _queue(
    conn: Connection,
    kind: str,
    order_id: int,
    package_id: int | None,
    now: datetime,
    *,
    copy: int = 1,
    reprint_of: str | None = None,
) -> str:
    job_id = str(uuid.uuid4())
    pq.add_print_job(
        conn,
        job_id,
        kind,
        order_id,
        now,
        package_id=package_id,
        copy=copy,
        reprint_of=reprint_of,
        deadline_at=now + DELIVERY_DEADLINE,
    )
    return job_id


def queue_next_copy(
    conn: Connection,
    order_id: int,
    kind: str,
    package_id: int | None,
    reprint_of: str,
    now: datetime,
) -> str:
    """One more copy of a document (numbered after every copy so far); returns its job."""
    copy = pq.max_copy(conn, order_id, kind, package_id) + 1
    return _queue(conn, kind, order_id, package_id, now, copy=copy, reprint_of=reprint_of)


def queue_reprint(conn: Connection, order_id: int, now: datetime) -> tuple[str, ...]:
    """The next copy of each document the order has had."""
    return tuple(
        queue_next_copy(conn, order_id, row.kind, row.package_id, row.job_id, now)
        for row in pq.latest_jobs_of_order(conn, order_id)
    )
