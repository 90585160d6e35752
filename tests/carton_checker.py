"""An independent check of a cartonization result, written apart from the engine.

It reads only the plain fields of the engine's dataclasses (items, boxes, placements) and
redoes every rule with its own geometry: every unit placed exactly once, inside its carton,
in an allowed orientation, no two units overlapping, the carton's gross weight within its
limit, nothing floating, nothing resting on a fragile unit, cartons from the offered ones.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

# Rotation values as strings, so that nothing of the engine is needed here.
ANY, KEEP_FLAT, NEVER = "any", "keep_flat", "never"


def problems(items: Sequence[Any], boxes: Sequence[Any], packing: Any) -> list[str]:
    """Everything wrong with ``packing`` for ``items`` in the offered ``boxes`` (empty: valid)."""
    found: list[str] = []
    spec = {item.key: item for item in items}
    wanted = {(item.key, u) for item in items for u in range(item.qty)}
    offered = {
        (b.code, tuple(b.inner_mm), tuple(b.outer_mm), b.tare_g, b.max_weight_g) for b in boxes
    }
    seen: set[tuple[str, int]] = set()
    for n, packed in enumerate(packing.boxes):
        box = packed.box
        where = f"box #{n} ({box.code})"
        if (
            box.code,
            tuple(box.inner_mm),
            tuple(box.outer_mm),
            box.tare_g,
            box.max_weight_g,
        ) not in offered:
            found.append(f"{where}: not one of the offered boxes")
        if not packed.placements:
            found.append(f"{where}: empty")
        units = []
        for p in packed.placements:
            item = spec.get(p.key)
            if item is None:
                found.append(f"{where}: unknown item {p.key!r}")
                continue
            if (p.key, p.unit) in seen:
                found.append(f"{where}: unit {p.key!r}#{p.unit} placed twice")
            if not 0 <= p.unit < item.qty:
                found.append(f"{where}: unit {p.key!r}#{p.unit} beyond the quantity {item.qty}")
            seen.add((p.key, p.unit))
            units.append(p)
            found += [f"{where}: {p.key!r}#{p.unit} {m}" for m in _shape_problems(p, item, box)]
        weight = sum(spec[p.key].weight_g for p in units)
        if weight != packed.items_weight_g:
            found.append(f"{where}: says {packed.items_weight_g} g of items, holds {weight} g")
        if weight + box.tare_g > box.max_weight_g:
            found.append(f"{where}: gross {weight + box.tare_g} g over its {box.max_weight_g} g")
        found += [f"{where}: {m}" for m in _overlaps(units)]
        found += [f"{where}: {m}" for m in _support_problems(units, spec)]
    missing = wanted - seen
    if missing:
        found.append(f"units not packed: {sorted(missing)[:10]} ({len(missing)} in all)")
    return found


def assert_valid(items: Sequence[Any], boxes: Sequence[Any], packing: Any) -> None:
    bad = problems(items, boxes, packing)
    assert not bad, "invalid packing:\n  " + "\n  ".join(bad[:20])


def _shape_problems(p: Any, item: Any, box: Any) -> Iterable[str]:
    size = (p.length, p.width, p.height)
    given = (item.length_mm, item.width_mm, item.height_mm)
    rule = str(item.rotation)
    if rule == NEVER:
        allowed = size == given
    elif rule == KEEP_FLAT:
        allowed = p.height == item.height_mm and sorted(size[:2]) == sorted(given[:2])
    else:
        allowed = sorted(size) == sorted(given)
    if not allowed:
        yield f"placed as {size}, which {rule} does not allow for {given}"
    inner_l, inner_w, inner_h = box.inner_mm
    if min(p.x, p.y, p.z) < 0 or p.x + p.length > inner_l or p.y + p.width > inner_w:
        yield f"sticks out of the box at ({p.x}, {p.y}, {p.z}) size {size}"
    elif p.z + p.height > inner_h:
        yield f"sticks out of the top at z {p.z} + {p.height} > {inner_h}"


def _flat_overlap(p: Any, q: Any) -> bool:
    """Whether two units' footprints share some area (touching edges do not count)."""
    apart_x = p.x + p.length <= q.x or q.x + q.length <= p.x
    apart_y = p.y + p.width <= q.y or q.y + q.width <= p.y
    return not (apart_x or apart_y)


def _overlaps(units: Sequence[Any]) -> Iterable[str]:
    ordered = sorted(units, key=lambda p: p.x)
    for i, p in enumerate(ordered):
        for q in ordered[i + 1 :]:
            if q.x >= p.x + p.length:
                break
            if _flat_overlap(p, q) and max(p.z, q.z) < min(p.z + p.height, q.z + q.height):
                yield f"{p.key!r}#{p.unit} overlaps {q.key!r}#{q.unit}"


def _support_problems(units: Sequence[Any], spec: dict[str, Any]) -> Iterable[str]:
    tops: dict[int, list[Any]] = {}
    for q in units:
        tops.setdefault(q.z + q.height, []).append(q)
    for p in units:
        below = [q for q in tops.get(p.z, []) if q is not p and _flat_overlap(p, q)]
        if p.z > 0 and not below:
            yield f"{p.key!r}#{p.unit} floats at z {p.z}"
        for q in below:
            if spec[q.key].fragile:
                yield f"{p.key!r}#{p.unit} rests on fragile {q.key!r}#{q.unit}"
