"""Banner texts for the packing station's boxes: box chosen or closed, weights, approvals.

What the station waits for next is said by the view's ``next_step`` (``ui.pack_texts``);
these say what just happened. Every string is a literal inside ``translate()``.
"""

from __future__ import annotations

from collections.abc import Mapping

from app.domain.reasons import Reason
from app.usecases.package_views import NextStep
from app.usecases.results import Outcome, ScanResult
from ui.pack_texts import gram_range, grams, step_prompt
from ui.qt import translate

# Outcomes after which the banner says what to do next, in the step's words.
STEP_OUTCOMES = (
    Outcome.ITEM_PACKED,
    Outcome.BOX_CHOSEN,
    Outcome.PACKAGE_CLOSED,
    Outcome.PACKAGE_REOPENED,
    Outcome.ITEM_REMOVED,
    Outcome.STEP_STARTED,
    Outcome.SHORT_SHIPPED,
    Outcome.DAMAGED_NOTED,
)


def box_feedback(result: ScanResult) -> tuple[str, str, str, str] | None:
    """(tone, headline, action, sound) for an accepted box action or a scan that leaves a
    step waiting; None: the general texts apply."""
    if result.outcome is Outcome.WEIGHT_OUT_OF_RANGE and result.reason is not None:
        p = {k: str(v) for k, v in result.params.items()}
        headline, action = box_refusal_text(result.reason, p) or (result.reason.value, "")
        return "error", headline, action, "error"
    view = result.view
    if view is not None and result.outcome is Outcome.ORDER_PACKED and "relabel" in result.params:
        return relabelled(view.order_number, result.params)
    if view is None or result.outcome not in STEP_OUTCOMES:
        return None
    prompt = step_prompt(view)
    if result.outcome is Outcome.ITEM_PACKED and prompt is None:
        return None  # items still to scan: the usual "✔ name" banner
    p = {k: str(v) for k, v in result.params.items()}
    happened = {
        Outcome.PACKAGE_CLOSED: translate("Messages", "Box {package} closed; its label prints"),
        Outcome.PACKAGE_REOPENED: translate(
            "Messages", "Box {package} open again: take its label off"
        ),
        Outcome.ITEM_REMOVED: translate("Messages", "One unit taken out of the box"),
        Outcome.SHORT_SHIPPED: translate("Messages", "The missing units ship short"),
        Outcome.DAMAGED_NOTED: translate(
            "Messages", "Damaged unit recorded: put it in the damaged bin"
        ),
        Outcome.BOX_CHOSEN: translate("Messages", "Box noted"),
    }.get(result.outcome)
    tone = "warn" if view.next_step is NextStep.RECOUNT else "prompt"
    if prompt is None:  # nothing waits: the action itself is the news
        headline = (happened or translate("Messages", "Done")).format(**p)
        return "ok", headline, translate("Messages", "Scan the next item."), "accept"
    headline, action = prompt
    if happened is not None:
        action = f"{happened.format(**p)}. {action}".strip()
    return tone, headline, action, "accept"


def box_refusal_text(reason: Reason, params: Mapping[str, str]) -> tuple[str, str] | None:
    """(what happened, what to do) for a refused box action; None: not a box reason."""
    p = dict(params)
    code = p.get("code", "")
    match reason:
        case Reason.UNKNOWN_BOX:
            return (
                translate("Messages", "No box type {code} at this station").format(code=code),
                translate("Messages", "Scan the barcode on the box sheet."),
            )
        case Reason.NO_SUGGESTION:
            return (
                translate("Messages", "There is no suggested box for this order"),
                translate("Messages", "Scan the barcode of the box you used."),
            )
        case Reason.NO_ITEMS_IN_BOX:
            return (
                translate("Messages", "Nothing is in this box yet"),
                translate("Messages", "Scan the items first."),
            )
        case Reason.WEIGHT_OUT_OF_TOLERANCE:
            return (
                translate("Messages", "Box {package} weighs {measured}, expected {range}").format(
                    package=p.get("package", ""),
                    measured=grams(int(p.get("measured", 0))),
                    range=gram_range(int(p.get("low", 0)), int(p.get("high", 0))),
                ),
                translate(
                    "Messages",
                    "Recount the items and weigh again. A supervisor can accept it: badge, "
                    "then reason.",
                ),
            )
        case Reason.NOT_A_SUPERVISOR:
            return (
                translate("Messages", "{code} is not a supervisor").format(code=code),
                translate("Messages", "A supervisor must scan their own badge."),
            )
        case Reason.REASON_NOT_ASKED:
            return (
                translate("Messages", "No reason is asked for now"),
                translate("Messages", "Scan the next item."),
            )
        case Reason.REASON_NOT_FOR_THIS:
            return (
                translate("Messages", "Reason {code} does not fit here").format(code=code),
                translate("Messages", "Scan or tap one of the reasons on the screen."),
            )
        case Reason.NOT_IN_OPEN_BOX:
            return (
                translate("Messages", "{sku} is not in the open box").format(sku=p.get("sku", "")),
                translate("Messages", "Scan a unit that is in this box."),
            )
        case Reason.LAST_UNIT_OF_LABELLED_BOX:
            return (
                translate("Messages", "Box {package} would be empty").format(
                    package=p.get("package", "")
                ),
                translate("Messages", "A labelled box keeps at least one unit. Close it."),
            )
        case Reason.FINISH_BOX_FIRST:
            return (
                translate("Messages", "Box {package} is still open").format(
                    package=p.get("package", "")
                ),
                translate("Messages", "Close it first (CMD:CLOSE-BOX), then scan the other box."),
            )
        case Reason.NOTHING_TO_SHORT_SHIP:
            return (
                translate("Messages", "Nothing is missing"),
                translate("Messages", "Every unit is in a box."),
            )
        case Reason.NOTHING_PACKED_YET:
            return (
                translate("Messages", "Nothing is packed yet: there is nothing to ship"),
                translate("Messages", "Put the order aside and call a supervisor."),
            )
    return None


def relabelled(order: str, params: Mapping[str, str | int]) -> tuple[str, str, str, str]:
    """The order is packed in another number of boxes than earlier labels say: which
    boxes get a new label (``params``: "relabel", their numbers, and "boxes", the count)."""
    boxes = params["boxes"]
    if boxes == 1:
        headline = translate("Messages", "Order {order} packed: it ships in 1 box")
    else:
        headline = translate("Messages", "Order {order} packed: it ships in {boxes} boxes")
    action = relabel_text(str(params["relabel"]))
    return "warn", headline.format(order=order, boxes=boxes), action, "done"


def relabel_text(boxes: str) -> str:
    """What to do with labels that print again with the order's final box count;
    ``boxes``: their numbers, "1" or "1, 2"."""
    if "," not in boxes:
        return translate(
            "Messages",
            "A new label prints for box {box}: stick it over the old one, then scan the "
            "next order.",
        ).format(box=boxes)
    return translate(
        "Messages",
        "New labels print for boxes {boxes}: stick each over the old one, then scan the "
        "next order.",
    ).format(boxes=boxes)
