"""The devices screen on the real kiosk window: real printers on loopback, a real pty scale,
wedge scans as hand-built key events, and devices.toml written for real."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from app.demo.seed import seed_if_empty
from app.scale_protocols import ScaleProtocol
from app.scale_stability import StabilityConfig
from app.station_devices import (
    CAN_DRAW,
    Language,
    PrinterSettings,
    ScannerSettings,
    StationDevices,
    TransportKind,
    load_devices,
)
from app.store.open import Store, open_store
from devices.emulators.pty_scale import PtyScale
from devices.emulators.tcp_printer import TcpPrinterEmulator
from devices.printer_gateway import PrinterGateway
from devices.serial_scale import SerialScale, SerialScaleConfig
from tests.demo_orders import pick_order
from tests.ui.kiosk import build_window, timed_scan, uninstall, wedge_scan
from ui.main_window import MainWindow
from ui.qt import QPushButton, Qt, QWidget
from ui.scan_texts import ZWSP
from ui.screens.devices import SCALE, SCANNERS, DevicesScreen
from ui.theme import TOUCH_TARGET_MM

WAIT_MS = 10_000


@pytest.fixture
def demo_store(tmp_path: Path) -> Iterator[Store]:
    store = open_store(tmp_path / "station.sqlite3")
    seed_if_empty(store.sessions, orders=20)
    yield store
    store.close()


@pytest.fixture
def label_printer() -> Iterator[TcpPrinterEmulator]:
    with TcpPrinterEmulator("zpl", port=0) as emulator:
        yield emulator


def zebra(emulator: TcpPrinterEmulator) -> StationDevices:
    return StationDevices(
        printers=(
            PrinterSettings(
                "Label printer",
                Language.ZPL,
                TransportKind.TCP,
                f"127.0.0.1:{emulator.port}",
                documents=("shipping_label", "tote_label"),
            ),
        )
    )


def open_devices(window: MainWindow) -> None:
    window.ready.devices_button.click()
    assert window.stack.currentWidget() is window.devices


def store_counts(store: Store) -> tuple[object, ...]:
    """Everything a scan could write: audit rows, outbox events, packed units, open orders."""
    with store.sessions() as s:
        return tuple(
            s.execute(text(sql)).scalar()
            for sql in (
                "SELECT COUNT(*) FROM audit_log",
                "SELECT COUNT(*) FROM outbox",
                "SELECT COALESCE(SUM(qty_packed), 0) FROM order_lines",
                "SELECT COUNT(*) FROM package_contents",
            )
        )


def test_the_devices_button_opens_the_screen_and_back_returns_to_ready(
    qtbot: QtBot, demo_store: Store, tmp_path: Path
) -> None:
    """GIVEN the ready screen WHEN Devices is pressed THEN the devices screen shows, the banner
    says scans pack nothing and changes wait for the next start; Back returns. Its buttons are
    touch-sized and never take the scanner's keys."""
    window, _ = build_window(demo_store, tmp_path / "out")
    qtbot.addWidget(window)
    try:
        button = window.ready.devices_button
        assert button.focusPolicy() == Qt.FocusPolicy.NoFocus
        open_devices(window)
        assert window.banner.headline == "Station devices"
        assert "next start" in window.banner.text()
        assert "nothing is packed" in window.devices.scanners.scan_hint.text()
        min_px = TOUCH_TARGET_MM / 25.4 * 96
        for widget in window.devices.findChildren(QPushButton):
            if widget.isVisible():
                assert widget.height() >= min_px, (widget.text(), widget.height())
                assert widget.width() >= min_px, (widget.text(), widget.width())
                assert widget.focusPolicy() == Qt.FocusPolicy.NoFocus, widget.text()
        window.devices.back_button.click()
        assert window.stack.currentWidget() is window.ready
        assert window.banner.headline == "Ready"
    finally:
        uninstall(window)


def test_a_test_print_reaches_a_tcp_printer_off_the_gui_thread_and_shows_a_preview(
    qtbot: QtBot,
    demo_store: Store,
    tmp_path: Path,
    label_printer: TcpPrinterEmulator,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """GIVEN a ZPL printer on a loopback emulator WHEN Test print is pressed THEN the sample
    shipping label (its first document) is rendered and sent on a worker thread, the emulator
    receives the ZPL, the screen says delivered and shows the label's picture."""
    threads: list[threading.Thread] = []
    deliver = PrinterGateway.deliver

    def spy(self: PrinterGateway, *args: object, **kw: object) -> object:
        threads.append(threading.current_thread())
        return deliver(self, *args, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(PrinterGateway, "deliver", spy)
    window, _ = build_window(demo_store, tmp_path / "out", devices=zebra(label_printer))
    qtbot.addWidget(window)
    try:
        open_devices(window)
        page = window.devices.printers
        assert [c.printer.name for c in page.cards] == ["Label printer"]
        page.test_button.click()
        qtbot.waitUntil(lambda: page.result.text().startswith("Delivered"), timeout=WAIT_MS)
        assert threads and threads[0] is not threading.main_thread()
        [job] = label_printer.jobs
        assert job.data.startswith(b"^XA") and b"SO-100042" in job.data
        assert "Shipping label" in page.preview_caption.text()
        assert page.preview.image is not None and not page.preview.image.isNull()
        assert page.preview.image.height() > page.preview.image.width()  # a 4x6 in label
        page.preview.clicked.emit()  # a tap shows it large
        assert page.pages.currentWidget() is page.zoom_view
        page.close_zoom_button.click()
        assert page.pages.currentWidget() is page.list_view
    finally:
        uninstall(window)


def test_a_test_print_to_an_offline_printer_says_not_sent_and_why(
    qtbot: QtBot, demo_store: Store, tmp_path: Path, label_printer: TcpPrinterEmulator
) -> None:
    """GIVEN the printer is switched off WHEN Test print is pressed THEN the screen says the
    label was not sent, with the reason, and the printer got nothing."""
    label_printer.set_state("offline")
    window, _ = build_window(demo_store, tmp_path / "out", devices=zebra(label_printer))
    qtbot.addWidget(window)
    try:
        open_devices(window)
        page = window.devices.printers
        page.test_button.click()
        qtbot.waitUntil(lambda: page.result.text().startswith("Not sent"), timeout=WAIT_MS)
        assert "not reachable" in page.result.text()
        assert page.result.property("tone") == "error"
        assert page.test_button.isEnabled()  # it can be tried again at once
        assert label_printer.jobs == []
    finally:
        uninstall(window)


def test_a_scan_on_the_devices_screen_is_shown_interpreted_and_packs_nothing(
    qtbot: QtBot, demo_store: Store, tmp_path: Path
) -> None:
    """GIVEN the devices screen WHEN a GS1 code, a Tote code and an order number are scanned
    THEN each is shown as Tote reads it, no order opens and the store is unchanged."""
    window, sound = build_window(demo_store, tmp_path / "out")
    qtbot.addWidget(window)
    try:
        open_devices(window)
        number, _codes = pick_order(demo_store)
        before = store_counts(demo_store)
        page = window.devices.scanners

        wedge_scan(window, "]C1010950110153000317261231" + "10LOT7\x1d21S9")
        assert window.devices.pages.currentIndex() == SCANNERS
        rows = page.shown_rows()
        assert rows["Kind"] == "Product (GTIN)"
        assert rows["GTIN-14"] == "09501101530003"
        assert (rows["Lot"], rows["Expiry"], rows["Serial"]) == ("LOT7", "2026-12-31", "S9")

        wedge_scan(window, "TOTE:T-0042")
        assert page.shown_rows()["Tote code"] == "tote: T-0042"
        wedge_scan(window, "4006381333932")  # wrong check digit
        assert "should end in 1" in page.shown_rows()["Problem"]
        wedge_scan(window, number)
        assert page.shown_rows()["Read as"] == number

        assert window.stack.currentWidget() is window.devices
        assert store_counts(demo_store) == before
        assert sound.played == []
    finally:
        uninstall(window)


def test_wedge_calibration_finds_a_gap_and_save_writes_it_to_devices_toml(
    qtbot: QtBot, demo_store: Store, tmp_path: Path
) -> None:
    """GIVEN calibration started WHEN a barcode is scanned three times with keys 10 ms apart
    THEN 18 ms is recommended (10 ms x 1.5, at least +8 ms); Use and Save write it to
    devices.toml, which the next start reads."""
    path = tmp_path / "devices.toml"
    window, _ = build_window(demo_store, tmp_path / "out", devices_path=path)
    qtbot.addWidget(window)
    try:
        open_devices(window)
        page = window.devices.scanners
        window.devices.show_section(SCANNERS)
        page.calibrate_button.click()
        stamp = 5_000_000
        for _ in range(3):
            stamp = timed_scan(window, "CAL-12345", stamp, gap_ms=10)
        assert "Recommended: 18 ms" in page.calibration.text(), page.calibration.text()
        assert page.use_button.isVisible() and page.use_button.text() == "Use 18 ms"
        page.use_button.click()
        assert window.banner.headline == "Not saved yet"
        assert not path.exists()
        window.devices.save_button.click()
        assert load_devices(path).wedge_max_gap_ms == 18.0
        assert window.banner.tone == "ok" and "Restart Tote" in window.banner.text()
        assert not window.devices.save_button.isEnabled()
    finally:
        uninstall(window)


def test_a_printer_with_a_bad_address_is_refused_beside_the_form_and_nothing_is_written(
    qtbot: QtBot, demo_store: Store, tmp_path: Path
) -> None:
    """GIVEN the add-printer form WHEN a network printer without a port is entered THEN the
    form says why, the printer list and devices.toml stay as they were; corrected, it is
    added and Save writes it."""
    path = tmp_path / "devices.toml"
    window, _ = build_window(demo_store, tmp_path / "out", devices_path=path)
    qtbot.addWidget(window)
    try:
        open_devices(window)
        page = window.devices.printers
        before = [c.printer.name for c in page.cards]
        page.add_button.click()
        form = page.form
        assert page.pages.currentWidget() is form
        form.name.setText("Zebra 2")
        form.transport.button(TransportKind.TCP).click()
        form.address.setText("zebra-2.local")
        form.documents["tote_label"].setChecked(True)
        form.ok_button.click()
        assert form.error.isVisible()
        assert "host:port" in form.error.text()
        assert page.pages.currentWidget() is form
        assert [c.printer.name for c in page.cards] == before
        assert not window.devices.save_button.isEnabled()
        assert not path.exists()

        form.address.setText("zebra-2.local:9100")
        form.ok_button.click()
        assert page.pages.currentWidget() is page.list_view
        assert [c.printer.name for c in page.cards] == [*before, "Zebra 2"]
        window.devices.save_button.click()
        saved = load_devices(path).printer("Zebra 2")
        assert saved is not None and saved.address == "zebra-2.local:9100"
        assert saved.documents == ("tote_label",)
    finally:
        uninstall(window)


def test_the_form_offers_only_the_documents_the_language_can_draw(
    qtbot: QtBot, demo_store: Store, tmp_path: Path
) -> None:
    """The document boxes follow CAN_DRAW; dpi is asked for ZPL only, paper for ESC/POS."""
    window, _ = build_window(demo_store, tmp_path / "out")
    qtbot.addWidget(window)
    try:
        open_devices(window)
        form = window.devices.printers.form
        window.devices.printers.add_button.click()
        form.language.button(Language.ESCPOS).click()
        assert not form.documents["shipping_label"].isVisibleTo(form)
        assert form.documents["packing_slip"].isVisibleTo(form)
        assert form.paper.isVisibleTo(form) and not form.dpi.isVisibleTo(form)
        form.language.button(Language.ZPL).click()
        assert not form.documents["packing_slip"].isVisibleTo(form)
        assert form.dpi.isVisibleTo(form) and not form.paper.isVisibleTo(form)
        form.language.button(Language.PDF).click()
        drawn = {kind for kind, box in form.documents.items() if box.isVisibleTo(form)}
        assert drawn == CAN_DRAW[Language.PDF]
    finally:
        uninstall(window)


def open_scanners(window: MainWindow) -> None:
    open_devices(window)
    window.devices.show_section(SCANNERS)


def assert_touch_sized(widget: QWidget) -> None:
    """Every visible button is at least TOUCH_TARGET_MM both ways and never takes the keys."""
    min_px = TOUCH_TARGET_MM / 25.4 * 96
    buttons = [b for b in widget.findChildren(QPushButton) if b.isVisible()]
    assert buttons
    for button in buttons:
        assert button.height() >= min_px, (button.text(), button.height())
        assert button.width() >= min_px, (button.text(), button.width())
        assert button.focusPolicy() == Qt.FocusPolicy.NoFocus, button.text()


def test_a_serial_scanner_added_edited_and_removed_on_screen_is_saved_to_devices_toml(
    qtbot: QtBot, demo_store: Store, tmp_path: Path
) -> None:
    """GIVEN no serial scanners WHEN one is added through the form and saved THEN devices.toml
    holds its port, baud and suffix and loads back, and its card says it runs from the next
    start; WHEN its baud is changed, or it is removed, and saved THEN the file follows. The
    form's and the cards' buttons are touch-sized."""
    path = tmp_path / "devices.toml"
    window, _ = build_window(demo_store, tmp_path / "out", devices_path=path)
    qtbot.addWidget(window)
    try:
        open_scanners(window)
        page = window.devices.scanners
        assert "None set up" in page.serial_list.text()
        page.add_button.click()
        form = page.form
        assert page.pages.currentWidget() is form
        assert_touch_sized(form)
        form.name.setText("Lane 3")
        form.port.setText("/dev/serial/by-id/usb-Honeywell_1900-if00")
        form.baud.button(115200).click()
        form.suffix.button("crlf").click()
        form.ok_button.click()
        assert page.pages.currentWidget() is page.list_view
        [card] = page.cards
        assert card.state.text() == "from the next start"
        assert not page.serial_list.isVisibleTo(page)
        assert_touch_sized(card)
        assert window.banner.headline == "Not saved yet"
        assert not path.exists()
        window.devices.save_button.click()
        assert load_devices(path).scanners == (
            ScannerSettings("Lane 3", "/dev/serial/by-id/usb-Honeywell_1900-if00", 115200, "crlf"),
        )
        assert not window.devices.save_button.isEnabled()

        card.edit_button.click()
        assert form.name.text() == "Lane 3" and form.baud.value() == 115200
        assert form.suffix.value() == "crlf"
        form.baud.button(9600).click()
        form.ok_button.click()
        assert window.banner.headline == "Not saved yet"
        window.devices.save_button.click()
        [saved] = load_devices(path).scanners
        assert (saved.name, saved.baud, saved.suffix) == ("Lane 3", 9600, "crlf")

        page.cards[0].remove_button.click()
        assert page.cards == [] and "None set up" in page.serial_list.text()
        assert window.banner.headline == "Not saved yet"
        window.devices.save_button.click()
        assert load_devices(path).scanners == ()
    finally:
        uninstall(window)


def test_a_scanner_on_a_port_already_taken_is_refused_beside_the_form_and_nothing_is_written(
    qtbot: QtBot, demo_store: Store, tmp_path: Path, label_printer: TcpPrinterEmulator
) -> None:
    """GIVEN a scanner on /dev/ttyACM0 WHEN a second one is added on that port THEN the form
    says the port is taken, the list, the draft and devices.toml are unchanged; an empty port
    is refused too; on another port it is kept."""
    path = tmp_path / "devices.toml"
    devices = replace(zebra(label_printer), scanners=(ScannerSettings("Lane 1", "/dev/ttyACM0"),))
    window, _ = build_window(demo_store, tmp_path / "out", devices=devices, devices_path=path)
    qtbot.addWidget(window)
    try:
        open_scanners(window)
        page = window.devices.scanners
        page.add_button.click()
        form = page.form
        form.name.setText("Lane 2")
        form.ok_button.click()
        assert form.error.isVisible() and "port" in form.error.text()
        form.port.setText("/dev/ttyACM0")
        form.ok_button.click()
        assert form.error.isVisible()
        said = form.error.text().replace(ZWSP, "")
        assert "two scanners have the same port: /dev/ttyACM0" in said
        assert form.error.property("tone") == "error"
        assert page.pages.currentWidget() is form
        assert [c.scanner.name for c in page.cards] == ["Lane 1"]
        assert window.devices.draft().scanners == devices.scanners
        assert not window.devices.save_button.isEnabled()
        assert not path.exists()

        form.port.setText("/dev/ttyACM1")
        form.ok_button.click()
        assert [c.scanner.name for c in page.cards] == ["Lane 1", "Lane 2"]
        assert window.devices.save_button.isEnabled()
    finally:
        uninstall(window)


def test_a_running_scanner_shows_its_live_state_and_a_new_one_waits_for_the_next_start(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """GIVEN Tote started with Lane 1 from devices.toml and Lane 9 from the command line WHEN
    Lane 1 connects THEN its card says so; an added scanner says "from the next start"; Lane 9
    is listed but cannot be changed here; a baud set by hand (4800) survives an edit."""
    lane_1 = ScannerSettings("Lane 1", "/dev/ttyACM0", baud=4800, suffix="lf")
    screen = DevicesScreen(
        StationDevices(scanners=(lane_1,)),
        tmp_path / "devices.toml",
        serial_scanners=[("Lane 1", "/dev/ttyACM0"), ("Lane 9", "/dev/ttyS9")],
    )
    qtbot.addWidget(screen)
    page = screen.scanners
    screen.set_serial_state("Lane 1", "connected", "")
    assert page.cards[0].state.text() == "connected"
    assert page.cards[0].state.property("tone") == "ok"
    assert "Lane 9" in page.serial_list.text() and "command line" in page.serial_list.text()

    page.cards[0].edit_button.click()
    assert page.form.baud.value() == 4800
    page.form.suffix.button("cr").click()
    page.form.ok_button.click()
    assert screen.draft().scanners == (replace(lane_1, suffix="cr"),)

    page.add_button.click()
    page.form.name.setText("Lane 2")
    page.form.port.setText("/dev/ttyACM1")
    page.form.ok_button.click()
    assert [c.state.text() for c in page.cards] == ["connected", "from the next start"]
    assert screen.last_notice[1] == "Not saved yet"


FAST = StabilityConfig(min_readings=3, window_ms=60, tolerance_g=2)


def test_live_weight_from_a_pty_scale_shows_and_tare_reaches_the_scale(
    qtbot: QtBot, demo_store: Store, tmp_path: Path
) -> None:
    """GIVEN an MT-SICS scale on a pty WHEN a 1.25 kg parcel lies on it THEN the screen shows
    1.250 kg stable; Tare reaches the scale, which reports it, and the net weight reads 0."""
    emulator = PtyScale(tmp_path / "scale", ScaleProtocol.SICS, interval_s=0.02).start()
    config = SerialScaleConfig(
        str(emulator.link), ScaleProtocol.SICS, name="bench", poll_s=0.02, stability=FAST
    )
    window, _ = build_window(demo_store, tmp_path / "out", scale=SerialScale(config))
    qtbot.addWidget(window)
    try:
        open_devices(window)
        window.devices.show_section(SCALE)
        page = window.devices.scale
        qtbot.waitUntil(page.tare_button.isEnabled, timeout=WAIT_MS)
        emulator.set_weight(1250)
        qtbot.waitUntil(
            lambda: (page.weight.text(), page.stability.text()) == ("1.250 kg", "stable"),
            timeout=WAIT_MS,
        )
        page.tare_button.click()
        qtbot.waitUntil(lambda: page.answer.text().startswith("Tare done"), timeout=WAIT_MS)
        assert "1.250 kg" in page.answer.text()
        assert emulator.model.measure().tared
        qtbot.waitUntil(lambda: page.weight.text() == "0.000 kg", timeout=WAIT_MS)
    finally:
        uninstall(window)
        emulator.stop()
