"""Print jobs run in a child process, so the kiosk's interpreter never waits on them.

Building a slip (ORM reads, HTML, a barcode image) and drawing it is 20-50 ms of mostly
Python; on a thread it held the GIL while the next scan wanted it and tripled a scan's p99.
The child opens the same store (its own connections), runs DocumentService there with a
headless Qt, and answers each job with a PrintResult over a pipe. Jobs go one per request:
a document that crashes the child fails alone (the child is restarted for the next one),
and its attempt is already counted in the store by the job's claim.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import threading
from collections.abc import Callable
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import Any

from app.usecases.documents import DocumentService
from app.usecases.print_results import PrintResult

log = logging.getLogger(__name__)
START_TIMEOUT_S = 60.0
JOB_TIMEOUT_S = 60.0


def serve(conn: Connection, documents: DocumentService) -> None:
    """Child side: answer (job_id, retry_failed) requests until the kiosk goes away.

    The child's composition (store, renderer, QGuiApplication) is built by the composition
    root, ``app.main.document_worker``, which then calls this.
    """
    conn.send(("ready",))
    while True:
        try:
            job_id, retry_failed = conn.recv()
        except (EOFError, OSError):  # the kiosk went away (even by kill -9): so do we
            return
        try:
            result = documents.run(job_id, retry_failed=retry_failed)
        except Exception as exc:  # e.g. the store stayed locked: the kiosk must hear of it
            log.exception("print job %s could not be run", job_id)
            result = PrintResult(job_id, "", False, None, f"{type(exc).__name__}: {exc}")
        try:
            conn.send(result)
        except (BrokenPipeError, ConnectionResetError):
            return  # the kiosk stopped meanwhile; the job's state is in the store


class DocumentProcess:
    """Runs print jobs in the child process (started on first use or by ``start``)."""

    def __init__(self, target: Callable[..., None], args: tuple[Any, ...]) -> None:
        """``target(conn, *args)`` runs in the child and ends by calling ``serve``."""
        self._target = target
        self._args = args
        self._lock = threading.Lock()
        self._process: BaseProcess | None = None
        self._conn: Connection | None = None
        self._stopping = False

    def start(self) -> None:
        """Start the child now, so the first slip does not wait for Qt to load."""
        with self._lock:
            if self._stopping:
                return
            try:
                self._ensure_started()
            except Exception:
                if self._stopping:  # stopped while starting: nothing went wrong
                    return
                raise

    def run(self, job_ids: list[str], *, retry_failed: bool = False) -> list[PrintResult]:
        """Run the jobs one by one; blocks the calling (worker) thread, never the GUI."""
        results = []
        with self._lock:
            for job_id in job_ids:
                if self._stopping:
                    break
                results.append(self._run_one(job_id, retry_failed))
        return results

    def _run_one(self, job_id: str, retry_failed: bool) -> PrintResult:
        try:
            conn = self._ensure_started()
        except Exception as exc:  # no child: this job fails (and says so), the batch goes on
            if not self._stopping:
                log.warning("document process could not start: %r", exc)
            return PrintResult(job_id, "", False, None, f"{type(exc).__name__}: {exc}")
        try:
            conn.send((job_id, retry_failed))
            if not conn.poll(JOB_TIMEOUT_S):
                self._kill_locked()
                return PrintResult(job_id, "", False, None, "the document took too long")
            result: PrintResult = conn.recv()
            return result
        except (EOFError, OSError):
            if not self._stopping:
                log.warning("document process died during job %s; restarting it", job_id)
            self._kill_locked()
            return PrintResult(job_id, "", False, None, "the document process stopped")

    def stop(self) -> None:
        """Stop now, even while a job runs: the child is ended, so the worker's wait on the
        pipe ends with EOF (closing the pipe from here would not wake it). A job cut off
        this way stays pending in the store and runs at the next start."""
        self._stopping = True
        process = self._process
        if process is not None:
            process.terminate()
            process.join(timeout=2)
            if process.is_alive():
                process.kill()
                process.join(timeout=2)

    def _ensure_started(self) -> Connection:
        if self._process is not None and self._process.is_alive() and self._conn is not None:
            return self._conn
        self._kill_locked()
        context = multiprocessing.get_context("spawn")
        parent, child = context.Pipe()
        process = context.Process(
            target=self._target, args=(child, *self._args), name="tote-documents", daemon=True
        )
        process.start()
        child.close()
        self._process = process  # visible to stop() while it starts
        if not parent.poll(START_TIMEOUT_S) or parent.recv() != ("ready",):
            process.kill()
            raise RuntimeError("the document process did not start")
        self._conn = parent
        return parent

    def _kill_locked(self) -> None:
        if self._conn is not None:
            with contextlib.suppress(OSError):  # stop() may have closed it already
                self._conn.close()
        if self._process is not None:
            self._process.kill()
            self._process.join(timeout=5)
        self._process, self._conn = None, None
