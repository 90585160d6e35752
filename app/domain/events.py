"""Domain events bound for the central order service, serialised explicitly.

The payload format is part of the sync protocol (docs/sync.md): add fields, never rename.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar


@dataclass(frozen=True, slots=True)
class PackStarted:
    type: ClassVar[str] = "PackStarted"
    order_number: str

    def payload(self) -> dict[str, Any]:
        return {"order_number": self.order_number}


@dataclass(frozen=True, slots=True)
class ItemPacked:
    type: ClassVar[str] = "ItemPacked"
    order_number: str
    line_no: int
    sku: str
    scanned_code: str
    quantity: int
    package_number: int

    def payload(self) -> dict[str, Any]:
        return {
            "order_number": self.order_number,
            "line_no": self.line_no,
            "sku": self.sku,
            "scanned_code": self.scanned_code,
            "quantity": self.quantity,
            "package_number": self.package_number,
        }


@dataclass(frozen=True, slots=True)
class PackedPackage:
    number: int
    contents: tuple[tuple[int, str, int], ...]  # (line_no, sku, quantity)


@dataclass(frozen=True, slots=True)
class OrderPacked:
    type: ClassVar[str] = "OrderPacked"
    order_number: str
    special: tuple[str, ...]
    special_code: str | None
    packages: tuple[PackedPackage, ...]

    def payload(self) -> dict[str, Any]:
        return {
            "order_number": self.order_number,
            "special": list(self.special),
            "special_code": self.special_code,
            "packages": [
                {
                    "number": p.number,
                    "contents": [
                        {"line_no": ln, "sku": sku, "quantity": q} for ln, sku, q in p.contents
                    ],
                }
                for p in self.packages
            ],
        }


@dataclass(frozen=True, slots=True)
class PackStopped:
    """The station stopped packing an order the centre cancelled, held or changed; the
    operator was told to put ``units_to_put_back`` units back (or aside, when held)."""

    type: ClassVar[str] = "PackStopped"
    order_number: str
    reason: str  # "cancelled" | "held" | "changed"
    units_to_put_back: int

    def payload(self) -> dict[str, Any]:
        return {
            "order_number": self.order_number,
            "reason": self.reason,
            "units_to_put_back": self.units_to_put_back,
        }


@dataclass(frozen=True, slots=True)
class PackageClosed:
    """A package closed: its SSCC (None when the station's SSCC block was used up), its
    weight on the scale (None when no settled weight was recorded: the centre never gets an
    estimate as a weighing), and, from the packing station's box flow, the box used and
    suggested (with the packer's reason when they differ), outer dimensions, the expected
    weight, who accepted a weight out of tolerance and why, carrier, service and tracking
    number. Optional fields are sent only when known."""

    type: ClassVar[str] = "PackageClosed"
    order_number: str
    package_number: int
    sscc: str | None
    weight_g: int | None
    box: str | None = None
    suggested_box: str | None = None
    box_reason: str | None = None
    dimensions_mm: tuple[int, int, int] | None = None
    expected_weight_g: int | None = None
    weight_accepted_by: str | None = None
    weight_reason: str | None = None
    carrier: str | None = None
    service: str | None = None
    tracking_number: str | None = None

    def payload(self) -> dict[str, Any]:
        body: dict[str, Any] = {
            "order_number": self.order_number,
            "package_number": self.package_number,
            "sscc": self.sscc,
            "weight_g": self.weight_g,
        }
        for key in _PACKAGE_OPTIONAL:
            value = getattr(self, key)
            if value is not None:
                body[key] = list(value) if isinstance(value, tuple) else value
        return body


_PACKAGE_OPTIONAL = (
    "box",
    "suggested_box",
    "box_reason",
    "dimensions_mm",
    "expected_weight_g",
    "weight_accepted_by",
    "weight_reason",
    "carrier",
    "service",
    "tracking_number",
)


@dataclass(frozen=True, slots=True)
class PackageReopened:
    """A closed package opened again at the station: its label no longer holds (it is
    printed again when the package closes)."""

    type: ClassVar[str] = "PackageReopened"
    order_number: str
    package_number: int
    sscc: str | None

    def payload(self) -> dict[str, Any]:
        return {
            "order_number": self.order_number,
            "package_number": self.package_number,
            "sscc": self.sscc,
        }


@dataclass(frozen=True, slots=True)
class ItemRemoved:
    """Units taken out of a package again (to move them, or because one is damaged)."""

    type: ClassVar[str] = "ItemRemoved"
    order_number: str
    line_no: int
    sku: str
    quantity: int
    package_number: int
    damaged: bool

    def payload(self) -> dict[str, Any]:
        return {
            "order_number": self.order_number,
            "line_no": self.line_no,
            "sku": self.sku,
            "quantity": self.quantity,
            "package_number": self.package_number,
            "damaged": self.damaged,
        }


@dataclass(frozen=True, slots=True)
class ShortShipped:
    """Units of an order line shipped without, with a supervisor's approval."""

    type: ClassVar[str] = "ShortShipped"
    order_number: str
    line_no: int
    sku: str
    quantity_short: int
    reason: str
    approved_by: str

    def payload(self) -> dict[str, Any]:
        return {
            "order_number": self.order_number,
            "line_no": self.line_no,
            "sku": self.sku,
            "quantity_short": self.quantity_short,
            "reason": self.reason,
            "approved_by": self.approved_by,
        }


@dataclass(frozen=True, slots=True)
class LabelPrinted:
    """A document of an order came out of a printer: delivered to it, or confirmed on
    paper by the operator after an uncertain delivery.

    Every kind is reported (packing slip, shipping label, gift note), not only labels:
    whatever reached a printer is worth the centre knowing, and ``kind`` tells them apart.
    ``package_number`` is set for a package's own document (a shipping label);
    ``copy_number`` 2 and up is a reprint. Failed, uncertain and replaced jobs are never
    reported; each job is reported once, when it becomes done."""

    type: ClassVar[str] = "LabelPrinted"
    order_number: str
    package_number: int | None
    kind: str
    printer: str
    copy_number: int

    def payload(self) -> dict[str, Any]:
        return {
            "order_number": self.order_number,
            "package_number": self.package_number,
            "kind": self.kind,
            "printer": self.printer,
            "copy_number": self.copy_number,
        }


@dataclass(frozen=True, slots=True)
class PickConfirmed:
    """Units of an order line taken from a location and confirmed (in their tote, or on
    the cart when picked in bulk). ``substitute_sku`` names the product taken instead of the
    line's own, where the order allows it; ``lot``/``serial``/``expiry`` what a GS1 scan of
    them said."""

    type: ClassVar[str] = "PickConfirmed"
    order_number: str
    line_no: int
    sku: str
    location: str
    quantity: int
    tote: str | None
    substitute_sku: str | None = None
    lot: str | None = None
    serial: str | None = None
    expiry: str | None = None

    def payload(self) -> dict[str, Any]:
        body: dict[str, Any] = {
            "order_number": self.order_number,
            "line_no": self.line_no,
            "sku": self.sku,
            "location": self.location,
            "quantity": self.quantity,
            "tote": self.tote,
        }
        for key in ("substitute_sku", "lot", "serial", "expiry"):
            if getattr(self, key) is not None:
                body[key] = getattr(self, key)
        return body


@dataclass(frozen=True, slots=True)
class ShortPick:
    """Units of an order line the picker could not find at the location: the centre's cue
    to replenish the bin, check the stock figure and reorder."""

    type: ClassVar[str] = "ShortPick"
    order_number: str
    line_no: int
    sku: str
    location: str
    quantity_short: int
    reason: str  # "bin_empty" | "not_enough" | "damaged"

    def payload(self) -> dict[str, Any]:
        return {
            "order_number": self.order_number,
            "line_no": self.line_no,
            "sku": self.sku,
            "location": self.location,
            "quantity_short": self.quantity_short,
            "reason": self.reason,
        }


@dataclass(frozen=True, slots=True)
class ItemDamaged:
    """A unit found damaged at a location while picking for an order; it was not taken."""

    type: ClassVar[str] = "ItemDamaged"
    order_number: str
    line_no: int
    sku: str
    location: str
    quantity: int

    def payload(self) -> dict[str, Any]:
        return {
            "order_number": self.order_number,
            "line_no": self.line_no,
            "sku": self.sku,
            "location": self.location,
            "quantity": self.quantity,
        }


DomainEvent = (
    PackStarted
    | ItemPacked
    | OrderPacked
    | PackStopped
    | PackageClosed
    | PackageReopened
    | ItemRemoved
    | ShortShipped
    | LabelPrinted
    | PickConfirmed
    | ShortPick
    | ItemDamaged
)
