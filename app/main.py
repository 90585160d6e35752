"""Composition root: the one place concrete adapters are chosen and wired. No logic here."""

from __future__ import annotations

import contextlib
import functools
import logging
import os
import sys
import threading
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

DOCUMENTS_NICENESS = 10


def main(argv: list[str] | None = None) -> int:
    if sys.version_info < (3, 12):  # noqa: UP036 -- PySide6 6.12 aborts CPython 3.11
        print("Tote needs Python 3.12 or newer.", file=sys.stderr)
        return 2
    args = sys.argv[1:] if argv is None else argv
    if args[:1] == ["hub"]:  # tote hub ...: the central order service's command line
        from sync.hub.cli import main as hub_main

        return int(hub_main(args[1:]))
    from app.config import parse_args

    config = parse_args(args)
    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )

    from app.carrier_rates import CarriersFileError
    from app.errors import ToteError
    from app.station_devices import DevicesFileError
    from app.store.open import open_store

    try:
        devices, carriers = _station_devices(config), _carriers(config)
        # A background thread checkpoints the WAL, so scans never pay for it.
        store = open_store(config.store_path, background_checkpoints=True)
    except (DevicesFileError, CarriersFileError) as exc:
        print(f"tote: {exc}", file=sys.stderr)
        return 3
    except ToteError as exc:
        print(f"tote: {exc.message}", file=sys.stderr)
        return 3
    from app.store.checkpoint import start_checkpointer

    stop_checkpoints = threading.Event()
    start_checkpointer(config.store_path, stop_checkpoints)
    try:
        sync, demo_hub = _sync(config)
    except _NoTokenError as exc:
        print(f"tote: {exc}", file=sys.stderr)
        stop_checkpoints.set()
        store.close()
        return 3
    rig = None
    if config.demo:  # demo data; emulated printers, scale and scanner wired in for real
        rig, devices = _demo(config, store, devices, with_hub=sync is not None)

    from devices.printer_gateway import PrinterGateway
    from ui.app import run_kiosk
    from ui.document_process import DocumentProcess

    printer = DocumentProcess(
        document_worker, (config.store_path, devices, _context(config), config.language)
    )
    gateway = PrinterGateway()  # this process's: status queries for the health panel
    try:
        return run_kiosk(
            _services(config, store, devices, carriers, printer, gateway, sync, rig),
            _wedge(config, devices),
            language=config.language,
            fullscreen=config.fullscreen,
            screenshot=config.screenshot,
            ready_marker=config.ready_marker,
            repeat=config.repeat,
        )
    finally:
        stop_checkpoints.set()
        if sync is not None:
            sync.stop()
        if demo_hub is not None:
            demo_hub.stop()
        printer.stop()
        gateway.close()
        if rig is not None:
            rig.stop()
        store.close()


def _context(config: Any) -> Any:
    from app.context import StationContext

    return StationContext(config.station_code, config.operator_code)


def _demo(config: Any, store: Any, devices: Any, *, with_hub: bool) -> tuple[Any, Any]:
    """The demo rig started and the station's devices pointed at it; demo data loaded
    (from the demo order service, through sync, when there is one)."""
    from app.demo.seed import seed_floor_if_missing, seed_if_empty, seed_operators_if_empty
    from devices.emulators.demo_rig import DemoRig

    if with_hub:
        seed_operators_if_empty(store.sessions)
    else:
        seed_if_empty(store.sessions)
        seed_floor_if_missing(store.sessions)
    rig = DemoRig.start(config.store_path.parent / "rig")
    devices = rig.devices(devices, config.output_dir)
    return rig, devices


def _demo_console(rig: Any, config: Any, station: Any) -> None:
    """The terminal drives the demo devices; ``box`` puts the packed box on the scale at the
    weight the station expects (a few grams off, as a real one is)."""
    from devices.emulators.demo_console import DemoConsole

    if rig is None or sys.stdin is None or not sys.stdin.isatty() or config.screenshot:
        return

    def parcel_g() -> int | None:
        view = station.current()
        return None if view is None or view.weigh is None else view.weigh.expected_g + 7

    DemoConsole(rig, parcel_g=parcel_g).start()


class _NoTokenError(Exception):
    pass


def _sync(config: Any) -> tuple[Any, Any]:
    """The sync engine, started, when there is an order service: ``--hub``, or with
    ``--demo`` the demo's own (started here or joined); (None, None) to work alone."""
    demo_hub = None
    url, token = config.hub_url, config.hub_token
    if config.demo and url is None:
        from sync.demo_hub import start_or_join

        demo_hub = start_or_join(config.demo_hub_dir, config.station_code)
        url, token = demo_hub.url, demo_hub.token
    if url is None:
        return None, None
    if token is None:
        raise _NoTokenError(
            "--hub needs this station's token: --hub-token-file FILE or TOTE_HUB_TOKEN "
            "(a supervisor creates it with: tote hub station add CODE --warehouse WH)"
        )
    from sync.engine import SyncEngine

    engine = SyncEngine(
        config.store_path, url, token, _context(config), claim_ahead=config.claim_ahead
    )
    engine.start()
    return engine, demo_hub


def _station_devices(config: Any) -> Any:
    """The station's devices.toml, or (not set up yet) folders for slips and labels."""
    from app.station_devices import default_devices, load_devices

    if config.devices_path.exists():
        return load_devices(config.devices_path)
    with contextlib.suppress(OSError):  # our own folder; the printer reports it if missing
        config.output_dir.mkdir(parents=True, exist_ok=True)
    return default_devices(config.output_dir)


def _wedge(config: Any, devices: Any) -> Any:
    """The calibrated gap from devices.toml, unless the command line sets one."""
    from app.wedge import WedgeConfig

    wedge = config.wedge
    if devices.wedge_max_gap_ms is not None and not config.wedge_gap_given:
        wedge = WedgeConfig(devices.wedge_max_gap_ms, wedge.min_length, wedge.prefix, wedge.suffix)
    return wedge


def _packing(config: Any, *, has_scale: bool) -> Any:
    from app.domain.check_weigh import Tolerance
    from app.usecases.pack_settings import PackingSettings

    return PackingSettings(
        require_box=config.confirm_box,
        check_weigh=config.check_weigh and has_scale,
        tolerance=Tolerance(config.weigh_tolerance_g, config.weigh_tolerance_pct),
    )


def _carriers(config: Any) -> Any:
    """carriers.toml next to the store (``--carriers``); the demo's made-up tariffs when
    the demo has none. Loaded at start, so a mistake in it stops the kiosk with its place."""
    from app.carrier_rates import CarrierSetup, load_carriers

    setup = load_carriers(config.carriers_path)
    if setup is None and config.demo:
        from app.demo.carriers import DEMO_RATES, DEMO_TRACKING_PREFIXES

        return CarrierSetup(rates=DEMO_RATES, prefixes=DEMO_TRACKING_PREFIXES)
    return setup or CarrierSetup()


def _shipping(carriers: Any, station_number: int) -> Any:
    """Carrier services, the rule for orders that leave the carrier open, tracking ranges."""
    from app.usecases.shipping import ShippingDesk

    return ShippingDesk(
        rule=carriers.rule,
        rates=carriers.rates,
        prefixes=carriers.prefixes,
        station_number=station_number,
    )


def _services(
    config: Any,
    store: Any,
    devices: Any,
    carriers: Any,
    printer: Any,
    gateway: Any,
    sync: Any,
    rig: Any,
) -> Any:
    """Every adapter the window uses; with the demo rig, its console driven from here."""
    from app.scale_protocols import ScaleProtocol
    from app.serial_framing import FramingConfig, Terminator
    from app.usecases.pack_station import PackStation
    from app.usecases.pick_receiving import Receiving
    from app.usecases.pick_station import PickWork
    from app.usecases.print_decisions import PrintDecisions
    from app.usecases.print_plan import LabelSettings
    from app.usecases.status import StationStatus
    from devices.printer_monitor import PrinterMonitor
    from devices.serial_scale import SerialScale, SerialScaleConfig
    from devices.serial_scanner import SerialScanner, SerialScannerConfig
    from devices.sound import CommandSoundPlayer
    from ui.services import Services

    ctx = _context(config)
    labels = LabelSettings(devices.gs1_company_prefix, devices.station_number)
    station = PackStation(
        store.sessions,
        ctx,
        reads=store.reads,
        labels=labels,
        require_claims=sync is not None,  # with an order service, pack only leased orders
        packing=_packing(config, has_scale=devices.scale is not None),
        shipping=_shipping(carriers, devices.station_number),
    )
    station.ensure_station(config.station_name)
    _demo_console(rig, config, station)
    scanners = [
        SerialScannerConfig(port, Path(port).name, config.serial_baud, config.serial_framing)
        for port in config.serial_scanners
    ] + [
        SerialScannerConfig(s.port, s.name, s.baud, FramingConfig(terminator=Terminator(s.suffix)))
        for s in devices.scanners
    ]
    scale = devices.scale
    return Services(
        station=station,
        printer=printer,
        status=StationStatus(store.reads),
        decisions=PrintDecisions(store.sessions, lambda: station.context),
        sound=CommandSoundPlayer.detect(config.store_path.parent / "sounds"),
        serial_scanners=tuple(SerialScanner(c) for c in scanners),
        scale=None
        if scale is None
        else SerialScale(
            SerialScaleConfig(
                port=scale.port,
                protocol=ScaleProtocol(scale.protocol),
                name=scale.name,
                baudrate=scale.baud,
            )
        ),
        printer_monitor=PrinterMonitor(gateway, devices.printers),
        devices=devices,  # the devices screen edits them and saves them for the next start
        devices_path=config.devices_path,
        gateway=gateway,  # the devices screen's test prints
        # Built on the first test print: python-escpos alone takes 0.2 s to import, which
        # the kiosk's start must not pay.
        renderers=_OnFirstUse(_renderers),
        sync=sync,
        picking=PickWork(store.sessions, ctx),
        receiving=Receiving(store.sessions, ctx),
        release_wave=_wave_release(store.sessions, ctx),
    )


def _wave_release(sessions: Any, ctx: Any) -> Callable[[Any], Any]:
    """Release the next wave by a method, on this station's store (the window calls it on
    a background thread: the store's engine gives each thread its own connection)."""
    from app.usecases.pick_planning import release_wave

    return functools.partial(release_wave, sessions, ctx)


def _renderers() -> dict[Any, Any]:
    from app.station_devices import Language
    from devices.render.escpos_receipt import EscPosRenderer
    from devices.render.zpl import ZplRenderer
    from ui.label_image import QtLabelRenderer

    return {
        Language.PDF: QtLabelRenderer(),  # labels, and packing slips through the slip layout
        Language.ZPL: ZplRenderer(),
        Language.ESCPOS: EscPosRenderer(),
    }


class _OnFirstUse(Mapping[Any, Any]):
    """A mapping built by ``build`` the first time it is read."""

    def __init__(self, build: Callable[[], Mapping[Any, Any]]) -> None:
        self._build = build
        self._built: Mapping[Any, Any] | None = None

    def _get(self) -> Mapping[Any, Any]:
        if self._built is None:
            self._built = self._build()
        return self._built

    def __getitem__(self, key: Any) -> Any:
        return self._get()[key]

    def __iter__(self) -> Iterator[Any]:
        return iter(self._get())

    def __len__(self) -> int:
        return len(self._get())


def document_worker(
    conn: Any, store_path: Path, devices: Any, ctx: Any, language: str = "en"
) -> None:
    """Main of the document child process: its own store connections and a headless Qt,
    printing in the station's language."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    _die_with_parent()
    with contextlib.suppress(OSError):  # on a busy 2-core kiosk, a scan must win the CPU:
        os.nice(DOCUMENTS_NICENESS)  # a label a few ms later is fine, a late scan is not
    from app.store.open import open_store
    from app.usecases.documents import DocumentService
    from devices.printer_gateway import PrinterGateway
    from ui.document_process import serve
    from ui.qt import QGuiApplication
    from ui.translations import install_translations

    app = QGuiApplication([])  # fonts and painting need the application object
    install_translations(app, language)
    store = open_store(store_path)
    gateway = PrinterGateway()
    renderers = _renderers()
    try:
        serve(
            conn,
            DocumentService(store.sessions, ctx, renderers, gateway, devices, reads=store.reads),
        )
    finally:
        gateway.close()
        store.close()
        del app


def _die_with_parent() -> None:
    """Linux: the document child gets SIGTERM when the kiosk dies, even by kill -9, so an
    orphan never keeps rendering beside the next kiosk's child (the job lease guards that
    too). The signal follows the spawning *thread*: PrintWorker's, which lives as long as
    the kiosk."""
    if not sys.platform.startswith("linux"):
        return
    import ctypes
    import signal

    pr_set_pdeathsig = 1
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(pr_set_pdeathsig, signal.SIGTERM)
