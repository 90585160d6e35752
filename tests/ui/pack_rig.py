"""A packing kiosk wired to real devices for end-to-end tests and the touch benchmark: a
serial scanner on a pty, an MT-SICS scale on a pty, folder printers, demo data, and the
station set to confirm boxes and check-weigh. ``Touches`` counts every press on the
window, so a flow driven by scans and the scale alone can prove it needed none.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from app.demo.carriers import DEMO_RATES, DEMO_TRACKING_PREFIXES
from app.demo.seed import seed_if_empty, seed_operators_if_empty
from app.domain.check_weigh import Tolerance
from app.scale_protocols import ScaleProtocol
from app.scale_stability import StabilityConfig
from app.store.open import Store, open_store
from app.usecases.pack_settings import PackingSettings
from app.usecases.shipping import ShippingDesk
from app.usecases.views import PackView
from devices.emulators.pty_scale import PtyScale
from devices.serial_scale import SerialScale, SerialScaleConfig
from devices.serial_scanner import PortState, SerialScanner, SerialScannerConfig
from tests.ptys import FakeCable
from tests.ui.kiosk import build_window, uninstall
from ui.main_window import MainWindow
from ui.qt import QApplication, QEvent, QObject

PRESSES = (QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin)
FAST = StabilityConfig(min_readings=3, window_ms=60, tolerance_g=2)


class Touches(QObject):
    """Counts presses on any widget of the application while installed."""

    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in PRESSES and watched.isWidgetType():
            self.count += 1
        return False


@dataclass
class PackRig:
    store: Store
    window: MainWindow
    cable: FakeCable
    scale: PtyScale
    touches: Touches
    output: Path  # where the station's folder printers write

    def view(self) -> PackView | None:
        """The order on the station now, as its use case sees it."""
        return self.window._services.station.current()

    def scan(self, code: str) -> None:
        """A scan from the serial scanner, handled by the window before this returns."""
        handled: list[object] = []
        self.window.scan_handled.connect(handled.append)
        try:
            self.cable.send(code.encode() + b"\r")
            wait_until(lambda: bool(handled))
        finally:
            self.window.scan_handled.disconnect(handled.append)

    def put_on_scale(self, grams: int) -> object:
        """The box on the scale: waits until the window has used the settled weight."""
        used: list[object] = []
        self.window.weight_handled.connect(used.append)
        try:
            self.scale.set_weight(grams)
            wait_until(lambda: bool(used))
        finally:
            self.window.weight_handled.disconnect(used.append)
        return used[0]

    def lift_box(self) -> None:
        self.scale.set_weight(0)
        wait_until(lambda: self.window.stable_weight_g is None)


def wait_until(condition: Callable[[], bool], timeout_s: float = 10.0) -> None:
    app = QApplication.instance()
    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the kiosk did not get there in time")
        assert app is not None
        app.processEvents()
        time.sleep(0.005)


@contextmanager
def pack_rig(tmp_path: Path, orders: int = 40) -> Iterator[PackRig]:
    store = open_store(tmp_path / "station.sqlite3")
    seed_if_empty(store.sessions, orders=orders)
    seed_operators_if_empty(store.sessions)
    cable = FakeCable(tmp_path / "ttyScanner")
    cable.plug()
    scanner = SerialScanner(SerialScannerConfig(str(cable.link), "lane1", reconnect_s=0.05))
    emulator = PtyScale(tmp_path / "scale", ScaleProtocol.SICS, interval_s=0.02).start()
    scale = SerialScale(
        SerialScaleConfig(
            str(emulator.link), ScaleProtocol.SICS, name="scale", poll_s=0.02, stability=FAST
        )
    )
    window, _ = build_window(
        store,
        tmp_path / "out",
        serial_scanners=(scanner,),
        scale=scale,
        packing=PackingSettings(require_box=True, check_weigh=True, tolerance=Tolerance(30, 3)),
        shipping=ShippingDesk(rates=DEMO_RATES, prefixes=DEMO_TRACKING_PREFIXES),
    )
    touches = Touches()
    app = QApplication.instance()
    assert app is not None
    app.installEventFilter(touches)
    try:
        window.show()
        wait_until(lambda: scanner.state is PortState.CONNECTED)
        yield PackRig(store, window, cable, emulator, touches, tmp_path / "out")
    finally:
        app.removeEventFilter(touches)
        uninstall(window)
        emulator.stop()
        cable.unplug()
        store.close()
