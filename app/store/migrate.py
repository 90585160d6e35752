"""Bring the store to this build's schema at start-up, or refuse a newer one."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, text

from app.errors import SchemaTooNewError
from app.store.schema import HEAD, KNOWN_REVISIONS

MIGRATIONS_DIR = Path(__file__).with_name("migrations")


def current_revision(engine: Engine) -> str | None:
    """The revision stamped in the store, or None for a new (empty) store."""
    with engine.connect() as conn:
        has_table = conn.execute(
            text("SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'")
        ).first()
        if has_table is None:
            return None
        row = conn.execute(text("SELECT version_num FROM alembic_version")).first()
        return None if row is None else str(row[0])


def upgrade_to_head(engine: Engine) -> bool:
    """Migrate to HEAD; True when anything ran. Raises SchemaTooNewError for unknown revisions."""
    found = current_revision(engine)
    if found == HEAD:
        return False
    if found is not None and found not in KNOWN_REVISIONS:
        raise SchemaTooNewError(found=found, known=HEAD)
    run_alembic(engine, "upgrade", HEAD)
    return True


def run_alembic(engine: Engine, command_name: str, target: str) -> None:
    """Run an Alembic command on our own connection (imported lazily: it is slow to import)."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.connect() as connection:
        # Batch migrations rebuild tables (copy, drop, rename); with foreign keys enforced,
        # dropping a referenced table fails. The pragma only works outside a transaction,
        # so it is set on the raw connection before SQLAlchemy begins one; integrity is
        # checked before the migration commits instead.
        raw = connection.connection.dbapi_connection
        assert raw is not None
        raw.execute("PRAGMA foreign_keys=OFF")
        try:
            with connection.begin():
                config.attributes["connection"] = connection
                getattr(command, command_name)(config, target)
                broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise RuntimeError(f"migration left broken references: {broken[:5]}")
        finally:
            raw.execute("PRAGMA foreign_keys=ON")
