"""What the sync engine tells the screen: its state, and the answer to a claim.

Plain frozen values, made on the sync thread and safe to read on the GUI thread. The status
bar is built from exactly these fields (``ui/sync_texts.py``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class SyncState(StrEnum):
    NOT_CONFIGURED = "not_configured"  # no order service: work stays on the station
    INITIAL = "initial"  # the first download; ``progress`` says how far
    SYNCING = "syncing"  # sending or fetching right now
    ONLINE = "online"  # the last round trip worked
    OFFLINE = "offline"  # the order service cannot be reached (``since``, ``message``)
    BLOCKED = "blocked"  # a person must act: token, upgrade or clock (``message``)


@dataclass(frozen=True, slots=True)
class SyncStatus:
    state: SyncState
    since: datetime | None  # OFFLINE/BLOCKED: the first failure of this spell
    waiting: int  # events not yet accepted by the order service
    quarantined: int  # events it refused: a supervisor must look at them
    message: str | None  # what failed / what to do (English, for the log and the bar)
    progress: tuple[int, int] | None  # INITIAL: (changes done, total)
    last_sync_at: datetime | None  # the last complete round trip
    clock_skew_s: float | None  # the order service's clock minus this station's
    # What failed, for the screen to say in the operator's language: "auth", "upgrade",
    # "clock", "store" (BLOCKED) or the failing call's kind (OFFLINE); None when all is well.
    problem: str | None = None
    # The last pull that stopped work in progress here (cancelled, held, changed or packed
    # elsewhere): the screen looks for a stop notice only then, not after every round.
    stopped_at: datetime | None = None


NOT_CONFIGURED = SyncStatus(SyncState.NOT_CONFIGURED, None, 0, 0, None, None, None, None)


class ClaimOutcome(StrEnum):
    GRANTED = "granted"  # this station holds the order now
    HELD_ELSEWHERE = "held_elsewhere"  # another station holds it (``station``)
    NOT_CLAIMABLE = "not_claimable"  # cancelled, held, packed or unknown (``reason``)
    OFFLINE = "offline"  # the order service could not be asked (``message``)


@dataclass(frozen=True, slots=True)
class ClaimAnswer:
    """The order service's answer to ``SyncEngine.request_claim``."""

    kind: ClaimOutcome
    order: str
    station: str | None = None  # HELD_ELSEWHERE: who holds it
    reason: str | None = None  # NOT_CLAIMABLE: the hub's code ("not_claimable", "not_found")
    message: str | None = None  # a sentence for the log or the screen

    @classmethod
    def granted(cls, order: str) -> ClaimAnswer:
        return cls(ClaimOutcome.GRANTED, order)

    @classmethod
    def held_elsewhere(cls, order: str, station: str | None) -> ClaimAnswer:
        return cls(ClaimOutcome.HELD_ELSEWHERE, order, station=station)

    @classmethod
    def not_claimable(cls, order: str, reason: str, message: str | None = None) -> ClaimAnswer:
        return cls(ClaimOutcome.NOT_CLAIMABLE, order, reason=reason, message=message)

    @classmethod
    def offline(cls, order: str, message: str) -> ClaimAnswer:
        return cls(ClaimOutcome.OFFLINE, order, message=message)
