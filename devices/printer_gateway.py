"""The station's printers behind one door: settings in, a transport chosen, an outcome out.

Implements ``app.ports.PrinterGateway``. It maps a printer's saved settings
(``app.station_devices.PrinterSettings``) to the transport that reaches it, sends one job,
and translates the transport's report into the three outcomes the print-job rules need.
``status()`` asks a printer how it is, for the health panel and the devices screen.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from app.ports import Delivery, DeliveryOutcome
from app.station_devices import Language, PrinterSettings, TransportKind
from devices.printing.folder import FolderTransport
from devices.printing.print_queue import PrintQueueTransport
from devices.printing.serial_port import SerialTransport
from devices.printing.status import PrinterLanguage, PrinterState, PrinterStatus
from devices.printing.tcp import TcpTransport
from devices.printing.transport import SendOutcome, SendReport, Transport, describe
from devices.printing.usb import UsbTransport

log = logging.getLogger(__name__)

_OUTCOMES = {
    SendOutcome.DELIVERED: DeliveryOutcome.DELIVERED,
    SendOutcome.NOT_SENT: DeliveryOutcome.NOT_SENT,
    SendOutcome.UNCERTAIN: DeliveryOutcome.UNCERTAIN,
}


def transport_for(printer: PrinterSettings) -> Transport:
    """A new transport for ``printer`` (cheap: transports connect per job)."""
    language = {
        Language.ZPL: PrinterLanguage.ZPL,
        Language.ESCPOS: PrinterLanguage.ESCPOS,
    }.get(printer.language)
    match printer.transport:
        case TransportKind.TCP:
            host, _, port = printer.address.rpartition(":")
            return TcpTransport(host, int(port), language=language)
        case TransportKind.SERIAL:
            port, _, baud = printer.address.partition("@")
            if baud and not (baud.isascii() and baud.isdigit()):
                raise ValueError(f"serial address {printer.address!r} is not port@baud")
            return SerialTransport(port, int(baud or 9600), language=language)
        case TransportKind.USB:
            vendor, _, product = printer.address.partition(":")
            try:
                return UsbTransport(int(vendor, 16), int(product, 16), language=language)
            except ValueError:
                raise ValueError(
                    f"USB address {printer.address!r} is not vendor:product in hex (04b8:0202)"
                ) from None
        case TransportKind.FOLDER:
            return FolderTransport(Path(printer.address))
        case TransportKind.QUEUE:
            return PrintQueueTransport(printer.address, raw=printer.language is not Language.PDF)
    raise ValueError(f"unknown transport {printer.transport!r}")


class PrinterGateway:
    """Serialises jobs per printer: two jobs never interleave on one device.

    Transports are made per job (they connect per job), except USB ones: opening a USB
    printer resets it, which can drop what it still holds, so one stays open per printer
    until ``close()`` or until its settings change.
    """

    def __init__(self) -> None:
        self._locks: dict[str, threading.Lock] = {}
        self._usb: dict[str, tuple[PrinterSettings, UsbTransport]] = {}
        self._guard = threading.Lock()

    def _transport(self, printer: PrinterSettings) -> Transport:
        if printer.transport is not TransportKind.USB:
            return transport_for(printer)
        with self._guard:
            kept = self._usb.get(printer.name)
            if kept is not None and kept[0] == printer:
                return kept[1]
            if kept is not None:
                kept[1].close()
            transport = transport_for(printer)
            assert isinstance(transport, UsbTransport)
            self._usb[printer.name] = (printer, transport)
            return transport

    def close(self) -> None:
        with self._guard:
            for _, transport in self._usb.values():
                transport.close()
            self._usb.clear()

    def _lock(self, printer: PrinterSettings) -> threading.Lock:
        with self._guard:
            return self._locks.setdefault(printer.name, threading.Lock())

    def deliver(
        self, printer: PrinterSettings, data: bytes, job_name: str, deadline_s: float
    ) -> Delivery:
        """Send one job; never raises (the print-job rules act on the outcome alone)."""
        try:
            transport = self._transport(printer)
        except (ValueError, OSError) as exc:
            return Delivery(DeliveryOutcome.NOT_SENT, f"printer {printer.name}: {exc}")
        folder = isinstance(transport, FolderTransport)
        with self._lock(printer):
            try:
                if isinstance(transport, FolderTransport):
                    report = transport.send(data, deadline_s, file_name=job_name)
                else:
                    report = transport.send(data, deadline_s)
            except Exception as exc:  # a transport bug: it may have sent part of the job
                log.exception("printer %s: sending failed", printer.name)
                report = SendReport.uncertain(
                    0, len(data), f"Printing on {printer.name} failed unexpectedly.", describe(exc)
                )
        # A folder's report names the file it wrote, but only when it did write one.
        location = report.detail if folder and report.delivered else transport.name
        detail = report.error if not report.delivered else ""
        if report.detail and not report.delivered:
            detail = f"{detail} ({report.detail})"
        return Delivery(_OUTCOMES[report.outcome], detail, location)

    def status(self, printer: PrinterSettings, timeout_s: float = 1.0) -> PrinterStatus:
        try:
            transport = self._transport(printer)
        except (ValueError, OSError) as exc:
            return PrinterStatus(PrinterState.ERROR, str(exc))
        try:
            return transport.status(timeout_s)
        except Exception as exc:  # a transport bug: say so rather than end the caller
            log.exception("printer %s: status query failed", printer.name)
            return PrinterStatus(PrinterState.UNKNOWN, f"status query failed: {describe(exc)}")
