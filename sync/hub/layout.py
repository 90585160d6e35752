"""A warehouse's floor layout at the centre: one entity of its feed, the newest kept.

Set by the centre (``POST /v1/layout``, ``tote hub layout set``, the demo seeder) and read
by every station of the warehouse from the feed. The hub checks an upload with the
stations' own rules (``app.usecases.floor_layout.layout_from_doc``), so a floor no station
could walk is refused here, with the reason, instead of reaching the floor.

The hub owns ``version``: each change of the layout gets the next one (an upload's own is
ignored); setting the layout the warehouse already has moves nothing in the feed, so
stations download nothing again. Like ``sync.hub.catalog``, every function works inside
a transaction the caller owns.
"""

from __future__ import annotations

from sqlalchemy import Connection

from app.usecases.floor_layout import UnusableLayoutError, layout_from_doc
from sync.hub import feed
from sync.hub.catalog import CatalogError
from sync.protocol import LayoutDoc

KIND = "layout"


def get_layout(conn: Connection, warehouse: str) -> LayoutDoc | None:
    """The warehouse's layout as stations see it now, or None when it has none."""
    found = feed.current_docs(conn, warehouse, KIND, [warehouse]).get(warehouse)
    return None if found is None else LayoutDoc.model_validate_json(found.doc)


def set_layout(conn: Connection, warehouse: str, doc: LayoutDoc) -> tuple[LayoutDoc, bool]:
    """Make ``doc`` the warehouse's layout: (the layout now, whether it changed).

    Raises CatalogError, writing nothing, for a layout stations could not use, and
    UnknownWarehouseError for a warehouse the hub does not have.
    """
    try:
        layout_from_doc(doc)
    except UnusableLayoutError as exc:
        raise CatalogError(f"This floor layout cannot be used: {exc}.") from None
    feed.lock(conn, warehouse)
    current = feed.current_docs(conn, warehouse, KIND, [warehouse])
    found = current.get(warehouse)
    version = 1
    if found is not None:
        stored = LayoutDoc.model_validate_json(found.doc)
        if doc.model_copy(update={"version": stored.version}) == stored:
            return stored, False
        version = stored.version + 1
    new = doc.model_copy(update={"version": version})
    feed.write(conn, warehouse, KIND, {warehouse: new.model_dump_json()}, current)
    return new, True
