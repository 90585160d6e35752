"""A hub for the sync benchmarks: a separate ``tote hub serve`` process on a SQLite file,
seeded with the demo catalogue and N orders of exactly five lines each.

A separate process, because in a warehouse the order service is another machine: the
station's figures must not share a GIL with the hub's request handling.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sync.hub import catalog
from sync.hub.db import open_hub_db
from sync.hub.demo_seed import demo_documents
from sync.hub.tokens import create_station
from sync.protocol import AddressDoc, OrderDoc, OrderLineDoc
from tests.hub_process import HubProcess

WAREHOUSE = "WH1"
LINES_PER_ORDER = 5
CHUNK = 2000


@dataclass(frozen=True)
class BenchHub:
    url: str
    database_url: str
    token: str
    skus: tuple[str, ...]


def bench_order(n: int, skus: tuple[str, ...], name: str = "Bench Customer") -> OrderDoc:
    """Order ``n``: five lines, the usual header and address."""
    lines = [
        OrderLineDoc(
            line_no=i + 1,
            sku=skus[(n * 7 + i * 13) % len(skus)],
            quantity=1 + (n + i) % 3,
            unit_price_cents=990 + i * 100,
        )
        for i in range(LINES_PER_ORDER)
    ]
    return OrderDoc(
        number=f"BN-{n:07d}",
        channel="web",
        currency="EUR",
        subtotal_cents=5000,
        shipping_cents=490,
        tax_cents=1100,
        total_cents=6590,
        ship_by=datetime(2026, 11, 27, tzinfo=UTC) + timedelta(minutes=n % 600),
        carrier="DPD",
        service="Classic",
        ship_to=AddressDoc(
            name=name,
            address1=f"Hafenstraße {n % 200 + 1}",
            city="Hamburg",
            postcode="20457",
            country="DE",
        ),
        lines=lines,
    )


def seed(database_url: str, orders: int) -> tuple[str, tuple[str, ...]]:
    """The demo catalogue and ``orders`` bench orders; returns a station token and the SKUs."""
    engine = open_hub_db(database_url)
    try:
        docs = demo_documents(orders=1)
        skus = tuple(p.sku for p in docs.products)
        with engine.begin() as conn:
            catalog.ensure_warehouse(conn, WAREHOUSE, "Bench warehouse")
            catalog.upsert_locations(conn, WAREHOUSE, docs.locations)
            catalog.upsert_products(conn, WAREHOUSE, docs.products)
            catalog.upsert_box_types(conn, WAREHOUSE, docs.box_types)
        for start in range(0, orders, CHUNK):
            batch = [bench_order(n, skus) for n in range(start, min(orders, start + CHUNK))]
            with engine.begin() as conn:
                catalog.upsert_orders(conn, WAREHOUSE, batch)
        token = create_station(engine, WAREHOUSE, "PACK-BENCH", "Bench station")
    finally:
        engine.dispose()
    return token, skus


def edit_orders(database_url: str, numbers: range, skus: tuple[str, ...], tag: str) -> None:
    """A central edit of each order (the customer's name): each becomes one new change."""
    engine = open_hub_db(database_url)
    try:
        with engine.begin() as conn:
            catalog.upsert_orders(conn, WAREHOUSE, [bench_order(n, skus, tag) for n in numbers])
    finally:
        engine.dispose()


@contextmanager
def hub_process(folder: Path, orders: int) -> Iterator[BenchHub]:
    """``tote hub serve`` on a fresh SQLite file with ``orders`` orders, until exit."""
    database_url = f"sqlite:///{folder / 'hub.sqlite3'}"
    token, skus = seed(database_url, orders)
    with HubProcess(database_url, folder / "hub.log") as hub:
        yield BenchHub(hub.url, database_url, token, skus)
