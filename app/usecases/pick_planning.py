"""Release the next wave: choose open orders, plan them into routed pick runs, store the runs.

The orders are those the station may work (open, not held or cancelled, not packed or being
packed, not already in a live run). Their lines are placed on the floor by their products'
locations; an order with a line the floor cannot place (no location, or an aisle or bay the
layout lacks) is left out of the wave and named in the report. VIP and replacement orders
have priority. Planning and storing are one transaction: the runs appear all at once.
"""

from __future__ import annotations

import time
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, select
from sqlalchemy.orm import Session, sessionmaker

from app.clock import Clock, utc_now
from app.context import StationContext
from app.picking.layout import Layout
from app.picking.runs import Cart, Method
from app.picking.waves import PlanLine, PlanOrder, ReleaseRules, release_waves
from app.store import pick_queries as pq
from app.store.journal import audit
from app.store.tables import Location, Order, OrderLine, Product, table
from app.usecases.floor_layout import OffLayoutError, current_layout, spot_of_location

orders_t, lines_t, products_t, locations_t = (
    table(Order),
    table(OrderLine),
    table(Product),
    table(Location),
)


@dataclass(frozen=True, slots=True)
class WaveReport:
    """What a release did: the runs made, the orders in them, and the orders left out."""

    plan: str
    runs: tuple[str, ...]
    orders: int
    units: int
    length_m: float
    seconds: float
    left_out: tuple[tuple[str, str], ...]  # (order number, why)


class NoFloorLayoutError(LookupError):
    """Picking needs the floor layout; the centre has not sent one yet."""


def release_wave(
    sessions: sessionmaker[Session],
    ctx: StationContext,
    method: Method,
    *,
    clock: Clock = utc_now,
    rules: ReleaseRules | None = None,
    cart: Cart | None = None,
    budget_s: float = 0.5,
) -> WaveReport:
    """Plan the next wave of open orders by ``method`` and store its runs."""
    from app.picking.planner import plan_wave  # numpy: loaded on the first release, not at start

    started = time.perf_counter()
    rules = rules or ReleaseRules()
    now = clock()
    with sessions.begin() as session:
        conn = session.connection()
        layout = current_layout(conn)
        if layout is None:
            raise NoFloorLayoutError("no floor layout yet: sync with the office, then try again")
        candidates, places, left_out = _open_orders(conn, layout)
        waves = release_waves(candidates, now, rules)
        if not waves:
            return WaveReport("", (), 0, 0, 0.0, time.perf_counter() - started, tuple(left_out))
        wave = waves[0]
        runs = plan_wave(wave, method, layout, cart, budget_s=budget_s)
        first = pq.next_release_seq(conn)
        plan = f"P{first}"
        keys = []
        for offset, run in enumerate(runs):
            key = f"{plan}-{run.key.split('-', 1)[1]}"
            tasks = tuple(
                pq.NewTask(
                    task.location,
                    places[(task.allocations[0].order, task.allocations[0].line_no)][1],
                    tuple(
                        pq.NewAllocation(places[(a.order, a.line_no)][0], a.quantity, a.tote)
                        for a in task.allocations
                    ),
                )
                for task in run.tasks
            )
            totes = tuple((p, order) for order, positions in run.totes for p in positions)
            group = _sort_group(method, plan, wave.number, key)
            if group is not None:
                pq.add_sort_slots(conn, group, run.orders)
            new = pq.NewRun(
                key,
                plan,
                wave.number,
                method.value,
                run.zone,
                first + offset,
                run.urgent,
                run.length_m,
                totes,
                tasks,
                group,
            )
            pq.insert_run(conn, new, now)
            keys.append(key)
        units = sum(line.quantity for order in wave.orders for line in order.lines)
        length = sum(run.length_m for run in runs)
        audit(
            conn,
            ctx,
            now,
            "wave_released",
            None,
            {
                "plan": plan,
                "method": method.value,
                "runs": len(runs),
                "orders": len(wave.orders),
                "left_out": len(left_out),
            },
        )
    return WaveReport(
        plan,
        tuple(keys),
        len(wave.orders),
        units,
        length,
        time.perf_counter() - started,
        tuple(left_out),
    )


def _sort_group(method: Method, plan: str, wave: int, key: str) -> str | None:
    """Bulk picks are sorted per batch run, or per wave at the consolidation point."""
    if method is Method.BATCH:
        return key
    if method is Method.WAVE:
        return f"{plan}-W{wave}"
    return None


def _open_orders(
    conn: Connection, layout: Layout
) -> tuple[list[PlanOrder], dict[tuple[str, int], tuple[int, int]], list[tuple[str, str]]]:
    """Plannable orders; (order, line no) -> (order line id, product id); orders left out."""
    busy = pq.orders_in_live_runs(conn)
    query = (
        select(
            orders_t.c.number,
            orders_t.c.ship_by,
            orders_t.c.channel,
            orders_t.c.vip,
            orders_t.c.carrier,
            orders_t.c.replacement,
            lines_t.c.id.label("line_id"),
            lines_t.c.line_no,
            lines_t.c.qty_ordered,
            products_t.c.id.label("product_id"),
            products_t.c.sku,
            products_t.c.length_mm,
            products_t.c.width_mm,
            products_t.c.height_mm,
            products_t.c.weight_g,
            locations_t.c.code.label("location"),
            locations_t.c.zone,
            locations_t.c.aisle,
            locations_t.c.bay,
        )
        .join(lines_t, lines_t.c.order_id == orders_t.c.id)
        .join(products_t, lines_t.c.product_id == products_t.c.id)
        .outerjoin(locations_t, products_t.c.location_id == locations_t.c.id)
        .where(orders_t.c.status == "open")
        .order_by(orders_t.c.id, lines_t.c.line_no)
    )
    rows: dict[str, list[Any]] = defaultdict(list)
    for row in conn.execute(query):
        if row.number not in busy:
            rows[row.number].append(row)
    out: list[PlanOrder] = []
    places: dict[tuple[str, int], tuple[int, int]] = {}
    left_out: list[tuple[str, str]] = []
    for number, order_rows in rows.items():
        try:
            lines = tuple(_line(layout, r) for r in order_rows)
        except OffLayoutError as exc:
            left_out.append((number, str(exc)))
            continue
        head = order_rows[0]
        priority = 1 if (head.vip or head.replacement) else 0
        out.append(
            PlanOrder(number, head.ship_by, lines, head.channel, priority, carrier=head.carrier)
        )
        for r in order_rows:
            places[(number, r.line_no)] = (r.line_id, r.product_id)
    return out, places, left_out


def _line(layout: Layout, row: Any) -> PlanLine:
    if row.location is None:
        raise OffLayoutError(f"{row.sku} has no pick location")
    spot = spot_of_location(layout, row.zone, row.aisle, row.bay)
    volume = row.length_mm * row.width_mm * row.height_mm / 1000.0
    return PlanLine(
        row.line_no,
        row.sku,
        row.qty_ordered,
        row.location,
        row.zone,
        spot,
        volume,
        float(row.weight_g),
    )
