"""The schema: Alembic migrations equal the ORM, a newer store is refused, durability pragmas."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from app.errors import ErrorKind, SchemaTooNewError
from app.store.db import open_engine
from app.store.migrate import MIGRATIONS_DIR, current_revision, run_alembic, upgrade_to_head
from app.store.open import open_store
from app.store.schema import HEAD, KNOWN_REVISIONS
from app.store.tables import Base


def test_known_revisions_match_the_migration_scripts() -> None:
    """app.store.schema lists exactly the revisions in migrations/versions, head last."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    script = ScriptDirectory.from_config(config)
    assert script.get_heads() == [HEAD]
    chain = [rev.revision for rev in script.walk_revisions()][::-1]
    assert tuple(chain) == KNOWN_REVISIONS


def test_migrated_schema_equals_the_orm_tables(tmp_path: Path) -> None:
    """Upgrading an empty store to head gives exactly what tables.py declares."""
    engine = open_engine(tmp_path / "s.sqlite3")
    upgrade_to_head(engine)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []
    engine.dispose()


def test_downgrade_and_upgrade_round_trip(tmp_path: Path) -> None:
    """Every migration can be undone and redone (batch mode on SQLite)."""
    engine = open_engine(tmp_path / "s.sqlite3")
    upgrade_to_head(engine)
    run_alembic(engine, "downgrade", "base")
    assert current_revision(engine) is None
    assert upgrade_to_head(engine) is True
    assert current_revision(engine) == HEAD
    assert upgrade_to_head(engine) is False  # already at head: nothing runs
    engine.dispose()


def test_store_from_a_newer_tote_is_refused_with_a_clear_message(tmp_path: Path) -> None:
    """A store stamped with an unknown (newer) revision is not opened, let alone changed."""
    path = tmp_path / "s.sqlite3"
    open_store(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0099_future'")
    before = path.read_bytes()
    with pytest.raises(SchemaTooNewError) as info:
        open_store(path)
    assert info.value.kind is ErrorKind.SCHEMA_TOO_NEW
    assert "0099_future" in info.value.message and "Update Tote" in info.value.message
    assert path.read_bytes() == before


def test_store_runs_wal_with_full_sync_and_foreign_keys(tmp_path: Path) -> None:
    """Every connection gets WAL, synchronous=FULL (2), a busy timeout and foreign keys."""
    store = open_store(tmp_path / "s.sqlite3")
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 5000
    store.close()


def seed_old_store(engine: Engine, revision: str, orders: int) -> None:
    """A store at ``revision`` holding demo data: seeded at head (the demo writes today's
    columns), then taken down, as a store of that release would be."""
    from app.demo.seed import seed_if_empty
    from app.store.db import session_factory

    upgrade_to_head(engine)
    seed_if_empty(session_factory(engine), orders=orders)
    run_alembic(engine, "downgrade", revision)


def test_upgrade_keeps_the_data_of_a_store_in_use(tmp_path: Path) -> None:
    """A store at the first revision, with demo data and work done, upgrades intact."""
    from sqlalchemy import text

    engine = open_engine(tmp_path / "s.sqlite3")
    seed_old_store(engine, KNOWN_REVISIONS[0], orders=20)
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO print_jobs (job_id, kind, order_id, status, attempts, "
                "created_at) VALUES ('j1', 'packing_slip', 1, 'pending', 0, "
                "'2026-11-26 10:00:00')"
            )
        )
        before = {
            t: conn.execute(text(f"SELECT COUNT(*) FROM {t}")).scalar()
            for t in ("orders", "order_lines", "products", "print_jobs")
        }
    assert upgrade_to_head(engine) is True
    with engine.connect() as conn:
        after = {t: conn.execute(text(f"SELECT COUNT(*) FROM {t}")).scalar() for t in before}
        assert after == before
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall() == []
    engine.dispose()


def test_store_path_with_a_question_mark_is_taken_literally(tmp_path: Path) -> None:
    """'?' in a folder or file name is part of the path, not a URL query."""
    path = tmp_path / "st?ation.sqlite3"
    open_store(path).close()
    assert path.exists()


def test_sync_revision_starts_every_order_at_version_zero_and_a_fresh_cursor(
    tmp_path: Path,
) -> None:
    """A store at 0003 with orders and outbox events: after 0004 every order is version 0
    (any version from the centre is newer), every event unsent and unquarantined, and the
    feed was never pulled. Downgrading turns held orders back into open ones."""
    from sqlalchemy import text

    engine = open_engine(tmp_path / "s.sqlite3")
    seed_old_store(engine, "0003_print_routing", orders=5)
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO outbox (seq, event_id, type, at, station_code, operator_code, "
                "payload) VALUES (1, 'e1', 'PackStarted', '2026-11-26 10:00:00', 'S', 'O', '{}')"
            )
        )
    upgrade_to_head(engine)
    with engine.begin() as conn:
        assert set(conn.execute(text("SELECT version FROM orders")).scalars()) == {0}
        assert conn.execute(text("SELECT attempts, quarantined_at FROM outbox")).one() == (0, None)
        state = conn.execute(text("SELECT id, cursor, initial_done FROM sync_state")).all()
        assert [tuple(r) for r in state] == [(1, None, 0)]
        conn.execute(text("UPDATE orders SET status = 'held' WHERE id = 1"))
    run_alembic(engine, "downgrade", "0003_print_routing")
    with engine.connect() as conn:
        assert conn.execute(text("SELECT status FROM orders WHERE id = 1")).scalar() == "open"
    engine.dispose()


def test_layout_revision_adds_an_empty_floor_that_downgrading_drops(tmp_path: Path) -> None:
    """A store at 0004 with demo data: after 0005 it has no floor layout (the next pull or
    the demo seed brings one) and its data intact; downgrading drops the floor only."""
    from sqlalchemy import inspect, text

    from app.demo.seed import seed_floor_if_missing
    from app.store.db import session_factory

    engine = open_engine(tmp_path / "s.sqlite3")
    seed_old_store(engine, "0004_sync", orders=5)
    upgrade_to_head(engine)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT COUNT(*) FROM floor_layout")).scalar() == 0
        assert conn.execute(text("SELECT COUNT(*) FROM orders")).scalar() == 5
    assert seed_floor_if_missing(session_factory(engine))
    run_alembic(engine, "downgrade", "0004_sync")
    assert not inspect(engine).has_table("floor_layout")
    with engine.connect() as conn:
        assert conn.execute(text("SELECT COUNT(*) FROM orders")).scalar() == 5
    engine.dispose()
