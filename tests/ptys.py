"""Pseudo-terminal pairs standing in for serial devices, behind a stable link path."""

from __future__ import annotations

import os
from pathlib import Path


class FakeCable:
    """A pty pair behind a stable link path, like /dev/serial/by-id/...: plug and unplug."""

    def __init__(self, link: Path) -> None:
        self.link = link
        self.master: int | None = None

    def plug(self) -> None:
        master, slave = os.openpty()
        target = os.ttyname(slave)
        os.close(slave)  # the scanner opens its own end
        self.link.unlink(missing_ok=True)
        self.link.symlink_to(target)
        self.master = master

    def unplug(self) -> None:
        assert self.master is not None
        os.close(self.master)
        self.master = None
        self.link.unlink(missing_ok=True)

    def send(self, data: bytes) -> None:
        assert self.master is not None
        os.write(self.master, data)
