"""Print jobs as the operator sees them: submitted, retried, reported, and settled.

The window hands over the job ids a scan produced; this object runs them off the GUI thread
(PrintWorker), tries jobs that wait for a printer again when they are due, tells the window
what to show, and carries the operator's answer about a job whose outcome is uncertain.
"""

from __future__ import annotations

import logging
from dataclasses import replace

from app.usecases.print_decisions import PrintDecisions
from app.usecases.print_results import PrintResult
from app.usecases.status import StationStatus, UncertainJob
from ui.print_worker import JobRunner, PrintWorker
from ui.qt import QObject, QTimer, Signal, translate

log = logging.getLogger(__name__)
DUE_CHECK_MS = 3000  # how often jobs waiting for a printer are looked at


def kind_name(kind: str) -> str:
    names = {
        "packing_slip": translate("PrintController", "Packing slip"),
        "shipping_label": translate("PrintController", "Shipping label"),
        "gift_note": translate("PrintController", "Gift note"),
        "tote_label": translate("PrintController", "Tote label"),
        "location_label": translate("PrintController", "Location label"),
    }
    return names.get(kind, kind)


class PrintController(QObject):
    alarm = Signal(str, str)  # headline, action: something needs the operator
    printed = Signal(str, object)  # order, one note per document for the ready screen
    uncertain_changed = Signal(object)  # list[UncertainJob], oldest first
    problem_changed = Signal(bool)  # the last run had a failure (Retry stays visible)
    done = Signal(object)  # list[PrintResult]

    def __init__(
        self,
        runner: JobRunner,
        status: StationStatus,
        decisions: PrintDecisions,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._status = status
        self._decisions = decisions
        self._orders: dict[str, str] = {}  # job -> order, for results that lack one
        self._worker = PrintWorker(runner, parent=self)
        self._worker.finished.connect(self._finished)
        self._worker.failed.connect(self._runner_failed)
        self._due = QTimer(self)
        self._due.setInterval(DUE_CHECK_MS)
        self._due.timeout.connect(self.submit_due)

    def start(self) -> None:
        self.submit_due()
        self._publish_uncertain()
        self._due.start()

    def submit(self, job_ids: tuple[str, ...] | list[str], order_number: str = "") -> None:
        for job_id in job_ids:
            self._orders[job_id] = order_number
        self._worker.submit(list(job_ids))

    def submit_due(self) -> None:
        """Jobs whose next try is due (a printer that was off may be back)."""
        try:
            jobs = self._status.pending_print_jobs()
        except Exception:
            log.exception("reading print jobs failed")
            return
        if jobs:
            self._worker.submit(jobs)

    def retry(self) -> None:
        """The operator asks again: pending jobs and those that failed for good."""
        try:
            jobs = self._status.pending_print_jobs(include_failed=True)
        except Exception:
            log.exception("reading print jobs failed")
            return
        self._worker.submit(jobs, retry_failed=True)

    def confirm_printed(self, job_id: str) -> None:
        self._decide(lambda: self._decisions.confirm_printed(job_id))

    def print_again(self, job_id: str) -> None:
        new_ids: list[str | None] = []
        self._decide(lambda: new_ids.append(self._decisions.print_again(job_id)))
        self.submit([i for i in new_ids if i is not None])

    def close(self) -> None:
        self._due.stop()
        self._worker.close()

    def _decide(self, action: object) -> None:
        try:
            action()  # type: ignore[operator]
        except Exception as exc:
            log.exception("print decision failed")
            self.alarm.emit(
                self.tr("The answer could not be saved ({error})").format(error=type(exc).__name__),
                self.tr("Try again. If this repeats, call a supervisor."),
            )
        self._publish_uncertain()

    def _publish_uncertain(self) -> None:
        try:
            jobs: list[UncertainJob] = self._status.uncertain_print_jobs()
        except Exception:
            log.exception("reading uncertain print jobs failed")
            return
        self.uncertain_changed.emit(jobs)

    def _finished(self, results: list[PrintResult]) -> None:
        results = [
            replace(r, order_number=r.order_number or self._orders.get(r.job_id, ""))
            for r in results
            if not r.in_progress  # another worker has those
        ]
        notes: dict[str, list[str]] = {}
        for result in results:
            self._orders.pop(result.job_id, None)
            notes.setdefault(result.order_number, []).append(self._report(result))
        for order, lines in notes.items():
            if order:
                self.printed.emit(order, lines)
        self.problem_changed.emit(any(r.state in ("failed",) for r in results))
        if any(r.uncertain for r in results):
            self._publish_uncertain()
        self.done.emit(results)

    def _report(self, result: PrintResult) -> str:
        """Raise the alarm a result needs; returns its line for the ready screen."""
        what = kind_name(result.kind) if result.kind else self.tr("Document")
        order = result.order_number or self.tr("an order")
        where = result.printer or ""
        if result.ok:
            return self.tr("{what} printed on {printer}").format(what=what, printer=where)
        if result.state == "waiting":
            self.alarm.emit(
                self.tr("{what} for {order} not printed yet: {error}").format(
                    what=what, order=order, error=result.error or ""
                ),
                self.tr(
                    "Check that {printer} is on and has paper. It is tried again by itself."
                ).format(printer=where or self.tr("the printer")),
            )
            return self.tr("{what} waiting for {printer}").format(what=what, printer=where)
        if result.state == "uncertain":
            self.alarm.emit(
                self.tr("{what} for {order} may not have printed completely").format(
                    what=what, order=order
                ),
                self.tr("Look at {printer}, then answer below.").format(
                    printer=where or self.tr("the printer")
                ),
            )
            return self.tr("{what}: did it print? Answer below").format(what=what)
        self.alarm.emit(
            self.tr("{what} for {order} could not be printed: {error}").format(
                what=what, order=order, error=result.error or ""
            ),
            self.tr("The order is packed. Fix the printer, then press Retry printing."),
        )
        return self.tr("{what} NOT printed").format(what=what)

    def _runner_failed(self, error: str) -> None:
        self.alarm.emit(
            self.tr("Documents could not be produced ({error})").format(error=error),
            self.tr("Packed orders are safe. Press Retry printing; if it repeats, call IT."),
        )
        self.problem_changed.emit(True)
        self.done.emit([])
