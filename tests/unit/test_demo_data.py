"""The demo data generator and its loader into a real SQLite store."""

from __future__ import annotations

import re
import time
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select
from sqlalchemy.orm import Session

from app.demo.generator import DEFAULT_NOW, DemoDataset, generate
from app.demo.load import is_loaded, load_dataset
from app.store.tables import (
    Base,
    BoxType,
    Location,
    Operator,
    Order,
    OrderLine,
    Product,
    ProductBarcode,
)

GREEK = re.compile("[\u0370-\u03ff\u1f00-\u1fff]")


def gs1_valid(code: str) -> bool:
    """Independent of the generator: weights 1, 3, 1, ... from the right, sum divisible by 10."""
    if not code.isdigit():
        return False
    total = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(reversed(code)))
    return total % 10 == 0


@pytest.fixture(scope="module")
def data() -> DemoDataset:
    return generate()


@pytest.fixture
def session(tmp_path: Path) -> Iterator[Session]:
    engine = create_engine(f"sqlite:///{tmp_path / 'demo.db'}")
    Base.metadata.create_all(engine)
    with Session(engine) as s:
        yield s
    engine.dispose()


def test_generate_is_deterministic() -> None:
    """Same arguments, same data set, down to the repr; another seed gives other data."""
    first, second = generate(), generate()
    assert first == second
    assert repr(first) == repr(second)
    assert generate(seed=7).orders != first.orders


def test_fewer_orders_are_a_prefix_of_more_orders(data: DemoDataset) -> None:
    """Products do not depend on the order count, and orders are drawn one after another."""
    bigger = generate(orders=len(data.orders) + 50)
    assert bigger.products == data.products
    assert bigger.orders[: len(data.orders)] == data.orders


def test_naive_now_is_refused() -> None:
    """Ship-by times are UTC; a naive ``now`` would make them ambiguous."""
    with pytest.raises(ValueError, match="timezone"):
        generate(now=datetime(2026, 11, 26, 8, 0))


def test_barcodes_have_valid_check_digits_and_are_unique(data: DemoDataset) -> None:
    """GTIN-13 (prefix 20-29), UPC-A and case GTIN-14 are valid and unique as GTIN-14."""
    as_gtin14: list[str] = []
    for p in data.products:
        assert len(p.gtin13) == 13 and gs1_valid(p.gtin13), p
        assert 20 <= int(p.gtin13[:2]) <= 29, p.gtin13
        as_gtin14.append(p.gtin13.zfill(14))
        if p.upc12 is not None:
            assert len(p.upc12) == 12 and gs1_valid(p.upc12), p
            as_gtin14.append(p.upc12.zfill(14))
        if p.case_gtin14 is not None:
            assert len(p.case_gtin14) == 14 and gs1_valid(p.case_gtin14), p
            assert p.case_gtin14[0] in "12345678"
            assert p.case_units in (6, 12, 24)
            as_gtin14.append(p.case_gtin14)
        else:
            assert p.case_units is None
    assert len(as_gtin14) == len(set(as_gtin14))


def test_some_products_have_upc_and_case_codes(data: DemoDataset) -> None:
    """About 20 % carry a UPC-A and about 15 % a case GTIN-14."""
    n = len(data.products)
    upc = sum(p.upc12 is not None for p in data.products)
    case = sum(p.case_gtin14 is not None for p in data.products)
    assert 0.12 * n < upc < 0.28 * n
    assert 0.08 * n < case < 0.22 * n


def test_warehouse_has_four_zones_and_a_distinct_location_per_product(
    data: DemoDataset,
) -> None:
    """Codes read zone-aisle-bay-level-position and no two products share a pick face."""
    codes = {loc.code for loc in data.locations}
    assert len(codes) == len(data.locations)
    assert len({loc.zone for loc in data.locations}) >= 4
    for loc in data.locations:
        expected = f"{loc.zone}-{loc.aisle:02d}-{loc.bay:02d}-{loc.level}-{loc.position}"
        assert loc.code == expected
        assert re.fullmatch(r"[A-Z]-\d{2}-\d{2}-\d-\d", loc.code)
    used = [p.location_code for p in data.products]
    assert len(set(used)) == len(used)
    assert set(used) <= codes


def test_catalogue_has_500_plus_products_with_plausible_sizes(data: DemoDataset) -> None:
    """SKUs unique, sizes and weights positive and small enough for the XL box."""
    assert len(data.products) >= 500
    skus = [p.sku for p in data.products]
    assert len(set(skus)) == len(skus)
    assert all(re.fullmatch(r"TS-\d{6}", s) for s in skus)
    xl = max(data.box_types, key=lambda b: b.inner_length_mm * b.inner_width_mm)
    for p in data.products:
        assert p.name.strip() == p.name and p.name
        assert 0 < p.height_mm <= xl.inner_height_mm
        assert 0 < p.width_mm <= p.length_mm <= xl.inner_length_mm
        assert p.width_mm <= xl.inner_width_mm
        assert 0 < p.weight_g <= xl.max_weight_g
        assert p.price_eur_cents > 0
    assert any(p.fragile for p in data.products)
    assert any(p.keep_upright for p in data.products)
    assert not all(p.fragile for p in data.products)
    assert len({p.name for p in data.products}) == len(data.products)


def test_exactly_five_box_types_with_outer_bigger_than_inner(data: DemoDataset) -> None:
    """Standard cartons BOX-...; walls make every outer dimension larger."""
    assert len(data.box_types) == 5
    assert len({b.code for b in data.box_types}) == 5
    for b in data.box_types:
        assert b.code.startswith("BOX-")
        assert b.inner_length_mm < b.outer_length_mm
        assert b.inner_width_mm < b.outer_width_mm
        assert b.inner_height_mm < b.outer_height_mm
        assert b.tare_g > 0 and b.max_weight_g > b.tare_g and b.cost_cents > 0


def test_at_least_300_orders_of_1_to_12_distinct_lines(data: DemoDataset) -> None:
    """Numbered SO-100001 upwards; lines numbered from 1, distinct known SKUs, qty 1-4."""
    assert len(data.orders) >= 300
    skus = {p.sku for p in data.products}
    for n, order in enumerate(data.orders):
        assert order.number == f"SO-{100_001 + n}"
        assert 1 <= len(order.lines) <= 12
        assert [line.line_no for line in order.lines] == list(range(1, len(order.lines) + 1))
        line_skus = [line.sku for line in order.lines]
        assert len(set(line_skus)) == len(line_skus)
        assert set(line_skus) <= skus
        assert all(1 <= line.qty <= 4 for line in order.lines)
    qty = Counter(line.qty for order in data.orders for line in order.lines)
    assert qty[1] > sum(qty.values()) / 2


def test_all_three_currencies_and_every_channel_are_used(data: DemoDataset) -> None:
    """EUR, USD and GBP orders, from webshop, marketplace, B2B and phone."""
    assert {o.currency for o in data.orders} == {"EUR", "USD", "GBP"}
    assert {o.channel for o in data.orders} == {"webshop", "marketplace", "B2B", "phone"}
    assert {o.ship_country for o in data.orders} == {"DE", "FR", "GB", "US", "GR"}


def test_order_totals_add_up(data: DemoDataset) -> None:
    """subtotal = sum of lines; total = subtotal + shipping + tax; prices positive."""
    for o in data.orders:
        assert o.subtotal_cents == sum(li.qty * li.unit_price_cents for li in o.lines)
        assert o.total_cents == o.subtotal_cents + o.shipping_cents + o.tax_cents
        assert o.shipping_cents >= 0 and o.tax_cents >= 0
        if not o.replacement:
            assert all(li.unit_price_cents > 0 for li in o.lines)
            assert o.tax_cents > 0


def test_ship_by_is_aware_utc_within_days_after_now(data: DemoDataset) -> None:
    """Deadlines spread over the next few days; all of them after ``now``."""
    for o in data.orders:
        assert o.ship_by.tzinfo is not None and o.ship_by.utcoffset() == timedelta(0)
        assert DEFAULT_NOW < o.ship_by <= DEFAULT_NOW + timedelta(days=5)
    assert len({o.ship_by.date() for o in data.orders}) >= 3
    later = generate(orders=20, now=datetime(2027, 1, 4, 15, 30, tzinfo=UTC))
    assert all(o.ship_by > datetime(2027, 1, 4, 15, 30, tzinfo=UTC) for o in later.orders)


def test_carriers_match_destinations(data: DemoDataset) -> None:
    """Royal Mail only to GB, ELTA only to Greece; VIP orders go express; only business
    orders to Germany and France leave the service to the warehouse."""
    known = {
        ("DHL", "Express"), ("DHL", "Parcel"), ("UPS", "Standard"), ("UPS", "Express Saver"),
        ("DPD", "Classic"), ("Royal Mail", "Tracked 48"), ("ELTA", "Courier"),
    }  # fmt: skip
    assert any(o.carrier == "AUTO" for o in data.orders)
    for o in data.orders:
        if o.carrier == "AUTO":
            assert (o.service, o.channel, o.ship_country in ("DE", "FR")) == ("ANY", "B2B", True)
            continue
        assert (o.carrier, o.service) in known
        if o.carrier == "Royal Mail":
            assert o.ship_country == "GB"
        if o.carrier == "ELTA":
            assert o.ship_country == "GR"
        if o.vip and not o.replacement:
            assert "Express" in o.service


def test_special_orders_have_unique_codes_with_the_right_prefix(data: DemoDataset) -> None:
    """Gift, VIP and replacement orders exist; the code prefix follows gift > VIP > replacement."""
    assert any(o.gift for o in data.orders)
    assert any(o.vip for o in data.orders)
    assert any(o.replacement for o in data.orders)
    codes = [o.special_code for o in data.orders if o.special_code is not None]
    assert len(codes) == len(set(codes))
    for o in data.orders:
        special = o.gift or o.vip or o.replacement
        assert (o.special_code is not None) == special
        if o.special_code is not None:
            prefix = "GFT" if o.gift else "VIP" if o.vip else "RPL"
            assert re.fullmatch(rf"{prefix}-[A-Z0-9]{{6}}", o.special_code), o.special_code
        assert (o.gift_message is not None) == o.gift


def test_special_order_shares_are_roughly_as_asked() -> None:
    """Roughly 8 % gift, 5 % VIP, 4 % replacement over a larger sample."""
    orders = generate(orders=5000).orders
    n = len(orders)
    assert 0.06 * n < sum(o.gift for o in orders) < 0.10 * n
    assert 0.035 * n < sum(o.vip for o in orders) < 0.065 * n
    assert 0.025 * n < sum(o.replacement for o in orders) < 0.055 * n


def test_replacements_refer_to_earlier_existing_orders(data: DemoDataset) -> None:
    """Same customer, items taken from the original, sent free of charge."""
    by_number = {o.number: o for o in data.orders}
    for o in data.orders:
        if not o.replacement:
            assert o.replaces_order_number is None
            continue
        original = by_number[o.replaces_order_number or ""]
        assert original.number < o.number
        assert not original.replacement
        assert (o.ship_name, o.ship_address1, o.ship_country) == (
            original.ship_name,
            original.ship_address1,
            original.ship_country,
        )
        assert {li.sku for li in o.lines} <= {li.sku for li in original.lines}
        assert o.total_cents == 0


def test_greek_text_appears_throughout(data: DemoDataset) -> None:
    """Product names, addresses, gift messages and an operator in Greek script."""
    assert sum(bool(GREEK.search(p.name)) for p in data.products) >= 5
    assert any(GREEK.search(o.ship_name + o.ship_address1 + o.ship_city) for o in data.orders)
    assert any(o.gift_message and GREEK.search(o.gift_message) for o in data.orders)
    assert any(GREEK.search(op.name) for op in data.operators)


def test_three_operators_two_packers_and_a_supervisor(data: DemoDataset) -> None:
    """OP-001.. with the roles the kiosk knows."""
    assert [op.code for op in data.operators] == ["OP-001", "OP-002", "OP-003"]
    assert sorted(op.role for op in data.operators) == ["packer", "packer", "supervisor"]


@pytest.mark.slow
def test_fifty_thousand_orders_generate_well_under_ten_seconds() -> None:
    """The 50k-order benchmark store is built from this; it must stay fast."""
    started = time.perf_counter()
    big = generate(orders=50_000)
    assert time.perf_counter() - started < 10
    assert len(big.orders) == 50_000
    assert len({o.special_code for o in big.orders if o.special_code}) == sum(
        1 for o in big.orders if o.special_code
    )


def test_is_loaded_is_false_for_an_empty_store(session: Session) -> None:
    """A fresh store has no products, so demo data may be loaded."""
    assert not is_loaded(session)


def test_loader_fills_a_sqlite_store(session: Session, data: DemoDataset) -> None:
    """Row counts match the data set and every order is open."""
    load_dataset(session, data)
    session.commit()

    def count(model: type[Base]) -> int:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)

    n_codes = sum(1 + (p.upc12 is not None) + (p.case_gtin14 is not None) for p in data.products)
    assert is_loaded(session)
    assert count(Location) == len(data.locations)
    assert count(Product) == len(data.products)
    assert count(ProductBarcode) == n_codes
    assert count(BoxType) == 5
    assert count(Operator) == 3
    assert count(Order) == len(data.orders)
    assert count(OrderLine) == sum(len(o.lines) for o in data.orders)
    assert set(session.scalars(select(Order.status).distinct())) == {"open"}
    first = session.scalars(select(Order).where(Order.number == "SO-100001")).one()
    assert first.ship_by == data.orders[0].ship_by
    assert [li.qty_ordered for li in first.lines] == [li.qty for li in data.orders[0].lines]


def test_loaded_gtin13_finds_its_product_through_gtin14(
    session: Session, data: DemoDataset
) -> None:
    """GTIN-13 5901234123457 is stored as 05901234123457; case codes carry their units."""
    load_dataset(session, data)
    greek = next(p for p in data.products if GREEK.search(p.name))
    found = session.scalars(
        select(ProductBarcode).where(ProductBarcode.gtin14 == "0" + greek.gtin13)
    ).one()
    assert found.units == 1
    assert found.product.sku == greek.sku
    assert found.product.name == greek.name
    location = found.product.location
    assert location is not None and location.code == greek.location_code
    case = next(p for p in data.products if p.case_gtin14)
    code = session.scalars(
        select(ProductBarcode).where(ProductBarcode.gtin14 == case.case_gtin14)
    ).one()
    assert (code.units, code.product.sku) == (case.case_units, case.sku)
    upc = next(p.upc12 for p in data.products if p.upc12)
    by_upc = select(Product.sku).join(ProductBarcode).where(ProductBarcode.gtin14 == "00" + upc)
    assert session.scalars(by_upc).one() == next(p.sku for p in data.products if p.upc12 == upc)


def test_loader_leaves_the_transaction_to_the_caller(session: Session) -> None:
    """Nothing is committed: rolling back leaves the store empty."""
    load_dataset(session, generate(products=520, orders=10))
    assert is_loaded(session)
    session.rollback()
    assert not is_loaded(session)
