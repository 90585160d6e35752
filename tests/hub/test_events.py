"""Events from the floor: exactly once, refusals that say why, conflicts kept for the centre."""

from __future__ import annotations

from typing import Any

from sync.hub import catalog
from sync.protocol import BatchResult
from tests.hub.conftest import World, event, order, packed


def upload(world: World, *events: dict[str, Any], api: Any = None) -> list[dict[str, Any]]:
    answer = (api or world.st1).ok("POST", "/v1/events", {"events": list(events)})
    BatchResult.model_validate(answer)
    results: list[dict[str, Any]] = answer["results"]
    assert [r["event_id"] for r in results] == [e["event_id"] for e in events]
    return results


def conflicts(world: World) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = world.admin.ok("GET", "/v1/conflicts")["conflicts"]
    return found


def test_a_replayed_event_gets_its_first_answer_and_changes_nothing_more(world: World) -> None:
    """GIVEN OrderPacked accepted WHEN the station sends it again (its answer was lost)
    THEN the same answer comes back with replay true, and the order moved once."""
    world.write(order("O1"))
    packing = packed("O1")
    first = upload(world, packing)[0]
    assert first == {
        "event_id": packing["event_id"],
        "outcome": "accepted",
        "replay": False,
        "code": None,
        "message": None,
        "conflict": None,
    }
    _, cursor = world.st2.pull()
    again = upload(world, packing, packing)
    assert again == [first | {"replay": True}] * 2
    assert world.st2.pull(after=cursor)[0] == []  # no second version
    doc = world.admin.ok("GET", "/v1/orders/O1")
    assert (doc["status"], doc["packed_by"], doc["version"]) == ("packed", "ST-1", 2)


def test_packing_reaches_other_stations_through_the_feed(world: World) -> None:
    world.write(order("O1"), order("O2"))
    _, cursor = world.st2.pull()
    upload(world, packed("O1"))
    since, _ = world.st2.pull(after=cursor)
    assert [
        (c["order"]["number"], c["order"]["status"], c["order"]["packed_by"]) for c in since
    ] == [("O1", "packed", "ST-1")]


def test_the_same_id_with_another_body_or_from_another_station_is_key_reused(
    world: World,
) -> None:
    world.write(order("O1"))
    started = event("PackStarted", {"order_number": "O1"})
    upload(world, started)
    changed = started | {"operator": "OP-2"}
    result = upload(world, changed)[0]
    assert (result["outcome"], result["code"]) == ("refused", "key_reused")
    result = upload(world, started, api=world.st2)[0]
    assert result["code"] == "key_reused"
    assert upload(world, started)[0]["replay"] is True  # the first is still there


def test_refusals_name_the_problem_and_are_final(world: World) -> None:
    world.write(order("O1"))
    unknown_type = event("Teleported", {"order_number": "O1"})
    bad_payload = event("ItemPacked", {"order_number": "O1", "line_no": 0})
    unknown_order = event("PackStarted", {"order_number": "NOPE"})
    good = event("PackStarted", {"order_number": "O1"})
    results = upload(world, unknown_type, bad_payload, unknown_order, good)
    assert [(r["outcome"], r["code"]) for r in results] == [
        ("refused", "unknown_type"),
        ("refused", "invalid_payload"),
        ("refused", "unknown_order"),
        ("accepted", None),
    ]
    assert "Teleported" in results[0]["message"]
    assert "payload.line_no" in results[1]["message"] and "payload.sku" in results[1]["message"]
    assert "NOPE" in results[2]["message"]
    world.write(order("NOPE"))  # the order arrives later: a replay still gets the refusal
    replay = upload(world, unknown_order)[0]
    assert (replay["code"], replay["replay"]) == ("unknown_order", True)


def test_packing_a_cancelled_order_is_accepted_and_shown_to_the_centre(world: World) -> None:
    world.write(order("O1"))
    with world.hub.engine.begin() as conn:
        catalog.set_order_status(conn, "WH1", "O1", "cancelled", "customer called")
    packing = packed("O1")
    result = upload(world, packing)[0]
    assert result["outcome"] == "accepted"
    assert result["conflict"] == (
        "Station ST-1 packed order O1 while the centre had it cancelled (customer called)."
    )
    [found] = conflicts(world)
    assert (found["kind"], found["order_number"], found["station"], found["event_id"]) == (
        "packed_while_cancelled",
        "O1",
        "ST-1",
        packing["event_id"],
    )
    doc = world.admin.ok("GET", "/v1/orders/O1")
    assert (doc["status"], doc["packed_by"]) == ("packed", "ST-1")
    assert doc["status_reason"] == "packed at ST-1 while cancelled: customer called"


def test_packed_offline_while_another_station_held_it(world: World) -> None:
    """GIVEN ST-2 holds O1 WHEN ST-1 (offline) packed it THEN accepted, with the conflict."""
    world.write(order("O1"))
    world.st2.ok("POST", "/v1/claims", {"kind": "order", "key": "O1"})
    result = upload(world, packed("O1"))[0]
    assert result["conflict"] == "Order O1 was packed offline by ST-1 while ST-2 held it."
    assert [c["kind"] for c in conflicts(world)] == ["packed_while_claimed"]


def test_packed_twice_keeps_the_first_packer(world: World) -> None:
    world.write(order("O1"), order("O2"))
    upload(world, packed("O1"))
    second = upload(world, packed("O1"), api=world.st2)[0]
    assert second["outcome"] == "accepted"
    assert second["conflict"] == "Station ST-2 packed order O1, which ST-1 had already packed."
    assert world.admin.ok("GET", "/v1/orders/O1")["packed_by"] == "ST-1"
    started = upload(world, event("PackStarted", {"order_number": "O2"}))[0]
    assert started["conflict"] is None
    held = world.admin.ok("POST", "/v1/orders/O2/status", {"status": "held", "reason": "fraud?"})
    assert held["status"] == "held"
    started = upload(world, event("PackStarted", {"order_number": "O2"}))[0]
    assert started["conflict"] == (
        "Station ST-1 started packing order O2 while the centre had it held (fraud?)."
    )
    assert [c["kind"] for c in conflicts(world)] == ["packed_after_packed", "started_while_held"]
    page = world.admin.ok("GET", "/v1/conflicts", after_id=conflicts(world)[0]["id"])
    assert [c["kind"] for c in page["conflicts"]] == ["started_while_held"]


def test_a_station_sees_no_other_warehouse_in_events(world: World) -> None:
    world.write(order("WH2-ONLY"), wh="WH2")
    result = upload(world, packed("WH2-ONLY"))[0]
    assert result["code"] == "unknown_order"
