"""The warehouse floor for picking plans: the layout document, checked, stored and read.

The floor comes from the centre through the changes feed (``sync.protocol.LayoutDoc``; here
the Protocol ``LayoutLike``), or from the demo data for a stand-alone demo
(``app.demo.floor``). The store keeps the document itself as JSON, not the ``Layout`` made
from it, so the row reads the same whatever the planner later needs from it. A document is
checked when it arrives (``layout_from_doc``): only a floor a planner can walk is stored.

**Where a location is on the floor** (``spot_of_location``; docs/sync.md, "The floor"): a
location ``zone-aisle-bay-level-position`` stands in the layout's aisle of the same zone and
number (``Layout.aisle_index``), at layout bay index ``bay - 1``: bays are numbered from 1
at the front of the front block and on through the blocks behind it. Level and position do
not change where the picker stands.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.orm import Session

from app.picking.layout import AisleSpec, Layout, Spot
from app.store import floor_queries as fq
from app.usecases.central_docs import AisleLike, LayoutLike


class UnusableLayoutError(ValueError):
    """A layout document no planner can walk; the message says why, for a supervisor."""


class OffLayoutError(LookupError):
    """A location whose aisle or bay the floor layout does not have."""


@dataclass(frozen=True, slots=True)
class FloorAisle:
    zone: str
    number: int
    x_m: float


@dataclass(frozen=True, slots=True)
class FloorDepot:
    zone: str
    number: int
    y_m: float


@dataclass(frozen=True, slots=True)
class FloorDoc:
    """A layout document made here (demo data, the stored JSON); it is ``LayoutLike``."""

    aisles: tuple[FloorAisle, ...]
    block_bays: tuple[int, ...]
    bay_width_m: float
    cross_margin_m: float
    depot: FloorDepot
    version: int = 0  # the centre's version; 0 for one made at this station


def layout_from_doc(doc: LayoutLike) -> Layout:
    """The ``Layout`` the document describes; UnusableLayoutError says what is wrong."""
    if not doc.aisles:
        raise UnusableLayoutError("the layout has no aisles")
    index: dict[tuple[str, int], int] = {}
    left: AisleLike | None = None
    for i, aisle in enumerate(doc.aisles):
        name = _aisle_name(aisle.zone, aisle.number)
        if (aisle.zone, aisle.number) in index:
            raise UnusableLayoutError(f"aisle {name} is on the layout twice")
        if not math.isfinite(aisle.x_m):
            raise UnusableLayoutError(f"aisle {name} has no position across the floor")
        if left is not None and not aisle.x_m > left.x_m:
            raise UnusableLayoutError(
                f"aisles go left to right: aisle {name} (at {aisle.x_m:g} m) is listed after "
                f"aisle {_aisle_name(left.zone, left.number)} (at {left.x_m:g} m)"
            )
        index[aisle.zone, aisle.number] = i
        left = aisle
    if not doc.block_bays or min(doc.block_bays) < 1:
        raise UnusableLayoutError("every block of the layout needs at least one bay per aisle")
    for what, size in (("bay width", doc.bay_width_m), ("cross margin", doc.cross_margin_m)):
        if not (math.isfinite(size) and size > 0):
            raise UnusableLayoutError(f"the layout's {what} must be more than 0 m, not {size}")
    depot = doc.depot
    where = index.get((depot.zone, depot.number))
    if where is None:
        name = _aisle_name(depot.zone, depot.number)
        raise UnusableLayoutError(f"the depot is in aisle {name}, which is not on the layout")
    aisles = tuple(AisleSpec(a.zone, a.number, float(a.x_m)) for a in doc.aisles)
    blocks = tuple(int(b) for b in doc.block_bays)
    bay_width, margin = float(doc.bay_width_m), float(doc.cross_margin_m)
    try:
        floor = Layout(aisles, blocks, bay_width, margin)  # the depot checked below
    except ValueError as exc:
        raise UnusableLayoutError(f"the layout cannot be used: {exc}") from None
    if not (math.isfinite(depot.y_m) and 0 <= depot.y_m <= floor.length):
        raise UnusableLayoutError(
            f"the depot is {depot.y_m} m deep into its aisle, outside the floor "
            f"(0 to {floor.length:g} m)"
        )
    if not any(abs(depot.y_m - y) < 1e-6 for y in floor.cross_ys):
        crossings = ", ".join(f"{y:g}" for y in floor.cross_ys)
        raise UnusableLayoutError(
            f"the depot must stand on a cross aisle (at {crossings} m), not "
            f"{depot.y_m:g} m deep into its aisle"
        )
    return Layout(aisles, blocks, bay_width, margin, Spot(where, float(depot.y_m)))


def doc_of_layout(layout: Layout, version: int = 0) -> FloorDoc:
    """The document of a ``Layout`` (the demo's floor, to store or to send to a hub)."""
    depot_aisle = layout.aisles[layout.depot.aisle]
    return FloorDoc(
        aisles=tuple(FloorAisle(a.zone, a.number, a.x) for a in layout.aisles),
        block_bays=tuple(layout.block_bays),
        bay_width_m=layout.bay_width,
        cross_margin_m=layout.cross_margin,
        depot=FloorDepot(depot_aisle.zone, depot_aisle.number, layout.depot.y),
        version=version,
    )


def doc_json(doc: LayoutLike) -> str:
    """The document as the store keeps it: the protocol's field names, keys sorted."""
    data = {
        "version": doc.version,
        "aisles": [{"zone": a.zone, "number": a.number, "x_m": a.x_m} for a in doc.aisles],
        "block_bays": list(doc.block_bays),
        "bay_width_m": doc.bay_width_m,
        "cross_margin_m": doc.cross_margin_m,
        "depot": {"zone": doc.depot.zone, "number": doc.depot.number, "y_m": doc.depot.y_m},
    }
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def doc_from_json(text: str) -> FloorDoc:
    """The document ``doc_json`` wrote; UnusableLayoutError for anything else."""
    try:
        data: dict[str, Any] = json.loads(text)
        depot = data["depot"]
        return FloorDoc(
            aisles=tuple(
                FloorAisle(str(a["zone"]), int(a["number"]), float(a["x_m"]))
                for a in data["aisles"]
            ),
            block_bays=tuple(int(b) for b in data["block_bays"]),
            bay_width_m=float(data["bay_width_m"]),
            cross_margin_m=float(data["cross_margin_m"]),
            depot=FloorDepot(str(depot["zone"]), int(depot["number"]), float(depot["y_m"])),
            version=int(data["version"]),
        )
    except (ValueError, KeyError, TypeError) as exc:
        raise UnusableLayoutError(f"not a layout document: {exc!r}") from None


def store_layout(conn: Connection, doc: LayoutLike, now: datetime) -> Layout:
    """Check ``doc`` and make it the station's layout, in the caller's transaction.

    Raises UnusableLayoutError, writing nothing, when no planner could walk it. The same
    document at the same version again writes nothing (a page applied twice).
    """
    layout = layout_from_doc(doc)
    text = doc_json(doc)
    stored = fq.stored_layout(conn)
    if stored is None or (stored.doc, stored.version) != (text, doc.version):
        fq.put_layout(conn, text, doc.version, now)
    return layout


def current_layout(conn: Connection | Session) -> Layout | None:
    """The station's warehouse floor, or None when it has none yet (never synced, no demo).

    Works on a connection or a session, inside the caller's transaction.
    """
    stored = fq.stored_layout(conn)
    return None if stored is None else layout_from_doc(doc_from_json(stored.doc))


def spot_of_location(layout: Layout, zone: str, aisle_number: int, bay_number: int) -> Spot:
    """Where a picker stands for a location: its aisle and the middle of its bay (the
    convention in this module's docstring). OffLayoutError names what the floor lacks."""
    try:
        aisle = layout.aisle_index(zone, aisle_number)
    except KeyError:
        name = _aisle_name(zone, aisle_number)
        raise OffLayoutError(f"aisle {name} is not on the floor layout") from None
    if not 1 <= bay_number <= layout.bays_per_aisle:
        raise OffLayoutError(
            f"bay {bay_number} of aisle {_aisle_name(zone, aisle_number)} is not on the floor "
            f"layout (its aisles have bays 1 to {layout.bays_per_aisle})"
        )
    return layout.spot(aisle, bay_number - 1)


def _aisle_name(zone: str, number: int) -> str:
    """As location codes write it: ``A-03``."""
    return f"{zone}-{number:02d}"
