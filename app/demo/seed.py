"""Fill an empty store with the demo warehouse (``./run demo``); never touch a used one."""

from __future__ import annotations

import logging

from sqlalchemy import insert, select
from sqlalchemy.orm import Session, sessionmaker

from app.clock import utc_now
from app.demo.floor import demo_layout
from app.demo.generator import generate
from app.demo.load import is_loaded, load_dataset
from app.store.floor_queries import stored_layout
from app.store.tables import Location, Operator, table
from app.usecases.floor_layout import doc_of_layout, store_layout

log = logging.getLogger(__name__)


def seed_if_empty(sessions: sessionmaker[Session], *, orders: int = 320) -> bool:
    """Load the deterministic demo data set in one transaction; False when data exists."""
    with sessions.begin() as session:
        if is_loaded(session):
            return False
        load_dataset(session, generate(orders=orders))
    log.info("demo data loaded (%d orders)", orders)
    return True


def seed_operators_if_empty(sessions: sessionmaker[Session]) -> bool:
    """Only the demo's operators (their badges sign in): a demo station that syncs gets its
    products and orders from the demo order service instead."""
    with sessions.begin() as session:
        if session.execute(select(Operator.id).limit(1)).first() is not None:
            return False
        rows = [
            {"code": o.code, "name": o.name, "role": o.role} for o in generate(orders=1).operators
        ]
        session.execute(insert(table(Operator)), rows)
    return True


def seed_floor_if_missing(sessions: sessionmaker[Session]) -> bool:
    """The demo floor (``app.demo.floor``) drawn from the store's locations, unless the store
    has a layout already or no locations; True when it was stored.

    Separate from ``seed_if_empty`` so that a demo store loaded before floor layouts existed
    gets its floor too.
    """
    with sessions.begin() as session:
        if stored_layout(session) is not None:
            return False
        rows = session.execute(select(Location.zone, Location.aisle, Location.bay)).all()
        if not rows:
            return False
        store_layout(session.connection(), doc_of_layout(demo_layout(rows)), utc_now())
    log.info("demo floor layout stored")
    return True
