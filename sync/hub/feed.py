"""The changes feed: numbering, compaction, cursors and pages.

**Gap-free under concurrency.** A reader asks for changes with ``seq > cursor``. It must never
pass a change that commits later with a lower seq, or that change is lost for it. So seqs are
not taken from a sequence object (whose numbers are handed out in one order and committed in
another); each writing transaction takes them with

    UPDATE feed_counters SET value = value + n WHERE warehouse = :w RETURNING value

The row lock this takes is held until the transaction ends, so the next writer of the same
warehouse gets its numbers only after this one committed (or rolled back, leaving a harmless
hole): commit order equals seq order, and what a reader can see is always a prefix of the
feed. PostgreSQL makes a transaction visible before it releases its locks, so the prefix holds
there too; on SQLite the single write lock gives the same order. Readers lock nothing.

**Deadlock-free.** Every transaction that writes an order takes the counter (``lock``) before it
touches an order row; claims lock order rows but never the counter.

**Compacted.** Each entity has one moving row: an upsert gives it the next seq and the new doc,
so a station away for a week downloads each order once. A catalogue entity (product,
location, box type) also keeps its first version pinned at its first seq: moving it alone
would put it after the orders that named it, and the protocol promises that a product comes
before the first order naming it. At most two rows per product; orders are never pinned. A
page holding both rows of one entity sends it once: at the first place, with the latest doc.
A warehouse's floor layout is one entity (its key is the warehouse's code) that nothing
names, so it is never pinned either: the feed holds one row of it, the newest.

**Cursors** are ``<feed id>.<seq>``: the feed id is random per warehouse feed, so a cursor from
a replaced database is recognised, as is one ahead of the counter (a restored backup).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, and_, bindparam, func, insert, select, update

from sync.hub.db import is_postgres
from sync.hub.tables import changes, feed_counters

_CURSOR = re.compile(r"([0-9a-f]{16})\.(0|[1-9][0-9]{0,17})")
_CHUNK = 500  # keys per IN (...) list: well under SQLite's and psycopg's parameter limits
PINNED_KINDS = frozenset({"product", "location", "box_type"})
"""Kinds whose first version stays at its first seq: orders name them (see above)."""


class CursorError(ValueError):
    """A cursor this feed did not hand out; the message says what the station should do."""


class UnknownWarehouseError(ValueError):
    def __init__(self, warehouse: str) -> None:
        super().__init__(
            f"There is no warehouse {warehouse!r} at the order service: create it first."
        )
        self.warehouse = warehouse


def encode_cursor(feed_id: str, seq: int) -> str:
    return f"{feed_id}.{seq}"


def decode_cursor(text: str) -> tuple[str, int]:
    """``(feed_id, seq)`` of a cursor; CursorError for anything this hub never wrote."""
    found = _CURSOR.fullmatch(text)
    if found is None:
        raise CursorError(
            "This is not a cursor the order service hands out; "
            "download the feed again from the start."
        )
    return found.group(1), int(found.group(2))


def lock(conn: Connection, warehouse: str) -> None:
    """Take the warehouse's feed counter lock now (before any order row: see above)."""
    query = select(feed_counters.c.value).where(feed_counters.c.warehouse == warehouse)
    if is_postgres(conn):  # SQLite: BEGIN IMMEDIATE already holds the only write lock
        query = query.with_for_update()
    if conn.execute(query).first() is None:
        raise UnknownWarehouseError(warehouse)


def take_seqs(conn: Connection, warehouse: str, count: int) -> int:
    """Reserve ``count`` consecutive seqs for this transaction; returns the first."""
    last = conn.execute(
        update(feed_counters)
        .where(feed_counters.c.warehouse == warehouse)
        .values(value=feed_counters.c.value + count)
        .returning(feed_counters.c.value)
    ).scalar()
    if last is None:
        raise UnknownWarehouseError(warehouse)
    return int(last) - count + 1


@dataclass(frozen=True)
class Current:
    """An entity's latest doc in the feed, and whether it already has a moving row."""

    doc: str
    moving: bool


def current_docs(
    conn: Connection, warehouse: str, kind: str, keys: Iterable[str]
) -> dict[str, Current]:
    """The latest doc of each of ``keys`` that the feed holds (absent keys are left out)."""
    found: dict[str, Current] = {}
    wanted = list(dict.fromkeys(keys))
    for start in range(0, len(wanted), _CHUNK):
        rows = conn.execute(
            select(changes.c.key, changes.c.pinned, changes.c.doc).where(
                changes.c.warehouse == warehouse,
                changes.c.kind == kind,
                changes.c.key.in_(wanted[start : start + _CHUNK]),
            )
        )
        for key, pinned, doc in rows:
            if not pinned or key not in found:  # the moving row is the newer one
                found[key] = Current(doc, moving=not pinned)
    return found


def write(
    conn: Connection,
    warehouse: str,
    kind: str,
    docs: Mapping[str, str],
    current: Mapping[str, Current],
) -> None:
    """Give each of ``docs`` (key -> JSON, in feed order) the next seq.

    ``current`` is what ``current_docs`` returned for these keys in this transaction. A new
    catalogue entity (``PINNED_KINDS``) is pinned at its first seq; every later version, and
    every version of an order or a layout, moves one row.
    """
    if not docs:
        return
    seq = take_seqs(conn, warehouse, len(docs))
    inserts: list[dict[str, object]] = []
    moves: list[dict[str, object]] = []
    for key, doc in docs.items():
        found = current.get(key)
        if found is not None and found.moving:
            moves.append({"b_key": key, "b_seq": seq, "b_doc": doc})
        else:
            pinned = found is None and kind in PINNED_KINDS
            inserts.append(
                {"warehouse": warehouse, "seq": seq, "kind": kind, "key": key}
                | {"pinned": pinned, "doc": doc}
            )
        seq += 1
    if inserts:
        conn.execute(insert(changes), inserts)
    if moves:
        conn.execute(
            update(changes)
            .where(
                and_(
                    changes.c.warehouse == warehouse,
                    changes.c.kind == kind,
                    changes.c.key == bindparam("b_key"),
                    changes.c.pinned.is_(False),
                )
            )
            .values(seq=bindparam("b_seq"), doc=bindparam("b_doc")),
            moves,
        )


@dataclass(frozen=True)
class Page:
    body: bytes  # the ChangesPage JSON
    count: int  # rows read (an entity met twice in the page is sent once)
    cursor: str
    more: bool
    remaining: int


def read_page(conn: Connection, warehouse: str, after: str | None, limit: int) -> Page:
    """The changes after ``after`` as ChangesPage JSON, built from the stored docs as they are.

    Validating and re-serialising 2,000 orders through pydantic would cost more than the
    query; the docs were validated when they were written.
    """
    counter = conn.execute(
        select(feed_counters.c.feed_id, feed_counters.c.value).where(
            feed_counters.c.warehouse == warehouse
        )
    ).first()
    if counter is None:
        raise UnknownWarehouseError(warehouse)
    feed_id, top = counter
    after_seq = 0
    if after is not None:
        cursor_feed, after_seq = decode_cursor(after)
        if cursor_feed != feed_id or after_seq > top:
            raise CursorError(
                "This cursor belongs to another feed (the order service's database was "
                "replaced or restored): download the feed again from the start."
            )
    rows = conn.execute(
        select(changes.c.seq, changes.c.kind, changes.c.key, changes.c.doc)
        .where(changes.c.warehouse == warehouse, changes.c.seq > after_seq)
        .order_by(changes.c.seq)
        .limit(limit + 1)
    ).all()
    more = len(rows) > limit
    rows = rows[:limit]
    last = rows[-1][0] if rows else after_seq
    remaining = 0
    if more:
        remaining = conn.execute(
            select(func.count())
            .select_from(changes)
            .where(changes.c.warehouse == warehouse, changes.c.seq > last)
        ).scalar_one()
    cursor = encode_cursor(feed_id, last)
    items = ",".join(
        f'{{"kind":"{kind}","seq":{seq},"{kind}":{doc}}}' for seq, kind, doc in _once(rows)
    )
    tail = json.dumps(
        {"cursor": cursor, "more": more, "remaining": remaining}, separators=(",", ":")
    )
    body = f'{{"changes":[{items}],{tail[1:]}'
    return Page(body.encode(), len(rows), cursor, more, remaining)


def _once(rows: Sequence[Any]) -> list[tuple[int, str, str]]:
    """Each entity once per page: a product whose pinned first version and latest version
    fall in the same page appears at the first place with the latest doc, so it still comes
    before the page's orders and a station applying the page in bulk never meets it twice."""
    out: list[tuple[int, str, str]] = []
    at: dict[tuple[str, str], int] = {}
    for seq, kind, key, doc in rows:
        place = at.get((kind, key))
        if place is None:
            at[kind, key] = len(out)
            out.append((seq, kind, doc))
        else:
            out[place] = (out[place][0], kind, doc)
    return out
