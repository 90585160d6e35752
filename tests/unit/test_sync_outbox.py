"""The outbox as the sync thread sees it: what to send, accepted, failed, quarantined."""

from __future__ import annotations

from datetime import timedelta

from app.scanning import RawScan
from app.store.open import Store
from app.usecases import sync_outbox as ob
from app.usecases.pack_station import PackStation
from tests.factories import LAMP_GTIN13, MUG_GTIN13, NOW, Catalogue, add_order


def pack_something(store: Store, catalogue: Catalogue, station: PackStation) -> list[str]:
    """SO-1 opened and two items packed: PackStarted, ItemPacked, ItemPacked."""
    with store.sessions.begin() as s:
        add_order(s, "SO-1", [(catalogue.mug, 2), (catalogue.lamp, 1)])
    for code in ("SO-1", MUG_GTIN13, LAMP_GTIN13):
        assert station.scan(RawScan(code, "test")).accepted
    with store.engine.begin() as conn:
        return [row.event_id for row in ob.next_batch(conn, 10)]


def test_next_batch_is_unsent_events_in_local_sequence_order(
    store: Store, catalogue: Catalogue, station: PackStation
) -> None:
    pack_something(store, catalogue, station)
    with store.engine.begin() as conn:
        rows = ob.next_batch(conn, 10)
        assert [r.type for r in rows] == ["PackStarted", "ItemPacked", "ItemPacked"]
        assert [r.seq for r in rows] == sorted(r.seq for r in rows)
        assert rows[0].at == NOW and rows[0].operator_code == "OP-T1"
        assert [r.event_id for r in ob.next_batch(conn, 2)] == [r.event_id for r in rows[:2]]


def test_accepted_events_are_not_sent_again(
    store: Store, catalogue: Catalogue, station: PackStation
) -> None:
    ids = pack_something(store, catalogue, station)
    with store.engine.begin() as conn:
        ob.mark_accepted(conn, ids[:2], NOW)
        assert [r.event_id for r in ob.next_batch(conn, 10)] == ids[2:]
        assert ob.counts(conn) == ob.OutboxCounts(1, 0, NOW)


def test_failures_count_attempts_and_keep_the_events(
    store: Store, catalogue: Catalogue, station: PackStation
) -> None:
    ids = pack_something(store, catalogue, station)
    with store.engine.begin() as conn:
        ob.note_failure(conn, ids, "unreachable")
        ob.note_failure(conn, ids[:1], "server: 503")
        rows = ob.next_batch(conn, 10)
        assert [r.attempts for r in rows] == [2, 1, 1]
        assert ob.counts(conn).waiting == 3


def test_a_quarantined_event_waits_for_a_supervisor_and_then_goes_in_its_place(
    store: Store, catalogue: Catalogue, station: PackStation
) -> None:
    """Refused for good: not sent again, counted apart; released, it is sent in seq order."""
    ids = pack_something(store, catalogue, station)
    later = NOW + timedelta(minutes=1)
    with store.engine.begin() as conn:
        ob.quarantine(conn, ids[1], "unknown_order", "There is no order SO-1", later)
        assert [r.event_id for r in ob.next_batch(conn, 10)] == [ids[0], ids[2]]
        assert ob.counts(conn) == ob.OutboxCounts(2, 1, NOW)
        [held] = ob.quarantined(conn)
        assert (held.event_id, held.code, held.message) == (
            ids[1],
            "unknown_order",
            "There is no order SO-1",
        )
        assert ob.release_quarantine(conn, ids[1]) is True
        assert ob.release_quarantine(conn, ids[1]) is False
        assert [r.event_id for r in ob.next_batch(conn, 10)] == ids
        assert ob.counts(conn).quarantined == 0


def test_an_accepted_event_cannot_be_quarantined(
    store: Store, catalogue: Catalogue, station: PackStation
) -> None:
    ids = pack_something(store, catalogue, station)
    with store.engine.begin() as conn:
        ob.mark_accepted(conn, ids[:1], NOW)
        ob.quarantine(conn, ids[0], "late", "a late refusal", NOW)
        assert ob.counts(conn).quarantined == 0


def test_counts_of_an_empty_outbox(store: Store) -> None:
    with store.engine.begin() as conn:
        assert ob.counts(conn) == ob.OutboxCounts(0, 0, None)
