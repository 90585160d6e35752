"""The box suggestion for an order's open package, from the station's box types.

What still has to go into boxes (units not yet packed, and those in the open box) is
cartonized; the first box of the result is the suggestion for the open package and is
stored with it, so the screen, a restart and the audit all see the same suggestion. An item
too large or heavy for every box is a plan problem the packer is told about, not a crash.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection

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
from app.store import package_queries as pkq
from app.usecases.package_views import (
    LayerView,
    PlacedUnit,
    PlanProblem,
    PlanProblemKind,
    PlanView,
)

PLAN_BUDGET_MS = 50.0  # the scan that opens an order waits for this at most


def box_specs(box_rows: Sequence[Any]) -> list[BoxSpec]:
    return [
        BoxSpec(
            code=b.code,
            inner_mm=(b.inner_length_mm, b.inner_width_mm, b.inner_height_mm),
            outer_mm=(b.outer_length_mm, b.outer_width_mm, b.outer_height_mm),
            tare_g=b.tare_g,
            max_weight_g=b.max_weight_g,
            cost_cents=b.cost_cents,
        )
        for b in box_rows
    ]


def items_to_box(
    line_rows: Sequence[Any], in_closed: dict[int, int], weights: dict[int, Any]
) -> tuple[list[ItemSpec], list[str]]:
    """Units of each line not yet in a closed box nor short-shipped (key: the line number),
    and the SKUs the catalogue gives no usable size or weight (they cannot be planned).

    ``weights``: product rows (dims, weight, handling) by product id."""
    items = []
    unsized: list[str] = []
    for row in line_rows:
        qty = row.qty_ordered - row.qty_short - in_closed.get(row.id, 0)
        if qty <= 0:
            continue
        product = weights[row.product_id]
        dims = (product.length_mm, product.width_mm, product.height_mm)
        if min(dims) <= 0 or product.weight_g < 0:
            unsized.append(row.sku)
            continue
        items.append(
            ItemSpec(
                key=str(row.line_no),
                length_mm=product.length_mm,
                width_mm=product.width_mm,
                height_mm=product.height_mm,
                weight_g=product.weight_g,
                qty=qty,
                rotation=Rotation.KEEP_FLAT if product.keep_upright else Rotation.ANY,
                fragile=bool(product.fragile),
            )
        )
    return items, unsized


def plan_json(
    items: Sequence[ItemSpec],
    boxes: Sequence[BoxSpec],
    skus: dict[str, str] | None = None,
    cost: CostModel | None = None,
) -> tuple[str | None, str]:
    """(suggested box code, the plan as stored) for ``items``; a problem is stored too.
    ``skus``: item key -> SKU, to name an item that fits no box."""
    if not items:
        return None, _problem(PlanProblemKind.NOTHING_TO_PACK, (), "No units left to pack")
    if not boxes:
        return None, _problem(PlanProblemKind.NO_BOX_TYPES, (), "This station has no box types")
    try:
        packing = choose_boxes(items, boxes, cost, time_budget_ms=PLAN_BUDGET_MS)
    except ItemTooLargeError as exc:
        named = [(skus or {}).get(k, k) for k in exc.keys]
        by_key = {i.key: i for i in items}
        sizes = [
            # No-break spaces: a wrapped line never leaves "g)" alone under its number; no
            # thousands sign, which reads as a decimal sign in Greek.
            f"{(skus or {}).get(k, k)} ({i.length_mm}x{i.width_mm}x{i.height_mm}\u00a0mm, "
            f"{i.weight_g}\u00a0g)"
            for k in exc.keys
            if (i := by_key.get(k)) is not None
        ]
        listed = tuple(sizes or named)
        text = "No standard box fits " + ", ".join(listed)
        return None, _problem(PlanProblemKind.TOO_LARGE, listed, text)
    return packing.boxes[0].box.code, json.dumps(_first_box(packing))


def _problem(kind: PlanProblemKind, items: tuple[str, ...], text: str) -> str:
    """A problem as stored on the package: its kind and items for the screen's language,
    and the English sentence for the audit trail and older versions."""
    return json.dumps({"problem": text, "kind": kind.value, "items": list(items)})


def _stored_problem(data: dict[str, Any]) -> PlanProblem:
    try:
        kind = PlanProblemKind(data.get("kind", PlanProblemKind.OTHER))
    except ValueError:
        kind = PlanProblemKind.OTHER
    return PlanProblem(kind, tuple(str(i) for i in data.get("items", ())), str(data["problem"]))


def _first_box(packing: Packing) -> dict[str, Any]:
    first = packing.boxes[0]
    units: dict[str, int] = {}
    for p in first.placements:
        units[p.key] = units.get(p.key, 0) + 1
    return {
        "box": first.box.code,
        "boxes_total": len(packing.boxes),
        "later": [[b.box.code, len(b.placements)] for b in packing.boxes[1:]],
        "units": units,
        "utilisation": round(first.utilisation, 4),
        "layers": [
            [
                layer.z_from,
                layer.z_to,
                [[p.key, p.x, p.y, p.length, p.width, p.height] for p in layer.placements],
            ]
            for layer in layers(first, piles=True)
        ],
    }


def planned_units(plan: str | None) -> dict[int, int] | None:
    """Units per line number the plan puts in its box (None: no usable plan)."""
    if not plan:
        return None
    data = json.loads(plan)
    if "units" not in data:
        return None
    return {int(k): int(v) for k, v in data["units"].items()}


def boxes_total(plan: str | None) -> int:
    return int(json.loads(plan).get("boxes_total", 0)) if plan else 0


def plan_view(
    plan: str | None, box_rows: Sequence[Any], line_rows: Sequence[Any]
) -> tuple[PlanView | None, PlanProblem | None]:
    """(the suggestion as the screen shows it, the problem when there is none)."""
    if not plan:
        return None, None
    data = json.loads(plan)
    if "problem" in data:
        return None, _stored_problem(data)
    box = next((b for b in box_rows if b.code == data["box"]), None)
    if box is None:  # the box type was withdrawn since: no picture, no claim
        return None, None
    by_line = {str(r.line_no): r for r in line_rows}

    def unit(key: str, x: int, y: int, length: int, width: int, height: int) -> PlacedUnit:
        row = by_line.get(key)
        sku = row.sku if row is not None else key
        fragile = bool(row.fragile) if row is not None else False
        return PlacedUnit(sku, x, y, length, width, height, fragile)

    return (
        PlanView(
            box_code=box.code,
            box_name=box.name,
            inner_mm=(box.inner_length_mm, box.inner_width_mm, box.inner_height_mm),
            units=tuple(
                (by_line[k].sku, by_line[k].name, n)
                for k, n in data["units"].items()
                if k in by_line
            ),
            layers=tuple(
                LayerView(z0, z1, tuple(unit(*u) for u in placed))
                for z0, z1, placed in data["layers"]
            ),
            boxes_total=int(data["boxes_total"]),
            utilisation=float(data["utilisation"]),
            later=tuple((str(code), int(n)) for code, n in data.get("later", [])),
        ),
        None,
    )


def replan(
    conn: Connection,
    order_id: int,
    package_id: int,
    line_rows: Sequence[Any],
    cost: CostModel | None = None,
) -> None:
    """Suggest a box for the open package from what is left of the order to box; ``cost``:
    the order's carrier tariff, so dimensional weight weighs in the choice."""
    in_closed: dict[int, int] = {}
    closed = {p.id for p in pkq.order_packages(conn, order_id) if p.status == "closed"}
    for c in pkq.order_contents(conn, order_id):
        if c.package_id in closed:
            in_closed[c.order_line_id] = in_closed.get(c.order_line_id, 0) + c.qty
    products = {p.id: p for p in pkq.products_of_order(conn, order_id)}
    items, unsized = items_to_box(line_rows, in_closed, products)
    if unsized:  # a size missing from the catalogue: no suggestion, and the packer is told
        text = "No size or weight in the catalogue for " + ", ".join(unsized)
        pkq.set_plan(
            conn, package_id, None, _problem(PlanProblemKind.UNSIZED, tuple(unsized), text)
        )
        return
    skus = {str(r.line_no): r.sku for r in line_rows}
    suggested, stored = plan_json(items, box_specs(pkq.all_box_types(conn)), skus, cost)
    pkq.set_plan(conn, package_id, suggested, stored)
