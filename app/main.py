"""Composition root: the one place concrete adapters are chosen and wired. No logic here."""

from __future__ import annotations

import contextlib
import logging
import os
import sys
import threading
from pathlib import Path
from typing import Any


def main(argv: list[str] | None = None) -> int:
    if sys.version_info < (3, 12):  # noqa: UP036 -- PySide6 6.12 aborts CPython 3.11
        print("Tote needs Python 3.12 or newer.", file=sys.stderr)
        return 2
    from app.config import parse_args

    config = parse_args(argv)
    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )

    from app.context import StationContext
    from app.errors import ToteError
    from app.store.open import open_store

    try:
        # A background thread checkpoints the WAL, so scans never pay for it.
        store = open_store(config.store_path, background_checkpoints=True)
    except ToteError as exc:
        print(f"tote: {exc.message}", file=sys.stderr)
        return 3
    from app.store.checkpoint import start_checkpointer

    stop_checkpoints = threading.Event()
    start_checkpointer(config.store_path, stop_checkpoints)
    if config.demo:
        from app.demo.seed import seed_if_empty

        seed_if_empty(store.sessions)

    from app.usecases.pack_station import PackStation
    from app.usecases.status import StationStatus
    from devices.serial_scanner import SerialScanner, SerialScannerConfig
    from devices.sound import CommandSoundPlayer
    from ui.app import run_kiosk
    from ui.document_process import DocumentProcess
    from ui.main_window import Services

    ctx = StationContext(config.station_code, config.operator_code)
    printer = DocumentProcess(document_worker, (config.store_path, config.output_dir, ctx))
    station = PackStation(store.sessions, ctx, reads=store.reads)
    station.ensure_station(config.station_name)
    services = Services(
        station=station,
        printer=printer,
        status=StationStatus(store.reads),
        sound=CommandSoundPlayer.detect(config.store_path.parent / "sounds"),
        serial_scanners=tuple(
            SerialScanner(
                SerialScannerConfig(
                    port=port,
                    name=Path(port).name,
                    baudrate=config.serial_baud,
                    framing=config.serial_framing,
                )
            )
            for port in config.serial_scanners
        ),
    )
    try:
        return run_kiosk(
            services,
            config.wedge,
            language=config.language,
            fullscreen=config.fullscreen,
            screenshot=config.screenshot,
            ready_marker=config.ready_marker,
            repeat=config.repeat,
        )
    finally:
        stop_checkpoints.set()
        printer.stop()
        store.close()


def document_worker(conn: Any, store_path: Path, output_dir: Path, ctx: Any) -> None:
    """Main of the document child process: its own store connections and a headless Qt."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    _die_with_parent()
    from app.store.open import open_store
    from app.usecases.documents import DocumentService
    from ui.document_process import serve
    from ui.qt import QGuiApplication
    from ui.slip_pdf import QtPdfSlipRenderer

    app = QGuiApplication([])  # fonts and painting need the application object
    store = open_store(store_path)
    try:
        serve(
            conn,
            DocumentService(
                store.sessions, ctx, QtPdfSlipRenderer(), output_dir, reads=store.reads
            ),
        )
    finally:
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
