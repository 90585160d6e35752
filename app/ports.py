"""What app/ needs from the outside world, as Protocols; devices/ and ui/ implement them."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

from app.domain.labels import Document
from app.station_devices import PrinterSettings


class DocumentRenderer(Protocol):
    """Turns a document into what one kind of printer understands (ZPL, ESC/POS, PDF)."""

    def render(self, document: Document, printer: PrinterSettings) -> bytes:
        """The whole job's bytes; raise on any failure (nothing is sent then)."""


class DeliveryOutcome(StrEnum):
    DELIVERED = "delivered"  # every byte reached the printer (or the file is in place)
    NOT_SENT = "not_sent"  # nothing left this machine: safe to try again
    UNCERTAIN = "uncertain"  # bytes may have reached the printer: never resend silently


@dataclass(frozen=True, slots=True)
class Delivery:
    outcome: DeliveryOutcome
    detail: str = ""  # what went wrong, for the operator
    location: str | None = None  # where it went: a file path, "host:port", a queue name


class PrinterGateway(Protocol):
    """Sends a rendered job to a configured printer, within a deadline."""

    def deliver(
        self, printer: PrinterSettings, data: bytes, job_name: str, deadline_s: float
    ) -> Delivery: ...
