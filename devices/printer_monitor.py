"""Asks each configured printer how it is, every few seconds, on its own thread.

The health panel shows the answers (ready, paper out, offline, unknown, with the detail);
a status query is a short separate exchange, so it never delays a print job for long. A
printer that is busy printing answers on the next round. Serial and USB printers are not
asked: their port is opened exclusively, and a status poll from the kiosk would lock the
document process out of it in the middle of a job.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence

from app.station_devices import PrinterSettings, TransportKind
from devices.printer_gateway import PrinterGateway
from devices.printing.status import PrinterState, PrinterStatus

log = logging.getLogger(__name__)
_EXCLUSIVE = frozenset({TransportKind.SERIAL, TransportKind.USB})
StatusCallback = Callable[[str, PrinterStatus], None]  # printer name, its status


class PrinterMonitor:
    def __init__(
        self,
        gateway: PrinterGateway,
        printers: Sequence[PrinterSettings],
        on_status: StatusCallback | None = None,
        interval_s: float = 5.0,
        timeout_s: float = 1.0,
    ) -> None:
        self._gateway = gateway
        # Serial and USB printers are opened exclusively: asking them from the kiosk would
        # lock the document process out of them mid-job. Their state shows in their jobs.
        self._printers = tuple(p for p in printers if p.transport not in _EXCLUSIVE)
        self._on_status: StatusCallback = on_status or (lambda name, status: None)
        self._interval_s = interval_s
        self._timeout_s = timeout_s
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._thread: threading.Thread | None = None
        self.last: dict[str, PrinterStatus] = {}

    def attach(self, on_status: StatusCallback) -> None:
        self._on_status = on_status

    def start(self) -> None:
        if self._thread is None and self._printers:
            self._thread = threading.Thread(target=self._loop, name="tote-printers", daemon=True)
            self._thread.start()

    def check_now(self) -> None:
        self._wake.set()

    def stop(self, timeout: float = 2.0) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)

    def poll_once(self) -> dict[str, PrinterStatus]:
        for printer in self._printers:
            if self._stop.is_set():
                break
            try:
                status = self._gateway.status(printer, self._timeout_s)
            except Exception as exc:  # a transport bug must not end the monitor
                log.exception("status of %s failed", printer.name)
                status = PrinterStatus(PrinterState.ERROR, f"{type(exc).__name__}: {exc}")
            if self.last.get(printer.name) != status:
                log.info("printer %s: %s %s", printer.name, status.state.value, status.detail)
            self.last[printer.name] = status
            try:
                self._on_status(printer.name, status)
            except Exception:  # nor may a bug in whoever listens
                log.exception("printer status callback failed for %s", printer.name)
        return dict(self.last)

    def _loop(self) -> None:
        while not self._stop.is_set():
            self.poll_once()
            self._wake.wait(self._interval_s)
            self._wake.clear()
