"""The centre's calls: admin tokens only; uploads write the catalogue before the orders."""

from __future__ import annotations

from sync.protocol import OrderDoc, UploadResult
from tests.hub.conftest import World, location, order, product


def test_an_upload_writes_catalogue_then_orders_and_counts_what_changed(world: World) -> None:
    upload = {
        "orders": [order("O1", "NEW-SKU").model_dump(mode="json")],
        "products": [product("NEW-SKU", location="A-01").model_dump(mode="json")],
        "locations": [location("A-01").model_dump(mode="json")],
        "box_types": [],
    }
    counts = UploadResult.model_validate(world.admin.ok("POST", "/v1/orders", upload))
    assert counts == UploadResult(orders=1, products=1, locations=1, box_types=0)
    again = world.admin.ok("POST", "/v1/orders", upload)
    assert again == {"orders": 0, "products": 0, "locations": 0, "box_types": 0}
    changes, _ = world.st1.pull()
    assert [c["kind"] for c in changes][-3:] == ["location", "product", "order"]
    doc = OrderDoc.model_validate(world.admin.ok("GET", "/v1/orders/O1"))
    assert (doc.number, doc.version, doc.status) == ("O1", 1, "open")


def test_status_changes_and_their_refusals(world: World) -> None:
    world.write(order("O1"))
    held = world.admin.ok("POST", "/v1/orders/O1/status", {"status": "held", "reason": "fraud?"})
    assert (held["status"], held["status_reason"], held["version"]) == ("held", "fraud?", 2)
    reopened = world.admin.ok("POST", "/v1/orders/O1/status", {"status": "open"})
    assert (reopened["status"], reopened["status_reason"], reopened["version"]) == ("open", None, 3)
    answer = world.admin.post("/v1/orders/O1/status", {"status": "packed"})
    assert (answer.status_code, answer.json()["code"]) == (422, "invalid_request")
    answer = world.admin.post("/v1/orders/NOPE/status", {"status": "held"})
    assert (answer.status_code, answer.json()["code"]) == (404, "not_found")
    assert world.admin.get("/v1/orders/NOPE").status_code == 404


def test_stations_may_not_use_the_centres_calls(world: World) -> None:
    world.write(order("O1"))
    for answer in (
        world.st1.post("/v1/orders", {"orders": []}),
        world.st1.post("/v1/orders/O1/status", {"status": "held"}),
        world.st1.get("/v1/orders/O1"),
        world.st1.get("/v1/conflicts"),
    ):
        assert answer.status_code == 403
        assert answer.json()["code"] == "forbidden"
        assert "admin" in answer.json()["message"]
    assert world.admin.ok("GET", "/v1/orders/O1")["status"] == "open"  # nothing changed
