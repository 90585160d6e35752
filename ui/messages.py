"""Operator-facing texts for refusals and outcomes: what happened, then what to do.

Every string is a literal inside ``translate()`` so ``pyside6-lupdate`` can collect it.
"""

from __future__ import annotations

from collections.abc import Mapping

from app.domain.reasons import Reason
from ui.qt import QCoreApplication

translate = QCoreApplication.translate  # lupdate collects translate("Context", "literal")


def refusal_text(reason: Reason, params: Mapping[str, str | int]) -> tuple[str, str]:
    """(what happened, what to do) for a refused scan, with its parameters filled in."""
    p = {k: str(v) for k, v in params.items()}
    code = p.get("code", "")
    match reason:
        case Reason.EMPTY_SCAN:
            return translate("Messages", "Empty scan"), translate(
                "Messages", "Scan the barcode again."
            )
        case Reason.BAD_CHECK_DIGIT:
            return (
                translate("Messages", "Barcode {code} misread (check digit wrong)").format(
                    code=code
                ),
                translate(
                    "Messages",
                    "Scan it again, holding the scanner steady. If it repeats, type the SKU.",
                ),
            )
        case Reason.UNKNOWN_BARCODE:
            return (
                translate("Messages", "Unknown barcode {code}").format(code=code),
                translate(
                    "Messages",
                    "This is not an item of this order. Put it aside and scan the item again.",
                ),
            )
        case Reason.ORDER_NOT_FOUND:
            return (
                translate("Messages", "No order {code}").format(code=code),
                translate(
                    "Messages", "Check the order number on the pick list and scan or type it again."
                ),
            )
        case Reason.ORDER_ALREADY_PACKED:
            return (
                translate("Messages", "Order {order} is already packed").format(
                    order=p.get("order", "")
                ),
                translate("Messages", "Do not pack it twice. Give the items to a supervisor."),
            )
        case Reason.ORDER_CANCELLED:
            return (
                translate("Messages", "Order {order} was cancelled").format(
                    order=p.get("order", "")
                ),
                translate("Messages", "Do not pack it. Return the items to their locations."),
            )
        case Reason.NO_ORDER_OPEN:
            return (
                translate("Messages", "No order open for item {code}").format(code=code),
                translate("Messages", "Scan the order barcode first, then the items."),
            )
        case Reason.ANOTHER_ORDER_OPEN:
            return (
                translate("Messages", "Order {order} is still open").format(
                    order=p.get("order", "")
                ),
                translate(
                    "Messages", "Finish it, or press “Put order aside” before opening {other}."
                ).format(other=p.get("other", "")),
            )
        case Reason.WRONG_ITEM:
            return (
                translate("Messages", "Wrong item: {name}").format(name=p.get("name", code)),
                translate(
                    "Messages",
                    "It is not in this order. Put it aside and scan an item from the list.",
                ),
            )
        case Reason.OVER_PACK:
            return (
                translate("Messages", "Too many: {name}").format(name=p.get("name", "")),
                translate(
                    "Messages", "All {ordered} are already packed. Take this one out of the box."
                ).format(ordered=p.get("ordered", "")),
            )
        case Reason.CASE_EXCEEDS_REMAINING:
            return (
                translate(
                    "Messages", "Case of {units} is more than the {remaining} still needed"
                ).format(units=p.get("units", ""), remaining=p.get("remaining", "")),
                translate("Messages", "Open the case and scan the single items."),
            )
    return reason.value, ""


def special_label(flag: str) -> str:
    return {
        "gift": translate("Messages", "GIFT"),
        "vip": translate("Messages", "VIP"),
        "replacement": translate("Messages", "REPLACEMENT"),
    }.get(flag, flag.upper())
