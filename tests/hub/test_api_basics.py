"""Hello, version negotiation, tokens and error bodies: what every station meets first."""

from __future__ import annotations

from pathlib import Path

import requests
from fastapi import FastAPI

from sync.hub.app import create_app
from sync.hub.auth import RateLimit
from sync.hub.server import HubServer
from sync.hub.tokens import create_station, revoke_station
from sync.protocol import PROTOCOL_HEADER, ErrorBody, Hello
from tests.hub.conftest import T0, Api, World, make_world


def error(answer: requests.Response, status: int, code: str) -> ErrorBody:
    """The answer is ``status`` with an ErrorBody of ``code`` and the protocol header."""
    assert answer.status_code == status, answer.text
    assert answer.headers[PROTOCOL_HEADER] == "1"
    body = ErrorBody.model_validate(answer.json())
    assert body.code == code
    return body


def test_hello_names_the_station_its_warehouse_and_the_hub_clock(world: World) -> None:
    hello = Hello.model_validate(world.st1.ok("GET", "/v1/hello"))
    assert (hello.station, hello.station_name, hello.warehouse) == ("ST-1", "Packing 1", "WH1")
    assert hello.server_time == T0
    assert (hello.protocol, hello.min_protocol, hello.claim_ttl_s) == (1, 1, 300)


def test_station_without_or_with_an_old_protocol_is_told_to_update(world: World) -> None:
    """Missing, old or garbage Tote-Protocol: 426 upgrade_required, before the token check."""
    for protocol in (None, "0", "one"):
        answer = Api(world.hub.url, "not-a-token", protocol).get("/v1/hello")
        body = error(answer, 426, "upgrade_required")
        assert body.message == (
            "This station speaks sync protocol 0; the order service needs 1 or newer. "
            "Update Tote on this station."
        )


def test_station_newer_than_the_hub_is_told_the_hub_is_too_old(world: World) -> None:
    answer = Api(world.hub.url, world.tokens["ST-1"], "2").get("/v1/hello")
    body = error(answer, 426, "hub_too_old")
    assert "speaks sync protocol 2" in body.message
    assert body.detail == {"station": 2, "min_protocol": 1, "protocol": 1}


def test_unknown_missing_and_revoked_tokens_are_refused_with_what_to_do(world: World) -> None:
    for api in (world.anonymous(), Api(world.hub.url, "guessed-token")):
        body = error(api.get("/v1/hello"), 401, "bad_token")
        assert "Ask a supervisor for a new token" in body.message
    assert revoke_station(world.hub.engine, "ST-2") is True
    error(world.st2.get("/v1/changes"), 401, "bad_token")
    assert revoke_station(world.hub.engine, "NOBODY") is False


def test_recreating_a_station_rotates_its_token(world: World) -> None:
    """GIVEN ST-1's token WHEN a supervisor re-creates ST-1 THEN only the new token works."""
    new = create_station(world.hub.engine, "WH1", "ST-1", "Packing 1 (new)")
    error(world.st1.get("/v1/hello"), 401, "bad_token")
    hello = Api(world.hub.url, new).ok("GET", "/v1/hello")
    assert hello["station_name"] == "Packing 1 (new)"


def test_invalid_request_answers_name_the_bad_field(world: World) -> None:
    body = error(world.st1.post("/v1/claims", {"kind": "order"}), 422, "invalid_request")
    assert "key" in body.message
    assert body.detail is not None
    assert body.detail["errors"][0]["field"] == "key"
    bad_event = {"events": [{"event_id": "nope", "seq": 1}]}
    body = error(world.st1.post("/v1/events", bad_event), 422, "invalid_request")
    assert "events.0.event_id" in body.message
    answer = world.st1.session.post(
        world.hub.url + "/v1/events",
        data=b"{not json",
        headers={"Content-Type": "application/json"},
    )
    error(answer, 422, "invalid_request")


def test_unknown_path_is_an_error_body_too(world: World) -> None:
    error(world.st1.get("/v1/nothing-here"), 404, "not_found")
    assert world.st1.session.put(world.hub.url + "/v1/hello").status_code == 405


def test_a_crash_is_a_500_error_body_without_a_traceback(database_url: str) -> None:
    """The hub's own failure says 'internal' and leaks nothing of its code."""
    from sync.hub.db import open_hub_db

    engine = open_hub_db(database_url)
    app: FastAPI = create_app(engine)

    def boom() -> None:
        raise RuntimeError("secret internals /srv/hub.py line 12")

    app.add_api_route("/v1/boom", boom, methods=["GET"])
    with HubServer.serve(app, engine) as server:
        api = Api(server.url, None)
        answer = api.get("/v1/boom")
        # The server drops the connection after a crash and says so: the same kept-alive
        # client's next call opens a new one instead of meeting a reset.
        assert answer.headers.get("connection") == "close"
        assert api.get("/v1/boom").status_code == 500
    body = error(answer, 500, "internal")
    assert "secret" not in answer.text and "Traceback" not in answer.text
    assert "try again later" in body.message


def test_the_protocol_document_is_served_without_a_protocol_header(world: World) -> None:
    answer = requests.get(world.hub.url + "/openapi.json", timeout=10)
    assert answer.status_code == 200
    assert answer.headers[PROTOCOL_HEADER] == "1"
    assert "/v1/changes" in answer.json()["paths"]


def test_a_station_asking_too_often_is_told_when_to_come_back(tmp_path: Path) -> None:
    """With a rate limit configured (it is off by default), each station has its own."""
    limit = RateLimit(per_second=0.1, burst=2)  # one every 10 s after a burst of 2
    with HubServer.start(f"sqlite:///{tmp_path / 'hub.sqlite3'}", rate_limit=limit) as server:
        world = make_world(server)
        assert [world.st1.get("/v1/hello").status_code for _ in range(2)] == [200, 200]
        answer = world.st1.get("/v1/hello")
        body = error(answer, 429, "rate_limited")
        assert "ST-1" in body.message
        assert 1 <= int(answer.headers["Retry-After"]) <= 10
        assert world.st2.get("/v1/hello").status_code == 200
        for api in (world.st1, world.st2, world.admin, world.other):
            api.session.close()
