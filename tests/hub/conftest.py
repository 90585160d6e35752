"""The order service under test: a real server on 127.0.0.1, real HTTP, SQLite and PostgreSQL.

Fixtures:
- ``database_url``: an empty hub database at head, parametrised ``sqlite`` (a new file) and
  ``postgres`` (one database on the session's throwaway cluster, truncated for each test);
- ``new_database_url`` (tests/conftest.py): a database nothing has touched yet (migrations);
- ``clock``: the hub's clock, moved by hand (leases expire without sleeping);
- ``hub``: a ``HubServer`` on that database and clock;
- ``world``: warehouses WH1 and WH2, stations ST-1, ST-2 and an admin in WH1, ST-9 in WH2,
  each with an ``Api`` client; a small catalogue in WH1.

Doc builders (``product``, ``order``, ``event``) are plain functions: import them from here.
"""

from __future__ import annotations

import shutil
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import requests
from sqlalchemy import create_engine, text
from sqlalchemy.pool import NullPool

from sync.hub import catalog
from sync.hub.db import open_hub_db
from sync.hub.server import HubServer
from sync.hub.tables import metadata
from sync.hub.tokens import create_station
from sync.protocol import (
    PROTOCOL_HEADER,
    PROTOCOL_VERSION,
    AddressDoc,
    LocationDoc,
    OrderDoc,
    OrderLineDoc,
    ProductDoc,
)
from tests.postgres import PostgresCluster

T0 = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)


class FakeClock:
    """The hub's clock: stands still until a test moves it."""

    def __init__(self, now: datetime = T0) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


@pytest.fixture(scope="session")
def pg_shared(postgres_cluster: PostgresCluster) -> str:
    """One PostgreSQL database migrated once, emptied before each test that uses it."""
    url = postgres_cluster.create_database()
    open_hub_db(url).dispose()
    return url


def _emptied(url: str) -> str:
    engine = create_engine(url, poolclass=NullPool)
    names = ", ".join(table.name for table in metadata.sorted_tables)
    with engine.begin() as conn:  # connections an earlier test left open must not block it
        conn.execute(
            text(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )
        )
        conn.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
    engine.dispose()
    return url


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite hub database migrated once; each test gets a copy (Alembic costs 50 ms)."""
    path = tmp_path_factory.mktemp("hub-template") / "hub.sqlite3"
    open_hub_db(f"sqlite:///{path}").dispose()  # the last connection folds the WAL back in
    return path


@pytest.fixture(params=["sqlite", "postgres"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty hub database at head: a copy of a migrated SQLite file, or the emptied shared
    PostgreSQL one (truncating costs a tenth of creating a database per test)."""
    if request.param == "sqlite":
        path = tmp_path / "hub.sqlite3"
        shutil.copyfile(request.getfixturevalue("sqlite_template"), path)
        return f"sqlite:///{path}"
    return _emptied(request.getfixturevalue("pg_shared"))


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def hub(database_url: str, clock: FakeClock) -> Iterator[HubServer]:
    server = HubServer.start(database_url, clock=clock)
    yield server
    server.stop(wait=False)  # it winds down while the next test starts


class Api:
    """One station's HTTP client: its token and the protocol header on every request."""

    def __init__(self, url: str, token: str | None, protocol: str | None = "1") -> None:
        self.url = url
        self.session = requests.Session()
        if token is not None:
            self.session.headers["Authorization"] = f"Bearer {token}"
        if protocol is not None:
            self.session.headers[PROTOCOL_HEADER] = protocol

    def get(self, path: str, **params: Any) -> requests.Response:
        return self.session.get(self.url + path, params=params, timeout=30)

    def post(self, path: str, body: Any) -> requests.Response:
        return self.session.post(self.url + path, json=body, timeout=30)

    def delete(self, path: str) -> requests.Response:
        return self.session.delete(self.url + path, timeout=30)

    def ok(self, method: str, path: str, body: Any = None, **params: Any) -> Any:
        """The JSON of a 2xx answer (the test fails with the body otherwise)."""
        if method == "GET":
            answer = self.get(path, **params)
        elif method == "POST":
            answer = self.post(path, body)
        else:
            answer = self.delete(path)
        assert answer.status_code < 300, (answer.status_code, answer.text)
        assert answer.headers[PROTOCOL_HEADER] == str(PROTOCOL_VERSION)
        return answer.json() if answer.content else None

    def pull(self, after: str | None = None, limit: int = 1000) -> tuple[list[dict[str, Any]], str]:
        """The whole feed after ``after``, page by page: (changes, last cursor)."""
        found: list[dict[str, Any]] = []
        while True:
            params: dict[str, Any] = {"limit": limit}
            if after is not None:
                params["after"] = after
            page = self.ok("GET", "/v1/changes", **params)
            found.extend(page["changes"])
            after = page["cursor"]
            if not page["more"]:
                return found, page["cursor"]


def product(sku: str, name: str | None = None, location: str | None = None) -> ProductDoc:
    return ProductDoc(
        sku=sku,
        name=name or f"Product {sku}",
        length_mm=100,
        width_mm=80,
        height_mm=50,
        weight_g=250,
        location=location,
    )


def location(code: str) -> LocationDoc:
    return LocationDoc(code=code, zone="A", aisle=1, bay=1, level=1, position=1)


ADDRESS = AddressDoc(
    name="Anna Muster", address1="Hauptstr. 1", city="Berlin", postcode="10115", country="DE"
)


def order(number: str, *skus: str, ship_by: datetime | None = None, **changes: Any) -> OrderDoc:
    lines = [
        OrderLineDoc(line_no=i, sku=sku, quantity=1, unit_price_cents=1000)
        for i, sku in enumerate(skus or ("SKU-1",), start=1)
    ]
    fields: dict[str, Any] = {
        "number": number,
        "channel": "web",
        "currency": "EUR",
        "subtotal_cents": 1000 * len(lines),
        "shipping_cents": 0,
        "tax_cents": 0,
        "total_cents": 1000 * len(lines),
        "ship_by": ship_by or T0 + timedelta(days=1),
        "carrier": "DHL",
        "service": "Paket",
        "ship_to": ADDRESS,
        "lines": lines,
    }
    return OrderDoc(**(fields | changes))


def event(type_: str, payload: dict[str, Any], seq: int = 1, **changes: Any) -> dict[str, Any]:
    """An EventIn as JSON, with a fresh id."""
    return {
        "event_id": str(uuid.uuid4()),
        "seq": seq,
        "type": type_,
        "at": T0.isoformat(),
        "operator": "OP-1",
        "payload": payload,
    } | changes


def packed(number: str, seq: int = 1) -> dict[str, Any]:
    contents = [{"line_no": 1, "sku": "SKU-1", "quantity": 1}]
    return event(
        "OrderPacked",
        {"order_number": number, "packages": [{"number": 1, "contents": contents}]},
        seq=seq,
    )


@dataclass
class World:
    hub: HubServer
    st1: Api
    st2: Api
    admin: Api
    other: Api  # ST-9, in warehouse WH2
    tokens: dict[str, str]

    def anonymous(self, protocol: str | None = "1") -> Api:
        return Api(self.hub.url, None, protocol)

    def write(
        self, *orders: OrderDoc, products: tuple[ProductDoc, ...] = (), wh: str = "WH1"
    ) -> int:
        """Write straight into the hub (as the centre's tools do), in one transaction."""
        with self.hub.engine.begin() as conn:
            catalog.upsert_products(conn, wh, products)
            return catalog.upsert_orders(conn, wh, orders)


def make_world(hub: HubServer) -> World:
    engine, url = hub.engine, hub.url
    with engine.begin() as conn:
        catalog.ensure_warehouse(conn, "WH1", "Main warehouse")
        catalog.ensure_warehouse(conn, "WH2", "Second warehouse")
        catalog.upsert_products(conn, "WH1", [product("SKU-1"), product("SKU-2")])
        catalog.upsert_products(conn, "WH2", [product("SKU-1")])
    tokens = {
        "ST-1": create_station(engine, "WH1", "ST-1", "Packing 1"),
        "ST-2": create_station(engine, "WH1", "ST-2", "Packing 2"),
        "ADMIN": create_station(engine, "WH1", "ADMIN", "The office", role="admin"),
        "ST-9": create_station(engine, "WH2", "ST-9", "Packing 9"),
    }
    return World(
        hub=hub,
        st1=Api(url, tokens["ST-1"]),
        st2=Api(url, tokens["ST-2"]),
        admin=Api(url, tokens["ADMIN"]),
        other=Api(url, tokens["ST-9"]),
        tokens=tokens,
    )


@pytest.fixture
def world(hub: HubServer) -> Iterator[World]:
    made = make_world(hub)
    yield made
    for api in (made.st1, made.st2, made.admin, made.other):
        api.session.close()  # no idle connection for the server's shutdown to wait for
