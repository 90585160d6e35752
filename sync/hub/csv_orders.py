"""Orders from a CSV file, whatever channel or currency they came from, as protocol docs.

One row is one order line; the order's own fields sit on its first row and may be repeated
(identically) or left blank on the others. The parser never raises on bad input: a clerk
importing a spreadsheet needs every problem listed at once ("row 7, quantity: 'two' is not
a whole number"), and one bad row refuses its whole order, never half of one, while the
other orders still import.

Money is converted to integer minor units with the currency's ISO 4217 exponent and never
rounded: a price with more (non-zero) decimals than its currency has is refused.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal
from functools import partial
from typing import Any

from pydantic import ValidationError

from sync.protocol import AddressDoc, OrderDoc, OrderLineDoc


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


REQUIRED = _words(
    "order_number channel currency ship_by carrier service ship_name ship_address1 ship_city"
    " ship_postcode ship_country sku quantity unit_price"
)
OPTIONAL = _words(
    "ship_address2 ship_region gift vip replacement gift_message line_no shipping tax"
)
LINE_COLUMNS = frozenset({"line_no", "sku", "quantity", "unit_price"})
ORDER_COLUMNS = tuple(c for c in REQUIRED + OPTIONAL if c not in LINE_COLUMNS)

# ISO 4217 minor-unit exponents other than 2.
EXPONENTS: dict[str, int] = {
    **dict.fromkeys(
        _words("BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF"), 0
    ),
    **dict.fromkeys(_words("BHD IQD JOD KWD LYD OMR TND"), 3),
    **dict.fromkeys(_words("CLF UYW"), 4),
}
MAX_MINOR = 10**13  # far above any real order, far below a 64-bit column
MAX_QUANTITY = 100_000
# The protocol's limits, checked here so the message names the CSV column.
MAX_LENGTHS = {
    **dict.fromkeys(("order_number", "channel", "carrier", "service", "sku"), 40),
    **dict.fromkeys(("ship_address1", "ship_address2"), 200),
    **dict.fromkeys(("ship_city", "ship_region"), 100),
    "ship_name": 120,
    "ship_postcode": 20,
    "gift_message": 1000,
}
_TRUE = frozenset({"1", "true", "yes", "y", "x", "t"})
_FALSE = frozenset({"", "0", "false", "no", "n", "f"})
_NUMBER = re.compile(r"[0-9]{1,16}(?:[.,][0-9]{1,8})?")
_DELIMITERS = (",", ";", "\t")


@dataclass(frozen=True, slots=True)
class RowError:
    """One problem, where the clerk can find it: row 1 is the header, as in a spreadsheet."""

    row: int
    column: str | None
    message: str

    def __str__(self) -> str:
        where = f"row {self.row}" + (f", {self.column}" if self.column else "")
        return f"{where}: {self.message}"


@dataclass(slots=True)
class ParsedOrders:
    """What a file yielded: the orders to import and, for the rest, why not."""

    orders: list[OrderDoc] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    refused_rows: int = 0
    refused_orders: list[str] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)
    line_rows: dict[str, list[int]] = field(default_factory=dict)
    """For each order parsed, the row of each of its lines (in ``lines`` order), so a later
    refusal (an SKU the hub does not know) can still name the row."""


class _Bad(Exception):  # noqa: N818 - internal signal, never escapes this module
    def __init__(self, column: str, message: str) -> None:
        super().__init__(message)
        self.column, self.message = column, message


def minor_units(text: str, currency: str, *, decimal_comma: bool = False) -> int:
    """``"12.50"`` EUR -> 1250; raises ValueError with a message meant for a person."""
    raw = text.strip()
    if not _NUMBER.fullmatch(raw) or ("," in raw and not decimal_comma):
        raise ValueError(f"{text!r} is not an amount like 12.50")
    whole, _, frac = raw.replace(",", ".").partition(".")
    exponent = EXPONENTS.get(currency, 2)
    if frac.rstrip("0") and len(frac.rstrip("0")) > exponent:
        raise ValueError(f"{text!r} has more decimals than {currency} has ({exponent})")
    value = int(Decimal(f"{whole}.{frac or '0'}").scaleb(exponent))
    if value >= MAX_MINOR:
        raise ValueError(f"{text!r} is too large")
    return value


def parse_ship_by(text: str) -> datetime:
    """ISO 8601 date or date-time; naive means UTC. A bare date is its first moment (UTC),
    the earlier reading, so an order is never packed late because of how it was typed."""
    try:
        moment = datetime.fromisoformat(text.strip())
        return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
    except (ValueError, OverflowError):
        raise ValueError(f"{text!r} is not an ISO 8601 date or date-time") from None


def _flag(value: str, column: str) -> bool:
    low = value.strip().lower()
    if low in _TRUE:
        return True
    if low in _FALSE:
        return False
    raise _Bad(column, f"{value!r} is not yes or no")


def _whole(value: str, column: str, *, low: int, high: int) -> int:
    if not value:
        raise _Bad(column, "is empty")
    if not re.fullmatch("[0-9]{1,9}", value):
        raise _Bad(column, f"{value!r} is not a whole number")
    n = int(value.strip())
    if not low <= n <= high:
        raise _Bad(column, f"{value!r} must be between {low} and {high}")
    return n


def _delimiter(text: str) -> str:
    """The most frequent of comma, semicolon and tab in the header line (comma on a tie):
    European spreadsheets export with semicolons because the comma is their decimal mark."""
    header = text.split("\n", 1)[0]
    counts = {d: header.count(d) for d in _DELIMITERS}
    return max(_DELIMITERS, key=lambda d: counts[d])


@dataclass(slots=True)
class _Group:
    number: str
    first: dict[str, str] = field(default_factory=dict)
    first_row: int = 0
    lines: list[tuple[int, dict[str, str]]] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)


def parse_orders_csv(text: str) -> ParsedOrders:
    """Parse a whole file; never raises for any input text."""
    result = ParsedOrders()
    text = text.removeprefix("\ufeff")
    delimiter = _delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=False)
    header: list[str] | None = None
    groups: dict[str, _Group] = {}
    row_no = 0
    try:
        for row_no, record in enumerate(reader, 1):
            if not any(cell.strip() for cell in record):
                continue  # blank rows, as spreadsheets leave at the end
            if header is None:
                header = [cell.strip().lower().removeprefix("\ufeff") for cell in record]
                if not _check_header(header, row_no, result):
                    return result
                continue
            _collect(header, record, row_no, groups, result)
    except csv.Error as exc:
        result.errors.append(RowError(row_no + 1, None, f"not readable as CSV: {exc}"))
    if header is None:
        result.errors.append(RowError(1, None, "the file has no header row"))
    for group in groups.values():
        _finish(group, result, decimal_comma=delimiter != ",")
    return result


def _check_header(header: list[str], row_no: int, result: ParsedOrders) -> bool:
    known = set(REQUIRED) | set(OPTIONAL)
    seen: set[str] = set()
    for name in header:
        if name in seen and name in known:
            result.errors.append(RowError(row_no, name, "the column appears twice"))
        seen.add(name)
    missing = [c for c in REQUIRED if c not in seen]
    if missing:
        result.errors.append(RowError(row_no, None, f"missing columns: {', '.join(missing)}"))
    result.ignored_columns = [c for c in header if c and c not in known]
    return not result.errors


def _collect(
    header: list[str],
    record: list[str],
    row_no: int,
    groups: dict[str, _Group],
    result: ParsedOrders,
) -> None:
    """File one row under its order; a row without an order number is refused alone."""
    if len(record) > len(header) and any(c.strip() for c in record[len(header) :]):
        result.errors.append(
            RowError(row_no, None, f"{len(record)} fields but the header has {len(header)}")
        )
        result.refused_rows += 1
        return
    values = {name: (record[i].strip() if i < len(record) else "") for i, name in enumerate(header)}
    number = values["order_number"]
    if not number:
        result.errors.append(RowError(row_no, "order_number", "is empty"))
        result.refused_rows += 1
        return
    group = groups.setdefault(number, _Group(number))
    if not group.first:
        group.first, group.first_row = values, row_no
    else:
        for column in ORDER_COLUMNS:
            value, first = values.get(column, ""), group.first.get(column, "")
            if column in ("shipping", "tax") and value:
                group.errors.append(RowError(row_no, column, "belongs on the order's first row"))
            elif value and value != first:
                group.errors.append(
                    RowError(
                        row_no,
                        column,
                        f"{value!r} differs from {first!r} on row "
                        f"{group.first_row} for order {number}",
                    )
                )
    group.lines.append((row_no, values))


def _finish(group: _Group, result: ParsedOrders, *, decimal_comma: bool) -> None:
    doc = _build(group, decimal_comma=decimal_comma)
    if group.errors or doc is None:
        result.errors.extend(sorted(group.errors, key=lambda e: e.row))
        result.refused_rows += len(group.lines)
        result.refused_orders.append(group.number)
    else:
        result.orders.append(doc)
        result.line_rows[group.number] = [row for row, _ in group.lines]


def _text(values: dict[str, str], column: str) -> str:
    """A required text field within its length limit."""
    value = values.get(column, "")
    if not value:
        raise _Bad(column, "is empty")
    return _optional(values, column) or value


def _optional(values: dict[str, str], column: str) -> str | None:
    value = values.get(column, "")
    limit = MAX_LENGTHS.get(column, 1000)
    if len(value) > limit:
        raise _Bad(column, f"is longer than {limit} characters")
    return value or None


def _amount(values: dict[str, str], column: str, currency: str, decimal_comma: bool) -> int:
    raw = values.get(column, "")
    if not raw:
        if column == "unit_price":
            raise _Bad(column, "is empty")
        return 0
    try:
        return minor_units(raw, currency, decimal_comma=decimal_comma)
    except ValueError as exc:
        raise _Bad(column, str(exc)) from None


def _code(values: dict[str, str], column: str, letters: int, what: str) -> str:
    code = _text(values, column).upper()
    if not re.fullmatch(f"[A-Z]{{{letters}}}", code):
        raise _Bad(column, f"{values[column]!r} is not {what}")
    return code


def _build(group: _Group, *, decimal_comma: bool) -> OrderDoc | None:
    """The order, or None with every problem of its first row and lines in ``group.errors``."""
    first: dict[str, str] = group.first
    fields: dict[str, Any] = {}

    def check(name: str, read: Callable[[], object]) -> None:
        try:
            fields[name] = read()
        except _Bad as bad:
            group.errors.append(RowError(group.first_row, bad.column, bad.message))

    check("currency", lambda: _code(first, "currency", 3, "a three-letter ISO 4217 code"))
    # ISO 4217's "no currency" while the real one is refused: the amounts are still read,
    # so every mistake of the order is named at once (the order is refused either way).
    currency = str(fields.get("currency", "XXX"))
    check("number", partial(_text, first, "order_number"))
    for name in ("channel", "carrier", "service"):
        check(name, partial(_text, first, name))
    check("ship_by", lambda: _ship_by(first))
    check("shipping_cents", lambda: _amount(first, "shipping", currency, decimal_comma))
    check("tax_cents", lambda: _amount(first, "tax", currency, decimal_comma))
    for name in ("gift", "vip", "replacement"):
        check(name, partial(_flag, first.get(name, ""), name))
    check("gift_message", partial(_optional, first, "gift_message"))
    check("ship_to", lambda: _address(first))
    lines = _lines(group, currency, decimal_comma=decimal_comma)
    if group.errors or lines is None:
        return None
    subtotal = sum(line.quantity * line.unit_price_cents for line in lines)
    total = subtotal + fields["shipping_cents"] + fields["tax_cents"]
    fields.update(lines=lines, subtotal_cents=subtotal, total_cents=total)
    try:
        return OrderDoc.model_validate(fields)
    except ValidationError as exc:  # a rule checked nowhere above: report it, do not crash
        problem = exc.errors()[0]
        where = ".".join(str(p) for p in problem["loc"])
        group.errors.append(RowError(group.first_row, where, problem["msg"]))
        return None


def _ship_by(values: dict[str, str]) -> datetime:
    try:
        return parse_ship_by(_text(values, "ship_by"))
    except ValueError as exc:
        raise _Bad("ship_by", str(exc)) from None


def _address(values: dict[str, str]) -> AddressDoc:
    fields = {
        "name": _text(values, "ship_name"),
        "address1": _text(values, "ship_address1"),
        "address2": _optional(values, "ship_address2"),
        "city": _text(values, "ship_city"),
        "postcode": _text(values, "ship_postcode"),
        "region": _optional(values, "ship_region"),
        "country": _code(values, "ship_country", 2, "a two-letter ISO 3166 country code"),
    }
    try:
        return AddressDoc.model_validate(fields)
    except ValidationError as exc:
        problem = exc.errors()[0]
        raise _Bad(f"ship_{problem['loc'][0]}", problem["msg"]) from None


def _lines(group: _Group, currency: str, *, decimal_comma: bool) -> list[OrderLineDoc] | None:
    """The order's lines, numbered in file order unless the file numbers them itself."""
    numbered = any(values.get("line_no") for _, values in group.lines)
    lines: list[OrderLineDoc] = []
    seen: dict[int, int] = {}
    for n, (row, values) in enumerate(group.lines, 1):
        try:
            sku = _text(values, "sku")
            quantity = _whole(values["quantity"], "quantity", low=1, high=MAX_QUANTITY)
            price = _amount(values, "unit_price", currency, decimal_comma)
            line_no = n
            if numbered:
                if not values.get("line_no"):
                    raise _Bad("line_no", f"is empty, but other lines of {group.number} have one")
                line_no = _whole(values["line_no"], "line_no", low=1, high=MAX_QUANTITY)
                if line_no in seen:
                    raise _Bad("line_no", f"{line_no} is already used on row {seen[line_no]}")
                seen[line_no] = row
            lines.append(
                OrderLineDoc(line_no=line_no, sku=sku, quantity=quantity, unit_price_cents=price)
            )
        except _Bad as bad:
            group.errors.append(RowError(row, bad.column, bad.message))
        except ValidationError as exc:
            group.errors.append(RowError(row, None, exc.errors()[0]["msg"]))
    return None if group.errors else lines
