"""The boxes of the order being packed: which box, what it weighs, when it closes.

An open package closes when it is due (every unit of the order is in or approved short,
the packer asked to close it, or it holds exactly what its suggestion planned while more
boxes follow), its box is known, and its weight checks out. Whatever of that is missing is
the station's next step, so a standard order closes on scans and the scale alone.

Pending approvals (a supervisor's badge, then a reason) live in memory: nothing is
confirmed until the reason is scanned, and after a restart the packer asks again.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from sqlalchemy import Connection

from app.domain.check_weigh import accepted_range, check, expected_weight_g
from app.domain.pack_reasons import REASONS, Explains
from app.store import package_queries as pkq
from app.store import packing_queries as q
from app.usecases.pack_plan import boxes_total, plan_view, planned_units
from app.usecases.pack_settings import PackingSettings
from app.usecases.package_views import NextStep, PackageView, ReasonChoice, WeighView
from app.usecases.views import PackView

PendingKind = Literal["box_reason", "weight", "short", "damaged", "remove"]


@dataclass(slots=True)
class Pending:
    """An action the operator started and must finish by a scan (or tap)."""

    kind: PendingKind
    order_id: int
    box_code: str | None = None  # box_reason: the box scanned
    grams: int | None = None  # weight: the settled weight to accept
    supervisor: str | None = None  # weight/short: the supervisor who scanned their badge


@dataclass(frozen=True, slots=True)
class BoxState:
    """One read of the order's boxes, enough to decide the next step."""

    packages: list[Any]
    contents: list[Any]
    boxes: list[Any]
    lines: list[Any]

    @property
    def open(self) -> Any:
        return next((p for p in self.packages if p.status == "open"), None)

    def units_in(self, package_id: int) -> dict[int, int]:
        """Units per order line id in a package."""
        found: dict[int, int] = {}
        for c in self.contents:
            if c.package_id == package_id:
                found[c.order_line_id] = found.get(c.order_line_id, 0) + c.qty
        return found

    def product_units_in(self, package_id: int) -> dict[tuple[int, int], int]:
        """Units per (order line id, product id) in a package: a substitute apart."""
        found: dict[tuple[int, int], int] = {}
        for c in self.contents:
            if c.package_id == package_id:
                key = (c.order_line_id, c.product_id)
                found[key] = found.get(key, 0) + c.qty
        return found

    def items_weight_g(self, package_id: int) -> int:
        return sum(c.qty * c.weight_g for c in self.contents if c.package_id == package_id)

    @property
    def all_done(self) -> bool:
        return all(r.qty_packed + r.qty_short >= r.qty_ordered for r in self.lines)

    def box(self, box_type_id: int | None) -> Any:
        return next((b for b in self.boxes if b.id == box_type_id), None)


def read_state(conn: Connection, order_id: int, lines: Sequence[Any] | None = None) -> BoxState:
    return BoxState(
        packages=pkq.order_packages(conn, order_id),
        contents=pkq.order_contents(conn, order_id),
        boxes=pkq.all_box_types(conn),
        lines=list(lines) if lines is not None else q.order_lines(conn, order_id),
    )


@dataclass(slots=True)
class BoxFlow:
    """The station's box rules and what the operator has started but not finished."""

    settings: PackingSettings = field(default_factory=PackingSettings)
    pending: Pending | None = None
    measured: dict[int, int] = field(default_factory=dict)  # package id -> grams checked
    close_requested: set[int] = field(default_factory=set)  # package ids
    # The reading that closed the last box: while the scale has not settled anew, a scan
    # carrying it is the previous box still lying there, never the next one's weight.
    consumed: int | None = None

    def forget(self, order_id: int | None = None) -> None:
        """Drop what was started and not finished (the order left the station): a pending
        step, a requested close, a weighing; scanning it again starts from its boxes."""
        if self.pending is not None and (order_id is None or self.pending.order_id == order_id):
            self.pending = None
        self.close_requested.clear()
        self.measured.clear()

    # -- deciding ------------------------------------------------------------------------

    def is_due(self, state: BoxState, package: Any) -> bool:
        """Should ``package`` close now (given its box and weight)?"""
        units = state.units_in(package.id)
        if not units:
            return False
        if state.all_done or package.id in self.close_requested:
            return True
        if not (self.settings.require_box or self.settings.check_weigh):
            # Nothing would confirm the packer really closed it: close on request only.
            return False
        planned = planned_units(package.plan)
        if planned is None or boxes_total(package.plan) < 2:
            return False
        by_line = {r.id: r.line_no for r in state.lines}
        packed = {by_line[k]: v for k, v in units.items()}
        return packed == planned

    def box_of(self, state: BoxState, package: Any) -> Any:
        """The box the package is in: the one scanned, else the suggestion when the
        station takes suggestions as used (``require_box`` off)."""
        box = state.box(package.box_type_id)
        if box is None and not self.settings.require_box and package.suggested_box:
            box = next((b for b in state.boxes if b.code == package.suggested_box), None)
        return box

    def needs_box(self, state: BoxState, package: Any) -> bool:
        """No box known, and the station needs one (to confirm it, or to weigh against)."""
        settings = self.settings
        return self.box_of(state, package) is None and (
            settings.require_box or settings.check_weigh
        )

    def expected_g(self, state: BoxState, package: Any) -> int | None:
        box = self.box_of(state, package)
        if box is None:
            return None
        return expected_weight_g(state.items_weight_g(package.id), box.tare_g, box.dunnage_g)

    def step(self, state: BoxState) -> NextStep:
        pending = self.pending
        if pending is not None:
            if pending.kind == "box_reason":
                return NextStep.BOX_REASON
            if pending.kind in ("weight", "short"):
                return NextStep.REASON if pending.supervisor else NextStep.SUPERVISOR
            return NextStep.DAMAGED_ITEM if pending.kind == "damaged" else NextStep.REMOVE_ITEM
        package = state.open
        if package is None or not self.is_due(state, package):
            return NextStep.ITEMS
        if self.needs_box(state, package):
            return NextStep.BOX
        if self.settings.check_weigh:
            grams = self.measured.get(package.id)
            return NextStep.WEIGHT if grams is None else NextStep.RECOUNT
        return NextStep.ITEMS  # closes at once: nothing to wait for

    def weigh_view(self, state: BoxState) -> WeighView | None:
        package = state.open
        if package is None or not self.settings.check_weigh or not self.is_due(state, package):
            return None
        expected = self.expected_g(state, package)
        if expected is None:
            return None
        low, high = accepted_range(expected, self.settings.tolerance)
        return WeighView(expected, low, high, self.measured.get(package.id))

    def weight_ok(self, state: BoxState, package: Any, grams: int | None) -> bool:
        if not self.settings.check_weigh:
            return True
        expected = self.expected_g(state, package)
        if grams is None or expected is None:
            return False
        return check(expected, grams, self.settings.tolerance).ok

    def reasons(self, step: NextStep) -> tuple[ReasonChoice, ...]:
        if step is NextStep.BOX_REASON:
            what = Explains.BOX
        elif step is NextStep.REASON and self.pending is not None:
            what = Explains.WEIGHT if self.pending.kind == "weight" else Explains.SHORT
        else:
            return ()
        return tuple(ReasonChoice(code, text) for code, text in REASONS[what])

    # -- showing -------------------------------------------------------------------------

    def annotate(self, view: PackView, state: BoxState) -> PackView:
        """``view`` with the order's boxes, the suggestion and the next step."""
        open_package = state.open
        plan, problem = (None, None)
        if open_package is not None:
            plan, problem = plan_view(open_package.plan, state.boxes, state.lines)
        step = self.step(state)
        return replace(
            view,
            packages=tuple(self._package_view(state, p) for p in state.packages),
            plan=plan,
            plan_problem=problem,
            next_step=step,
            weigh=self.weigh_view(state),
            reasons=self.reasons(step),
            box_asked=self.pending.box_code
            if step is NextStep.BOX_REASON and self.pending
            else None,
        )

    def _package_view(self, state: BoxState, package: Any) -> PackageView:
        in_box: dict[tuple[str, str], int] = {}  # (sku, name) of what is in it, substitutes too
        for c in state.contents:
            if c.package_id == package.id:
                in_box[(c.sku, c.name)] = in_box.get((c.sku, c.name), 0) + c.qty
        contents = tuple((sku, name, qty) for (sku, name), qty in in_box.items())
        box = state.box(package.box_type_id)
        return PackageView(
            number=package.number,
            status=package.status,
            box_code=box.code if box is not None else None,
            suggested_box=package.suggested_box,
            contents=contents,
            expected_weight_g=package.expected_weight_g or self.expected_g(state, package),
            weight_g=package.weight_g,
            sscc=package.sscc,
            tracking_number=package.tracking_number,
        )
