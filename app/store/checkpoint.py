"""WAL checkpoints off the scanning thread.

SQLite folds the WAL back into the database on the commit that crosses 1,000 pages: on the
GUI thread that made one scan in a hundred wait 15-90 ms (copying pages, fsync of the
database file). The kiosk's writer therefore checkpoints only as a safety net (at
SAFETY_NET_PAGES), and this loop, on its own thread and connection, checkpoints PASSIVE
every few seconds: it never blocks a writer, sqlite3 releases the GIL while it works, and
its fsyncs are not the scanner's.
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
import threading
from pathlib import Path

log = logging.getLogger(__name__)
SAFETY_NET_PAGES = 20_000  # ~80 MB of WAL: only if the checkpointer is not running
INTERVAL_S = 2.0


def checkpoint_once(path: Path) -> tuple[int, int, int]:
    """(busy, WAL frames, frames checkpointed) from one PASSIVE checkpoint."""
    with contextlib.closing(sqlite3.connect(path, timeout=1.0)) as conn:
        row = conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
    return int(row[0]), int(row[1]), int(row[2])


def start_checkpointer(path: Path, stop: threading.Event) -> threading.Thread:
    """A daemon thread that checkpoints ``path`` until ``stop`` is set."""

    def loop() -> None:
        while not stop.wait(INTERVAL_S):
            try:
                checkpoint_once(path)
            except Exception as exc:  # busy, locked, disk trouble: try again next round
                log.warning("checkpoint skipped: %s", exc)

    thread = threading.Thread(target=loop, name="tote-checkpoint", daemon=True)
    thread.start()
    return thread
