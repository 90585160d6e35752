"""A warehouse's floor layout at the order service: set by the centre (API, ``tote hub``),
checked with the stations' rules, one compacted entity of the feed."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from sync.hub import catalog
from sync.hub.cli import main
from sync.hub.db import open_hub_db, run_alembic, upgrade_to_head
from sync.hub.layout import get_layout, set_layout
from sync.hub.tables import changes
from sync.protocol import LayoutDoc
from tests.hub.conftest import World, product
from tests.sync.docs import layout


def body(doc: LayoutDoc) -> dict[str, Any]:
    return doc.model_dump(mode="json")


def layouts_in(feed: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [c["layout"] for c in feed if c["kind"] == "layout"]


def test_an_admin_upload_reaches_the_warehouses_stations_through_the_feed(world: World) -> None:
    """GIVEN a warehouse without a floor WHEN the centre uploads one THEN it is version 1
    (the upload's own version is ignored), the warehouse's stations get it from the feed,
    and another warehouse's do not."""
    set_ = world.admin.ok("POST", "/v1/layout", body(layout(0, 3, 6, version=9)))
    assert set_ == body(layout(0, 3, 6, version=1))
    feed, _ = world.st1.pull()
    assert layouts_in(feed) == [set_]
    assert world.admin.ok("GET", "/v1/layout") == set_
    other, _ = world.other.pull()
    assert layouts_in(other) == []


def test_compaction_keeps_only_the_newest_layout(world: World) -> None:
    """Each change of the floor is the next version and moves the one row of the feed: a
    station starting now gets only the newest; one that had the first gets the newest
    after its cursor; the same layout again moves nothing."""
    world.admin.ok("POST", "/v1/layout", body(layout(0, 3)))
    _, cursor = world.st1.pull()
    newest = world.admin.ok("POST", "/v1/layout", body(layout(0, 4)))
    assert newest["version"] == 2
    again = world.admin.ok("POST", "/v1/layout", body(layout(0, 4, version=5)))
    assert again == newest
    from_start, top = world.st2.pull()
    assert layouts_in(from_start) == [newest]
    since, _ = world.st1.pull(cursor)
    assert layouts_in(since) == [newest]
    assert world.st2.pull(top)[0] == []  # the repeated upload wrote nothing
    with world.hub.engine.connect() as conn:
        query = select(changes.c.key, changes.c.pinned).where(changes.c.kind == "layout")
        rows = conn.execute(query)
        assert [tuple(r) for r in rows] == [("WH1", False)]


def test_a_floor_no_station_could_walk_is_refused_with_the_reason(world: World) -> None:
    """Aisles out of order pass the document's schema but not the stations' rules: 422
    ``invalid_request`` saying why (not a parse refusal), and the feed is unchanged."""
    answer = world.admin.post("/v1/layout", body(layout(3, 0)))
    assert (answer.status_code, answer.json()["code"]) == (422, "invalid_request")
    assert "aisles go left to right" in answer.json()["message"]
    assert "errors" not in (answer.json()["detail"] or {})
    malformed = body(layout()) | {"bay_width_m": 0}
    answer = world.admin.post("/v1/layout", malformed)
    assert answer.status_code == 422 and "bay_width_m" in answer.json()["message"]
    assert layouts_in(world.st1.pull()[0]) == []
    assert world.admin.get("/v1/layout").status_code == 404


def test_stations_may_neither_set_nor_read_the_centres_layout(world: World) -> None:
    """Setting the floor is the centre's: a station's token gets 403 (it reads the feed)."""
    for answer in (world.st1.post("/v1/layout", body(layout())), world.st1.get("/v1/layout")):
        assert (answer.status_code, answer.json()["code"]) == (403, "forbidden")


def test_downgrading_the_hub_forgets_layouts_and_keeps_the_rest(new_database_url: str) -> None:
    """The schema before layouts cannot hold them: its downgrade deletes them, nothing
    else, and upgrading again accepts layouts."""
    engine = open_hub_db(new_database_url)
    try:
        with engine.begin() as conn:
            catalog.ensure_warehouse(conn, "WH1", "Main")
            catalog.upsert_products(conn, "WH1", [product("SKU-1")])
            set_layout(conn, "WH1", layout())
        with engine.begin() as conn:
            run_alembic(conn, "downgrade", "0001_initial")
        with engine.connect() as conn:
            kinds = conn.execute(select(changes.c.kind)).scalars().all()
        assert kinds == ["product"]
        upgrade_to_head(engine)
        with engine.begin() as conn:
            assert set_layout(conn, "WH1", layout())[0].version == 1
            assert get_layout(conn, "WH1") == layout()
    finally:
        engine.dispose()


# -- tote hub layout ---------------------------------------------------------------------------


@pytest.fixture
def db(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'hub.sqlite3'}"
    engine = open_hub_db(url)
    with engine.begin() as conn:
        catalog.ensure_warehouse(conn, "WH1", "Main")
    engine.dispose()
    return url


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def test_a_supervisor_sets_and_shows_the_floor_from_a_json_file(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``tote hub layout set FILE.json`` says which version the floor is now; setting it
    again says it already was; ``show`` prints the document stations get."""
    path = tmp_path / "floor.json"
    path.write_text(layout(0, 3, 6).model_dump_json(), "utf-8")
    code, out, _ = run(capsys, "--db", db, "layout", "set", str(path), "--warehouse", "WH1")
    assert code == 0
    assert out == "warehouse WH1: the floor layout is now version 1 (3 aisles, 12 bays each)\n"
    code, out, _ = run(capsys, "layout", "set", str(path), "--warehouse", "WH1", "--db", db)
    assert (code, "was already version 1" in out) == (0, True)
    code, out, _ = run(capsys, "--db", db, "layout", "show", "--warehouse", "WH1")
    assert code == 0 and LayoutDoc.model_validate(json.loads(out)) == layout(0, 3, 6)


@pytest.mark.parametrize(
    ("content", "why"),
    [
        (None, "cannot read"),
        ("{not json", "is not a floor layout: the file: Invalid JSON"),
        ('{"aisles": []}', "is not a floor layout: aisles: List should have at least 1 item"),
        (layout(3, 0).model_dump_json(), "This floor layout cannot be used: aisles go left"),
    ],
)
def test_a_bad_layout_file_is_one_line_saying_why(
    db: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    content: str | None,
    why: str,
) -> None:
    """A missing file, broken JSON, a document missing its parts and a floor no station
    could walk: exit 1, one line naming the problem, nothing set."""
    path = tmp_path / "floor.json"
    if content is not None:
        path.write_text(content, "utf-8")
    code, out, err = run(capsys, "--db", db, "layout", "set", str(path), "--warehouse", "WH1")
    assert (code, out) == (1, "")
    assert len(err.strip().splitlines()) == 1 and why in err
    code, _, err = run(capsys, "--db", db, "layout", "show", "--warehouse", "WH1")
    assert code == 1 and "has no floor layout yet" in err
