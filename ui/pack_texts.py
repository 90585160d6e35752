"""Words for packing into boxes: the reasons a packer or supervisor may give, and what the
banner says at each step once every item is scanned.

The use cases hand over codes and plain views (``app.usecases.package_views``); this module
only words them. Strings are literals inside ``translate()`` so ``pyside6-lupdate``
collects them (see docs/architecture.md).
"""

from __future__ import annotations

from app.usecases.package_views import NextStep, PackageView, PlanProblem, PlanProblemKind
from app.usecases.views import PackView
from ui.qt import translate
from ui.translations import number


def grams(value: int) -> str:
    """A weight as the screen shows it: "1,240 g" (Greek "1.240 g")."""
    return translate("PackTexts", "{grams} g").format(grams=number(value))


def gram_range(low: int, high: int) -> str:
    """An accepted weight range: "950–1,010 g"."""
    return translate("PackTexts", "{low}–{high} g").format(low=number(low), high=number(high))


def plan_problem_text(problem: PlanProblem | None) -> str | None:
    """Why no box is suggested, in the station's language, and what to do about it."""
    if problem is None:
        return None
    items = ", ".join(problem.items)
    match problem.kind:
        case PlanProblemKind.TOO_LARGE:
            return translate(
                "PackTexts", "No standard box fits {items}. Choose a box yourself and scan it."
            ).format(items=items)
        case PlanProblemKind.UNSIZED:
            return translate(
                "PackTexts",
                "The catalogue has no size or weight for {items}. "
                "Choose a box yourself and scan it.",
            ).format(items=items)
        case PlanProblemKind.NO_BOX_TYPES:
            return translate(
                "PackTexts", "This station has no box types. Ask a supervisor to set them up."
            )
        case PlanProblemKind.NOTHING_TO_PACK:
            return translate("PackTexts", "Every unit left is already in a closed box.")
    return problem.text


def reason_text(code: str, fallback: str) -> str:
    """A reason (``RSN:<code>``) in the station's language; ``fallback`` (the use case's
    English) for a code this version does not know."""
    texts = {
        "NO-FIT": translate("PackTexts", "Items do not fit the suggested box"),
        "BOX-OUT": translate("PackTexts", "Suggested box out of stock"),
        "PROTECT": translate("PackTexts", "Needs more protection"),
        "CUSTOMER": translate("PackTexts", "Customer request"),
        "RECOUNTED": translate("PackTexts", "Recounted: contents are right"),
        "CATALOGUE": translate("PackTexts", "Catalogue weight is wrong"),
        "PACKAGING": translate("PackTexts", "Extra packing material"),
        "NOT-FOUND": translate("PackTexts", "Item not found"),
        "DAMAGED": translate("PackTexts", "Item damaged, no replacement"),
    }
    return texts.get(code, fallback)


def open_package(view: PackView) -> PackageView | None:
    """The box being packed: the open one, else the latest (it may be on the scale)."""
    opened = [p for p in view.packages if p.status == "open"]
    if opened:
        return opened[-1]
    return view.packages[-1] if view.packages else None


def step_prompt(view: PackView) -> tuple[str, str] | None:
    """(headline, action) for the banner while the station waits for something other than
    the next item; None while items are still to be scanned (the scan messages say it)."""
    package = open_package(view)
    number = package.number if package is not None else 1
    weigh = view.weigh
    match view.next_step:
        case NextStep.BOX:
            headline = translate("PackTexts", "All items in: scan the box")
            if view.plan is None:
                return headline, translate("PackTexts", "Scan the box you used (BOX:…)")
            return headline, translate(
                "PackTexts", "Scan BOX:{box}, or CMD:BOX-OK to take the suggestion"
            ).format(box=view.plan.box_code)
        case NextStep.WEIGHT:
            headline = translate("PackTexts", "Put box {number} on the scale").format(number=number)
            if weigh is None:
                return headline, ""
            return headline, translate("PackTexts", "Expected {expected} ({range})").format(
                expected=grams(weigh.expected_g), range=gram_range(weigh.low_g, weigh.high_g)
            )
        case NextStep.RECOUNT:
            action = translate(
                "PackTexts", "Recount the items. A supervisor can accept: badge, then reason"
            )
            if weigh is None or weigh.measured_g is None:
                return translate("PackTexts", "The weight is out of range"), action
            return translate("PackTexts", "Weight {weight} is out of range {range}").format(
                weight=grams(weigh.measured_g), range=gram_range(weigh.low_g, weigh.high_g)
            ), action
        case NextStep.SUPERVISOR:
            return (
                translate("PackTexts", "A supervisor must approve"),
                translate("PackTexts", "Supervisor: scan your badge"),
            )
        case NextStep.REASON:
            return translate("PackTexts", "Scan or tap a reason"), ""
        case NextStep.BOX_REASON:
            return _box_reason_headline(view, package), translate(
                "PackTexts", "Scan or tap a reason"
            )
        case NextStep.REMOVE_ITEM:
            return (
                translate("PackTexts", "Scan the unit to take out of the box"),
                translate("PackTexts", "Then scan it into the box it goes in"),
            )
        case NextStep.DAMAGED_ITEM:
            return (
                translate("PackTexts", "Scan the damaged item"),
                translate(
                    "PackTexts",
                    "It comes out of the box; then scan a good one or press Missing item",
                ),
            )
    return None


def _box_reason_headline(view: PackView, package: PackageView | None) -> str:
    used = view.box_asked or (package.box_code if package is not None else None)
    suggested = package.suggested_box if package is not None else None
    suggested = suggested or (view.plan.box_code if view.plan is not None else None)
    if used and suggested:
        return translate("PackTexts", "Why box {used} instead of {suggested}?").format(
            used=used, suggested=suggested
        )
    return translate("PackTexts", "Why another box than the suggested one?")
