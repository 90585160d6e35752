"""What app/ needs from the outside world, as Protocols; devices/ and ui/ implement them."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from app.domain.documents import PackingSlip


class SlipRenderer(Protocol):
    """Draws a packing slip into a file (PDF today)."""

    def render_packing_slip(self, slip: PackingSlip, target: Path) -> None:
        """Write the whole document to ``target``; raise on any failure."""
