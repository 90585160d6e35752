"""Printing through the system print queue (CUPS ``lp``), for printers only CUPS can drive.

DELIVERED here means the spooler accepted the job (``lp`` printed a request id and exited 0),
not that it is on paper: from then on CUPS owns retries. ``lp`` failing without a request id
means CUPS refused it, so NOT_SENT; an ``lp`` we had to kill at the deadline may already have
queued the job, so UNCERTAIN. Status comes from ``lpstat -p`` run in the C locale, since its
wording is what we parse.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Sequence

from devices.printing.status import PrinterState, PrinterStatus, unknown
from devices.printing.transport import Deadline, SendReport, describe

C_LOCALE = {"LC_ALL": "C", "LANG": "C"}


class PrintQueueTransport:
    def __init__(self, queue: str, *, raw: bool = False, options: Sequence[str] = ()) -> None:
        """``raw=True`` passes ``-o raw`` so CUPS forwards ZPL/ESC/POS without filtering."""
        self.queue = queue
        self.options = [*(["-o", "raw"] if raw else []), *options]

    @property
    def name(self) -> str:
        return f"print queue {self.queue}"

    def send(self, data: bytes, deadline_s: float) -> SendReport:
        total = len(data)
        lp = shutil.which("lp")
        if lp is None:
            return SendReport.not_sent(
                total,
                "The print system is not installed on this station (no 'lp' command).",
                "lp not found on PATH",
            )
        deadline = Deadline(deadline_s)
        if deadline.expired:
            return SendReport.not_sent(total, "No time left to print.", "deadline already passed")
        try:
            done = subprocess.run(
                [lp, "-d", self.queue, *self.options],
                input=data,
                capture_output=True,
                timeout=deadline.left(),
                env={**os.environ, **C_LOCALE},
                check=False,
            )
        except subprocess.TimeoutExpired as exc:
            return SendReport.uncertain(
                0,
                total,
                f"The print system did not answer in time; the job may be queued on {self.queue}.",
                describe(exc),
            )
        except OSError as exc:
            return SendReport.not_sent(total, "Could not start 'lp'.", describe(exc))
        out = done.stdout.decode(errors="replace").strip()
        err = done.stderr.decode(errors="replace").strip()
        if done.returncode == 0:
            return SendReport.ok(total, out)
        message = f"The print system refused the job for {self.queue}: {err or out}"
        if "request id" in out:
            return SendReport.uncertain(total, total, message, f"lp exit {done.returncode}")
        return SendReport.not_sent(total, message, f"lp exit {done.returncode}")

    def status(self, timeout_s: float) -> PrinterStatus:
        lpstat = shutil.which("lpstat")
        if lpstat is None:
            if shutil.which("lp") is None:
                return PrinterStatus(PrinterState.OFFLINE, "no print system ('lp') installed")
            return unknown("'lpstat' is not installed")
        try:
            done = subprocess.run(
                [lpstat, "-p", self.queue],
                capture_output=True,
                timeout=timeout_s,
                env={**os.environ, **C_LOCALE},
                check=False,
            )
        except (subprocess.TimeoutExpired, OSError) as exc:
            return unknown(f"lpstat failed: {describe(exc)}")
        text = done.stdout.decode(errors="replace")
        if done.returncode != 0 or f"printer {self.queue} " not in text:
            reason = done.stderr.decode(errors="replace").strip() or "queue not found"
            return PrinterStatus(PrinterState.OFFLINE, f"{self.queue}: {reason}")
        return parse_lpstat(self.queue, text)


def parse_lpstat(queue: str, text: str) -> PrinterStatus:
    line = next((ln for ln in text.splitlines() if ln.startswith(f"printer {queue} ")), "")
    if " disabled" in line:
        return PrinterStatus(PrinterState.PAUSED, f"queue {queue} is disabled (cupsenable)")
    if " now printing" in line:
        return PrinterStatus(PrinterState.BUSY, line.strip())
    if " is idle" in line:
        return PrinterStatus(PrinterState.READY)
    return unknown(f"unrecognised lpstat output: {line.strip()[:80]!r}")
