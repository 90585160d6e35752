"""Short picks and damaged units reach the centre as a report per SKU and location: the
replenishment and reorder cue of the floor."""

from __future__ import annotations

from typing import Any

from tests.hub.conftest import World, event, order


def short(
    number: str, sku: str, location: str, units: int, reason: str, seq: int
) -> dict[str, Any]:
    payload = {"order_number": number, "line_no": 1, "sku": sku, "location": location,
               "quantity_short": units, "reason": reason}  # fmt: skip
    return event("ShortPick", payload, seq=seq)


def damaged(number: str, sku: str, location: str, seq: int) -> dict[str, Any]:
    payload = {"order_number": number, "line_no": 1, "sku": sku, "location": location,
               "quantity": 1}  # fmt: skip
    return event("ItemDamaged", payload, seq=seq)


def test_shortages_sum_short_and_damaged_units_per_sku_and_location(world: World) -> None:
    """Two stations' short picks at one bin add up; damaged units are counted apart; the
    bin with the most missing units comes first, with its reasons and orders."""
    world.write(order("SO-1", "SKU-1"), order("SO-2", "SKU-1", "SKU-2"))
    batch = [
        short("SO-1", "SKU-1", "A-01-02-1-1", 2, "bin_empty", 1),
        damaged("SO-1", "SKU-1", "A-01-02-1-1", 2),
        short("SO-2", "SKU-2", "B-01-01-1-1", 1, "not_enough", 3),
    ]
    assert all(
        r["outcome"] == "accepted"
        for r in world.st1.ok("POST", "/v1/events", {"events": batch})["results"]
    )
    world.st2.ok(
        "POST", "/v1/events", {"events": [short("SO-2", "SKU-1", "A-01-02-1-1", 1, "bin_empty", 1)]}
    )
    report = world.admin.ok("GET", "/v1/reports/shortages", hours=24)
    first, second = report["shortages"]
    assert (first["sku"], first["location"]) == ("SKU-1", "A-01-02-1-1")
    assert (first["units_short"], first["units_damaged"], first["reports"]) == (3, 1, 3)
    assert first["reasons"] == ["bin_empty", "damaged"]
    assert first["orders"] == ["SO-1", "SO-2"]
    assert (second["sku"], second["units_short"]) == ("SKU-2", 1)


def test_units_shipped_short_at_packing_join_the_report(world: World) -> None:
    """A supervisor's short-shipment at a packing station is a shortage too: listed under
    the location "packing" with its reason."""
    world.write(order("SO-1", "SKU-1"))
    payload = {"order_number": "SO-1", "line_no": 1, "sku": "SKU-1", "quantity_short": 2,
               "reason": "NOT-FOUND", "approved_by": "OP-003"}  # fmt: skip
    result = world.st1.ok("POST", "/v1/events", {"events": [event("ShortShipped", payload)]})
    assert result["results"][0]["outcome"] == "accepted"
    [entry] = world.admin.ok("GET", "/v1/reports/shortages", hours=24)["shortages"]
    assert (entry["sku"], entry["location"], entry["units_short"]) == ("SKU-1", "packing", 2)
    assert entry["reasons"] == ["shipped short: NOT-FOUND"]


def test_only_the_centre_reads_the_shortage_report(world: World) -> None:
    """A station's token cannot read the centre's reports."""
    response = world.st1.get("/v1/reports/shortages")
    assert response.status_code == 403


def test_tote_hub_shortages_prints_the_report(world: World, capsys: Any) -> None:
    """``tote hub shortages`` lists the bins that went short, or says there are none."""
    from sync.hub.cli import main

    url = world.hub.engine.url.render_as_string(hide_password=False)
    since = ["--since", "2026-11-25T00:00"]  # the events' time (the test hub's clock)
    assert main(["--db", url, "shortages", "--warehouse", "WH1", *since]) == 0
    assert "no short picks or damaged units in warehouse WH1" in capsys.readouterr().out
    world.write(order("SO-1", "SKU-1"))
    world.st1.ok(
        "POST", "/v1/events", {"events": [short("SO-1", "SKU-1", "A-01-02-1-1", 2, "bin_empty", 1)]}
    )
    assert main(["--db", url, "shortages", "--warehouse", "WH1", *since]) == 0
    out = capsys.readouterr().out
    assert "SKU-1" in out and "A-01-02-1-1" in out and "bin_empty" in out
