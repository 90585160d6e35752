"""The demo warehouse at the order service: the kiosk's own demo data, as protocol documents.

``app.demo`` generates the data set (deterministic, byte for byte) and loads it straight into
a station's SQLite. A demo that syncs needs the same data at the hub instead, so this module
converts the generator's model objects to ``sync.protocol`` documents rather than keeping a
second copy of the data: a hub-fed kiosk and a stand-alone demo kiosk show the same orders.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine, select

from app.demo.floor import demo_layout
from app.demo.generator import generate
from app.demo.load import gtin14
from app.demo.model import DemoBoxType, DemoLocation, DemoOrder, DemoProduct
from app.usecases.floor_layout import doc_of_layout
from sync.hub import catalog, feed, layout
from sync.hub.tables import orders as orders_table
from sync.hub.tables import stations as stations_table
from sync.hub.tokens import create_station, token_sha256
from sync.protocol import (
    AddressDoc,
    BarcodeDoc,
    BoxTypeDoc,
    LayoutDoc,
    LocationDoc,
    OrderDoc,
    OrderLineDoc,
    ProductDoc,
)

DEMO_WAREHOUSE_NAME = "Demo warehouse"


@dataclass(frozen=True, slots=True)
class DemoDocs:
    """Everything a demo hub serves, in the order it must be written (catalogue first)."""

    locations: list[LocationDoc]
    products: list[ProductDoc]
    box_types: list[BoxTypeDoc]
    orders: list[OrderDoc]
    layout: LayoutDoc  # the floor the locations stand on (``app.demo.floor``)


@dataclass(frozen=True, slots=True)
class SeedCounts:
    """What ``seed_hub`` wrote; all zero when the warehouse already had orders (and a floor
    layout)."""

    locations: int = 0
    products: int = 0
    box_types: int = 0
    orders: int = 0
    layout: int = 0


def location_doc(loc: DemoLocation) -> LocationDoc:
    return LocationDoc(
        code=loc.code,
        zone=loc.zone,
        aisle=loc.aisle,
        bay=loc.bay,
        level=loc.level,
        position=loc.position,
    )


def product_doc(p: DemoProduct) -> ProductDoc:
    """Barcodes as ``app.demo.load`` stores them: GTIN-13, UPC-A and case code, as GTIN-14."""
    barcodes = [BarcodeDoc(gtin14=gtin14(p.gtin13))]
    if p.upc12 is not None:
        barcodes.append(BarcodeDoc(gtin14=gtin14(p.upc12)))
    if p.case_gtin14 is not None and p.case_units is not None:
        barcodes.append(BarcodeDoc(gtin14=p.case_gtin14, units=p.case_units))
    return ProductDoc(
        sku=p.sku,
        name=p.name,
        length_mm=p.length_mm,
        width_mm=p.width_mm,
        height_mm=p.height_mm,
        weight_g=p.weight_g,
        fragile=p.fragile,
        keep_upright=p.keep_upright,
        location=p.location_code,
        barcodes=barcodes,
    )


def box_type_doc(b: DemoBoxType) -> BoxTypeDoc:
    return BoxTypeDoc(
        code=b.code,
        name=b.name,
        inner_length_mm=b.inner_length_mm,
        inner_width_mm=b.inner_width_mm,
        inner_height_mm=b.inner_height_mm,
        outer_length_mm=b.outer_length_mm,
        outer_width_mm=b.outer_width_mm,
        outer_height_mm=b.outer_height_mm,
        tare_g=b.tare_g,
        max_weight_g=b.max_weight_g,
        cost_cents=b.cost_cents,
        dunnage_g=b.dunnage_g,
    )


def order_doc(o: DemoOrder) -> OrderDoc:
    """An open order at version 1, as a freshly imported order is."""
    return OrderDoc(
        number=o.number,
        channel=o.channel,
        currency=o.currency,
        subtotal_cents=o.subtotal_cents,
        shipping_cents=o.shipping_cents,
        tax_cents=o.tax_cents,
        total_cents=o.total_cents,
        ship_by=o.ship_by,
        carrier=o.carrier,
        service=o.service,
        ship_to=AddressDoc(
            name=o.ship_name,
            address1=o.ship_address1,
            address2=o.ship_address2,
            city=o.ship_city,
            postcode=o.ship_postcode,
            region=o.ship_region,
            country=o.ship_country,
        ),
        gift=o.gift,
        vip=o.vip,
        replacement=o.replacement,
        special_code=o.special_code,
        replaces_order_number=o.replaces_order_number,
        gift_message=o.gift_message,
        lines=[
            OrderLineDoc(
                line_no=x.line_no,
                sku=x.sku,
                quantity=x.qty,
                unit_price_cents=x.unit_price_cents,
                substitutes=list(x.substitutes),
            )
            for x in o.lines
        ],
    )


def demo_documents(
    *, seed: int = 2026, products: int = 600, orders: int = 320, now: datetime | None = None
) -> DemoDocs:
    """The demo data set ``app.demo.generator.generate`` makes with the same arguments."""
    data = generate(seed=seed, products=products, orders=orders, now=now)
    return DemoDocs(
        locations=[location_doc(x) for x in data.locations],
        products=[product_doc(x) for x in data.products],
        box_types=[box_type_doc(x) for x in data.box_types],
        orders=[order_doc(x) for x in data.orders],
        layout=layout_doc(data.locations),
    )


def layout_doc(locations: Sequence[DemoLocation]) -> LayoutDoc:
    """The demo floor holding ``locations``, as the stand-alone demo kiosk stores it."""
    doc = doc_of_layout(demo_layout(locations), version=1)
    return LayoutDoc.model_validate(doc, from_attributes=True)


def seed_hub(
    engine: Engine, warehouse: str = "WH1", *, orders: int = 320, now: datetime | None = None
) -> SeedCounts:
    """Create the warehouse and load the demo data in one transaction, unless the warehouse
    already has orders (then nothing is touched: a demo restarted keeps its progress). A
    warehouse without a floor layout gets the demo's either way (a demo hub seeded before
    layouts existed gets its floor; one set by hand is kept).

    The check and the load share the transaction and the feed lock, so two demo kiosks
    starting together load the data once.
    """
    with engine.begin() as conn:
        catalog.ensure_warehouse(conn, warehouse, DEMO_WAREHOUSE_NAME)
        feed.lock(conn, warehouse)
        has_orders = conn.execute(
            select(orders_table.c.id).where(orders_table.c.warehouse == warehouse).limit(1)
        ).first()
        has_layout = layout.get_layout(conn, warehouse) is not None
        if has_orders is not None and has_layout:
            return SeedCounts()
        docs = demo_documents(orders=0 if has_orders else orders, now=now)
        counts = SeedCounts()
        if has_orders is None:
            counts = SeedCounts(
                locations=catalog.upsert_locations(conn, warehouse, docs.locations),
                products=catalog.upsert_products(conn, warehouse, docs.products),
                box_types=catalog.upsert_box_types(conn, warehouse, docs.box_types),
                orders=catalog.upsert_orders(conn, warehouse, docs.orders),
            )
        if not has_layout:
            counts = replace(counts, layout=int(layout.set_layout(conn, warehouse, docs.layout)[1]))
        return counts


def demo_stations(
    engine: Engine,
    codes: Sequence[str] = ("PACK-01", "PACK-02"),
    *,
    tokens_file: Path,
    warehouse: str = "WH1",
) -> dict[str, str]:
    """Tokens for the demo's stations, written to ``tokens_file`` as ``{code: token}`` (0600).

    A token already in the file that still opens its station in ``warehouse`` is kept, so
    restarting one demo kiosk does not lock out another that is using it; any other station
    gets a new token. The file holds secrets: only its owner may read it.
    """
    known = _read_tokens(tokens_file)
    valid = _still_valid(engine, warehouse, {c: known[c] for c in codes if c in known})
    tokens = {
        code: valid.get(code) or create_station(engine, warehouse, code, f"Demo station {code}")
        for code in codes
    }
    _write_private(tokens_file, {**known, **tokens})
    return tokens


def _read_tokens(path: Path) -> dict[str, str]:
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {str(k): v for k, v in data.items() if isinstance(v, str)}


def _still_valid(engine: Engine, warehouse: str, tokens: dict[str, str]) -> dict[str, str]:
    if not tokens:
        return {}
    with engine.connect() as conn:
        rows = conn.execute(
            select(stations_table.c.code, stations_table.c.token_sha256).where(
                stations_table.c.code.in_(list(tokens)),
                stations_table.c.warehouse == warehouse,
                stations_table.c.revoked.is_(False),
            )
        ).all()
    hashes = {code: digest for code, digest in rows}
    return {c: t for c, t in tokens.items() if hashes.get(c) == token_sha256(t)}


def _write_private(path: Path, data: dict[str, str]) -> None:
    """Write atomically, created 0600: never, even for a moment, readable by others."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)  # mkstemp: 0600
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(data, f, indent=2, sort_keys=True)
            f.write("\n")
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
