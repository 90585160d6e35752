"""pack_touches_single_box_order: screen presses needed to pack a standard single-box order.

The real window, offscreen, with a serial scanner and an MT-SICS scale on ptys and folder
printers (tests.ui.pack_rig): for each of five demo orders, the order barcode, every
item, the suggested box's barcode, and the box put on the scale; then the documents print
and the next order's scan opens it. Every press on any widget is counted. The anchor is
the same flow's scans and wall time per order, so a figure of 0 is seen to have done the work.
"""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

from tests.bench.figures import Figure, median

ORDERS = 5


def run() -> list[Figure]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from app.usecases.results import Outcome, ScanResult
    from tests.demo_orders import pick_order
    from tests.ui.pack_rig import pack_rig, wait_until
    from ui.qt import QApplication

    app = QApplication.instance() or QApplication([])
    assert app is not None
    touches, scans, seconds = [], [], []
    with tempfile.TemporaryDirectory() as tmp, pack_rig(Path(tmp), orders=60) as rig:
        for _ in range(ORDERS):
            before = rig.touches.count
            number, codes = pick_order(rig.store, min_lines=1, gift=False)
            started = time.monotonic()
            rig.scan(number)
            for code in codes:
                rig.scan(code)
            view = rig.view()
            assert view is not None and view.plan is not None and view.weigh is None
            rig.scan(f"BOX:{view.plan.box_code}")
            view = rig.view()
            assert view is not None and view.weigh is not None
            done = rig.put_on_scale(view.weigh.expected_g + 6)
            assert isinstance(done, ScanResult) and done.outcome is Outcome.ORDER_PACKED, done
            wait_until(lambda n=number: n in rig.window.ready.last.text())
            seconds.append(time.monotonic() - started)
            rig.lift_box()
            touches.append(rig.touches.count - before)
            scans.append(len(codes) + 2)
    return [
        Figure(
            "pack_touches_single_box_order",
            float(max(touches)),
            "count",
            "= 0",
            f"{ORDERS} demo orders, {median(scans):.0f} scans each (median) and one "
            f"weighing, {median(seconds):.2f} s each end to end",
        )
    ]
