"""How a packing station closes its boxes: what it insists on before a box may close."""

from __future__ import annotations

from dataclasses import dataclass, field

from app.domain.check_weigh import Tolerance


@dataclass(frozen=True, slots=True)
class PackingSettings:
    """``require_box``: the packer confirms the box used (scanning it, or ``CMD:BOX-OK``
    for the suggestion) before it closes; otherwise the suggestion is taken as used.
    ``check_weigh``: a box closes only on a settled scale weight within ``tolerance`` of
    its expected weight (or a supervisor's acceptance); a station without a scale turns it
    off and records whatever settled weight it has."""

    require_box: bool = False
    check_weigh: bool = False
    tolerance: Tolerance = field(default_factory=Tolerance)
