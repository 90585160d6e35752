"""Pure rules of the packing station: weighing tolerance, carrier service choice, tracking
numbers."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.cartonization import BoxSpec, CostModel
from app.domain.check_weigh import Tolerance, accepted_range, check
from app.domain.shipping_rules import ServiceRate, ShippingRule, choose_service, collection
from app.domain.tracking import is_valid_tracking, luhn_digit, tracking_number

SMALL = BoxSpec("S", (200, 150, 100), (206, 156, 106), 100, 5000)
HUGE_LIGHT = BoxSpec("XL", (600, 400, 400), (612, 412, 412), 700, 30000)
THU_9 = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)  # a Thursday


def rate(carrier: str, days: int, cutoff: int, per_box: int, per_kg: float) -> ServiceRate:
    tariff = CostModel(per_box_cents=per_box, rate_cents_per_kg=per_kg, include_box_cost=False)
    return ServiceRate(carrier, "S", days, time(cutoff, 0), tariff)


def test_the_larger_of_grams_and_percent_is_the_allowance() -> None:
    assert accepted_range(500, Tolerance(30, 3)) == (470, 530)  # 3 % is 15 g: 30 g wins
    assert accepted_range(20_000, Tolerance(30, 3)) == (19_400, 20_600)  # 600 g wins
    verdict = check(1_000, 1_100, Tolerance(30, 3))
    assert not verdict.ok and verdict.off_by_g == 70
    assert check(1_000, 960, Tolerance(30, 3)).off_by_g == -10
    with pytest.raises(ValueError, match="negative"):
        Tolerance(-1, 3)


def test_cheapest_in_time_wins_and_fastest_when_asked() -> None:
    slow_cheap = rate("A", 3, 16, 400, 30)
    fast_dear = rate("B", 1, 17, 1200, 150)
    ship_by = THU_9 + timedelta(hours=10)
    cheapest = choose_service(
        [fast_dear, slow_cheap], [(SMALL, 800)], ship_by, THU_9, ShippingRule.CHEAPEST
    )
    assert cheapest.rate is slow_cheap and not cheapest.late
    fastest = choose_service(
        [slow_cheap, fast_dear], [(SMALL, 800)], ship_by, THU_9, ShippingRule.FASTEST
    )
    assert fastest.rate is fast_dear


def test_a_service_collected_after_ship_by_is_not_chosen_and_none_in_time_says_late() -> None:
    early = rate("A", 2, 11, 900, 50)
    late_cheap = rate("B", 2, 18, 300, 10)
    ship_by = THU_9.replace(hour=12)
    assert (
        choose_service(
            [late_cheap, early], [(SMALL, 500)], ship_by, THU_9, ShippingRule.CHEAPEST
        ).rate
        is early
    )
    none = choose_service(
        [late_cheap], [(SMALL, 500)], THU_9.replace(hour=10), THU_9, ShippingRule.CHEAPEST
    )
    assert none.late and none.rate is late_cheap


def test_collection_skips_the_weekend() -> None:
    friday_evening = datetime(2026, 11, 27, 19, 0, tzinfo=UTC)
    assert collection(rate("A", 1, 16, 0, 0), friday_evening).weekday() == 0  # Monday


def test_a_big_light_box_is_billed_by_its_dimensional_weight() -> None:
    """612x412x412 mm is 20.8 kg by 5,000 cm³/kg: billed 21 kg however light it is."""
    per_kg = rate("A", 1, 16, 0, 100)
    choice = choose_service(
        [per_kg], [(HUGE_LIGHT, 300)], THU_9 + timedelta(days=3), THU_9, ShippingRule.CHEAPEST
    )
    assert choice.price_cents == 2100


def test_tracking_numbers_carry_prefix_station_counter_and_check_digit() -> None:
    number = tracking_number("JD", 7, 42)
    assert number.startswith("JD00700000042") and len(number) == 2 + 12
    assert is_valid_tracking(number, "JD")
    assert not is_valid_tracking(number, "1Z")
    with pytest.raises(ValueError, match="used up"):
        tracking_number("JD", 7, 10**8)


@given(
    st.integers(min_value=0, max_value=999),
    st.integers(min_value=1, max_value=10**8 - 1),
    st.integers(min_value=0, max_value=11),
    st.integers(min_value=1, max_value=9),
)
def test_any_single_mistyped_digit_is_caught(
    station: int, counter: int, at: int, bump: int
) -> None:
    body = tracking_number("", station, counter)
    wrong = body[:at] + str((int(body[at]) + bump) % 10) + body[at + 1 :]
    assert not is_valid_tracking(wrong, "")
    assert luhn_digit(body[:-1]) == int(body[-1])
