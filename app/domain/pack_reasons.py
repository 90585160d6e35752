"""Why a packer or supervisor departed from what the station expected.

Each reason is a barcode on the station's sheet (``RSN:<code>``) and a button on screen;
its code goes to the audit log and the events. Which reasons fit depends on what is
being explained: another box than suggested, a weight out of tolerance, or a short shipment.
"""

from __future__ import annotations

from enum import StrEnum


class Explains(StrEnum):
    BOX = "box"  # the packer used another box than suggested (no supervisor needed)
    WEIGHT = "weight"  # a supervisor accepts a weight out of tolerance
    SHORT = "short"  # a supervisor approves shipping without some units


REASONS: dict[Explains, tuple[tuple[str, str], ...]] = {
    Explains.BOX: (
        ("NO-FIT", "Items do not fit the suggested box"),
        ("BOX-OUT", "Suggested box out of stock"),
        ("PROTECT", "Needs more protection"),
        ("CUSTOMER", "Customer request"),
    ),
    Explains.WEIGHT: (
        ("RECOUNTED", "Recounted: contents are right"),
        ("CATALOGUE", "Catalogue weight is wrong"),
        ("PACKAGING", "Extra packing material"),
    ),
    Explains.SHORT: (
        ("NOT-FOUND", "Item not found"),
        ("DAMAGED", "Item damaged, no replacement"),
    ),
}


def reason_codes(what: Explains) -> tuple[str, ...]:
    return tuple(code for code, _ in REASONS[what])
