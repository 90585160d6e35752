"""Screenshots of the packing panels for boxes (``python -m tests.ui.pack_panel_shots [DIR]``).

The box picture, the check-weighing and the order's boxes with the reason buttons, fed
with hand-made views in a stand-in for the packing screen (the banner on top, the picture
beside the panels; stacked on a handheld): a 7-unit order in BOX-M in two layers with a
fragile glass, a second box going on the scale, a weight out of tolerance and the
supervisor's reasons, another box than suggested, an item no box fits and a box of nine
layers. At the kiosk's 1024x768 and a 480 px handheld, in English and in Greek.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from app.domain.pack_reasons import REASONS, Explains
from app.usecases.package_views import (
    LayerView,
    NextStep,
    PackageView,
    PlacedUnit,
    PlanProblem,
    PlanProblemKind,
    PlanView,
    ReasonChoice,
    WeighView,
)
from app.usecases.views import PackView
from ui.box_picture import BoxPicture
from ui.pack_texts import open_package, plan_problem_text, step_prompt
from ui.qt import QGridLayout, QResizeEvent, QVBoxLayout, QWidget, translate
from ui.screens.pack_panels import PackagesPanel, WeighPanel
from ui.screens.reason_buttons import ReasonButtons
from ui.theme import Metrics, apply_theme
from ui.touch import scrolling
from ui.widgets import Banner

SIZES = ((1024, 768), (480, 800))
NARROW_PX = 760

MUG = ("TS-000412", "Matte enamel coffee mug 350 ml, sage green")
GLASS = ("TS-001187", "Double-wall glass tumbler 350 ml")
GRINDER = ("TS-000954", "Adjustable beech spice grinder 15 cm")
TOWEL = ("TS-002210", "Linen tea towel, sand, set of two")


def _unit(item: tuple[str, str], x: int, y: int, dims: tuple[int, int, int]) -> PlacedUnit:
    return PlacedUnit(item[0], x, y, *dims, fragile=item is GLASS)


BOX_M_PLAN = PlanView(
    box_code="BOX-M",
    box_name="Medium 310x220x150",
    inner_mm=(310, 220, 150),
    units=((*MUG, 3), (*GLASS, 1), (*GRINDER, 1), (*TOWEL, 2)),
    layers=(
        LayerView(
            0,
            115,
            (
                _unit(MUG, 0, 0, (125, 95, 105)),
                _unit(MUG, 0, 95, (125, 95, 105)),
                _unit(MUG, 125, 0, (95, 125, 105)),
                _unit(GLASS, 125, 125, (90, 90, 115)),
                _unit(GRINDER, 230, 0, (70, 160, 70)),
            ),
        ),
        LayerView(
            115, 145, (_unit(TOWEL, 0, 0, (120, 100, 30)), _unit(TOWEL, 0, 105, (120, 100, 30)))
        ),
    ),
    boxes_total=1,
    utilisation=0.60,
)
CONTENTS = ((*MUG, 3), (*GLASS, 1), (*GRINDER, 1), (*TOWEL, 2))
OPEN_BOX = PackageView(1, "open", None, "BOX-M", CONTENTS, 980, None, None, None)
CLOSED_BOX = PackageView(
    1,
    "closed",
    "BOX-L",
    "BOX-L",
    (
        ("TS-000233", "Non-induction cast iron frying pan 28 cm", 1),
        ("TS-000871", "Stackable stainless steel mixing bowl 3.5 l", 2),
    ),
    2140,
    2180,
    "003456789012345674",
    "1Z999AA10123456784",
)
WEIGH = WeighView(expected_g=980, low_g=950, high_g=1010, measured_g=None)


def _reasons(what: Explains) -> tuple[ReasonChoice, ...]:
    return tuple(ReasonChoice(code, text) for code, text in REASONS[what])


def many_layers(count: int) -> PlanView:
    """Paperbacks in a tall box, one flat layer of four per 40 mm."""
    book = ("TS-003301", "Paperback notebook A5, dotted")
    layers = tuple(
        LayerView(
            40 * i,
            40 * (i + 1),
            tuple(PlacedUnit(book[0], x, y, 290, 190, 40) for x in (0, 300) for y in (0, 200)),
        )
        for i in range(count)
    )
    return PlanView(
        "BOX-XL", "Extra large 600x400x400", (600, 400, 400), ((*book, 4 * count),), layers, 1, 0.83
    )


def sample_views() -> dict[str, PackView]:
    """Shot name -> the packing view it shows."""
    base = PackView(
        order_number="WEB-104233",
        channel="web",
        status="packing",
        carrier="DHL",
        service="Parcel",
        ship_by=datetime(2026, 11, 26, 16, 0, tzinfo=UTC),
        ship_to_name="Eleni Georgiou",
        ship_to_place="54622 Thessaloniki, GR",
        special=(),
        special_code=None,
        replaces_order_number=None,
        gift_message=None,
        lines=(),
    )
    one = replace(base, packages=(OPEN_BOX,), plan=BOX_M_PLAN, next_step=NextStep.BOX)
    second = replace(OPEN_BOX, number=2, box_code="BOX-M")
    two_plan = replace(BOX_M_PLAN, boxes_total=2)
    two = replace(
        base, packages=(CLOSED_BOX, second), plan=two_plan, next_step=NextStep.WEIGHT, weigh=WEIGH
    )
    heavy = replace(WEIGH, measured_g=1240)
    other_box = replace(OPEN_BOX, box_code="BOX-L")
    books_plan = many_layers(9)
    books = replace(
        OPEN_BOX, suggested_box="BOX-XL", contents=books_plan.units, expected_weight_g=9450
    )
    return {
        "50-pack-box-plan": one,
        "51-pack-second-box-weigh": two,
        "52-pack-weight-out": replace(two, next_step=NextStep.RECOUNT, weigh=heavy),
        "53-pack-weight-reason": replace(
            two, next_step=NextStep.REASON, weigh=heavy, reasons=_reasons(Explains.WEIGHT)
        ),
        "54-pack-box-reason": replace(
            one,
            packages=(other_box,),
            next_step=NextStep.BOX_REASON,
            reasons=_reasons(Explains.BOX),
        ),
        "55-pack-no-fit": replace(
            base,
            packages=(replace(OPEN_BOX, contents=()),),
            plan_problem=PlanProblem(
                PlanProblemKind.TOO_LARGE,
                ("TS-004410 (620x400x50\u00a0mm, 2300\u00a0g)",),
                "No standard box fits TS-004410 (620x400x50\u00a0mm, 2300\u00a0g)",
            ),
            next_step=NextStep.ITEMS,
        ),
        "56-pack-many-layers": replace(base, packages=(books,), plan=books_plan),
    }


class PackPanelsDemo(QWidget):
    """A stand-in for the packing screen: the banner on top, then on a kiosk the scale's
    numbers across, the picture beside the boxes and the reasons across the bottom; on a
    handheld one scrolling column with what to do (scale, reasons) first."""

    def __init__(self, metrics: Metrics, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        root = QVBoxLayout(self)
        root.setContentsMargins(12, 12, 12, 12)
        self.banner = Banner(metrics.big_px, metrics.font_px)
        root.addWidget(self.banner)
        self.picture = BoxPicture(metrics)
        self.weigh = WeighPanel(metrics)
        self.packages = PackagesPanel(metrics)
        self.reasons = ReasonButtons(metrics)
        self.side = QWidget()
        column = QVBoxLayout(self.side)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.packages)
        column.addStretch(1)
        body = QWidget()
        self._grid = QGridLayout(body)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setSpacing(12)
        self._narrow: bool | None = None
        self._scroll = scrolling(body)
        root.addWidget(self._scroll, 1)

    def show_view(self, view: PackView) -> None:
        prompt = step_prompt(view) or (translate("MainWindow", "Scan the next item."), "")
        self.banner.show_message("prompt", *prompt)
        package = open_package(view)
        number = package.number if package is not None else None
        self.picture.show_plan(view.plan, plan_problem_text(view.plan_problem), number=number)
        self.weigh.show_weigh(view.weigh, view.next_step)
        self.packages.show_packages(view.packages)
        self.reasons.show_reasons(view.reasons)
        self._size_picture()

    def _size_picture(self) -> None:
        """On a handheld the column scrolls: the picture as tall as its layers need."""
        if self._narrow:
            width = self._scroll.viewport().width()
            self.picture.setMinimumHeight(max(self.picture.height_for(width), self.height() // 3))
        else:
            self.picture.setMinimumHeight(0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        narrow = self.width() < NARROW_PX
        if narrow == self._narrow:
            return
        self._narrow = narrow
        grid = self._grid
        for widget in (self.weigh, self.picture, self.side, self.reasons):
            grid.removeWidget(widget)
        for row in range(5):
            grid.setRowStretch(row, 0)
        if narrow:
            for row, widget in enumerate((self.weigh, self.reasons, self.picture, self.side)):
                grid.addWidget(widget, row, 0, 1, 2)
            grid.setColumnStretch(1, 0)
        else:
            grid.addWidget(self.weigh, 0, 0, 1, 2)
            grid.addWidget(self.picture, 1, 0)
            grid.addWidget(self.side, 1, 1)
            grid.addWidget(self.reasons, 2, 0, 1, 2)
            grid.setRowStretch(1, 1)
            grid.setColumnStretch(0, 3)
            grid.setColumnStretch(1, 2)
        self._size_picture()


def take_pack_panel_screenshots(
    out_dir: Path, size: tuple[int, int] = (1024, 768), greek: bool = False
) -> list[Path]:
    from tests.ui.shots import shooter, shot_run  # the same catalogue switch and camera

    with shot_run(out_dir, greek) as (app, prefix, shots):
        demo = PackPanelsDemo(apply_theme(app))
        demo.resize(*size)
        demo.show()
        shot = shooter(demo, out_dir, prefix, shots)
        for name, view in sample_views().items():
            demo.show_view(view)
            for _ in range(3):  # nested layouts settle one level per turn of the loop
                app.processEvents()
            shot(name)
        demo.close()
        demo.deleteLater()
    return shots


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "out/screens")
    for width, height in SIZES:
        for greek in (False, True):
            folder = target / f"{width}x{height}"
            for p in take_pack_panel_screenshots(folder, (width, height), greek):
                print(p)
