"""carriers.toml: a site's carrier services parsed, and every mistake named where it is."""

from __future__ import annotations

from datetime import time
from pathlib import Path

import pytest

from app.carrier_rates import CarriersFileError, carriers_from_dict, load_carriers
from app.domain.shipping_rules import ShippingRule

SAMPLE = """
rule = "fastest"

[[service]]
carrier = "DHL"
service = "Parcel"
transit_days = 2
cutoff = "16:00"
per_parcel_cents = 420
per_kg_cents = 35

[[service]]
carrier = "UPS"
service = "Ground"
transit_days = 3
cutoff = "17:30"
per_parcel_cents = 500
per_kg_cents = 40
divisor_in3_per_lb = 139
rounding_g = 453.59237

[tracking]
DHL = "JD"
UPS = "1Z"
"""


def test_a_sites_services_tariffs_and_ranges_are_read(tmp_path: Path) -> None:
    path = tmp_path / "carriers.toml"
    path.write_text(SAMPLE)
    setup = load_carriers(path)
    assert setup is not None and setup.rule is ShippingRule.FASTEST
    dhl, ups = setup.rates
    assert (dhl.carrier, dhl.service, dhl.transit_days, dhl.cutoff) == (
        "DHL",
        "Parcel",
        2,
        time(16),
    )
    assert dhl.tariff.divisor_cm3_per_kg == 5000 and not dhl.tariff.include_box_cost
    assert ups.tariff.divisor_cm3_per_kg == pytest.approx(5021.7, abs=0.1)  # 139 in³/lb
    assert dict(setup.prefixes) == {"DHL": "JD", "UPS": "1Z"}


def test_no_file_means_no_services(tmp_path: Path) -> None:
    assert load_carriers(tmp_path / "absent.toml") is None


@pytest.mark.parametrize(
    ("raw", "says"),
    [
        ({"rule": "slowest"}, "rule must be"),
        ({"services": []}, "unknown table or key 'services'"),
        ({"service": [{"carrier": "DHL", "service": "P", "transit_days": 1}]}, "cutoff is missing"),
        (
            {"service": [{"carrier": "D", "service": "P", "transit_days": 1, "cutoff": "4pm"}]},
            "cutoff must be HH:MM",
        ),
        (
            {
                "service": [
                    {
                        "carrier": "D",
                        "service": "P",
                        "transit_days": 1,
                        "cutoff": "16:00",
                        "price": 3,
                    }
                ]
            },
            "service 1: unknown key 'price'",
        ),
        (
            {"service": [{"carrier": "D", "service": "P", "transit_days": -1, "cutoff": "16:00"}]},
            "transit_days",
        ),
        ({"tracking": {"DHL": "J-D"}}, "letters-and-digits"),
    ],
)
def test_a_mistake_is_named_with_its_place(raw: dict[str, object], says: str) -> None:
    with pytest.raises(CarriersFileError, match=says):
        carriers_from_dict(raw, "carriers.toml")


def test_invalid_toml_says_so(tmp_path: Path) -> None:
    path = tmp_path / "carriers.toml"
    path.write_text("rule = \n")
    with pytest.raises(CarriersFileError, match="not valid TOML"):
        load_carriers(path)
