"""Screenshots of every kiosk screen, for people to look at (``./run shots [DIR]``).

Writes PNGs of the ready screen, a normal order mid-pack, a refused scan, a gift/VIP order
with Greek text, and the finished state, from a fresh demo store; then the devices screen
(printers with live state, a test print with its preview, the printer form refusing an
address, a test scan and calibration, the scanner form refusing a port taken twice, the live
scale) against emulated devices; picking and sorting (``tests/ui/pick_shots.py``), also at
a handheld's size. All of it in English and again in Greek (``el-*``) with the
committed catalogue resources/translations/tote_el.qm, where longer words show whether the
layout holds.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import select

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from app.demo.seed import seed_if_empty
from app.scale_protocols import ScaleProtocol
from app.station_devices import (
    Language,
    PrinterSettings,
    ScaleSettings,
    StationDevices,
    TransportKind,
)
from app.store.open import open_store
from app.store.tables import Order, ProductBarcode
from devices.emulators.pty_scale import PtyScale
from devices.emulators.tcp_printer import TcpPrinterEmulator
from devices.printer_gateway import PrinterGateway
from devices.printer_monitor import PrinterMonitor
from devices.serial_scale import SerialScale, SerialScaleConfig
from tests.ui.kiosk import build_window, timed_scan, uninstall, wedge_scan
from tests.ui.pack_box_shots import take_pack_box_screenshots
from tests.ui.pack_panel_shots import take_pack_panel_screenshots
from tests.ui.pick_shots import HANDHELD, take_pick_screenshots
from tests.ui.sync_shots import take_sync_screenshots
from ui.main_window import MainWindow
from ui.qt import QApplication, QWidget
from ui.screens.devices import SCALE, SCANNERS
from ui.translations import install_translations


def _units(session, order: Order) -> list[str]:  # type: ignore[no-untyped-def]
    codes = []
    for line in order.lines:
        gtin = session.execute(
            select(ProductBarcode.gtin14).where(
                ProductBarcode.product_id == line.product_id, ProductBarcode.units == 1
            )
        ).scalar()
        codes += [gtin.lstrip("0").zfill(13)] * line.qty_ordered
    return codes


def shooter(
    window: QWidget, out_dir: Path, prefix: str, shots: list[Path]
) -> Callable[[str], None]:
    """``shot(name)``: the window as it is now, saved as ``out_dir/<prefix><name>.png``
    and listed in ``shots``."""

    def shot(name: str) -> None:
        app = QApplication.instance()
        assert app is not None
        app.processEvents()
        path = out_dir / f"{prefix}{name}.png"
        window.grab().save(str(path))
        shots.append(path)

    return shot


@contextmanager
def _language(app: QApplication, greek: bool) -> Iterator[None]:
    """The Greek catalogue the kiosk loads with ``--language el``, for the ``el-*`` shots."""
    if not greek:
        yield
        return
    translator = install_translations(app, "el")
    if translator is None:
        raise SystemExit("resources/translations/tote_el.qm is missing: run ./run translations")
    try:
        yield
    finally:
        app.removeTranslator(translator)
        install_translations(app, "en")


@contextmanager
def shot_run(out_dir: Path, greek: bool) -> Iterator[tuple[QApplication, str, list[Path]]]:
    """The application, the file prefix ("el-" for Greek) and the list every shot joins,
    with the catalogue of the language asked for installed."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    out_dir.mkdir(parents=True, exist_ok=True)
    shots: list[Path] = []
    with _language(app, greek):
        yield app, "el-" if greek else "", shots


def take_screenshots(
    out_dir: Path, size: tuple[int, int] = (1280, 800), greek: bool = False
) -> list[Path]:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    out_dir.mkdir(parents=True, exist_ok=True)
    shots: list[Path] = []
    prefix = "el-" if greek else ""
    with tempfile.TemporaryDirectory() as tmp, _language(app, greek):
        store = open_store(Path(tmp) / "station.sqlite3")
        seed_if_empty(store.sessions)
        window, _ = build_window(store, Path(tmp) / "out")
        window.resize(*size)
        shot = shooter(window, out_dir, prefix, shots)

        with store.sessions() as s:
            orders = s.execute(select(Order).order_by(Order.id)).scalars().all()
            big = next(o for o in orders if len(o.lines) >= 8 and not (o.gift or o.vip))
            special = (
                next(o for o in orders if o.gift and (o.vip or o.replacement))
                if any(o.gift and (o.vip or o.replacement) for o in orders)
                else next(o for o in orders if o.gift)
            )
            greek = next(o for o in orders if o.ship_country == "GR" and o is not big)
            big_codes, greek_codes = _units(s, big), _units(s, greek)
            big_number, special_number, greek_number = big.number, special.number, greek.number
        shot("01-ready")
        wedge_scan(window, big_number)
        for code in big_codes[:3]:
            wedge_scan(window, code)
        shot("02-packing")
        wedge_scan(window, "4006381333931")
        shot("03-refused-scan")
        window.aside_button.click()
        wedge_scan(window, special_number)
        shot("04-special-order")
        window.aside_button.click()
        wedge_scan(window, greek_number)
        for code in greek_codes[:-1]:
            wedge_scan(window, code)
        printed: list[object] = []
        window.documents_done.connect(printed.append)
        wedge_scan(window, greek_codes[-1])
        deadline = time.monotonic() + 30
        while not printed and time.monotonic() < deadline:
            app.processEvents()
            time.sleep(0.01)
        shot("05-order-packed")
        uninstall(window)
        store.close()
    return shots


def _pump(app: QApplication, seconds: float, until: object = None) -> None:
    """Run the event loop up to ``seconds``, or until ``until()`` is true."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        app.processEvents()
        if callable(until) and until():
            return
        time.sleep(0.01)


def _station(tmp: Path, labels: int, receipts: int, scale_port: Path) -> StationDevices:
    return StationDevices(
        printers=(
            PrinterSettings(
                "Slip folder",
                Language.PDF,
                TransportKind.FOLDER,
                str(tmp / "out"),
                documents=("packing_slip",),
            ),
            PrinterSettings(
                "Label printer",
                Language.ZPL,
                TransportKind.TCP,
                f"127.0.0.1:{labels}",
                documents=("shipping_label", "tote_label", "location_label"),
            ),
            PrinterSettings(
                "Receipt printer",
                Language.ESCPOS,
                TransportKind.TCP,
                f"127.0.0.1:{receipts}",
                documents=("gift_note",),
            ),
        ),
        scale=ScaleSettings("Bench scale", str(scale_port)),
    )


def take_device_screenshots(
    out_dir: Path, size: tuple[int, int] = (1280, 800), greek: bool = False
) -> list[Path]:
    """The devices screen on emulated printers (one out of paper) and a pty scale."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    out_dir.mkdir(parents=True, exist_ok=True)
    shots: list[Path] = []
    with (
        _language(app, greek),
        tempfile.TemporaryDirectory() as tmp,
        TcpPrinterEmulator("zpl") as labels,
        TcpPrinterEmulator("escpos") as receipts,
        PtyScale(Path(tmp) / "scale", ScaleProtocol.SICS) as scale_emulator,
    ):
        store = open_store(Path(tmp) / "station.sqlite3")
        seed_if_empty(store.sessions, orders=10)
        (Path(tmp) / "out").mkdir()
        devices = _station(Path(tmp), labels.port, receipts.port, scale_emulator.link)
        receipts.set_state("paper_out")
        gateway = PrinterGateway()
        config = SerialScaleConfig(str(scale_emulator.link), name="Bench scale", poll_s=0.05)
        window, _ = build_window(
            store,
            Path(tmp) / "out",
            devices=devices,
            scale=SerialScale(config),
            printer_monitor=PrinterMonitor(gateway, devices.printers, interval_s=0.3),
            devices_path=Path(tmp) / "devices.toml",
        )
        window.resize(*size)
        prefix = "el-" if greek else ""
        shot = shooter(window, out_dir, prefix, shots)

        try:
            _device_shots(app, window, scale_emulator, shot, greek)
        finally:
            uninstall(window)
            gateway.close()
            store.close()
    return shots


def _device_shots(
    app: QApplication,
    window: MainWindow,
    scale: PtyScale,
    shot: Callable[[str], None],
    greek: bool,
) -> None:
    _pump(app, 0.3)
    if greek:  # the ready screen's Devices button, translated
        shot("00-ready")
    window.ready.devices_button.click()
    printers = window.devices.printers
    _pump(app, 3, lambda: all(c.state.property("tone") for c in printers.cards[1:]))
    shot("06-devices-printers")
    printers.select("Label printer")
    printers.test_button.click()
    _pump(app, 10, printers.preview.has_preview)
    shot("07-devices-test-print")
    printers.preview.clicked.emit()
    shot("07b-devices-test-print-large")
    printers.close_zoom_button.click()
    printers.add_button.click()
    printers.form.name.setText("Zebra 2")
    printers.form.address.setText("zebra-2.local")
    printers.form.ok_button.click()
    shot("08-devices-printer-form")
    printers.form.cancel_button.click()
    window.devices.show_section(SCANNERS)
    window.devices.scanners.calibrate_button.click()
    stamp = 5_000_000
    for _ in range(3):
        stamp = timed_scan(window, "CAL-12345", stamp, gap_ms=9)
    shot("09-devices-calibration")
    window.devices.scanners.use_button.click()
    _scanner_form_shot(window, shot)
    wedge_scan(window, "]C1010950110153000317261231" + "10LOT7\x1d21S9")
    shot("09-devices-scanners")
    window.devices.show_section(SCALE)
    scale.set_weight(2350)
    page = window.devices.scale
    _pump(app, 5, lambda: page.stability.text() == page.tr("stable"))
    page.tare_button.click()
    _pump(app, 5, lambda: bool(page.answer.text()) and page.answer.property("tone"))
    page.port.setText("/dev/serial/by-id/usb-Mettler_Toledo_scale-if00")
    page.changed.emit()
    shot("10-devices-scale")


def _scanner_form_shot(window: MainWindow, shot: Callable[[str], None]) -> None:
    """A serial scanner added, then a second one on its port refused beside the form."""
    page = window.devices.scanners
    port = "/dev/serial/by-id/usb-Honeywell_Imaging_Xenon_1900-if00"
    for name in ("Lane 1", "Lane 2"):
        page.add_button.click()
        page.form.name.setText(name)
        page.form.port.setText(port)
        page.form.baud.button(115200).click()
        page.form.suffix.button("crlf").click()
        page.form.ok_button.click()
    shot("09b-devices-scanner-form")
    page.form.cancel_button.click()


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "out/screens")
    sizes = [(1280, 800), (1024, 768), (1920, 1080)]
    for width, height in sizes:
        folder = target / f"{width}x{height}"
        for greek in (False, True):
            for p in take_screenshots(folder, (width, height), greek):
                print(p)
            for p in take_device_screenshots(folder, (width, height), greek):
                print(p)
            for p in take_sync_screenshots(folder, (width, height), greek):
                print(p)
            for p in take_pick_screenshots(folder, (width, height), greek):
                print(p)
            for p in take_pack_panel_screenshots(folder, (width, height), greek):
                print(p)
            for p in take_pack_box_screenshots(folder, (width, height), greek):
                print(p)
    for greek in (False, True):  # picking on a handheld
        for p in take_pick_screenshots(target / "x".join(map(str, HANDHELD)), HANDHELD, greek):
            print(p)
