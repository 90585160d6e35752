"""The Qt side of wedge scanning: which keys reach which widget, and when a burst is a scan."""

from __future__ import annotations

import time
from collections.abc import Iterator
from itertools import pairwise

import pytest
from pytestqt.qtbot import QtBot

from app.scanning import RawScan
from app.wedge import WedgeConfig
from ui.qt import (
    QApplication,
    QEvent,
    QKeyEvent,
    QKeySequence,
    QLineEdit,
    QShortcut,
    Qt,
    QVBoxLayout,
    QWidget,
)
from ui.wedge_filter import EventClock, WedgeFilter


class Rig:
    """A window with two fields and the filter installed, recording scans and submits."""

    def __init__(self, qtbot: QtBot) -> None:
        self.window = QWidget()
        layout = QVBoxLayout(self.window)
        self.entry, self.other = QLineEdit(), QLineEdit()
        layout.addWidget(self.entry)
        layout.addWidget(self.other)
        qtbot.addWidget(self.window)
        self.window.show()
        self.window.activateWindow()
        # The window becomes active on a later event-loop turn. Until then setFocus only
        # notes the focus child, keys land on the window and the filter rightly lets them
        # pass: the held-keys test lost its key that way when pytest ran nothing in between.
        qtbot.waitUntil(lambda: QApplication.activeWindow() is self.window, timeout=2000)
        self.wedge = WedgeFilter(WedgeConfig(), typing_target=self.entry, parent=self.window)
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        self.app = app
        self.wedge.install(app)
        self.scans: list[RawScan] = []
        self.submitted: list[str] = []
        self.wedge.scanned.connect(self.scans.append)
        self.entry.returnPressed.connect(lambda: self.submitted.append(self.entry.text()))

    def key(self, text: str, code: Qt.Key = Qt.Key.Key_unknown, stamp_ms: int = 0) -> None:
        target = QApplication.focusWidget() or self.window
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, code, Qt.KeyboardModifier.NoModifier, text)
            event.setTimestamp(stamp_ms)
            QApplication.sendEvent(target, event)

    def close(self) -> None:
        self.app.removeEventFilter(self.wedge)


@pytest.fixture
def rig(qtbot: QtBot) -> Iterator[Rig]:
    r = Rig(qtbot)
    yield r
    r.close()


def test_a_busy_gui_thread_does_not_split_a_scan(rig: Rig, qtbot: QtBot) -> None:
    """Keys stamped 4 ms apart by the window system are one scan even when the GUI thread
    handles them 45 ms late (the keys queued up meanwhile)."""
    stamp = 1_000_000
    for i, ch in enumerate("2000000000015"):
        rig.key(ch, stamp_ms=stamp + 4 * i)
        if i == 6:
            time.sleep(0.045)  # the GUI thread was busy; X kept stamping the keys
    rig.key("\r", Qt.Key.Key_Return, stamp_ms=stamp + 4 * 13)
    assert [s.text for s in rig.scans] == ["2000000000015"]
    assert rig.entry.text() == ""


def test_keys_without_text_are_replayed_as_the_same_keys(rig: Rig, qtbot: QtBot) -> None:
    """'a' then Left typed fast, then 'b': the cursor moved, so the field reads 'xyzba'."""
    rig.entry.setFocus()
    rig.entry.setText("xyz")
    rig.key("a")
    rig.key("", Qt.Key.Key_Left)
    qtbot.wait(80)  # the burst times out: it was typing
    rig.key("b")
    qtbot.waitUntil(lambda: rig.entry.text() == "xyzba", timeout=2000)


def test_held_keys_go_where_they_were_typed_even_if_focus_moved(rig: Rig, qtbot: QtBot) -> None:
    """A key typed into one field, with focus moving within the gap, stays in that field."""
    rig.other.setFocus()
    assert QApplication.focusWidget() is rig.other
    rig.key("q")
    rig.entry.setFocus()
    # Wait for the outcome, not a fixed time: a busy CI machine can pause this process.
    qtbot.waitUntil(lambda: rig.other.text() == "q", timeout=2000)
    assert rig.entry.text() == ""


def test_short_burst_and_enter_with_nothing_focused_submits_the_entry(
    rig: Rig, qtbot: QtBot
) -> None:
    """'A2' + Enter is typing, not a scan: it lands in the entry field and Enter submits it."""
    rig.window.setFocus()
    rig.window.clearFocus()
    assert QApplication.focusWidget() is None
    rig.key("A")
    rig.key("2")
    rig.key("\r", Qt.Key.Key_Return)
    assert rig.scans == []
    assert rig.submitted == ["A2"]


def test_a_shortcut_typed_inside_a_scan_never_fires(rig: Rig, qtbot: QtBot) -> None:
    """Qt resolves shortcuts (ShortcutOverride) before the key press: a Ctrl+Q arriving
    inside a burst must not trigger the window's Ctrl+Q, and the scan is rejected."""
    fired: list[bool] = []
    shortcut = QShortcut(QKeySequence("Ctrl+Q"), rig.window)
    shortcut.activated.connect(lambda: fired.append(True))
    rejected: list[str] = []
    rig.wedge.rejected.connect(lambda reason, text: rejected.append(reason))
    target = QApplication.focusWidget() or rig.window
    for ch in "ABCD":
        rig.key(ch)
    ctrl = Qt.KeyboardModifier.ControlModifier
    for kind in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(target, QKeyEvent(kind, Qt.Key.Key_Q, ctrl, "\x11"))
    for ch in "EFGH":
        rig.key(ch)
    rig.key("\r", Qt.Key.Key_Return)
    qtbot.wait(60)
    assert fired == [] and rig.scans == []
    assert rejected[:1] == ["control_key_in_scan"]
    rig.key("x")  # outside a scan, keys are typing again
    qtbot.waitUntil(lambda: rig.entry.text() == "x", timeout=2000)


def test_event_clock_maps_stamps_onto_the_monotonic_clock() -> None:
    """The least-delayed delivery fixes the offset; gaps between stamps are kept exactly."""
    clock = EventClock()
    assert clock.key_time(0, 123) == 123  # synthetic events: arrival time
    first = clock.key_time(5_000, 9_000_000_000)
    later = clock.key_time(5_004, 9_060_000_000)  # delivered 56 ms late
    assert later - first == 4_000_000


def test_each_scan_reports_the_time_of_every_key_for_calibration(rig: Rig, qtbot: QtBot) -> None:
    """burst_timed carries one time per key of the scan, Enter included, on the window
    system's clock: keys stamped 4 ms apart are 4 ms apart however late they arrive."""
    times: list[tuple[int, ...]] = []
    rig.wedge.burst_timed.connect(times.append)
    stamp = 2_000_000
    for i, ch in enumerate("2000000000015"):
        time.sleep(0.005)  # arriving later than stamped never shortens a gap
        rig.key(ch, stamp_ms=stamp + 4 * i)
    rig.key("\r", Qt.Key.Key_Return, stamp_ms=stamp + 4 * 13)
    assert [s.text for s in rig.scans] == ["2000000000015"]
    [keys] = times
    assert len(keys) == 14
    assert {b - a for a, b in pairwise(keys)} == {4_000_000}
