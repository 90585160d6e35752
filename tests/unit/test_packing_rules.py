"""The pure scan-to-verify rule, checked on arbitrary orders with hypothesis."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from app.domain.packing import Accept, LineProgress, Refuse, verify_item
from app.domain.reasons import Reason


@st.composite
def orders(draw: st.DrawFn) -> list[LineProgress]:
    count = draw(st.integers(1, 12))
    lines = []
    for no in range(1, count + 1):
        ordered = draw(st.integers(1, 6))
        lines.append(
            LineProgress(no, draw(st.integers(1, 4)), ordered, draw(st.integers(0, ordered)))
        )
    return lines


@given(orders(), st.integers(1, 5), st.sampled_from([1, 1, 1, 6, 12]))
def test_accepted_units_fit_exactly_and_refusals_say_why(
    lines: list[LineProgress], product: int, units: int
) -> None:
    """Accepted units go only to lines of that product, never past what is ordered, and add
    up to the scanned units; otherwise the reason matches the order's state."""
    decision = verify_item(lines, product, units)
    mine = {line.line_no: line for line in lines if line.product_id == product}
    remaining = sum(line.remaining for line in mine.values())
    if isinstance(decision, Accept):
        assert decision.units == units
        for line_no, put in decision.allocations:
            assert line_no in mine and 0 < put <= mine[line_no].remaining
        assert len({n for n, _ in decision.allocations}) == len(decision.allocations)
    else:
        assert isinstance(decision, Refuse)
        if not mine:
            assert decision.reason is Reason.WRONG_ITEM
        elif remaining == 0:
            assert decision.reason is Reason.OVER_PACK
        else:
            assert decision.reason is Reason.CASE_EXCEEDS_REMAINING and units > remaining


def test_a_substitute_the_order_allows_fills_its_line() -> None:
    """A product the line accepts instead (picked as a substitute) is packed on that line;
    one no line accepts is a wrong item."""
    lines = [
        LineProgress(1, product_id=7, qty_ordered=2, qty_packed=0, substitutes=frozenset({9})),
        LineProgress(2, product_id=8, qty_ordered=1, qty_packed=0),
    ]
    assert verify_item(lines, 9, 1) == Accept(((1, 1),))
    assert verify_item(lines, 10, 1) == Refuse(Reason.WRONG_ITEM)


def test_the_lines_own_product_is_used_before_a_substitute_line() -> None:
    """When a product is both one line's own and another's substitute, its own line fills first."""
    lines = [
        LineProgress(1, product_id=7, qty_ordered=1, qty_packed=0, substitutes=frozenset({8})),
        LineProgress(2, product_id=8, qty_ordered=1, qty_packed=0),
    ]
    assert verify_item(lines, 8, 1) == Accept(((2, 1),))
    done = [lines[0], LineProgress(2, product_id=8, qty_ordered=1, qty_packed=1)]
    assert verify_item(done, 8, 1) == Accept(((1, 1),))
