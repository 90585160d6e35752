"""The hub's schema: migrations equal tables.py, a newer database is refused, starts race safely."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, text

from sync.hub.db import (
    HEAD,
    KNOWN_REVISIONS,
    MIGRATIONS_DIR,
    HubSchemaTooNewError,
    current_revision,
    open_hub_db,
    run_alembic,
    upgrade_to_head,
)
from sync.hub.tables import metadata
from tests.postgres import PostgresCluster


def test_known_revisions_match_the_migration_scripts() -> None:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    script = ScriptDirectory.from_config(config)
    assert script.get_heads() == [HEAD]
    assert tuple(rev.revision for rev in script.walk_revisions())[::-1] == KNOWN_REVISIONS


def test_migrated_schema_equals_the_tables_and_round_trips(new_database_url: str) -> None:
    engine = open_hub_db(new_database_url)
    try:
        with engine.connect() as conn:
            assert compare_metadata(MigrationContext.configure(conn), metadata) == []
        with engine.begin() as conn:
            run_alembic(conn, "downgrade", "base")
        with engine.connect() as conn:
            assert current_revision(conn) is None
        assert upgrade_to_head(engine) is True
        assert upgrade_to_head(engine) is False  # at head: nothing runs
    finally:
        engine.dispose()


def test_a_database_from_a_newer_hub_is_refused_and_left_alone(new_database_url: str) -> None:
    open_hub_db(new_database_url).dispose()
    engine = _stamp(new_database_url, "0099_future")
    with pytest.raises(HubSchemaTooNewError, match="a newer Tote has migrated it") as caught:
        open_hub_db(new_database_url)
    assert caught.value.found == "0099_future"
    with engine.connect() as conn:
        assert current_revision(conn) == "0099_future"
    engine.dispose()


def _stamp(url: str, revision: str) -> Engine:
    from sqlalchemy import create_engine

    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = :r"), {"r": revision})
    return engine


def test_hubs_starting_together_on_a_new_postgres_database_all_open_it(
    postgres_cluster: PostgresCluster,
) -> None:
    """Several hub processes may share one database and start at once: one migrates."""
    url = postgres_cluster.create_database()
    errors: list[BaseException] = []
    engines: list[Engine] = []
    start = threading.Barrier(4)

    def open_it() -> None:
        try:
            start.wait()
            engines.append(open_hub_db(url))
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=open_it) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    for engine in engines:
        engine.dispose()
    postgres_cluster.drop_database(url)
    assert errors == [] and len(engines) == 4


def test_sqlite_is_opened_durable_and_checked(tmp_path: Path) -> None:
    engine = open_hub_db(f"sqlite:///{tmp_path / 'deep' / 'hub.sqlite3'}")
    with engine.connect() as conn:
        pragmas = [
            conn.exec_driver_sql(f"PRAGMA {name}").scalar()
            for name in ("journal_mode", "synchronous", "foreign_keys")
        ]
    engine.dispose()
    assert pragmas == ["wal", 2, 1]  # 2: FULL


def test_unusable_urls_are_refused_with_a_reason() -> None:
    with pytest.raises(ValueError, match="needs a SQLite file"):
        open_hub_db("sqlite://")
    with pytest.raises(ValueError, match="SQLite or PostgreSQL"):
        open_hub_db("mysql://x@localhost/db")
