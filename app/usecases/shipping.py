"""The carrier, service and tracking number of each package.

The order names its carrier and service, and the station uses them; an order that leaves
the choice to the station (carrier empty, ``ANY`` or ``AUTO``) gets the service the
station's rule picks for its boxes and ship-by time, chosen once, when its first box
closes, and kept on the order for the rest of its boxes. Tracking numbers come from the
station's slice of each carrier's range (``app.domain.tracking``).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Connection

from app.cartonization import BoxSpec, CostModel
from app.domain.shipping_rules import ServiceRate, ShippingRule, choose_service
from app.domain.tracking import tracking_number
from app.store import package_queries as pkq
from app.usecases.pack_boxes import BoxFlow, BoxState
from app.usecases.pack_plan import box_specs

log = logging.getLogger(__name__)
STATION_CHOOSES = ("", "ANY", "AUTO")


@dataclass(frozen=True, slots=True)
class ShippingDesk:
    rule: ShippingRule = ShippingRule.CHEAPEST
    rates: tuple[ServiceRate, ...] = ()
    # Carrier -> tracking prefix; a carrier not listed gets no tracking number here.
    prefixes: Mapping[str, str] = field(default_factory=dict)
    station_number: int = 1

    def service_for(
        self, conn: Connection, header: Any, state: BoxState, flow: BoxFlow, now: datetime
    ) -> tuple[str, str]:
        if (header.carrier or "").strip().upper() not in STATION_CHOOSES:
            return header.carrier, header.service  # the order's own, even if chosen before
        if header.ship_carrier:
            return header.ship_carrier, header.ship_service or ""
        if not self.rates:
            log.warning("order %s leaves the carrier open; no rates set up", header.number)
            return header.carrier or "", header.service or ""
        specs = {b.code: b for b in box_specs(state.boxes)}
        parcels: list[tuple[BoxSpec, int]] = []
        for package in state.packages:
            box = flow.box_of(state, package)
            if box is not None:
                parcels.append((specs[box.code], state.items_weight_g(package.id)))
        choice = choose_service(self.rates, parcels, header.ship_by, now, self.rule)
        pkq.set_order_service(conn, header.id, choice.rate.carrier, choice.rate.service)
        if choice.late:  # nothing is collected before ship-by: the fastest, and said so
            log.warning(
                "order %s: no service is collected before its ship-by %s; %s %s chosen",
                header.number,
                header.ship_by,
                choice.rate.carrier,
                choice.rate.service,
            )
        return choice.rate.carrier, choice.rate.service

    def tariff_for(self, header: Any) -> CostModel | None:
        """The tariff of the order's carrier service (or of the service the station chose
        for it), to weigh dimensional weight in the box choice; None when unknown."""
        carrier = header.ship_carrier or header.carrier
        service = header.ship_service or header.service
        return next(
            (r.tariff for r in self.rates if (r.carrier, r.service) == (carrier, service)), None
        )

    def tracking_number(self, conn: Connection, carrier: str) -> str | None:
        prefix = self.prefixes.get(carrier)
        if prefix is None:
            return None
        try:
            return tracking_number(prefix, self.station_number, pkq.next_tracking_counter(conn))
        except ValueError:
            log.error("no tracking number for %s: this station's range is used up", carrier)
            return None
