"""The local store's picking tables: planned runs, their totes, tasks and what was picked.

A run is planned by ``app.usecases.pick_planning`` and walked by ``app.usecases.pick_station``.
Quantities are units; ``picked`` counts units in their tote (or on the cart, in bulk),
``in_hand`` units scanned but not yet put into their tote, ``short`` units reported missing.
Registered on the same ``Base`` as ``app.store.tables`` (which imports this module).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Float,
    ForeignKey,
    Integer,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from app.store.tables import Base
from app.store.types import UTCDateTime


class PickRun(Base):
    """One walk of the floor: its method, the station walking it and how far it got."""

    __tablename__ = "pick_runs"
    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(40), unique=True)
    plan: Mapped[str] = mapped_column(String(40), index=True)  # the planning that made it
    wave: Mapped[int] = mapped_column(Integer)
    method: Mapped[str] = mapped_column(String(10))
    zone: Mapped[str | None] = mapped_column(String(8))
    release_seq: Mapped[int] = mapped_column(Integer)  # runs are offered in this order
    # Bulk picks are sorted to orders afterwards, per group (``SortSlot``); None: in totes.
    sort_group: Mapped[str | None] = mapped_column(String(40))
    urgent: Mapped[bool] = mapped_column(Boolean, default=False)
    length_m: Mapped[float] = mapped_column(Float)
    status: Mapped[str] = mapped_column(String(10), default="open", index=True)
    station_code: Mapped[str | None] = mapped_column(String(20))  # who walks it
    picker: Mapped[str | None] = mapped_column(String(40))
    at_location: Mapped[str | None] = mapped_column(String(32))  # last location confirmed
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    started_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    __table_args__ = (
        CheckConstraint("status IN ('open', 'active', 'done', 'cancelled')", name="status_known"),
    )


class PickTote(Base):
    """A cart position of a run, the order it is for and the tote scanned into it."""

    __tablename__ = "pick_totes"
    id: Mapped[int] = mapped_column(primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("pick_runs.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    order_number: Mapped[str] = mapped_column(String(40))
    tote_code: Mapped[str | None] = mapped_column(String(40))
    arrived_at: Mapped[datetime | None] = mapped_column(UTCDateTime)  # scanned in at packing
    __table_args__ = (UniqueConstraint("run_id", "position"),)


class PickTask(Base):
    """Go to ``location`` and take its product, for the allocations below."""

    __tablename__ = "pick_tasks"
    id: Mapped[int] = mapped_column(primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("pick_runs.id"), index=True)
    seq: Mapped[int] = mapped_column(Integer)  # walking order, from 1
    location_code: Mapped[str] = mapped_column(String(32))
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"))
    skipped: Mapped[bool] = mapped_column(Boolean, default=False)
    __table_args__ = (UniqueConstraint("run_id", "seq"),)


class PickAllocation(Base):
    """The part of a task meant for one order line (and its tote, on a cart)."""

    __tablename__ = "pick_allocations"
    id: Mapped[int] = mapped_column(primary_key=True)
    task_id: Mapped[int] = mapped_column(ForeignKey("pick_tasks.id"), index=True)
    order_line_id: Mapped[int] = mapped_column(ForeignKey("order_lines.id"), index=True)
    quantity: Mapped[int] = mapped_column(Integer)
    picked: Mapped[int] = mapped_column(Integer, default=0)
    in_hand: Mapped[int] = mapped_column(Integer, default=0)
    short: Mapped[int] = mapped_column(Integer, default=0)
    tote_position: Mapped[int | None] = mapped_column(Integer)
    substitute_product_id: Mapped[int | None] = mapped_column(ForeignKey("products.id"))
    substituted: Mapped[int] = mapped_column(Integer, default=0)  # units of the substitute
    sorted_units: Mapped[int] = mapped_column(Integer, default=0)  # put into the order's slot
    __table_args__ = (
        CheckConstraint("sorted_units >= 0 AND sorted_units <= picked", name="sorted_in_range"),
        CheckConstraint("quantity >= 1", name="quantity_positive"),
        CheckConstraint(
            "picked >= 0 AND in_hand >= 0 AND short >= 0 AND picked + in_hand + short <= quantity",
            name="units_in_range",
        ),
    )


class PickCapture(Base):
    """What a GS1 scan said about a picked unit: lot, serial, expiry (for traceability)."""

    __tablename__ = "pick_captures"
    id: Mapped[int] = mapped_column(primary_key=True)
    allocation_id: Mapped[int] = mapped_column(ForeignKey("pick_allocations.id"), index=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"))
    units: Mapped[int] = mapped_column(Integer)
    lot: Mapped[str | None] = mapped_column(String(20))
    serial: Mapped[str | None] = mapped_column(String(20))
    expiry: Mapped[str | None] = mapped_column(String(10))  # ISO date
    at: Mapped[datetime] = mapped_column(UTCDateTime)


class OrderLineSubstitute(Base):
    """A product the customer accepts instead of an order line's own (from the centre)."""

    __tablename__ = "order_line_substitutes"
    id: Mapped[int] = mapped_column(primary_key=True)
    order_line_id: Mapped[int] = mapped_column(ForeignKey("order_lines.id"), index=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"))
    __table_args__ = (UniqueConstraint("order_line_id", "product_id"),)


class SortSlot(Base):
    """A put-wall slot for one order while bulk-picked items are sorted to their orders.

    ``sort_group`` is the batch run's key (batch picking) or the plan and wave (wave
    picking: every zone's run of the wave is sorted at one consolidation point).
    """

    __tablename__ = "sort_slots"
    id: Mapped[int] = mapped_column(primary_key=True)
    sort_group: Mapped[str] = mapped_column(String(40), index=True)
    position: Mapped[int] = mapped_column(Integer)
    order_number: Mapped[str] = mapped_column(String(40))
    done_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Named: the naming convention's "uq_<table>_<first column>" would give both one name,
    # and schema comparisons would then see only one of them.
    __table_args__ = (
        UniqueConstraint("sort_group", "position", name="uq_sort_slots_position"),
        UniqueConstraint("sort_group", "order_number", name="uq_sort_slots_order_number"),
    )
