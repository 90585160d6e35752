"""Two writers on one store: the second waits for the first, finely, and loses nothing."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from sqlalchemy import text

from app.store.open import open_store


def test_a_writer_waits_for_the_lock_and_gets_it_soon_after_it_is_free(tmp_path: Path) -> None:
    """While one transaction holds the write lock for 50 ms, another waits, then writes."""
    store = open_store(tmp_path / "s.sqlite3")
    holding = threading.Event()
    released_at: list[float] = []

    def hold() -> None:
        with store.sessions.begin() as s:
            s.execute(text("INSERT INTO operators (code, name, role) VALUES ('A', 'a', 'x')"))
            holding.set()
            time.sleep(0.05)
            released_at.append(time.monotonic())

    holder = threading.Thread(target=hold)
    holder.start()
    holding.wait(5)
    with store.sessions.begin() as s:  # BEGIN IMMEDIATE runs with the first statement
        s.execute(text("INSERT INTO operators (code, name, role) VALUES ('B', 'b', 'x')"))
        began = time.monotonic()
    holder.join()
    assert began >= released_at[0]  # it really waited for the lock
    assert began - released_at[0] < 0.05  # and got it, not a timeout
    with store.reads() as s:
        assert s.execute(text("SELECT COUNT(*) FROM operators")).scalar() == 2
    with store.engine.connect() as conn:  # the normal busy timeout is back afterwards
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 5000
    store.close()
