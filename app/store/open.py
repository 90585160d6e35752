"""Open a station store ready for use: engine, migrations, session factory."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from app.store.checkpoint import SAFETY_NET_PAGES
from app.store.db import open_engine, session_factory
from app.store.migrate import upgrade_to_head


@dataclass(frozen=True, slots=True)
class Store:
    path: Path
    engine: Engine
    sessions: sessionmaker[Session]  # read-write transactions (BEGIN IMMEDIATE)
    read_engine: Engine
    reads: sessionmaker[Session]  # read-only snapshots that never wait for a writer

    def close(self) -> None:
        self.engine.dispose()
        self.read_engine.dispose()


def open_store(path: Path, *, background_checkpoints: bool = False) -> Store:
    """Migrate ``path`` to this build's schema and return it; SchemaTooNewError if newer.

    ``background_checkpoints``: another process runs ``app.store.checkpoint`` for this
    store, so this one's commits leave the WAL alone (the kiosk's GUI thread).
    """
    engine = open_engine(path, autocheckpoint=SAFETY_NET_PAGES if background_checkpoints else None)
    try:
        upgrade_to_head(engine)
    except BaseException:
        engine.dispose()
        raise
    reader = open_engine(path, writer=False)
    return Store(path, engine, session_factory(engine), reader, session_factory(reader))
