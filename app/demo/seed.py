"""Fill an empty store with the demo warehouse (``./run demo``); never touch a used one."""

from __future__ import annotations

import logging

from sqlalchemy.orm import Session, sessionmaker

from app.demo.generator import generate
from app.demo.load import is_loaded, load_dataset

log = logging.getLogger(__name__)


def seed_if_empty(sessions: sessionmaker[Session], *, orders: int = 320) -> bool:
    """Load the deterministic demo data set in one transaction; False when data exists."""
    with sessions.begin() as session:
        if is_loaded(session):
            return False
        load_dataset(session, generate(orders=orders))
    log.info("demo data loaded (%d orders)", orders)
    return True
