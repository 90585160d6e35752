"""BoxPacker's 500-order subset (all 312 multi-carton orders and 188 others): every packing
is valid, and no more cartons are used than BoxPacker's 769 (any orientation) and 1,202
(every item kept flat)."""

from __future__ import annotations

import pytest

from app.cartonization import Rotation, choose_boxes
from tests.bench.bench_carton import DATA, carton_cases
from tests.carton_checker import problems

SUBSET = DATA / "boxpacker_cases.json"
BOXPACKER = {Rotation.ANY: ("best_fit", 769), Rotation.KEEP_FLAT: ("keep_flat", 1202)}


@pytest.mark.skipif(not SUBSET.exists(), reason=f"shared benchmark data absent: {SUBSET}")
@pytest.mark.parametrize("rotation", list(BOXPACKER))
def test_the_boxpacker_subset_packs_validly_in_no_more_cartons_than_boxpacker(
    rotation: Rotation,
) -> None:
    mode, theirs = BOXPACKER[rotation]
    cases = carton_cases(SUBSET)
    assert len(cases) == 500
    assert sum(c.expected[mode]["boxes"] for c in cases) == theirs
    total = 0
    for case in cases:
        items = case.with_rotation(rotation)
        packing = choose_boxes(items, case.boxes)
        bad = problems(items, case.boxes, packing)
        assert not bad, f"order {case.name}: {bad[:5]}"
        total += len(packing.boxes)
    print(f"{mode}: {total} cartons, BoxPacker {theirs}")
    assert total <= theirs
