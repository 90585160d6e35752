"""The station's carrier services from ``carriers.toml``: tariffs and tracking ranges.

They are what a shipper's carrier contracts say, so they live in a file the site edits,
next to ``devices.toml``::

    rule = "cheapest"                # or "fastest": for orders that leave the carrier open

    [[service]]
    carrier = "DHL"
    service = "Parcel"
    transit_days = 2
    cutoff = "16:00"                 # collected at this time (UTC) on working days
    per_parcel_cents = 420
    per_kg_cents = 35
    divisor_cm3_per_kg = 5000        # dimensional weight; or divisor_in3_per_lb = 139
    rounding_g = 500                 # billable weight rounded up to this

    [tracking]                       # carrier -> prefix of this shipper's range
    DHL = "JD"

An absent file means no services: orders must name their carrier. Any mistake is a
``CarriersFileError`` that names the service and key, raised at start, never mid-order.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import time
from pathlib import Path
from typing import Any

from app.cartonization import CostModel
from app.cartonization.cost import CM3_PER_IN3, GRAMS_PER_LB
from app.domain.shipping_rules import ServiceRate, ShippingRule

_SERVICE_KEYS = {
    "carrier",
    "service",
    "transit_days",
    "cutoff",
    "per_parcel_cents",
    "per_kg_cents",
    "divisor_cm3_per_kg",
    "divisor_in3_per_lb",
    "rounding_g",
}


class CarriersFileError(ValueError):
    """carriers.toml cannot be used; ``str()`` says where and what to fix."""


@dataclass(frozen=True, slots=True)
class CarrierSetup:
    rule: ShippingRule = ShippingRule.CHEAPEST
    rates: tuple[ServiceRate, ...] = ()
    prefixes: Mapping[str, str] = field(default_factory=dict)


def load_carriers(path: Path) -> CarrierSetup | None:
    """The file's services; None when there is no file."""
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise CarriersFileError(f"{path} is not valid TOML: {exc}") from exc
    return carriers_from_dict(raw, str(path))


def carriers_from_dict(raw: Mapping[str, Any], where: str = "carriers") -> CarrierSetup:
    unknown = set(raw) - {"rule", "service", "tracking"}
    if unknown:
        raise CarriersFileError(f"{where}: unknown table or key {sorted(unknown)[0]!r}")
    try:
        rule = ShippingRule(raw.get("rule", "cheapest"))
    except ValueError:
        raise CarriersFileError(f"{where}: rule must be 'cheapest' or 'fastest'") from None
    rates = tuple(
        _service(s, f"{where}: service {i + 1}") for i, s in enumerate(raw.get("service", []))
    )
    tracking = raw.get("tracking", {})
    if not isinstance(tracking, dict) or not all(
        isinstance(v, str) and v.isalnum() for v in tracking.values()
    ):
        raise CarriersFileError(
            f"{where}: [tracking] maps a carrier to a letters-and-digits prefix"
        )
    return CarrierSetup(rule, rates, dict(tracking))


def _service(raw: Any, where: str) -> ServiceRate:
    if not isinstance(raw, dict):
        raise CarriersFileError(f"{where}: each [[service]] is a table")
    unknown = set(raw) - _SERVICE_KEYS
    if unknown:
        raise CarriersFileError(f"{where}: unknown key {sorted(unknown)[0]!r}")
    for key in ("carrier", "service", "transit_days", "cutoff"):
        if key not in raw:
            raise CarriersFileError(f"{where}: {key} is missing")
    try:
        hours, minutes = (int(part) for part in str(raw["cutoff"]).split(":"))
        cutoff = time(hours, minutes)
    except ValueError:
        raise CarriersFileError(f"{where}: cutoff must be HH:MM, not {raw['cutoff']!r}") from None
    if "divisor_in3_per_lb" in raw:
        divisor = float(raw["divisor_in3_per_lb"]) * CM3_PER_IN3 * 1000.0 / GRAMS_PER_LB
    else:
        divisor = float(raw.get("divisor_cm3_per_kg", 5000.0))
    try:
        tariff = CostModel(
            per_box_cents=int(raw.get("per_parcel_cents", 0)),
            rate_cents_per_kg=float(raw.get("per_kg_cents", 0)),
            divisor_cm3_per_kg=divisor,
            rounding_g=float(raw.get("rounding_g", 500)),
            include_box_cost=False,
        )
    except ValueError as exc:
        raise CarriersFileError(f"{where}: {exc}") from None
    days = raw["transit_days"]
    if not isinstance(days, int) or days < 0:
        raise CarriersFileError(f"{where}: transit_days must be a whole number of days")
    return ServiceRate(str(raw["carrier"]), str(raw["service"]), days, cutoff, tariff)
