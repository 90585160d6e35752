"""Alembic environment of the order service: online only, on the connection it is given.

``sync/hub/db.py`` runs migrations in code at start-up (under a lock, on its own connection);
``alembic -c sync/hub/alembic.ini ...`` is for developers writing a new revision. Batch mode
keeps revisions portable to SQLite, which cannot ALTER most things.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection, engine_from_config, pool

from sync.hub.tables import metadata

config = context.config


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        render_as_batch=True,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    engine = engine_from_config(
        config.get_section(config.config_ini_section) or {},
        prefix="sqlalchemy.",
        poolclass=pool.NullPool,
    )
    with engine.connect() as conn:
        _run(conn)


if context.is_offline_mode():
    raise SystemExit("The order service's migrations run online only.")
run_migrations_online()
