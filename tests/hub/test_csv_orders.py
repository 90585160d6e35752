"""Orders from CSV: any channel and currency, every problem reported with its row and column,
and one bad row refusing only its own order."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sync.hub.csv_orders import REQUIRED, ParsedOrders, minor_units, parse_orders_csv, parse_ship_by

SAMPLE = Path(__file__).parents[2] / "resources" / "demo" / "orders-sample.csv"
HEADER = (
    "order_number,channel,currency,ship_by,carrier,service,ship_name,ship_address1,"
    "ship_city,ship_postcode,ship_country,sku,quantity,unit_price,shipping,tax"
)


def row(number: str = "A-1", **changes: str) -> str:
    values = {
        "order_number": number, "channel": "webshop", "currency": "EUR",
        "ship_by": "2026-11-28T10:00:00Z", "carrier": "DHL", "service": "Paket",
        "ship_name": "Anna Muster", "ship_address1": "Hauptstr. 1", "ship_city": "Berlin",
        "ship_postcode": "10115", "ship_country": "DE", "sku": "SKU-1", "quantity": "1",
        "unit_price": "10.00", "shipping": "", "tax": "",
    }  # fmt: skip
    values.update(changes)
    return ",".join(values[name] for name in HEADER.split(","))


def parse(*rows: str, header: str = HEADER) -> ParsedOrders:
    return parse_orders_csv("\n".join([header, *rows]) + "\n")


def test_sample_file_imports_whole_with_greek_text_and_two_currencies() -> None:
    """The shipped sample is valid: three orders, EUR and GBP, Greek address and message."""
    result = parse_orders_csv(SAMPLE.read_text("utf-8"))
    assert result.errors == []
    by_number = {o.number: o for o in result.orders}
    assert sorted(by_number) == ["CSV-1001", "CSV-1002", "CSV-1003"]
    greek = by_number["CSV-1001"]
    assert greek.ship_to.city == "Αθήνα"
    assert greek.ship_to.address2 == "2ος όροφος, διαμ. 4"
    assert greek.gift and greek.gift_message and greek.gift_message.startswith("Χρόνια")
    assert [(x.line_no, x.sku, x.quantity, x.unit_price_cents) for x in greek.lines] == [
        (1, "TS-000001", 1, 3299),
        (2, "TS-000004", 2, 449),
    ]
    assert greek.subtotal_cents == 3299 + 2 * 449
    assert greek.total_cents == greek.subtotal_cents + 490 + 1125
    assert by_number["CSV-1002"].currency == "GBP"
    assert by_number["CSV-1002"].ship_by == datetime(2026, 11, 27, tzinfo=UTC)
    assert by_number["CSV-1003"].ship_by == datetime(2026, 11, 29, 12, tzinfo=UTC)


def test_bom_and_semicolons_with_decimal_commas_as_european_spreadsheets_export() -> None:
    """A UTF-8 BOM and ``;`` delimiter are handled, and 12,50 means twelve and a half."""
    text = "\ufeff" + HEADER.replace(",", ";") + "\n" + row(unit_price="12,50").replace(",", ";")
    result = parse_orders_csv(text.replace("12;50", "12,50"))
    assert result.errors == []
    assert result.orders[0].lines[0].unit_price_cents == 1250


@pytest.mark.parametrize(
    ("text", "currency", "cents"),
    [("12.50", "EUR", 1250), ("12.5", "GBP", 1250), ("1200", "JPY", 1200),
     ("1.234", "KWD", 1234), ("3.100", "BHD", 3100), ("7", "USD", 700),
     ("1200.00", "JPY", 1200)],
)  # fmt: skip
def test_money_uses_the_currency_exponent(text: str, currency: str, cents: int) -> None:
    """Minor units follow ISO 4217: JPY has none, KWD and BHD three, most two."""
    assert minor_units(text, currency) == cents


@pytest.mark.parametrize(
    ("text", "currency", "message"),
    [("12.505", "EUR", "more decimals than EUR has (2)"), ("10.5", "JPY", "JPY has (0)"),
     ("1,000.00", "EUR", "not an amount"), ("-3.00", "EUR", "not an amount"),
     ("1e3", "EUR", "not an amount"), ("٣", "EUR", "not an amount")],
)  # fmt: skip
def test_money_is_never_rounded_or_guessed(text: str, currency: str, message: str) -> None:
    """Refused, not rounded: a price the currency cannot hold is a mistake upstream."""
    with pytest.raises(ValueError, match=re.escape(message)):
        minor_units(text, currency)


def test_naive_times_are_utc_and_offsets_are_converted() -> None:
    """ship_by accepts a date, a naive time (UTC) or a time with an offset."""
    assert parse_ship_by("2026-11-28") == datetime(2026, 11, 28, tzinfo=UTC)
    assert parse_ship_by("2026-11-28 09:30") == datetime(2026, 11, 28, 9, 30, tzinfo=UTC)
    assert parse_ship_by("2026-11-28T12:00+02:00") == datetime(2026, 11, 28, 10, tzinfo=UTC)


def test_one_bad_row_refuses_its_whole_order_and_names_row_and_column() -> None:
    """GIVEN order A with a bad second line and a good order B WHEN parsed THEN B imports,
    A is refused as a whole, and the error says where and why."""
    result = parse(row("A"), row("A", sku="SKU-2", quantity="two"), row("B"))
    assert [o.number for o in result.orders] == ["B"]
    assert [str(e) for e in result.errors] == ["row 3, quantity: 'two' is not a whole number"]
    assert result.refused_orders == ["A"]
    assert result.refused_rows == 2


def test_every_problem_of_an_order_is_listed_at_once() -> None:
    """The clerk fixes the file once, not once per error."""
    bad = {"currency": "euro", "ship_by": "soon"}
    result = parse(row("A", **bad), row("A", unit_price="abc", **bad))
    assert {(e.row, e.column) for e in result.errors} == {
        (2, "currency"),
        (2, "ship_by"),
        (3, "unit_price"),
    }


def test_order_fields_on_later_rows_must_agree_or_be_blank() -> None:
    """A later row naming another currency is a mistake, not a new order."""
    result = parse(row("A"), row("A", currency="GBP"))
    assert [str(e) for e in result.errors] == [
        "row 3, currency: 'GBP' differs from 'EUR' on row 2 for order A"
    ]


def test_order_level_money_belongs_on_the_first_row() -> None:
    """Shipping and tax are per order; repeating them on every line would double-count."""
    result = parse(row("A", shipping="4.90", tax="1.00"), row("A", shipping="4.90"))
    assert [(e.row, e.column) for e in result.errors] == [(3, "shipping")]
    result = parse(row("A", shipping="4.90", tax="1.00", quantity="2"), row("A", sku="SKU-2"))
    (order,) = result.orders
    assert (order.subtotal_cents, order.total_cents) == (3000, 3000 + 490 + 100)


def test_line_numbers_are_taken_from_the_file_or_given_in_order() -> None:
    """line_no is optional, but once used it must be on every line and unique."""
    header = HEADER + ",line_no"
    result = parse(row("A") + ",5", row("A", sku="SKU-2") + ",2", header=header)
    assert [x.line_no for x in result.orders[0].lines] == [5, 2]
    result = parse(row("A") + ",1", row("A", sku="SKU-2") + ",1", header=header)
    assert [str(e) for e in result.errors] == ["row 3, line_no: 1 is already used on row 2"]
    assert [x.line_no for x in parse(row("A"), row("A", sku="S2")).orders[0].lines] == [1, 2]


def test_missing_columns_are_reported_once_on_the_header() -> None:
    """Without the columns nothing can be read, so nothing is."""
    result = parse_orders_csv("order_number,sku\nA,SKU-1\n")
    assert len(result.errors) == 1
    assert result.errors[0].row == 1
    assert "currency" in result.errors[0].message
    assert result.orders == []


def test_unknown_columns_are_ignored_but_listed() -> None:
    """Channels add columns of their own; a typo in an optional one should still show."""
    result = parse(row("A") + ",x", header=HEADER + ",gift_mesage")
    assert result.ignored_columns == ["gift_mesage"]
    assert len(result.orders) == 1


def test_protocol_limits_are_checked_with_the_csv_column_name() -> None:
    """An over-long name or a bad country code points at the CSV column, not a model field."""
    result = parse(row("A", ship_name="x" * 121), row("B", ship_country="Greece"))
    assert [(e.row, e.column) for e in result.errors] == [(2, "ship_name"), (3, "ship_country")]


def test_blank_rows_and_empty_files_are_handled() -> None:
    """Spreadsheets leave blank rows; an empty file says it has no header."""
    assert len(parse(row("A"), "", ",,,,", row("B")).orders) == 2
    assert [str(e) for e in parse_orders_csv("").errors] == ["row 1: the file has no header row"]


def test_required_columns_cover_the_protocol() -> None:
    """Every OrderDoc field without a default has its column."""
    assert {"order_number", "currency", "ship_by", "sku", "unit_price"} <= set(REQUIRED)


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_arbitrary_text_never_raises(text: str) -> None:
    """Whatever arrives, the importer answers with orders and errors, never an exception."""
    result = parse_orders_csv(text)
    assert result.orders or result.errors or not text.strip()


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.lists(
            st.one_of(
                st.text(max_size=12),
                st.sampled_from(["", "A", "1", "x,y", '"', "12.50", "2026-01-01", "\n"]),
            )
        ),
        max_size=6,
    )
)
def test_arbitrary_rows_under_a_valid_header_never_raise(cells: list[list[str]]) -> None:
    """Rows shaped like data but with random contents still end as orders or errors."""
    parse("\n".join(",".join(r) for r in cells))
