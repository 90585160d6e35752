"""The text rules every renderer shares (ZPL, Qt previews): wrapping and address lines."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from devices.render.text import address_lines, clean, longest_prefix, wrap_words


def fits_in(n: int):  # type: ignore[no-untyped-def]
    return lambda s: len(s) <= n


def test_words_wrap_whole_and_a_word_too_long_is_cut() -> None:
    assert wrap_words("Happy name day Maria", fits_in(10)) == ["Happy name", "day Maria"]
    assert wrap_words("Supercalifragilistic", fits_in(8)) == ["Supercal", "ifragili", "stic"]
    assert wrap_words("one\ntwo", fits_in(20)) == ["one", "two"]


@given(st.text(max_size=80), st.integers(1, 30))
def test_every_wrapped_line_fits_and_no_letter_is_lost(text: str, width: int) -> None:
    lines = wrap_words(text, fits_in(width))
    assert all(len(line) <= width for line in lines)
    kept = "".join("".join(clean(p).split()) for p in text.splitlines())
    assert "".join(lines).replace(" ", "") == kept


def test_longest_prefix_bisects_to_the_last_fitting_length() -> None:
    assert longest_prefix("abcdef", fits_in(4)) == 4
    assert longest_prefix("abcdef", fits_in(0)) == 0


def test_long_addresses_join_their_first_lines_and_keep_the_last_apart() -> None:
    lines = ["Οδός Ερμού 25", "Διαμέρισμα 3", "", "54624 Θεσσαλονίκη", "GR"]
    assert address_lines(lines, 4) == lines[:2] + lines[3:]
    assert address_lines(lines, 3) == ["Οδός Ερμού 25, Διαμέρισμα 3", "54624 Θεσσαλονίκη", "GR"]
