"""The local store's tables (SQLAlchemy 2 declarative mapping).

Lengths are millimetres, weights grams, money integer minor units (cents, pence) of the
order's currency. Every change to these classes needs an Alembic revision in
``app/store/migrations/versions``; ``tests/unit/test_migrations.py`` fails otherwise.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from app.store.types import UTCDateTime

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


def table(model: type[Base]) -> Table:
    """The Core table of a mapped class, typed as such (for Core statements)."""
    t = model.__table__
    assert isinstance(t, Table)
    return t


class Location(Base):
    """A pick face. ``code`` is what is printed on the bin label and scanned."""

    __tablename__ = "locations"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    zone: Mapped[str] = mapped_column(String(8))
    aisle: Mapped[int] = mapped_column(Integer)
    bay: Mapped[int] = mapped_column(Integer)
    level: Mapped[int] = mapped_column(Integer)
    position: Mapped[int] = mapped_column(Integer)


class Product(Base):
    __tablename__ = "products"
    id: Mapped[int] = mapped_column(primary_key=True)
    sku: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    length_mm: Mapped[int] = mapped_column(Integer)
    width_mm: Mapped[int] = mapped_column(Integer)
    height_mm: Mapped[int] = mapped_column(Integer)
    weight_g: Mapped[int] = mapped_column(Integer)
    fragile: Mapped[bool] = mapped_column(Boolean, default=False)
    keep_upright: Mapped[bool] = mapped_column(Boolean, default=False)
    image_path: Mapped[str | None] = mapped_column(String(300))
    location_id: Mapped[int | None] = mapped_column(ForeignKey("locations.id"))
    location: Mapped[Location | None] = relationship()
    barcodes: Mapped[list[ProductBarcode]] = relationship(back_populates="product")


class ProductBarcode(Base):
    """A GTIN of a product, stored as GTIN-14; ``units`` > 1 for case codes (GTIN-14)."""

    __tablename__ = "product_barcodes"
    id: Mapped[int] = mapped_column(primary_key=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"), index=True)
    gtin14: Mapped[str] = mapped_column(String(14), unique=True)
    units: Mapped[int] = mapped_column(Integer, default=1)
    product: Mapped[Product] = relationship(back_populates="barcodes")
    __table_args__ = (CheckConstraint("units >= 1", name="units_positive"),)


class BoxType(Base):
    __tablename__ = "box_types"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(80))
    inner_length_mm: Mapped[int] = mapped_column(Integer)
    inner_width_mm: Mapped[int] = mapped_column(Integer)
    inner_height_mm: Mapped[int] = mapped_column(Integer)
    outer_length_mm: Mapped[int] = mapped_column(Integer)
    outer_width_mm: Mapped[int] = mapped_column(Integer)
    outer_height_mm: Mapped[int] = mapped_column(Integer)
    tare_g: Mapped[int] = mapped_column(Integer)
    max_weight_g: Mapped[int] = mapped_column(Integer)
    cost_cents: Mapped[int] = mapped_column(Integer)
    dunnage_g: Mapped[int] = mapped_column(Integer, server_default="0")  # fill


class Order(Base):
    """A customer order as the central service sent it, plus its local packing state."""

    __tablename__ = "orders"
    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(40), unique=True)
    channel: Mapped[str] = mapped_column(String(40))
    currency: Mapped[str] = mapped_column(String(3))
    subtotal_cents: Mapped[int] = mapped_column(Integer)
    shipping_cents: Mapped[int] = mapped_column(Integer)
    tax_cents: Mapped[int] = mapped_column(Integer)
    total_cents: Mapped[int] = mapped_column(Integer)
    ship_by: Mapped[datetime] = mapped_column(UTCDateTime)
    carrier: Mapped[str] = mapped_column(String(40))
    service: Mapped[str] = mapped_column(String(40))
    ship_name: Mapped[str] = mapped_column(String(120))
    ship_address1: Mapped[str] = mapped_column(String(200))
    ship_address2: Mapped[str | None] = mapped_column(String(200))
    ship_city: Mapped[str] = mapped_column(String(100))
    ship_postcode: Mapped[str] = mapped_column(String(20))
    ship_region: Mapped[str | None] = mapped_column(String(100))
    ship_country: Mapped[str] = mapped_column(String(2))
    gift: Mapped[bool] = mapped_column(Boolean, default=False)
    vip: Mapped[bool] = mapped_column(Boolean, default=False)
    replacement: Mapped[bool] = mapped_column(Boolean, default=False)
    # Unique code printed on slips and carried in events for gift / VIP / replacement orders.
    special_code: Mapped[str | None] = mapped_column(String(40), unique=True)
    replaces_order_number: Mapped[str | None] = mapped_column(String(40))
    gift_message: Mapped[str | None] = mapped_column(Text)
    # open -> packing -> packed; cancelled and held come from the centre (held: wait).
    status: Mapped[str] = mapped_column(String(16), default="open", index=True)
    packed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    packed_by: Mapped[str | None] = mapped_column(String(40))
    # Chosen by the station's shipping rules when the order left the choice to it.
    ship_carrier: Mapped[str | None] = mapped_column(String(40))
    ship_service: Mapped[str | None] = mapped_column(String(40))
    # The centre's side (app/usecases/central_changes.py): its version of the order (0 for
    # orders that never came from it), its status as last pulled, and why it held/cancelled.
    version: Mapped[int] = mapped_column(Integer, server_default="0")
    central_status: Mapped[str | None] = mapped_column(String(16))
    status_reason: Mapped[str | None] = mapped_column(String(200))
    # Set when the centre stopped this order while it was this station's current order:
    # every scan shows the instruction (put the units back) until the order is put aside.
    stop_reason: Mapped[str | None] = mapped_column(String(16))
    stop_units: Mapped[int | None] = mapped_column(Integer)
    lines: Mapped[list[OrderLine]] = relationship(
        back_populates="order", order_by="OrderLine.line_no"
    )
    __table_args__ = (
        CheckConstraint(
            "status IN ('open', 'packing', 'packed', 'cancelled', 'held')", name="status_known"
        ),
    )


class OrderLine(Base):
    __tablename__ = "order_lines"
    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"), index=True)
    line_no: Mapped[int] = mapped_column(Integer)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"))
    qty_ordered: Mapped[int] = mapped_column(Integer)
    qty_packed: Mapped[int] = mapped_column(Integer, default=0)
    qty_short: Mapped[int] = mapped_column(Integer, server_default="0")  # approved
    unit_price_cents: Mapped[int] = mapped_column(Integer)
    order: Mapped[Order] = relationship(back_populates="lines")
    product: Mapped[Product] = relationship()
    __table_args__ = (
        UniqueConstraint("order_id", "line_no"),
        CheckConstraint("qty_ordered >= 1", name="qty_ordered_positive"),
        CheckConstraint(
            "qty_packed >= 0 AND qty_packed + qty_short <= qty_ordered", name="qty_packed_range"
        ),
    )


class Package(Base):
    __tablename__ = "packages"
    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    box_type_id: Mapped[int | None] = mapped_column(ForeignKey("box_types.id"))
    status: Mapped[str] = mapped_column(String(10), default="open")
    weight_g: Mapped[int | None] = mapped_column(Integer)
    sscc: Mapped[str | None] = mapped_column(String(18), unique=True)
    opened_at: Mapped[datetime] = mapped_column(UTCDateTime)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    suggested_box: Mapped[str | None] = mapped_column(String(20))  # box code the plan chose
    box_reason: Mapped[str | None] = mapped_column(String(40))  # why another box was used
    plan: Mapped[str | None] = mapped_column(Text)  # the suggestion (JSON), for its picture
    length_mm: Mapped[int | None] = mapped_column(Integer)  # outer, as shipped
    width_mm: Mapped[int | None] = mapped_column(Integer)
    height_mm: Mapped[int | None] = mapped_column(Integer)
    expected_weight_g: Mapped[int | None] = mapped_column(Integer)
    weight_accepted_by: Mapped[str | None] = mapped_column(String(40))  # out of tolerance
    weight_reason: Mapped[str | None] = mapped_column(String(40))
    carrier: Mapped[str | None] = mapped_column(String(40))
    service: Mapped[str | None] = mapped_column(String(40))
    tracking_number: Mapped[str | None] = mapped_column(String(40))
    label_count: Mapped[int | None] = mapped_column(Integer)  # "of m" on its label
    contents: Mapped[list[PackageContent]] = relationship(back_populates="package")
    __table_args__ = (
        UniqueConstraint("order_id", "number"),
        CheckConstraint("status IN ('open', 'closed')", name="status_known"),
    )


class PackageContent(Base):
    __tablename__ = "package_contents"
    id: Mapped[int] = mapped_column(primary_key=True)
    package_id: Mapped[int] = mapped_column(ForeignKey("packages.id"))
    order_line_id: Mapped[int] = mapped_column(ForeignKey("order_lines.id"))
    # The product in the box: the line's own, or a substitute the order allows.
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"))
    qty: Mapped[int] = mapped_column(Integer)
    package: Mapped[Package] = relationship(back_populates="contents")
    __table_args__ = (
        UniqueConstraint("package_id", "order_line_id", "product_id"),
        CheckConstraint("qty >= 1", name="qty_positive"),
    )


class Operator(Base):
    __tablename__ = "operators"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    role: Mapped[str] = mapped_column(String(20), default="packer")


class Station(Base):
    """This kiosk. ``current_order_id`` is what a restart resumes."""

    __tablename__ = "stations"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    current_order_id: Mapped[int | None] = mapped_column(ForeignKey("orders.id"))
    current_operator_code: Mapped[str | None] = mapped_column(String(40))


class LocalSequence(Base):
    """One counter per station: every audit row and outbox event takes the next value."""

    __tablename__ = "local_sequence"
    name: Mapped[str] = mapped_column(String(20), primary_key=True)
    value: Mapped[int] = mapped_column(Integer)


class AuditEntry(Base):
    """Append-only (SQLite triggers refuse UPDATE and DELETE)."""

    __tablename__ = "audit_log"
    id: Mapped[int] = mapped_column(primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, unique=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    station_code: Mapped[str] = mapped_column(String(40))
    operator_code: Mapped[str] = mapped_column(String(40))
    action: Mapped[str] = mapped_column(String(40))
    order_number: Mapped[str | None] = mapped_column(String(40), index=True)
    detail: Mapped[str] = mapped_column(Text)


class OutboxEvent(Base):
    """A domain event waiting to reach the central order service; ordered by ``seq``."""

    __tablename__ = "outbox"
    id: Mapped[int] = mapped_column(primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, unique=True)
    event_id: Mapped[str] = mapped_column(String(36), unique=True)
    type: Mapped[str] = mapped_column(String(40))
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    station_code: Mapped[str] = mapped_column(String(40))
    operator_code: Mapped[str] = mapped_column(String(40))
    payload: Mapped[str] = mapped_column(Text)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)  # the hub accepted it
    # Failed uploads (the hub unreachable, a 5xx...): counted, the event stays unsent.
    attempts: Mapped[int] = mapped_column(Integer, server_default="0")
    last_error: Mapped[str | None] = mapped_column(Text)
    # The hub refused it for good: set aside (not sent again) until a supervisor retries it.
    quarantined_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    refusal_code: Mapped[str | None] = mapped_column(String(40))
    __table_args__ = (Index("ix_outbox_unsent", "sent_at", "seq"),)


class SyncState(Base):
    """One row: how far this station has read the centre's changes feed."""

    __tablename__ = "sync_state"
    id: Mapped[int] = mapped_column(primary_key=True)
    cursor: Mapped[str | None] = mapped_column(Text)  # NULL: never pulled
    initial_done: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    pulled_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    pushed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    clock_skew_s: Mapped[float | None] = mapped_column(Float)  # hub clock minus ours
    __table_args__ = (CheckConstraint("id = 1", name="one_row"),)


class ClaimRow(Base):
    """A lease this station holds (or held) at the hub on a piece of work.

    ``expires_at`` is on this station's clock: receipt time plus the hub's ``expires_in_s``,
    so a wrong station clock does not shorten or stretch the lease.
    """

    __tablename__ = "claims"
    claim_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    kind: Mapped[str] = mapped_column(String(10))
    key: Mapped[str] = mapped_column(String(40))
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    state: Mapped[str] = mapped_column(String(8), default="held")
    lost_reason: Mapped[str | None] = mapped_column(String(20))
    holder: Mapped[str | None] = mapped_column(String(40))  # lost as "taken": who has it
    __table_args__ = (
        UniqueConstraint("kind", "key"),
        CheckConstraint("state IN ('held', 'lost')", name="state_known"),
    )


class PrintJob(Base):
    """A document to produce; committed with the action that asks for it, so none is lost."""

    __tablename__ = "print_jobs"
    id: Mapped[int] = mapped_column(primary_key=True)
    job_id: Mapped[str] = mapped_column(String(36), unique=True)
    kind: Mapped[str] = mapped_column(String(30))
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"), index=True)
    package_id: Mapped[int | None] = mapped_column(ForeignKey("packages.id"))  # labels
    # pending -> sending -> done | pending (not sent, waits) | uncertain; failed after too
    # many attempts or the deadline. "uncertain": the bytes may have reached the printer, so
    # it is never sent again without the operator's word; "replaced" once it was printed
    # again as the next copy.
    status: Mapped[str] = mapped_column(String(10), default="pending", index=True)
    printer: Mapped[str | None] = mapped_column(String(40))  # the printer that took it
    copy: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    reprint_of: Mapped[str | None] = mapped_column(String(36))
    next_attempt_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    deadline_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    # A worker owns the job until then (a lease): no two processes render one job, and a
    # worker killed mid-job frees it when the lease runs out.
    claimed_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    claimed_by: Mapped[str | None] = mapped_column(String(40))  # the worker's process id
    output_path: Mapped[str | None] = mapped_column(String(500))
    error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    done_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    __table_args__ = (
        CheckConstraint(
            "status IN ('pending', 'sending', 'done', 'failed', 'uncertain', 'replaced')",
            name="status_known",
        ),
    )


class FloorLayout(Base):
    """The warehouse floor the picking plans walk: one row, the layout document as JSON.

    ``doc`` has the shape of the protocol's ``LayoutDoc`` (``app.usecases.floor_layout``
    reads and writes it); ``version`` is the centre's (0: the stand-alone demo's own).
    """

    __tablename__ = "floor_layout"
    id: Mapped[int] = mapped_column(primary_key=True)
    doc: Mapped[str] = mapped_column(Text)
    version: Mapped[int] = mapped_column(Integer)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    __table_args__ = (CheckConstraint("id = 1", name="one_row"),)


# The picking tables live in their own module on the same Base; importing it here puts
# them in ``Base.metadata`` wherever the schema is read (migrations, tests).
from app.store import pick_tables as _pick_tables  # noqa: E402, F401
