"""The floor layout at a station: documents checked into Layouts, stored, read back, and
locations placed on the floor; the demo warehouse's floor."""

from __future__ import annotations

import dataclasses
import math
from typing import Any

import pytest

from app.demo.floor import demo_layout
from app.demo.generator import generate
from app.demo.seed import seed_floor_if_missing, seed_if_empty
from app.picking.layout import AisleSpec, Layout, Spot
from app.store.floor_queries import stored_layout
from app.store.open import Store
from app.usecases.floor_layout import (
    FloorAisle,
    FloorDepot,
    FloorDoc,
    OffLayoutError,
    UnusableLayoutError,
    current_layout,
    doc_from_json,
    doc_json,
    doc_of_layout,
    layout_from_doc,
    spot_of_location,
    store_layout,
)
from tests.factories import NOW

DOC = FloorDoc(
    aisles=(FloorAisle("A", 1, 0.0), FloorAisle("A", 2, 3.0), FloorAisle("B", 1, 9.0)),
    block_bays=(4, 2),
    bay_width_m=1.5,
    cross_margin_m=0.5,
    depot=FloorDepot("A", 2, 0.0),
    version=7,
)


def changed(**fields: Any) -> FloorDoc:
    return dataclasses.replace(DOC, **fields)


def test_a_document_becomes_the_layout_it_describes() -> None:
    """Aisles keep their zone, number and x; the depot names its aisle by zone and number."""
    layout = layout_from_doc(DOC)
    assert layout.aisles == (AisleSpec("A", 1, 0.0), AisleSpec("A", 2, 3.0), AisleSpec("B", 1, 9.0))
    assert (layout.block_bays, layout.bay_width, layout.cross_margin) == ((4, 2), 1.5, 0.5)
    assert layout.depot == Spot(1, 0.0)
    assert layout.cross_ys == (0.0, 7.0, 11.0)


def test_a_layout_survives_its_document_and_the_stored_json() -> None:
    """Layout -> document -> JSON -> document -> Layout gives the same floor and version."""
    layout = layout_from_doc(DOC)
    again = doc_from_json(doc_json(doc_of_layout(layout, version=7)))
    assert again == DOC
    assert layout_from_doc(again) == layout


@pytest.mark.parametrize(
    ("doc", "why"),
    [
        (changed(aisles=()), "no aisles"),
        (changed(aisles=(*DOC.aisles, FloorAisle("A", 1, 12.0))), "aisle A-01 is on the lay"),
        (changed(aisles=(DOC.aisles[1], DOC.aisles[0])), "aisles go left to right"),
        (changed(aisles=(DOC.aisles[0], FloorAisle("A", 2, 0.0))), "aisles go left to right"),
        (changed(aisles=(FloorAisle("A", 1, math.nan), *DOC.aisles[1:])), "no position"),
        (changed(block_bays=()), "at least one bay"),
        (changed(block_bays=(4, 0)), "at least one bay"),
        (changed(bay_width_m=0.0), "bay width must be more than 0 m"),
        (changed(cross_margin_m=math.inf), "cross margin must be more than 0 m"),
        (changed(depot=FloorDepot("C", 1, 0.0)), "aisle C-01, which is not on the layout"),
        (changed(depot=FloorDepot("A", 1, 11.5)), r"outside the floor \(0 to 11 m\)"),
        (changed(depot=FloorDepot("A", 1, -1.0)), "outside the floor"),
    ],
)
def test_a_floor_no_planner_can_walk_is_refused_with_the_reason(doc: FloorDoc, why: str) -> None:
    """Empty, repeated or unordered aisles, empty blocks, sizes of 0 or infinity, and a
    depot off the floor are each refused, saying which."""
    with pytest.raises(UnusableLayoutError, match=why):
        layout_from_doc(doc)


def test_stored_json_that_is_not_a_layout_document_is_refused() -> None:
    """A row that is not a layout document says so instead of failing deep in a planner."""
    with pytest.raises(UnusableLayoutError, match="not a layout document"):
        doc_from_json('{"aisles": []}')


def test_a_location_stands_in_its_aisle_at_its_bay_counted_from_the_front() -> None:
    """Bay b is layout bay b - 1: bays 1-4 in the front block, 5-6 behind the middle cross
    aisle; level and position play no part."""
    layout = layout_from_doc(DOC)
    assert spot_of_location(layout, "A", 2, 1) == Spot(1, 0.5 + 0.75)
    assert spot_of_location(layout, "A", 2, 4) == Spot(1, 0.5 + 3 * 1.5 + 0.75)
    assert spot_of_location(layout, "B", 1, 5) == Spot(2, 7.0 + 0.5 + 0.75)
    assert spot_of_location(layout, "B", 1, 6) == layout.spot(2, 5)


@pytest.mark.parametrize(
    ("zone", "aisle", "bay", "why"),
    [
        ("B", 2, 1, "aisle B-02 is not on the floor layout"),
        ("a", 1, 1, "aisle a-01 is not on the floor layout"),
        ("A", 1, 0, "bay 0 of aisle A-01 is not on the floor layout .its aisles have bays 1 to 6"),
        ("A", 1, 7, "bay 7 of aisle A-01"),
    ],
)
def test_a_location_off_the_floor_is_named_in_the_error(
    zone: str, aisle: int, bay: int, why: str
) -> None:
    """An aisle the layout lacks, or a bay before the first or past the last, is an
    OffLayoutError naming the location's aisle as location codes write it."""
    with pytest.raises(OffLayoutError, match=why):
        spot_of_location(layout_from_doc(DOC), zone, aisle, bay)


def test_a_station_has_no_layout_until_one_is_stored_then_the_newest(store: Store) -> None:
    """No layout before the first one; each stored layout replaces the last."""
    with store.reads() as s:
        assert current_layout(s) is None
    with store.engine.begin() as conn:
        store_layout(conn, DOC, NOW)
    wider = changed(bay_width_m=2.0, version=8)
    with store.engine.begin() as conn:
        store_layout(conn, wider, NOW)
    with store.reads() as s:
        assert current_layout(s) == layout_from_doc(wider)
        stored = stored_layout(s)
    assert stored is not None and stored.version == 8


def test_an_unusable_layout_is_not_stored(store: Store) -> None:
    """The check comes before the write: the store keeps the floor it had."""
    with store.engine.begin() as conn:
        store_layout(conn, DOC, NOW)
        with pytest.raises(UnusableLayoutError):
            store_layout(conn, changed(aisles=(), version=8), NOW)
    with store.engine.connect() as conn:
        assert current_layout(conn) == layout_from_doc(DOC)


def test_the_demo_floor_puts_zones_side_by_side_with_a_gap_and_two_blocks() -> None:
    """Zones A to D left to right, aisles 3 m apart and 6 m across a zone boundary; two
    blocks of six bays; the depot at the front of aisle A-01."""
    locations = generate(orders=0).locations
    layout = demo_layout(locations)
    zones = [a.zone for a in layout.aisles]
    assert zones == sorted(zones) and set(zones) == {"A", "B", "C", "D"}
    for zone in "ABCD":
        numbers = [a.number for a in layout.aisles if a.zone == zone]
        deepest = max(x.aisle for x in locations if x.zone == zone)
        assert numbers == list(range(1, deepest + 1))
    steps = {
        (left.zone == right.zone, right.x - left.x)
        for left, right in zip(layout.aisles, layout.aisles[1:], strict=False)
    }
    assert steps == {(True, 3.0), (False, 6.0)}
    assert layout.block_bays == (6, 6) and layout.cross_ys == (0.0, 8.0, 16.0)
    assert layout.depot == Spot(0, 0.0) and layout.aisles[0] == AisleSpec("A", 1, 0.0)


def test_every_demo_location_has_a_spot_on_the_demo_floor() -> None:
    """Twelve-bay zone A fills both blocks (bay 7 is the back block's first); every
    generated location is on the floor."""
    locations = generate(orders=0).locations
    layout = demo_layout(locations)
    for x in locations:
        spot_of_location(layout, x.zone, x.aisle, x.bay)
    assert spot_of_location(layout, "A", 1, 6).y == 1.0 + 5.5
    assert spot_of_location(layout, "A", 1, 7).y == 8.0 + 1.0 + 0.5


def test_the_stand_alone_demo_stores_the_demo_floor_once(store: Store) -> None:
    """A demo store gets the floor of its own locations; seeding again changes nothing."""
    assert seed_if_empty(store.sessions, orders=5)
    assert seed_floor_if_missing(store.sessions)
    assert not seed_floor_if_missing(store.sessions)
    with store.reads() as s:
        assert current_layout(s) == demo_layout(generate(orders=0).locations)
        stored = stored_layout(s)
    assert stored is not None and stored.version == 0


def test_a_store_without_locations_gets_no_demo_floor(store: Store) -> None:
    """Nothing to draw the floor from: nothing is stored (a synced station waits for the
    centre's)."""
    assert not seed_floor_if_missing(store.sessions)
    with store.reads() as s:
        assert current_layout(s) is None


def test_a_location_deeper_than_the_demo_floor_is_refused() -> None:
    """The demo floor has twelve bays per aisle; a thirteenth cannot be drawn."""
    deep = dataclasses.replace(generate(orders=0).locations[0], bay=13)
    with pytest.raises(ValueError, match="bay 13 is deeper"):
        demo_layout([deep])


def test_a_layout_made_by_hand_stays_usable() -> None:
    """``Layout.grid`` floors (one zone, numbered from 1) convert both ways."""
    grid = Layout.grid(4, (10,), aisle_spacing=2.5, zone="Z")
    assert layout_from_doc(doc_of_layout(grid)) == grid
