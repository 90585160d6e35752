"""The sync engine seen from the GUI thread: its status as a signal, claims asked and answered.

The engine runs on its own thread. Its status is a frozen snapshot, so polling it twice a
second is cheap and needs no cross-thread callback; a claim's answer comes back on the sync
thread and is re-emitted as a queued signal, so the window handles it on the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from app.sync_status import SyncStatus
from ui.qt import QObject, QTimer, Signal

POLL_MS = 500


class SyncEngineLike(Protocol):
    def status(self) -> SyncStatus: ...

    def sync_now(self) -> None: ...

    def request_claim(self, order_number: str, done: Callable[[Any], None]) -> None: ...


class SyncLink(QObject):
    status_changed = Signal(object)  # SyncStatus
    claim_answered = Signal(str, object, object)  # order number, what to redo, ClaimAnswer

    def __init__(self, engine: SyncEngineLike, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._engine = engine
        self._last: SyncStatus | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self.poll)

    def start(self) -> None:
        self.poll()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    @property
    def status(self) -> SyncStatus | None:
        return self._last

    def poll(self) -> None:
        status = self._engine.status()
        if status != self._last:
            self._last = status
            self.status_changed.emit(status)

    def sync_now(self) -> None:
        self._engine.sync_now()
        self.poll()

    def request_claim(self, order_number: str, then: object) -> None:
        """Ask the centre for ``order_number``; ``then`` comes back with the answer."""
        self._engine.request_claim(
            order_number, lambda answer: self.claim_answered.emit(order_number, then, answer)
        )
