"""Layers of a packed carton, bottom-up, for a top-down picture of each packing step."""

from __future__ import annotations

from dataclasses import dataclass

from app.cartonization.model import PackedBox, Placement


@dataclass(frozen=True, slots=True)
class Layer:
    """Units that can be drawn in one top-down view: none of them overlap seen from above
    (or, in piles, exactly), and each stands on the floor, on units of lower layers or on
    its own pile."""

    z_from: int  # the lowest unit's bottom
    z_to: int  # the highest unit's top
    placements: tuple[Placement, ...]


def layers(packed: PackedBox, *, piles: bool = False) -> list[Layer]:
    """The carton's units in layers, bottom-up.

    Units are taken lowest first; a unit joins the current layer unless it would cover one
    already in it (seen from above), in which case it starts the next layer. So a stack of
    ten sheets makes ten layers, and sheets side by side at any height share one.

    With ``piles``, a unit also joins the layer when all it covers there have exactly its
    footprint: a pile of like-sized sheets is one layer, seen from above as one rectangle
    (a layer's units are then either apart or exactly on top of one another).
    """
    out: list[list[Placement]] = []
    for p in sorted(packed.placements, key=lambda p: (p.z, p.y, p.x)):
        covered = [q for q in out[-1] if _covers(p, q)] if out else []
        if not out or (covered and not (piles and all(_same_footprint(p, q) for q in covered))):
            out.append([])
        out[-1].append(p)
    return [
        Layer(min(p.z for p in group), max(p.top for p in group), tuple(group)) for group in out
    ]


def _covers(p: Placement, q: Placement) -> bool:
    return (
        p.x < q.x + q.length
        and q.x < p.x + p.length
        and p.y < q.y + q.width
        and q.y < p.y + p.width
    )


def _same_footprint(p: Placement, q: Placement) -> bool:
    return (p.x, p.y, p.length, p.width) == (q.x, q.y, q.length, q.width)
