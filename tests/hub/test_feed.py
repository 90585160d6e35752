"""The changes feed: paged, resumable, compacted, referentially ordered, one warehouse each."""

from __future__ import annotations

from typing import Any

import pytest

from sync.hub import catalog
from sync.protocol import ChangesPage
from tests.hub.conftest import World, order, product


def keys(changes: list[dict[str, Any]]) -> list[str]:
    """``kind:key@version`` of each change, in feed order."""
    out = []
    for change in changes:
        kind = change["kind"]
        doc = change[kind]
        key = doc.get("number") or doc.get("sku") or doc["code"]
        out.append(f"{kind}:{key}" + (f"@{doc['version']}" if kind == "order" else ""))
    return out


def test_feed_pages_in_order_and_resumes_from_a_cursor(world: World) -> None:
    world.write(*(order(f"O{i:02d}") for i in range(25)))
    first = world.st1.ok("GET", "/v1/changes", limit=10)
    ChangesPage.model_validate(first)  # the hand-built JSON is a valid ChangesPage
    assert len(first["changes"]) == 10 and first["more"] is True
    assert first["remaining"] == 27 - 10  # two products and 25 orders
    second = world.st1.ok("GET", "/v1/changes", limit=10, after=first["cursor"])
    third = world.st1.ok("GET", "/v1/changes", limit=10, after=second["cursor"])
    assert (second["remaining"], third["remaining"], third["more"]) == (7, 0, False)
    changes = first["changes"] + second["changes"] + third["changes"]
    seqs = [c["seq"] for c in changes]
    assert seqs == sorted(seqs) and len(set(seqs)) == 27
    assert keys(changes)[2:] == [f"order:O{i:02d}@1" for i in range(25)]
    world.write(order("NEW-1"), order("NEW-2"))
    later, _ = world.st1.pull(after=third["cursor"])
    assert keys(later) == ["order:NEW-1@1", "order:NEW-2@1"]


def test_an_empty_page_keeps_the_cursor(world: World) -> None:
    _, cursor = world.st1.pull()
    page = world.st1.ok("GET", "/v1/changes", after=cursor)
    assert page == {"changes": [], "cursor": cursor, "more": False, "remaining": 0}


def test_an_edit_moves_the_order_to_the_end_of_the_feed_once(world: World) -> None:
    world.write(order("O1"), order("O2"), order("O3"))
    _, cursor = world.st1.pull()
    assert world.write(order("O1", "SKU-1", "SKU-2")) == 1
    everything, _ = world.st1.pull()
    assert keys(everything) == [
        "product:SKU-1",
        "product:SKU-2",
        "order:O2@1",
        "order:O3@1",
        "order:O1@2",
    ]
    since, _ = world.st1.pull(after=cursor)
    assert keys(since) == ["order:O1@2"]
    assert len(since[0]["order"]["lines"]) == 2


def test_reimporting_unchanged_orders_and_products_moves_nothing(world: World) -> None:
    world.write(order("O1"), order("O2"))
    _, cursor = world.st1.pull()
    assert world.write(order("O1"), order("O2"), products=(product("SKU-1"),)) == 0
    again, new_cursor = world.st1.pull(after=cursor)
    assert again == [] and new_cursor == cursor


def test_a_status_change_is_a_new_version_at_the_end(world: World) -> None:
    world.write(order("O1"), order("O2"))
    _, cursor = world.st1.pull()
    with world.hub.engine.begin() as conn:
        held = catalog.set_order_status(conn, "WH1", "O1", "held", "address check")
        again = catalog.set_order_status(conn, "WH1", "O1", "held", "address check")
    assert (held.version, held.status, held.status_reason) == (2, "held", "address check")
    assert again == held  # asked twice: one version
    since, _ = world.st1.pull(after=cursor)
    assert keys(since) == ["order:O1@2"] and since[0]["order"]["status"] == "held"
    world.write(order("O1", "SKU-2"))  # an edit keeps the hub's status
    edited, _ = world.st1.pull(after=cursor)
    assert edited[-1]["order"]["status"] == "held" and edited[-1]["order"]["version"] == 3


def test_a_product_comes_before_every_order_naming_it_even_after_it_changes(
    world: World,
) -> None:
    """GIVEN P, then order O naming P, then P edited WHEN a new station downloads one change
    per page THEN it meets P before O (its first version stays pinned), and P's latest
    version after; a station that already had P gets only the edit."""
    world.write(order("O1", "P-1"), products=(product("P-1", "Mug"),))
    _, cursor = world.st1.pull()
    world.write(products=(product("P-1", "Mug, blue"),))
    everything, _ = world.st1.pull(limit=1)
    assert keys(everything)[2:] == ["product:P-1", "order:O1@1", "product:P-1"]
    assert [everything[i]["product"]["name"] for i in (2, 4)] == ["Mug", "Mug, blue"]
    since, _ = world.st1.pull(after=cursor)
    assert keys(since) == ["product:P-1"]
    world.write(products=(product("P-1", "Mug, red"),))  # later edits move one row
    everything, _ = world.st1.pull(limit=1)
    assert keys(everything)[2:] == ["product:P-1", "order:O1@1", "product:P-1"]
    assert everything[-1]["product"]["name"] == "Mug, red"


def test_a_page_holding_both_versions_of_a_product_sends_it_once_before_its_orders(
    world: World,
) -> None:
    """A station applying a page in bulk must not meet one product twice in it."""
    world.write(order("O1", "P-1"), products=(product("P-1", "Mug"),))
    world.write(products=(product("P-1", "Mug, blue"),))
    page = world.st1.ok("GET", "/v1/changes")
    assert keys(page["changes"]) == ["product:SKU-1", "product:SKU-2", "product:P-1", "order:O1@1"]
    assert page["changes"][2]["product"]["name"] == "Mug, blue"
    seqs = [c["seq"] for c in page["changes"]]
    assert seqs == sorted(seqs)
    assert world.st1.ok("GET", "/v1/changes", after=page["cursor"])["changes"] == []


def test_an_order_naming_an_unknown_product_is_refused_whole(world: World) -> None:
    with pytest.raises(catalog.UnknownSkuError, match="Order BAD names product 'NOPE'"):
        world.write(order("GOOD"), order("BAD", "NOPE"))
    upload = [order("GOOD").model_dump(mode="json"), order("BAD", "NOPE").model_dump(mode="json")]
    answer = world.admin.post("/v1/orders", {"orders": upload})
    assert answer.status_code == 422 and "NOPE" in answer.json()["message"]
    everything, _ = world.st1.pull()
    assert keys(everything) == ["product:SKU-1", "product:SKU-2"]


def test_a_station_sees_only_its_own_warehouse(world: World) -> None:
    world.write(order("O1"), order("WH1-ONLY"))
    world.write(order("O1", ship_by=None, channel="shop2"), wh="WH2")
    mine, _ = world.st1.pull()
    theirs, _ = world.other.pull()
    assert keys(mine) == ["product:SKU-1", "product:SKU-2", "order:O1@1", "order:WH1-ONLY@1"]
    assert keys(theirs) == ["product:SKU-1", "order:O1@1"]
    assert theirs[1]["order"]["channel"] == "shop2"
    answer = world.other.post("/v1/claims", {"kind": "order", "key": "WH1-ONLY"})
    assert answer.status_code == 404


def test_bad_and_foreign_cursors_are_refused_with_what_to_do(world: World) -> None:
    _, foreign = world.other.pull()  # another warehouse's feed
    for cursor in ("", "garbage", "0.1", foreign, foreign.split(".")[0] + ".999999"):
        answer = world.st1.get("/v1/changes", after=cursor)
        assert answer.status_code == 422, cursor
        body = answer.json()
        assert body["code"] == "invalid_request"
        assert "from the start" in body["message"]
    for limit in (0, 2001):
        assert world.st1.get("/v1/changes", limit=limit).status_code == 422


def test_writing_to_a_warehouse_that_does_not_exist_says_so(world: World) -> None:
    with pytest.raises(catalog.UnknownWarehouseError, match="no warehouse 'NOPE'"):
        world.write(order("O1"), wh="NOPE")
    with world.hub.engine.begin() as conn, pytest.raises(catalog.UnknownWarehouseError):
        catalog.set_order_status(conn, "NOPE", "O1", "held", None)
