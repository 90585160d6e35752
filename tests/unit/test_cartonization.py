"""Cartonization: which cartons, where each unit goes; every result goes through the
independent checker (tests/carton_checker.py)."""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.cartonization import (
    BoxSpec,
    CostModel,
    ItemSpec,
    ItemTooLargeError,
    Packing,
    Rotation,
    choose_boxes,
    layers,
)
from tests.carton_checker import assert_valid


def box(code: str, inner: tuple[int, int, int], max_g: int = 20_000, tare: int = 100) -> BoxSpec:
    outer = (inner[0] + 10, inner[1] + 10, inner[2] + 10)
    return BoxSpec(code, inner, outer, tare, max_g)


def packed(items: Sequence[ItemSpec], boxes: Sequence[BoxSpec], **kw: object) -> Packing:
    packing = choose_boxes(items, boxes, **kw)  # type: ignore[arg-type]
    assert_valid(items, boxes, packing)
    return packing


def codes(packing: Packing) -> list[str]:
    return [b.box.code for b in packing.boxes]


SMALL = box("S", (200, 150, 100))
LARGE = box("L", (400, 300, 300))


def test_an_item_that_exactly_fills_a_carton_takes_it_whole() -> None:
    item = ItemSpec("brick", 200, 150, 100, 1000)
    packing = packed([item], [LARGE, SMALL])
    assert codes(packing) == ["S"]
    (p,) = packing.boxes[0].placements
    assert (p.x, p.y, p.z, p.length, p.width, p.height) == (0, 0, 0, 200, 150, 100)
    assert packing.boxes[0].utilisation == 1.0
    assert packing.boxes[0].gross_weight_g == 1100


def test_an_item_turned_on_its_side_fits_the_small_carton() -> None:
    item = ItemSpec("plank", 100, 150, 200, 500)  # only fits S lying down
    assert codes(packed([item], [LARGE, SMALL])) == ["S"]


def test_the_smallest_carton_that_fits_is_chosen() -> None:
    items = [ItemSpec("book", 190, 140, 30, 400, qty=3)]
    assert codes(packed(items, [LARGE, SMALL])) == ["S"]
    items = [ItemSpec("book", 190, 140, 30, 400, qty=4)]  # 120 mm of books: too tall for S
    assert codes(packed(items, [LARGE, SMALL])) == ["L"]


def test_an_item_no_carton_can_hold_is_named() -> None:
    items = [ItemSpec("ok", 10, 10, 10, 10), ItemSpec("pole", 500, 20, 20, 100)]
    with pytest.raises(ItemTooLargeError) as caught:
        choose_boxes(items, [SMALL, LARGE])
    assert caught.value.keys == ("pole",)
    assert "'pole' fits no box in any allowed orientation" in str(caught.value)


def test_an_item_heavier_than_any_payload_is_named() -> None:
    items = [ItemSpec("anvil", 50, 50, 50, 19_950)]  # LARGE carries 20,000 - 100 tare
    with pytest.raises(ItemTooLargeError) as caught:
        choose_boxes(items, [SMALL, LARGE])
    assert caught.value.keys == ("anvil",)
    assert "'anvil' is too heavy for every box it fits" in str(caught.value)
    assert isinstance(caught.value, ValueError)


def test_weight_splits_an_order_over_cartons() -> None:
    heavy = box("H", (300, 300, 300), max_g=10_100, tare=100)  # 10 kg payload
    items = [ItemSpec("kettlebell", 100, 100, 100, 4000, qty=5)]
    packing = packed(items, [heavy])
    assert len(packing.boxes) == 3  # 2 + 2 + 1: at most 8 kg of them per carton
    assert all(b.gross_weight_g <= 10_100 for b in packing.boxes)
    assert sorted(b.units_of("kettlebell") for b in packing.boxes) == [1, 2, 2]


def test_keep_flat_and_never_are_respected_when_only_a_turn_would_fit() -> None:
    flat_box = box("flat", (250, 120, 60))
    tall_box = box("tall", (130, 130, 220))
    lying = ItemSpec("vase", 100, 50, 200, 300)  # 200 mm tall as given
    assert codes(packed([lying], [flat_box, tall_box])) == ["flat"]
    upright = ItemSpec("vase", 100, 50, 200, 300, rotation=Rotation.KEEP_FLAT)
    (p,) = packed([upright], [flat_box, tall_box]).boxes[0].placements
    assert p.height == 200
    with pytest.raises(ItemTooLargeError):
        choose_boxes([upright], [flat_box])
    # A quarter turn about the vertical: allowed when kept flat, not when never turned.
    narrow = box("narrow", (60, 110, 210))
    assert codes(packed([upright], [narrow, tall_box])) == ["narrow"]
    fixed = ItemSpec("vase", 100, 50, 200, 300, rotation=Rotation.NEVER)
    packing = packed([fixed], [narrow, tall_box])
    assert codes(packing) == ["tall"]
    (p,) = packing.boxes[0].placements
    assert (p.length, p.width, p.height) == (100, 50, 200)


def test_nothing_rests_on_a_fragile_unit() -> None:
    shelf = box("shelf", (100, 100, 40))
    glass = ItemSpec("glass", 100, 100, 20, 300, fragile=True, rotation=Rotation.KEEP_FLAT)
    tin = ItemSpec("tin", 100, 100, 20, 300, rotation=Rotation.KEEP_FLAT)
    packing = packed([glass, tin], [shelf])
    assert len(packing.boxes) == 1
    by_key = {p.key: p for p in packing.boxes[0].placements}
    assert by_key["glass"].z == 20 and by_key["tin"].z == 0
    two_glasses = [ItemSpec("glass", 100, 100, 20, 300, qty=2, fragile=True)]
    assert len(packed(two_glasses, [shelf]).boxes) == 2


def test_several_cartons_hold_every_unit_exactly_once() -> None:
    items = [
        ItemSpec("a", 190, 140, 50, 700, qty=7),
        ItemSpec("b", 120, 80, 40, 200, qty=9),
        ItemSpec("c", 60, 60, 60, 150, qty=5, rotation=Rotation.KEEP_FLAT),
    ]
    packing = packed(items, [box("S", (200, 150, 100), max_g=3000)])
    assert len(packing.boxes) > 1
    for item in items:
        holders = packing.box_of(item.key)
        assert sum(packing.boxes[i].units_of(item.key) for i in holders) == item.qty
        units = sorted(p.unit for b in packing.boxes for p in b.placements if p.key == item.key)
        assert units == list(range(item.qty))


def test_no_units_need_no_cartons_and_bad_input_is_refused() -> None:
    assert choose_boxes([], [SMALL]) == Packing((), 0)
    assert choose_boxes([ItemSpec("gone", 10, 10, 10, 10, qty=0)], [SMALL]).boxes == ()
    with pytest.raises(ValueError, match="no boxes"):
        choose_boxes([ItemSpec("a", 10, 10, 10, 10)], [])
    with pytest.raises(ValueError, match="unique"):
        choose_boxes([ItemSpec("a", 10, 10, 10, 10), ItemSpec("a", 20, 20, 20, 10)], [SMALL])
    with pytest.raises(ValueError, match="positive"):
        ItemSpec("flat", 10, 10, 0, 10)


def test_a_spent_time_budget_still_gives_a_complete_packing() -> None:
    items = [ItemSpec(f"k{i}", 50 + i, 40 + i % 7, 10 + i % 5, 100) for i in range(40)]
    packing = packed(items, [SMALL, LARGE], time_budget_ms=0)
    assert sum(len(b.placements) for b in packing.boxes) == 40


def test_billable_weight_is_the_greater_of_actual_and_dimensional_rounded_up() -> None:
    metric = CostModel(per_box_cents=100, rate_cents_per_kg=200, rounding_g=500)
    carton = BoxSpec("C", (390, 290, 190), (400, 300, 200), 200, 20_000, cost_cents=35)
    assert metric.dimensional_g(carton) == pytest.approx(4800.0)  # 24,000 cm³ / 5,000
    assert metric.billable_g(carton, 1000) == 5000  # 4.8 kg rounds up to 5 kg
    assert metric.billable_g(carton, 7100) == 7500
    assert metric.box_cents(carton, 6900) == 100 + 1500 + 35  # 7.1 kg gross -> 7.5 kg
    ups = CostModel.imperial(rate_cents_per_lb=100)
    assert ups.divisor_cm3_per_kg == pytest.approx(139 * 16.387064 / 0.45359237)
    # 1 lb exactly is billed as 1 lb, a gram more as 2 lb.
    tiny = BoxSpec("T", (10, 10, 10), (10, 10, 10), 0, 10_000)
    assert ups.billable_g(tiny, 454) == pytest.approx(2 * 453.59237)
    assert ups.billable_g(tiny, 453) == pytest.approx(453.59237)


def test_the_cost_model_prefers_the_cheaper_carton_of_those_that_fit() -> None:
    items = [ItemSpec("book", 190, 140, 30, 400)]
    small = BoxSpec("S", (200, 150, 100), (210, 160, 110), 100, 20_000)
    large = BoxSpec("L", (400, 300, 300), (410, 310, 310), 100, 20_000)
    assert codes(packed(items, [large, small])) == ["S"]  # nothing costs: the smallest
    pricey_small = BoxSpec("S", (200, 150, 100), (210, 160, 110), 100, 20_000, cost_cents=900)
    cheap_large = BoxSpec("L", (400, 300, 300), (410, 310, 310), 100, 20_000, cost_cents=10)
    assert codes(packed(items, [pricey_small, cheap_large])) == ["L"]  # the cartons' cost
    tariff = CostModel(rate_cents_per_kg=100)  # S bills 1 kg, L 8 kg (dimensional)
    packing = packed(items, [pricey_small, cheap_large], cost=tariff)
    assert codes(packing) == ["L"]
    assert packing.cost == tariff.box_cents(cheap_large, 400) == 800 + 10
    dear = CostModel(rate_cents_per_kg=10_000)
    assert codes(packed(items, [pricey_small, cheap_large], cost=dear)) == ["S"]
    carrier_only = CostModel(rate_cents_per_kg=100, include_box_cost=False)
    assert codes(packed(items, [pricey_small, cheap_large], cost=carrier_only)) == ["S"]


def test_layers_go_bottom_up_and_never_overlap_seen_from_above() -> None:
    items = [
        ItemSpec("base", 300, 200, 20, 500, rotation=Rotation.KEEP_FLAT),
        ItemSpec("sheet", 140, 100, 5, 50, qty=6, rotation=Rotation.KEEP_FLAT),
    ]
    packing = packed(items, [box("tray", (300, 200, 40))])
    stack = layers(packing.boxes[0])
    assert sum(len(layer.placements) for layer in stack) == 7
    assert [p.key for p in stack[0].placements] == ["base"]
    assert (stack[0].z_from, stack[0].z_to) == (0, 20)
    for below, above in itertools.pairwise(stack):
        assert below.z_from <= above.z_from
    for layer in stack:
        for i, p in enumerate(layer.placements):
            assert layer.z_from <= p.z and p.top <= layer.z_to
            for q in layer.placements[i + 1 :]:
                apart_x = p.x + p.length <= q.x or q.x + q.length <= p.x
                apart_y = p.y + p.width <= q.y or q.y + q.width <= p.y
                assert apart_x or apart_y
    piles = layers(packing.boxes[0], piles=True)
    assert [len(layer.placements) for layer in piles] == [1, 6]  # the base, then the piles
    assert piles[1].z_from == 20 and piles[1].z_to <= 40
    spots = {(p.x, p.y, p.length, p.width) for p in piles[1].placements}
    assert 1 < len(spots) < 6  # sheets side by side, some on top of others
    for x, y, length, width in spots:
        for x2, y2, length2, width2 in spots - {(x, y, length, width)}:
            assert x + length <= x2 or x2 + length2 <= x or y + width <= y2 or y2 + width2 <= y


ROTATIONS = st.sampled_from(list(Rotation))


@st.composite
def orders(draw: st.DrawFn) -> tuple[list[ItemSpec], list[BoxSpec]]:
    boxes = []
    for n in range(draw(st.integers(1, 4))):
        inner = (draw(st.integers(20, 300)), draw(st.integers(20, 300)), draw(st.integers(5, 300)))
        boxes.append(box(f"B{n}", inner, max_g=draw(st.integers(1_000, 30_000))))
    items = []
    for n in range(draw(st.integers(0, 8))):
        # Each item fits the first carton as given, so every order can be packed.
        length, width, height = (
            draw(st.integers(1, max(1, d // draw(st.sampled_from([1, 2, 3])))))
            for d in boxes[0].inner_mm
        )
        items.append(
            ItemSpec(
                f"i{n}",
                length,
                width,
                height,
                weight_g=draw(st.integers(0, boxes[0].payload_g)),
                qty=draw(st.integers(1, 6)),
                rotation=draw(ROTATIONS),
                fragile=draw(st.booleans()),
            )
        )
    return items, boxes


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(orders())
def test_any_order_packs_validly_with_every_unit_once(
    order: tuple[list[ItemSpec], list[BoxSpec]],
) -> None:
    items, boxes = order
    packing = packed(items, boxes)
    assert sum(len(b.placements) for b in packing.boxes) == sum(i.qty for i in items)
    # No more cartons than units, nor fewer than the largest carton's capacity allows.
    units = sum(i.qty for i in items)
    assert len(packing.boxes) <= units
    weight = sum(i.weight_g * i.qty for i in items)
    payload = max(b.payload_g for b in boxes)
    assert len(packing.boxes) >= (math.ceil(weight / payload) if units else 0)
