"""Keyboard-wedge scanning anywhere in the window, focused text field or not.

An application-wide event filter hands every key press to the pure ``WedgeDetector`` and
obeys it: held keys are swallowed, a finished burst becomes one ``RawScan``, and keys that
turn out to be human typing are re-sent, in order and as the same keys, to the widget they
were typed into (or to the manual entry field when nothing had focus).

Timing: a key's time is when the windowing system saw it (the event timestamp, mapped onto
our monotonic clock), so a GUI thread busy for 50 ms in the middle of a scan does not split
it in two. Synthetic events (tests) carry no timestamp and are timed on arrival.
"""

from __future__ import annotations

import time
from collections.abc import Sequence

from shiboken6 import isValid

from app.scanning import RawScan
from app.wedge import (
    Hold,
    Key,
    Reject,
    Release,
    Scan,
    WedgeAction,
    WedgeConfig,
    WedgeDetector,
)
from ui.qt import QApplication, QEvent, QKeyEvent, QLineEdit, QObject, Qt, QTimer, QWidget, Signal

ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
MODIFIER_NAMES = (
    (Qt.KeyboardModifier.ShiftModifier, "shift"),
    (Qt.KeyboardModifier.ControlModifier, "ctrl"),
    (Qt.KeyboardModifier.AltModifier, "alt"),
    (Qt.KeyboardModifier.MetaModifier, "meta"),
)


MODIFIER_KEYS = frozenset(
    {
        Qt.Key.Key_Shift,
        Qt.Key.Key_Control,
        Qt.Key.Key_Alt,
        Qt.Key.Key_AltGr,
        Qt.Key.Key_Meta,
        Qt.Key.Key_Super_L,
        Qt.Key.Key_Super_R,
    }
)


def _modifiers(event: QKeyEvent) -> frozenset[str]:
    mods = event.modifiers()
    return frozenset(name for flag, name in MODIFIER_NAMES if mods & flag)


def _qt_modifiers(names: frozenset[str]) -> Qt.KeyboardModifier:
    result = Qt.KeyboardModifier.NoModifier
    for flag, name in MODIFIER_NAMES:
        if name in names:
            result |= flag
    return result


class EventClock:
    """Maps window-system key timestamps (ms, their own epoch) onto time.monotonic_ns().

    The offset is the smallest (arrival - timestamp) seen: the delivery with the least
    delay. A jump of more than 10 s (X time wraps every 49 days) starts over.
    """

    def __init__(self) -> None:
        self._offset_ns: int | None = None

    def key_time(self, timestamp_ms: int, now_ns: int) -> int:
        if timestamp_ms <= 0:
            return now_ns
        stamp_ns = timestamp_ms * 1_000_000
        observed = now_ns - stamp_ns
        if self._offset_ns is None or abs(observed - self._offset_ns) > 10_000_000_000:
            self._offset_ns = observed
        self._offset_ns = min(self._offset_ns, observed)
        return stamp_ns + self._offset_ns


class WedgeFilter(QObject):
    scanned = Signal(object)  # RawScan
    rejected = Signal(str, str)  # reason code, the text of the refused burst
    # After each scan: its keys' monotonic times in ns (tuple[int, ...], suffix included),
    # for the devices screen's calibration (app.wedge_calibration).
    burst_timed = Signal(object)

    def __init__(self, config: WedgeConfig, typing_target: QWidget, parent: QObject | None = None):
        super().__init__(parent)
        self._detector = WedgeDetector(config)
        self._clock = EventClock()
        self._typing_target = typing_target
        self._burst_target: QWidget | None = None  # where the held keys were typed
        self._replaying = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._poll)
        self._yielded = False  # the timer gave queued keys one event-loop turn already

    def install(self, app: QApplication) -> None:
        app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and self._detector.holding:
            # Qt resolves shortcuts before the key press exists: inside a burst, a combo
            # such as Ctrl+Q is claimed here, so it reaches the detector as data (or a
            # rejected scan) and never fires an action.
            event.accept()
            return True
        if event.type() != QEvent.Type.KeyPress or self._replaying:
            return False
        if not isinstance(watched, QWidget) or not self._is_first_delivery(watched):
            return False
        assert isinstance(event, QKeyEvent)
        if not self._detector.holding:
            self._burst_target = watched
        key = Key(
            text=event.text(),
            at_ns=self._clock.key_time(event.timestamp(), time.monotonic_ns()),
            # Return/Enter, or a key whose text is a line end (X's Linefeed keysym gives "\n").
            is_enter=event.key() in ENTER_KEYS or event.text() in ("\r", "\n"),
            modifiers=_modifiers(event),
            code=int(event.key()),
            is_modifier=event.key() in MODIFIER_KEYS,
        )
        actions = self._detector.feed(key)
        replayed_to = self._apply(actions, key.at_ns)
        self._arm_timer()
        consume = isinstance(actions[-1], (Hold, Scan, Reject)) if actions else False
        if not consume and replayed_to is not None and replayed_to is not watched:
            # The held keys went to the entry field (nothing had focus); the key that ended
            # them, typically Enter, belongs there too, or typed input would never submit.
            self._send(replayed_to, key)
            return True
        return consume

    @staticmethod
    def _is_first_delivery(watched: QWidget) -> bool:
        # The app filter sees a key once per receiver as an ignored key climbs to the parents;
        # count it only at the widget Qt delivers it to first.
        popup = QApplication.activePopupWidget()
        if popup is not None:
            return watched is popup
        # Qt delivers a window's keys to its focus widget, or to the window itself; that
        # widget may have focus inside an inactive window (X without a window manager).
        top = watched.window()
        return watched is (top.focusWidget() or top)

    def _apply(self, actions: Sequence[WedgeAction], now_ns: int) -> QWidget | None:
        """Carry out the actions; returns where released keys went, if any were."""
        replayed_to = None
        for action in actions:
            match action:
                case Scan(text=text, started_ns=started, key_times_ns=times):
                    self.scanned.emit(RawScan(text, "wedge", None, started, now_ns))
                    self.burst_timed.emit(times)
                case Release(keys=keys):
                    replayed_to = self._replay(keys)
                case Reject(reason=reason, text=text):
                    self.rejected.emit(reason, text)
        # Hold and Pass need nothing here: eventFilter's return value carries them out.
        return replayed_to

    def _replay_target(self) -> QWidget:
        target = self._burst_target
        if target is not None and isValid(target) and isinstance(target, QLineEdit):
            return target
        focus = QApplication.focusWidget()
        if focus is not None and isinstance(focus, QLineEdit):
            return focus
        self._typing_target.setFocus(Qt.FocusReason.OtherFocusReason)
        return self._typing_target

    def _replay(self, keys: tuple[Key, ...]) -> QWidget:
        target = self._replay_target()
        for key in keys:
            self._send(target, key)
        return target

    def _send(self, target: QWidget, key: Key) -> None:
        code = Qt.Key(key.code) if key.code else Qt.Key.Key_unknown
        mods = _qt_modifiers(key.modifiers)
        self._replaying = True
        try:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(target, QKeyEvent(kind, code, mods, key.text))
        finally:
            self._replaying = False

    def _arm_timer(self) -> None:
        self._yielded = False
        deadline = self._detector.next_deadline_ns()
        if deadline is None:
            self._timer.stop()
            return
        wait_ms = max(0, (deadline - time.monotonic_ns()) // 1_000_000 + 1)
        self._timer.start(int(wait_ms))

    def _poll(self) -> None:
        if not self._yielded:
            # Keys that arrived while the GUI thread was busy may be queued behind this
            # timer: give them one event-loop turn before deciding the burst has ended.
            self._yielded = True
            self._timer.start(0)
            return
        now = time.monotonic_ns()
        self._apply(self._detector.poll(now), now)
        self._arm_timer()
