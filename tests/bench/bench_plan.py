"""A day of picking planned at once: 2,000 orders released in waves, batched onto carts, routed.

The day is generated with a fixed seed (``day``): 2,000 orders of 1-6 lines on a 20x50-bay
single-block floor split into two zones, ship-by times spread over the day, about 5% with a
raised priority, and sizes such that a few orders fill two totes. The timed part is what the
kiosk does when a supervisor plans the day: ``release_waves`` with the default rules, then
``plan_waves`` by cluster picking (carts of 6 totes) with ``budget_s=BUDGET_S`` of local
search on top of the savings construction and the routing; the figure is the median of
``RUNS`` runs. The anchor gives the day's walk with no local search at all, to show what it
added, and the same day planned first come, first served (each wave's orders onto carts in
release order) and routed optimally: its time and total walk beside ours.
"""

from __future__ import annotations

import dataclasses
import random
import time
from datetime import datetime, timedelta

from app.picking.batch_cost import RouteCoster
from app.picking.batching import BatchOrder, first_come_first_served
from app.picking.layout import Layout
from app.picking.planner import plan_waves
from app.picking.routing import best_routes
from app.picking.runs import Cart, Method
from app.picking.waves import PlanLine, PlanOrder, Wave, release_waves
from tests.bench.figures import Figure, median

ORDERS = 2_000
RUNS = 3
BUDGET_S = 0.5  # local search, on top of building and routing the batches
START = datetime(2026, 11, 26, 6, 0)  # the day's first release
CHANNELS = ("web", "marketplace", "b2b")


def floor() -> Layout:
    """Layout.grid(20, [50]), aisles 1-10 in zone A and 1-10 in zone B."""
    grid = Layout.grid(20, [50])
    aisles = tuple(
        dataclasses.replace(a, zone="AB"[i // 10], number=i % 10 + 1)
        for i, a in enumerate(grid.aisles)
    )
    return dataclasses.replace(grid, aisles=aisles)


def day(layout: Layout, orders: int = ORDERS, seed: int = 1) -> list[PlanOrder]:
    """``orders`` orders due over the day; about 5% priority, 2-3% needing two totes."""
    rng = random.Random(seed)
    bays = layout.bays_per_aisle
    out = []
    for n in range(orders):
        lines: list[PlanLine] = []
        bulky = rng.random() < 0.03
        for line_no in range(1, rng.randint(1, 6) + 1):
            aisle = rng.randrange(len(layout.aisles))
            bay = rng.randrange(bays)
            spec = layout.aisles[aisle]
            big = bulky and line_no == 1  # one 22-30 litre item: usually a second tote
            volume = rng.uniform(22_000, 30_000) if big else rng.uniform(200, 3_000)
            lines.append(
                PlanLine(
                    line_no,
                    f"SKU-{aisle:02d}-{bay:02d}",
                    1 if big else rng.choice((1, 1, 1, 2, 3)),
                    f"{spec.zone}-{spec.number:02d}-{bay:02d}",
                    spec.zone,
                    layout.spot(aisle, bay),
                    unit_volume_cm3=volume,
                    unit_weight_g=rng.uniform(50, 1_500),
                )
            )
        ship_by = START + timedelta(minutes=15 * rng.randint(4, 56))
        cutoff = START + timedelta(hours=rng.choice((8, 10, 12))) if rng.random() < 0.3 else None
        out.append(
            PlanOrder(
                f"SO-{n + 1:05d}",
                ship_by,
                tuple(lines),
                channel=rng.choice(CHANNELS),
                priority=1 if rng.random() < 0.05 else 0,
                carrier_cutoff=cutoff,
            )
        )
    return out


def first_come(waves: list[Wave], layout: Layout, cart: Cart) -> float:
    """Each wave's orders onto carts in release order, every cart routed optimally: metres."""
    runs = []
    for wave in waves:
        orders = [
            BatchOrder(
                tuple(line.spot for line in o.lines), cart.totes_for(o.volume_cm3, o.weight_g)
            )
            for o in wave.orders
        ]
        coster = RouteCoster(layout, [o.spots for o in orders])
        for group in first_come_first_served(coster, orders, cart.totes).groups:
            runs.append([spot for i in group for spot in orders[i].spots])
    return sum(route.length for route in best_routes(layout, runs))


def run() -> list[Figure]:
    layout, cart = floor(), Cart()
    orders = day(layout)
    totes = sum(cart.totes_for(o.volume_cm3, o.weight_g) for o in orders)
    times, totals, runs = [], [], 0
    for _ in range(RUNS):
        started = time.perf_counter()
        waves = release_waves(orders, START)
        plan = plan_waves(waves, Method.CLUSTER, layout, cart, budget_s=BUDGET_S)
        times.append(time.perf_counter() - started)
        totals.append(sum(r.length_m for r in plan))
        runs = len(plan)
    waves = release_waves(orders, START)
    unimproved = sum(
        r.length_m for r in plan_waves(waves, Method.CLUSTER, layout, cart, budget_s=0)
    )
    started = time.perf_counter()
    waves = release_waves(orders, START)
    fcfs = first_come(waves, layout, cart)
    fcfs_s = time.perf_counter() - started
    urgent = sum(len(w.urgent) for w in waves)
    ours = median(totals)
    return [
        Figure(
            "plan_2000_orders_s",
            round(median(times), 3),
            "s",
            "<= 2",
            f"{len(orders)} orders ({totes} totes, {urgent} urgent) in {len(waves)} waves, "
            f"cluster picking, budget {BUDGET_S} s, median of {RUNS} "
            f"(max {max(times):.2f} s): {runs} runs, {ours:,.0f} m ({unimproved:,.0f} m with no "
            "local search); first come first served "
            f"+ optimal routes: {fcfs_s:.2f} s, {fcfs:,.0f} m (ours {100 * (1 - ours / fcfs):.1f}% "
            "less walking)",
        )
    ]
