"""A "printer" that is a directory: hot folders of print servers, PDF archives, test rigs.

Each job appears all at once or not at all. It is written to a hidden ``.part`` file, fsynced,
hard-linked to its final name (atomic, and unlike rename it never replaces an earlier job), and
the directory is fsynced. A watcher that picks up files (a hot
folder, rsync, a label server) must ignore dot-files; it then never sees half a job, and a job
reported DELIVERED survives a power cut. A job that fails before the rename leaves nothing
behind and is NOT_SENT; one that fails after it is visible to the watcher, so it is UNCERTAIN.
"""

from __future__ import annotations

import contextlib
import errno
import itertools
import os
import secrets
import threading
import time
from pathlib import Path

from devices.printing.status import PrinterState, PrinterStatus
from devices.printing.transport import SendReport, describe

NO_HARD_LINKS = {errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV, errno.EMLINK}


class FolderTransport:
    def __init__(self, folder: Path, *, suffix: str = ".prn", prefix: str = "job") -> None:
        self.folder, self.suffix, self.prefix = Path(folder), suffix, prefix
        self._counter = itertools.count(1)
        self._lock = threading.Lock()

    @property
    def name(self) -> str:
        return f"folder {self.folder}"

    def _next_name(self) -> str:
        with self._lock:
            n = next(self._counter)
        stamp = time.strftime("%Y%m%d-%H%M%S")
        # Sortable by time; the random part keeps a restarted kiosk from reusing a name
        # (a clash would only cost a "-2" suffix, but names should say which job is which).
        return f"{self.prefix}-{stamp}-{n:05d}-{secrets.token_hex(4)}{self.suffix}"

    def send(self, data: bytes, deadline_s: float, *, file_name: str = "") -> SendReport:
        """Write one job; ``detail`` of a DELIVERED report is the file's path.

        ``file_name`` (e.g. the document's name) is used when given, made safe and never
        allowed to replace an earlier job: a clash gets ``-2``, ``-3`` ... appended.
        ``deadline_s`` is not enforced: a local write cannot be interrupted safely.
        """
        total = len(data)
        name = _safe_name(file_name, self.suffix) or self._next_name()
        part = self.folder / f".{name}.{secrets.token_hex(4)}.part"
        try:
            fd = os.open(part, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
            try:
                view = memoryview(data)
                while view:
                    view = view[os.write(fd, view) :]
                os.fsync(fd)
            finally:
                os.close(fd)
            final = _publish(part, self.folder, name)
        except OSError as exc:
            with contextlib.suppress(OSError):
                part.unlink()
            return SendReport.not_sent(
                total, f"Could not write the job into {self.folder}.", describe(exc)
            )
        try:
            _fsync_dir(self.folder)
        except OSError as exc:
            return SendReport.uncertain(
                total,
                total,
                f"The job is in {self.folder} but may not survive a power cut.",
                describe(exc),
            )
        return SendReport.ok(total, str(final))

    def status(self, timeout_s: float) -> PrinterStatus:
        if not self.folder.is_dir():
            return PrinterStatus(PrinterState.OFFLINE, f"{self.folder} does not exist")
        if not os.access(self.folder, os.W_OK | os.X_OK):
            return PrinterStatus(PrinterState.OFFLINE, f"{self.folder} is not writable")
        return PrinterStatus(PrinterState.READY)


def _safe_name(file_name: str, suffix: str) -> str:
    name = Path(file_name.replace("\\", "/")).name.lstrip(".").strip()
    name = "".join(c if c.isprintable() and c not in '<>:"|?*' else "_" for c in name)
    if name and not Path(name).suffix:
        name += suffix
    return name


def _publish(part: Path, folder: Path, name: str) -> Path:
    """Give the finished file its name in one step, never replacing an existing job."""
    stem, suffix = Path(name).stem, Path(name).suffix
    for attempt in range(1, 1000):
        final = folder / (name if attempt == 1 else f"{stem}-{attempt}{suffix}")
        try:
            os.link(part, final)  # atomic and, unlike rename, refuses to overwrite
        except FileExistsError:
            continue
        except OSError as exc:
            if exc.errno not in NO_HARD_LINKS:
                raise
            if final.exists():  # SMB/FAT: no hard links; rename (small race, documented)
                continue
            os.rename(part, final)
            return final
        with contextlib.suppress(OSError):
            part.unlink()  # a leftover dot-file is harmless
        return final
    raise FileExistsError(f"no free name for {name} in {folder}")


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
