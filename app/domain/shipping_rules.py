"""Which carrier service ships an order, when the order leaves the choice to the station.

A service meets the ship-by time when its next collection (today's cut-off, or the next
working day's) is no later than ship-by. Among those, "cheapest" takes the lowest price
for the shipment's boxes (each billed by the greater of actual and dimensional weight),
"fastest" the earliest delivery. When none meets ship-by, the fastest is taken anyway and
the choice says it is late (the station logs it). Equal prices (no box known to price)
fall back to the cheaper per-parcel charge, not to the dearest fast service.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from enum import StrEnum

from app.cartonization import BoxSpec, CostModel


class ShippingRule(StrEnum):
    CHEAPEST = "cheapest"
    FASTEST = "fastest"


@dataclass(frozen=True, slots=True)
class ServiceRate:
    carrier: str
    service: str
    transit_days: int  # working days from collection to delivery
    cutoff: time  # the carrier collects at this time (UTC) on working days
    tariff: CostModel


@dataclass(frozen=True, slots=True)
class Choice:
    rate: ServiceRate
    price_cents: int
    collected_at: datetime
    delivered_by: datetime
    late: bool  # no service is collected before ship-by


def next_working_day(day: datetime) -> datetime:
    day += timedelta(days=1)
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


def collection(rate: ServiceRate, now: datetime) -> datetime:
    today = now.replace(hour=rate.cutoff.hour, minute=rate.cutoff.minute, second=0, microsecond=0)
    if now.weekday() < 5 and now <= today:
        return today
    return next_working_day(today)


def delivery(rate: ServiceRate, collected: datetime) -> datetime:
    day = collected
    for _ in range(rate.transit_days):
        day = next_working_day(day)
    return day


def price_cents(rate: ServiceRate, parcels: Sequence[tuple[BoxSpec, int]]) -> int:
    """The carrier's price for ``parcels`` (box, items weight in grams), cartons excluded."""
    return sum(rate.tariff.box_cents(box, items_g) for box, items_g in parcels)


def choose_service(
    rates: Sequence[ServiceRate],
    parcels: Sequence[tuple[BoxSpec, int]],
    ship_by: datetime,
    now: datetime,
    rule: ShippingRule,
) -> Choice:
    if not rates:
        raise ValueError("no carrier services are set up at this station")
    choices = []
    for rate in rates:
        collected = collection(rate, now)
        choices.append(
            Choice(
                rate,
                price_cents(rate, parcels),
                collected,
                delivery(rate, collected),
                collected > ship_by,
            )
        )
    in_time = [c for c in choices if not c.late]
    fastest = min(choices, key=lambda c: (c.delivered_by, c.price_cents))
    if not in_time:
        return fastest
    if rule is ShippingRule.FASTEST:
        return min(in_time, key=lambda c: (c.delivered_by, c.price_cents))
    return min(in_time, key=lambda c: (c.price_cents, c.rate.tariff.per_box_cents, c.delivered_by))
