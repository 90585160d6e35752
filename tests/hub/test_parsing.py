"""Text stations send (cursors, the protocol header) is untrusted: parsing never crashes and
never guesses."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sync.hub.auth import version_refusal
from sync.hub.feed import CursorError, decode_cursor, encode_cursor

FEED_IDS = st.text(alphabet="0123456789abcdef", min_size=16, max_size=16)
SEQS = st.integers(min_value=0, max_value=10**18 - 1)


@given(st.text(max_size=60))
def test_any_text_is_a_cursor_it_wrote_or_a_cursor_error(text: str) -> None:
    try:
        feed_id, seq = decode_cursor(text)
    except CursorError as exc:
        assert "from the start" in str(exc)
    else:
        assert encode_cursor(feed_id, seq) == text  # only the canonical form is accepted


@given(FEED_IDS, SEQS)
def test_every_cursor_handed_out_reads_back(feed_id: str, seq: int) -> None:
    assert decode_cursor(encode_cursor(feed_id, seq)) == (feed_id, seq)


@given(FEED_IDS, SEQS, st.sampled_from([" ", "\n", "+", "-", "0", "x", ".1"]))
def test_a_cursor_with_anything_added_is_refused(feed_id: str, seq: int, extra: str) -> None:
    cursor = encode_cursor(feed_id, seq)
    for damaged in (extra + cursor, cursor + extra):
        if damaged.endswith(extra) and extra.isdigit() and seq != 0:
            continue  # appending a digit to a nonzero seq is another valid cursor
        with pytest.raises(CursorError):
            decode_cursor(damaged)


@given(st.one_of(st.none(), st.text(max_size=20), st.integers(-5, 5).map(str)))
def test_any_protocol_header_is_served_or_refused_with_426(header: str | None) -> None:
    refusal = version_refusal(header)
    served = header is not None and header.strip().isascii() and header.strip() in ("1", "01")
    if refusal is None:
        assert header is not None and int(header.strip()) == 1
    else:
        assert not served
        assert refusal.status == 426
        assert refusal.code in ("upgrade_required", "hub_too_old")
