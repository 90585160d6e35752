"""Reads and writes of pick runs, in SQLAlchemy Core, inside the caller's transaction."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, func, insert, select, update

from app.store.pick_tables import (
    OrderLineSubstitute,
    PickAllocation,
    PickCapture,
    PickRun,
    PickTask,
    PickTote,
    SortSlot,
)
from app.store.tables import Location, Order, OrderLine, Product, table

runs = table(PickRun)
totes = table(PickTote)
tasks = table(PickTask)
allocations = table(PickAllocation)
captures = table(PickCapture)
orders = table(Order)
lines = table(OrderLine)
products = table(Product)
locations = table(Location)
substitutes = table(OrderLineSubstitute)
slots = table(SortSlot)

LIVE = ("open", "active")


@dataclass(frozen=True, slots=True)
class NewAllocation:
    order_line_id: int
    quantity: int
    tote_position: int | None


@dataclass(frozen=True, slots=True)
class NewTask:
    location_code: str
    product_id: int
    allocations: tuple[NewAllocation, ...]


@dataclass(frozen=True, slots=True)
class NewRun:
    key: str
    plan: str
    wave: int
    method: str
    zone: str | None
    release_seq: int
    urgent: bool
    length_m: float
    totes: tuple[tuple[int, str], ...]  # (position, order number)
    tasks: tuple[NewTask, ...]
    sort_group: str | None = None


def insert_run(conn: Connection, run: NewRun, now: datetime) -> int:
    run_id = int(
        conn.execute(
            insert(runs).returning(runs.c.id),
            {
                "key": run.key,
                "plan": run.plan,
                "wave": run.wave,
                "method": run.method,
                "zone": run.zone,
                "release_seq": run.release_seq,
                "sort_group": run.sort_group,
                "urgent": run.urgent,
                "length_m": run.length_m,
                "status": "open",
                "created_at": now,
            },
        ).scalar_one()
    )
    if run.totes:
        conn.execute(
            insert(totes),
            [{"run_id": run_id, "position": p, "order_number": o} for p, o in run.totes],
        )
    for seq, task in enumerate(run.tasks, start=1):
        task_id = int(
            conn.execute(
                insert(tasks).returning(tasks.c.id),
                {
                    "run_id": run_id,
                    "seq": seq,
                    "location_code": task.location_code,
                    "product_id": task.product_id,
                    "skipped": False,
                },
            ).scalar_one()
        )
        conn.execute(
            insert(allocations),
            [
                {
                    "task_id": task_id,
                    "order_line_id": a.order_line_id,
                    "quantity": a.quantity,
                    "picked": 0,
                    "in_hand": 0,
                    "short": 0,
                    "tote_position": a.tote_position,
                    "substituted": 0,
                }
                for a in task.allocations
            ],
        )
    return run_id


def orders_in_live_runs(conn: Connection) -> set[str]:
    """Orders some open or active run still picks: not to be planned again."""
    query = (
        select(orders.c.number)
        .distinct()
        .select_from(
            allocations.join(tasks, allocations.c.task_id == tasks.c.id)
            .join(runs, tasks.c.run_id == runs.c.id)
            .join(lines, allocations.c.order_line_id == lines.c.id)
            .join(orders, lines.c.order_id == orders.c.id)
        )
        .where(runs.c.status.in_(LIVE))
    )
    return set(conn.execute(query).scalars())


def run_by_key(conn: Connection, key: str) -> Any:
    return conn.execute(select(runs).where(runs.c.key == key)).first()


def active_run(conn: Connection, station_code: str) -> Any:
    query = select(runs).where(runs.c.status == "active", runs.c.station_code == station_code)
    return conn.execute(query.order_by(runs.c.id)).first()


def open_runs(conn: Connection, limit: int = 50) -> list[Any]:
    query = select(runs).where(runs.c.status == "open").order_by(runs.c.release_seq, runs.c.id)
    return list(conn.execute(query.limit(limit)))


def count_open_runs(conn: Connection) -> int:
    query = select(func.count()).select_from(runs).where(runs.c.status == "open")
    return int(conn.execute(query).scalar_one())


def next_release_seq(conn: Connection) -> int:
    last = conn.execute(select(runs.c.release_seq).order_by(runs.c.release_seq.desc())).first()
    return 1 if last is None else int(last[0]) + 1


def run_totes(conn: Connection, run_id: int) -> list[Any]:
    query = select(totes).where(totes.c.run_id == run_id).order_by(totes.c.position)
    return list(conn.execute(query))


def run_tasks(conn: Connection, run_id: int) -> list[Any]:
    """Tasks in walking order, with the product's SKU, name and picture, and where the
    location is (zone, aisle, bay, level, position; None for a location not on file)."""
    query = (
        select(
            tasks,
            products.c.sku,
            products.c.name,
            products.c.image_path,
            locations.c.zone,
            locations.c.aisle,
            locations.c.bay,
            locations.c.level,
            locations.c.position,
        )
        .join(products, tasks.c.product_id == products.c.id)
        .outerjoin(locations, locations.c.code == tasks.c.location_code)
        .where(tasks.c.run_id == run_id)
        .order_by(tasks.c.seq)
    )
    return list(conn.execute(query))


def run_allocations(conn: Connection, run_id: int) -> list[Any]:
    """Allocations of the run's tasks with their order's number and status, and line number."""
    query = (
        select(
            allocations,
            lines.c.line_no,
            lines.c.product_id.label("line_product_id"),
            orders.c.number.label("order_number"),
            orders.c.status.label("order_status"),
        )
        .join(tasks, allocations.c.task_id == tasks.c.id)
        .join(lines, allocations.c.order_line_id == lines.c.id)
        .join(orders, lines.c.order_id == orders.c.id)
        .where(tasks.c.run_id == run_id)
        .order_by(allocations.c.task_id, allocations.c.id)
    )
    return list(conn.execute(query))


def line_substitutes(conn: Connection, line_ids: Iterable[int]) -> dict[int, set[int]]:
    query = select(substitutes.c.order_line_id, substitutes.c.product_id).where(
        substitutes.c.order_line_id.in_(list(line_ids))
    )
    found: dict[int, set[int]] = {}
    for line_id, product_id in conn.execute(query):
        found.setdefault(line_id, set()).add(product_id)
    return found


def set_run(conn: Connection, run_id: int, **values: Any) -> None:
    conn.execute(update(runs).where(runs.c.id == run_id).values(**values))


def bind_tote(conn: Connection, run_id: int, position: int, code: str) -> None:
    conn.execute(
        update(totes)
        .where(totes.c.run_id == run_id, totes.c.position == position)
        .values(tote_code=code)
    )


def tote_holder(conn: Connection, code: str) -> str | None:
    """The key of a live run that has this tote on its cart."""
    query = (
        select(runs.c.key)
        .join(totes, totes.c.run_id == runs.c.id)
        .where(totes.c.tote_code == code, runs.c.status.in_(LIVE))
    )
    return conn.execute(query).scalar()


def add_units(conn: Connection, allocation_id: int, **deltas: int) -> None:
    """Add to ``picked``, ``in_hand``, ``short`` or ``substituted`` of one allocation."""
    values = {name: getattr(allocations.c, name) + delta for name, delta in deltas.items()}
    conn.execute(update(allocations).where(allocations.c.id == allocation_id).values(**values))


def set_substitute(conn: Connection, allocation_id: int, product_id: int) -> None:
    conn.execute(
        update(allocations)
        .where(allocations.c.id == allocation_id)
        .values(substitute_product_id=product_id)
    )


def set_skipped(conn: Connection, task_id: int, skipped: bool) -> None:
    conn.execute(update(tasks).where(tasks.c.id == task_id).values(skipped=skipped))


def add_capture(
    conn: Connection,
    allocation_id: int,
    product_id: int,
    units: int,
    lot: str | None,
    serial: str | None,
    expiry: str | None,
    now: datetime,
) -> None:
    conn.execute(
        insert(captures),
        {
            "allocation_id": allocation_id,
            "product_id": product_id,
            "units": units,
            "lot": lot,
            "serial": serial,
            "expiry": expiry,
            "at": now,
        },
    )


def serial_seen(conn: Connection, product_id: int, serial: str) -> bool:
    query = select(captures.c.id).where(
        captures.c.product_id == product_id, captures.c.serial == serial
    )
    return conn.execute(query.limit(1)).first() is not None


def location_codes(conn: Connection, codes: Sequence[str]) -> set[str]:
    query = select(locations.c.code).where(locations.c.code.in_(list(codes)))
    return set(conn.execute(query).scalars())


def product_sku(conn: Connection, product_id: int) -> str:
    return str(conn.execute(select(products.c.sku).where(products.c.id == product_id)).scalar_one())


def add_sort_slots(conn: Connection, group: str, order_numbers: Sequence[str]) -> None:
    """Slots 1..n of a sort group, in the given order (skipping orders it has already)."""
    have = set(
        conn.execute(select(slots.c.order_number).where(slots.c.sort_group == group)).scalars()
    )
    start = len(have) + 1
    fresh = [o for o in order_numbers if o not in have]
    if fresh:
        conn.execute(
            insert(slots),
            [
                {"sort_group": group, "position": start + i, "order_number": o}
                for i, o in enumerate(fresh)
            ],
        )


def location_places(conn: Connection, codes: Sequence[str]) -> dict[str, tuple[str, int, int]]:
    """Zone, aisle and bay of each location code (to put it on the floor)."""
    query = select(locations.c.code, locations.c.zone, locations.c.aisle, locations.c.bay).where(
        locations.c.code.in_(list(codes))
    )
    return {code: (zone, aisle, bay) for code, zone, aisle, bay in conn.execute(query)}


def live_runs_of_order(conn: Connection, order_id: int) -> list[tuple[str, str | None]]:
    """(run key, zone) of the open or active runs still picking for an order."""
    query = (
        select(runs.c.key, runs.c.zone)
        .distinct()
        .join(tasks, tasks.c.run_id == runs.c.id)
        .join(allocations, allocations.c.task_id == tasks.c.id)
        .join(lines, allocations.c.order_line_id == lines.c.id)
        .where(lines.c.order_id == order_id, runs.c.status.in_(LIVE))
        .order_by(runs.c.key)
    )
    return [(key, zone) for key, zone in conn.execute(query)]
