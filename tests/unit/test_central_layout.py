"""Pages of the centre's feed carrying the floor layout, applied to real SQLite stores: the
newest layout becomes the station's floor; one the station cannot use changes nothing but
its audit row, and never stops the page."""

from __future__ import annotations

import json
from datetime import timedelta

from sqlalchemy import select, text

from app.store.open import Store
from app.store.tables import AuditEntry, Order
from app.usecases.central_changes import apply_page, pull_state
from app.usecases.central_docs import ApplyReport, CentralChanges
from app.usecases.floor_layout import current_layout, layout_from_doc
from tests.conftest import CTX
from tests.factories import NOW, Catalogue
from tests.sync.docs import layout, location, order


def apply(store: Store, changes: CentralChanges, cursor: str = "c1", later: int = 0) -> ApplyReport:
    with store.engine.begin() as conn:
        return apply_page(conn, changes, cursor, CTX, NOW + timedelta(seconds=later))


def floor_row(store: Store) -> list[tuple[object, ...]]:
    with store.engine.connect() as conn:
        return [tuple(r) for r in conn.execute(text("SELECT * FROM floor_layout"))]


def test_a_layout_in_a_page_becomes_the_stations_floor(store: Store) -> None:
    """GIVEN a station without a floor WHEN a page brings locations and a layout THEN the
    layout is the station's floor, counted in the report, with the cursor moved."""
    doc = layout(0, 3, 6, version=4)
    report = apply(store, CentralChanges(locations=[location("A-01")], layouts=[doc]))
    assert (report.layouts, report.layouts_refused, report.locations) == (1, [], 1)
    with store.reads() as s:
        assert current_layout(s) == layout_from_doc(doc)
    with store.engine.connect() as conn:
        assert pull_state(conn).cursor == "c1"
    assert floor_row(store)[0][2] == 4  # the centre's version


def test_a_newer_layout_replaces_the_floor_and_the_last_of_a_page_wins(store: Store) -> None:
    """Each layout page replaces the floor; a page holding two (which a compacted feed never
    sends) ends with the last."""
    apply(store, CentralChanges(layouts=[layout(0, 3, version=1)]))
    apply(store, CentralChanges(layouts=[layout(0, 4, version=2), layout(0, 5, version=3)]), "c2")
    with store.reads() as s:
        assert current_layout(s) == layout_from_doc(layout(0, 5, version=3))


def test_applying_the_same_layout_again_writes_nothing(store: Store) -> None:
    """A page pulled twice (a crash before its commit was known) leaves the row as it was,
    its time included."""
    page = CentralChanges(layouts=[layout(version=2)])
    apply(store, page)
    before = floor_row(store)
    apply(store, page, later=60)
    assert floor_row(store) == before


def test_a_layout_the_station_cannot_use_is_audited_and_the_floor_kept(
    store: Store, catalogue: Catalogue
) -> None:
    """GIVEN a station with a floor WHEN a page brings an order and a layout whose aisles are
    out of order THEN the order is stored, the cursor moves, the old floor stays, and the
    refusal is audited (``layout_not_stored``, with why and the version) and reported."""
    good = layout(0, 3, version=1)
    apply(store, CentralChanges(layouts=[good]), "c1")
    before = floor_row(store)
    bad = layout(3, 0, version=2)
    report = apply(
        store, CentralChanges(layouts=[bad], orders=[order("SO-1", [("TS-MUG", 1)])]), "c2"
    )
    assert report.layouts == 0 and report.orders_new == 1
    assert report.layouts_refused == [
        "version 2: aisles go left to right: aisle A-02 (at 0 m) is listed after aisle A-01 "
        "(at 3 m)"
    ]
    assert floor_row(store) == before
    with store.reads() as s:
        assert s.execute(select(Order.number)).scalars().all() == ["SO-1"]
        details = s.execute(
            select(AuditEntry.detail).where(AuditEntry.action == "layout_not_stored")
        ).scalars()
        assert [json.loads(d) for d in details] == [
            {"error": report.layouts_refused[0].removeprefix("version 2: "), "version": 2}
        ]
    with store.engine.connect() as conn:
        assert pull_state(conn).cursor == "c2"


def test_a_page_without_a_layout_leaves_the_floor_alone(store: Store) -> None:
    """Orders and catalogue pages never touch the floor."""
    apply(store, CentralChanges(layouts=[layout(version=1)]))
    before = floor_row(store)
    report = apply(store, CentralChanges(locations=[location("A-02")]), "c2")
    assert report.layouts == 0 and floor_row(store) == before


def test_reports_of_several_pages_add_up_layouts_and_refusals() -> None:
    """The engine totals a pull: stored and refused layouts are summed like orders."""
    total = ApplyReport()
    total.add(ApplyReport(layouts=1))
    total.add(ApplyReport(layouts_refused=["version 2: no aisles"]))
    assert (total.layouts, total.layouts_refused) == (1, ["version 2: no aisles"])
