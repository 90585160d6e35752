"""Work that must not block the GUI thread, with its answer delivered back on the GUI thread.

Like Anki's ``aqt.operations``: ``work`` runs on a short-lived thread and must not touch a
widget; ``done`` or ``failed`` then run on the GUI thread. The answer travels through one
relay object that lives as long as the application, so a job that outlives its window
(closed mid-release) is emitted on a live object and then dropped, never delivered to a
deleted one. Used for the few operator actions that take longer than a scan (a wave
release plans for up to a second).
"""

from __future__ import annotations

import functools
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ui.qt import QObject, Signal

log = logging.getLogger(__name__)


@dataclass
class _Job:
    owner: Background
    done: Callable[[Any], None]
    failed: Callable[[BaseException], None]
    value: Any = None
    error: BaseException | None = None


class _Relay(QObject):
    """Created on the GUI thread by the first job; its slot runs there."""

    finished = Signal(object)  # a _Job

    def __init__(self) -> None:
        super().__init__()
        self.finished.connect(self._deliver)

    def _deliver(self, job: _Job) -> None:
        job.owner._finish(job)


@functools.cache
def _the_relay() -> _Relay:
    return _Relay()


class Background:
    """One job at a time: ``busy`` is true from ``run`` until its callback has run."""

    def __init__(self) -> None:
        self._busy = False
        self._closed = False

    @property
    def busy(self) -> bool:
        return self._busy

    def run[T](
        self,
        work: Callable[[], T],
        done: Callable[[T], None],
        failed: Callable[[BaseException], None],
        name: str = "tote-background",
    ) -> bool:
        """Start ``work`` (call on the GUI thread); False, and nothing started, while a job
        is still running."""
        if self._busy:
            return False
        relay = _the_relay()
        self._busy = True
        job = _Job(self, done, failed)

        def body() -> None:
            try:
                job.value = work()
            except Exception as exc:
                log.exception("background job %s failed", name)
                job.error = exc
            relay.finished.emit(job)

        threading.Thread(target=body, name=name, daemon=True).start()
        return True

    def close(self) -> None:
        """The window is going away: deliver nothing more to it."""
        self._closed = True

    def _finish(self, job: _Job) -> None:
        self._busy = False
        if self._closed:
            return
        if job.error is not None:
            job.failed(job.error)
        else:
            job.done(job.value)
