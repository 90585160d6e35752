"""The independent packing checker finds every kind of broken packing fed to it."""

from __future__ import annotations

from dataclasses import replace

import pytest

from app.cartonization import BoxSpec, ItemSpec, PackedBox, Packing, Placement, Rotation
from tests.carton_checker import assert_valid, problems

BOX = BoxSpec("B", (100, 80, 60), (110, 90, 70), tare_g=50, max_weight_g=1000)
ITEMS = [
    ItemSpec("slab", 100, 80, 20, 300, rotation=Rotation.NEVER),
    ItemSpec("cube", 40, 40, 40, 100, qty=2, rotation=Rotation.KEEP_FLAT),
    ItemSpec("egg", 30, 20, 10, 10, fragile=True),
]
GOOD = (
    Placement("slab", 0, 0, 0, 0, 100, 80, 20),
    Placement("cube", 0, 0, 0, 20, 40, 40, 40),
    Placement("cube", 1, 40, 0, 20, 40, 40, 40),
    Placement("egg", 0, 0, 40, 20, 20, 30, 10),  # turned: any rotation is allowed
)


def packing(placements: tuple[Placement, ...] = GOOD, weight: int = 510) -> Packing:
    return Packing((PackedBox(BOX, placements, weight),), 0)


def swap(n: int, **changes: int) -> tuple[Placement, ...]:
    def changed(p: Placement) -> Placement:
        return replace(p, **changes)  # type: ignore[arg-type]

    return tuple(changed(p) if i == n else p for i, p in enumerate(GOOD))


def test_a_valid_packing_has_no_problems() -> None:
    assert problems(ITEMS, [BOX], packing()) == []
    assert_valid(ITEMS, [BOX], packing())


@pytest.mark.parametrize(
    ("placements", "weight", "complaint"),
    [
        (swap(2, x=30), 510, "overlaps"),
        (swap(2, z=10), 510, "overlaps"),
        (swap(2, x=61), 510, "sticks out of the box"),
        (swap(1, x=-1), 510, "sticks out of the box"),
        (swap(1, z=30), 510, "sticks out of the top"),
        (swap(0, length=80, width=100), 510, "never does not allow"),
        (swap(1, length=40, width=40, height=40, unit=1, x=60), 510, "placed twice"),
        (swap(1, unit=2), 510, "beyond the quantity"),
        (swap(3, z=50), 510, "floats"),
        (GOOD[:3], 500, "units not packed"),
        (GOOD, 400, "says 400 g"),
        ((*GOOD, Placement("ghost", 0, 80, 60, 0, 10, 10, 10)), 510, "unknown item"),
    ],
)
def test_each_broken_packing_is_caught(
    placements: tuple[Placement, ...], weight: int, complaint: str
) -> None:
    found = problems(ITEMS, [BOX], packing(placements, weight))
    assert any(complaint in p for p in found), found
    with pytest.raises(AssertionError, match="invalid packing"):
        assert_valid(ITEMS, [BOX], packing(placements, weight))


def test_a_unit_kept_flat_may_not_be_laid_on_its_side() -> None:
    items = [ItemSpec("book", 40, 30, 10, 100, rotation=Rotation.KEEP_FLAT)]
    turned = Placement("book", 0, 0, 0, 0, 30, 40, 10)  # a quarter turn: fine
    on_side = Placement("book", 0, 0, 0, 0, 40, 10, 30)
    assert problems(items, [BOX], Packing((PackedBox(BOX, (turned,), 100),), 0)) == []
    found = problems(items, [BOX], Packing((PackedBox(BOX, (on_side,), 100),), 0))
    assert any("keep_flat does not allow" in p for p in found), found


def test_an_overweight_carton_is_caught() -> None:
    items = [ItemSpec("lead", 10, 10, 10, 500, qty=2)]
    two = (Placement("lead", 0, 0, 0, 0, 10, 10, 10), Placement("lead", 1, 10, 0, 0, 10, 10, 10))
    found = problems(items, [BOX], Packing((PackedBox(BOX, two, 1000),), 0))
    assert any("gross 1050 g over its 1000 g" in p for p in found), found


def test_nothing_may_rest_on_a_fragile_unit() -> None:
    items = [*ITEMS, ItemSpec("card", 30, 30, 5, 5)]
    on_egg = (*GOOD, Placement("card", 0, 0, 40, 30, 30, 30, 5))
    found = problems(items, [BOX], packing(on_egg, 515))
    assert any("rests on fragile 'egg'#0" in p for p in found), found


def test_a_unit_partly_on_a_support_stands_but_one_beside_it_floats() -> None:
    items = [ItemSpec("base", 50, 50, 10, 10), ItemSpec("top", 60, 60, 10, 10)]
    base = Placement("base", 0, 0, 0, 0, 50, 50, 10)
    overhang = Placement("top", 0, 40, 0, 10, 60, 60, 10)  # 10 mm of it on the base
    beside = Placement("top", 0, 50, 0, 10, 50, 60, 10)  # edge to edge: no support
    assert problems(items, [BOX], Packing((PackedBox(BOX, (base, overhang), 20),), 0)) == []
    found = problems(items, [BOX], Packing((PackedBox(BOX, (base, beside), 20),), 0))
    assert any("floats" in p for p in found), found


def test_a_carton_that_was_not_offered_or_is_empty_is_caught() -> None:
    other = replace(BOX, code="X", max_weight_g=9999)
    found = problems(ITEMS, [BOX], Packing((PackedBox(other, GOOD, 510),), 0))
    assert any("not one of the offered boxes" in p for p in found), found
    empty = Packing((PackedBox(BOX, GOOD, 510), PackedBox(BOX, (), 0)), 0)
    assert any("empty" in p for p in problems(ITEMS, [BOX], empty))
