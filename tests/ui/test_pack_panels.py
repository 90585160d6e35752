"""The packing panels for boxes, as real widgets: the box picture, the boxes so far, the
scale's numbers and the reason buttons, in English and with the committed Greek catalogue."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest
from pytestqt.qtbot import QtBot

from app.usecases.package_views import (
    NextStep,
    PlanProblem,
    PlanProblemKind,
    PlanView,
    ReasonChoice,
)
from app.usecases.results import Outcome, ScanResult
from tests.ui.pack_panel_shots import (
    BOX_M_PLAN,
    CLOSED_BOX,
    OPEN_BOX,
    WEIGH,
    many_layers,
    sample_views,
)
from ui.box_picture import FRAGILE, BoxPicture
from ui.messages import outcome_feedback, units_to_go
from ui.pack_texts import gram_range, grams, plan_problem_text, reason_text, step_prompt
from ui.qt import QApplication, QColor, QImage, Qt
from ui.screens.pack_panels import OUT_OF_RANGE, ElidedLine, PackagesPanel, WeighPanel
from ui.screens.reason_buttons import ReasonButtons
from ui.theme import Metrics, apply_theme
from ui.translations import install_translations, kilograms
from ui.widgets import TONES

REASONS = (
    ReasonChoice("RECOUNTED", "Recounted: contents are right"),
    ReasonChoice("CATALOGUE", "Catalogue weight is wrong"),
    ReasonChoice("PACKAGING", "Extra packing material"),
)


@pytest.fixture
def metrics(qapp: QApplication) -> Metrics:
    return apply_theme(qapp)


@pytest.fixture
def greek(qapp: QApplication) -> Iterator[None]:
    translator = install_translations(qapp, "el")
    assert translator is not None, "resources/translations/tote_el.qm is missing"
    yield
    qapp.removeTranslator(translator)
    install_translations(qapp, "en")


def colours_in(image: QImage, step: int = 3) -> set[int]:
    """The RGB values found on a grid of pixels (exact fills, not antialiased edges)."""
    return {
        image.pixelColor(x, y).rgb()
        for x in range(0, image.width(), step)
        for y in range(0, image.height(), step)
    }


def painted(
    qtbot: QtBot,
    metrics: Metrics,
    plan: PlanView | None,
    problem: str | None = None,
    size: tuple[int, int] = (700, 520),
) -> tuple[BoxPicture, set[int]]:
    picture = BoxPicture(metrics)
    qtbot.addWidget(picture)
    picture.resize(*size)
    picture.show_plan(plan, problem, number=2)
    image = picture.grab().toImage()
    assert not image.isNull() and image.width() == size[0]
    return picture, colours_in(image)


@pytest.mark.parametrize("size", [(1000, 640), (440, 360)])
@pytest.mark.parametrize("layers", [1, 3, 9])
def test_the_picture_draws_every_sku_in_its_colour(
    qtbot: QtBot, metrics: Metrics, layers: int, size: tuple[int, int]
) -> None:
    plan = replace(BOX_M_PLAN, layers=BOX_M_PLAN.layers[:1]) if layers == 1 else many_layers(layers)
    picture, colours = painted(qtbot, metrics, plan, size=size)
    assert len(colours) > 10, "the picture is not blank"
    skus = {u.sku for layer in plan.layers for u in layer.units}
    for sku in skus:
        colour = picture.colour(sku)
        assert colour is not None and colour.rgb() in colours, sku
    if any(u.fragile for layer in plan.layers for u in layer.units):
        assert FRAGILE.rgb() in colours


def test_skus_of_one_box_never_share_a_colour(qtbot: QtBot, metrics: Metrics) -> None:
    picture, _ = painted(qtbot, metrics, BOX_M_PLAN)
    fills = [picture.colour(sku) for sku, _, _ in BOX_M_PLAN.units]
    assert len({c.rgb() for c in fills if c is not None}) == len(fills)


def test_the_problem_is_drawn_in_the_warning_colours(qtbot: QtBot, metrics: Metrics) -> None:
    problem = "No standard box fits: SKU-1 (620x400x50 mm)"
    picture, colours = painted(qtbot, metrics, None, problem)
    assert QColor(TONES["warn"][0]).rgb() in colours
    assert picture.problem == problem and picture.plan is None


def test_a_handheld_column_gives_more_layers_more_height(qtbot: QtBot, metrics: Metrics) -> None:
    picture = BoxPicture(metrics)
    qtbot.addWidget(picture)
    picture.show_plan(many_layers(2), None)
    two = picture.height_for(440)
    picture.show_plan(many_layers(9), None)
    assert picture.height_for(440) > two > metrics.touch_px * 3


def test_the_boxes_panel_lists_each_box_and_hides_a_lone_empty_one(
    qtbot: QtBot, metrics: Metrics
) -> None:
    panel = PackagesPanel(metrics)
    qtbot.addWidget(panel)
    panel.show_packages([replace(OPEN_BOX, contents=())])
    assert panel.isHidden()
    second = replace(OPEN_BOX, number=2, box_code="BOX-M")
    panel.show_packages([CLOSED_BOX, second])
    assert not panel.isHidden() and len(panel.cards) == 2
    assert panel.title(CLOSED_BOX) == (
        "Box 1 · BOX-L · closed · 2,180 g · SSCC …5674 · tracking 1Z99…6784"
    )
    assert panel.title(second) == "Box 2 · BOX-M · open · expected 980 g"
    assert panel.title(OPEN_BOX).startswith("Box 1 · suggested BOX-M · open")
    lines = [w.text() for w in panel.cards[1].findChildren(ElidedLine)]
    assert "TS-000412 × 3  Matte enamel coffee mug 350 ml, sage green" in lines
    assert panel.cards[1].styleSheet() != panel.cards[0].styleSheet()  # the open one stands out


def test_the_scale_panel_shows_the_numbers_and_the_verdict(qtbot: QtBot, metrics: Metrics) -> None:
    panel = WeighPanel(metrics)
    qtbot.addWidget(panel)
    panel.show_weigh(None, NextStep.ITEMS)
    assert panel.isHidden()
    panel.show_weigh(WEIGH, NextStep.WEIGHT)
    assert not panel.isHidden()
    assert (panel.expected.text(), panel.accepted.text()) == ("980 g", "950–1,010 g")
    assert panel.measured.text() == "waiting for the box"
    panel.show_weigh(replace(WEIGH, measured_g=1240), NextStep.RECOUNT)
    assert panel.measured.text() == "1,240 g"
    assert panel.verdict.text() == "✖ 230 g too heavy"
    assert OUT_OF_RANGE in panel.measured.styleSheet()
    panel.show_weigh(replace(WEIGH, measured_g=930), NextStep.RECOUNT)
    assert panel.verdict.text() == "✖ 20 g too light"
    panel.show_weigh(replace(WEIGH, measured_g=1000), NextStep.WEIGHT)
    assert panel.verdict.text() == "✔ in range"


def test_a_tapped_reason_sends_its_code_and_buttons_are_touch_sized(
    qtbot: QtBot, metrics: Metrics
) -> None:
    reasons = ReasonButtons(metrics)
    qtbot.addWidget(reasons)
    reasons.show_reasons(())
    assert reasons.isHidden()
    reasons.show_reasons(REASONS)
    reasons.resize(440, 600)
    reasons.show()
    qtbot.waitExposed(reasons)
    assert [b.scan_code for b in reasons.buttons] == [
        "RSN:RECOUNTED",
        "RSN:CATALOGUE",
        "RSN:PACKAGING",
    ]
    for button in reasons.buttons:
        assert button.height() >= metrics.touch_px
        assert button.width() >= metrics.touch_px
        assert button.focusPolicy() == Qt.FocusPolicy.NoFocus
    with qtbot.waitSignal(reasons.chosen) as blocker:
        qtbot.mouseClick(reasons.buttons[1], Qt.MouseButton.LeftButton)
    assert blocker.args == ["CATALOGUE"]


def test_the_banner_says_what_each_step_waits_for() -> None:
    views = sample_views()
    assert step_prompt(views["50-pack-box-plan"]) == (
        "All items in: scan the box",
        "Scan BOX:BOX-M, or CMD:BOX-OK to take the suggestion",
    )
    assert step_prompt(views["51-pack-second-box-weigh"]) == (
        "Put box 2 on the scale",
        "Expected 980 g (950–1,010 g)",
    )
    assert step_prompt(views["52-pack-weight-out"]) == (
        "Weight 1,240 g is out of range 950–1,010 g",
        "Recount the items. A supervisor can accept: badge, then reason",
    )
    assert step_prompt(views["54-pack-box-reason"]) == (
        "Why box BOX-L instead of BOX-M?",
        "Scan or tap a reason",
    )
    base = views["50-pack-box-plan"]
    assert step_prompt(replace(base, next_step=NextStep.SUPERVISOR)) == (
        "A supervisor must approve",
        "Supervisor: scan your badge",
    )
    assert step_prompt(replace(base, next_step=NextStep.REASON)) == ("Scan or tap a reason", "")
    damaged = step_prompt(replace(base, next_step=NextStep.DAMAGED_ITEM))
    assert damaged is not None and damaged[0] == "Scan the damaged item"
    assert step_prompt(replace(base, next_step=NextStep.ITEMS)) is None


def test_reasons_are_worded_by_code_with_the_use_case_text_as_fallback() -> None:
    assert reason_text("NO-FIT", "x") == "Items do not fit the suggested box"
    assert reason_text("NEW-CODE", "Something new") == "Something new"


@pytest.mark.usefixtures("greek")
def test_greek_texts_come_from_the_committed_catalogue(qtbot: QtBot, metrics: Metrics) -> None:
    assert reason_text("NO-FIT", "x") == "Τα είδη δεν χωρούν στο προτεινόμενο κουτί"
    weigh = WeighPanel(metrics)
    qtbot.addWidget(weigh)
    weigh.show_weigh(replace(WEIGH, measured_g=1240), NextStep.RECOUNT)
    assert weigh.verdict.text() == "✖ 230 g πιο βαρύ"
    panel = PackagesPanel(metrics)
    qtbot.addWidget(panel)
    assert panel.title(CLOSED_BOX).startswith("Κουτί 1 · BOX-L · κλειστό")
    reasons = ReasonButtons(metrics)
    qtbot.addWidget(reasons)
    reasons.show_reasons(REASONS)
    assert reasons.buttons[0].text() == "Ξαναμετρήθηκε: το περιεχόμενο είναι σωστό"
    prompt = step_prompt(sample_views()["51-pack-second-box-weigh"])
    assert prompt == ("Βάλτε το κουτί 2 στη ζυγαριά", "Αναμενόμενο 980 g (950–1.010 g)")
    picture, colours = painted(qtbot, metrics, BOX_M_PLAN)
    assert picture.tr("fragile") == "εύθραυστο" and FRAGILE.rgb() in colours


TOO_LARGE = PlanProblem(
    PlanProblemKind.TOO_LARGE, ("TS-1 (900x50x50 mm, 800 g)",), "No standard box fits TS-1"
)


def test_a_plan_problem_is_worded_by_kind_with_its_items_and_what_to_do() -> None:
    assert plan_problem_text(None) is None
    assert plan_problem_text(TOO_LARGE) == (
        "No standard box fits TS-1 (900x50x50 mm, 800 g). Choose a box yourself and scan it."
    )
    unsized = plan_problem_text(PlanProblem(PlanProblemKind.UNSIZED, ("A", "B"), "x"))
    assert unsized is not None and unsized.startswith(
        "The catalogue has no size or weight for A, B."
    )
    # A problem stored by another version is shown as it was stored.
    assert plan_problem_text(PlanProblem(PlanProblemKind.OTHER, (), "Stored text")) == "Stored text"


def test_units_to_go_say_one_unit_in_the_singular() -> None:
    assert (units_to_go(1), units_to_go(3)) == ("1 unit to go", "3 units to go")


@pytest.mark.usefixtures("greek")
def test_greek_words_the_plan_problem_and_the_units_left() -> None:
    assert plan_problem_text(TOO_LARGE) == (
        "Κανένα τυπικό κουτί δεν χωράει TS-1 (900x50x50 mm, 800 g). "
        "Διαλέξτε εσείς κουτί και σαρώστε το."
    )
    assert (units_to_go(1), units_to_go(2)) == ("Απομένει 1 τεμάχιο", "Απομένουν 2 τεμάχια")


def relabelled(relabel: str, boxes: int) -> ScanResult:
    view = sample_views()["50-pack-box-plan"]
    params = {"package": boxes, "relabel": relabel, "boxes": boxes}
    return ScanResult(Outcome.ORDER_PACKED, view, params=params)


def test_a_packed_order_with_labels_printed_again_says_which_boxes_to_relabel() -> None:
    one = outcome_feedback(relabelled("1", 1))
    assert one.tone == "warn" and one.headline.endswith("packed: it ships in 1 box")
    assert one.action.startswith("A new label prints for box 1: stick it over the old one")
    two = outcome_feedback(relabelled("1, 2", 3))
    assert two.headline.endswith("packed: it ships in 3 boxes")
    assert two.action.startswith("New labels print for boxes 1, 2: stick each over")
    plain = outcome_feedback(ScanResult(Outcome.ORDER_PACKED, relabelled("1", 1).view))
    assert plain.tone == "done"


@pytest.mark.usefixtures("greek")
def test_greek_says_which_boxes_to_relabel() -> None:
    feedback = outcome_feedback(relabelled("1", 1))
    assert feedback.headline.endswith("συσκευάστηκε: αποστέλλεται σε 1 κουτί")
    assert feedback.action.startswith("Τυπώνεται νέα ετικέτα για το κουτί 1")


def test_weights_are_grouped_and_pointed_the_english_way() -> None:
    assert (grams(1240), gram_range(950, 1010), kilograms(12403)) == (
        "1,240 g",
        "950–1,010 g",
        "12.403",
    )


@pytest.mark.usefixtures("greek")
def test_weights_are_grouped_and_pointed_the_greek_way() -> None:
    """1,240 g would read as 1.24 g to a Greek packer."""
    assert (grams(1240), kilograms(12403)) == ("1.240 g", "12,403")
