"""Keyboard-wedge scanning anywhere in the window, focused text field or not.

An application-wide event filter hands every key press to the pure ``WedgeDetector`` and
obeys it: held keys are swallowed, a finished burst becomes one ``RawScan``, and keys that
turn out to be human typing are re-sent, in order, to the focused widget (or to the manual
entry field when nothing has focus). Keys are timed with our own monotonic clock: Qt's event
timestamps are 0 for synthetic events.
"""

from __future__ import annotations

import time
from collections.abc import Sequence

from app.scanning import RawScan
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
from ui.qt import QApplication, QEvent, QKeyEvent, QObject, Qt, QTimer, QWidget, Signal

ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def _modifiers(event: QKeyEvent) -> frozenset[str]:
    mods = event.modifiers()
    names = []
    if mods & Qt.KeyboardModifier.ControlModifier:
        names.append("ctrl")
    if mods & Qt.KeyboardModifier.AltModifier:
        names.append("alt")
    if mods & Qt.KeyboardModifier.MetaModifier:
        names.append("meta")
    return frozenset(names)


class WedgeFilter(QObject):
    scanned = Signal(object)  # RawScan
    rejected = Signal(str, str)  # reason code, the text of the refused burst

    def __init__(self, config: WedgeConfig, typing_target: QWidget, parent: QObject | None = None):
        super().__init__(parent)
        self._detector = WedgeDetector(config)
        self._typing_target = typing_target
        self._replaying = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._poll)
        self.last_key_ns = 0  # when the latest key of the current burst arrived

    def install(self, app: QApplication) -> None:
        app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or self._replaying:
            return False
        if not self._is_first_delivery(watched):
            return False
        assert isinstance(event, QKeyEvent)
        now = time.monotonic_ns()
        self.last_key_ns = now
        key = Key(
            text=event.text(),
            at_ns=now,
            # Return/Enter, or a key whose text is a line end (X's Linefeed keysym gives "\n").
            is_enter=event.key() in ENTER_KEYS or event.text() in ("\r", "\n"),
            modifiers=_modifiers(event),
        )
        consume = self._apply(self._detector.feed(key))
        self._arm_timer()
        return consume

    @staticmethod
    def _is_first_delivery(watched: QObject) -> bool:
        # The app filter sees a key once per receiver as an ignored key climbs to the parents;
        # count it only at the widget Qt delivers it to first.
        if not isinstance(watched, QWidget):
            return False
        focus = QApplication.focusWidget()
        if focus is not None:
            return watched is focus
        return watched.isWindow()

    def _apply(self, actions: Sequence[WedgeAction]) -> bool:
        consume = False
        for action in actions:
            match action:
                case Hold():
                    consume = True
                case Pass():
                    consume = False
                case Scan(text=text, started_ns=started):
                    consume = True
                    self.scanned.emit(RawScan(text, "wedge", None, started))
                case Release(keys=keys):
                    self._replay(keys)
                case Reject(reason=reason, text=text):
                    consume = True
                    self.rejected.emit(reason, text)
        return consume

    def _replay(self, keys: tuple[Key, ...]) -> None:
        target = QApplication.focusWidget()
        if target is None:
            target = self._typing_target
            target.setFocus(Qt.FocusReason.OtherFocusReason)
        self._replaying = True
        try:
            for key in keys:
                code = Qt.Key.Key_Return if key.is_enter else Qt.Key.Key_unknown
                for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                    QApplication.sendEvent(
                        target, QKeyEvent(kind, code, Qt.KeyboardModifier.NoModifier, key.text)
                    )
        finally:
            self._replaying = False

    def _arm_timer(self) -> None:
        deadline = self._detector.next_deadline_ns()
        if deadline is None:
            self._timer.stop()
            return
        wait_ms = max(0, (deadline - time.monotonic_ns()) // 1_000_000 + 1)
        self._timer.start(int(wait_ms))

    def _poll(self) -> None:
        self._apply(self._detector.poll(time.monotonic_ns()))
        self._arm_timer()
