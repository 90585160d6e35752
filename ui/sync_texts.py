"""What the status bar says about sync: online, offline since when, syncing, blocked.

One function from the engine's snapshot to (text, state); the state picks the colour in
the style sheet ("good" green, "bad" red, "" neutral).
"""

from __future__ import annotations

from datetime import datetime

from app.sync_status import SyncState, SyncStatus
from ui.qt import translate
from ui.translations import number


def _clock(at: datetime | None) -> str:
    """Local wall-clock time of day, as the operator reads the clock on the wall."""
    return "" if at is None else at.astimezone().strftime("%H:%M")


def sync_text(status: SyncStatus) -> tuple[str, str]:
    """The sync label's text and state for ``status``."""
    text, state = _main_text(status)
    if status.quarantined:
        text += translate("SyncTexts", " · {n} refused").format(
            n=status.quarantined
        )
        state = "bad"
    return text, state


def _main_text(status: SyncStatus) -> tuple[str, str]:
    waiting = status.waiting
    match status.state:
        case SyncState.NOT_CONFIGURED:
            return translate("SyncTexts", "Sync: not set up · {n} events kept here").format(
                n=waiting
            ), ""
        case SyncState.INITIAL:
            done, total = status.progress or (0, 0)
            if total <= 0:  # the first page has not come yet: nothing to count
                return translate("SyncTexts", "Sync: first download, starting…"), ""
            return translate("SyncTexts", "Sync: first download, {done} of {total}").format(
                done=number(done), total=number(total)
            ), ""
        case SyncState.SYNCING:
            return translate("SyncTexts", "Sync: syncing · {n} events to send").format(
                n=waiting
            ), ""
        case SyncState.ONLINE:
            if waiting:
                return translate("SyncTexts", "Sync: online · {n} events to send").format(
                    n=waiting
                ), "good"
            return translate("SyncTexts", "Sync: online · up to date {at}").format(
                at=_clock(status.last_sync_at)
            ), "good"
        case SyncState.OFFLINE:
            return translate(
                "SyncTexts", "Sync: offline since {at} · {n} events waiting"
            ).format(at=_clock(status.since), n=waiting), "bad"
        case SyncState.BLOCKED:
            return translate("SyncTexts", "Sync stopped: {why}").format(
                why=_blocked_why(status)
            ), "bad"
    return str(status.state), ""


def _blocked_why(status: SyncStatus) -> str:
    """What a person must do, in the operator's language when Tote knows the problem (the
    engine's English sentence otherwise: it is also in the log)."""
    match status.problem:
        case "auth":
            return translate(
                "SyncTexts", "the office does not accept this station's token; ask a supervisor"
            )
        case "upgrade":
            return translate(
                "SyncTexts", "this station's Tote does not match the office's; update Tote"
            )
        case "store":
            return translate(
                "SyncTexts", "orders from the office cannot be stored here; call a supervisor"
            )
        case "clock":
            minutes = max(1, round(abs(status.clock_skew_s or 0) / 60))
            return translate(
                "SyncTexts", "this station's clock is {minutes} min off the office's; fix it"
            ).format(minutes=minutes)
    return status.message or ""


def initial_sync_prompt(status: SyncStatus) -> str | None:
    """What the ready screen says while the station downloads its first orders."""
    if status.state is not SyncState.INITIAL:
        return None
    done, total = status.progress or (0, 0)
    if total <= 0:
        return translate("SyncTexts", "Getting orders from the office…")
    percent = min(100, round(100 * done / total))
    return translate(
        "SyncTexts", "Getting orders from the office: {percent}% ({done} of {total})"
    ).format(percent=percent, done=number(done), total=number(total))
