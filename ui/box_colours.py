"""A colour per SKU in the box picture, the same SKU alike from box to box."""

from __future__ import annotations

import zlib

from app.usecases.package_views import PlanView
from ui.qt import QColor

# Light enough for black text, told apart from each other and from the fragile red.
PALETTE = (
    "#7fb3e6",  # blue
    "#ffd166",  # yellow
    "#8fd19e",  # green
    "#c9a7e8",  # purple
    "#f4a261",  # orange
    "#7fd6d0",  # teal
    "#f2a7c3",  # pink
    "#c2c27a",  # olive
    "#b0b8c4",  # grey
    "#d9b38c",  # tan
)


def sku_colours(plan: PlanView) -> dict[str, QColor]:
    """A colour per SKU: chosen by the SKU's checksum (the same SKU looks the same from box
    to box), moved on to the next free one when two SKUs of this box would share it."""
    skus = [sku for sku, _, _ in plan.units]
    skus += [u.sku for layer in plan.layers for u in layer.units if u.sku not in skus]
    taken: set[int] = set()
    colours: dict[str, QColor] = {}
    for sku in dict.fromkeys(skus):
        index = zlib.crc32(sku.encode()) % len(PALETTE)
        while index in taken and len(taken) < len(PALETTE):
            index = (index + 1) % len(PALETTE)
        taken.add(index)
        colours[sku] = QColor(PALETTE[index])
    return colours
