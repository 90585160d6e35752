"""Which documents an event asks for, queued in the same transaction as the event.

A packed order gets its packing slip, one shipping label per package (each package gets its
SSCC here, from this station's block) and, for a gift order, a gift note. A reprint repeats
the newest copy of each of them as the next copy: numbered, so the paper says "reprint"
and nobody mistakes it for a second parcel.
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


def queue_packed_order(
    conn: Connection, order_id: int, gift: bool, now: datetime, labels: LabelSettings
) -> tuple[str, ...]:
    """SSCCs for the order's packages, and its documents' jobs; returns the job ids."""
    for package_id in pq.packages_without_sscc(conn, order_id):
        counter = pq.next_sscc_counter(conn)
        try:
            serial = station_serial(labels.gs1_company_prefix, labels.station_number, counter)
        except SsccRangeExhaustedError:
            # The order is packed all the same; its label job fails and says why.
            log.error("no SSCC for a package of order %s: the station's block is used up", order_id)
            continue
        pq.set_sscc(
            conn, package_id, make_sscc(labels.sscc_extension, labels.gs1_company_prefix, serial)
        )
    deadline = now + DELIVERY_DEADLINE
    jobs: list[tuple[str, int | None]] = [("packing_slip", None)]
    jobs += [("shipping_label", row.id) for row in pq.order_packages(conn, order_id)]
    if gift:
        jobs.append(("gift_note", None))
    job_ids = []
    for kind, for_package in jobs:
        job_id = str(uuid.uuid4())
        pq.add_print_job(
            conn, job_id, kind, order_id, now, package_id=for_package, deadline_at=deadline
        )
        job_ids.append(job_id)
    return tuple(job_ids)


def queue_next_copy(
    conn: Connection,
    order_id: int,
    kind: str,
    package_id: int | None,
    reprint_of: str,
    now: datetime,
) -> str:
    """One more copy of a document (numbered after every copy so far); returns its job."""
    job_id = str(uuid.uuid4())
    pq.add_print_job(
        conn,
        job_id,
        kind,
        order_id,
        now,
        package_id=package_id,
        copy=pq.max_copy(conn, order_id, kind, package_id) + 1,
        reprint_of=reprint_of,
        deadline_at=now + DELIVERY_DEADLINE,
    )
    return job_id


def queue_reprint(conn: Connection, order_id: int, now: datetime) -> tuple[str, ...]:
    """The next copy of each document the order has had."""
    return tuple(
        queue_next_copy(conn, order_id, row.kind, row.package_id, row.job_id, now)
        for row in pq.latest_jobs_of_order(conn, order_id)
    )
