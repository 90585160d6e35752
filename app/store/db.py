"""Opening the station's SQLite store with the settings that make a confirmed scan durable.

WAL lets the sync thread read while the GUI thread writes; ``synchronous=FULL`` makes every
commit survive a power cut, not only a process crash; ``BEGIN IMMEDIATE`` takes the write lock
up front so two threads never deadlock upgrading a read lock (they wait ``busy_timeout``).
"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path
from typing import Any

from sqlalchemy import URL, Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

BUSY_TIMEOUT_MS = 5000


def _on_connect(dbapi_connection: Any, _record: Any) -> None:
    # Let SQLAlchemy's "begin" event emit BEGIN itself (pysqlite's implicit BEGIN is too late).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys=ON")
    finally:
        cursor.close()


def _begin_immediate(connection: Any) -> None:
    """Take the write lock, retrying in fine steps while another connection holds it.

    SQLite's own busy handler sleeps 1, 2, 5, 10 ms...: a scan behind a 0.3 ms write of
    the document process waited at least 3 ms. Here the wait ends within ~0.3 ms of the
    lock coming free; the overall limit stays BUSY_TIMEOUT_MS.
    """
    raw = connection.connection.dbapi_connection
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    delay = 0.0002
    raw.execute("PRAGMA busy_timeout=0")
    try:
        while True:
            try:
                raw.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) and "busy" not in str(exc):
                    raise
                if time.monotonic() > deadline:
                    raise
                time.sleep(delay)
                delay = min(delay * 1.5, 0.005)
    finally:
        raw.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")


def _begin_deferred(connection: Any) -> None:
    connection.exec_driver_sql("BEGIN")


def open_engine(path: Path, *, writer: bool = True, autocheckpoint: int | None = None) -> Engine:
    """An engine on ``path`` (created if missing); each thread gets its own connection.

    Writers begin IMMEDIATE; readers begin DEFERRED and so never wait for a writer (WAL
    gives them a consistent snapshot). A reader must not write: SQLite would refuse to
    upgrade its snapshot while another connection commits.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    url = URL.create("sqlite", database=str(path))  # a "?" in the path stays in the path
    engine = create_engine(url, connect_args={"check_same_thread": False})
    event.listen(engine, "connect", _on_connect)
    if autocheckpoint is not None:
        pages = int(autocheckpoint)
        event.listen(
            engine,
            "connect",
            lambda dbapi, _record: dbapi.execute(f"PRAGMA wal_autocheckpoint={pages}"),
        )
    event.listen(engine, "begin", _begin_immediate if writer else _begin_deferred)
    return engine


def session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)
