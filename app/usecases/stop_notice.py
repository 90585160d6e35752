"""What a station says about an order the centre stopped (cancelled, held, changed or
packed elsewhere while it was being packed here; ``app/usecases/central_changes.py``).

Until the operator puts the order aside, every scan is refused with the instruction: what
happened at the office and what to do with the units already scanned.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection

from app.domain.reasons import Reason
from app.store import sync_queries as sq
from app.usecases.results import ScanResult, refuse
from app.usecases.views import line_views, pack_view

_STOPS = {
    "cancelled": Reason.ORDER_STOPPED_CANCELLED,
    "held": Reason.ORDER_STOPPED_HELD,
    "changed": Reason.ORDER_STOPPED_CHANGED,
    "packed_elsewhere": Reason.ORDER_STOPPED_PACKED_ELSEWHERE,
}
_STOP_OF_STATUS = {"cancelled": "cancelled", "held": "held", "packed": "packed_elsewhere"}


def stopped_refusal(conn: Connection, header: Any, rows: list[Any]) -> ScanResult | None:
    """The refusal every scan gets while the centre's stop of this order is not acted on."""
    notice = sq.stop_notice(conn, header.id)
    if notice is not None:
        _, why, units = notice
    elif header.status in _STOP_OF_STATUS:
        why, units = _STOP_OF_STATUS[header.status], sum(r.qty_packed for r in rows)
    else:
        return None
    return refuse(
        _STOPS.get(why, Reason.ORDER_STOPPED_CHANGED),
        pack_view(header, line_views(rows)),
        order=header.number,
        units=units,
    )


def hold_reason(conn: Connection, order_id: int) -> str:
    return sq.hold_reason(conn, order_id) or ""
