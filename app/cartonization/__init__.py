"""Cartonization: which cartons an order ships in, and where each unit goes.

Pure Python (no numpy, no I/O): a typical order is decided in about a millisecond.
"""

from app.cartonization.choose import choose_boxes
from app.cartonization.cost import CostModel
from app.cartonization.layers import Layer, layers
from app.cartonization.model import (
    BoxSpec,
    ItemSpec,
    ItemTooLargeError,
    PackedBox,
    Packing,
    Placement,
    Rotation,
)

__all__ = [
    "BoxSpec",
    "CostModel",
    "ItemSpec",
    "ItemTooLargeError",
    "Layer",
    "PackedBox",
    "Packing",
    "Placement",
    "Rotation",
    "choose_boxes",
    "layers",
]
