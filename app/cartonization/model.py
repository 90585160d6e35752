"""What cartonization takes and gives: items, boxes, where each unit sits, and the refusal.

Lengths are whole millimetres and weights whole grams, so geometry is exact (no float
tolerance anywhere). A box's axes are x along its inner length, y along its inner width and
z up from its floor.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum


class Rotation(StrEnum):
    """How a unit may be turned to fit (BoxPacker's BestFit, KeepFlat and Never)."""

    ANY = "any"  # any of the 6 axis-aligned orientations
    KEEP_FLAT = "keep_flat"  # turned only about the vertical axis: the same face stays up
    NEVER = "never"  # as given: length along x, width along y, height up


@dataclass(frozen=True, slots=True)
class ItemSpec:
    """One order line: ``qty`` identical units of a product, with its packing rules."""

    key: str
    length_mm: int
    width_mm: int
    height_mm: int
    weight_g: int
    qty: int = 1
    rotation: Rotation = Rotation.ANY
    fragile: bool = False  # nothing may rest on top of one of its units

    def __post_init__(self) -> None:
        if min(self.length_mm, self.width_mm, self.height_mm) <= 0:
            raise ValueError(f"item {self.key!r}: every dimension must be positive")
        if self.weight_g < 0 or self.qty < 0:
            raise ValueError(f"item {self.key!r}: weight and quantity cannot be negative")

    @property
    def dims(self) -> tuple[int, int, int]:
        return (self.length_mm, self.width_mm, self.height_mm)

    @property
    def volume_mm3(self) -> int:
        return self.length_mm * self.width_mm * self.height_mm


@dataclass(frozen=True, slots=True)
class BoxSpec:
    """A carton Tote may use. ``max_weight_g`` is GROSS: the payload is max minus tare."""

    code: str
    inner_mm: tuple[int, int, int]  # length, width, height
    outer_mm: tuple[int, int, int]  # length, width, height: what carriers measure
    tare_g: int
    max_weight_g: int
    cost_cents: int = 0  # what the carton itself costs

    def __post_init__(self) -> None:
        if min(self.inner_mm) <= 0 or min(self.outer_mm) <= 0:
            raise ValueError(f"box {self.code!r}: every dimension must be positive")

    @property
    def payload_g(self) -> int:
        return self.max_weight_g - self.tare_g

    @property
    def inner_volume_mm3(self) -> int:
        length, width, height = self.inner_mm
        return length * width * height

    @property
    def outer_volume_mm3(self) -> int:
        length, width, height = self.outer_mm
        return length * width * height


@dataclass(frozen=True, slots=True)
class Placement:
    """One unit in its box: the corner nearest the box's inner origin and its extents."""

    key: str
    unit: int  # 0-based index of this unit among the item's ``qty``
    x: int
    y: int
    z: int
    length: int  # along x, as placed
    width: int  # along y
    height: int  # along z

    @property
    def top(self) -> int:
        return self.z + self.height

    @property
    def volume_mm3(self) -> int:
        return self.length * self.width * self.height


@dataclass(frozen=True, slots=True)
class PackedBox:
    """One carton of a packing and the units in it."""

    box: BoxSpec
    placements: tuple[Placement, ...]
    items_weight_g: int  # sum of the units' weights (placements carry no weight)

    @property
    def gross_weight_g(self) -> int:
        return self.items_weight_g + self.box.tare_g

    @property
    def utilisation(self) -> float:
        """Item volume over the box's inner volume, 0 to 1."""
        return sum(p.volume_mm3 for p in self.placements) / self.box.inner_volume_mm3

    def units_of(self, key: str) -> int:
        return sum(1 for p in self.placements if p.key == key)


@dataclass(frozen=True, slots=True)
class Packing:
    """The cartons an order ships in. ``cost`` is in cents, by the cost model it was chosen
    with (without one: what the cartons themselves cost)."""

    boxes: tuple[PackedBox, ...]
    cost: int

    def box_of(self, key: str) -> tuple[int, ...]:
        """Indexes into ``boxes`` of the cartons holding units of ``key``, in order."""
        return tuple(
            i for i, packed in enumerate(self.boxes) if any(p.key == key for p in packed.placements)
        )

    @property
    def utilisation(self) -> float:
        """Item volume over the inner volume of all the cartons used, 0 to 1."""
        inner = sum(b.box.inner_volume_mm3 for b in self.boxes)
        used = sum(p.volume_mm3 for b in self.boxes for p in b.placements)
        return used / inner if inner else 0.0


class ItemTooLargeError(ValueError):
    """Some items fit no available box at all, by size (under their rotation rule) or by
    weight (against the box's payload); ``keys`` names them."""

    def __init__(self, keys: Sequence[str], detail: str = "") -> None:
        self.keys: tuple[str, ...] = tuple(keys)
        names = ", ".join(repr(k) for k in self.keys)
        tail = f": {detail}" if detail else ""
        super().__init__(f"no box can hold {names}{tail}")
