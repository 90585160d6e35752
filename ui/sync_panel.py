"""Sync in the window: the status bar's sync state, the Sync-now button, leasing an order.

With an order service, a station packs only orders it holds a lease on. Scanning one it
does not hold is refused by the use case without writing anything; this panel then asks
the centre for the lease (on the sync thread) and, once granted, runs the same scan again,
so the operator sees one short "asking the office" and then the order. Without an order
service the panel does nothing at all.
"""

from __future__ import annotations

import logging

from app.domain.reasons import Reason
from app.scanning import RawScan
from app.sync_status import ClaimAnswer, ClaimOutcome, SyncState, SyncStatus
from app.usecases.results import ScanResult
from ui.qt import QObject, QPushButton, Signal, translate
from ui.status_panel import StatusPanel
from ui.sync_link import SyncEngineLike, SyncLink
from ui.sync_texts import initial_sync_prompt
from ui.touch import touch_button

log = logging.getLogger(__name__)


class SyncPanel(QObject):
    alarm = Signal(str, str)  # headline, what to do
    notice = Signal(str, str, str)  # tone, headline, what to do
    claimed = Signal(object)  # the RawScan to run again, its order now leased here
    download_progress = Signal(object)  # text for the ready screen, or None
    work_stopped = Signal()  # a pull stopped work in progress here: show what to do
    refused_requested = Signal()  # the operator wants to see the refused events

    def __init__(self, engine: SyncEngineLike | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._status_panel: StatusPanel | None = None
        # Hidden until there is something to do: no network, or events the office refused.
        self.now_button = touch_button(translate("SyncPanel", "Sync now"), self.sync_now)
        self.refused_button = touch_button("", self.refused_requested.emit, "warning")
        self.now_button.hide()
        self.refused_button.hide()
        self._link = None if engine is None else SyncLink(engine, self)
        self._stopped_at: object = None  # stopped_at of the last stop already shown
        if self._link is not None:
            self._link.status_changed.connect(self._show_status)
            self._link.claim_answered.connect(self._answered)

    @property
    def buttons(self) -> tuple[QPushButton, ...]:
        return (self.now_button, self.refused_button)

    def attach(self, status_panel: StatusPanel) -> None:
        """The status bar this panel writes the sync state into."""
        self._status_panel = status_panel

    def start(self) -> None:
        if self._link is not None:
            self._link.start()

    def stop(self) -> None:
        if self._link is not None:
            self._link.stop()

    def sync_now(self) -> None:
        if self._link is not None:
            self._link.sync_now()

    def needs_claim(self, result: ScanResult, raw: RawScan) -> bool:
        """True when ``result`` refused an order this station does not hold and the centre
        has been asked for it (the scan runs again when it answers)."""
        if self._link is None or result.reason is not Reason.ORDER_NOT_HELD:
            return False
        order = str(result.params.get("order", raw.text))
        self.notice.emit(
            "prompt",
            translate("SyncPanel", "Asking the office for order {order}…").format(order=order),
            translate("SyncPanel", "One moment: the order opens by itself."),
        )
        self._link.request_claim(order, raw)
        return True

    def _answered(self, order: str, raw: object, answer: object) -> None:
        if not isinstance(answer, ClaimAnswer):
            log.error("claim of %s: unexpected answer %r", order, answer)
            answer = ClaimAnswer(ClaimOutcome.OFFLINE, order)
        if answer.kind is ClaimOutcome.GRANTED and isinstance(raw, RawScan):
            self.claimed.emit(raw)
            return
        if answer.kind is ClaimOutcome.HELD_ELSEWHERE:
            self.alarm.emit(
                translate("SyncPanel", "Order {order} is being packed at {station}").format(
                    order=order, station=answer.station or "?"
                ),
                translate("SyncPanel", "Do not pack it here. Give the items to a supervisor."),
            )
        elif answer.kind is ClaimOutcome.NOT_CLAIMABLE:
            self.alarm.emit(
                translate("SyncPanel", "Order {order} cannot be packed here now").format(
                    order=order
                ),
                translate(
                    "SyncPanel",
                    "The office has it as cancelled, held or done. Give the items to a "
                    "supervisor.",
                ),
            )
        else:  # offline, or the centre could not be asked
            log.info("claim of %s not granted: %r", order, answer)
            self.alarm.emit(
                translate("SyncPanel", "Offline: order {order} is not reserved for this station")
                .format(order=order),
                translate(
                    "SyncPanel",
                    "Pack an order this station holds, or scan it again when the network is back.",
                ),
            )

    def _show_status(self, status: SyncStatus) -> None:
        if self._status_panel is not None:
            self._status_panel.set_sync_status(status)
        self.refused_button.setVisible(status.quarantined > 0)
        self.refused_button.setText(
            translate("SyncPanel", "Refused events ({n})").format(n=status.quarantined)
        )
        if status.stopped_at is not None and status.stopped_at != self._stopped_at:
            self._stopped_at = status.stopped_at
            self.work_stopped.emit()
        stuck = status.state in (SyncState.OFFLINE, SyncState.BLOCKED)
        behind = status.waiting > 0 and status.state is SyncState.ONLINE
        self.now_button.setVisible(stuck or behind)
        self.download_progress.emit(initial_sync_prompt(status))
