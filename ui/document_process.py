"""Print jobs run in a child process, so the kiosk's interpreter never waits on them.

Building a slip (ORM reads, HTML, a barcode image) and drawing it is 20-50 ms of mostly
Python; on a thread it held the GIL while the next scan wanted it and tripled a scan's p99.
The child opens the same store (its own connections), runs DocumentService there with a
headless Qt, and answers with PrintResults over a pipe. It is restarted if it dies, so a
crash while drawing a document cannot take the kiosk down; killed mid-job, the job simply
stays pending in the store and is run again.
"""

from __future__ import annotations

import logging
import multiprocessing
import threading
from collections.abc import Callable
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import Any

from app.usecases.documents import DocumentService, PrintResult

log = logging.getLogger(__name__)
REPLY_TIMEOUT_S = 120.0


def serve(conn: Connection, documents: DocumentService) -> None:
    """Child side: answer job-id batches with PrintResults until the kiosk goes away.

    The child's composition (store, renderer, QGuiApplication) is built by the composition
    root, ``app.main.document_worker``, which then calls this.
    """
    conn.send(("ready",))
    while True:
        try:
            job_ids = conn.recv()
        except (EOFError, ConnectionResetError):  # the kiosk went away (even kill -9): so do we
            return
        results = []
        for job_id in job_ids:
            try:
                results.append(documents.run(job_id))
            except Exception:  # the store failed: the job stays pending, the kiosk is told
                log.exception("print job %s could not be run", job_id)
        try:
            conn.send(results)
        except (BrokenPipeError, ConnectionResetError):
            return  # the kiosk stopped meanwhile; the jobs' states are in the store


class DocumentProcess:
    """Runs print jobs in the child process (started on first use or by ``start``)."""

    def __init__(self, target: Callable[..., None], args: tuple[Any, ...]) -> None:
        """``target(conn, *args)`` runs in the child and ends by calling ``serve``."""
        self._target = target
        self._args = args
        self._lock = threading.Lock()
        self._process: BaseProcess | None = None
        self._conn: Connection | None = None

    def start(self) -> None:
        """Start the child now, so the first slip does not wait for Qt to load."""
        with self._lock:
            self._ensure_started()

    def run(self, job_ids: list[str]) -> list[PrintResult]:
        """Run the jobs; blocks the calling (worker) thread, never the GUI thread."""
        with self._lock:
            for attempt in (1, 2):  # one restart if the child died since the last batch
                conn = self._ensure_started()
                try:
                    conn.send(list(job_ids))
                    if not conn.poll(REPLY_TIMEOUT_S):
                        self._stop_locked()
                        raise TimeoutError("the document process did not answer in time")
                    results: list[PrintResult] = conn.recv()
                    return results
                except (EOFError, BrokenPipeError, ConnectionResetError):
                    log.warning("document process died; restarting (attempt %d)", attempt)
                    self._stop_locked()
            raise RuntimeError("the document process keeps dying")

    def stop(self) -> None:
        with self._lock:
            self._stop_locked()

    def _ensure_started(self) -> Connection:
        if self._process is not None and self._process.is_alive() and self._conn is not None:
            return self._conn
        self._stop_locked()
        context = multiprocessing.get_context("spawn")
        parent, child = context.Pipe()
        process = context.Process(
            target=self._target, args=(child, *self._args), name="tote-documents", daemon=True
        )
        process.start()
        child.close()
        if not parent.poll(REPLY_TIMEOUT_S) or parent.recv() != ("ready",):
            process.kill()
            raise RuntimeError("the document process did not start")
        self._process, self._conn = process, parent
        return parent

    def _stop_locked(self) -> None:
        if self._conn is not None:
            self._conn.close()
        if self._process is not None:
            self._process.join(timeout=5)
            if self._process.is_alive():
                self._process.kill()
                self._process.join(timeout=5)
        self._process, self._conn = None, None
