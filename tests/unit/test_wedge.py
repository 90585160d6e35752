"""Keyboard-wedge scan detection: scanner bursts versus human typing, by timing alone."""

from __future__ import annotations

import ast
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app import wedge
from app.wedge import (
    Hold,
    Key,
    Pass,
    Reject,
    Release,
    Scan,
    WedgeAction,
    WedgeConfig,
    WedgeDetector,
)

MS = 1_000_000
FAR_FUTURE = 10**18
SHIFT = frozenset({"shift"})
CTRL = frozenset({"ctrl"})


def burst(text: str, start_ns: int = 0, gap_ms: float = 5) -> list[Key]:
    """One key per character, gap_ms apart."""
    return [Key(c, start_ns + round(i * gap_ms * MS)) for i, c in enumerate(text)]


def enter(at_ns: int) -> Key:
    return Key("\r", at_ns, is_enter=True)


def feed_all(detector: WedgeDetector, keys: Iterable[Key]) -> list[WedgeAction]:
    actions: list[WedgeAction] = []
    for key in keys:
        actions += detector.feed(key)
    return actions


def scans(actions: Iterable[WedgeAction]) -> list[str]:
    return [a.text for a in actions if isinstance(a, Scan)]


def released(actions: Iterable[WedgeAction]) -> list[Key]:
    return [k for a in actions if isinstance(a, Release) for k in a.keys]


# --- configuration ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "kwargs",
    [
        {"suffix": "\r\n"},
        {"max_gap_ms": 0},
        {"min_length": 0},
        {"min_length": 10, "max_length": 5},
    ],
)
def test_config_refuses_settings_that_cannot_work(kwargs: dict[str, object]) -> None:
    """A multi-key suffix, zero gap, zero min length or max < min would misdetect silently."""
    with pytest.raises(ValueError):
        WedgeConfig(**kwargs)  # type: ignore[arg-type]


def test_module_imports_nothing_but_the_standard_library() -> None:
    """The detector stays pure so it can be tested without Qt and reused by any front end."""
    tree = ast.parse(Path(wedge.__file__).read_text(encoding="utf-8"))
    roots = {
        (alias.name if isinstance(node, ast.Import) else node.module or "").split(".")[0]
        for node in ast.walk(tree)
        if isinstance(node, ast.Import | ast.ImportFrom)
        for alias in node.names
    }
    assert roots <= {"__future__", "dataclasses"}


# --- the basic cases ---------------------------------------------------------------------


def test_ean13_at_5ms_gaps_then_enter_is_a_scan() -> None:
    """A 13-digit EAN typed by the scanner at 5 ms gaps plus Enter is one scan, nothing typed."""
    det = WedgeDetector()
    keys = burst("4006381333931", start_ns=1_000 * MS)
    actions = feed_all(det, keys)
    assert actions == [Hold()] * 13
    assert det.feed(enter(keys[-1].at_ns + 5 * MS)) == [Scan("4006381333931", 1_000 * MS)]
    assert not det.holding


def test_human_typing_at_80ms_gaps_is_never_a_scan() -> None:
    """Each key of slow typing is released on its own, and the final Enter passes through."""
    det = WedgeDetector()
    keys = burst("4006381333931", gap_ms=80)
    actions = feed_all(det, [*keys, enter(keys[-1].at_ns + 80 * MS)])
    assert scans(actions) == []
    assert released(actions) == keys
    assert actions[-1] == Pass()


def test_two_fast_digits_then_enter_are_released_as_typing() -> None:
    """Below min_length a fast burst is manual entry: release it, then let Enter submit it."""
    det = WedgeDetector()
    keys = burst("12")
    assert feed_all(det, keys) == [Hold(), Hold()]
    assert det.feed(enter(10 * MS)) == [Release(tuple(keys)), Pass()]


def test_burst_of_exactly_min_length_is_a_scan() -> None:
    """min_length is inclusive."""
    det = WedgeDetector()
    feed_all(det, burst("1234"))
    assert det.feed(enter(20 * MS)) == [Scan("1234", 0)]


def test_enter_after_a_gap_releases_the_burst_and_passes() -> None:
    """A late Enter means a human pressed it: the fast digits before it were typing."""
    det = WedgeDetector()
    keys = burst("4006381333931")
    feed_all(det, keys)
    assert det.feed(enter(keys[-1].at_ns + 36 * MS)) == [Release(tuple(keys)), Pass()]


def test_gap_of_exactly_max_gap_stays_inside_the_burst() -> None:
    """max_gap_ms is the largest gap still counted as scanner speed."""
    det = WedgeDetector()
    feed_all(det, burst("12345", gap_ms=35))
    assert det.feed(enter(5 * 35 * MS)) == [Scan("12345", 0)]


def test_key_after_a_gap_releases_the_old_burst_before_holding_itself() -> None:
    """The old burst is resolved first so typed characters keep their order."""
    det = WedgeDetector()
    first = burst("ab")
    feed_all(det, first)
    late = Key("c", 100 * MS)
    assert det.feed(late) == [Release(tuple(first)), Hold()]
    assert det.holding


def test_scan_right_after_typing_is_still_recognised() -> None:
    """Typing, a pause, then a scan: the typed key is released and the scan found whole."""
    det = WedgeDetector()
    actions = feed_all(det, [Key("x", 0), *burst("98765", start_ns=200 * MS)])
    actions += det.feed(enter(230 * MS))
    assert released(actions) == [Key("x", 0)]
    assert scans(actions) == ["98765"]


# --- keys without text, modifiers, control characters -------------------------------------


def test_keys_without_text_pass_when_nothing_is_held() -> None:
    """Arrows and lone modifiers are not scan material when no burst is under way."""
    det = WedgeDetector()
    assert det.feed(Key("", 0, modifiers=SHIFT)) == [Pass()]
    assert det.feed(Key("", 1 * MS)) == [Pass()]
    assert not det.holding


def test_shift_inside_a_burst_is_held_but_not_part_of_the_scan() -> None:
    """Scanners press Shift for capitals; the press must neither leak nor enter the text."""
    det = WedgeDetector()
    keys = [
        Key("a", 0),
        Key("", 2 * MS, modifiers=SHIFT),
        Key("B", 4 * MS, modifiers=SHIFT),
        *burst("cd", 6 * MS),
    ]
    assert feed_all(det, keys) == [Hold()] * 5
    assert det.feed(enter(20 * MS)) == [Scan("aBcd", 0)]


def test_release_redelivers_held_keys_without_text_in_order() -> None:
    """Held arrows and modifiers go back out with the typing, so edits land where meant."""
    det = WedgeDetector()
    keys = [Key("a", 0), Key("", 5 * MS), Key("b", 10 * MS)]
    feed_all(det, keys)
    assert det.poll(FAR_FUTURE) == [Release(tuple(keys))]


def test_ctrl_shortcut_passes_when_nothing_is_held() -> None:
    """Normal shortcuts keep working while no scan is being received."""
    det = WedgeDetector()
    assert det.feed(Key("\x03", 0, modifiers=CTRL)) == [Pass()]
    assert det.feed(Key("c", 1 * MS, modifiers=frozenset({"alt"}))) == [Pass()]


def test_ctrl_key_inside_a_burst_rejects_it_and_is_swallowed() -> None:
    """A control combo inside a burst is scanner data, never a command, and invalid here."""
    det = WedgeDetector()
    feed_all(det, burst("ABC"))
    assert det.feed(Key("\x13", 12 * MS, modifiers=CTRL)) == [Reject("control_key_in_scan", "ABC")]


def test_rest_of_a_rejected_burst_is_swallowed_not_scanned() -> None:
    """The keys after a bad control combo are not mistaken for a fresh, shorter scan."""
    det = WedgeDetector()
    feed_all(det, burst("ABC"))
    det.feed(Key("\x18", 12 * MS, modifiers=CTRL))
    tail = burst("DEF12345", start_ns=14 * MS)
    assert feed_all(det, tail) == [Hold()] * 8
    assert det.feed(enter(60 * MS)) == [Reject("rejected_tail", "DEF12345")]
    assert not det.holding
    assert det.feed(Key("z", 200 * MS)) == [Hold()]


def test_lone_ctrl_press_inside_a_burst_is_not_a_command() -> None:
    """Scanners send GS as Ctrl+]: the Ctrl press itself (no text) must not reject the scan."""
    det = WedgeDetector()
    keys = [
        *burst("01", 0),
        Key("", 10 * MS, modifiers=CTRL, is_modifier=True),
        Key("\x1d", 12 * MS, modifiers=CTRL),
        *burst("10ABC", 14 * MS),
    ]
    assert all(a == Hold() for a in feed_all(det, keys))
    assert det.feed(enter(50 * MS)) == [Scan("01\x1d10ABC", 0)]


def test_alt_f4_inside_a_burst_rejects_the_scan_instead_of_vanishing() -> None:
    """A textless Alt/Ctrl combo (Alt+F4) inside a burst is neither a command nor dropped:
    the scan is rejected, so "ABCD"+Alt+F4+"EFGH" never becomes the code "ABCDEFGH"."""
    det = WedgeDetector()
    keys = [
        *burst("ABCD", 0),
        Key("", 22 * MS, modifiers=frozenset({"alt"}), is_modifier=True),  # Alt pressed
        Key("", 24 * MS, modifiers=frozenset({"alt"})),  # F4 with Alt held
        *burst("EFGH", 26 * MS),
    ]
    actions = feed_all(det, keys) + det.feed(enter(60 * MS))
    assert not any(isinstance(a, Scan) for a in actions)
    reasons = [a.reason for a in actions if isinstance(a, Reject)]
    assert reasons == ["control_key_in_scan", "rejected_tail"]  # the rest swallowed, logged


@pytest.mark.parametrize("prefix", ["\x02", "\x1d", "]C"])
def test_a_configured_prefix_is_recognised_from_the_first_key(prefix: str) -> None:
    """STX, or GS sent as Ctrl+], as the scanner's prefix: the scan is seen and stripped."""
    det = WedgeDetector(WedgeConfig(prefix=prefix))
    ctrl = CTRL if prefix == "\x1d" else frozenset()
    keys = [Key(c, i * MS, modifiers=ctrl) for i, c in enumerate(prefix)]
    keys += burst("2000000000015", len(prefix) * MS)
    feed_all(det, keys)
    assert det.feed(enter(40 * MS)) == [Scan("2000000000015", 0)]


def test_a_prefix_with_enter_or_the_suffix_is_refused() -> None:
    with pytest.raises(ValueError, match="prefix"):
        WedgeConfig(prefix="\r")
    with pytest.raises(ValueError, match="prefix"):
        WedgeConfig(prefix="#\t", suffix="\t")


def test_gs_separator_is_preserved_in_the_scan_text() -> None:
    """GS1 element strings need their GS separators to be parsed."""
    det = WedgeDetector()
    text = "0109501101530003\x1d10ABC123\x1d17251231"
    feed_all(det, burst(text, gap_ms=2))
    assert det.feed(enter(len(text) * 2 * MS)) == [Scan(text, 0)]


def test_altgr_character_is_data_not_a_command() -> None:
    """Windows reports AltGr as Ctrl+Alt; "@" from a German-layout scanner is a character."""
    det = WedgeDetector()
    altgr = frozenset({"ctrl", "alt"})
    keys = [Key("@", 0, modifiers=altgr), *burst("abcd", 5 * MS)]
    assert feed_all(det, keys) == [Hold()] * 5
    assert det.feed(enter(40 * MS)) == [Scan("@abcd", 0)]


def test_backspace_inside_a_burst_releases_held_keys_then_passes() -> None:
    """A scanner never sends Backspace, so whoever did is typing: keep their edit in order."""
    det = WedgeDetector()
    keys = burst("abc")
    feed_all(det, keys)
    assert det.feed(Key("\x08", 12 * MS)) == [Release(tuple(keys)), Pass()]


def test_tab_inside_a_burst_is_data_when_enter_is_the_suffix() -> None:
    """Some scanners separate fields with Tab; it stays in the scan."""
    det = WedgeDetector()
    feed_all(det, burst("ab\tcd"))
    assert det.feed(enter(30 * MS)) == [Scan("ab\tcd", 0)]


# --- suffix and prefix variants ---------------------------------------------------------


def test_tab_suffix_ends_a_scan() -> None:
    """Scanners programmed with a Tab terminator work the same way."""
    det = WedgeDetector(WedgeConfig(suffix="\t"))
    feed_all(det, burst("ABCD1234"))
    assert det.feed(Key("\t", 40 * MS)) == [Scan("ABCD1234", 0)]


def test_enter_after_a_burst_with_tab_suffix_releases_it() -> None:
    """With a Tab terminator, Enter is not the suffix and means the burst was typing."""
    det = WedgeDetector(WedgeConfig(suffix="\t"))
    keys = burst("ABCD1234")
    feed_all(det, keys)
    assert det.feed(enter(40 * MS)) == [Release(tuple(keys)), Pass()]


@pytest.mark.parametrize("suffix", ["\r", "\n"])
def test_enter_key_ends_a_scan_whatever_text_it_carries(suffix: str) -> None:
    """Platforms disagree on the text of Return/Enter; the key itself is what counts."""
    det = WedgeDetector(WedgeConfig(suffix=suffix))
    feed_all(det, burst("12345"))
    other = "\n" if suffix == "\r" else "\r"
    assert det.feed(Key(other, 25 * MS, is_enter=True)) == [Scan("12345", 0)]


def test_prefix_is_stripped_from_the_scan() -> None:
    """A programmed prefix marks scanner input and is not part of the barcode."""
    det = WedgeDetector(WedgeConfig(prefix="]C1"))
    feed_all(det, burst("]C11234"))
    assert det.feed(enter(35 * MS)) == [Scan("1234", 0)]


def test_fast_burst_without_the_configured_prefix_is_typing() -> None:
    """Once a prefix is configured, a burst lacking it cannot be the scanner."""
    det = WedgeDetector(WedgeConfig(prefix="~"))
    keys = burst("123456")
    feed_all(det, keys)
    assert det.feed(enter(30 * MS)) == [Release(tuple(keys)), Pass()]


def test_min_length_is_counted_after_the_prefix() -> None:
    """The prefix alone must not make a short burst long enough."""
    det = WedgeDetector(WedgeConfig(prefix="~~", min_length=4))
    keys = burst("~~123")
    feed_all(det, keys)
    assert det.feed(enter(25 * MS)) == [Release(tuple(keys)), Pass()]


# --- suffix-less mode ----------------------------------------------------------------------


def test_suffixless_burst_becomes_a_scan_when_polled_after_the_gap() -> None:
    """Without a terminator the silence after the burst ends the scan."""
    det = WedgeDetector(WedgeConfig(suffix=""))
    feed_all(det, burst("ABCD1234"))
    assert det.poll(35 * MS + 35 * MS) == []
    assert det.poll(35 * MS + 35 * MS + 1) == [Scan("ABCD1234", 0)]
    assert not det.holding


def test_suffixless_short_burst_is_released_when_polled() -> None:
    """A short fast burst without terminator is still typing."""
    det = WedgeDetector(WedgeConfig(suffix=""))
    keys = burst("ab")
    feed_all(det, keys)
    assert det.poll(FAR_FUTURE) == [Release(tuple(keys))]


def test_suffixless_scan_is_emitted_when_the_next_key_comes_after_a_gap() -> None:
    """If the timer is late, the next key still closes the scan before it is considered."""
    det = WedgeDetector(WedgeConfig(suffix=""))
    feed_all(det, burst("ABCD1234"))
    assert det.feed(Key("x", 500 * MS)) == [Scan("ABCD1234", 0), Hold()]


def test_suffixless_enter_ends_the_burst_and_passes() -> None:
    """With no terminator configured, Enter belongs to the operator, not the scanner."""
    det = WedgeDetector(WedgeConfig(suffix=""))
    feed_all(det, burst("ABCD1234"))
    assert det.feed(enter(40 * MS)) == [Scan("ABCD1234", 0), Pass()]


# --- overlong bursts -----------------------------------------------------------------------


def test_too_long_burst_is_rejected_and_its_tail_swallowed_until_the_suffix() -> None:
    """An overlong burst is not glued to the next one, and none of it leaks into a field."""
    det = WedgeDetector(WedgeConfig(max_length=8))
    actions = feed_all(det, burst("123456789"))
    assert actions == [Hold()] * 8 + [Reject("too_long", "123456789")]
    assert feed_all(det, burst("ABC", start_ns=50 * MS)) == [Hold()] * 3
    assert det.feed(enter(65 * MS)) == [Reject("rejected_tail", "ABC")]
    assert not det.holding


def test_rejected_burst_with_nothing_after_it_swallows_its_suffix_quietly() -> None:
    """The terminator of a rejected burst must not reach the focused widget as Enter."""
    det = WedgeDetector(WedgeConfig(max_length=4))
    feed_all(det, burst("12345"))
    assert det.feed(enter(25 * MS)) == [Hold()]
    assert not det.holding


def test_rejected_burst_ends_at_a_gap_and_typing_resumes() -> None:
    """After the silence, keys are judged afresh."""
    det = WedgeDetector(WedgeConfig(max_length=4))
    feed_all(det, burst("123456"))
    assert det.next_deadline_ns() == 25 * MS + 35 * MS + 1
    assert det.poll(FAR_FUTURE) == [Reject("rejected_tail", "6")]
    assert det.feed(Key("\x03", FAR_FUTURE + 1, modifiers=CTRL)) == [Pass()]


def test_endless_burst_reports_its_tail_in_bounded_chunks() -> None:
    """A stuck scanner cannot grow memory; every character is still accounted for."""
    det = WedgeDetector(WedgeConfig(max_length=4))
    actions = feed_all(det, burst("0123456789ABCDEFGHIJ", gap_ms=1))
    actions += det.poll(FAR_FUTURE)
    rejects = [a for a in actions if isinstance(a, Reject)]
    assert rejects[0] == Reject("too_long", "01234")
    assert all(len(r.text) <= 5 for r in rejects)
    assert "".join(r.text for r in rejects) == "0123456789ABCDEFGHIJ"


def test_max_length_is_counted_after_the_prefix() -> None:
    """A barcode of exactly max_length still scans when a prefix precedes it."""
    det = WedgeDetector(WedgeConfig(prefix="~", max_length=6))
    feed_all(det, burst("~123456"))
    assert det.feed(enter(40 * MS)) == [Scan("123456", 0)]


# --- timer contract ------------------------------------------------------------------------


def test_deadline_is_none_when_nothing_is_held() -> None:
    """The filter's timer has nothing to wait for."""
    det = WedgeDetector()
    assert det.next_deadline_ns() is None
    assert det.poll(FAR_FUTURE) == []


def test_deadline_is_just_past_max_gap_after_the_last_key() -> None:
    """Polling at the deadline resolves the burst; a moment earlier it does nothing."""
    det = WedgeDetector(WedgeConfig(max_gap_ms=20))
    keys = burst("ab", start_ns=7 * MS)
    feed_all(det, keys)
    deadline = det.next_deadline_ns()
    assert deadline == keys[-1].at_ns + 20 * MS + 1
    assert det.poll(deadline - 1) == []
    assert det.holding
    assert det.poll(deadline) == [Release(tuple(keys))]
    assert det.next_deadline_ns() is None


# --- properties ------------------------------------------------------------------------------

ALPHABET = "0123456789ABCabc-/ é@\t\x1d"
CONFIGS = st.builds(
    WedgeConfig,
    max_gap_ms=st.sampled_from([20.0, 35.0, 50.0]),
    min_length=st.integers(2, 5),
    prefix=st.sampled_from(["", "~", "]C1"]),
    suffix=st.sampled_from(["\r", "\n", "\t", ""]),
    max_length=st.integers(5, 12),
)
KeySpec = tuple[str, bool, frozenset[str]]  # (text, is_enter, modifiers)
NO_MODS = frozenset[str]()
DATA_KEY: st.SearchStrategy[KeySpec] = st.tuples(
    st.sampled_from(ALPHABET), st.just(False), st.just(NO_MODS)
)
# Any key a keyboard or scanner can produce, mostly data.
ANY_KEY: st.SearchStrategy[KeySpec] = st.one_of(
    DATA_KEY,
    DATA_KEY,
    DATA_KEY,
    DATA_KEY,
    st.tuples(st.sampled_from("~]C1"), st.just(False), st.just(NO_MODS)),
    st.just(("\r", True, NO_MODS)),
    st.just(("\n", False, NO_MODS)),
    st.just(("", False, SHIFT)),
    st.just(("", False, NO_MODS)),
    st.just(("\x08", False, NO_MODS)),
    st.tuples(
        st.sampled_from([chr(c) for c in range(1, 27)] + ["\x1d"]), st.just(False), st.just(CTRL)
    ),
    st.just(("@", False, frozenset({"ctrl", "alt"}))),
    st.just(("x", False, frozenset({"alt"}))),
)


GAPS_NS = st.one_of(  # scanner-fast gaps half the time, so scans and rejects really happen
    st.sampled_from([0, 20 * MS, 35 * MS, 35 * MS + 1, 50 * MS, 80 * MS]),
    st.integers(0, 5 * MS),
    st.integers(0, 5 * MS),
    st.integers(0, 120 * MS),
)


@dataclass
class Run:
    """Everything the filter would observe from one detector over a key sequence."""

    accounted: str  # delivered key texts, scan texts (with prefix) and rejected texts, in order
    delivered: list[int]  # indexes of the keys delivered (Pass or Release), in delivery order
    scans: list[Scan]
    rejects: list[Reject]


def run(config: WedgeConfig, keys: list[Key], polls: dict[int, int] | None = None) -> Run:
    """Feed keys (polling before key i at polls[i], if given), then poll far in the future."""
    det = WedgeDetector(config)
    index = {id(k): i for i, k in enumerate(keys)}
    out = Run("", [], [], [])

    def apply(actions: list[WedgeAction], current: Key | None) -> None:
        for n, action in enumerate(actions):
            match action:
                case Pass():
                    assert current is not None and n == len(actions) - 1
                    out.accounted += current.text
                    out.delivered.append(index[id(current)])
                case Release(released_keys):
                    assert released_keys, "an empty Release is noise"
                    out.accounted += "".join(k.text for k in released_keys)
                    out.delivered += [index[id(k)] for k in released_keys]
                case Scan():
                    out.accounted += config.prefix + action.text
                    out.scans.append(action)
                case Reject():
                    out.accounted += action.text
                    out.rejects.append(action)
                case Hold():
                    assert current is not None and n == len(actions) - 1
        if current is not None:
            assert actions and not isinstance(actions[-1], Release)
        assert (det.next_deadline_ns() is not None) == det.holding

    for i, key in enumerate(keys):
        if polls and i in polls:
            apply(det.poll(polls[i]), None)
        apply(det.feed(key), key)
    apply(det.poll(FAR_FUTURE), None)
    assert not det.holding
    assert det.next_deadline_ns() is None
    return out


TERMINATORS = st.sampled_from([("\r", True), ("\n", False), ("\t", False), ("", False)])


@st.composite
def key_sequences(draw: st.DrawFn) -> tuple[list[Key], dict[int, int]]:
    """Random keys at random gaps, with timer polls sprinkled between some of them.

    Keys come in runs; a scanner-fast run often ends in a terminator, so scans, rejections
    and everything in between really occur.
    """
    specs: list[tuple[str, bool, frozenset[str], int]] = []
    for _ in range(draw(st.integers(0, 6))):
        fast = draw(st.booleans())
        gaps = st.integers(0, 40 * MS) if fast else GAPS_NS
        kinds = st.integers(0, 9).flatmap(lambda n: DATA_KEY if n else ANY_KEY) if fast else ANY_KEY
        specs += [(*spec, draw(gaps)) for spec in draw(st.lists(kinds, max_size=16))]
        terminator, is_enter = draw(TERMINATORS)
        if fast and terminator:
            specs.append((terminator, is_enter, frozenset(), draw(gaps)))
    keys: list[Key] = []
    polls: dict[int, int] = {}
    now = 0
    for i, (text, is_enter, modifiers, gap) in enumerate(specs):
        previous, now = now, now + gap
        if draw(st.booleans()):
            polls[i] = draw(st.integers(previous, now))
        keys.append(Key(text, now, is_enter, modifiers))
    return keys, polls


def data_chars(text: str, config: WedgeConfig) -> str:
    """The characters that must never be lost: data, not the suffix."""
    return "".join(c for c in text if c in ALPHABET + "~]C1" and c != config.suffix)


@settings(max_examples=250)
@given(config=CONFIGS, sequence=key_sequences())
def test_every_character_is_accounted_for_exactly_once_in_order(
    config: WedgeConfig, sequence: tuple[list[Key], dict[int, int]]
) -> None:
    """Delivered, scanned or rejected: each typed character ends up in exactly one place."""
    keys, polls = sequence
    result = run(config, keys, polls)
    expected = data_chars("".join(k.text for k in keys), config)
    assert data_chars(result.accounted, config) == expected


@settings(max_examples=250)
@given(config=CONFIGS, sequence=key_sequences())
def test_delivered_keys_are_never_duplicated_or_reordered(
    config: WedgeConfig, sequence: tuple[list[Key], dict[int, int]]
) -> None:
    """What reaches the focused widget is a subsequence of what was pressed."""
    keys, polls = sequence
    delivered = run(config, keys, polls).delivered
    assert delivered == sorted(set(delivered))


@st.composite
def human_typing(draw: st.DrawFn) -> list[Key]:
    specs = draw(st.lists(ANY_KEY, max_size=30))
    keys: list[Key] = []
    now = 0
    for text, is_enter, modifiers in specs:
        now += draw(st.integers(80 * MS, 400 * MS))
        keys.append(Key(text, now, is_enter, modifiers))
    return keys


@given(config=CONFIGS, keys=human_typing())
def test_human_typing_is_delivered_unchanged_and_never_a_scan(
    config: WedgeConfig, keys: list[Key]
) -> None:
    """At human speed (80 ms or more between keys) every key reaches the widget, in order."""
    result = run(config, keys)
    assert result.scans == []
    assert result.rejects == []
    assert result.delivered == list(range(len(keys)))


@st.composite
def scans_between_typing(draw: st.DrawFn) -> tuple[WedgeConfig, list[Key], list[str], list[int]]:
    """Human typing and valid scanner bursts, each separated by a human-sized pause.

    Returns the config, the keys, the expected scan texts and the indexes of the typed keys.
    """
    config = draw(CONFIGS)
    data = st.sampled_from([c for c in ALPHABET if c != config.suffix])
    keys: list[Key] = []
    expected: list[str] = []
    typed: list[int] = []
    now = 0
    for _ in range(draw(st.integers(1, 4))):
        for text, is_enter, modifiers in draw(st.lists(ANY_KEY, max_size=4)):
            now += draw(st.integers(80 * MS, 300 * MS))
            typed.append(len(keys))
            keys.append(Key(text, now, is_enter, modifiers))
        body = draw(st.lists(data, min_size=config.min_length, max_size=config.max_length))
        expected.append("".join(body))
        gap = st.integers(0, round(config.max_gap_ms * MS))
        now += draw(st.integers(80 * MS, 300 * MS))
        for n, c in enumerate([*config.prefix, *body]):
            now += draw(gap) if n else 0
            if n and c.isupper() and draw(st.booleans()):
                keys.append(Key("", now, modifiers=SHIFT))  # scanners press Shift for capitals
                now += draw(gap)
            gs_as_ctrl = n > 0 and c == "\x1d" and draw(st.booleans())
            keys.append(Key(c, now, modifiers=CTRL if gs_as_ctrl else frozenset()))
        if config.suffix:
            now += draw(gap)
            keys.append(Key(config.suffix, now, is_enter=config.suffix == "\r"))
        now += draw(st.integers(80 * MS, 300 * MS))
    return config, keys, expected, typed


@settings(max_examples=300)
@given(case=scans_between_typing())
def test_scans_between_typing_are_found_whole_and_typing_is_untouched(
    case: tuple[WedgeConfig, list[Key], list[str], list[int]],
) -> None:
    """Every scanner burst becomes exactly its scan; every typed key is delivered as typed."""
    config, keys, expected, typed = case
    result = run(config, keys)
    assert [s.text for s in result.scans] == expected
    assert result.rejects == []
    assert result.delivered == typed


def test_a_scan_carries_the_time_of_each_key_that_typed_it() -> None:
    """For calibration: every data key's time, then the suffix's; a Shift press is left out.
    Without a suffix the burst's last key is the last time."""
    det = WedgeDetector()
    keys = [Key("a", 0), Key("", 2 * MS, modifiers=SHIFT), Key("B", 4 * MS, modifiers=SHIFT)]
    feed_all(det, [*keys, *burst("cd", 6 * MS)])
    [scan] = det.feed(enter(20 * MS))
    assert isinstance(scan, Scan)
    assert scan.key_times_ns == (0, 4 * MS, 6 * MS, 11 * MS, 20 * MS)

    bare = WedgeDetector(WedgeConfig(suffix=""))
    feed_all(bare, burst("abcd", 0, gap_ms=5))
    [tail] = bare.poll(FAR_FUTURE)
    assert isinstance(tail, Scan)
    assert tail.key_times_ns == (0, 5 * MS, 10 * MS, 15 * MS)
