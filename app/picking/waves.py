"""Wave release: which open orders go to the floor next, and which of them are urgent.

Orders are released in the order they must leave: the earlier of the ship-by time and the
carrier's cut-off first (the order's own cut-off, else the carrier's daily cut-off from the
rules: the next one at or after release), then higher priority, then the channels the
warehouse ranks first, then the order number (so the same input always gives the same
waves). An order is urgent
when it is due within the urgency window or has a priority above normal; batching keeps
urgent orders in the first pick runs of their wave.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, time, timedelta

from app.picking.layout import Spot


@dataclass(frozen=True, slots=True)
class PlanLine:
    """One order line as planning needs it: what, how many, where, how big and heavy."""

    line_no: int
    sku: str
    quantity: int
    location: str
    zone: str
    spot: Spot
    unit_volume_cm3: float = 0.0
    unit_weight_g: float = 0.0


@dataclass(frozen=True, slots=True)
class PlanOrder:
    number: str
    ship_by: datetime
    lines: tuple[PlanLine, ...]
    channel: str = ""
    priority: int = 0  # 0 normal; higher is more urgent (express, VIP, replacement)
    carrier_cutoff: datetime | None = None
    carrier: str = ""

    @property
    def volume_cm3(self) -> float:
        return sum(line.unit_volume_cm3 * line.quantity for line in self.lines)

    @property
    def weight_g(self) -> float:
        return sum(line.unit_weight_g * line.quantity for line in self.lines)


@dataclass(frozen=True, slots=True)
class ReleaseRules:
    wave_size: int = 60  # orders per wave
    urgent_within: timedelta = timedelta(hours=2)
    channel_rank: Mapping[str, int] = field(default_factory=dict)  # lower goes first
    carrier_cutoffs: Mapping[str, time] = field(default_factory=dict)  # daily, in UTC

    def __post_init__(self) -> None:
        if self.wave_size < 1:
            raise ValueError("a wave holds at least one order")


@dataclass(frozen=True, slots=True)
class Wave:
    number: int
    orders: tuple[PlanOrder, ...]
    urgent: frozenset[str]  # order numbers


def due(order: PlanOrder, now: datetime, rules: ReleaseRules) -> datetime:
    """When the order must be ready: its ship-by, or its carrier's cut-off if earlier."""
    cutoffs = [order.ship_by]
    if order.carrier_cutoff is not None:
        cutoffs.append(order.carrier_cutoff)
    daily = rules.carrier_cutoffs.get(order.carrier)
    if daily is not None:
        ref = now.astimezone(UTC) if now.tzinfo is not None else now  # naive: already UTC
        today = datetime.combine(ref.date(), daily, tzinfo=ref.tzinfo)
        cutoffs.append(today if today >= ref else today + timedelta(days=1))
    return min(cutoffs)


def is_urgent(order: PlanOrder, now: datetime, rules: ReleaseRules) -> bool:
    return order.priority > 0 or due(order, now, rules) - now <= rules.urgent_within


def release_order(
    orders: Sequence[PlanOrder], now: datetime, rules: ReleaseRules
) -> list[PlanOrder]:
    """Open orders in the sequence they should reach the floor."""
    unranked = max(rules.channel_rank.values(), default=0) + 1  # after every ranked channel
    return sorted(
        orders,
        key=lambda o: (
            due(o, now, rules),
            -o.priority,
            rules.channel_rank.get(o.channel, unranked),
            o.number,
        ),
    )


def release_waves(
    orders: Sequence[PlanOrder], now: datetime, rules: ReleaseRules | None = None
) -> list[Wave]:
    """Every order in exactly one wave; waves in release order, each ``wave_size`` at most."""
    rules = rules or ReleaseRules()
    queue = release_order(orders, now, rules)
    waves: list[Wave] = []
    for start in range(0, len(queue), rules.wave_size):
        chunk = tuple(queue[start : start + rules.wave_size])
        urgent = frozenset(o.number for o in chunk if is_urgent(o, now, rules))
        waves.append(Wave(len(waves) + 1, chunk, urgent))
    return waves
