"""Demo orders packed end to end through the real window, a serial scanner on a pty, an
MT-SICS scale on a pty and folder printers: the standard order without a single touch, a
gift order, a weight out of tolerance accepted by a supervisor, and an order in two boxes.
"""

from __future__ import annotations

import io
import time
from pathlib import Path

import pytest
from PIL import Image
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.store.tables import Order, Package, PrintJob
from app.usecases.package_views import NextStep
from app.usecases.results import Outcome, ScanResult
from tests.demo_orders import pick_order
from tests.ui.pack_rig import PackRig, pack_rig, wait_until
from ui.qt import Qt


def expected_weight(rig: PackRig) -> int:
    view = rig.view()
    assert view is not None and view.weigh is not None
    return view.weigh.expected_g


def pack_by_scans(rig: PackRig, number: str, codes: list[str], drift_g: int = 8) -> ScanResult:
    """Order, items, the suggested box's barcode, the box on the scale."""
    rig.scan(number)
    for code in codes:
        rig.scan(code)
    view = rig.view()
    assert view is not None and view.plan is not None
    rig.scan(f"BOX:{view.plan.box_code}")
    result = rig.put_on_scale(expected_weight(rig) + drift_g)
    assert isinstance(result, ScanResult)
    return result


def jobs(rig: PackRig, number: str) -> list[tuple[str, str]]:
    with rig.store.sessions() as s:
        order_id = s.execute(select(Order.id).where(Order.number == number)).scalar_one()
        rows = s.execute(
            select(PrintJob.kind, PrintJob.status)
            .where(PrintJob.order_id == order_id)
            .order_by(PrintJob.id)
        )
        return [(k, st) for k, st in rows]


def boxed_and_waiting_for_the_scale(rig: PackRig) -> tuple[str, list[str], int]:
    """A one-line demo order scanned into its suggested box: (number, codes, the weight
    the box should have on the scale)."""
    number, codes = pick_order(rig.store, min_lines=1, gift=False)
    rig.scan(number)
    for code in codes:
        rig.scan(code)
    rig.scan("CMD:BOX-OK")
    return number, codes, expected_weight(rig)


def first_item_closed_alone(rig: PackRig) -> tuple[str, list[str]]:
    """A demo order of two lines or more, its first item closed alone in box 1 (weighed
    right): (number, codes)."""
    number, codes = pick_order(rig.store, min_lines=2, gift=False)
    for code in (number, codes[0], "CMD:CLOSE-BOX", "CMD:BOX-OK"):
        rig.scan(code)
    first = rig.put_on_scale(expected_weight(rig))
    assert isinstance(first, ScanResult) and first.outcome is Outcome.PACKAGE_CLOSED
    return number, codes


def test_a_standard_order_is_packed_by_scans_and_the_scale_without_a_touch(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """GIVEN a single-box demo order WHEN the order, its items and the suggested box are
    scanned and the box settles on the scale THEN it is packed, its slip and label print,
    and the next order opens by its scan: zero presses on the screen."""
    with pack_rig(tmp_path) as rig:
        number, codes = pick_order(rig.store, min_lines=2, gift=False)
        done = pack_by_scans(rig, number, codes)
        assert done.outcome is Outcome.ORDER_PACKED
        wait_until(lambda: all(st == "done" for _, st in jobs(rig, number)), timeout_s=20)
        assert [k for k, _ in jobs(rig, number)] == ["packing_slip", "shipping_label"]
        with rig.store.sessions() as s:
            box = s.execute(select(Package)).scalars().one()
        assert box.tracking_number and box.weight_g and box.box_type_id
        assert label_codes(rig, number) == {"]C1": f"(00){box.sscc}", "]C0": box.tracking_number}
        rig.lift_box()
        following, _ = pick_order(rig.store, min_lines=1, gift=False)
        rig.scan(following)
        assert rig.window.pack.order_number.text() == following
        assert rig.touches.count == 0


def label_codes(rig: PackRig, number: str) -> dict[str, str]:
    """The barcodes on the order's shipping label file, read back as a scanner reads them:
    the label's ZPL drawn at 203 dpi, then decoded (symbology identifier -> text)."""
    zplkit = pytest.importorskip("zplkit", reason="zplkit draws ZPL to check the label")
    zxingcpp = pytest.importorskip("zxingcpp", reason="zxing-cpp reads the barcodes back")
    [path] = rig.output.glob(f"{number}-shipping-label-1*")
    document = zplkit.render(path.read_bytes(), zplkit.Options(dpi=203))
    image = Image.open(io.BytesIO(document.labels[0].png())).convert("L")
    formats = zxingcpp.BarcodeFormat.Code128
    return {b.symbology_identifier: b.text for b in zxingcpp.read_barcodes(image, formats=formats)}


def test_a_gift_order_prints_its_gift_note(qtbot: QtBot, tmp_path: Path) -> None:
    with pack_rig(tmp_path) as rig:
        number, codes = pick_order(rig.store, min_lines=1, gift=True)
        rig.scan(number)
        assert any(b.property("special") == "gift" for b in rig.window.pack.badges)
        for code in codes:
            rig.scan(code)
        view = rig.view()
        assert view is not None and view.plan is not None
        rig.scan("CMD:BOX-OK")
        done = rig.put_on_scale(expected_weight(rig))
        assert isinstance(done, ScanResult) and done.outcome is Outcome.ORDER_PACKED
        wait_until(lambda: all(st == "done" for _, st in jobs(rig, number)), timeout_s=20)
        assert [k for k, _ in jobs(rig, number)] == ["packing_slip", "shipping_label", "gift_note"]


def test_a_weight_out_of_tolerance_waits_for_a_supervisor_and_a_tapped_reason(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """GIVEN a box a fifth too heavy on the scale THEN the banner names the weight and range
    and nothing closes; the supervisor's badge and a tapped reason accept it."""
    with pack_rig(tmp_path) as rig:
        number, codes = pick_order(rig.store, min_lines=1, gift=False)
        rig.scan(number)
        for code in codes:
            rig.scan(code)
        rig.scan("CMD:BOX-OK")
        heavy = rig.put_on_scale(expected_weight(rig) * 12 // 10 + 100)
        assert isinstance(heavy, ScanResult)
        assert heavy.outcome is Outcome.WEIGHT_OUT_OF_RANGE
        assert rig.window.banner.tone == "error"
        assert "weighs" in rig.window.banner.text()
        assert rig.window.pack.weigh.isVisible()
        rig.scan("OP:OP-003")  # James Whitfield, supervisor in the demo
        view = rig.view()
        assert view is not None and view.next_step is NextStep.REASON
        buttons = rig.window.pack.reasons.buttons
        assert buttons and all(b.height() >= rig.window.pack._row_height * 0.7 for b in buttons)
        handled: list[object] = []
        rig.window.scan_handled.connect(handled.append)
        qtbot.mouseClick(buttons[0], Qt.MouseButton.LeftButton)
        wait_until(lambda: bool(handled))
        assert isinstance(handled[0], ScanResult)
        assert handled[0].outcome is Outcome.ORDER_PACKED
        with rig.store.sessions() as s:
            box = s.execute(select(Package)).scalars().one()
        assert (box.weight_accepted_by, box.weight_reason) == ("OP-003", "RECOUNTED")
        assert rig.touches.count == 1


def test_an_order_in_two_boxes_closes_and_labels_each_box(qtbot: QtBot, tmp_path: Path) -> None:
    with pack_rig(tmp_path) as rig:
        number, codes = first_item_closed_alone(rig)
        rig.lift_box()
        for code in codes[1:]:
            rig.scan(code)
        rig.scan("CMD:BOX-OK")
        done = rig.put_on_scale(expected_weight(rig) + 5)
        assert isinstance(done, ScanResult) and done.outcome is Outcome.ORDER_PACKED
        wait_until(lambda: all(st == "done" for _, st in jobs(rig, number)), timeout_s=20)
        kinds = [k for k, _ in jobs(rig, number)]
        assert kinds == ["shipping_label", "packing_slip", "shipping_label"]


def test_a_scale_unplugged_mid_order_keeps_the_box_waiting_until_it_is_back(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """GIVEN the box scanned and the scale's cable pulled THEN nothing closes and the box
    waits (nothing lost); plugged back in, the settled weight closes it."""
    with pack_rig(tmp_path) as rig:
        _, _, grams = boxed_and_waiting_for_the_scale(rig)
        rig.scale.unplug()
        wait_until(lambda: "scale" in rig.window.banner.text().lower())  # the alarm
        rig.scale.set_weight(grams)  # the box goes on a scale the kiosk cannot hear
        deadline = time.monotonic() + 0.5
        wait_until(lambda: time.monotonic() > deadline)
        view = rig.view()
        assert view is not None and view.next_step is NextStep.WEIGHT
        assert rig.window.pack.weigh.isVisible()
        used: list[object] = []
        rig.window.weight_handled.connect(used.append)
        rig.scale.plug()
        wait_until(lambda: bool(used))
        done = used[0]
        assert isinstance(done, ScanResult) and done.outcome is Outcome.ORDER_PACKED


def test_a_missing_item_ships_short_with_a_supervisor_and_the_slip_says_so(
    qtbot: QtBot, tmp_path: Path
) -> None:
    pypdf = pytest.importorskip("pypdf", reason="pypdf reads the slip back")
    with pack_rig(tmp_path) as rig:
        number, codes = pick_order(rig.store, min_lines=2, gift=False)
        rig.scan(number)
        for code in codes[:-1]:
            rig.scan(code)
        for code in ("CMD:SHORT", "OP:OP-003", "RSN:NOT-FOUND", "CMD:BOX-OK"):
            rig.scan(code)
        done = rig.put_on_scale(expected_weight(rig))
        assert isinstance(done, ScanResult) and done.outcome is Outcome.ORDER_PACKED
        wait_until(lambda: all(st == "done" for _, st in jobs(rig, number)), timeout_s=20)
        [slip] = rig.output.glob(f"{number}*slip*.pdf")
        text = " ".join(page.extract_text() for page in pypdf.PdfReader(slip).pages)
        assert "1 not shipped" in " ".join(text.split())


def test_an_order_cancelled_at_the_office_mid_pack_stops_and_the_box_closes_never(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """GIVEN items in the box and the box scanned WHEN the office cancels the order (the
    change applied as the sync engine applies it) THEN the box on the scale closes nothing,
    the next scan says to stop and put the items back, and CMD:ASIDE clears the screen."""
    from app.context import StationContext
    from app.usecases.central_changes import apply_page
    from tests.sync.docs import order as order_doc
    from tests.sync.docs import orders_page

    with pack_rig(tmp_path) as rig:
        number, codes, grams = boxed_and_waiting_for_the_scale(rig)
        with rig.store.sessions() as s:
            row = s.execute(select(Order).where(Order.number == number)).scalar_one()
            lines = [(line.product.sku, line.qty_ordered) for line in row.lines]
        cancelled = order_doc(number, lines, version=2, status="cancelled")
        with rig.store.engine.begin() as conn:
            ctx = StationContext("PACK-UI", "OP-001")
            report = apply_page(conn, orders_page(cancelled), "c1", ctx, row.ship_by)
        assert report.stopped == [number]
        rig.scale.set_weight(grams)
        deadline = time.monotonic() + 0.5
        wait_until(lambda: time.monotonic() > deadline)
        rig.scan(codes[0])
        assert rig.window.banner.tone == "error" and "cancelled" in rig.window.banner.headline
        rig.scan("CMD:ASIDE")
        assert rig.window.stack.currentWidget() is rig.window.ready
        with rig.store.sessions() as s:
            assert s.execute(select(Package.status)).scalars().all() == ["open"]
        assert jobs(rig, number) == []


def test_a_label_already_on_a_box_prints_again_when_the_order_ships_in_fewer_boxes(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """Box 1 is closed and labelled "PKG 1 OF 2"; the rest is missing and ships short. The
    order goes out in one box, so box 1's label prints again as "PKG 1 OF 1" with the same
    SSCC, and the banner tells the packer to stick it over the old one."""
    with pack_rig(tmp_path) as rig:
        number, _ = first_item_closed_alone(rig)
        wait_until(lambda: jobs(rig, number) == [("shipping_label", "done")], timeout_s=20)
        [old] = rig.output.glob(f"{number}-shipping-label-1.*")
        assert b"PKG 1 OF 2" in old.read_bytes()
        rig.lift_box()
        for code in ("CMD:SHORT", "OP:OP-003", "RSN:NOT-FOUND"):
            rig.scan(code)
        assert "it ships in 1 box" in rig.window.banner.text()
        assert "new label prints for box 1" in rig.window.banner.text()
        wait_until(lambda: all(st == "done" for _, st in jobs(rig, number)), timeout_s=20)
        assert [k for k, _ in jobs(rig, number)] == [
            "shipping_label",
            "packing_slip",
            "shipping_label",
        ]
        [new] = rig.output.glob(f"{number}-shipping-label-1-copy2.*")
        assert b"PKG 1 OF 1" in new.read_bytes()
        with rig.store.sessions() as s:
            sscc = s.execute(select(Package.sscc)).scalar_one()
        assert sscc is not None and sscc.encode() in new.read_bytes()
        assert sscc.encode() in old.read_bytes()
