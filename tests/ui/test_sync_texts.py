"""What the status bar says for each sync state (English catalogue)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from app.sync_status import NOT_CONFIGURED, SyncState, SyncStatus
from ui.sync_texts import initial_sync_prompt, sync_text

AT = datetime(2026, 11, 26, 14, 5, tzinfo=UTC)


def status(state: SyncState, **more: object) -> SyncStatus:
    return replace(NOT_CONFIGURED, state=state, **more)  # type: ignore[arg-type]


def test_offline_says_since_when_and_how_much_waits_in_red() -> None:
    text, tone = sync_text(status(SyncState.OFFLINE, since=AT, waiting=37))
    assert text == f"Sync: offline since {AT.astimezone():%H:%M} · 37 events waiting"
    assert tone == "bad"


def test_a_stopped_sync_says_what_a_person_must_do() -> None:
    """The engine's problem code picks a sentence in the operator's language; an unknown
    problem falls back to the engine's own message."""
    clock = status(SyncState.BLOCKED, problem="clock", clock_skew_s=-421.0, message="x")
    assert "clock is 7 min off" in sync_text(clock)[0]
    auth = status(SyncState.BLOCKED, problem="auth", message="x")
    assert "ask a supervisor" in sync_text(auth)[0]
    other = status(SyncState.BLOCKED, problem=None, message="The store is gone")
    assert sync_text(other) == ("Sync stopped: The store is gone", "bad")


def test_refused_events_are_counted_in_red_whatever_the_state() -> None:
    text, tone = sync_text(status(SyncState.ONLINE, last_sync_at=AT, quarantined=2))
    assert text.endswith(" · 2 refused") and tone == "bad"


def test_the_first_download_shows_progress_once_the_total_is_known() -> None:
    assert sync_text(status(SyncState.INITIAL, progress=(0, 0)))[0].endswith("starting…")
    first = status(SyncState.INITIAL, progress=(4000, 20000))
    assert sync_text(first)[0] == "Sync: first download, 4,000 of 20,000"
    assert initial_sync_prompt(first) == "Getting orders from the office: 20% (4,000 of 20,000)"
    assert initial_sync_prompt(status(SyncState.ONLINE)) is None
