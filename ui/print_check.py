"""The question the station cannot answer itself: did that label come out whole?

Shown while any job is uncertain (its connection broke mid-job). Two large buttons: the
operator looks at the printer and answers; nothing is printed twice without that answer.
"""

from __future__ import annotations

from html import escape

from app.usecases.status import UncertainJob
from ui.print_controller import kind_name
from ui.qt import QFrame, QHBoxLayout, QLabel, QPushButton, Qt, Signal


class PrintCheck(QFrame):
    confirmed = Signal(str)  # job id: it printed
    again = Signal(str)  # job id: print the next copy

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("printCheck")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 10, 16, 10)
        layout.setSpacing(14)
        self.question = QLabel()
        self.question.setWordWrap(True)
        self.question.setTextFormat(Qt.TextFormat.RichText)
        self.yes = QPushButton(self.tr("Yes, it printed"))
        self.no = QPushButton(self.tr("No, print again"))
        self.no.setObjectName("warning")
        for button in (self.yes, self.no):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys stay with the scanner
        layout.addWidget(self.question, 1)
        layout.addWidget(self.yes)
        layout.addWidget(self.no)
        self._job: UncertainJob | None = None
        self.yes.clicked.connect(lambda: self._answer(self.confirmed))
        self.no.clicked.connect(lambda: self._answer(self.again))
        self.hide()

    def show_jobs(self, jobs: list[UncertainJob]) -> None:
        self._job = jobs[0] if jobs else None
        if self._job is None:
            self.hide()
            return
        job = self._job
        more = self.tr(" ({n} more after this)").format(n=len(jobs) - 1) if len(jobs) > 1 else ""
        self.question.setText(
            "<b>"
            + escape(
                self.tr("Did the {what} for {order} come out whole on {printer}?").format(
                    what=kind_name(job.kind).lower(),
                    order=job.order_number,
                    printer=job.printer or self.tr("the printer"),
                )
            )
            + "</b><br>"
            + escape(job.error or "")
            + escape(more)
        )
        self.show()

    def _answer(self, signal: object) -> None:
        if self._job is not None:
            signal.emit(self._job.job_id)  # type: ignore[attr-defined]
