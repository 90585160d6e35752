"""Raw TCP printing (port 9100, "JetDirect"), the usual way to reach a network printer.

A job is one connection: connect, write, half-close, then wait for the printer to close its
side. Raw 9100 has no acknowledgement, so that close is the only evidence that the printer read
the whole job: ``sendall`` returning only means the bytes are in this machine's kernel. A printer
that keeps the connection open past the grace period counts as DELIVERED only if its TCP stack
acknowledged every byte (Linux ``SIOCOUTQ``); otherwise the job is UNCERTAIN. A failed job is
aborted with a reset rather than a clean close, so the printer drops the tail instead of being
handed a truncated job that looks complete.

Name resolution is not bounded by the deadline: configure printers by IP address.
"""

from __future__ import annotations

import contextlib
import socket
import struct
from collections.abc import Callable

from devices.printing.status import (
    PrinterLanguage,
    PrinterState,
    PrinterStatus,
    read_status,
    unknown,
)
from devices.printing.transport import Deadline, SendReport, describe

CHUNK = 64 * 1024


class TcpTransport:
    def __init__(
        self,
        host: str,
        port: int = 9100,
        *,
        language: PrinterLanguage | None = None,
        connect_timeout_s: float = 3.0,
        close_grace_s: float = 2.0,
    ) -> None:
        self.host, self.port, self.language = host, port, language
        self.connect_timeout_s = connect_timeout_s
        self.close_grace_s = close_grace_s

    @property
    def name(self) -> str:
        return f"tcp {self.host}:{self.port}"

    def _connect(self, deadline: Deadline) -> socket.socket:
        budget = min(self.connect_timeout_s, deadline.left())
        if budget <= 0:
            raise TimeoutError("no time left to connect")
        sock = socket.create_connection((self.host, self.port), timeout=budget)
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        return sock

    def send(self, data: bytes, deadline_s: float) -> SendReport:
        deadline = Deadline(deadline_s)
        total = len(data)
        try:
            sock = self._connect(deadline)
        except OSError as exc:
            return SendReport.not_sent(
                total, f"Printer {self.host}:{self.port} is not reachable.", describe(exc)
            )
        sent = 0
        clean = False
        try:
            view = memoryview(data)
            while sent < total:
                left = deadline.left()
                if left <= 0:
                    raise TimeoutError(f"deadline of {deadline.seconds:g} s passed mid-send")
                sock.settimeout(left)
                sent += sock.send(view[sent : sent + CHUNK])
            sock.shutdown(socket.SHUT_WR)
            report = self._await_close(sock, deadline, total)
            clean = report.delivered
            return report
        except OSError as exc:
            return SendReport.failed(
                sent,
                total,
                f"Printing to {self.host}:{self.port} failed after {sent} of {total} bytes."
                if sent
                else f"Printer {self.host}:{self.port} took no data.",
                describe(exc),
            )
        finally:
            if not clean:
                _abort(sock)
            sock.close()

    def _await_close(self, sock: socket.socket, deadline: Deadline, total: int) -> SendReport:
        """After our FIN: EOF from the printer means it read everything. A reset means it
        did not (it closed with our bytes unread)."""
        wait = Deadline(min(self.close_grace_s, deadline.left()))
        while True:
            left = wait.left()
            if left <= 0:
                break
            sock.settimeout(left)
            try:
                chunk = sock.recv(4096)  # printers may chatter (ASB, ~HS echo): ignore it
            except TimeoutError:
                break
            if not chunk:
                return SendReport.ok(total)
        unacked = _unacked_bytes(sock)
        if unacked == 0:
            return SendReport.ok(total, "printer kept the connection open; all bytes acked")
        return SendReport.uncertain(
            total,
            total,
            f"Printer {self.host}:{self.port} did not confirm the whole job.",
            f"no close within {wait.seconds:g} s; unacknowledged bytes: {unacked}",
        )

    def status(self, timeout_s: float) -> PrinterStatus:
        """Status over its own short connection, so it never interleaves with a job."""
        deadline = Deadline(timeout_s)
        try:
            sock = self._connect(deadline)
        except OSError as exc:
            return PrinterStatus(PrinterState.OFFLINE, describe(exc))
        if self.language is None:
            sock.close()
            return unknown("reachable; no status protocol configured for this printer")

        def ask(query: bytes, complete: Callable[[bytes], bool]) -> bytes:
            sock.settimeout(max(deadline.left(), 0.001))
            sock.sendall(query)
            got = b""
            while not complete(got):
                left = deadline.left()
                if left <= 0:
                    break
                sock.settimeout(left)
                try:
                    chunk = sock.recv(256)
                except TimeoutError:
                    break
                if not chunk:
                    break
                got += chunk
            return got

        try:
            return read_status(self.language, ask)
        except OSError as exc:
            return unknown(f"connection dropped during the status query: {describe(exc)}")
        finally:
            sock.close()


def _abort(sock: socket.socket) -> None:
    """Close with RST: the kernel discards unsent bytes instead of flushing them."""
    with contextlib.suppress(OSError):
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))


def _unacked_bytes(sock: socket.socket) -> int | None:
    """Bytes (and FIN) the peer has not acknowledged yet; None where the OS will not say."""
    try:
        import fcntl
        import termios

        request = termios.TIOCOUTQ  # == SIOCOUTQ on Linux sockets
        raw = fcntl.ioctl(sock.fileno(), request, b"\0\0\0\0")
    except (ImportError, AttributeError, OSError):
        return None
    value: int = struct.unpack("i", raw)[0]
    return value
