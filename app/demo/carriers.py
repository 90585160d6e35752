"""Demo carrier services: made-up tariffs in the shape real ones have.

Each is a per-parcel charge plus a rate per billable kilogram (the greater of actual and
dimensional weight), with the carrier's divisor and rounding; UPS bills US-style, by
139 in³/lb and whole pounds.
"""

from __future__ import annotations

from datetime import time

from app.cartonization import CostModel
from app.domain.shipping_rules import ServiceRate

DEMO_RATES: tuple[ServiceRate, ...] = (
    ServiceRate(
        "DHL",
        "Parcel",
        2,
        time(16, 0),
        CostModel(per_box_cents=420, rate_cents_per_kg=35, include_box_cost=False),
    ),
    ServiceRate(
        "DHL",
        "Express",
        1,
        time(17, 30),
        CostModel(per_box_cents=1250, rate_cents_per_kg=180, include_box_cost=False),
    ),
    ServiceRate(
        "DPD",
        "Classic",
        2,
        time(15, 0),
        CostModel(
            per_box_cents=450, rate_cents_per_kg=30, divisor_cm3_per_kg=6000, include_box_cost=False
        ),
    ),
    ServiceRate(
        "UPS",
        "Standard",
        3,
        time(16, 30),
        CostModel.imperial(per_box_cents=520, rate_cents_per_lb=20, include_box_cost=False),
    ),
    ServiceRate(
        "UPS",
        "Express Saver",
        1,
        time(17, 0),
        CostModel.imperial(per_box_cents=1490, rate_cents_per_lb=95, include_box_cost=False),
    ),
)
DEMO_TRACKING_PREFIXES: dict[str, str] = {
    "DHL": "JD",
    "DPD": "DP",
    "UPS": "1Z",
    "Royal Mail": "RM",
    "ELTA": "EL",
}
