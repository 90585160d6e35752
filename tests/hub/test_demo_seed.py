"""The demo warehouse at the order service: the same data a stand-alone demo kiosk loads."""

from __future__ import annotations

import json
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests
from sqlalchemy import Engine, delete, select
from sqlalchemy.orm import selectinload

from app.demo.seed import seed_floor_if_missing, seed_if_empty
from app.store.open import Store
from app.store.tables import Order, OrderLine, Product
from app.usecases.floor_layout import current_layout, layout_from_doc
from sync.hub.db import open_hub_db
from sync.hub.demo_seed import SeedCounts, demo_documents, demo_stations, seed_hub
from sync.hub.layout import get_layout, set_layout
from sync.hub.server import HubServer
from sync.hub.tables import changes
from sync.hub.tokens import revoke_station
from sync.protocol import PROTOCOL_HEADER, PROTOCOL_VERSION, ChangesPage
from tests.sync.docs import layout

ORDERS = 40  # the first N demo orders equal the N-order data set, so a small one will do


@pytest.fixture
def hub_url(database_url: str) -> str:
    """SQLite, then PostgreSQL (``database_url`` is the hub tests' fixture)."""
    return database_url


@pytest.fixture
def engine(hub_url: str) -> Iterator[Engine]:
    e = open_hub_db(hub_url)
    yield e
    e.dispose()


def _feed(url: str, token: str) -> list[Any]:
    """Every change a station downloads, page by page, as the sync engine would."""
    headers = {PROTOCOL_HEADER: str(PROTOCOL_VERSION), "Authorization": f"Bearer {token}"}
    found: list[Any] = []
    after: str | None = None
    with requests.Session() as s:
        while True:
            params = {"limit": "500", **({"after": after} if after else {})}
            r = s.get(f"{url}/v1/changes", params=params, headers=headers, timeout=10)
            r.raise_for_status()
            page = ChangesPage.model_validate_json(r.content)
            found += page.changes
            after = page.cursor
            if not page.more:
                return found


def _local_orders(store: Store) -> dict[str, tuple[Any, ...]]:
    """Each order as the stand-alone demo kiosk holds it: what it ships, to whom, for how much."""
    with store.sessions() as session:
        orders = session.scalars(
            select(Order).options(selectinload(Order.lines).selectinload(OrderLine.product))
        ).all()
        return {
            o.number: (
                o.currency,
                o.total_cents,
                o.ship_by,
                o.ship_name,
                o.ship_country,
                o.special_code,
                o.gift_message,
                sorted(
                    (x.line_no, x.product.sku, x.qty_ordered, x.unit_price_cents) for x in o.lines
                ),
            )
            for o in orders
        }


def test_hub_serves_the_orders_a_local_demo_store_holds(
    engine: Engine, hub_url: str, store: Store, tmp_path: Path
) -> None:
    """GIVEN a hub seeded with the demo data and a station store seeded locally WHEN a
    station downloads the hub's feed THEN it gets the same orders, lines and products."""
    counts = seed_hub(engine, "WH1", orders=ORDERS)
    assert counts.orders == ORDERS
    assert seed_if_empty(store.sessions, orders=ORDERS)
    tokens = demo_stations(engine, ("PACK-01",), tokens_file=tmp_path / "tokens.json")

    with HubServer.start(hub_url) as hub:
        changes = _feed(hub.url, tokens["PACK-01"])

    hub_orders = {
        o.number: (
            o.currency,
            o.total_cents,
            o.ship_by,
            o.ship_to.name,
            o.ship_to.country,
            o.special_code,
            o.gift_message,
            sorted((x.line_no, x.sku, x.quantity, x.unit_price_cents) for x in o.lines),
        )
        for o in (c.order for c in changes if c.kind == "order")
    }
    assert hub_orders == _local_orders(store)
    with store.sessions() as session:
        local_skus = set(session.scalars(select(Product.sku)))
    assert {c.product.sku for c in changes if c.kind == "product"} == local_skus
    first_seen: dict[str, int] = {}
    for n, c in enumerate(changes):  # the protocol's promise: a product before its orders
        if c.kind == "product":
            first_seen.setdefault(c.product.sku, n)
        elif c.kind == "order":
            assert all(first_seen[x.sku] < n for x in c.order.lines)


def test_documents_carry_every_barcode_and_special_flag() -> None:
    """Case codes keep their units; gift, VIP and replacement orders keep what marks them."""
    docs = demo_documents(orders=200)
    assert len(docs.products) == 600
    assert any(b.units > 1 for p in docs.products for b in p.barcodes)
    assert all(p.location for p in docs.products)
    assert any(o.gift and o.gift_message for o in docs.orders)
    assert any(o.replacement and o.replaces_order_number for o in docs.orders)
    assert all(
        o.total_cents == o.subtotal_cents + o.shipping_cents + o.tax_cents for o in docs.orders
    )
    assert {o.currency for o in docs.orders} >= {"EUR", "GBP"}


def test_seeding_twice_changes_nothing(engine: Engine) -> None:
    """A restarted demo keeps its progress: a warehouse with orders is left alone."""
    first = seed_hub(engine, "WH1", orders=5)
    again = seed_hub(engine, "WH1", orders=50)
    assert (first.orders, first.layout) == (5, 1)
    assert again == SeedCounts()


def test_the_demo_hubs_floor_is_the_stand_alone_demo_kiosks(engine: Engine, store: Store) -> None:
    """The demo hub and a demo kiosk without a hub draw one floor from the same locations,
    so picks are planned on the same floor either way."""
    seed_hub(engine, "WH1", orders=1)
    with engine.connect() as conn:
        hub_floor = get_layout(conn, "WH1")
    assert hub_floor is not None and hub_floor.version == 1
    assert seed_if_empty(store.sessions, orders=1) and seed_floor_if_missing(store.sessions)
    with store.reads() as s:
        assert current_layout(s) == layout_from_doc(hub_floor)
    assert hub_floor == demo_documents(orders=0).layout


def test_a_demo_hub_seeded_before_floors_existed_gets_its_floor_only(engine: Engine) -> None:
    """GIVEN a demo warehouse with orders and no floor (an older build seeded it) WHEN the
    demo starts THEN it gets the demo floor and nothing else; a floor set by hand is kept."""
    seed_hub(engine, "WH1", orders=2)
    with engine.begin() as conn:
        conn.execute(delete(changes).where(changes.c.kind == "layout"))
    assert seed_hub(engine, "WH1", orders=2) == SeedCounts(layout=1)
    with engine.begin() as conn:
        mine, _ = set_layout(conn, "WH1", layout(0, 3))
    assert seed_hub(engine, "WH1", orders=2) == SeedCounts()
    with engine.connect() as conn:
        assert get_layout(conn, "WH1") == mine


def test_demo_tokens_are_private_and_kept_while_they_still_work(
    engine: Engine, tmp_path: Path
) -> None:
    """GIVEN tokens written for two stations WHEN the demo starts again THEN working tokens
    are kept (a running kiosk stays signed in) and a revoked one is replaced."""
    seed_hub(engine, "WH1", orders=1)
    path = tmp_path / "demo" / "tokens.json"
    first = demo_stations(engine, tokens_file=path)
    assert set(first) == {"PACK-01", "PACK-02"}
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert json.loads(path.read_text("utf-8")) == first

    revoke_station(engine, "PACK-02")
    second = demo_stations(engine, tokens_file=path)
    assert second["PACK-01"] == first["PACK-01"]
    assert second["PACK-02"] != first["PACK-02"]
    assert json.loads(path.read_text("utf-8")) == second
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
