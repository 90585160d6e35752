"""The kiosk packs demo orders by keyboard-wedge scans alone (real widgets, real store)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select, text

from app.demo.seed import seed_if_empty
from app.store.open import Store, open_store
from tests.demo_orders import foreign_gtin, pick_order
from tests.ui.kiosk import RecordingSound, build_window, key_target, send_key, uninstall, wedge_scan
from ui.main_window import MainWindow
from ui.qt import QApplication, QPushButton, Qt
from ui.theme import TOUCH_TARGET_MM


@pytest.fixture
def demo_store(tmp_path: Path) -> Iterator[Store]:
    store = open_store(tmp_path / "station.sqlite3")
    seed_if_empty(store.sessions, orders=60)
    yield store
    store.close()


@pytest.fixture
def kiosk(
    qtbot: QtBot, demo_store: Store, tmp_path: Path
) -> Iterator[tuple[MainWindow, RecordingSound]]:
    """The kiosk window on the demo store; removed again even when the test fails."""
    window, sound = build_window(demo_store, tmp_path / "out")
    qtbot.addWidget(window)
    yield window, sound
    uninstall(window)


def store_rows(store: Store) -> tuple[object, ...]:
    """Row counts and high-water marks of everything a scan writes."""
    with store.sessions() as s:
        tables = ("audit_log", "outbox", "package_contents")
        counts = [s.execute(text(f"SELECT COUNT(*), MAX(id) FROM {t}")).one() for t in tables]
        units = s.execute(text("SELECT SUM(qty_packed) FROM order_lines")).scalar()
        return (*counts, units)


def test_demo_order_packed_by_wedge_scans_including_a_wrong_one(
    qtbot: QtBot, demo_store: Store, kiosk: tuple[MainWindow, RecordingSound]
) -> None:
    """GIVEN the demo data WHEN an order, a wrong item and every unit are scanned with no
    field focused THEN the wrong scan is refused in red with a sound and changes nothing,
    and the order completes with its packing slip PDF."""
    window, sound = kiosk
    assert QApplication.focusWidget() is None or QApplication.focusWidget() is window
    number, codes = pick_order(demo_store)

    wedge_scan(window, number)
    assert window.stack.currentWidget() is window.pack
    assert window.pack.order_number.text() == number
    assert window.pack.table.rowCount() >= 2

    before = store_rows(demo_store)
    wedge_scan(window, foreign_gtin(demo_store, number))
    assert window.banner.tone == "error"
    assert "Wrong item" in window.banner.text()
    banner = window.banner.grab().toImage()  # really drawn red, not just labelled so
    red = banner.pixelColor(banner.width() // 2, 6)
    assert (red.red(), red.green(), red.blue()) == (0xC6, 0x28, 0x28)
    assert sound.played[-1] == "error"
    assert store_rows(demo_store) == before

    with qtbot.waitSignal(window.documents_done, timeout=10_000) as printed:
        for i, code in enumerate(codes):
            wedge_scan(window, code)
            if i < len(codes) - 1:
                assert window.banner.tone == "ok", window.banner.text()
                assert window.pack.progress.value() == i + 1
    slip, label = printed.args[0]
    assert slip.ok and slip.path.exists() and slip.path.read_bytes().startswith(b"%PDF")
    assert label.ok and label.path.name.endswith("-shipping-label-1.zpl")
    assert label.path.read_bytes().startswith(b"^XA")
    assert window.stack.currentWidget() is window.ready
    assert number in window.ready.last.text()
    assert "Packing slip printed on Slip folder\nShipping label printed on Label folder" in (
        window.ready.last.text()
    )
    assert sound.played.count("done") == 1
    assert window.entry.text() == ""  # no scan leaked into the manual entry field


def test_slow_typing_goes_to_the_entry_field_and_enter_submits_it(
    qtbot: QtBot, demo_store: Store, kiosk: tuple[MainWindow, RecordingSound]
) -> None:
    """Human-speed typing is not a scan: it lands in the manual field, Enter opens the order."""
    window, _ = kiosk
    number, _codes = pick_order(demo_store)
    for ch in number:
        send_key(key_target(window), ch)
        qtbot.wait(90)  # a fast human: 90 ms between keys
    qtbot.waitUntil(lambda: window.entry.text() == number, timeout=2000)
    assert window.stack.currentWidget() is window.ready
    send_key(key_target(window), "\r", Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.pack
    assert window.pack.order_number.text() == number


def test_restart_returns_to_the_order_with_exactly_the_confirmed_scans(
    qtbot: QtBot, demo_store: Store, tmp_path: Path
) -> None:
    """Quit mid-order; a new kiosk on the same store is back on it with the same progress."""
    window, _ = build_window(demo_store, tmp_path / "out")
    number, codes = pick_order(demo_store, min_lines=3)
    wedge_scan(window, number)
    for code in codes[:2]:
        wedge_scan(window, code)
    uninstall(window)

    again, _ = build_window(demo_store, tmp_path / "out")
    qtbot.addWidget(again)
    assert again.stack.currentWidget() is again.pack
    assert again.pack.order_number.text() == number
    assert again.pack.progress.value() == 2
    assert number in again.banner.text()
    uninstall(again)


def test_gift_order_is_flagged_unmistakably(
    qtbot: QtBot, demo_store: Store, kiosk: tuple[MainWindow, RecordingSound]
) -> None:
    """A gift order shows a GIFT badge, its special code and the no-prices instruction."""
    window, _ = kiosk
    number, _ = pick_order(demo_store, min_lines=1, gift=True)
    wedge_scan(window, number)
    assert window.pack.badges[0].text() == "GIFT"
    assert window.pack.special_note.isVisible()
    assert "no prices" in window.pack.special_note.text()
    assert "GFT-" in window.pack.special_note.text()


def test_touch_targets_are_at_least_15_mm(
    qtbot: QtBot, demo_store: Store, kiosk: tuple[MainWindow, RecordingSound]
) -> None:
    """Every button and the entry field are at least 15 mm tall at 96 dpi and above."""
    window, _ = kiosk
    number, _ = pick_order(demo_store)
    wedge_scan(window, number)
    qtbot.wait(10)
    min_px = TOUCH_TARGET_MM / 25.4 * 96
    widgets = [*window.findChildren(QPushButton), window.entry]
    for widget in widgets:
        if widget.isVisible():
            assert widget.height() >= min_px, (widget.text(), widget.height())
            assert widget.width() >= min_px, (widget.text(), widget.width())


def test_scan_timing_from_first_key_is_recorded(
    qtbot: QtBot, demo_store: Store, kiosk: tuple[MainWindow, RecordingSound]
) -> None:
    """The RawScan from the wedge carries the monotonic time of its first key."""
    window, _ = kiosk
    number, _ = pick_order(demo_store)
    seen: list[int] = []
    window.wedge.scanned.connect(lambda raw: seen.append(raw.at_ns))
    start = time.monotonic_ns()
    wedge_scan(window, number)
    assert seen and start <= seen[0] <= time.monotonic_ns()


def test_missing_printer_folder_shows_the_error_and_retry_prints_once(
    qtbot: QtBot, demo_store: Store, tmp_path: Path
) -> None:
    """GIVEN a printer folder that is not there WHEN an order completes THEN the order is
    packed, the operator sees that its documents wait and a Retry button; once the folder
    is back, Retry writes exactly one slip and one label."""
    blocker = tmp_path / "out"
    blocker.write_text("a file where the slip folder should be")
    window, sound = build_window(demo_store, blocker)
    qtbot.addWidget(window)
    try:
        number, codes = pick_order(demo_store, min_lines=1)
        wedge_scan(window, number)
        with qtbot.waitSignal(window.documents_done, timeout=20_000) as printed:
            for code in codes:
                wedge_scan(window, code)
        assert [r.state for r in printed.args[0]] == ["waiting", "waiting"]
        assert window.banner.tone == "error"
        assert "not printed yet" in window.banner.text()
        assert sound.played[-1] == "error"
        window.refresh_status()
        assert window.retry_button.isVisible()

        blocker.unlink()
        blocker.mkdir()
        with qtbot.waitSignal(window.documents_done, timeout=20_000) as retried:
            window.retry_button.click()
        assert [(r.ok, r.order_number) for r in retried.args[0]] == [(True, number)] * 2
        assert sorted(p.name for p in blocker.iterdir()) == [
            f"{number}-packing-slip.pdf",
            f"{number}-shipping-label-1.zpl",
        ]
        window.refresh_status()
        assert not window.retry_button.isVisible()
    finally:
        uninstall(window)


def test_markup_in_order_data_is_shown_as_text(
    qtbot: QtBot, demo_store: Store, kiosk: tuple[MainWindow, RecordingSound]
) -> None:
    """Names, services and codes with '<', '&' are printed literally, never interpreted."""
    from app.store.tables import Order

    window, _ = kiosk
    number, _ = pick_order(demo_store)
    with demo_store.sessions.begin() as s:
        order = s.execute(select(Order).where(Order.number == number)).scalar_one()
        order.ship_name = "Smith & Sons <Ltd>"
        order.service = "Express <img src='x'>"
        order.gift, order.special_code = True, "GFT-<i>1"
        order.gift_message = "Love & <b>hugs</b>"
    wedge_scan(window, number)
    assert "Smith & Sons <Ltd>" in window.pack.meta.text()
    assert "Express <img src='x'>" in window.pack.meta.text()
    assert window.pack.meta.textFormat() == Qt.TextFormat.PlainText
    note = window.pack.special_note.text()
    assert "GFT-&lt;i&gt;1" in note and "Love &amp; &lt;b&gt;hugs&lt;/b&gt;" in note


def test_a_scanner_double_read_counts_once(qtbot: QtBot, demo_store: Store, tmp_path: Path) -> None:
    """With the kiosk's default 250 ms window, a code read twice in a row packs one unit;
    the same code a moment later packs the next."""
    from app.repeat_guard import RepeatConfig

    window, _ = build_window(demo_store, tmp_path / "out", repeat=RepeatConfig())
    qtbot.addWidget(window)
    try:
        number, codes = pick_order(demo_store, min_lines=1)
        wedge_scan(window, number)
        wedge_scan(window, codes[0])
        wedge_scan(window, codes[0])  # the scanner's multi-read
        assert window.pack.progress.value() == 1
        if len(codes) > 1:
            qtbot.wait(300)
            wedge_scan(window, codes[1])
            assert window.pack.progress.value() == 2
    finally:
        uninstall(window)


def test_command_barcodes_put_aside_and_reprint(
    qtbot: QtBot, demo_store: Store, kiosk: tuple[MainWindow, RecordingSound]
) -> None:
    """CMD:ASIDE leaves the order for the ready screen; CMD:REPRINT prints the next copy of
    the last order's slip and label: a station driven by scans alone."""
    window, _ = kiosk
    number, codes = pick_order(demo_store, min_lines=1)
    wedge_scan(window, number)
    wedge_scan(window, "CMD:ASIDE")
    assert window.stack.currentWidget() is window.ready
    assert "put aside" in window.banner.text()
    wedge_scan(window, number)
    with qtbot.waitSignal(window.documents_done, timeout=20_000):
        for code in codes:
            wedge_scan(window, code)
    with qtbot.waitSignal(window.documents_done, timeout=20_000) as again:
        wedge_scan(window, "CMD:REPRINT")
    assert [(r.ok, r.kind) for r in again.args[0]] == [
        (True, "packing_slip"),
        (True, "shipping_label"),
    ]
    assert all(r.order_number == number and "copy2" in str(r.path) for r in again.args[0])


def test_a_badge_scan_signs_the_operator_in(
    qtbot: QtBot, demo_store: Store, kiosk: tuple[MainWindow, RecordingSound]
) -> None:
    """Scanning OP:OP-002 greets Νίκος and the status bar names him from then on."""
    window, _ = kiosk
    wedge_scan(window, "OP:OP-002")
    assert "Νίκος Παπαδάκης" in window.banner.text()
    assert window.status_panel.operator.text() == "Operator Νίκος Παπαδάκης"
    number, _ = pick_order(demo_store, min_lines=1)
    wedge_scan(window, number)
    wedge_scan(window, "OP:OP-001")
    assert window.banner.tone == "error" and number in window.banner.text()
    assert window.status_panel.operator.text() == "Operator Νίκος Παπαδάκης"
