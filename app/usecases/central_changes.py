"""Apply a page of the centre's changes feed to the local store, with the cursor, at once.

``apply_page`` runs inside the caller's transaction together with the cursor update, so a
station killed mid-page has applied all of the page or none of it, and pulls it again.
Catalogue: locations by code, products by SKU (their barcodes replaced, their location by
code), box types by code. Orders by number, lines by line number, products by SKU.

The shapes are Protocols (``app.usecases.central_docs``): the sync engine passes the
protocol's validated pydantic models as they are; ``app`` never imports ``sync``.

Conflict rules (local state × the centre's new version of an order):

- version guard: a version older than or equal to the store's is ignored (re-applying a
  page changes nothing, writes nothing twice).
- unknown locally: inserted with the centre's status (open, held, cancelled, packed).
- nothing packed here (local open, held or cancelled, no package): header, lines and
  status replaced by the centre's.
- local packing (this station started it), centre cancelled or held: status becomes
  cancelled/held with the centre's reason; the scans are kept. An audit row
  ``pack_stopped`` and a ``PackStopped`` event (units to put back) are written once and,
  if it is the station's current order, a stop notice: every scan is refused with
  ORDER_STOPPED_CANCELLED / ORDER_STOPPED_HELD until the operator puts the order aside.
- local packing, line edit: applied if every packed unit still fits (same line number,
  same product, quantity at least what is packed) and something is left to pack; otherwise
  the order starts over (packages and scans dropped, status open) with a stop "changed".
- local packing, centre packed (another station): packed here too; a stop
  "packed_elsewhere" is audited (the protocol's PackStopped has no such reason).
- held released (centre open again): if the kept scans still fit, packing resumes where it
  was (status packing; a held stop notice is cleared); otherwise it starts over, "changed".
- cancelled reopened: the order starts over (its units were put back when it stopped).
- local packed, address changed: the address follows the centre, every package's shipping
  label is queued again as the next copy (documents are built from the order when
  printed, so the copy carries the new address) and ``address_changed`` is audited.
- local packed, centre cancelled: stays packed (the OrderPacked this station pushes makes
  the conflict visible at the centre); ``cancelled_after_packing`` is audited once.
- local open, centre packed (by another station): packed; a scan says it is packed.
- an order naming a product the station lacks is skipped and reported (the feed sends a
  product before the first order naming it, so this means a broken feed).

The floor layout (one per warehouse; the last of a page wins) replaces the stored one. A
layout this station cannot walk (``app.usecases.floor_layout``) is audited
(``layout_not_stored``, with why) and reported; the previous layout stays, the rest of the
page is applied, and the centre's next version of the layout comes through the feed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection
from sqlalchemy.exc import IntegrityError

from app.context import StationContext
from app.store import central_queries as cq
from app.store import sync_queries as sq
from app.store.journal import audit
from app.usecases.central_docs import (
    ApplyReport,
    BoxTypeLike,
    CentralChanges,
    LayoutLike,
    LocationLike,
    OrderLike,
    ProductLike,
)
from app.usecases.central_orders import apply_orders
from app.usecases.floor_layout import UnusableLayoutError, store_layout


@dataclass(frozen=True, slots=True)
class PullState:
    cursor: str | None  # None: never pulled
    initial_done: bool  # the first full pull finished
    pulled_at: datetime | None
    pushed_at: datetime | None
    clock_skew_s: float | None  # the hub's clock minus this station's, at the last hello


def apply_page(
    conn: Connection,
    changes: CentralChanges,
    cursor: str,
    ctx: StationContext,
    now: datetime,
    *,
    complete: bool = False,
) -> ApplyReport:
    """Apply ``changes`` and move the cursor to ``cursor``, in the caller's transaction.

    ``complete``: this page was the last one (``more`` false), so the first full pull is
    done. ``ctx`` names the station (audit rows and events of stopped orders).
    """
    report = ApplyReport()
    _locations(conn, changes.locations, report)
    _products(conn, changes.products, report)
    _box_types(conn, changes.box_types, report)
    _layout(conn, changes.layouts, ctx, now, report)
    _orders(conn, changes.orders, ctx, now, report)
    values: dict[str, object] = {"cursor": cursor, "pulled_at": now}
    if complete:
        values["initial_done"] = True
    sq.set_state(conn, **values)
    return report


def _orders(
    conn: Connection,
    docs: Sequence[OrderLike],
    ctx: StationContext,
    now: datetime,
    report: ApplyReport,
) -> None:
    """The page's orders in bulk; if the store refuses the batch (a constraint, such as a
    special code two orders share), one by one, so one bad order never holds up the rest
    of the feed. A refused order is audited (``order_not_stored``) and reported; it comes
    again with its next central version."""
    batch = ApplyReport()
    try:
        with conn.begin_nested():
            apply_orders(conn, docs, ctx, now, batch)
    except IntegrityError:
        for doc in docs:
            one = ApplyReport()
            try:
                with conn.begin_nested():
                    apply_orders(conn, [doc], ctx, now, one)
            except IntegrityError as exc:
                why = str(exc.orig)
                audit(conn, ctx, now, "order_not_stored", doc.number, {"error": why})
                report.orders_refused.append(f"{doc.number}: {why}")
                continue
            report.add(one)
        return
    report.add(batch)


def _layout(
    conn: Connection,
    docs: Sequence[LayoutLike],
    ctx: StationContext,
    now: datetime,
    report: ApplyReport,
) -> None:
    """The page's (last) floor layout. One the station cannot use is left out, like an
    order the store refuses: audited and reported, never a reason to stop sync, and the
    floor stays as it was (planning goes on with the previous layout)."""
    if not docs:
        return
    doc = docs[-1]
    try:
        store_layout(conn, doc, now)
    except UnusableLayoutError as exc:
        why = str(exc)
        audit(conn, ctx, now, "layout_not_stored", None, {"error": why, "version": doc.version})
        report.layouts_refused.append(f"version {doc.version}: {why}")
        return
    report.layouts += 1


def pull_state(conn: Connection) -> PullState:
    row = sq.sync_state(conn)
    return PullState(
        row.cursor, bool(row.initial_done), row.pulled_at, row.pushed_at, row.clock_skew_s
    )


def restart_feed(conn: Connection) -> None:
    """Download the feed again from the start: the hub no longer knows our cursor (its
    database was replaced or restored). Every order's version is forgotten, so the centre's
    state is taken again whatever its numbering; the conflict rules still protect work in
    progress and packed orders."""
    sq.set_state(conn, cursor=None, initial_done=False)
    cq.forget_versions(conn)


def record_clock_skew(conn: Connection, skew_s: float) -> None:
    sq.set_state(conn, clock_skew_s=skew_s)


def _locations(conn: Connection, docs: Sequence[LocationLike], report: ApplyReport) -> None:
    cq.upsert_locations(
        conn,
        [
            {
                "code": d.code,
                "zone": d.zone,
                "aisle": d.aisle,
                "bay": d.bay,
                "level": d.level,
                "position": d.position,
            }
            for d in docs
        ],
    )
    report.locations += len(docs)


def _products(conn: Connection, docs: Sequence[ProductLike], report: ApplyReport) -> None:
    if not docs:
        return
    where = cq.location_ids(conn, [d.location for d in docs if d.location])
    cq.upsert_products(
        conn,
        [
            {
                "sku": d.sku,
                "name": d.name,
                "length_mm": d.length_mm,
                "width_mm": d.width_mm,
                "height_mm": d.height_mm,
                "weight_g": d.weight_g,
                "fragile": d.fragile,
                "keep_upright": d.keep_upright,
                "location_id": where.get(d.location) if d.location else None,
            }
            for d in docs
        ],
    )
    ids = cq.product_ids(conn, [d.sku for d in docs])
    codes = [
        {"product_id": ids[d.sku], "gtin14": b.gtin14, "units": b.units}
        for d in docs
        for b in d.barcodes
    ]
    cq.replace_barcodes(conn, list(ids.values()), codes)
    report.products += len(docs)


def _box_types(conn: Connection, docs: Sequence[BoxTypeLike], report: ApplyReport) -> None:
    cq.upsert_box_types(
        conn,
        [
            {
                "code": d.code,
                "name": d.name,
                "inner_length_mm": d.inner_length_mm,
                "inner_width_mm": d.inner_width_mm,
                "inner_height_mm": d.inner_height_mm,
                "outer_length_mm": d.outer_length_mm,
                "outer_width_mm": d.outer_width_mm,
                "outer_height_mm": d.outer_height_mm,
                "tare_g": d.tare_g,
                "max_weight_g": d.max_weight_g,
                "cost_cents": d.cost_cents,
                "dunnage_g": d.dunnage_g,
            }
            for d in docs
        ],
    )
    report.box_types += len(docs)
