"""What shipping a carton costs: carriers bill the greater of actual and dimensional weight.

Dimensional weight is the outer volume over a divisor (5,000 cm³/kg for most metric
tariffs; UPS and FedEx use 139 in³/lb in the US), and the billable weight is rounded up to
the carrier's unit (0.5 kg, or 1 lb). Fractions of a cent are rounded up once per carton.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from app.cartonization.model import BoxSpec

GRAMS_PER_LB = 453.59237
CM3_PER_IN3 = 16.387064


@dataclass(frozen=True, slots=True)
class CostModel:
    """One carrier's tariff, linear in billable weight, plus a fixed charge per carton."""

    per_box_cents: int = 0
    rate_cents_per_kg: float = 0.0
    divisor_cm3_per_kg: float = 5000.0
    rounding_g: float = 500.0  # billable weight is rounded up to a multiple of this
    include_box_cost: bool = True  # add what the carton itself costs (BoxSpec.cost_cents)

    def __post_init__(self) -> None:
        if self.divisor_cm3_per_kg <= 0 or self.rounding_g < 0:
            raise ValueError("the divisor must be positive and the rounding unit not negative")

    @classmethod
    def imperial(
        cls,
        *,
        per_box_cents: int = 0,
        rate_cents_per_lb: float = 0.0,
        divisor_in3_per_lb: float = 139.0,
        rounding_lb: float = 1.0,
        include_box_cost: bool = True,
    ) -> CostModel:
        """A US tariff (UPS/FedEx: 139 in³/lb, whole pounds) in this model's metric units."""
        return cls(
            per_box_cents=per_box_cents,
            rate_cents_per_kg=rate_cents_per_lb * 1000.0 / GRAMS_PER_LB,
            divisor_cm3_per_kg=divisor_in3_per_lb * CM3_PER_IN3 * 1000.0 / GRAMS_PER_LB,
            rounding_g=rounding_lb * GRAMS_PER_LB,
            include_box_cost=include_box_cost,
        )

    def dimensional_g(self, box: BoxSpec) -> float:
        return box.outer_volume_mm3 / 1000.0 / self.divisor_cm3_per_kg * 1000.0

    def billable_g(self, box: BoxSpec, gross_g: int) -> float:
        """max(actual gross, dimensional) weight, rounded up to the carrier's unit."""
        weight = max(float(gross_g), self.dimensional_g(box))
        if self.rounding_g <= 0:
            return weight
        # A hair of tolerance so that 1 lb of exact grams is not billed as 2 lb.
        return math.ceil(weight / self.rounding_g - 1e-9) * self.rounding_g

    def box_cents(self, box: BoxSpec, items_weight_g: int) -> int:
        """The charge for one carton holding ``items_weight_g`` of goods."""
        carrier = self.billable_g(box, items_weight_g + box.tare_g) / 1000.0
        cents = self.per_box_cents + math.ceil(carrier * self.rate_cents_per_kg - 1e-9)
        return cents + (box.cost_cents if self.include_box_cost else 0)


def box_cents(cost: CostModel | None, box: BoxSpec, items_weight_g: int) -> int:
    """The charge for a carton under ``cost``; without a model only the carton's own cost."""
    return box.cost_cents if cost is None else cost.box_cents(box, items_weight_g)
