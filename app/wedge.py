"""Tell a keyboard-wedge scanner's bursts from a human typing, without Qt.

A wedge scanner "types" a barcode as very fast key presses plus a terminator. The UI's event
filter feeds every key press here and applies the returned actions, so scans are accepted
anywhere in the window and typing still reaches the focused field. Kept pure (stdlib only, times
passed in) so every timing rule is unit-testable without a display or a clock.

Invariant: a key answered ``Pass`` is delivered now; a key answered ``Hold`` is delivered later
only if one ``Release`` names it (in order), otherwise it belongs to a ``Scan`` or a ``Reject``.
So no typed character is lost or delivered twice. The filter must not feed back the keys it
re-sends for a ``Release``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

_NS_PER_MS = 1_000_000
_COMMAND_MODIFIERS = frozenset({"ctrl", "alt", "meta"})
# Windows reports AltGr (needed for "@", "{" on many layouts) as Ctrl+Alt: that is a character.
_ALTGR = frozenset({"ctrl", "alt"})
# Control characters that are barcode data: Tab, GS (GS1 separator), RS and EOT (ISO 15434).
# Scanners often send them as Ctrl combos (GS = Ctrl+]), so inside a burst they stay data.
_DATA_CONTROLS = frozenset("\t\x1d\x1e\x04")
_ENTER_SUFFIXES = frozenset({"\r", "\n"})


@dataclass(frozen=True, slots=True)
class WedgeConfig:
    max_gap_ms: float = 35.0  # max time between keys inside one scan (per-station calibration)
    min_length: int = 4  # shorter bursts are typing
    prefix: str = ""  # sent first by the scanner and stripped; "" = none
    suffix: str = "\r"  # "\r", "\t", "\n", or "" = a burst ends when the gap exceeds max_gap_ms
    max_length: int = 512  # a longer burst is rejected, not glued to the next one

    def __post_init__(self) -> None:
        if self.max_gap_ms <= 0:
            raise ValueError("max_gap_ms must be positive")
        if self.min_length < 1:
            raise ValueError("min_length must be at least 1, or every key would be a scan")
        if self.max_length < self.min_length:
            raise ValueError("max_length must not be below min_length")
        if len(self.suffix) > 1:
            raise ValueError("suffix must be one character (one terminating key) or empty")
        if any(c in _ENTER_SUFFIXES or c == self.suffix for c in self.prefix):
            raise ValueError("the prefix cannot contain Enter or the suffix character")


@dataclass(frozen=True, slots=True)
class Key:
    text: str  # the character(s) the key event carries ("" for modifiers, arrows, ...)
    at_ns: int  # time.monotonic_ns() taken by the filter (QTest events carry timestamp 0)
    is_enter: bool = False  # Return/Enter key (its text may be "\r")
    modifiers: frozenset[str] = frozenset()  # e.g. {"ctrl"}, {"alt"}
    code: int = 0  # the toolkit's key code, opaque here: a Release re-sends the exact key
    is_modifier: bool = False  # Shift, Ctrl, Alt, Meta pressed alone (before a combo)


@dataclass(frozen=True, slots=True)
class Hold:
    """Do not deliver this key now; a later Release names it if it was typing."""


@dataclass(frozen=True, slots=True)
class Pass:
    """Deliver this key normally: it is not part of any burst."""


@dataclass(frozen=True, slots=True)
class Scan:
    """A complete scan, prefix and suffix stripped; started_ns is its first key's time.

    key_times_ns: the time of each key that typed it (prefix and suffix included, modifier
    keys left out), for calibrating ``max_gap_ms`` (``app.wedge_calibration``).
    """

    text: str
    started_ns: int
    key_times_ns: tuple[int, ...] = field(default=(), compare=False)


@dataclass(frozen=True, slots=True)
class Release:
    """These held keys were typing after all: deliver them, in this order."""

    keys: tuple[Key, ...]


@dataclass(frozen=True, slots=True)
class Reject:
    """A burst that looked like a scan but is invalid; text is raw (prefix included), for logs.

    Reasons: "too_long", "control_key_in_scan", and "rejected_tail" for the rest of an
    already-rejected burst (log it, do not alert the operator twice).
    """

    reason: str
    text: str


WedgeAction = Hold | Pass | Scan | Release | Reject


def _is_data_text(text: str) -> bool:
    return bool(text) and all(c.isprintable() or c in _DATA_CONTROLS for c in text)


class WedgeDetector:
    """Holds a candidate burst until its suffix (scan), a gap, or a non-data key (typing).

    A rejected burst (too long, or a Ctrl/Alt combo inside it) keeps swallowing keys until the
    next gap or suffix, so an endless or garbled burst never leaks half a barcode into a text
    field; what it swallows is reported as "rejected_tail" Rejects, in chunks of at most
    max_length characters so a stuck scanner cannot grow memory.
    """

    __slots__ = ("_buf", "_config", "_gap_ns", "_held", "_last_ns", "_rejecting", "_tail")

    def __init__(self, config: WedgeConfig = WedgeConfig()) -> None:
        self._config = config
        self._gap_ns = round(config.max_gap_ms * _NS_PER_MS)
        self._held: list[Key] = []  # every swallowed key of the burst, for an exact Release
        self._buf = ""  # the burst's data text (what a scan would contain, prefix included)
        self._last_ns = 0
        self._rejecting = False
        self._tail = ""

    @property
    def holding(self) -> bool:
        return bool(self._held) or self._rejecting

    def next_deadline_ns(self) -> int | None:
        """When poll() can first resolve the held burst (just past max_gap after its last key)."""
        return self._last_ns + self._gap_ns + 1 if self.holding else None

    def poll(self, now_ns: int) -> list[WedgeAction]:
        """Resolve the held burst once it has gone quiet for longer than max_gap_ms."""
        if self.holding and now_ns - self._last_ns > self._gap_ns:
            return self._end_burst()
        return []

    def feed(self, key: Key) -> list[WedgeAction]:
        """Actions for this key press, in order; the last one concerns the key itself."""
        actions: list[WedgeAction] = []
        if self.holding and key.at_ns - self._last_ns > self._gap_ns:
            actions += self._end_burst()
        if self._rejecting:
            actions += self._feed_rejecting(key)
        elif self._held:
            actions += self._feed_burst(key)
        elif (self._is_data(key) and not self._is_command(key)) or self._continues_prefix(key):
            actions += self._append(key)
        else:
            actions.append(Pass())
        return actions

    def _is_suffix(self, key: Key) -> bool:
        suffix = self._config.suffix
        return bool(suffix) and (key.text == suffix or (key.is_enter and suffix in _ENTER_SUFFIXES))

    def _is_data(self, key: Key) -> bool:
        return not key.is_enter and not self._is_suffix(key) and _is_data_text(key.text)

    @staticmethod
    def _is_command(key: Key) -> bool:
        """A Ctrl/Alt/Meta combo producing text; keys without text are never commands."""
        mods = key.modifiers
        if not key.text or not mods & _COMMAND_MODIFIERS:
            return False
        return not (mods & _COMMAND_MODIFIERS == _ALTGR and key.text.isprintable())

    def _continues_prefix(self, key: Key) -> bool:
        """The next character of the configured prefix, whatever it is (STX, GS as Ctrl+]):
        scanners set to send one must be recognised from the first key."""
        prefix = self._config.prefix
        done = len(self._buf)
        return done < len(prefix) and key.text == prefix[done] and not key.is_enter

    def _is_burst_data(self, key: Key) -> bool:
        """Data once a burst is under way: Ctrl+] etc. are how scanners send GS and friends."""
        if self._continues_prefix(key):
            return True
        if not self._is_data(key):
            return False
        return not self._is_command(key) or all(c in _DATA_CONTROLS for c in key.text)

    def _feed_burst(self, key: Key) -> list[WedgeAction]:
        if self._is_suffix(key):
            text = self._scan_text()
            if text is None:
                return [Release(self._take()), Pass()]  # manual entry + Enter still works
            started, times = self._held[0].at_ns, (*self._key_times(), key.at_ns)
            self._take()
            return [Scan(text, started, times)]
        if self._is_burst_data(key):
            return self._append(key)
        if self._is_command(key):
            self._last_ns = key.at_ns
            return self._reject("control_key_in_scan")  # the combo is swallowed with the burst
        if not key.text and key.modifiers & _COMMAND_MODIFIERS and not key.is_modifier:
            # Alt+F4, Ctrl+F-keys inside a burst: never a command, never silently dropped.
            self._last_ns = key.at_ns
            return self._reject("control_key_in_scan")
        if not key.text:  # Shift inside a scan is normal; kept so a Release re-sends arrows
            self._held.append(key)
            self._last_ns = key.at_ns
            return [Hold()]
        # Backspace, Escape, an Enter that is not the suffix: a scanner never sends these.
        return [*self._end_burst(), Pass()]

    def _feed_rejecting(self, key: Key) -> list[WedgeAction]:
        self._last_ns = key.at_ns
        if self._is_suffix(key):
            return self._end_burst() or [Hold()]  # the suffix is swallowed with its burst
        if self._is_burst_data(key):
            self._tail += key.text
            if len(self._tail) >= self._config.max_length:
                chunk, self._tail = self._tail, ""
                return [Reject("rejected_tail", chunk)]
        return [Hold()]

    def _append(self, key: Key) -> list[WedgeAction]:
        self._held.append(key)
        self._buf += key.text
        self._last_ns = key.at_ns
        if len(self._buf) > len(self._config.prefix) + self._config.max_length:
            return self._reject("too_long")
        return [Hold()]

    def _reject(self, reason: str) -> list[WedgeAction]:
        text = self._buf
        self._take()
        self._rejecting = True
        return [Reject(reason, text)]

    def _scan_text(self) -> str | None:
        """The burst's text without its prefix, or None if it cannot be a scan."""
        prefix = self._config.prefix
        if not self._buf.startswith(prefix):
            return None
        text = self._buf[len(prefix) :]
        return text if len(text) >= self._config.min_length else None

    def _end_burst(self) -> list[WedgeAction]:
        """The burst is over without a suffix: typing, or a scan in suffix-less mode."""
        if self._rejecting:
            tail = self._tail
            self._rejecting, self._tail = False, ""
            return [Reject("rejected_tail", tail)] if tail else []
        if not self._held:
            return []
        text = None if self._config.suffix else self._scan_text()
        if text is None:
            return [Release(self._take())]
        started, times = self._held[0].at_ns, self._key_times()
        self._take()
        return [Scan(text, started, times)]

    def _key_times(self) -> tuple[int, ...]:
        return tuple(k.at_ns for k in self._held if k.text)

    def _take(self) -> tuple[Key, ...]:
        keys = tuple(self._held)
        self._held.clear()
        self._buf = ""
        return keys
