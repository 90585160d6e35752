"""The hub against its own published protocol document, fuzzed by schemathesis; and garbage.

Every operation of ``sync/openapi.json`` gets generated requests (schema-valid and invalid)
over real HTTP to a real ``HubServer`` on 127.0.0.1, seeded with a small catalogue, a few
orders and a conflict: station routes with a station's token, the centre's routes with an
admin token, always with ``Tote-Protocol: 1``. Every answer must be no 5xx, a status code the
document lists for the operation, the documented content type and headers, and a body
matching the documented schema; a schema-valid request is never refused as malformed, and
a 405 names the allowed methods.

Bounded and deterministic: derandomised, no example database, no shrinking (a failing request
is printed as curl). On SQLite both phases run: coverage (each documented boundary, about 500
requests; not for the bulky ``POST /v1/orders``) and fuzzing (``MAX_EXAMPLES`` per operation).
PostgreSQL, when the session has one (``tests/postgres.py``), gets the fuzzing phase only: what
differs there is which values its columns take (NUL characters, 64-bit overflows, far dates).

The garbage tests send what no generator would: random bytes, wrong JSON types, huge numbers,
oversized batches, NUL characters, dates out of range.
"""

from __future__ import annotations

import json
import random
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import requests
import schemathesis
from hypothesis import strategies as st
from schemathesis import Case, CheckContext, HookContext, Response, checks
from schemathesis.config import HealthCheck, OperationConfig
from schemathesis.schemas import BaseSchema

from sync.hub import catalog
from sync.hub.layout import set_layout
from sync.hub.openapi import OPENAPI_PATH
from sync.hub.server import HubServer
from sync.hub.tokens import create_station
from sync.protocol import MAX_BATCH, PROTOCOL_HEADER, PROTOCOL_VERSION, ErrorBody, LayoutDoc
from tests.hub.conftest import location, order, product
from tests.postgres import PostgresCluster

MAX_EXAMPLES = 40
FLOOR: dict[str, Any] = {  # a floor layout (LayoutDoc) as JSON
    "aisles": [{"zone": "A", "number": 1, "x_m": 0}, {"zone": "A", "number": 2, "x_m": 3}],
    "block_bays": [6, 6],
    "depot": {"zone": "A", "number": 1, "y_m": 0},
}
ORDERS = [f"SO-{n}" for n in range(1, 9)]
DATABASES = ["sqlite", "postgres"]


# -- the schema and how it is generated -------------------------------------------------------


def flatmap_path_parameters(
    _context: HookContext, path_parameters: dict[str, object] | None
) -> st.SearchStrategy[dict[str, object] | None]:
    """Half of the order numbers in paths name a seeded order, so the happy paths run too."""
    if not path_parameters or "number" not in path_parameters:
        return st.just(path_parameters)
    seeded = st.sampled_from(ORDERS).map(lambda n: {**path_parameters, "number": n})
    return st.one_of(st.just(path_parameters), seeded)


def load_schema(*, coverage: bool) -> BaseSchema:
    loaded = schemathesis.openapi.from_path(OPENAPI_PATH)
    config = loaded.config
    config.update(
        parameters={PROTOCOL_HEADER: str(PROTOCOL_VERSION)},  # the header is fixed, never fuzzed
        suppress_health_check=[HealthCheck.all],
        request_timeout=30,
    )
    # Without (or with a bad) protocol header the hub answers 426 upgrade_required, as
    # documented in sync/protocol.py: a refusal like any 4xx.
    config.checks.missing_required_header.expected_statuses.append("426")
    # Valid requests the hub refuses for business reasons (an unknown cursor, an upload naming
    # an unknown product) get 422; not_refused_as_malformed checks they are not parse refusals.
    config.checks.positive_data_acceptance.expected_statuses.append("422")
    config.generation.update(
        max_examples=MAX_EXAMPLES, deterministic=True, database="none", no_shrink=True
    )
    config.phases.coverage.enabled = coverage
    # The upload's coverage phase alone is ~700 boundary cases of nested documents (20 s):
    # its fuzzing phase and the garbage tests below cover it within the time budget.
    config.operations.operations.append(
        OperationConfig.from_dict(
            {"include-name": "POST /v1/orders", "phases": {"coverage": {"enabled": False}}}
        )
    )
    loaded.hook(flatmap_path_parameters)
    return loaded


ON_SQLITE = load_schema(coverage=True)
ON_POSTGRES = load_schema(coverage=False)


def not_refused_as_malformed(_ctx: CheckContext, response: Response, case: Case[Any]) -> None:
    """A request the document calls valid is never refused by the hub's own request parsing.

    The hub may refuse valid requests for business reasons (422 ``invalid_request`` too), but
    then ``detail`` has no ``errors`` list: that list only comes from FastAPI's validation, so
    it means ``sync/protocol.py`` and the published document disagree."""
    if case.meta is None or not case.meta.generation.mode.is_positive:
        return
    if response.status_code != 422:
        return
    detail = (response.json() or {}).get("detail") or {}
    if "errors" in detail:
        raise AssertionError(f"a schema-valid request was refused as malformed: {response.text}")


CHECKS = [
    checks.not_a_server_error,
    checks.status_code_conformance,
    checks.content_type_conformance,
    checks.response_schema_conformance,
    checks.response_headers_conformance,
    checks.missing_required_header,
    checks.unsupported_method,
    checks.ignored_auth,
    checks.positive_data_acceptance,
    not_refused_as_malformed,
]
# Not checked: negative_data_rejection. The fixed protocol header and the token replace the
# generated ones, so a case generated invalid only there is sent valid and rightly accepted.


# -- the hubs under test ----------------------------------------------------------------------


@dataclass
class Hub:
    url: str
    tokens: dict[str, str]  # "station", "admin"


@dataclass
class Hubs:
    """One seeded hub per database, started on first use and stopped with the module."""

    tmp: Path
    running: dict[str, tuple[HubServer, Hub]] = field(default_factory=dict)
    databases: list[tuple[PostgresCluster, str]] = field(default_factory=list)

    def get(self, request: pytest.FixtureRequest, database: str) -> Hub:
        if database not in self.running:
            if database == "sqlite":
                url = f"sqlite:///{self.tmp / 'hub.sqlite3'}"
            else:
                cluster: PostgresCluster = request.getfixturevalue("postgres_cluster")
                url = cluster.create_database()
                self.databases.append((cluster, url))
            server = HubServer.start(url)
            self.running[database] = (server, Hub(server.url, seed(server)))
        return self.running[database][1]

    def stop(self) -> None:
        for server, _ in self.running.values():
            server.stop()
        for cluster, url in self.databases:
            cluster.drop_database(url)


def seed(server: HubServer) -> dict[str, str]:
    """A small catalogue, open orders and one conflict in WH1; a station's and the centre's
    tokens."""
    with server.engine.begin() as conn:
        catalog.ensure_warehouse(conn, "WH1", "Main warehouse")
        catalog.upsert_locations(conn, "WH1", [location("A-01")])
        catalog.upsert_products(conn, "WH1", [product("SKU-1", location="A-01"), product("SKU-2")])
        catalog.upsert_orders(conn, "WH1", [order(n, "SKU-1", "SKU-2") for n in ORDERS])
        set_layout(conn, "WH1", LayoutDoc.model_validate(FLOOR))
    tokens = {
        "station": create_station(server.engine, "WH1", "ST-1", "Packing 1"),
        "admin": create_station(server.engine, "WH1", "ADMIN", "The office", role="admin"),
    }
    other = create_station(server.engine, "WH1", "ST-2", "Packing 2")
    # ST-2 holds SO-8 and ST-1 starts packing it anyway: a conflict for GET /v1/conflicts.
    answer = send(server.url, other, "POST", "/v1/claims", {"kind": "order", "key": "SO-8"})
    assert answer.status_code == 200, answer.text
    started = event("PackStarted", {"order_number": "SO-8"})
    answer = send(server.url, tokens["station"], "POST", "/v1/events", {"events": [started]})
    assert answer.json()["results"][0]["conflict"], answer.text
    return tokens


@pytest.fixture(scope="module")
def hubs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Hubs]:
    made = Hubs(tmp_path_factory.mktemp("fuzz"))
    try:
        yield made
    finally:
        made.stop()


def call_and_check(case: Case[Any], hub: Hub) -> None:
    role = "admin" if "centre" in (case.operation.tags or []) else "station"
    # A connection per request: no idle keep-alive connection delays the hub's shutdown.
    headers = {"Authorization": f"Bearer {hub.tokens[role]}", "Connection": "close"}
    case.call_and_validate(base_url=hub.url, headers=headers, checks=CHECKS)


@ON_SQLITE.parametrize()
def test_every_operation_answers_as_documented_on_sqlite(
    case: Case[Any], request: pytest.FixtureRequest, hubs: Hubs
) -> None:
    call_and_check(case, hubs.get(request, "sqlite"))


@ON_POSTGRES.parametrize()
def test_every_operation_answers_as_documented_on_postgres(
    case: Case[Any], request: pytest.FixtureRequest, hubs: Hubs
) -> None:
    call_and_check(case, hubs.get(request, "postgres"))


def test_the_fuzzed_document_is_the_one_the_hub_serves(
    request: pytest.FixtureRequest, hubs: Hubs
) -> None:
    hub = hubs.get(request, "sqlite")
    served = requests.get(hub.url + "/openapi.json", timeout=10).json()
    published = json.loads(OPENAPI_PATH.read_text("utf-8"))
    assert served == published, "sync/openapi.json is stale: python -m sync.hub.openapi"


# -- garbage -----------------------------------------------------------------------------------


def event(type_: str, payload: dict[str, Any], **changes: Any) -> dict[str, Any]:
    return {
        "event_id": str(uuid.uuid4()),
        "seq": 1,
        "type": type_,
        "at": "2026-11-26T09:00:00Z",
        "operator": "OP-1",
        "payload": payload,
    } | changes


def send(
    url: str,
    token: str,
    method: str,
    path: str,
    body: Any = None,
    *,
    raw: bytes | None = None,
    params: dict[str, Any] | None = None,
) -> requests.Response:
    """One request on a connection of its own (none left idle for the hub's shutdown)."""
    headers = {"Authorization": f"Bearer {token}", PROTOCOL_HEADER: str(PROTOCOL_VERSION)}
    data = raw if raw is not None else None if body is None else json.dumps(body).encode()
    if data is not None:
        headers["Content-Type"] = "application/json"
    return requests.request(
        method, url + path, data=data, headers=headers, params=params, timeout=60
    )


@dataclass(frozen=True)
class Garbage:
    role: str  # "station" or "admin"
    method: str
    path: str
    body: Any = None  # sent as JSON; None: no body
    raw: bytes | None = None  # sent as is, instead of body
    params: dict[str, Any] | None = None

    def __str__(self) -> str:
        sent = self.raw if self.raw is not None else json.dumps(self.body).encode()
        return f"{self.method} {self.path} {self.params or ''} {sent[:120]!r}"


POSTS = [  # (role, path) of every route taking a body
    ("station", "/v1/events"),
    ("station", "/v1/claims"),
    ("station", "/v1/claims/next"),
    ("station", "/v1/claims/renew"),
    ("admin", "/v1/orders"),
    ("admin", "/v1/orders/SO-1/status"),
    ("admin", "/v1/layout"),
]


def _events(*events: dict[str, Any]) -> Garbage:
    return Garbage("station", "POST", "/v1/events", {"events": list(events)})


def _upload(**lists: list[dict[str, Any]]) -> Garbage:
    return Garbage("admin", "POST", "/v1/orders", lists)


def _random_bytes() -> list[Garbage]:
    rng = random.Random(4)
    return [
        Garbage(role, "POST", path, raw=rng.randbytes(rng.choice([1, 7, 64, 4096])))
        for role, path in POSTS
        for _ in range(8)
    ]


def _wrong_types() -> list[Garbage]:
    bodies: list[Any] = [None, 0, -1, 1.5, "x", True, [], [1, "a"], {}, {"": None}]
    fields: list[dict[str, Any]] = [
        {"events": {}}, {"events": [1]}, {"events": [None]}, {"events": "x"},
        {"events": [event("PackStarted", {"order_number": 5})]},
        {"events": [event("PackStarted", {}) | {"payload": "not an object"}]},
        {"events": [event("ItemPacked", {"order_number": "SO-1", "line_no": "one"})]},
        {"events": [event("OrderPacked", {"order_number": "SO-1", "packages": [{"x": 1}]})]},
        {"events": [event("PackStarted", {"order_number": "SO-1"}, seq="1", at=5)]},
        {"kind": 5, "key": []}, {"kind": "order", "key": {"a": 1}}, {"count": "many"},
        {"count": [1]}, {"claim_ids": "abc"}, {"claim_ids": [1, None]}, {"ttl_s": "long"},
        {"orders": [{}]}, {"orders": {"a": 1}}, {"products": [1]}, {"locations": "A"},
        {"status": ["held"]}, {"status": "packed"}, {"status": "held", "reason": 7},
    ]  # fmt: skip
    return [
        Garbage(role, "POST", path, raw=json.dumps(body).encode())
        for role, path in POSTS
        for body in bodies + fields
    ]


def _huge_numbers() -> list[Garbage]:
    huge = 10**30
    packed = {"order_number": "SO-1", "line_no": huge, "sku": "SKU-1", "scanned_code": "x",
              "quantity": huge, "package_number": huge}  # fmt: skip
    return [
        Garbage("station", "POST", "/v1/claims/next", {"count": huge}),
        Garbage("station", "POST", "/v1/claims/next", {"count": 1e308, "ttl_s": -huge}),
        # Beyond Python's limit on digits in an int read from text, and beyond a double.
        Garbage("station", "POST", "/v1/claims/next", raw=b'{"count": ' + b"9" * 5000 + b"}"),
        Garbage("station", "POST", "/v1/claims/next", raw=b'{"count": 1e999}'),
        Garbage("station", "POST", "/v1/claims", {"kind": "order", "key": "SO-1", "ttl_s": huge}),
        Garbage("station", "POST", "/v1/claims/renew", {"claim_ids": [], "ttl_s": huge}),
        Garbage("station", "GET", "/v1/changes", params={"limit": huge}),
        Garbage("station", "GET", "/v1/changes", params={"limit": "1e999"}),
        Garbage("admin", "GET", "/v1/conflicts", params={"limit": huge}),
        _events(event("ItemPacked", packed)),
        _upload(orders=[order("SO-90", "SKU-1").model_dump(mode="json") | {"total_cents": huge}]),
        _upload(locations=[location("A-02").model_dump(mode="json") | {"aisle": huge}]),
        Garbage("admin", "POST", "/v1/layout", FLOOR | {"block_bays": [huge]}),
        Garbage("admin", "POST", "/v1/layout", FLOOR | {"bay_width_m": 1e308}),
        Garbage("admin", "POST", "/v1/layout", raw=b'{"aisles": [{"zone": "A", "number": '
                b'1, "x_m": 1e999}], "block_bays": [6], "depot": {"zone": "A", "number": 1}}'),
    ]


def _int64_columns() -> list[Garbage]:
    """Numbers the hub keeps in BIGINT columns, one past their range."""
    return [
        _events(event("PackStarted", {"order_number": "SO-1"}, seq=2**63)),
        Garbage("admin", "GET", "/v1/conflicts", params={"after_id": 2**63}),
    ]


def _big_batch() -> list[Garbage]:
    def started(n: int) -> list[dict[str, Any]]:
        return [event("PackStarted", {"order_number": "SO-2"}) for _ in range(n)]

    return [
        _events(*started(10_000)),
        _events(*started(MAX_BATCH + 1)),
        Garbage("station", "POST", "/v1/claims/renew", {"claim_ids": ["x"] * 10_000}),
        Garbage("station", "POST", "/v1/events", raw=b"[" * 100_000 + b"]" * 100_000),
    ]


def _bad_datetimes() -> list[Garbage]:
    late, naive = "9999-12-31T23:59:59-01:00", "2026-11-26T09:00:00"  # late: year 10000 in UTC
    doc = order("SO-91", "SKU-1").model_dump(mode="json")
    return [
        *(
            _events(event("PackStarted", {"order_number": "SO-1"}, at=at))
            for at in (late, "0001-01-01T00:00:00+01:00", naive)
        ),
        _upload(orders=[doc | {"ship_by": late}]),
        _upload(orders=[doc | {"ship_by": naive}]),
    ]


def _nul_strings() -> list[Garbage]:
    """U+0000, which PostgreSQL's text columns cannot hold."""
    nul = "\x00"
    sku = product("SKU-1").model_dump(mode="json") | {"sku": f"S{nul}"}
    return [
        _events(event(f"Pack{nul}", {"order_number": "SO-1"})),
        _events(event("PackStarted", {"order_number": f"S{nul}"})),
        Garbage("station", "POST", "/v1/claims", {"kind": "wave", "key": f"W{nul}"}),
        Garbage("station", "POST", "/v1/claims/renew", {"claim_ids": [nul]}),
        Garbage("station", "DELETE", "/v1/claims/%00"),
        Garbage("admin", "GET", "/v1/orders/%00"),
        Garbage("admin", "POST", "/v1/orders/SO-1/status", {"status": "open", "reason": nul}),
        _upload(products=[sku]),
        Garbage("admin", "POST", "/v1/layout", FLOOR | {"aisles": [{"zone": nul, "number": 1,
                "x_m": 0}], "depot": {"zone": nul, "number": 1}}),
    ]


GARBAGE = {
    "random_bytes": _random_bytes,
    "wrong_types": _wrong_types,
    "huge_numbers": _huge_numbers,
    "int64_columns": _int64_columns,
    "big_batch": _big_batch,
    "bad_datetimes": _bad_datetimes,
    "nul_strings": _nul_strings,
}


@pytest.mark.parametrize("database", DATABASES)
@pytest.mark.parametrize("garbage", list(GARBAGE))
def test_garbage_never_gets_a_5xx(
    request: pytest.FixtureRequest, hubs: Hubs, garbage: str, database: str
) -> None:
    """Random bytes, wrong JSON types, huge numbers, oversized batches: a 4xx ErrorBody each,
    never a 5xx (the hub's fault), whatever the route."""
    hub = hubs.get(request, database)
    server_errors = []
    for sent in GARBAGE[garbage]():
        token = hub.tokens[sent.role]
        answer = send(
            hub.url, token, sent.method, sent.path, sent.body, raw=sent.raw, params=sent.params
        )
        if answer.status_code >= 500:
            server_errors.append(f"{answer.status_code} for {sent}")
            continue
        assert answer.headers[PROTOCOL_HEADER] == str(PROTOCOL_VERSION), str(sent)
        if answer.status_code >= 300:
            ErrorBody.model_validate_json(answer.content)  # every refusal is an ErrorBody
    assert server_errors == []


def test_405_names_the_allowed_methods(request: pytest.FixtureRequest, hubs: Hubs) -> None:
    hub = hubs.get(request, "sqlite")
    answer = send(hub.url, hub.tokens["station"], "PUT", "/v1/hello")
    assert answer.status_code == 405
    assert "GET" in answer.headers.get("Allow", "")


def test_an_unparsable_body_gets_a_documented_status(
    request: pytest.FixtureRequest, hubs: Hubs
) -> None:
    hub = hubs.get(request, "sqlite")
    documented = json.loads(OPENAPI_PATH.read_text("utf-8"))["paths"]["/v1/events"]["post"]
    for raw in (b"\xff\xfe\xfd not UTF-8", b"[" * 100_000 + b"]" * 100_000):
        answer = send(hub.url, hub.tokens["station"], "POST", "/v1/events", raw=raw)
        assert ErrorBody.model_validate_json(answer.content).code == "invalid_request"
        assert str(answer.status_code) in documented["responses"]
