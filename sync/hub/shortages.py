"""Where the floor ran short: short picks and damaged units per product and location.

Stations send ``ShortPick`` when a bin held fewer units than a pick needed,
``ItemDamaged`` for a unit left because it was damaged (at a bin, or at a packing station,
whose code is then the location), and ``ShortShipped`` when a supervisor let an order ship
without units nobody could find (location ``packing``). Summed per SKU and location over a
period, they are what replenishment (refill that bin) and purchasing (reorder, check the
stock figure) need. The events are stored as the stations sent them; this reads them.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, select

from sync.hub.tables import events

PACKING = "packing"  # the location of units shipped short at a packing station


@dataclass
class Shortage:
    sku: str
    location: str
    units_short: int = 0
    units_damaged: int = 0
    reports: int = 0
    last_at: datetime | None = None
    reasons: set[str] = field(default_factory=set)
    orders: set[str] = field(default_factory=set)


def shortages(conn: Connection, warehouse: str, since: datetime) -> list[Shortage]:
    """Accepted short and damaged reports since ``since``, most units missing first."""
    found: dict[tuple[str, str], Shortage] = {}
    for kind, at, body in _reports(conn, warehouse, since):
        key = (str(body["sku"]), str(body.get("location", PACKING)))
        entry = found.setdefault(key, Shortage(*key))
        if kind == "ShortPick":
            entry.units_short += int(body["quantity_short"])
            entry.reasons.add(str(body["reason"]))
        elif kind == "ShortShipped":
            entry.units_short += int(body["quantity_short"])
            entry.reasons.add(f"shipped short: {body['reason']}")
        else:
            entry.units_damaged += int(body["quantity"])
            entry.reasons.add("damaged")
        entry.reports += 1
        entry.orders.add(str(body["order_number"]))
        entry.last_at = at if entry.last_at is None else max(entry.last_at, at)
    return sorted(
        found.values(), key=lambda s: (-(s.units_short + s.units_damaged), s.sku, s.location)
    )


def _reports(
    conn: Connection, warehouse: str, since: datetime
) -> Iterator[tuple[str, datetime, dict[str, Any]]]:
    query = select(events.c.type, events.c.at, events.c.payload).where(
        events.c.warehouse == warehouse,
        events.c.type.in_(("ShortPick", "ItemDamaged", "ShortShipped")),
        events.c.outcome == "accepted",
        events.c.at >= since,
    )
    for kind, at, payload in conn.execute(query):
        yield kind, at, json.loads(payload)
