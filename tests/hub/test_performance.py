"""Budgets the centre and the stations rely on, measured on SQLite (the demo's and the tests')."""

from __future__ import annotations

import time
from datetime import timedelta

import pytest

from sync.hub import catalog
from sync.hub.server import HubServer
from sync.hub.tokens import create_station
from tests.hub.conftest import T0, Api, order, product

ORDERS = 20_000
PAGE_BUDGET_S = 0.150
IMPORT_BUDGET_S = 8.0  # CPU s; measured 1.3 (new) and 1.8 (edited) on the 2-core build machine


@pytest.mark.slow
@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_20000_orders_import_in_seconds_and_a_2000_order_page_is_quick(
    hub: HubServer,
) -> None:
    """GIVEN 20,000 orders of 5 lines WHEN imported, then all edited THEN each import takes
    seconds, and a station gets a page of 2,000 orders in well under 150 ms."""
    skus = [f"SKU-{i}" for i in range(500)]
    docs = [
        order(
            f"O{i:06d}",
            *[skus[(i * 5 + k) % len(skus)] for k in range(5)],
            ship_by=T0 + timedelta(minutes=i),
        )
        for i in range(ORDERS)
    ]
    with hub.engine.begin() as conn:
        catalog.ensure_warehouse(conn, "WH1", "Main")
        catalog.upsert_products(conn, "WH1", [product(sku) for sku in skus])
    for batch in (docs, [d.model_copy(update={"special_code": "edit"}) for d in docs]):
        started = time.process_time()  # CPU time: other work on the machine does not count
        with hub.engine.begin() as conn:
            assert catalog.upsert_orders(conn, "WH1", batch) == ORDERS
        assert time.process_time() - started < IMPORT_BUDGET_S

    api = Api(hub.url, create_station(hub.engine, "WH1", "ST-1", "Packing 1"))
    cursor = api.ok("GET", "/v1/changes", limit=len(skus))["cursor"]  # past the products
    took = []
    for _ in range(7):
        started = time.perf_counter()
        answer = api.get("/v1/changes", after=cursor, limit=2000)
        took.append(time.perf_counter() - started)
        assert answer.status_code == 200
    api.session.close()
    page = answer.json()
    assert len(page["changes"]) == 2000 and page["remaining"] == ORDERS - 2000
    assert all(len(c["order"]["lines"]) == 5 for c in page["changes"])
    assert min(took) < PAGE_BUDGET_S, took  # the best of 7: a busy machine delays some
