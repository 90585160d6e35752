"""How bytes reach a printer, and what a send can honestly claim afterwards.

Every transport answers a send with one of three outcomes, because the caller's next move
depends on it: a job that is ``NOT_SENT`` may be retried automatically; a ``DELIVERED`` job is
done; an ``UNCERTAIN`` job may already be on paper, so a retry must be the operator's explicit
choice ("reprint?"), never automatic. A transport reports ``NOT_SENT`` only when it knows no byte
left this machine; anything it cannot prove is ``UNCERTAIN``.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol, runtime_checkable

from devices.printing.status import PrinterStatus


class SendOutcome(StrEnum):
    NOT_SENT = "not_sent"  # nothing left this machine: safe to retry automatically
    DELIVERED = "delivered"  # every byte written and the transfer ended cleanly
    UNCERTAIN = "uncertain"  # some bytes may have reached the printer: never retry silently


@dataclass(frozen=True, slots=True)
class SendReport:
    outcome: SendOutcome
    bytes_sent: int  # handed to the OS/device; a lower bound when UNCERTAIN
    total: int
    error: str = ""  # operator-facing sentence; empty when DELIVERED
    detail: str = ""  # technical: exception type and text, peer behaviour

    @property
    def delivered(self) -> bool:
        return self.outcome is SendOutcome.DELIVERED

    @property
    def safe_to_retry(self) -> bool:
        return self.outcome is SendOutcome.NOT_SENT

    @classmethod
    def ok(cls, total: int, detail: str = "") -> SendReport:
        return cls(SendOutcome.DELIVERED, total, total, "", detail)

    @classmethod
    def not_sent(cls, total: int, error: str, detail: str = "") -> SendReport:
        return cls(SendOutcome.NOT_SENT, 0, total, error, detail)

    @classmethod
    def uncertain(cls, sent: int, total: int, error: str, detail: str = "") -> SendReport:
        return cls(SendOutcome.UNCERTAIN, sent, total, error, detail)

    @classmethod
    def failed(cls, sent: int, total: int, error: str, detail: str = "") -> SendReport:
        """A failure after ``sent`` bytes: NOT_SENT only if provably nothing went out."""
        if sent == 0:
            return cls.not_sent(total, error, detail)
        return cls.uncertain(sent, total, error, detail)


@runtime_checkable
class Transport(Protocol):
    """One printer connection. ``send`` never raises for device trouble: it reports."""

    @property
    def name(self) -> str:
        """Where the bytes go, for logs and operator messages (``tcp 10.0.0.7:9100``)."""
        ...

    def send(self, data: bytes, deadline_s: float) -> SendReport:
        """Deliver one job; ``deadline_s`` is the whole call's budget in seconds."""
        ...

    def status(self, timeout_s: float) -> PrinterStatus:
        """Ask the printer how it is; OFFLINE if unreachable, UNKNOWN if it will not say."""
        ...


def describe(exc: BaseException) -> str:
    text = str(exc)
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


class Deadline:
    """A time budget measured on the monotonic clock, shared by the steps of one call."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self._end = time.monotonic() + seconds

    def left(self) -> float:
        return max(0.0, self._end - time.monotonic())

    @property
    def expired(self) -> bool:
        return time.monotonic() >= self._end
