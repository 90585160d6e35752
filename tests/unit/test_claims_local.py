"""Leases as the station remembers them, and packing that requires them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import func, select

from app.domain.reasons import Reason
from app.scanning import RawScan
from app.store.open import Store
from app.store.tables import AuditEntry, OutboxEvent
from app.usecases import claims
from app.usecases.pack_station import PackStation
from app.usecases.results import Outcome
from tests.conftest import CTX
from tests.factories import MUG_GTIN13, NOW, Catalogue, add_order


@dataclass(frozen=True)
class Granted:
    claim_id: str
    kind: str
    key: str
    expires_in_s: float


@dataclass(frozen=True)
class Lost:
    claim_id: str
    reason: str
    holder: str | None


def grant(store: Store, key: str, claim_id: str = "c-1", ttl: float = 300) -> None:
    with store.engine.begin() as conn:
        claims.record_granted(conn, [Granted(claim_id, "order", key, ttl)], NOW)


def holds(store: Store, key: str, at: object = NOW) -> bool:
    with store.engine.begin() as conn:
        return claims.holds(conn, "order", key, at)  # type: ignore[arg-type]


def test_a_granted_lease_is_held_until_it_runs_out_on_the_local_clock(store: Store) -> None:
    grant(store, "SO-1", ttl=120)
    assert holds(store, "SO-1")
    assert holds(store, "SO-1", NOW + timedelta(seconds=119))
    assert not holds(store, "SO-1", NOW + timedelta(seconds=120))
    assert not holds(store, "SO-2")


def test_a_renewal_extends_and_a_new_lease_replaces_the_old_one(store: Store) -> None:
    grant(store, "SO-1", "c-1", ttl=60)
    grant(store, "SO-1", "c-1", ttl=600)
    assert holds(store, "SO-1", NOW + timedelta(seconds=300))
    with store.engine.begin() as conn:
        claims.mark_lost(conn, [Lost("c-1", "taken", "PACK-9")])
    assert not holds(store, "SO-1")
    grant(store, "SO-1", "c-2")
    assert holds(store, "SO-1")
    with store.engine.begin() as conn:
        assert claims.held_ids(conn) == ["c-2"]


def test_lost_leases_are_not_renewed(store: Store) -> None:
    grant(store, "SO-1", "c-1")
    grant(store, "SO-2", "c-2")
    with store.engine.begin() as conn:
        claims.mark_lost(conn, [Lost("c-1", "closed", None)])
        assert claims.held_ids(conn) == ["c-2"]


def test_workable_orders_count_leases_on_orders_still_to_pack(
    store: Store, catalogue: Catalogue, station: PackStation
) -> None:
    """Held leases on open or unknown-yet orders count; a packed one does not."""
    with store.sessions.begin() as s:
        add_order(s, "SO-1", [(catalogue.mug, 1)])
        add_order(s, "SO-2", [(catalogue.mug, 1)])
    for i, key in enumerate(("SO-1", "SO-2", "SO-NEW")):
        grant(store, key, f"c-{i}")
    station.scan(RawScan("SO-2", "test"))
    station.scan(RawScan(MUG_GTIN13, "test"))  # SO-2 packed
    with store.engine.begin() as conn:
        assert claims.workable_orders(conn, NOW) == 2
        assert claims.workable_orders(conn, NOW + timedelta(hours=1)) == 0


def test_with_claims_required_an_order_not_held_is_refused_and_nothing_written(
    store: Store, catalogue: Catalogue
) -> None:
    station = PackStation(store.sessions, CTX, clock=lambda: NOW, require_claims=True)
    station.ensure_station("T")
    with store.sessions.begin() as s:
        add_order(s, "SO-1", [(catalogue.mug, 1)])
    refused = station.scan(RawScan("SO-1", "test"))
    assert (refused.reason, dict(refused.params)) == (Reason.ORDER_NOT_HELD, {"order": "SO-1"})
    with store.reads() as s:
        assert s.execute(select(func.count()).select_from(OutboxEvent)).scalar() == 0
        assert s.execute(select(func.count()).select_from(AuditEntry)).scalar() == 0
    grant(store, "SO-1")
    assert station.scan(RawScan("SO-1", "test")).outcome is Outcome.ORDER_OPENED


def test_the_current_order_goes_on_after_its_lease_ran_out(
    store: Store, catalogue: Catalogue
) -> None:
    """Offline work continues on the order the station holds: a restart after the lease
    ran out resumes the current order and packs it."""
    later = NOW + timedelta(hours=2)
    times = iter([NOW, later, later, later])
    station = PackStation(store.sessions, CTX, clock=lambda: next(times), require_claims=True)
    station.ensure_station("T")
    with store.sessions.begin() as s:
        add_order(s, "SO-1", [(catalogue.mug, 2)])
    grant(store, "SO-1", ttl=60)
    assert station.scan(RawScan("SO-1", "test")).outcome is Outcome.ORDER_OPENED
    assert station.scan(RawScan(MUG_GTIN13, "test")).outcome is Outcome.ITEM_PACKED
    assert station.scan(RawScan(MUG_GTIN13, "test")).outcome is Outcome.ORDER_PACKED


def test_without_claims_required_packing_needs_no_lease(
    store: Store, catalogue: Catalogue, station: PackStation
) -> None:
    with store.sessions.begin() as s:
        add_order(s, "SO-1", [(catalogue.mug, 1)])
    assert station.scan(RawScan("SO-1", "test")).outcome is Outcome.ORDER_OPENED
