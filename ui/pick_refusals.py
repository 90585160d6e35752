"""Why a picker's scan or a scan at the sort wall was refused, and what to do about it.

Kept apart from ``ui.messages`` (packing): the same reason can need other words on the
floor ("not used when picking", "put it back on the shelf"). Reasons that read the same
everywhere (an empty scan, a misread) fall back to the packing texts.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

from app.domain.reasons import Reason
from app.tote_codes import CodeKind
from ui.messages import refusal_text
from ui.qt import translate
from ui.scan_texts import code_kind_name

Where = Literal["pick", "receive"]


def refusal(
    reason: Reason | None, params: Mapping[str, str | int], where: Where
) -> tuple[str, str]:
    """(what happened, what to do) for a refusal while picking or receiving."""
    p = {k: str(v) for k, v in params.items()}
    reason = reason or Reason.UNKNOWN_BARCODE
    found = _floor(reason, p, where) or _guide(reason, p) or _receiving(reason, p)
    return found or refusal_text(reason, params)


def _floor(reason: Reason, p: dict[str, str], where: Where) -> tuple[str, str] | None:
    """Reasons picking and receiving share, worded for where the operator stands."""
    match reason:
        case Reason.UNKNOWN_BARCODE:
            return (
                translate("PickTexts", "Unknown barcode {code}").format(code=p.get("code", "")),
                translate(
                    "PickTexts",
                    "Scan the barcode on the item itself; if it repeats, ask a supervisor.",
                )
                if where == "pick"
                else translate(
                    "PickTexts", "No product has this barcode. Put it aside for a supervisor."
                ),
            )
        case Reason.CODE_NOT_USED_HERE:
            kind = _kind(p.get("kind", ""))
            if where == "pick":
                headline = translate("PickTexts", "{kind} barcode {code} is not used when picking")
                action = translate("PickTexts", "Scan what the screen asks for.")
            else:
                headline = translate("PickTexts", "{kind} barcode {code} is not used when sorting")
                action = translate("PickTexts", "Scan an item or a tote.")
            headline = headline.format(kind=kind, code=p.get("code", ""))
            return headline[:1].upper() + headline[1:], action
        case Reason.CASE_EXCEEDS_REMAINING:
            return (
                translate(
                    "PickTexts", "Case of {units} is more than the {remaining} still needed"
                ).format(units=p.get("units", ""), remaining=p.get("remaining", "")),
                translate("PickTexts", "Open the case and scan the single items."),
            )
    return None


def _guide(reason: Reason, p: dict[str, str]) -> tuple[str, str] | None:
    """Refusals of the picker's walk (app.picking.guide and PickWork)."""
    match reason:
        case Reason.NO_RUN_OPEN:
            return (
                translate("PickTexts", "No pick run open at this station"),
                translate("PickTexts", "Start a run from the list, or release a wave."),
            )
        case Reason.FINISH_RUN_FIRST:
            return (
                translate("PickTexts", "Run {run} is still open here").format(run=p.get("run", "")),
                translate("PickTexts", "Finish it, or press “Leave run” before starting another."),
            )
        case Reason.RUN_NOT_FOUND:
            return (
                translate("PickTexts", "Run {run} is no longer waiting").format(
                    run=p.get("run", "")
                ),
                translate("PickTexts", "Another picker may have taken it. Choose another run."),
            )
        case Reason.RUN_FINISHED:
            return (
                translate("PickTexts", "This run is finished: nothing left to pick"),
                translate("PickTexts", "Take the cart to packing."),
            )
        case Reason.SCAN_TOTES_FIRST:
            return (
                translate("PickTexts", "Scan the cart's totes first"),
                translate("PickTexts", "Scan a tote for cart position {position}.").format(
                    position=p.get("position", "")
                ),
            )
        case Reason.SCAN_LOCATION_FIRST:
            return (
                translate("PickTexts", "Scan the location first"),
                translate("PickTexts", "Go to {location}, scan its label, then the item.").format(
                    location=p.get("location", "")
                ),
            )
        case Reason.WRONG_LOCATION:
            return (
                translate("PickTexts", "Wrong location: this is {scanned}").format(
                    scanned=p.get("scanned", "")
                ),
                translate("PickTexts", "Go to {expected} and scan its label.").format(
                    expected=p.get("expected", "")
                ),
            )
        case Reason.PUT_IN_TOTE_FIRST:
            return (
                translate("PickTexts", "Items in hand: put them into tote {position} first").format(
                    position=p.get("position", "")
                ),
                translate("PickTexts", "Scan tote {position}, then go on.").format(
                    position=p.get("position", "")
                ),
            )
        case Reason.WRONG_TOTE:
            return (
                translate("PickTexts", "Wrong tote"),
                translate(
                    "PickTexts", "Put the items into tote {position} ({tote}) and scan it."
                ).format(position=p.get("position", ""), tote=p.get("tote", "")),
            )
        case Reason.TOTE_ALREADY_ON_CART:
            return (
                translate("PickTexts", "Tote {tote} is already on this cart").format(
                    tote=p.get("tote", "")
                ),
                translate("PickTexts", "Scan an empty tote for the next position."),
            )
        case Reason.TOTE_IN_USE:
            return (
                translate("PickTexts", "Tote {tote} is in use on run {run}").format(
                    tote=p.get("tote", ""), run=p.get("run", "")
                ),
                translate("PickTexts", "Take another empty tote and scan it."),
            )
        case Reason.NO_TOTE_EXPECTED:
            return (
                translate("PickTexts", "No tote to scan now"),
                translate("PickTexts", "Follow the screen: scan the location or the item."),
            )
        case Reason.WRONG_ITEM:
            return (
                translate("PickTexts", "Wrong item: {name}").format(
                    name=p.get("name", p.get("sku", ""))
                ),
                translate("PickTexts", "Put it back and take the product shown on the screen."),
            )
        case Reason.OVER_PICK:
            return (
                translate("PickTexts", "Too many: all {quantity} are picked already").format(
                    quantity=p.get("quantity", "")
                ),
                translate("PickTexts", "Put this one back on the shelf."),
            )
        case Reason.EXPIRED_ITEM:
            return (
                translate("PickTexts", "Expired on {expiry}").format(expiry=p.get("expiry", "")),
                translate(
                    "PickTexts", "Do not pick it: put it aside for a supervisor, take another."
                ),
            )
        case Reason.DUPLICATE_SERIAL:
            return (
                translate("PickTexts", "Serial {serial} was picked already").format(
                    serial=p.get("serial", "")
                ),
                translate("PickTexts", "Scan the label of the unit in your hand."),
            )
        case Reason.NOTHING_TO_SHORT:
            return (
                translate("PickTexts", "Nothing to report here"),
                translate(
                    "PickTexts", "Short, damaged and skip apply to the product being picked."
                ),
            )
    return None


def _receiving(reason: Reason, p: dict[str, str]) -> tuple[str, str] | None:
    """Refusals at the sort wall and the tote shelf (app.usecases.pick_receiving)."""
    match reason:
        case Reason.NOTHING_TO_SORT:
            return (
                translate("PickTexts", "No order waits for {name}").format(
                    name=p.get("name", p.get("sku", ""))
                ),
                translate(
                    "PickTexts",
                    "It is sorted already or was not picked. Put it aside for a supervisor.",
                ),
            )
        case Reason.UNKNOWN_TOTE:
            return (
                translate("PickTexts", "Tote {tote} was not filled by any pick run").format(
                    tote=p.get("tote", "")
                ),
                translate("PickTexts", "Check its label, or put it aside for a supervisor."),
            )
        case Reason.TOTE_STILL_PICKING:
            return (
                translate("PickTexts", "Tote {tote} is still being picked (run {run})").format(
                    tote=p.get("tote", ""), run=p.get("run", "")
                ),
                translate("PickTexts", "Bring it when its run is done."),
            )
    return None


def _kind(value: str) -> str:
    try:
        return code_kind_name(CodeKind(value))
    except ValueError:
        return value
