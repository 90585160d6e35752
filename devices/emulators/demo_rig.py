"""The demo station's hardware, emulated: a label printer, a receipt printer, a scale and a
serial scanner, all real devices to Tote (loopback TCP 9100 and pseudo-terminals).

``./run demo`` starts a rig and points the station at it, so a newcomer sees labels come out
(PNG previews in ``<demo>/printed``), the weight move and scans arrive over a serial line;
``DemoConsole`` lets them drive it from the terminal.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from app.scale_protocols import ScaleProtocol
from app.station_devices import (
    Language,
    PrinterSettings,
    ScaleSettings,
    ScannerSettings,
    StationDevices,
    TransportKind,
)
from devices.emulators.pty_scale import PtyScale
from devices.emulators.pty_scanner import PtyScanner
from devices.emulators.tcp_printer import TcpPrinterEmulator

log = logging.getLogger(__name__)


@dataclass
class DemoRig:
    folder: Path
    labels: TcpPrinterEmulator
    receipts: TcpPrinterEmulator
    scale: PtyScale
    scanner: PtyScanner

    @classmethod
    def start(cls, folder: Path) -> DemoRig:
        folder.mkdir(parents=True, exist_ok=True)
        printed = folder / "printed"
        started: list[Callable[[], object]] = []
        try:  # a part that fails to start must not leave the others running
            labels = TcpPrinterEmulator("zpl", previews=printed / "labels").start()
            started.append(labels.stop)
            receipts = TcpPrinterEmulator("escpos", previews=printed / "receipts").start()
            started.append(receipts.stop)
            scale = PtyScale(folder / "scale", protocol=ScaleProtocol.SICS).start()
            started.append(scale.stop)
            scanner = PtyScanner(folder / "scanner")
            scanner.plug()
        except BaseException:
            for stop in reversed(started):
                with contextlib.suppress(Exception):
                    stop()
            raise
        log.info(
            "demo devices: label printer %s, receipt printer %s, scale %s, scanner %s",
            labels.address,
            receipts.address,
            scale.link,
            scanner.link,
        )
        return cls(folder, labels, receipts, scale, scanner)

    def devices(self, base: StationDevices, slips_folder: Path) -> StationDevices:
        """``base`` with the rig's devices: slips as PDF files, labels on the ZPL printer,
        gift notes on the receipt printer."""
        return replace(
            base,
            printers=(
                PrinterSettings(
                    "Slip folder",
                    Language.PDF,
                    TransportKind.FOLDER,
                    str(slips_folder),
                    documents=("packing_slip",),
                ),
                PrinterSettings(
                    "Label printer",
                    Language.ZPL,
                    TransportKind.TCP,
                    f"127.0.0.1:{self.labels.port}",
                    documents=("shipping_label", "tote_label", "location_label"),
                ),
                PrinterSettings(
                    "Receipt printer",
                    Language.ESCPOS,
                    TransportKind.TCP,
                    f"127.0.0.1:{self.receipts.port}",
                    documents=("gift_note",),
                ),
            ),
            scanners=(ScannerSettings("Demo scanner", str(self.scanner.link)),),
            scale=ScaleSettings("Demo scale", str(self.scale.link), protocol="sics"),
        )

    def stop(self) -> None:
        for part in (self.scanner.close, self.scale.stop, self.labels.stop, self.receipts.stop):
            try:
                part()
            except Exception:  # stop the rest; say what failed
                log.exception("demo device did not stop cleanly")
