"""The one-row ``floor_layout`` table: read it, replace it (SQLAlchemy Core).

The row holds the layout document as JSON text; turning it into a ``Layout`` (and checking
it) is ``app.usecases.floor_layout``'s work, so this module knows nothing of floors.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, select
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from app.store.tables import FloorLayout, table

floor = table(FloorLayout)

_READ = select(floor.c.doc, floor.c.version, floor.c.updated_at).where(floor.c.id == 1)
_PUT = sqlite_insert(floor)
_PUT = _PUT.on_conflict_do_update(
    index_elements=[floor.c.id],
    set_={"doc": _PUT.excluded.doc, "version": _PUT.excluded.version,
          "updated_at": _PUT.excluded.updated_at},
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class StoredLayout:
    doc: str  # JSON, the shape of the protocol's LayoutDoc
    version: int
    updated_at: datetime


def stored_layout(conn: Connection | Session) -> StoredLayout | None:
    """The layout row, or None when this station has never been given one."""
    row = conn.execute(_READ).first()
    return None if row is None else StoredLayout(row.doc, row.version, row.updated_at)


def put_layout(conn: Connection, doc: str, version: int, now: datetime) -> None:
    """Replace the layout (insert it the first time), in the caller's transaction."""
    conn.execute(_PUT, {"id": 1, "doc": doc, "version": version, "updated_at": now})
