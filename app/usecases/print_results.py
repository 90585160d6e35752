"""What became of a print job, as the kiosk is told."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class PrintResult:
    job_id: str
    order_number: str
    ok: bool
    path: Path | None  # where a folder printer put it
    error: str | None
    in_progress: bool = False  # another worker holds the job right now: not a failure
    kind: str = ""
    printer: str | None = None
    state: str = ""  # done, waiting (will retry), failed, uncertain, busy

    @property
    def uncertain(self) -> bool:
        return self.state == "uncertain"
