"""Print jobs leave the GUI thread: a worker thread hands them to the document process.

Results come back to the GUI thread through a queued Qt signal. The thread only waits on
a pipe (no GIL held), so it costs the scan path nothing. A job already queued or running
is not queued again, however often Retry is pressed.
"""

from __future__ import annotations

import logging
import queue
import threading
from typing import Protocol

from app.usecases.print_results import PrintResult
from ui.qt import QObject, Signal, SignalInstance

log = logging.getLogger(__name__)
WARM_UP_DELAY_S = 1.5


class JobRunner(Protocol):
    def start(self) -> None: ...

    def run(self, job_ids: list[str], *, retry_failed: bool = False) -> list[PrintResult]: ...


class PrintWorker(QObject):
    finished = Signal(object)  # list[PrintResult], delivered on the GUI thread
    failed = Signal(str)  # the runner itself failed; the jobs stay in the store

    def __init__(self, runner: JobRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._queue: queue.Queue[tuple[list[str], bool]] = queue.Queue()
        self._lock = threading.Lock()
        self._wanted: set[str] = set()  # queued or running
        self._closed = False
        self._thread = threading.Thread(target=self._loop, name="tote-print", daemon=True)
        self._thread.start()

    def submit(self, job_ids: list[str], *, retry_failed: bool = False) -> None:
        with self._lock:
            fresh = [j for j in job_ids if j not in self._wanted]
            self._wanted.update(fresh)
        if fresh:
            self._queue.put((fresh, retry_failed))

    def close(self) -> None:
        """The window is going away: deliver nothing more to it."""
        self._closed = True

    def _loop(self) -> None:
        # The runner is started from this long-lived thread: a Linux child set to die with
        # its parent dies with the *thread* that spawned it. It starts a moment after the
        # kiosk (or at the first job), so its CPU does not delay the first screen.
        first: tuple[list[str], bool] | None = None
        try:
            first = self._queue.get(timeout=WARM_UP_DELAY_S)
        except queue.Empty:
            try:
                self._runner.start()
            except Exception as exc:  # the first job starts it again and reports a failure
                log.warning("the document process did not start (%r); jobs will retry it", exc)
        while True:
            job_ids, retry_failed = first if first is not None else self._queue.get()
            first = None
            try:
                results = self._runner.run(job_ids, retry_failed=retry_failed)
            except Exception as exc:
                log.exception("print jobs %s could not be run", job_ids)
                self._deliver(self.failed, f"{type(exc).__name__}: {exc}")
                results = None
            finally:
                with self._lock:
                    self._wanted.difference_update(job_ids)
            if results is not None:
                self._deliver(self.finished, results)

    def _deliver(self, signal: SignalInstance, value: object) -> None:
        if self._closed:
            return
        try:
            signal.emit(value)
        except RuntimeError:  # the window was deleted meanwhile (kiosk shutting down)
            self._closed = True
