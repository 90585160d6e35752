"""A serial barcode scanner made of a pseudo-terminal: for the demo, the tests and the bench.

The station opens ``link`` (a stable symlink, like /dev/serial/by-id/...) exactly as it
would a USB-serial scanner. ``scan()`` writes one barcode with the configured suffix and
optional AIM identifier; ``unplug()`` and ``plug()`` pull and reinsert the cable (the link
disappears and comes back pointing at a fresh pty), so the station's recovery is exercised
for real. Bytes sent before the station has opened its end are lost (opening a serial port
flushes what is waiting, as pyserial does), so ``wait_opened`` lets a driver wait for the
reader first. A scanner nobody reads fills the pty; ``send`` then gives up after
``write_timeout_s`` with ``TimeoutError`` instead of hanging its caller.
"""

from __future__ import annotations

import contextlib
import os
import select
import threading
import time
import tty
from pathlib import Path


class PtyScanner:
    def __init__(
        self, link: Path, suffix: bytes = b"\r", aim: str = "", write_timeout_s: float = 2.0
    ) -> None:
        self.link = Path(link)
        self.suffix = suffix
        self.aim = aim  # e.g. "]E0" sent before every code, as scanners set to do so send
        self.write_timeout_s = write_timeout_s
        self._master: int | None = None
        self._slave_name = ""
        self._lock = threading.Lock()

    @property
    def plugged(self) -> bool:
        return self._master is not None

    def plug(self) -> None:
        with self._lock:
            if self._master is not None:
                return
            master, slave = os.openpty()
            tty.setraw(slave)  # so nothing is mangled even before the station opens it
            self._slave_name = os.ttyname(slave)
            os.close(slave)  # the station opens its own end
            os.set_blocking(master, False)  # send() waits with a timeout, never forever
            self.link.parent.mkdir(parents=True, exist_ok=True)
            tmp = self.link.with_name(f".{self.link.name}.new")
            tmp.unlink(missing_ok=True)
            tmp.symlink_to(self._slave_name)
            os.replace(tmp, self.link)
            self._master = master

    def unplug(self) -> None:
        with self._lock:
            if self._master is None:
                return
            os.close(self._master)
            self._master = None
            self._slave_name = ""
            self.link.unlink(missing_ok=True)

    def scan(self, code: str) -> None:
        """Send one barcode, as the scanner would after a trigger pull."""
        self.send((self.aim + code).encode("utf-8") + self.suffix)

    def send(self, data: bytes) -> None:
        """Raw bytes (garbage, half a scan): what a faulty scanner or cable delivers."""
        with self._lock:
            if self._master is None:
                raise OSError("the emulated scanner is unplugged")
            view = memoryview(data)
            end = time.monotonic() + self.write_timeout_s
            while view:
                try:
                    view = view[os.write(self._master, view) :]
                except BlockingIOError:
                    left = end - time.monotonic()
                    if left <= 0 or not select.select([], [self._master], [], left)[1]:
                        raise TimeoutError(
                            f"nobody reads the emulated scanner at {self.link}: "
                            f"{len(view)} bytes not sent"
                        ) from None

    def wait_opened(self, timeout_s: float = 5.0, settle_s: float = 0.05) -> bool:
        """True once some process has the scanner's end open (the station's reader).

        Seeing the port open is not quite enough: the reader flushes its input as it
        finishes opening (pyserial does, just after the open), and a scan sent in that
        instant would be lost, so this waits ``settle_s`` more. A driver that can see its
        reader's own "connected" state should wait for that instead. False while unplugged.
        """
        end = time.monotonic() + timeout_s
        while time.monotonic() < end:
            with self._lock:
                name = self._slave_name if self._master is not None else ""
            if name and _opened_by_someone(name):
                time.sleep(settle_s)
                return True
            time.sleep(0.01)
        return False

    def close(self) -> None:
        self.unplug()

    def __enter__(self) -> PtyScanner:
        self.plug()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _opened_by_someone(device: str) -> bool:
    """Whether any process here holds ``device`` open (Linux /proc; our own fds count)."""
    target = os.path.realpath(device)
    for fd_dir in Path("/proc").glob("[0-9]*/fd"):
        with contextlib.suppress(OSError):
            for fd in fd_dir.iterdir():
                with contextlib.suppress(OSError):
                    if os.readlink(fd) == target:
                        return True
    return False
