"""Leases: one station per order, expiry and takeover, renewals that say what was lost."""

from __future__ import annotations

import threading
from datetime import timedelta
from typing import Any

import pytest

from sync.protocol import Claim, ClaimList, RenewResult
from tests.hub.conftest import T0, Api, FakeClock, World, order


def claim(api: Api, key: str, kind: str = "order", **extra: Any) -> dict[str, Any]:
    found: dict[str, Any] = api.ok("POST", "/v1/claims", {"kind": kind, "key": key} | extra)
    Claim.model_validate(found)
    return found


def renew(api: Api, *claim_ids: str) -> dict[str, Any]:
    found: dict[str, Any] = api.ok("POST", "/v1/claims/renew", {"claim_ids": list(claim_ids)})
    RenewResult.model_validate(found)
    return found


def test_a_lease_is_granted_renewed_and_refused_to_others(world: World, clock: FakeClock) -> None:
    world.write(order("O1"))
    mine = claim(world.st1, "O1")
    assert (mine["station"], mine["expires_in_s"]) == ("ST-1", 300.0)
    clock.advance(100)
    again = claim(world.st1, "O1", ttl_s=600)  # asking again renews the same lease
    assert again["claim_id"] == mine["claim_id"] and again["expires_in_s"] == 600.0
    answer = world.st2.post("/v1/claims", {"kind": "order", "key": "O1"})
    assert answer.status_code == 409
    body = answer.json()
    assert body["code"] == "claimed_elsewhere"
    assert body["detail"]["station"] == "ST-1"
    assert body["detail"]["expires_at"] == (T0 + timedelta(seconds=700)).isoformat()


def test_an_expired_lease_is_taken_over_and_its_holder_learns_by_whom(
    world: World, clock: FakeClock
) -> None:
    """GIVEN ST-1's lease ran out WHEN ST-2 takes O1 THEN ST-1's renewal reports 'taken by
    ST-2'; an expired lease nobody took is simply renewed."""
    world.write(order("O1"), order("O2"))
    lost = claim(world.st1, "O1")
    kept = claim(world.st1, "O2")
    clock.advance(301)
    taken = claim(world.st2, "O1")
    assert taken["claim_id"] != lost["claim_id"]
    result = renew(world.st1, lost["claim_id"], kept["claim_id"])
    assert [c["claim_id"] for c in result["claims"]] == [kept["claim_id"]]
    assert result["claims"][0]["expires_in_s"] == 300.0
    assert result["lost"] == [
        {
            "claim_id": lost["claim_id"],
            "kind": "order",
            "key": "O1",
            "reason": "taken",
            "holder": "ST-2",
        }
    ]


def test_renewal_reports_released_closed_and_unknown(world: World) -> None:
    world.write(order("O1"), order("O2"))
    released = claim(world.st1, "O1")
    closed = claim(world.st1, "O2")
    tote = claim(world.st1, "T-7", kind="tote")
    world.admin.ok("DELETE", f"/v1/claims/{released['claim_id']}")
    world.admin.ok("POST", "/v1/orders/O2/status", {"status": "cancelled", "reason": None})
    result = renew(world.st1, released["claim_id"], closed["claim_id"], tote["claim_id"], "junk")
    assert [c["key"] for c in result["claims"]] == ["T-7"]
    assert [(x["key"], x["reason"]) for x in result["lost"]] == [
        ("O1", "released"),
        ("O2", "closed"),
        (None, "unknown"),
    ]
    again = renew(world.st1, closed["claim_id"])  # closed stays closed
    assert [x["reason"] for x in again["lost"]] == ["closed"]


def test_only_open_orders_can_be_leased(world: World) -> None:
    world.write(order("O1"))
    world.admin.ok("POST", "/v1/orders/O1/status", {"status": "held", "reason": "stock check"})
    answer = world.st1.post("/v1/claims", {"kind": "order", "key": "O1"})
    assert (answer.status_code, answer.json()["code"]) == (409, "not_claimable")
    answer = world.st1.post("/v1/claims", {"kind": "order", "key": "NOPE"})
    assert (answer.status_code, answer.json()["code"]) == (404, "not_found")
    claim(world.st1, "ANY-WAVE", kind="wave")  # waves and totes are plain keyed leases


def test_giving_a_lease_back(world: World) -> None:
    world.write(order("O1"))
    mine = claim(world.st1, "O1")
    answer = world.st2.delete(f"/v1/claims/{mine['claim_id']}")
    assert (answer.status_code, answer.json()["code"]) == (403, "forbidden")
    assert world.other.delete(f"/v1/claims/{mine['claim_id']}").status_code == 404
    answer = world.st1.delete(f"/v1/claims/{mine['claim_id']}")
    assert answer.status_code == 204 and answer.content == b""
    assert world.st1.delete(f"/v1/claims/{mine['claim_id']}").status_code == 204  # a retry
    assert world.st1.delete("/v1/claims/never-was").status_code == 404
    assert claim(world.st2, "O1")["station"] == "ST-2"


def test_claim_next_leases_open_orders_earliest_ship_by_first(
    world: World, clock: FakeClock
) -> None:
    day = timedelta(days=1)
    world.write(
        order("LATE", ship_by=T0 + 3 * day),
        order("SOON", ship_by=T0 + day),
        order("HELD", ship_by=T0),
        order("MID", ship_by=T0 + 2 * day),
    )
    world.admin.ok("POST", "/v1/orders/HELD/status", {"status": "held"})
    claim(world.st2, "SOON")
    first = world.st1.ok("POST", "/v1/claims/next", {"count": 2})
    ClaimList.model_validate(first)
    assert [c["key"] for c in first["claims"]] == ["MID", "LATE"]
    assert world.st1.ok("POST", "/v1/claims/next", {"count": 5})["claims"] == []
    clock.advance(301)  # every lease ran out: ST-2's SOON is free again
    taken = world.st2.ok("POST", "/v1/claims/next", {"count": 5})["claims"]
    assert [c["key"] for c in taken] == ["SOON", "MID", "LATE"]


@pytest.mark.parametrize("database_url", ["postgres"], indirect=True)
def test_concurrent_claim_next_never_gives_one_order_to_two_stations(world: World) -> None:
    """2 stations x 8 threads ask for 3 orders each at once, on PostgreSQL (SKIP LOCKED):
    every order goes to exactly one caller."""
    world.write(*(order(f"O{i:03d}") for i in range(60)))
    results: list[list[str]] = []
    errors: list[BaseException] = []
    start = threading.Barrier(16)

    def ask(api: Api) -> None:
        try:
            start.wait()
            for _ in range(2):
                page = api.ok("POST", "/v1/claims/next", {"count": 3})
                results.append([c["key"] for c in page["claims"]])
        except BaseException as exc:  # reported below: a thread's failure must fail the test
            errors.append(exc)

    threads = [
        threading.Thread(target=ask, args=(Api(world.hub.url, world.tokens[code]),))
        for code in ["ST-1", "ST-2"] * 8
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert errors == []
    granted = [key for batch in results for key in batch]
    assert len(granted) == len(set(granted))  # disjoint
    assert len(granted) == 60  # SKIP LOCKED skips, never starves: 96 asked, 60 exist
