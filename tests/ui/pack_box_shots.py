"""Screenshots of the packing station's boxes in the real window (``./run shots``): the
suggested box drawn layer by layer while items are scanned, waiting for the scale, a weight
out of tolerance, a supervisor's reasons, the second box of a two-box order, and the
banner asking for box 1 to be relabelled when the rest ships short."""

from __future__ import annotations

import tempfile
from pathlib import Path

from sqlalchemy import select

from app.store.tables import Order, PrintJob
from tests.demo_orders import pick_order
from tests.ui.pack_rig import PackRig, pack_rig, wait_until


def take_pack_box_screenshots(
    out_dir: Path, size: tuple[int, int] = (1280, 800), greek: bool = False
) -> list[Path]:
    from tests.ui.shots import shooter, shot_run  # the same catalogue switch and camera

    with (
        tempfile.TemporaryDirectory() as tmp,
        shot_run(out_dir, greek) as (_, prefix, shots),
        pack_rig(Path(tmp)) as rig,
    ):
        rig.window.resize(*size)
        shot = shooter(rig.window, out_dir, prefix, shots)
        number, codes = pick_order(rig.store, min_lines=3, gift=False)
        rig.scan(number)
        for code in codes[:-1]:
            rig.scan(code)
        shot("60-pack-box-suggestion")
        rig.scan(codes[-1])
        shot("61-pack-scan-the-box")
        view = rig.view()
        assert view is not None and view.plan is not None
        rig.scan(f"BOX:{view.plan.box_code}")
        shot("62-pack-weigh")
        view = rig.view()
        assert view is not None and view.weigh is not None
        rig.put_on_scale(view.weigh.expected_g * 13 // 10 + 50)
        shot("63-pack-weight-out-of-tolerance")
        rig.scan("OP:OP-003")
        shot("64-pack-supervisor-reason")
        rig.scan("RSN:RECOUNTED")
        rig.lift_box()
        number, codes = pick_order(rig.store, min_lines=2, gift=False)
        rig.scan(number)
        rig.scan(codes[0])
        rig.scan("CMD:CLOSE-BOX")
        rig.scan("CMD:BOX-OK")
        view = rig.view()
        assert view is not None and view.weigh is not None
        rig.put_on_scale(view.weigh.expected_g)
        rig.scan(codes[1])
        shot("65-pack-second-box")
        rig.scan("CMD:SHORT")
        shot("66-pack-short-supervisor")
        for code in ("OP:OP-003", "RSN:NOT-FOUND", "CMD:BOX-OK"):
            rig.scan(code)
        view = rig.view()
        assert view is not None and view.weigh is not None
        rig.put_on_scale(view.weigh.expected_g)
        rig.lift_box()
        number, codes = pick_order(rig.store, min_lines=2, gift=False)
        for code in (number, codes[0], "CMD:CLOSE-BOX", "CMD:BOX-OK"):
            rig.scan(code)
        view = rig.view()
        assert view is not None and view.weigh is not None
        rig.put_on_scale(view.weigh.expected_g)
        wait_until(lambda: label_printed(rig, number), timeout_s=20)
        rig.lift_box()
        for code in ("CMD:SHORT", "OP:OP-003", "RSN:NOT-FOUND"):  # the rest is missing
            rig.scan(code)
        shot("67-pack-relabel")
    return shots


def label_printed(rig: PackRig, number: str) -> bool:
    """Box 1 of order ``number`` has its label on it."""
    with rig.store.sessions() as s:
        states = s.execute(
            select(PrintJob.status)
            .join(Order, Order.id == PrintJob.order_id)
            .where(Order.number == number, PrintJob.kind == "shipping_label")
        ).scalars()
        return "done" in set(states)
