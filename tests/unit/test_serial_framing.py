"""Serial scanner framing: bytes in arbitrary chunks become scans or clear errors."""

from __future__ import annotations

import unicodedata
from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.serial_framing import (
    FramedScan,
    FramingConfig,
    FramingError,
    FramingResult,
    ScanFramer,
    Terminator,
)

MS = 1_000_000
T0 = 1_000 * MS
GS = "\x1d"
ENDINGS = {
    Terminator.CR: b"\r",
    Terminator.LF: b"\n",
    Terminator.CRLF: b"\r\n",
    Terminator.NONE: b"",
}
DATA_CONTROLS = {"\x1d", "\x1e", "\x04"}


def framer(terminator: Terminator = Terminator.CR, **kwargs: object) -> ScanFramer:
    return ScanFramer(FramingConfig(terminator, **kwargs))  # type: ignore[arg-type]


def texts(results: list[FramingResult]) -> list[str]:
    return [r.text for r in results if isinstance(r, FramedScan)]


def reasons(results: list[FramingResult]) -> list[str]:
    return [r.reason for r in results if isinstance(r, FramingError)]


def feed_bytewise(f: ScanFramer, data: bytes, now_ns: int = T0) -> list[FramingResult]:
    out: list[FramingResult] = []
    for i in range(len(data)):
        out += f.feed(data[i : i + 1], now_ns)
    return out


# --- terminators --------------------------------------------------------------------------


@pytest.mark.parametrize("terminator", [Terminator.CR, Terminator.LF, Terminator.CRLF])
def test_each_terminator_ends_a_scan(terminator: Terminator) -> None:
    """CR, LF and CRLF each end a scan at the configured suffix."""
    f = framer(terminator)
    assert f.feed(b"ABC123" + ENDINGS[terminator], T0) == [FramedScan("ABC123", None, T0)]
    assert f.next_deadline_ns() is None


def test_none_mode_ends_a_scan_after_idle_ms_of_silence() -> None:
    """Without a suffix, idle_ms of silence after the last byte ends the scan."""
    f = framer(Terminator.NONE, idle_ms=50.0)
    assert f.feed(b"ABC", T0) == []
    assert f.feed(b"123", T0 + 10 * MS) == []
    assert f.next_deadline_ns() == T0 + 60 * MS
    assert f.poll(T0 + 59 * MS) == []
    assert f.poll(T0 + 60 * MS) == [FramedScan("ABC123", None, T0)]
    assert f.next_deadline_ns() is None
    assert f.poll(T0 + 200 * MS) == []


def test_bytes_waiting_for_a_late_reader_continue_the_scan() -> None:
    """A read that comes late (the reader was busy) continues the scan: only a silence
    that poll() saw ends one, so a stalled reader never splits a scan."""
    f = framer(Terminator.NONE)
    f.feed(b"AB", T0)
    assert f.feed(b"CD", T0 + 100 * MS) == []
    assert f.poll(T0 + 160 * MS) == [FramedScan("ABCD", None, T0)]
    g = framer(Terminator.CR)
    g.feed(b"5901234", T0)
    assert g.feed(b"123457\r", T0 + 700 * MS) == [FramedScan("5901234123457", None, T0)]


def test_cr_mode_swallows_the_lf_of_a_crlf_scanner() -> None:
    """A scanner sending CRLF to a CR setup yields no empty scans and no leading newline."""
    f = framer(Terminator.CR)
    assert texts(f.feed(b"ABC\r\nDEF\r\n", T0)) == ["ABC", "DEF"]
    assert f.feed(b"GHI\r", T0) == [FramedScan("GHI", None, T0)]
    assert f.feed(b"\nJKL\r", T0 + MS) == [FramedScan("JKL", None, T0 + MS)]


def test_cr_mode_lf_not_after_cr_is_a_control_character() -> None:
    """Only the LF right after a CR is swallowed; one inside a scan is rejected."""
    assert reasons(framer(Terminator.CR).feed(b"AB\nC\r", T0)) == ["control_chars"]


def test_lf_mode_strips_a_cr_before_the_lf() -> None:
    """In LF mode CRLF and LF endings both give the same clean scan."""
    f = framer(Terminator.LF)
    assert texts(f.feed(b"ABC\r\nDEF\n", T0)) == ["ABC", "DEF"]
    assert reasons(f.feed(b"A\rB\n", T0)) == ["control_chars"]


@pytest.mark.parametrize("data", [b"AB\rC\r\n", b"AB\nC\r\n", b"ABC\r\r\n"])
def test_crlf_mode_lone_cr_or_lf_is_data_and_rejected(data: bytes) -> None:
    """In CRLF mode a lone CR or LF is not an ending: the scan is rejected as control chars."""
    assert reasons(framer(Terminator.CRLF).feed(data, T0)) == ["control_chars"]


def test_crlf_split_across_reads_still_ends_the_scan() -> None:
    """A CR at the end of one read and its LF at the start of the next form one ending."""
    f = framer(Terminator.CRLF)
    assert f.feed(b"ABC\r", T0) == []
    assert f.feed(b"\nDEF\r\n", T0 + MS) == [
        FramedScan("ABC", None, T0),
        FramedScan("DEF", None, T0 + MS),
    ]


@pytest.mark.parametrize("terminator", [Terminator.CR, Terminator.LF, Terminator.CRLF])
def test_bare_terminators_are_silently_ignored(terminator: Terminator) -> None:
    """Empty lines (power-up noise) produce neither scans nor errors."""
    f = framer(terminator)
    assert f.feed(ENDINGS[terminator] * 3, T0) == []
    assert f.feed(b"X" + ENDINGS[terminator], T0) == [FramedScan("X", None, T0)]


# --- chunking -----------------------------------------------------------------------------


@pytest.mark.parametrize("terminator", list(Terminator))
def test_byte_by_byte_and_all_at_once_give_identical_results(terminator: Terminator) -> None:
    """How the port chunks its reads never changes the outcome."""
    end = ENDINGS[terminator]
    stream = b"".join(
        [b"]C1ABC", end, b"\xff\xfe", end, b"A" * 40, end, "Ωμέγα".encode(), end, b"Z", end]
    )
    whole = framer(terminator, max_length=20).feed(stream, T0)
    bytewise = feed_bytewise(framer(terminator, max_length=20), stream)
    assert whole == bytewise
    if terminator is not Terminator.NONE:
        assert texts(whole) == ["ABC", "Ωμέγα", "Z"]
        assert reasons(whole) == ["not_utf8", "too_long"]


def test_several_scans_in_one_read_come_out_in_order() -> None:
    """Many scans in one read are all returned, in stream order, with the read's time."""
    results = framer().feed(b"ONE\rTWO\rTHREE\rFOU", T0)
    assert results == [FramedScan(t, None, T0) for t in ("ONE", "TWO", "THREE")]


def test_started_ns_is_the_time_of_the_read_with_the_first_byte() -> None:
    """A scan split over reads is timed from its first byte, not from its terminator."""
    f = framer()
    assert f.feed(b"AB", T0) == []
    assert f.feed(b"CD\rE", T0 + 5 * MS) == [FramedScan("ABCD", None, T0)]
    assert f.feed(b"F\r", T0 + 9 * MS) == [FramedScan("EF", None, T0 + 5 * MS)]


# --- content ------------------------------------------------------------------------------


def test_gs1_scan_keeps_gs_and_splits_off_the_aim_identifier() -> None:
    """GS separators stay in the text for the GS1 parser; "]C1" goes to symbology."""
    results = framer().feed(b"]C10105901234123457\x1d10ABC\r", T0)
    assert results == [FramedScan("0105901234123457\x1d10ABC", "]C1", T0)]


def test_rs_and_eot_of_iso15434_are_kept() -> None:
    """RS and EOT are barcode data (ISO 15434 envelopes), not control noise."""
    data = "[)>\x1e06\x1d1PABC\x1e\x04"
    assert texts(framer().feed(data.encode() + b"\r", T0)) == [data]


@pytest.mark.parametrize("aim", ["]C1", "]d2", "]Q3", "]e0", "]E0"])
def test_aim_identifiers_are_split_off(aim: str) -> None:
    """Common AIM identifiers are recognised and removed from the text."""
    assert framer().feed(f"{aim}12345\r".encode(), T0) == [FramedScan("12345", aim, T0)]


@pytest.mark.parametrize("text", ["]1AB", "]C-12", "]ΩA1", "]C", "]"])
def test_text_that_is_not_an_aim_identifier_is_kept_whole(text: str) -> None:
    """Only "]" + letter + letter-or-digit is an AIM identifier."""
    assert framer().feed(text.encode() + b"\r", T0) == [FramedScan(text, None, T0)]


def test_aim_splitting_can_be_turned_off() -> None:
    """With aim=False a leading "]C1" is ordinary data."""
    assert framer(aim=False).feed(b"]C1ABC\r", T0) == [FramedScan("]C1ABC", None, T0)]


def test_aim_identifier_without_data_is_an_empty_error() -> None:
    """A symbology identifier alone is reported as empty, not passed on as a scan."""
    [error] = framer().feed(b"]C1\r", T0)
    assert isinstance(error, FramingError)
    assert (error.reason, error.raw) == ("empty", b"]C1")


def test_greek_utf8_scan_decodes() -> None:
    """Multi-byte UTF-8 (Greek) decodes, even when split mid-character."""
    data = "ΑΒΓ-δεζ 123".encode() + b"\r"
    assert texts(framer().feed(data, T0)) == ["ΑΒΓ-δεζ 123"]
    assert texts(feed_bytewise(framer(), data)) == ["ΑΒΓ-δεζ 123"]


def test_invalid_utf8_is_rejected_and_the_next_scan_is_clean() -> None:
    """Bytes that are not UTF-8 are reported with their raw value, then framing goes on."""
    [error, scan] = framer().feed(b"\xff\xfe\rOK\r", T0)
    assert isinstance(error, FramingError)
    assert (error.reason, error.raw) == ("not_utf8", b"\xff\xfe")
    assert "UTF-8" in error.message
    assert scan == FramedScan("OK", None, T0)


@pytest.mark.parametrize(
    "data", [b"AB\x07C", b"A\tB", b"A\x00B", b"A\x7fB", "A\u0085B".encode(), b"\x1b[2J"]
)
def test_control_characters_are_rejected(data: bytes) -> None:
    """BEL, tab, NUL, DEL, C1 controls and escape sequences are not barcode data."""
    [error] = framer().feed(data + b"\r", T0)
    assert isinstance(error, FramingError)
    assert (error.reason, error.raw) == ("control_chars", data)
    assert "control characters" in error.message


# --- length -------------------------------------------------------------------------------


def test_exactly_max_length_bytes_is_accepted() -> None:
    """The limit is inclusive and excludes the terminator."""
    assert texts(framer(max_length=8).feed(b"12345678\r", T0)) == ["12345678"]
    assert texts(framer(Terminator.CRLF, max_length=8).feed(b"12345678\r\n", T0)) == ["12345678"]


@pytest.mark.parametrize("terminator", [Terminator.CR, Terminator.LF, Terminator.CRLF])
def test_one_byte_over_max_length_is_too_long(terminator: Terminator) -> None:
    """max_length + 1 bytes before the ending is rejected, with all its bytes kept for the log."""
    [error] = framer(terminator, max_length=8).feed(b"123456789" + ENDINGS[terminator], T0)
    assert isinstance(error, FramingError)
    assert (error.reason, error.raw) == ("too_long", b"123456789")
    assert "9 bytes" in error.message


@pytest.mark.parametrize("bytewise", [False, True])
def test_too_long_is_reported_once_and_the_next_scan_is_clean(bytewise: bool) -> None:
    """An overlong line gives one too_long error, with bounded raw, and is never glued on."""
    data = b"A" * 600 + b"\rOK\r"
    results = feed_bytewise(framer(), data) if bytewise else framer().feed(data, T0)
    [error, scan] = results
    assert isinstance(error, FramingError)
    assert error.reason == "too_long"
    assert error.raw == b"A" * (512 + 16)
    assert "600 bytes" in error.message
    assert scan == FramedScan("OK", None, T0)


def test_too_long_without_terminator_ends_on_silence() -> None:
    """An overlong run that never ends its line is still reported once the port goes quiet."""
    f = framer(max_length=4)
    assert f.feed(b"ABCDEFGH", T0) == []
    assert reasons(f.poll(T0 + 500 * MS)) == ["too_long"]
    assert f.feed(b"OK\r", T0 + 600 * MS) == [FramedScan("OK", None, T0 + 600 * MS)]


def test_too_long_in_none_mode_ends_on_idle() -> None:
    """Without a suffix an overlong burst is rejected at the idle gap."""
    f = framer(Terminator.NONE, max_length=4)
    f.feed(b"ABCDEFGH", T0)
    assert reasons(f.poll(T0 + 50 * MS)) == ["too_long"]


# --- partial lines ------------------------------------------------------------------------


def test_partial_line_is_discarded_as_incomplete_by_poll() -> None:
    """In terminated modes a line without its ending is dropped after 500 ms of silence."""
    f = framer(Terminator.CR, idle_ms=50.0)
    assert f.feed(b"ABC", T0) == []
    assert f.next_deadline_ns() == T0 + 500 * MS
    assert f.poll(T0 + 499 * MS) == []
    [error] = f.poll(T0 + 500 * MS)
    assert isinstance(error, FramingError)
    assert (error.reason, error.raw) == ("incomplete", b"ABC")
    assert "3 bytes without an end of line" in error.message
    assert f.feed(b"DEF\r", T0 + 600 * MS) == [FramedScan("DEF", None, T0 + 600 * MS)]


def test_incomplete_timeout_follows_a_longer_idle_ms() -> None:
    """The partial-line timeout is max(idle_ms, 500 ms)."""
    f = framer(Terminator.LF, idle_ms=800.0)
    f.feed(b"ABC", T0)
    assert f.next_deadline_ns() == T0 + 800 * MS


def test_reset_drops_a_partial_scan_as_incomplete() -> None:
    """Unplugging mid-scan reports the partial bytes; the framer then starts clean."""
    f = framer(Terminator.CRLF)
    f.feed(b"ABC\r", T0)
    assert f.reset() == [
        FramingError(
            "incomplete",
            b"ABC\r",
            "Scanner sent 4 bytes without an end of line; ignored. "
            "Check the scanner's suffix setting.",
        )
    ]
    assert f.next_deadline_ns() is None
    assert f.reset() == []
    assert reasons(f.feed(b"\nXY\r\n", T0)) == ["control_chars"]  # the old CR is gone


def test_reset_with_nothing_pending_reports_nothing() -> None:
    """Closing an idle port is not an error."""
    f = framer()
    f.feed(b"ABC\r", T0)
    assert f.reset() == []


# --- configuration ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "kwargs", [{"idle_ms": 0.0}, {"idle_ms": -1.0}, {"max_length": 0}, {"terminator": "tab"}]
)
def test_invalid_config_is_refused(kwargs: dict[str, object]) -> None:
    """Settings that cannot frame anything fail at start-up, not at the first scan."""
    with pytest.raises(ValueError):
        FramingConfig(**kwargs)  # type: ignore[arg-type]


def test_terminator_from_a_settings_string_works() -> None:
    """A plain "crlf" read from a settings file behaves like Terminator.CRLF."""
    f = ScanFramer(FramingConfig(terminator="crlf"))  # type: ignore[arg-type]
    assert texts(f.feed(b"ABC\r\n", T0)) == ["ABC"]


# --- properties ---------------------------------------------------------------------------

SAFE = st.text(
    alphabet=st.sampled_from(list("ABCXYZabcxyz0123456789-_./+ %[()" + GS + "ΑΩαωé€")),
    min_size=1,
    max_size=40,
)
AIM_IDS = st.sampled_from([None, "]C1", "]d2", "]Q3", "]e0", "]E0"])


@st.composite
def chunked(draw: st.DrawFn, data: bytes) -> list[bytes]:
    """data cut at arbitrary points (possibly mid-character or mid-terminator)."""
    cuts = sorted(draw(st.sets(st.integers(1, max(1, len(data) - 1)), max_size=len(data))))
    bounds = [0, *[c for c in cuts if c < len(data)], len(data)]
    return [data[a:b] for a, b in pairwise(bounds)]


@settings(max_examples=200, deadline=None)
@given(
    terminator=st.sampled_from(list(Terminator)),
    scans=st.lists(st.tuples(AIM_IDS, SAFE), max_size=8),
    data=st.data(),
)
def test_valid_scans_in_any_chunking_come_out_exactly(
    terminator: Terminator, scans: list[tuple[str | None, str]], data: st.DataObject
) -> None:
    """Any valid scans, encoded and cut anywhere, come out exactly and in order."""
    f = framer(terminator)
    out: list[FramingResult] = []
    now = T0
    for aim, text in scans:
        encoded = ((aim or "") + text).encode() + ENDINGS[terminator]
        for chunk in data.draw(chunked(encoded)):
            out += f.feed(chunk, now)
            now += data.draw(st.integers(0, 5)) * MS  # within a scan: far below any timeout
        now += 60 * MS  # between scans: past the NONE-mode idle gap,
        out += f.poll(now)  # which the reader observes with its empty reads
    out += f.poll(now + 10**12)
    assert [(r.symbology, r.text) for r in out if isinstance(r, FramedScan)] == scans
    assert len(out) == len(scans)


@settings(max_examples=300, deadline=None)
@given(
    terminator=st.sampled_from(list(Terminator)),
    aim=st.booleans(),
    max_length=st.integers(1, 24),
    reads=st.lists(
        st.tuples(st.binary(max_size=40), st.integers(0, 700), st.booleans()), max_size=20
    ),
)
def test_arbitrary_bytes_never_crash_and_scans_stay_clean(
    terminator: Terminator,
    aim: bool,
    max_length: int,
    reads: list[tuple[bytes, int, bool]],
) -> None:
    """Line noise never raises; every scan is bounded and free of stray control characters."""
    f = framer(terminator, max_length=max_length, aim=aim)
    out: list[FramingResult] = []
    now = T0
    for chunk, gap_ms, poll_first in reads:
        now += gap_ms * MS
        if poll_first:
            out += f.poll(now)
        out += f.feed(chunk, now)
    out += f.poll(now + 10**12)
    out += f.reset()
    assert f.next_deadline_ns() is None
    for r in out:
        if isinstance(r, FramedScan):
            assert 1 <= len(r.text) <= max_length
            assert T0 <= r.started_ns <= now
            assert all(unicodedata.category(c) != "Cc" or c in DATA_CONTROLS for c in r.text)
        else:
            assert len(r.raw) <= max_length + 16
            assert r.reason in {"too_long", "not_utf8", "control_chars", "incomplete", "empty"}


@settings(max_examples=200, deadline=None)
@given(terminator=st.sampled_from(list(Terminator)), stream=st.binary(max_size=120), data=st.data())
def test_chunking_of_arbitrary_bytes_never_changes_the_results(
    terminator: Terminator, stream: bytes, data: st.DataObject
) -> None:
    """At one instant, any split of the same bytes gives exactly the same results."""
    whole = framer(terminator, max_length=16).feed(stream, T0)
    f = framer(terminator, max_length=16)
    split: list[FramingResult] = []
    for chunk in data.draw(chunked(stream)):
        split += f.feed(chunk, T0)
    assert split == whole
