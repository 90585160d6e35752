"""Print-job rows and SSCC numbers, in SQLAlchemy Core (they are written inside the scan
that completes an order, on the hot path)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Connection, bindparam, func, insert, select, text, update

from app.store.tables import Order, Package, PrintJob, table

print_jobs = table(PrintJob)
orders = table(Order)
packages = table(Package)
_NEXT_SSCC = text("UPDATE local_sequence SET value = value + 1 WHERE name = 'sscc' RETURNING value")


# Built once: these run inside the scan that completes an order.
_WITHOUT_SSCC = (
    select(packages.c.id)
    .where(packages.c.order_id == bindparam("of_order"), packages.c.sscc.is_(None))
    .order_by(packages.c.number)
)
_SET_SSCC = (
    update(packages)
    .where(packages.c.id == bindparam("package_id"))
    .values(sscc=bindparam("new_sscc"))
)
_ORDER_PACKAGES = (
    select(packages.c.id, packages.c.number)
    .where(packages.c.order_id == bindparam("of_order"))
    .order_by(packages.c.number)
)
_ADD_JOB = insert(print_jobs)
_PRINTED = (
    select(
        orders.c.number.label("order_number"),
        packages.c.number.label("package_number"),
        print_jobs.c.kind,
        print_jobs.c.printer,
        print_jobs.c.copy,
    )
    .select_from(
        print_jobs.join(orders, orders.c.id == print_jobs.c.order_id).outerjoin(
            packages, packages.c.id == print_jobs.c.package_id
        )
    )
    .where(print_jobs.c.job_id == bindparam("job_id"))
)


def next_sscc_counter(conn: Connection) -> int:
    return int(conn.execute(_NEXT_SSCC).scalar_one())


def packages_without_sscc(conn: Connection, order_id: int) -> list[int]:
    return list(conn.execute(_WITHOUT_SSCC, {"of_order": order_id}).scalars())


def set_sscc(conn: Connection, package_id: int, sscc: str) -> None:
    conn.execute(_SET_SSCC, {"package_id": package_id, "new_sscc": sscc})


def order_packages(conn: Connection, order_id: int) -> list[Any]:
    return list(conn.execute(_ORDER_PACKAGES, {"of_order": order_id}))


def print_job_ids(
    conn: Connection, *, include_failed: bool = False, due_at: datetime | None = None
) -> list[str]:
    """Documents still to produce, oldest first: failed ones only when asked, and with
    ``due_at`` only those whose next delivery attempt is due by then. Jobs marked
    "sending" are included: the claim tells one in progress from one whose worker stopped
    mid-job (which becomes uncertain)."""
    states = ("pending", "sending", "failed") if include_failed else ("pending", "sending")
    stmt = select(print_jobs.c.job_id).where(print_jobs.c.status.in_(states))
    if due_at is not None:
        stmt = stmt.where(
            print_jobs.c.next_attempt_at.is_(None) | (print_jobs.c.next_attempt_at <= due_at)
        )
    return list(conn.execute(stmt.order_by(print_jobs.c.id)).scalars())


def add_print_job(
    conn: Connection,
    job_id: str,
    kind: str,
    order_id: int,
    now: datetime,
    *,
    package_id: int | None = None,
    copy: int = 1,
    reprint_of: str | None = None,
    deadline_at: datetime | None = None,
) -> None:
    conn.execute(
        _ADD_JOB,
        {
            "job_id": job_id,
            "kind": kind,
            "order_id": order_id,
            "package_id": package_id,
            "status": "pending",
            "attempts": 0,
            "copy": copy,
            "reprint_of": reprint_of,
            "created_at": now,
            "deadline_at": deadline_at,
            "next_attempt_at": None,
        },
    )


def latest_jobs_of_order(conn: Connection, order_id: int) -> list[Any]:
    """The newest job of each (kind, package) of an order: what a reprint repeats."""
    newest = (
        select(func.max(print_jobs.c.id))
        .where(print_jobs.c.order_id == order_id)
        .group_by(print_jobs.c.kind, print_jobs.c.package_id)
    )
    stmt = select(
        print_jobs.c.job_id,
        print_jobs.c.kind,
        print_jobs.c.package_id,
        print_jobs.c.copy,
        print_jobs.c.status,
        print_jobs.c.claimed_until,
    ).where(print_jobs.c.id.in_(newest))
    return list(conn.execute(stmt.order_by(print_jobs.c.id)))


def mark_replaced(conn: Connection, job_id: str) -> None:
    """An uncertain job settled by printing a newer copy (the operator's "print again", or
    a label relabelled): nobody is asked about it again, and Retry never sends it."""
    conn.execute(
        update(print_jobs)
        .where(print_jobs.c.job_id == job_id, print_jobs.c.status == "uncertain")
        .values(status="replaced", claimed_until=None, claimed_by=None)
    )


def max_copy(conn: Connection, order_id: int, kind: str, package_id: int | None) -> int:
    stmt = select(func.max(print_jobs.c.copy)).where(
        print_jobs.c.order_id == order_id,
        print_jobs.c.kind == kind,
        print_jobs.c.package_id.is_(None)
        if package_id is None
        else print_jobs.c.package_id == package_id,
    )
    return int(conn.execute(stmt).scalar_one_or_none() or 0)


def printed_job(conn: Connection, job_id: str) -> Any:
    """What the centre is told of a printed job: (order_number, package_number, kind,
    printer, copy); package_number is None for an order's own documents."""
    return conn.execute(_PRINTED, {"job_id": job_id}).one()
