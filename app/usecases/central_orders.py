"""Orders from the centre into the local store: new and untouched ones in bulk, orders in
progress one by one under the rules in ``app/usecases/central_changes.py``.

Untouched = local status open, held or cancelled with no package yet: nothing was packed
here, so the centre's header, lines and status simply replace ours.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection

from app.context import StationContext
from app.store import central_queries as cq
from app.store.journal import audit
from app.usecases.central_docs import ApplyReport, OrderLike
from app.usecases.central_progress import InProgress, address_changed, line_rows, settle

log = logging.getLogger(__name__)

# The local status an order gets from the centre's when nothing was packed here. An
# unknown status (a newer protocol) is held: better not packed than packed wrongly.
LOCAL_STATUS = {"open": "open", "held": "held", "cancelled": "cancelled", "packed": "packed"}


def local_status(central: str) -> str:
    return LOCAL_STATUS.get(central, "held")


def header(doc: OrderLike) -> dict[str, Any]:
    """The order's columns the centre owns (everything but the local packing state)."""
    to = doc.ship_to
    return {
        "channel": doc.channel,
        "currency": doc.currency,
        "subtotal_cents": doc.subtotal_cents,
        "shipping_cents": doc.shipping_cents,
        "tax_cents": doc.tax_cents,
        "total_cents": doc.total_cents,
        "ship_by": doc.ship_by,
        "carrier": doc.carrier,
        "service": doc.service,
        "ship_name": to.name,
        "ship_address1": to.address1,
        "ship_address2": to.address2,
        "ship_city": to.city,
        "ship_postcode": to.postcode,
        "ship_region": to.region,
        "ship_country": to.country,
        "gift": doc.gift,
        "vip": doc.vip,
        "replacement": doc.replacement,
        "special_code": doc.special_code,
        "replaces_order_number": doc.replaces_order_number,
        "gift_message": doc.gift_message,
        "version": doc.version,
        "central_status": doc.status,
        "status_reason": doc.status_reason,
    }


def apply_orders(
    conn: Connection,
    docs: Sequence[OrderLike],
    ctx: StationContext,
    now: datetime,
    report: ApplyReport,
) -> None:
    """Apply one page's orders (the caller's transaction; see central_changes)."""
    latest: dict[str, OrderLike] = {}
    for doc in docs:  # the feed is compacted; if a number repeats, the newest version wins
        if doc.number not in latest or doc.version > latest[doc.number].version:
            latest[doc.number] = doc
    local = cq.local_orders(conn, list(latest))
    skus = [line.sku for d in latest.values() for line in d.lines]
    skus += [sub for d in latest.values() for line in d.lines for sub in line.substitutes]
    sku_ids = cq.product_ids(conn, skus)
    fresh: list[OrderLike] = []
    untouched: list[tuple[Any, OrderLike]] = []
    started: list[tuple[Any, OrderLike]] = []
    for number, doc in latest.items():
        missing = sorted({line.sku for line in doc.lines if line.sku not in sku_ids})
        if missing:
            log.error("order %s names products this station lacks: %s", number, missing)
            report.orders_skipped.append(number)
            continue
        row = local.get(number)
        if row is None:
            fresh.append(doc)
        elif doc.version <= row.version:
            report.orders_ignored += 1
        elif row.status in ("open", "held", "cancelled"):
            untouched.append((row, doc))
        else:
            started.append((row, doc))
    with_packages = cq.orders_with_packages(conn, [row.id for row, _ in untouched])
    started += [(row, doc) for row, doc in untouched if row.id in with_packages]
    untouched = [(row, doc) for row, doc in untouched if row.id not in with_packages]
    _insert(conn, fresh, sku_ids)
    picked = cq.picked_units(conn, [row.id for row, _ in untouched])
    for row, doc in untouched:
        if picked.get(row.id):  # the picks planned for the old lines are void now
            audit(conn, ctx, now, "picks_dropped", doc.number, {"units": picked[row.id]})
    _replace(conn, untouched, sku_ids)
    _substitutes(conn, [*fresh, *(doc for _, doc in untouched)], sku_ids)
    report.orders_new += len(fresh)
    report.orders_updated += len(untouched) + len(started)
    quick = [(row, doc) for row, doc in started if _only_version(row, doc)]
    _refresh_packed(conn, quick)
    if len(quick) < len(started):
        station = cq.station_now(conn, ctx.station_code)
        work = InProgress(conn, ctx, now, station[0], station[1], report)
        for row, doc in started:
            if not _only_version(row, doc):
                settle(work, row, doc, header(doc), sku_ids)


def _substitutes(conn: Connection, docs: Sequence[OrderLike], sku_ids: dict[str, int]) -> None:
    """The substitutes the centre allows, for lines just written; unknown SKUs are skipped
    (a substitute the station cannot scan is no substitute)."""
    wanted = [
        (d.number, line.line_no, sub) for d in docs for line in d.lines for sub in line.substitutes
    ]
    if not wanted:
        return
    ids = {
        row.number: row.id for row in cq.local_orders(conn, list({w[0] for w in wanted})).values()
    }
    cq.add_substitutes(
        conn, [(ids[n], line_no, sku_ids[sku]) for n, line_no, sku in wanted if sku in sku_ids]
    )


def _insert(conn: Connection, docs: Sequence[OrderLike], sku_ids: dict[str, int]) -> None:
    first = cq.next_order_id(conn)
    orders, lines = [], []
    for order_id, doc in enumerate(docs, start=first):
        status = local_status(doc.status)
        orders.append(
            {
                "id": order_id,
                "number": doc.number,
                **header(doc),
                "status": status,
                "packed_by": doc.packed_by if status == "packed" else None,
                "packed_at": None,
                "stop_reason": None,
                "stop_units": None,
            }
        )
        lines += line_rows(order_id, doc, sku_ids)
    cq.insert_orders(conn, orders)
    cq.replace_lines(conn, [], lines)


def _replace(
    conn: Connection, pairs: Sequence[tuple[Any, OrderLike]], sku_ids: dict[str, int]
) -> None:
    headers, lines = [], []
    for row, doc in pairs:
        status = local_status(doc.status)
        packed_by = doc.packed_by if status == "packed" else None
        headers.append({"oid": row.id, **header(doc), "status": status, "packed_by": packed_by})
        lines += line_rows(row.id, doc, sku_ids)
    cq.update_headers(conn, headers)
    cq.replace_lines(conn, [row.id for row, _ in pairs], lines)


def _only_version(row: Any, doc: OrderLike) -> bool:
    """A packed order whose new version changes nothing this station acts on (the usual
    case: the centre recording the OrderPacked this station sent)."""
    if row.status != "packed":
        return False
    if doc.status == "cancelled" and row.central_status != "cancelled":
        return False
    return not address_changed(row, header(doc))


def _refresh_packed(conn: Connection, pairs: Sequence[tuple[Any, OrderLike]]) -> None:
    cq.refresh_versions(
        conn,
        [
            {
                "oid": row.id,
                "version": d.version,
                "central_status": d.status,
                "reason": d.status_reason,
            }
            for row, d in pairs
        ],
    )
