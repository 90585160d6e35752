"""Scan-to-verify packing at one station: one method per operator action.

Every accepted action is one SQLite transaction holding the new state, its audit row and its
outbox event; the method returns only after the commit, so whatever the screen confirms
survives a crash. A refused scan writes nothing at all.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from app.clock import Clock, utc_now
from app.context import StationContext
from app.domain.events import ItemPacked, OrderPacked, PackedPackage, PackStarted
from app.domain.packing import Accept, LineProgress, is_complete, verify_item
from app.domain.reasons import Reason
from app.scanning import Interpretation, RawScan, ScanKind, interpret
from app.store.journal import audit, emit
from app.store.tables import (
    Order,
    Package,
    PackageContent,
    PrintJob,
    Product,
    ProductBarcode,
    Station,
)
from app.usecases.views import PackView, load_order, pack_view, special_flags

log = logging.getLogger(__name__)


class Outcome(StrEnum):
    ORDER_OPENED = "order_opened"
    ORDER_RESUMED = "order_resumed"
    ITEM_PACKED = "item_packed"
    ORDER_PACKED = "order_packed"
    REFUSED = "refused"


@dataclass(frozen=True, slots=True)
class ScanResult:
    outcome: Outcome
    view: PackView | None
    reason: Reason | None = None
    params: Mapping[str, str | int] = field(default_factory=dict)
    print_job_id: str | None = None

    @property
    def accepted(self) -> bool:
        return self.outcome is not Outcome.REFUSED


def _refuse(reason: Reason, view: PackView | None, **params: str | int) -> ScanResult:
    return ScanResult(Outcome.REFUSED, view, reason, params)


class PackStation:
    """The packing use cases of the station named in ``ctx``."""

    def __init__(
        self, sessions: sessionmaker[Session], ctx: StationContext, clock: Clock = utc_now
    ) -> None:
        self._sessions = sessions
        self._ctx = ctx
        self._clock = clock

    @property
    def context(self) -> StationContext:
        return self._ctx

    def ensure_station(self, name: str) -> None:
        """Create this station's row on first start; remember the operator signed in."""
        with self._sessions.begin() as session:
            station = self._station(session, create_as=name)
            station.current_operator_code = self._ctx.operator_code

    def current(self) -> PackView | None:
        """The order this station was packing when it stopped, with its committed scans."""
        with self._sessions.begin() as session:
            station = self._station(session)
            if station.current_order_id is None:
                return None
            return pack_view(load_order(session, station.current_order_id))

    def scan(self, raw: RawScan) -> ScanResult:
        """Handle one scan or typed code: an order number when idle, an item while packing."""
        meaning = interpret(raw)
        with self._sessions.begin() as session:
            station = self._station(session)
            current = (
                None
                if station.current_order_id is None
                else load_order(session, station.current_order_id)
            )
            view = None if current is None else pack_view(current)
            if meaning.kind is ScanKind.EMPTY:
                return _refuse(Reason.EMPTY_SCAN, view)
            if meaning.kind is ScanKind.BAD_CHECK_DIGIT:
                return _refuse(Reason.BAD_CHECK_DIGIT, view, code=meaning.text)
            if current is None:
                return self._scan_when_idle(session, station, meaning)
            return self._scan_while_packing(session, station, current, meaning)

    def leave_order(self) -> None:
        """Put the current order aside; its scans stay and scanning it again resumes it."""
        with self._sessions.begin() as session:
            station = self._station(session)
            if station.current_order_id is None:
                return
            order = session.get_one(Order, station.current_order_id)
            station.current_order_id = None
            audit(session, self._ctx, self._clock(), "order_left", order.number, {})

    # -- idle: the scan should be an order ---------------------------------------------

    def _scan_when_idle(
        self, session: Session, station: Station, meaning: Interpretation
    ) -> ScanResult:
        order = self._find_order(session, meaning.text)
        if order is None:
            if self._find_product(session, meaning) is not None:
                return _refuse(Reason.NO_ORDER_OPEN, None, code=meaning.text)
            return _refuse(Reason.ORDER_NOT_FOUND, None, code=meaning.text)
        if order.status == "packed":
            return _refuse(Reason.ORDER_ALREADY_PACKED, None, order=order.number)
        if order.status == "cancelled":
            return _refuse(Reason.ORDER_CANCELLED, None, order=order.number)
        now = self._clock()
        station.current_order_id = order.id
        if order.status == "open":
            order.status = "packing"
            session.add(Package(order_id=order.id, number=1, status="open", opened_at=now))
            audit(session, self._ctx, now, "order_opened", order.number, {})
            emit(session, self._ctx, now, PackStarted(order.number))
            outcome = Outcome.ORDER_OPENED
        else:
            audit(session, self._ctx, now, "order_resumed", order.number, {})
            outcome = Outcome.ORDER_RESUMED
        session.flush()
        return ScanResult(outcome, pack_view(load_order(session, order.id)))

    # -- packing: the scan should be an item of the current order ------------------------

    def _scan_while_packing(
        self, session: Session, station: Station, order: Order, meaning: Interpretation
    ) -> ScanResult:
        found = self._find_product(session, meaning)
        if found is None:
            other = self._find_order(session, meaning.text)
            if other is not None and other.id == order.id:
                return ScanResult(Outcome.ORDER_RESUMED, pack_view(order))
            if other is not None:
                return _refuse(
                    Reason.ANOTHER_ORDER_OPEN,
                    pack_view(order),
                    order=order.number,
                    other=other.number,
                )
            return _refuse(Reason.UNKNOWN_BARCODE, pack_view(order), code=meaning.text)
        product, units = found
        progress = [
            LineProgress(line.line_no, line.product_id, line.qty_ordered, line.qty_packed)
            for line in order.lines
        ]
        decision = verify_item(progress, product.id, units)
        if not isinstance(decision, Accept):
            return _refuse(
                decision.reason,
                pack_view(order),
                sku=product.sku,
                name=product.name,
                **decision.params,
            )
        return self._accept_item(session, station, order, product, meaning.text, decision)

    def _accept_item(
        self,
        session: Session,
        station: Station,
        order: Order,
        product: Product,
        code: str,
        decision: Accept,
    ) -> ScanResult:
        now = self._clock()
        line = next(x for x in order.lines if x.line_no == decision.line_no)
        line.qty_packed += decision.units
        package = self._open_package(session, order, now)
        content = session.execute(
            select(PackageContent).where(
                PackageContent.package_id == package.id,
                PackageContent.order_line_id == line.id,
            )
        ).scalar_one_or_none()
        if content is None:
            session.add(
                PackageContent(package_id=package.id, order_line_id=line.id, qty=decision.units)
            )
        else:
            content.qty += decision.units
        detail = {
            "line_no": line.line_no,
            "sku": product.sku,
            "code": code,
            "units": decision.units,
        }
        audit(session, self._ctx, now, "item_packed", order.number, detail)
        emit(
            session,
            self._ctx,
            now,
            ItemPacked(
                order.number, line.line_no, product.sku, code, decision.units, package.number
            ),
        )
        progress = [
            LineProgress(x.line_no, x.product_id, x.qty_ordered, x.qty_packed) for x in order.lines
        ]
        if not is_complete(progress):
            session.flush()
            return ScanResult(Outcome.ITEM_PACKED, pack_view(order, line.line_no))
        job_id = self._complete(session, station, order, package, now)
        return ScanResult(Outcome.ORDER_PACKED, pack_view(order, line.line_no), print_job_id=job_id)

    def _complete(
        self, session: Session, station: Station, order: Order, package: Package, now: datetime
    ) -> str:
        order.status = "packed"
        order.packed_at = now
        order.packed_by = self._ctx.operator_code
        package.status = "closed"
        package.closed_at = now
        station.current_order_id = None
        session.flush()
        packages = (
            session.execute(
                select(Package).where(Package.order_id == order.id).order_by(Package.number)
            )
            .scalars()
            .all()
        )
        line_by_id = {line.id: line for line in order.lines}
        packed = tuple(
            PackedPackage(
                p.number,
                tuple(
                    sorted(
                        (
                            line_by_id[c.order_line_id].line_no,
                            line_by_id[c.order_line_id].product.sku,
                            c.qty,
                        )
                        for c in p.contents
                    )
                ),
            )
            for p in packages
        )
        audit(
            session,
            self._ctx,
            now,
            "order_packed",
            order.number,
            {"units": sum(line.qty_ordered for line in order.lines)},
        )
        emit(
            session,
            self._ctx,
            now,
            OrderPacked(order.number, special_flags(order), order.special_code, packed),
        )
        job_id = str(uuid.uuid4())
        session.add(
            PrintJob(
                job_id=job_id,
                kind="packing_slip",
                order_id=order.id,
                status="pending",
                created_at=now,
            )
        )
        return job_id

    # -- lookups -------------------------------------------------------------------------

    def _station(self, session: Session, create_as: str | None = None) -> Station:
        station = session.execute(
            select(Station).where(Station.code == self._ctx.station_code)
        ).scalar_one_or_none()
        if station is None:
            station = Station(code=self._ctx.station_code, name=create_as or self._ctx.station_code)
            session.add(station)
            session.flush()
        return station

    @staticmethod
    def _open_package(session: Session, order: Order, now: datetime) -> Package:
        package = (
            session.execute(
                select(Package)
                .where(Package.order_id == order.id, Package.status == "open")
                .order_by(Package.number.desc())
            )
            .scalars()
            .first()
        )
        if package is None:
            # Defensive: an order resumed from a store written before packages were opened.
            number = 1 + len(
                session.execute(select(Package.id).where(Package.order_id == order.id)).all()
            )
            package = Package(order_id=order.id, number=number, status="open", opened_at=now)
            session.add(package)
            session.flush()
        return package

    @staticmethod
    def _find_order(session: Session, text: str) -> Order | None:
        for candidate in dict.fromkeys((text, text.upper())):
            order = session.execute(
                select(Order).where(Order.number == candidate)
            ).scalar_one_or_none()
            if order is not None:
                return order
        return None

    @staticmethod
    def _find_product(session: Session, meaning: Interpretation) -> tuple[Product, int] | None:
        if meaning.kind is ScanKind.GTIN:
            barcode = session.execute(
                select(ProductBarcode).where(ProductBarcode.gtin14 == meaning.gtin14)
            ).scalar_one_or_none()
            return None if barcode is None else (barcode.product, barcode.units)
        for candidate in dict.fromkeys((meaning.text, meaning.text.upper())):
            product = session.execute(
                select(Product).where(Product.sku == candidate)
            ).scalar_one_or_none()
            if product is not None:
                return product, 1
        return None
