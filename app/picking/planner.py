"""Plan waves into routed pick runs, by any of the picking methods.

- single: one run per order, most urgent first.
- cluster: carts of K totes, one order per tote (a big order takes several), batched.
- batch: the total of each product for several orders, as much as a cart holds and the put
  wall sorts, batched; the station sorts the items to the orders.
- zone: each zone picks its part of each order into totes (batched within the zone); the
  parts meet at the packing station.
- wave: every zone picks the wave's totals at the same time (batched within the zone); the
  consolidation point sorts them to orders.

Every wave (and zone) is batched on its own, but all of them are priced side by side:
savings construction in lock step, then the improvement budget shared out, then every run
routed in one pass. ``budget_s`` is the time spent improving batches, on top of building
and routing them (about 0.4 ms per order on this project's 2-core machine).
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from app.picking.batch_cost import RouteCoster
from app.picking.batch_search import improve
from app.picking.batching import BatchOrder, savings_batches_many
from app.picking.layout import Layout
from app.picking.routing import best_routes
from app.picking.runs import Allocation, Cart, Method, PickRun, PickTask
from app.picking.waves import PlanLine, PlanOrder, Wave

ROUTE_BUDGET_S = 0.01  # tour search per run on multi-block floors (exact on one block)


@dataclass(frozen=True, slots=True)
class _Part:
    """The lines of one order a run picks (all of them, or one zone's)."""

    wave: Wave
    order: PlanOrder
    lines: tuple[PlanLine, ...]

    @property
    def urgent(self) -> bool:
        return self.order.number in self.wave.urgent

    def size(self) -> tuple[float, float]:
        volume = sum(line.unit_volume_cm3 * line.quantity for line in self.lines)
        weight = sum(line.unit_weight_g * line.quantity for line in self.lines)
        return volume, weight


@dataclass(frozen=True, slots=True)
class _Problem:
    """One set of parts batched together: a wave, or one zone of a wave."""

    wave: Wave
    zone: str | None
    parts: tuple[int, ...]  # indexes into the plan's parts


_Plan = tuple[_Problem, list[list[int]]]  # a problem and its runs (lists of part indexes)


def plan_wave(
    wave: Wave, method: Method, layout: Layout, cart: Cart | None = None, *, budget_s: float = 0.5
) -> list[PickRun]:
    """Every line of every order of the wave in exactly one run; urgent runs first."""
    return plan_waves([wave], method, layout, cart, budget_s=budget_s)


def plan_waves(
    waves: Sequence[Wave],
    method: Method,
    layout: Layout,
    cart: Cart | None = None,
    *,
    budget_s: float = 1.0,
) -> list[PickRun]:
    """Every wave planned; runs in release order (wave by wave, urgent runs first)."""
    cart = cart or Cart()
    parts, problems = _problems(waves, method)
    if method is Method.SINGLE:
        singles = [
            (p, [[i] for i in sorted(p.parts, key=lambda i: not parts[i].urgent)]) for p in problems
        ]
        return _routed(singles, parts, method, layout, cart)
    bulk = method in (Method.BATCH, Method.WAVE)
    capacity = cart.share_units if bulk else cart.totes
    sets = []
    for problem in problems:
        orders = [
            BatchOrder(
                tuple(line.spot for line in parts[i].lines),
                _size(parts[i], cart, bulk),
                parts[i].urgent,
            )
            for i in problem.parts
        ]
        sets.append((RouteCoster(layout, [o.spots for o in orders]), orders))
    built = savings_batches_many(sets, capacity)
    deadline = time.perf_counter() + budget_s  # improvement time, after construction
    plans: list[_Plan] = []
    for left, problem, (coster, orders), first in zip(
        range(len(problems), 0, -1), problems, sets, built, strict=True
    ):
        share = max(0.0, deadline - time.perf_counter()) / left
        groups = improve(coster, orders, capacity, first, budget_s=share)
        groups.sort(key=lambda g: (not any(orders[i].urgent for i in g), min(g)))
        plans.append((problem, [[problem.parts[i] for i in g] for g in groups]))
    return _routed(plans, parts, method, layout, cart)


def _problems(waves: Sequence[Wave], method: Method) -> tuple[list[_Part], list[_Problem]]:
    """Parts (whole orders, or one zone's lines of an order) grouped into batching problems."""
    parts: list[_Part] = []
    problems: list[_Problem] = []
    for wave in waves:
        if method not in (Method.ZONE, Method.WAVE):
            start = len(parts)
            parts += [_Part(wave, order, order.lines) for order in wave.orders]
            problems.append(_Problem(wave, None, tuple(range(start, len(parts)))))
            continue
        by_zone: dict[str, list[int]] = defaultdict(list)
        for order in wave.orders:
            zones: dict[str, list[PlanLine]] = defaultdict(list)
            for line in order.lines:
                zones[line.zone].append(line)
            for zone, lines in zones.items():
                by_zone[zone].append(len(parts))
                parts.append(_Part(wave, order, tuple(lines)))
        problems += [_Problem(wave, zone, tuple(by_zone[zone])) for zone in sorted(by_zone)]
    return parts, problems


def _size(part: _Part, cart: Cart, bulk: bool) -> int:
    return cart.share_of_cart(*part.size()) if bulk else cart.totes_for(*part.size())


_Grouped = dict[tuple[str, str], list[tuple[PlanLine, Allocation]]]
_Totes = tuple[tuple[str, tuple[int, ...]], ...]


def _routed(
    plans: Sequence[_Plan], parts: Sequence[_Part], method: Method, layout: Layout, cart: Cart
) -> list[PickRun]:
    """Pick runs for every planned group of parts, all routed in one pass."""
    bulk = method in (Method.BATCH, Method.WAVE)
    flat = [(problem, n, group) for problem, groups in plans for n, group in enumerate(groups, 1)]
    drafts = [_draft([parts[i] for i in group], cart, bulk) for _, _, group in flat]
    spots = [[entries[0][0].spot for entries in grouped.values()] for grouped, _ in drafts]
    routes = best_routes(layout, spots, budget_s=ROUTE_BUDGET_S)
    out = []
    for (problem, number, group), (grouped, totes), route in zip(flat, drafts, routes, strict=True):
        entries = list(grouped.values())
        tasks = []
        for index in route.order:
            line = entries[index][0][0]
            allocations = tuple(a for _, a in entries[index])
            quantity = sum(a.quantity for a in allocations)
            tasks.append(PickTask(line.location, line.spot, line.sku, quantity, allocations))
        wave, zone = problem.wave.number, problem.zone
        out.append(
            PickRun(
                key=f"W{wave}-{zone}-{number}" if zone else f"W{wave}-{number}",
                wave=wave,
                method=method,
                zone=zone,
                orders=tuple(parts[i].order.number for i in group),
                tasks=tuple(tasks),
                length_m=route.length,
                urgent=any(parts[i].urgent for i in group),
                totes=totes,
            )
        )
    return out


def _draft(parts: Sequence[_Part], cart: Cart, bulk: bool) -> tuple[_Grouped, _Totes]:
    """One task per location and product (allocations say which order and tote get what)."""
    totes: list[tuple[str, tuple[int, ...]]] = []
    grouped: _Grouped = defaultdict(list)
    at = 1
    for part in parts:
        if bulk:
            for line in part.lines:
                allocation = Allocation(part.order.number, line.line_no, line.quantity, None)
                grouped[(line.location, line.sku)].append((line, allocation))
            continue
        need = cart.totes_needed(*part.size())  # all reserved, even if a bulky unit
        totes.append((part.order.number, tuple(range(at, at + need))))  # leaves one empty
        filled = _fill_totes(part, cart, at, need)
        at += need
        for line, tote, units in filled:
            allocation = Allocation(part.order.number, line.line_no, units, tote)
            grouped[(line.location, line.sku)].append((line, allocation))
    return grouped, tuple(totes)


def _fill_totes(part: _Part, cart: Cart, first: int, need: int) -> list[tuple[PlanLine, int, int]]:
    """(line, tote position, units): units go into the order's totes in line order, the
    next tote when one is full (by volume or weight), so the picker is told the right one."""
    tote, volume, weight = first, 0.0, 0.0
    out: list[tuple[PlanLine, int, int]] = []
    for line in part.lines:
        unit = (line.unit_volume_cm3, line.unit_weight_g)
        for _ in range(line.quantity):
            if (
                (volume or weight)
                and not cart.fits(volume, weight, unit)
                and tote < first + need - 1
            ):
                tote, volume, weight = tote + 1, 0.0, 0.0
            volume, weight = volume + unit[0], weight + unit[1]
            if out and out[-1][0] is line and out[-1][1] == tote:
                out[-1] = (line, tote, out[-1][2] + 1)
            else:
                out.append((line, tote, 1))
    return out
