"""Print jobs leave the GUI thread: a worker thread hands them to the document process.

Results come back to the GUI thread through a queued Qt signal. The thread only waits on
a pipe (no GIL held), so it costs the scan path nothing.
"""

from __future__ import annotations

import logging
import queue
import threading
from typing import Protocol

from app.usecases.documents import PrintResult
from ui.qt import QObject, Signal

log = logging.getLogger(__name__)


class JobRunner(Protocol):
    def run(self, job_ids: list[str]) -> list[PrintResult]: ...


class PrintWorker(QObject):
    finished = Signal(object)  # list[PrintResult], delivered on the GUI thread
    failed = Signal(str)  # the runner itself failed; the jobs stay pending

    def __init__(self, runner: JobRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._queue: queue.Queue[list[str]] = queue.Queue()
        self._thread = threading.Thread(target=self._loop, name="tote-print", daemon=True)
        self._thread.start()

    def submit(self, job_ids: list[str]) -> None:
        if job_ids:
            self._queue.put(list(job_ids))

    def _loop(self) -> None:
        while True:
            job_ids = self._queue.get()
            try:
                self.finished.emit(self._runner.run(job_ids))
            except Exception as exc:
                log.exception("print jobs %s could not be run", job_ids)
                self.failed.emit(f"{type(exc).__name__}: {exc}")
