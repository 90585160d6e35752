"""Shared fixtures: real SQLite store files in a temporary folder, never mocks."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from app.context import StationContext
from app.store.open import Store, open_store
from app.usecases.pack_station import PackStation
from tests.factories import NOW, Catalogue, add_catalogue
from tests.postgres import PostgresCluster, postgres_cluster
from ui.qt import QLocale

__all__ = ["postgres_cluster"]  # one throwaway PostgreSQL for the whole session

# The kiosk sets its language's locale at start (ui.translations); tests start as an English
# station does, not in the machine's locale (C here, which groups no digits).
QLocale.setDefault(QLocale("en"))

CTX = StationContext("PACK-T1", "OP-T1")


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = open_store(tmp_path / "station.sqlite3")
    yield s
    s.close()


@pytest.fixture
def catalogue(store: Store) -> Catalogue:
    with store.sessions.begin() as session:
        return add_catalogue(session)


@pytest.fixture
def station(store: Store) -> PackStation:
    s = PackStation(store.sessions, CTX, clock=lambda: NOW)
    s.ensure_station("Test station")
    return s


@pytest.fixture(params=["sqlite", "postgres"])
def new_database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A hub database nothing has touched yet: a SQLite file, or a database of its own on
    the session's PostgreSQL cluster (skipped, with the reason, where none can run);
    dropped afterwards."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'new-hub.sqlite3'}"
        return
    cluster: PostgresCluster = request.getfixturevalue("postgres_cluster")
    url = cluster.create_database()
    yield url
    cluster.drop_database(url)
