"""Opening the order service's database (SQLite file or PostgreSQL) at this build's schema.

SQLite: WAL (readers of the feed never wait for a writer), ``synchronous=FULL`` (an event the
hub answered "accepted" survives a power cut: the station will never send it again),
``busy_timeout`` and foreign keys on. Write transactions begin ``IMMEDIATE``, which makes
SQLite's one write lock the hub's serialisation point; readers (``reading``) begin deferred.

PostgreSQL: ``postgresql+psycopg://``, READ COMMITTED. Ordering guarantees come from row locks
taken explicitly (the feed counter, order rows for claims), not from the isolation level.

Several hub processes may serve one database, and may start at the same time: migrations run
under a lock (PostgreSQL advisory lock; SQLite's write lock) and re-check the revision inside it.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import URL, Connection, Engine, create_engine, event, inspect, make_url, text

KNOWN_REVISIONS: tuple[str, ...] = ("0001_initial", "0002_layout")
"""The revisions in ``migrations/versions``, oldest first (a test keeps this list true)."""
HEAD = KNOWN_REVISIONS[-1]
MIGRATIONS_DIR = Path(__file__).with_name("migrations")
BUSY_TIMEOUT_MS = 10_000
_MIGRATION_LOCK = 7_746_865  # any constant: the advisory lock id of hub migrations
_READ_ONLY = "tote_hub_read_only"


class HubSchemaTooNewError(RuntimeError):
    """The database was migrated by a newer hub; this build must not touch it."""

    def __init__(self, found: str) -> None:
        super().__init__(
            f"The order service database is at schema revision {found!r}, which this build "
            f"of Tote does not know (it knows up to {HEAD!r}): a newer Tote has migrated it. "
            "Run the newer Tote's order service, or point this one at another database."
        )
        self.found = found


def open_hub_db(url: str | URL) -> Engine:
    """An engine on ``url``, migrated to head. Raises HubSchemaTooNewError if newer."""
    engine = _engine(make_url(url))
    try:
        upgrade_to_head(engine)
    except BaseException:
        engine.dispose()
        raise
    return engine


def is_postgres(conn: Connection | Engine) -> bool:
    return conn.dialect.name == "postgresql"


@contextmanager
def reading(engine: Engine) -> Iterator[Connection]:
    """A read-only transaction: on SQLite a deferred BEGIN, so it never waits for writers."""
    with engine.connect() as conn:
        conn.execution_options(**{_READ_ONLY: True})
        with conn.begin():
            yield conn


def _engine(url: URL) -> Engine:
    if url.get_backend_name() == "sqlite":
        if url.database in (None, "", ":memory:"):
            raise ValueError(
                "The order service needs a SQLite file (sqlite:///path/hub.sqlite3): an "
                "in-memory database would not be shared by its threads."
            )
        Path(url.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"check_same_thread": False})
        event.listen(engine, "connect", _sqlite_on_connect)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    if url.get_backend_name() == "postgresql":
        if url.get_driver_name() != "psycopg":
            url = url.set(drivername="postgresql+psycopg")
        return create_engine(url, pool_size=10, max_overflow=20, pool_pre_ping=True)
    raise ValueError(f"The order service runs on SQLite or PostgreSQL, not {url.drivername}.")


def _sqlite_on_connect(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.isolation_level = None  # SQLAlchemy's "begin" event emits BEGIN itself
    for pragma in (
        "journal_mode=WAL",
        "synchronous=FULL",
        f"busy_timeout={BUSY_TIMEOUT_MS}",
        "foreign_keys=ON",
    ):
        dbapi_connection.execute(f"PRAGMA {pragma}")


def _sqlite_begin(conn: Connection) -> None:
    read_only = conn.get_execution_options().get(_READ_ONLY, False)
    conn.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")


def current_revision(conn: Connection) -> str | None:
    """The stamped revision, or None for an empty database."""
    if not inspect(conn).has_table("alembic_version"):
        return None
    return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def upgrade_to_head(engine: Engine) -> bool:
    """Migrate to HEAD under a lock; True when anything ran.

    Alembic is imported only when a migration is due (it costs about half a second).
    """
    with engine.connect() as conn, conn.begin():
        if is_postgres(conn):
            conn.execute(text("SELECT pg_advisory_xact_lock(:id)"), {"id": _MIGRATION_LOCK})
        found = current_revision(conn)
        if found == HEAD:
            return False
        if found is not None and found not in KNOWN_REVISIONS:
            raise HubSchemaTooNewError(found)
        run_alembic(conn, "upgrade", HEAD)
        return True


def run_alembic(conn: Connection, command_name: str, target: str) -> None:
    """Run an Alembic command on ``conn`` inside its transaction (tests downgrade with it)."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = conn
    getattr(command, command_name)(config, target)
