"""Scale lines: framing, A&D/CAS and MT-SICS parsing, units, and Tote's stability rule."""

from __future__ import annotations

from decimal import Decimal
from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.scale_framing import ScaleFramer
from app.scale_protocols import (
    Basis,
    Command,
    CommandReply,
    Reading,
    ScaleFrameError,
    ScaleProtocol,
    WeightUnit,
    encode,
    parse_line,
    parse_sics,
    parse_stream,
    stream_confirms,
    to_grams,
)
from app.scale_stability import Stability, StabilityConfig, StableWeightDetector
from devices.emulators.scale_model import ScaleModel

MS = 1_000_000
T0 = 1_000 * MS
REASONS = {
    "too_long", "incomplete", "not_ascii", "control_chars", "malformed", "unknown_header",
    "not_weight", "bad_number", "unknown_unit", "scale_error", "no_reply",
}  # fmt: skip


def lines(out: list[bytes | ScaleFrameError]) -> list[bytes]:
    return [x for x in out if isinstance(x, bytes)]


def reading(weight_g: int, stable: bool = True, basis: Basis | None = Basis.GROSS) -> Reading:
    return Reading(weight_g, Decimal(weight_g), WeightUnit.G, stable, basis)


# --- framing ------------------------------------------------------------------------------


def test_cr_lf_and_crlf_all_end_a_line_and_empty_lines_are_ignored() -> None:
    """Scales end frames with CRLF or a bare CR/LF; the blank lines between give nothing."""
    out = ScaleFramer().feed(b"A\r\nB\rC\n\r\n\r\nD\r\n", T0)
    assert out == [b"A", b"B", b"C", b"D"]


def test_an_endless_line_is_rejected_once_and_never_glued_onto_the_next_frame() -> None:
    """GIVEN 200 bytes without an ending WHEN a frame follows THEN one too_long, then the frame."""
    framer = ScaleFramer(max_length=64)
    assert framer.feed(b"7" * 200, T0) == []
    [error, frame] = framer.feed(b"\r\nS S 1 g\r\n", T0)
    assert isinstance(error, ScaleFrameError)
    assert (error.reason, len(error.raw)) == ("too_long", 64 + 16)
    assert "200 bytes" in error.message
    assert frame == b"S S 1 g"


def test_a_partial_line_is_dropped_after_silence_and_on_reset() -> None:
    """A half frame left by 500 ms of silence, or by an unplug, is reported as incomplete."""
    framer = ScaleFramer(idle_ms=500)
    framer.feed(b"ST,GS,+00", T0)
    assert framer.next_deadline_ns() == T0 + 500 * MS
    assert framer.poll(T0 + 499 * MS) == []
    [error] = framer.poll(T0 + 500 * MS)
    assert (error.reason, error.raw) == ("incomplete", b"ST,GS,+00")
    assert framer.feed(b"OK\r\n", T0 + 600 * MS) == [b"OK"]
    framer.feed(b"half", T0)
    assert [e.reason for e in framer.reset()] == ["incomplete"]
    assert framer.reset() == []


def test_invalid_framer_settings_are_refused() -> None:
    """A framer that could never emit a line fails at start-up."""
    with pytest.raises(ValueError):
        ScaleFramer(max_length=0)


@st.composite
def chunked(draw: st.DrawFn, data: bytes) -> list[bytes]:
    cuts = sorted(draw(st.sets(st.integers(0, len(data)))))
    return [data[a:b] for a, b in pairwise([0, *cuts, len(data)])]


@settings(max_examples=200, deadline=None)
@given(stream=st.binary(max_size=200), data=st.data())
def test_arbitrary_bytes_frame_the_same_in_any_chunking_and_stay_bounded(
    stream: bytes, data: st.DataObject
) -> None:
    """Line noise never raises; chunking never matters; lines are bounded and unterminated."""
    whole = ScaleFramer(max_length=16).feed(stream, T0)
    framer = ScaleFramer(max_length=16)
    split: list[bytes | ScaleFrameError] = []
    for chunk in data.draw(chunked(stream)):
        split += framer.feed(chunk, T0)
    assert split == whole
    for item in [*whole, *framer.reset()]:
        if isinstance(item, bytes):
            assert 1 <= len(item) <= 16 and b"\r" not in item and b"\n" not in item
        else:
            assert item.reason in {"too_long", "incomplete"} and item.message


# --- A&D / CAS streaming frames -----------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "grams", "stable", "basis"),
    [
        (b"ST,GS,+00012.34 kg", 12340, True, Basis.GROSS),
        (b"US,GS,+0001.234 kg", 1234, False, Basis.GROSS),
        (b"ST,NT,-0000.120 kg", -120, True, Basis.NET),
        (b"ST,TR,+0000.250 kg", 250, True, Basis.TARE),
        (b"ST,+00123.45  g", 123, True, None),  # A&D one-header: the display
        (b"ST,GS,+  1.234kg", 1234, True, Basis.GROSS),  # CAS pads after the sign
        (b"ST,OK,+0001.234 kg", 1234, True, None),  # A&D comparison result, no basis
        (b"ST,GS,+0002.000 lb", 907, True, Basis.GROSS),
        (b"ST,GS,+0016.00 oz", 454, True, Basis.GROSS),
        (b"ST,GS,+0001.000 KG", 1000, True, Basis.GROSS),
    ],
)
def test_stream_frames_read_in_grams(
    line: bytes, grams: int, stable: bool, basis: Basis | None
) -> None:
    """Stable/unstable, gross/net/tare, every unit, A&D and CAS spacing."""
    got = parse_stream(line)
    assert isinstance(got, Reading)
    assert (got.weight_g, got.stable, got.basis) == (grams, stable, basis)
    assert not (got.overload or got.underload)


def test_stream_keeps_the_value_and_unit_as_sent() -> None:
    """The raw value and unit survive beside the grams, for the log and the audit."""
    got = parse_stream(b"US,NT,-0002.500 lb")
    assert isinstance(got, Reading)
    assert (got.value, got.unit, got.weight_g) == (Decimal("-2.500"), WeightUnit.LB, -1134)


@pytest.mark.parametrize(
    ("line", "over"), [(b"OL,GS,+9999999E+19", True), (b"OL,-999999.9  g", False)]
)
def test_stream_out_of_range_is_overload_or_underload_without_a_weight(
    line: bytes, over: bool
) -> None:
    """OL frames carry filler digits: only the sign matters."""
    got = parse_stream(line)
    assert isinstance(got, Reading)
    assert (got.weight_g, got.overload, got.underload, got.stable) == (None, over, not over, False)


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        (b"\xff\xfe\x80", "not_ascii"),
        (b"ST,GS,+1.2\x07 kg", "control_chars"),
        (b"hello", "malformed"),
        (b"ST,GS,NT,+1 kg", "malformed"),
        (b"XX,GS,+0001.234 kg", "unknown_header"),
        (b"ST,ZZ,+0001.234 kg", "unknown_header"),
        (b"ST,GS,+1.2.3 kg", "bad_number"),
        (b"ST,GS,++1.2 kg", "bad_number"),
        (b"ST,GS, kg", "bad_number"),
        (b"ST,GS,kg12", "bad_number"),
        (b"ST,GS,+0001.234 tl", "unknown_unit"),
        (b"ST,GS,+0001.234", "unknown_unit"),
        (b"QT,+00012345 PC", "not_weight"),
        (b"ST,+00123.4  %", "not_weight"),
    ],
)
def test_bad_stream_lines_are_rejected_with_a_reason(line: bytes, reason: str) -> None:
    """Each kind of garbage gets its own reason and an operator-facing sentence."""
    got = parse_stream(line)
    assert isinstance(got, ScaleFrameError)
    assert (got.reason, got.raw) == (reason, line)
    assert got.message.startswith("Scale sent") and got.message.endswith(".")


# --- MT-SICS ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "grams", "stable"),
    [
        (b"S S      1.234 kg", 1234, True),
        (b"S D     -0.012 kg", -12, False),
        (b"S S     250 g", 250, True),
        (b"S S      2.205 lb", 1000, True),
    ],
)
def test_sics_weights_are_net_readings(line: bytes, grams: int, stable: bool) -> None:
    """S S is stable, S D dynamic; MT-SICS S/SI always answer the net weight."""
    got = parse_sics(line)
    assert isinstance(got, Reading)
    assert (got.weight_g, got.stable, got.basis) == (grams, stable, Basis.NET)


@pytest.mark.parametrize(("line", "over"), [(b"S +", True), (b"S -", False)])
def test_sics_overload_and_underload(line: bytes, over: bool) -> None:
    """S + / S - are readings without a weight."""
    assert parse_sics(line) == Reading(None, None, None, False, Basis.NET, over, not over)


@pytest.mark.parametrize(
    ("line", "command", "ok", "tare_g"),
    [
        (b"Z A", Command.ZERO, True, None),
        (b"Z I", Command.ZERO, False, None),
        (b"Z +", Command.ZERO, False, None),
        (b"Z -", Command.ZERO, False, None),
        (b"T S      0.250 kg", Command.TARE, True, 250),
        (b"T I", Command.TARE, False, None),
        (b"T +", Command.TARE, False, None),
        (b"TAC A", Command.CLEAR_TARE, True, None),
        (b"TAC I", Command.CLEAR_TARE, False, None),
        (b"S I", Command.WEIGH, False, None),
    ],
)
def test_sics_command_answers(line: bytes, command: Command, ok: bool, tare_g: int | None) -> None:
    """Every answer names its command, success, the stored tare, and says why in words."""
    got = parse_sics(line)
    assert isinstance(got, CommandReply)
    assert (got.command, got.ok, got.tare_g, got.raw) == (command, ok, tare_g, line)
    assert got.message


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        (b"ES", "scale_error"),
        (b"ET", "scale_error"),
        (b"EL", "scale_error"),
        (b'I4 A "B123"', "unknown_header"),
        (b"", "unknown_header"),
        (b"S S 1.2", "malformed"),
        (b"Z Q", "malformed"),
        (b"S S abc kg", "bad_number"),
        (b"T S 1.000 stone", "unknown_unit"),
        (b"S S \xb51.2 g", "not_ascii"),
    ],
)
def test_bad_sics_lines_are_rejected_with_a_reason(line: bytes, reason: str) -> None:
    """Scale-side errors (ES/ET/EL) and garbage are told apart."""
    got = parse_sics(line)
    assert isinstance(got, ScaleFrameError)
    assert got.reason == reason and got.message


def test_commands_encode_per_protocol() -> None:
    """A&D: Q Z T CT; MT-SICS: SI Z T TAC; every command ends with CR LF."""
    stream = [encode(ScaleProtocol.STREAM, c) for c in Command]
    sics = [encode(ScaleProtocol.SICS, c) for c in Command]
    assert stream == [b"Q\r\n", b"Z\r\n", b"T\r\n", b"CT\r\n"]
    assert sics == [b"SI\r\n", b"Z\r\n", b"T\r\n", b"TAC\r\n"]


# --- units --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "unit", "grams"),
    [
        ("1", WeightUnit.LB, 454),  # 453.59237
        ("1000", WeightUnit.LB, 453592),  # 453592.37
        ("16", WeightUnit.OZ, 454),
        ("1", WeightUnit.OZ, 28),  # 28.349523125
        ("0.5", WeightUnit.G, 1),
        ("-0.5", WeightUnit.G, -1),  # half away from zero, symmetric
        ("1.2345", WeightUnit.KG, 1235),
        ("0.0004", WeightUnit.KG, 0),
    ],
)
def test_unit_conversions_are_exact_then_rounded_half_away_from_zero(
    value: str, unit: WeightUnit, grams: int
) -> None:
    """lb and oz use the exact international definitions, with no float on the way."""
    assert to_grams(Decimal(value), unit) == grams


@given(st.integers(-(10**6), 10**6))
def test_ounces_are_exactly_a_sixteenth_of_a_pound(milli: int) -> None:
    """16 oz and 1 lb give the same grams for any amount."""
    pounds = Decimal(milli) / 1000
    assert to_grams(pounds * 16, WeightUnit.OZ) == to_grams(pounds, WeightUnit.LB)


# --- round trips and fuzzing --------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(
    grams=st.integers(-600, 30_000),
    unit=st.sampled_from(list(WeightUnit)),
    headers=st.sampled_from([1, 2]),
)
def test_frames_from_the_emulated_scale_read_back_exactly(
    grams: int, unit: WeightUnit, headers: int
) -> None:
    """Any weight shown at the usual resolution of any unit parses back to the same grams."""
    model = ScaleModel(unit, settle_readings=0)
    model.set_weight(grams)
    stream = parse_stream(model.stream_frame(headers).rstrip(b"\r\n"))
    sics = parse_sics(model.sics_answer(b"SI").rstrip(b"\r\n"))
    for got in (stream, sics):
        assert isinstance(got, Reading)
        assert (got.weight_g, got.unit, got.stable) == (grams, unit, True)


@settings(max_examples=300, deadline=None)
@given(protocol=st.sampled_from(list(ScaleProtocol)), noise=st.binary(max_size=300))
def test_arbitrary_bytes_never_crash_and_every_rejection_says_why(
    protocol: ScaleProtocol, noise: bytes
) -> None:
    """Framer + parser on line noise: readings are complete, rejections carry a reason."""
    framer = ScaleFramer()
    for item in [*framer.feed(noise, T0), *framer.reset()]:
        got = parse_line(protocol, item) if isinstance(item, bytes) else item
        if isinstance(got, ScaleFrameError):
            assert got.reason in REASONS and got.message.strip()
        elif isinstance(got, Reading) and got.weight_g is not None:
            assert got.unit is not None and got.value is not None
        elif isinstance(got, CommandReply):
            assert got.message


NEAR_FRAMES = st.text(alphabet="STUDOLQGNRCAIEK,+-. 0123456789kglbozP%\x06", max_size=24)


@settings(max_examples=500, deadline=None)
@given(protocol=st.sampled_from(list(ScaleProtocol)), text=NEAR_FRAMES)
def test_near_miss_frames_never_crash_and_readings_are_consistent(
    protocol: ScaleProtocol, text: str
) -> None:
    """Strings made of frame characters reach deep into the parsers: never an exception,
    and every weight equals its value converted from its unit."""
    got = parse_line(protocol, text.encode())
    if isinstance(got, ScaleFrameError):
        assert got.reason in REASONS and got.message.strip()
    elif isinstance(got, Reading) and got.weight_g is not None:
        assert got.value is not None and got.unit is not None
        assert got.weight_g == to_grams(got.value, got.unit)


# --- stability ----------------------------------------------------------------------------

FAST = StabilityConfig(min_readings=3, window_ms=300, tolerance_g=2)


def feed(detector: StableWeightDetector, weights: list[int], step_ms: int = 150) -> list[str]:
    return [detector.update(reading(w), T0 + i * step_ms * MS).value for i, w in enumerate(weights)]


def test_stable_needs_enough_readings_and_enough_time() -> None:
    """3 agreeing readings over 300 ms: quick readings alone are not enough, nor is time."""
    assert feed(StableWeightDetector(FAST), [500] * 4, step_ms=100) == [
        "settling", "settling", "settling", "stable",
    ]  # fmt: skip
    slow = StabilityConfig(min_readings=3, window_ms=100)
    assert feed(StableWeightDetector(slow), [500] * 3, step_ms=1000)[-2:] == ["settling", "stable"]


def test_the_scales_motion_flag_resets_the_window() -> None:
    """GIVEN agreeing readings WHEN the scale flags motion THEN it starts over."""
    detector = StableWeightDetector(FAST)
    feed(detector, [500, 500, 500])
    assert detector.weight_g == 500
    assert detector.update(reading(500, stable=False), T0) is Stability.MOVING
    assert detector.weight_g is None
    assert detector.update(reading(500), T0 + 10 * MS) is Stability.SETTLING


def test_readings_within_tolerance_agree_and_beyond_it_are_motion() -> None:
    """A 2 g jitter is stable (the last weight is used); a 3 g jump restarts the window."""
    detector = StableWeightDetector(FAST)
    assert feed(detector, [500, 502, 501]) == ["settling", "settling", "stable"]
    assert detector.weight_g == 501
    assert detector.update(reading(504), T0 + 900 * MS) is Stability.MOVING
    assert detector.update(reading(504), T0 + 1000 * MS) is Stability.SETTLING


def test_a_tare_restarts_the_window() -> None:
    """Gross then net readings never count as one run."""
    detector = StableWeightDetector(FAST)
    feed(detector, [0, 0, 0])
    assert detector.update(reading(0, basis=Basis.NET), T0 + 500 * MS) is Stability.MOVING


@pytest.mark.parametrize(
    "bad",
    [
        Reading(None, None, None, False, Basis.GROSS, overload=True),
        Reading(None, None, None, False, Basis.GROSS, underload=True),
        reading(-5),
        reading(250, basis=Basis.TARE),
    ],
)
def test_overload_underload_negative_and_tare_display_are_unusable(bad: Reading) -> None:
    """They are never a parcel's weight, and they reset the window."""
    detector = StableWeightDetector(FAST)
    feed(detector, [500, 500, 500])
    assert detector.update(bad, T0 + 500 * MS) is Stability.UNUSABLE
    assert detector.weight_g is None
    assert detector.update(reading(500), T0 + 600 * MS) is Stability.SETTLING


def test_a_stream_scale_confirms_commands_only_by_what_it_shows() -> None:
    """A streaming scale confirms a zero or tare only by showing a stable ~0 (net for tare)."""
    assert stream_confirms(Command.ZERO, reading(1), tolerance_g=2)
    assert not stream_confirms(Command.ZERO, reading(1, stable=False), tolerance_g=2)
    assert not stream_confirms(Command.TARE, reading(0, basis=Basis.GROSS), tolerance_g=2)
    assert stream_confirms(Command.TARE, reading(0, basis=Basis.NET), tolerance_g=2)
    assert stream_confirms(Command.CLEAR_TARE, reading(900, basis=Basis.GROSS), tolerance_g=2)
    assert not stream_confirms(Command.CLEAR_TARE, reading(900, basis=Basis.NET), tolerance_g=2)


@settings(max_examples=300, deadline=None)
@given(
    steps=st.lists(
        st.tuples(st.integers(-3, 503), st.booleans(), st.integers(0, 200)), max_size=30
    ),
    min_readings=st.integers(1, 5),
    window_ms=st.integers(0, 400),
    tolerance_g=st.integers(0, 4),
)
def test_stable_always_means_a_long_enough_run_of_agreeing_stable_readings(
    steps: list[tuple[int, bool, int]], min_readings: int, window_ms: int, tolerance_g: int
) -> None:
    """Whenever it says STABLE, some run of scale-stable readings ending now holds at least
    min_readings readings within tolerance_g over at least window_ms, and the weight is >= 0."""
    detector = StableWeightDetector(StabilityConfig(min_readings, window_ms, tolerance_g))
    seen: list[tuple[int, bool, int]] = []
    now = T0
    for weight, stable, gap_ms in steps:
        now += gap_ms * MS
        seen.append((weight, stable, now))
        verdict = detector.update(reading(weight, stable), now)
        assert (verdict is Stability.UNUSABLE) == (weight < 0)
        if verdict is not Stability.STABLE:
            assert detector.weight_g is None
            continue
        assert detector.weight_g == weight >= 0
        assert any(
            all(s for _, s, _ in run)
            and max(w for w, _, _ in run) - min(w for w, _, _ in run) <= tolerance_g
            and len(run) >= min_readings
            and (now - run[0][2]) >= window_ms * MS
            for run in (seen[j:] for j in range(len(seen)))
        )
