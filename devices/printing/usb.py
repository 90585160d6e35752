"""Printing to a USB printer (ESC/POS receipt printers, USB label printers) via python-escpos.

python-escpos finds and claims the device (pyusb + Debian's libusb-1.0-0); the bytes go out
through pyusb in chunks so we know how many were transferred. Three of its habits are avoided:
its ``device`` property opens the printer lazily on first touch, so we open explicitly; its
``__del__`` does USB I/O, so ``close()`` is ours to call and this class has no ``__del__``; and
its ``open()`` resets the USB device, which can drop what the printer still holds from the
previous job, so the handle is kept open across jobs and only reopened after an error.

Missing pyusb or libusb never breaks the import: ``send`` reports NOT_SENT with the fix.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from devices.printing.status import (
    PrinterLanguage,
    PrinterState,
    PrinterStatus,
    read_status,
    unknown,
)
from devices.printing.transport import Deadline, SendReport, describe

CHUNK = 4096


class UsbUnavailableError(Exception):
    """The printer cannot be opened; the message is operator-facing."""


def _usb_printer_class() -> Any:
    """escpos' Usb class, or an operator-facing reason why USB printing cannot work here."""
    try:
        from escpos.printer import Usb
        from escpos.printer.usb import is_usable
    except ImportError as exc:
        raise UsbUnavailableError(f"USB printing needs python-escpos ({describe(exc)}).") from exc
    if not is_usable():
        raise UsbUnavailableError("USB printing needs pyusb: pip install pyusb.")
    return Usb


class UsbTransport:
    def __init__(
        self,
        vendor_id: int,
        product_id: int,
        *,
        language: PrinterLanguage | None = None,
        in_ep: int = 0x82,
        out_ep: int = 0x01,
    ) -> None:
        self.vendor_id, self.product_id, self.language = vendor_id, product_id, language
        self.in_ep, self.out_ep = in_ep, out_ep
        self._printer: Any = None
        self._lock = threading.Lock()

    @property
    def name(self) -> str:
        return f"usb {self.vendor_id:04x}:{self.product_id:04x}"

    def _open(self) -> Any:
        if self._printer is not None:
            return self._printer
        usb_class = _usb_printer_class()
        printer = usb_class(self.vendor_id, self.product_id, in_ep=self.in_ep, out_ep=self.out_ep)
        try:
            printer.open()
        except Exception as exc:  # DeviceNotFoundError, NoBackendError (no libusb), USBError
            if type(exc).__name__ == "NoBackendError":
                raise UsbUnavailableError(
                    "USB printing needs libusb: apt-get install libusb-1.0-0."
                ) from exc
            raise UsbUnavailableError(
                f"USB printer {self.vendor_id:04x}:{self.product_id:04x} not found "
                "(unplugged, switched off, or no permission: check the udev rule)."
            ) from exc
        self._printer = printer
        return printer

    def close(self) -> None:
        """Release the device. Call it; nothing does it for you at garbage collection."""
        with self._lock:
            self._drop()

    def _drop(self) -> None:
        printer, self._printer = self._printer, None
        if printer is not None:
            try:
                printer.close()
            except Exception:  # the device is already gone: nothing left to release
                printer._device = False  # keep escpos' __del__ from trying again

    def send(self, data: bytes, deadline_s: float) -> SendReport:
        deadline = Deadline(deadline_s)
        total = len(data)
        with self._lock:
            try:
                printer = self._open()
            except UsbUnavailableError as exc:
                return SendReport.not_sent(total, str(exc), describe(exc.__cause__ or exc))
            sent = 0
            try:
                while sent < total:
                    timeout_ms = int(deadline.left() * 1000)
                    if timeout_ms <= 0:
                        raise TimeoutError(f"deadline of {deadline.seconds:g} s passed mid-send")
                    chunk = data[sent : sent + CHUNK]
                    sent += int(printer.device.write(self.out_ep, chunk, timeout_ms))
            except Exception as exc:  # USBError, USBTimeoutError, TimeoutError
                self._drop()
                if isinstance(exc, TimeoutError) and sent == 0:
                    return SendReport.not_sent(
                        total, f"No time left to print on {self.name}.", describe(exc)
                    )
                # A bulk transfer that fails may have moved part of its chunk.
                return SendReport.uncertain(
                    sent,
                    total,
                    f"Printing on {self.name} failed after at least {sent} of {total} bytes.",
                    describe(exc),
                )
            return SendReport.ok(total)

    def status(self, timeout_s: float) -> PrinterStatus:
        deadline = Deadline(timeout_s)
        with self._lock:
            try:
                printer = self._open()
            except UsbUnavailableError as exc:
                return PrinterStatus(PrinterState.OFFLINE, str(exc))
            if self.language is None:
                return unknown("device present; no status protocol configured")

            def ask(query: bytes, complete: Callable[[bytes], bool]) -> bytes:
                ms = max(1, int(deadline.left() * 1000))
                printer.device.write(self.out_ep, query, ms)
                got = b""
                while not complete(got) and deadline.left() > 0:
                    ms = max(1, int(deadline.left() * 1000))
                    try:
                        got += bytes(printer.device.read(self.in_ep, 64, ms))
                    except Exception as exc:
                        if "timeout" in type(exc).__name__.lower():
                            break
                        raise
                return got

            try:
                return read_status(self.language, ask)
            except Exception as exc:  # USBError: the device went away mid-query
                self._drop()
                return unknown(f"USB status query failed: {describe(exc)}")
