"""The published protocol document (sync/openapi.json) is the one the code generates."""

from __future__ import annotations

import json

from sync.hub.openapi import OPENAPI_PATH, render


def test_openapi_json_is_up_to_date() -> None:
    fresh = render()
    stored = OPENAPI_PATH.read_text(encoding="utf-8") if OPENAPI_PATH.exists() else ""
    assert stored == fresh, (
        "sync/openapi.json is stale: the hub's routes or sync/protocol.py changed. "
        "Regenerate it with: .venv/bin/python -m sync.hub.openapi"
    )


def test_every_route_documents_its_error_body_and_the_protocol_header() -> None:
    document = json.loads(render())
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            where = f"{method.upper()} {path}"
            assert operation["responses"]["401"]["content"]["application/json"]["schema"] == {
                "$ref": "#/components/schemas/ErrorBody"
            }, where
            headers = [p["name"] for p in operation["parameters"] if p["in"] == "header"]
            assert headers == ["Tote-Protocol"], where
    page = document["paths"]["/v1/changes"]["get"]["responses"]["200"]
    assert page["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/ChangesPage"
    }
