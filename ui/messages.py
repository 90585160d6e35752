"""Operator-facing texts for refusals and outcomes: what happened, then what to do.

Every string is a literal inside ``translate()`` so ``pyside6-lupdate`` can collect it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from app.domain.reasons import Reason
from app.tote_codes import CodeKind
from app.usecases.results import Outcome, ScanResult
from ui.qt import translate
from ui.scan_texts import code_kind_name


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
        case Reason.BAD_GS1:
            return (
                translate("Messages", "GS1 barcode unreadable: {problem}").format(
                    problem=p.get("problem", "")
                ),
                translate("Messages", "Scan it again; if it repeats, type the SKU."),
            )
        case Reason.CARTON_LABEL:
            return (
                translate("Messages", "Carton label {code}, not an item").format(code=code),
                translate("Messages", "Scan the barcode on the item itself."),
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
        case Reason.NOTHING_TO_PUT_ASIDE:
            return (
                translate("Messages", "No order open to put aside"),
                translate("Messages", "Scan an order barcode to start packing."),
            )
        case Reason.NOTHING_TO_REPRINT:
            return (
                translate("Messages", "Nothing to reprint yet"),
                translate("Messages", "This station has not packed an order yet."),
            )
        case Reason.UNKNOWN_COMMAND:
            return (
                translate("Messages", "Unknown command barcode {code}").format(code=code),
                translate("Messages", "Use the command sheet of this Tote version."),
            )
        case Reason.CODE_NOT_USED_HERE:
            headline = translate("Messages", "{kind} barcode {code} is not used at packing")
            headline = headline.format(kind=_code_kind(p.get("kind", "")), code=code)
            return (
                headline[:1].upper() + headline[1:],
                translate("Messages", "Scan the order or its items."),
            )
        case Reason.UNKNOWN_OPERATOR:
            return (
                translate("Messages", "Badge {code} is not known at this station").format(
                    code=code
                ),
                translate("Messages", "Scan your own badge, or ask a supervisor to add it."),
            )
        case Reason.FINISH_ORDER_FIRST:
            return (
                translate("Messages", "Order {order} is still open").format(
                    order=p.get("order", "")
                ),
                translate("Messages", "Finish it or put it aside, then scan the badge again."),
            )
        case Reason.CASE_EXCEEDS_REMAINING:
            return (
                translate(
                    "Messages", "Case of {units} is more than the {remaining} still needed"
                ).format(units=p.get("units", ""), remaining=p.get("remaining", "")),
                translate("Messages", "Open the case and scan the single items."),
            )
        case Reason.ORDER_STOPPED_CANCELLED:
            return (
                translate("Messages", "Order {order} was cancelled at the office").format(
                    order=p.get("order", "")
                ),
                translate(
                    "Messages",
                    "Stop and put the {units} scanned items back, then put the order aside.",
                ).format(units=p.get("units", "")),
            )
        case Reason.ORDER_STOPPED_HELD:
            return (
                translate("Messages", "Order {order} was put on hold at the office").format(
                    order=p.get("order", "")
                ),
                translate(
                    "Messages",
                    "Stop and put the order aside with its {units} scanned items until the "
                    "office releases it.",
                ).format(units=p.get("units", "")),
            )
        case Reason.ORDER_STOPPED_CHANGED:
            return (
                translate("Messages", "Order {order} was changed at the office").format(
                    order=p.get("order", "")
                ),
                translate(
                    "Messages",
                    "Stop and put the {units} scanned items back, put the order aside, "
                    "then scan it again to pack it as it is now.",
                ).format(units=p.get("units", "")),
            )
        case Reason.ORDER_STOPPED_PACKED_ELSEWHERE:
            return (
                translate("Messages", "Order {order} was packed at another station").format(
                    order=p.get("order", "")
                ),
                translate(
                    "Messages",
                    "Stop and put the {units} scanned items back, then put the order aside.",
                ).format(units=p.get("units", "")),
            )
        case Reason.ORDER_STILL_PICKING:
            return (
                translate("Messages", "Order {order} is still being picked ({runs})").format(
                    order=p.get("order", ""), runs=p.get("runs", "")
                ),
                translate("Messages", "Pack it when its picks have arrived. Scan another order."),
            )
        case Reason.ORDER_HELD:
            why = p.get("why", "")
            headline = (
                translate("Messages", "Order {order} is on hold at the office: {why}")
                if why
                else translate("Messages", "Order {order} is on hold at the office")
            )
            return (
                headline.format(order=p.get("order", ""), why=why),
                translate("Messages", "Do not pack it now. Scan another order."),
            )
        case Reason.ORDER_NOT_HELD:
            return (
                translate("Messages", "Order {order} is not reserved for this station").format(
                    order=p.get("order", "")
                ),
                translate(
                    "Messages",
                    "Tote asks the office for it; scan it again if it does not open by itself.",
                ),
            )
    from ui.pack_messages import box_refusal_text  # here: it imports this module's users

    return box_refusal_text(reason, p) or (reason.value, "")


def _code_kind(value: str) -> str:
    """A Tote code's kind ("LOC") as the operator's word for it, in their language."""
    try:
        return code_kind_name(CodeKind(value))
    except ValueError:
        return value


def special_label(flag: str) -> str:
    return {
        "gift": translate("Messages", "GIFT"),
        "vip": translate("Messages", "VIP"),
        "replacement": translate("Messages", "REPLACEMENT"),
    }.get(flag, flag.upper())


@dataclass(frozen=True, slots=True)
class Feedback:
    tone: str  # banner tone: "ok", "prompt", "done", "error"
    headline: str
    action: str
    sound: str  # "accept", "done", "error"


def outcome_feedback(result: ScanResult) -> Feedback:
    """What the banner says and which sound plays for a scan's outcome."""
    from ui.pack_messages import box_feedback

    boxed = box_feedback(result)
    if boxed is not None:
        return Feedback(*boxed)
    view = result.view
    if result.outcome is Outcome.REPRINT_QUEUED:
        return Feedback(
            "ok",
            translate("Messages", "Reprinting the packing slip of {order}").format(
                order=result.params.get("order", "")
            ),
            translate("Messages", "Continue packing."),
            "accept",
        )
    if result.outcome is Outcome.OPERATOR_SIGNED_IN:
        return Feedback(
            "prompt",
            translate("Messages", "Hello {name}: you are signed in").format(
                name=result.params.get("name", "")
            ),
            translate("Messages", "Scan an order barcode."),
            "accept",
        )
    if result.outcome is Outcome.REFUSED or view is None:
        reason = result.reason or Reason.UNKNOWN_BARCODE
        headline, action = refusal_text(reason, result.params)
        return Feedback("error", headline, action, "error")
    if result.outcome is Outcome.ITEM_PACKED:
        line = next(x for x in view.lines if x.line_no == view.last_line_no)
        return Feedback(
            "ok",
            translate("Messages", "✔ {name}  ({packed} of {ordered})").format(
                name=line.name, packed=line.qty_packed, ordered=line.qty_ordered
            ),
            units_to_go(view.units_ordered - view.units_packed),
            "accept",
        )
    if result.outcome is Outcome.ORDER_LEFT:
        return Feedback(
            "prompt",
            translate("Messages", "Order {order} put aside with its scans").format(
                order=view.order_number
            ),
            translate("Messages", "Scan it again to continue, or scan another order."),
            "accept",
        )
    if result.outcome is Outcome.ORDER_PACKED:
        return Feedback(
            "done",
            translate("Messages", "Order {order} packed").format(order=view.order_number),
            translate("Messages", "Printing its documents… Scan the next order."),
            "done",
        )
    return Feedback(  # opened or resumed
        "prompt",
        translate("Messages", "Order {order}: scan every item").format(order=view.order_number),
        translate("Messages", "{packed} of {total} units packed").format(
            packed=view.units_packed, total=view.units_ordered
        ),
        "accept",
    )


def garbled_scan_text(scanner: str, reason: str) -> tuple[str, str]:
    """(what happened, what to do) when a serial scanner sent bytes that are no scan."""
    headlines = {
        "too_long": translate("Messages", "Scanner {name} sent a scan without an end"),
        "not_utf8": translate("Messages", "Scanner {name} sent unreadable bytes"),
        "control_chars": translate("Messages", "Scanner {name} sent control characters"),
        "incomplete": translate("Messages", "Scanner {name} sent half a scan"),
    }
    headline = headlines.get(reason, translate("Messages", "Scanner {name} sent no valid scan"))
    return (
        headline.format(name=scanner),
        translate("Messages", "Nothing was recorded. Scan again; if it repeats, check the cable."),
    )


def units_to_go(left: int) -> str:
    """What is left of the order, "1 unit to go" or "3 units to go". English and Greek use
    the singular for one only, so two strings do without Qt's numerus forms."""
    if left == 1:
        return translate("Messages", "1 unit to go")
    return translate("Messages", "{left} units to go").format(left=left)
