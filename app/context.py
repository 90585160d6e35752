"""Who is acting where: stamped on every audit row and outbox event."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class StationContext:
    station_code: str
    operator_code: str
