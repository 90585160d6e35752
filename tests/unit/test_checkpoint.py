"""WAL checkpoints leave the scanning connection and run in the background."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from sqlalchemy import text

from app.store.checkpoint import SAFETY_NET_PAGES, checkpoint_once, start_checkpointer
from app.store.open import open_store


def test_kiosk_writer_leaves_checkpoints_to_the_background(tmp_path: Path) -> None:
    """With background checkpoints the writer only checkpoints as a safety net."""
    store = open_store(tmp_path / "s.sqlite3", background_checkpoints=True)
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA wal_autocheckpoint").scalar() == SAFETY_NET_PAGES
    store.close()
    plain = open_store(tmp_path / "p.sqlite3")
    with plain.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA wal_autocheckpoint").scalar() == 1000
    plain.close()


def test_background_checkpoint_folds_the_wal_while_the_store_is_in_use(tmp_path: Path) -> None:
    """Frames written by the kiosk are checkpointed by the other thread, without blocking."""
    path = tmp_path / "s.sqlite3"
    store = open_store(path, background_checkpoints=True)
    with store.sessions.begin() as s:
        for i in range(200):
            s.execute(
                text("INSERT INTO operators (code, name, role) VALUES (:c, 'x', 'packer')"),
                {"c": f"OP-{i}"},
            )
    busy, frames, done = checkpoint_once(path)
    assert (busy, frames > 0, done) == (0, True, frames)
    stop = threading.Event()
    thread = start_checkpointer(path, stop)
    with store.sessions.begin() as s:
        s.execute(text("UPDATE operators SET name = 'y'"))
    time.sleep(0.1)
    stop.set()
    thread.join(timeout=10)
    assert not thread.is_alive()
    store.close()
