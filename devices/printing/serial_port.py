"""Printing over a serial port (RS-232, USB-serial adapters, USB-CDC receipt printers).

pyserial opens and configures the port; the write loop is our own (select + os.write on the
non-blocking descriptor) because pyserial's timed ``write`` raises on timeout without saying how
many bytes already went out, and that count decides NOT_SENT versus UNCERTAIN. ``flush()`` is
avoided too: ``tcdrain`` has no timeout and hangs forever on a printer that holds flow control,
so we poll the output queue against the deadline instead.

What DELIVERED can mean here: with hardware flow control (``rtscts``/``dsrdtr``) the printer
took every byte; without it, only that every byte left the port, since a serial line has no
acknowledgement. Posix only, like the kiosk.
"""

from __future__ import annotations

import contextlib
import os
import select
import time
from collections.abc import Callable

import serial

from devices.printing.status import (
    PrinterLanguage,
    PrinterState,
    PrinterStatus,
    read_status,
    unknown,
)
from devices.printing.transport import Deadline, SendReport, describe

CHUNK = 4096
DRAIN_POLL_S = 0.005


class SerialTransport:
    def __init__(
        self,
        port: str,
        baudrate: int = 9600,
        *,
        language: PrinterLanguage | None = None,
        rtscts: bool = False,
        dsrdtr: bool = False,
        xonxoff: bool = False,
    ) -> None:
        self.port, self.baudrate, self.language = port, baudrate, language
        self.rtscts, self.dsrdtr, self.xonxoff = rtscts, dsrdtr, xonxoff

    @property
    def name(self) -> str:
        return f"serial {self.port}"

    def _open(self) -> serial.Serial:
        return serial.Serial(
            self.port,
            self.baudrate,
            timeout=0,
            write_timeout=0,
            rtscts=self.rtscts,
            dsrdtr=self.dsrdtr,
            xonxoff=self.xonxoff,
            exclusive=True,
        )

    def send(self, data: bytes, deadline_s: float) -> SendReport:
        deadline = Deadline(deadline_s)
        total = len(data)
        try:
            port = self._open()
        except (serial.SerialException, OSError, ValueError) as exc:
            return SendReport.not_sent(
                total, f"Printer port {self.port} is missing or in use.", describe(exc)
            )
        sent = 0
        clean = False
        try:
            fd = port.fileno()
            view = memoryview(data)
            while sent < total:
                left = deadline.left()
                if left <= 0:
                    raise TimeoutError(f"deadline of {deadline.seconds:g} s passed mid-send")
                _, writable, _ = select.select([], [fd], [], left)
                if not writable:
                    continue
                try:
                    sent += os.write(fd, view[sent : sent + CHUNK])
                except BlockingIOError:
                    continue
            while port.out_waiting:  # bytes still in the driver/UART
                if deadline.expired:
                    raise TimeoutError(f"{port.out_waiting} bytes still queued at the deadline")
                time.sleep(DRAIN_POLL_S)
            clean = True
            return SendReport.ok(total)
        except (serial.SerialException, OSError) as exc:
            return SendReport.failed(
                sent,
                total,
                f"Printing on {self.port} failed after {sent} of {total} bytes."
                if sent
                else f"Printer on {self.port} took no data.",
                describe(exc),
            )
        finally:
            if not clean:
                # Drop what is still queued: otherwise close() waits for it (closing_wait,
                # 30 s by default on UARTs) and the printer gets a tail we reported as failed.
                with contextlib.suppress(serial.SerialException, OSError):
                    port.reset_output_buffer()
            with contextlib.suppress(serial.SerialException, OSError):
                port.close()

    def status(self, timeout_s: float) -> PrinterStatus:
        deadline = Deadline(timeout_s)
        try:
            port = self._open()
        except (serial.SerialException, OSError, ValueError) as exc:
            return PrinterStatus(PrinterState.OFFLINE, describe(exc))
        try:
            if self.language is None:
                return unknown("port present; no status protocol configured for this printer")
            port.reset_input_buffer()  # stale bytes would be read as the answer

            def ask(query: bytes, complete: Callable[[bytes], bool]) -> bytes:
                fd = port.fileno()
                pending = memoryview(query)
                while pending:
                    if not select.select([], [fd], [], deadline.left())[1]:
                        return b""
                    pending = pending[os.write(fd, pending) :]
                got = b""
                while not complete(got) and select.select([fd], [], [], deadline.left())[0]:
                    chunk = os.read(fd, 256)
                    if not chunk:
                        break
                    got += chunk
                return got

            return read_status(self.language, ask)
        except (serial.SerialException, OSError) as exc:
            return unknown(f"port failed during the status query: {describe(exc)}")
        finally:
            with contextlib.suppress(serial.SerialException, OSError):
                port.close()
