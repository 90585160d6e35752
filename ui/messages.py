"""Operator-facing texts for refusals and outcomes: what happened, then what to do.

Every string is a literal inside ``translate()`` so ``pyside6-lupdate`` can collect it.
"""

from __future__ import annotations

from collections.abc import Mapping

from app.domain.reasons import Reason
from ui.qt import QCoreApplication


def _t(text: str) -> str:
    return QCoreApplication.translate("Messages", text)


def refusal_text(reason: Reason, params: Mapping[str, str | int]) -> tuple[str, str]:
    """(what happened, what to do) for a refused scan, with its parameters filled in."""
    p = {k: str(v) for k, v in params.items()}
    code = p.get("code", "")
    match reason:
        case Reason.EMPTY_SCAN:
            return _t("Empty scan"), _t("Scan the barcode again.")
        case Reason.BAD_CHECK_DIGIT:
            return (
                _t("Barcode {code} misread (check digit wrong)").format(code=code),
                _t("Scan it again, holding the scanner steady. If it repeats, type the SKU."),
            )
        case Reason.UNKNOWN_BARCODE:
            return (
                _t("Unknown barcode {code}").format(code=code),
                _t("This is not an item of this order. Put it aside and scan the item again."),
            )
        case Reason.ORDER_NOT_FOUND:
            return (
                _t("No order {code}").format(code=code),
                _t("Check the order number on the pick list and scan or type it again."),
            )
        case Reason.ORDER_ALREADY_PACKED:
            return (
                _t("Order {order} is already packed").format(order=p.get("order", "")),
                _t("Do not pack it twice. Give the items to a supervisor."),
            )
        case Reason.ORDER_CANCELLED:
            return (
                _t("Order {order} was cancelled").format(order=p.get("order", "")),
                _t("Do not pack it. Return the items to their locations."),
            )
        case Reason.NO_ORDER_OPEN:
            return (
                _t("No order open for item {code}").format(code=code),
                _t("Scan the order barcode first, then the items."),
            )
        case Reason.ANOTHER_ORDER_OPEN:
            return (
                _t("Order {order} is still open").format(order=p.get("order", "")),
                _t("Finish it, or press “Put order aside” before opening {other}.").format(
                    other=p.get("other", "")
                ),
            )
        case Reason.WRONG_ITEM:
            return (
                _t("Wrong item: {name}").format(name=p.get("name", code)),
                _t("It is not in this order. Put it aside and scan an item from the list."),
            )
        case Reason.OVER_PACK:
            return (
                _t("Too many: {name}").format(name=p.get("name", "")),
                _t("All {ordered} are already packed. Take this one out of the box.").format(
                    ordered=p.get("ordered", "")
                ),
            )
        case Reason.CASE_EXCEEDS_REMAINING:
            return (
                _t("Case of {units} is more than the {remaining} still needed").format(
                    units=p.get("units", ""), remaining=p.get("remaining", "")
                ),
                _t("Open the case and scan the single items."),
            )
    return reason.value, ""


def special_label(flag: str) -> str:
    return {
        "gift": _t("GIFT"),
        "vip": _t("VIP"),
        "replacement": _t("REPLACEMENT"),
    }.get(flag, flag.upper())
