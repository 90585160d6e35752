"""A raw TCP (port 9100) label or receipt printer on loopback, for tests, benches and demos.

It keeps every job (the bytes of one connection, with receive timestamps) and answers status the
way the real printers do: ``DLE EOT n`` (ESC/POS) and ``~HS`` (ZPL) are answered wherever they
appear, inside a job stream too, because both are processed on arrival rather than queued with
the print data. A connection that carries only status queries is not a job.

Faults, as Zebra and Epson printers behave: with paper out, cover/head open, paused or in error
the printer still accepts jobs into its buffer and reports the fault; the jobs are *held* and
"print" when the state returns to ready. ``offline`` closes the listening socket, so connects
are refused like a switched-off printer. ``stall``/``slow`` stop or throttle reading, and
``drop_next_job_after(n)`` resets the next connection that carries a job (not a status poll)
once it has delivered at least ``n`` bytes.

    python -m devices.emulators.tcp_printer --language zpl --port 9100 --previews out/
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import select
import socket
import struct
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from types import TracebackType

from devices.emulators.previews import write_preview
from devices.emulators.status_replies import Language, Replies, State, StatusScanner

log = logging.getLogger(__name__)
POLL_S = 0.02  # how often idle threads look at stop/state changes


class JobEnd(StrEnum):
    EOF = "eof"  # the sender closed cleanly: a complete job
    CLIENT_RESET = "client_reset"  # the sender aborted (reset) mid-job
    DROPPED = "dropped"  # we reset it (drop_next_job_after)
    STOPPED = "stopped"  # the emulator stopped while the job was arriving


@dataclass(frozen=True, slots=True)
class Job:
    index: int
    data: bytes
    connected_ns: int  # time.monotonic_ns()
    first_byte_ns: int
    last_byte_ns: int
    end: JobEnd
    held: bool  # arrived while the printer was not ready; waits for the fault to clear
    status_queries: int  # status queries answered inside this job's stream


class TcpPrinterEmulator:
    def __init__(
        self,
        language: Language | str = Language.ZPL,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        previews: Path | None = None,
        on_job: Callable[[Job], None] | None = None,
    ) -> None:
        self.language = Language(language)
        self.host, self.previews, self.on_job = host, previews, on_job
        self.state = State.READY
        self.replies = Replies.ANSWER
        self._lock = threading.Condition()
        self._jobs: list[Job] = []
        self._held: list[Job] = []
        self._queries = 0
        self._drop_after: int | None = None
        self._slow: tuple[int, float] | None = None  # (bytes per read, pause after each read)
        self._stalled = False
        self._stop = threading.Event()
        self._conns: dict[socket.socket, threading.Thread] = {}
        self._listener: socket.socket | None = self._listen(port)
        self.port: int = self._listener.getsockname()[1]
        self._listening = True
        self._acceptor = threading.Thread(target=self._accept_loop, name="tcp-printer", daemon=True)

    # -- control ---------------------------------------------------------------------------

    def start(self) -> TcpPrinterEmulator:
        self._acceptor.start()
        return self

    def stop(self, timeout_s: float = 2.0) -> None:
        self._stop.set()
        if self._acceptor.is_alive():
            self._acceptor.join(timeout_s)
        with self._lock:
            conns = dict(self._conns)
        for conn in conns:
            with contextlib.suppress(OSError):
                conn.shutdown(socket.SHUT_RDWR)
        for thread in conns.values():
            thread.join(timeout_s)
        self._close_listener()

    def __enter__(self) -> TcpPrinterEmulator:
        return self.start()

    def __exit__(
        self, et: type[BaseException] | None, ev: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

    @property
    def address(self) -> tuple[str, int]:
        return self.host, self.port

    def set_state(self, state: State | str, timeout_s: float = 2.0) -> None:
        """Change state; returns once the listening socket matches (offline = refused)."""
        with self._lock:
            self.state = State(state)
            if self.state is State.READY:
                self._held.clear()  # the fault is cleared: held jobs print now
            want = self.state is not State.OFFLINE
            if not self._acceptor.is_alive():
                self._apply_listening(want)
            elif not self._lock.wait_for(lambda: self._listening == want, timeout_s):
                raise TimeoutError(f"emulator did not become {self.state}")

    def set_replies(self, replies: Replies | str) -> None:
        """ANSWER status queries, stay SILENT, or answer GARBAGE."""
        self.replies = Replies(replies)

    def slow(self, bytes_per_read: int = 256, pause_s: float = 0.005) -> None:
        """Read at most ``bytes_per_read`` at a time, pausing after each; 0 reads normally."""
        self._slow = (bytes_per_read, pause_s) if bytes_per_read > 0 else None

    def stall(self, stalled: bool = True) -> None:
        """Stop reading (a jammed or very busy printer): TCP flow control stalls the sender."""
        self._stalled = stalled

    def drop_next_job_after(self, n_bytes: int) -> None:
        if n_bytes < 1:
            raise ValueError("drop after at least one byte, so the sender has started")
        self._drop_after = n_bytes

    @property
    def jobs(self) -> list[Job]:
        with self._lock:
            return list(self._jobs)

    @property
    def held_jobs(self) -> list[Job]:
        with self._lock:
            return list(self._held)

    @property
    def status_queries(self) -> int:
        with self._lock:
            return self._queries

    def wait_for_jobs(self, count: int, timeout_s: float = 2.0) -> list[Job]:
        with self._lock:
            if not self._lock.wait_for(lambda: len(self._jobs) >= count, timeout_s):
                raise TimeoutError(f"{len(self._jobs)} of {count} jobs after {timeout_s} s")
            return list(self._jobs)

    # -- listening socket ------------------------------------------------------------------

    def _listen(self, port: int) -> socket.socket:
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((self.host, port))
        sock.listen(16)
        return sock

    def _close_listener(self) -> None:
        if self._listener is not None:
            self._listener.close()
            self._listener = None

    def _apply_listening(self, want: bool) -> None:
        """Open or close the listener (caller holds the lock; acceptor thread or not started)."""
        if want and self._listener is None:
            self._listener = self._listen(self.port)
        elif not want:
            self._close_listener()
        self._listening = want
        self._lock.notify_all()

    def _accept_loop(self) -> None:
        while not self._stop.is_set():
            with self._lock:
                want = self.state is not State.OFFLINE
                if want != self._listening:
                    self._apply_listening(want)
                listener = self._listener
            if listener is None:
                self._stop.wait(POLL_S)
                continue
            if not select.select([listener], [], [], POLL_S)[0]:
                continue
            try:
                conn, _ = listener.accept()
            except OSError:
                continue
            thread = threading.Thread(target=self._serve, args=(conn,), daemon=True)
            with self._lock:
                self._conns[conn] = thread
            thread.start()

    # -- one connection --------------------------------------------------------------------

    def _serve(self, conn: socket.socket) -> None:
        connected = time.monotonic_ns()
        received = bytearray()
        first = last = 0
        scanner = StatusScanner(self.language)
        drop_after: int | None = None  # claimed by the first connection that carries a job
        end = JobEnd.STOPPED
        try:
            while not self._stop.is_set():
                if self._stalled or not select.select([conn], [], [], POLL_S)[0]:
                    if self._stalled:
                        self._stop.wait(POLL_S)
                    continue
                slow = self._slow  # one read of a setting another thread may change
                size = slow[0] if slow else 65536
                armed = drop_after if drop_after is not None else self._drop_after
                if armed is not None and armed > len(received):
                    size = min(size, armed - len(received))
                try:
                    chunk = conn.recv(size)
                except ConnectionResetError:
                    end = JobEnd.CLIENT_RESET
                    break
                if not chunk:  # the sender's FIN, or our own shutdown in stop()
                    end = JobEnd.STOPPED if self._stop.is_set() else JobEnd.EOF
                    break
                last = time.monotonic_ns()
                first = first or last
                received += chunk
                for query in scanner.feed(chunk):
                    self._answer(conn, query)
                if drop_after is None and not scanner.is_only_queries(bytes(received)):
                    with self._lock:  # a status poll never takes the armed drop
                        drop_after, self._drop_after = self._drop_after, None
                if drop_after is not None and len(received) >= drop_after:
                    conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                    end = JobEnd.DROPPED
                    break
                if slow:
                    self._stop.wait(slow[1])
        except OSError as exc:
            log.debug("printer emulator connection failed: %s", exc)
        finally:
            self._close(conn, bytes(received), scanner, (connected, first, last), end)

    def _close(
        self,
        conn: socket.socket,
        received: bytes,
        scanner: StatusScanner,
        times: tuple[int, int, int],
        end: JobEnd,
    ) -> None:
        """Keep the job before the connection closes (the sender takes our close as "the
        printer has it all"); the thread stays known to stop() until its preview and
        callback are done."""
        job = None
        if not scanner.is_only_queries(received):  # else a status poll or a port probe
            job = self._keep(received, *times, end, scanner.queries)
        conn.close()
        try:
            if job is not None:
                self._announce(job)
        finally:
            with self._lock:
                self._conns.pop(conn, None)

    def _answer(self, conn: socket.socket, query: bytes) -> None:
        with self._lock:
            self._queries += 1
        reply = self.replies.reply(self.language, self.state, query)
        if reply:
            conn.sendall(reply)

    def _keep(
        self, data: bytes, connected: int, first: int, last: int, end: JobEnd, queries: int
    ) -> Job:
        with self._lock:
            held = self.state not in (State.READY, State.PAPER_LOW)
            job = Job(len(self._jobs) + 1, data, connected, first, last, end, held, queries)
            self._jobs.append(job)
            if held:
                self._held.append(job)
            self._lock.notify_all()
        return job

    def _announce(self, job: Job) -> None:
        if self.previews is not None:
            try:
                write_preview(self.previews, f"job-{job.index:04d}", self.language, job.data)
            except OSError:
                log.exception("printer emulator: cannot write the preview of job %d", job.index)
        if self.on_job is not None:
            try:
                self.on_job(job)
            except Exception:
                log.exception("printer emulator: on_job callback failed")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--language", choices=[x.value for x in Language], default="zpl")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=9100)
    parser.add_argument("--previews", type=Path, default=None)
    parser.add_argument("--state", choices=[s.value for s in State], default="ready")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")

    def announce(job: Job) -> None:
        log.info("job %d: %d bytes (%s)%s", job.index, len(job.data), job.end,
                 " held" if job.held else "")  # fmt: skip

    printer = TcpPrinterEmulator(
        args.language, host=args.host, port=args.port, previews=args.previews, on_job=announce
    )
    printer.set_state(args.state)
    with printer:
        log.info("%s printer on %s:%d; Ctrl-C stops", args.language, args.host, printer.port)
        with contextlib.suppress(KeyboardInterrupt):
            while True:
                time.sleep(3600)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
