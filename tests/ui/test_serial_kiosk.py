"""A serial scanner drives the kiosk: pty -> reader thread -> GUI thread -> packed order."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from app.demo.seed import seed_if_empty
from app.store.open import open_store
from devices.serial_scanner import PortState, SerialScanner, SerialScannerConfig
from tests.demo_orders import pick_order
from tests.ptys import FakeCable
from tests.ui.kiosk import build_window, uninstall


def test_an_order_packed_by_a_serial_scanner_with_garbage_and_an_unplug(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """GIVEN a kiosk with a serial scanner WHEN it sends an order, garbage, the units (with
    an unplug and re-plug in the middle) THEN the order is packed, garbage shows in red and
    changes nothing, and the status bar tells when the scanner is unplugged."""
    store = open_store(tmp_path / "station.sqlite3")
    seed_if_empty(store.sessions, orders=30)
    number, codes = pick_order(store, min_lines=2)
    cable = FakeCable(tmp_path / "ttyScanner")
    cable.plug()
    scanner = SerialScanner(
        SerialScannerConfig(port=str(cable.link), name="lane1", reconnect_s=0.05)
    )
    window, _ = build_window(store, tmp_path / "out", serial_scanners=(scanner,))
    qtbot.addWidget(window)
    try:
        # Bytes written before the port is open are cooked by the tty (CR becomes LF).
        qtbot.waitUntil(lambda: scanner.state is PortState.CONNECTED, timeout=5000)
        with qtbot.waitSignal(window.scan_handled, timeout=5000):
            cable.send(number.encode() + b"\r")
        assert window.pack.order_number.text() == number

        cable.send(b"\xff\xfe\r")
        qtbot.waitUntil(lambda: window.banner.tone == "error", timeout=5000)
        assert "unreadable" in window.banner.text()
        assert window.pack.progress.value() == 0

        cable.unplug()
        qtbot.waitUntil(lambda: "not connected" in window.status_panel.scanner.text(), timeout=5000)
        cable.plug()
        qtbot.waitUntil(lambda: "Scanner ready" in window.status_panel.scanner.text(), timeout=5000)
        for i, code in enumerate(codes):
            with qtbot.waitSignal(window.scan_handled, timeout=5000):
                cable.send(code.encode() + b"\r")
            if i < len(codes) - 1:
                assert window.pack.progress.value() == i + 1
        assert number in window.ready.last.text()
    finally:
        uninstall(window)
        cable.unplug()
        store.close()
