"""A serial barcode scanner made of a pseudo-terminal: for the demo, the tests and the bench.

The station opens ``link`` (a stable symlink, like /dev/serial/by-id/...) exactly as it
would a USB-serial scanner. ``scan()`` writes one barcode with the configured suffix and
optional AIM identifier; ``unplug()`` and ``plug()`` pull and reinsert the cable (the link
disappears and comes back pointing at a fresh pty), so the station's recovery is exercised
for real. Writes made before the station opened its end would be mangled by the pty's cooked
mode, so ``wait_opened`` lets a driver wait for the reader first.
"""

from __future__ import annotations

import contextlib
import os
import threading
import time
import tty
from pathlib import Path


class PtyScanner:
    def __init__(self, link: Path, suffix: bytes = b"\r", aim: str = "") -> None:
        self.link = Path(link)
        self.suffix = suffix
        self.aim = aim  # e.g. "]E0" sent before every code, as scanners set to do so send
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
            while view:
                view = view[os.write(self._master, view) :]

    def wait_opened(self, timeout_s: float = 5.0) -> bool:
        """True once some process has the scanner's end open (the station's reader)."""
        end = time.monotonic() + timeout_s
        while time.monotonic() < end:
            if self._slave_name and _opened_by_someone(self._slave_name):
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
