"""The demo station end to end on emulated hardware: what issue 3 calls done.

A kiosk on a seeded store with the demo rig: orders scanned on the pty scanner, weighed on
the pty scale, labels and gift notes printed to loopback 9100 printers, read back by
independent readers (zplkit renders the ZPL, zxing-cpp decodes the barcodes, biip parses
the SSCC); unplugging the scanner and switching the label printer off are shown and
recovered, and a label cut off mid-job is printed again only when the operator says so.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import biip
import pytest
import zplkit
import zxingcpp
from PIL import Image
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.demo.seed import seed_if_empty
from app.scale_protocols import ScaleProtocol
from app.station_devices import default_devices
from app.store.open import Store, open_store
from app.store.tables import Package
from devices.emulators.demo_rig import DemoRig
from devices.printer_gateway import PrinterGateway
from devices.printer_monitor import PrinterMonitor
from devices.serial_scale import SerialScale, SerialScaleConfig
from devices.serial_scanner import PortState, SerialScanner, SerialScannerConfig
from tests.demo_orders import pick_order
from tests.ui.kiosk import build_window, uninstall
from ui.main_window import MainWindow

pytestmark = pytest.mark.slow


class Station:
    def __init__(self, window: MainWindow, rig: DemoRig, store: Store, out: Path) -> None:
        self.window, self.rig, self.store, self.out = window, rig, store, out

    def scan(self, qtbot: QtBot, code: str) -> None:
        with qtbot.waitSignal(self.window.scan_handled, timeout=5000):
            self.rig.scanner.scan(code)

    def pack(self, qtbot: QtBot, number: str, codes: list[str]) -> list[object]:
        """Scan an order and its units; returns the results of its documents."""
        self.scan(qtbot, number)
        with qtbot.waitSignal(self.window.documents_done, timeout=20_000) as done:
            for code in codes:
                self.scan(qtbot, code)
        return list(done.args[0])


@pytest.fixture
def station(qtbot: QtBot, tmp_path: Path) -> Iterator[Station]:
    store = open_store(tmp_path / "station.sqlite3")
    seed_if_empty(store.sessions, orders=40)
    out = tmp_path / "out"
    out.mkdir()
    rig = DemoRig.start(tmp_path / "rig")
    devices = rig.devices(default_devices(out), out)
    scanner = SerialScanner(
        SerialScannerConfig(port=str(rig.scanner.link), name="Demo scanner", reconnect_s=0.05)
    )
    scale = SerialScale(
        SerialScaleConfig(
            port=str(rig.scale.link), protocol=ScaleProtocol.SICS, name="Demo scale", poll_s=0.05
        )
    )
    monitor = PrinterMonitor(PrinterGateway(), devices.printers, interval_s=0.2)
    window, _ = build_window(
        store,
        out,
        serial_scanners=(scanner,),
        devices=devices,
        scale=scale,
        printer_monitor=monitor,
    )
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: scanner.state is PortState.CONNECTED, timeout=5000)
    assert rig.scanner.wait_opened()
    try:
        yield Station(window, rig, store, out)
    finally:
        uninstall(window)
        rig.stop()
        store.close()


def zpl_barcodes(zpl: bytes) -> list[zxingcpp.Barcode]:
    [label] = zplkit.render(zpl).labels
    return list(zxingcpp.read_barcodes(Image.open(io.BytesIO(label.png()))))


def test_an_order_scanned_weighed_and_printed_on_emulated_devices(
    qtbot: QtBot, station: Station
) -> None:
    """GIVEN the demo rig WHEN a parcel of 1.85 kg sits on the scale and an order is packed
    by serial scans THEN the slip is a PDF file, the label reaches the label printer whole,
    its SSCC decodes and matches the package, and the package weighs what the scale said."""
    window, rig = station.window, station.rig
    rig.scale.set_weight(1850)
    qtbot.waitUntil(lambda: window.stable_weight_g == 1850, timeout=5000)
    assert "1.850 kg" in window.status_panel.scale.text()
    number, codes = pick_order(station.store, min_lines=1, gift=False)
    results = station.pack(qtbot, number, codes)
    assert [(r.kind, r.state) for r in results] == [  # type: ignore[attr-defined]
        ("packing_slip", "done"),
        ("shipping_label", "done"),
    ]
    assert (station.out / f"{number}-packing-slip.pdf").read_bytes().startswith(b"%PDF")
    [job] = rig.labels.wait_for_jobs(1)
    assert job.data.startswith(b"^XA") and job.data.rstrip().endswith(b"^XZ")
    [sscc_code] = [b for b in zpl_barcodes(job.data) if b.content_type.name == "GS1"]
    sscc = biip.parse("]C1" + sscc_code.bytes.decode()).sscc
    assert sscc is not None
    with station.store.sessions() as s:
        package = s.execute(select(Package).join(Package.contents).distinct()).scalars().one()
    assert (package.sscc, package.weight_g) == (sscc.value, 1850)
    assert b"1.85 kg" in job.data or b"1.850 kg" in job.data
    qtbot.waitUntil(lambda: "Printers ready" in window.status_panel.printer.text(), timeout=5000)


def test_a_gift_order_prints_its_note_on_the_receipt_printer(
    qtbot: QtBot, station: Station
) -> None:
    number, codes = pick_order(station.store, min_lines=1, gift=True)
    results = station.pack(qtbot, number, codes)
    assert [r.kind for r in results] == [  # type: ignore[attr-defined]
        "packing_slip",
        "shipping_label",
        "gift_note",
    ]
    [note] = station.rig.receipts.wait_for_jobs(1)
    assert note.data.startswith(b"\x1b@")  # ESC @ first
    assert number.encode() in note.data


def test_unplugged_scanner_and_offline_printer_are_shown_and_recover(
    qtbot: QtBot, station: Station
) -> None:
    """The scanner's cable is pulled and put back; the label printer is off while an order
    completes: the status bar says so, the label waits, and prints once when it is back."""
    window, rig = station.window, station.rig
    rig.scanner.unplug()
    qtbot.waitUntil(lambda: "not connected" in window.status_panel.scanner.text(), timeout=5000)
    rig.scanner.plug()
    qtbot.waitUntil(lambda: "Scanner ready" in window.status_panel.scanner.text(), timeout=5000)
    assert rig.scanner.wait_opened()

    rig.labels.set_state("offline")
    qtbot.waitUntil(lambda: "offline" in window.status_panel.printer.text(), timeout=5000)
    number, codes = pick_order(station.store, min_lines=1, gift=False)
    results = station.pack(qtbot, number, codes)
    states = {r.kind: r.state for r in results}  # type: ignore[attr-defined]
    assert states == {"packing_slip": "done", "shipping_label": "waiting"}
    assert window.banner.tone == "error" and "not printed yet" in window.banner.text()

    rig.labels.set_state("ready")
    with qtbot.waitSignal(window.documents_done, timeout=20_000) as later:
        window.retry_button.click()
    assert [(r.kind, r.state) for r in later.args[0]] == [("shipping_label", "done")]
    assert len(rig.labels.wait_for_jobs(1)) == 1
    window.printing.submit_due()  # asking again prints nothing more
    qtbot.wait(300)
    assert len(rig.labels.jobs) == 1


def test_a_label_cut_off_mid_job_is_printed_again_only_when_the_operator_says_so(
    qtbot: QtBot, station: Station
) -> None:
    window, rig = station.window, station.rig
    rig.labels.drop_next_job_after(200)
    number, codes = pick_order(station.store, min_lines=1, gift=False)
    results = station.pack(qtbot, number, codes)
    assert {r.kind: r.state for r in results}["shipping_label"] == "uncertain"  # type: ignore[attr-defined]
    qtbot.waitUntil(window.print_check.isVisible, timeout=5000)
    assert number in window.print_check.question.text()
    window.printing.submit_due()
    qtbot.wait(300)
    assert len(rig.labels.jobs) == 1  # the cut-off one; nothing sent again by itself
    with qtbot.waitSignal(window.documents_done, timeout=20_000) as again:
        window.print_check.no.click()
    [copy] = again.args[0]
    assert copy.ok and copy.kind == "shipping_label"
    jobs = rig.labels.wait_for_jobs(2)
    assert b"REPRINT 2" in jobs[-1].data
    qtbot.waitUntil(lambda: not window.print_check.isVisible(), timeout=5000)
