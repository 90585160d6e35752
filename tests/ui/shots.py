"""Screenshots of every kiosk screen, for people to look at (``./run shots [DIR]``).

Writes PNGs of the ready screen, a normal order mid-pack, a refused scan, a gift/VIP order
with Greek text, and the finished state, from a fresh demo store.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import select

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from app.demo.seed import seed_if_empty
from app.store.open import open_store
from app.store.tables import Order, ProductBarcode
from tests.ui.kiosk import build_window, uninstall, wedge_scan
from ui.qt import QApplication


def _units(session, order: Order) -> list[str]:  # type: ignore[no-untyped-def]
    codes = []
    for line in order.lines:
        gtin = session.execute(
            select(ProductBarcode.gtin14).where(
                ProductBarcode.product_id == line.product_id, ProductBarcode.units == 1
            )
        ).scalar()
        codes += [gtin.lstrip("0").zfill(13)] * line.qty_ordered
    return codes


def take_screenshots(out_dir: Path, size: tuple[int, int] = (1280, 800)) -> list[Path]:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    out_dir.mkdir(parents=True, exist_ok=True)
    shots: list[Path] = []
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(Path(tmp) / "station.sqlite3")
        seed_if_empty(store.sessions)
        window, _ = build_window(store, Path(tmp) / "out")
        window.resize(*size)

        def shot(name: str) -> None:
            app.processEvents()
            path = out_dir / f"{name}.png"
            window.grab().save(str(path))
            shots.append(path)

        with store.sessions() as s:
            orders = s.execute(select(Order).order_by(Order.id)).scalars().all()
            big = next(o for o in orders if len(o.lines) >= 8 and not (o.gift or o.vip))
            special = (
                next(o for o in orders if o.gift and (o.vip or o.replacement))
                if any(o.gift and (o.vip or o.replacement) for o in orders)
                else next(o for o in orders if o.gift)
            )
            greek = next(o for o in orders if o.ship_country == "GR" and o is not big)
            big_codes, greek_codes = _units(s, big), _units(s, greek)
            big_number, special_number, greek_number = big.number, special.number, greek.number
        shot("01-ready")
        wedge_scan(window, big_number)
        for code in big_codes[:3]:
            wedge_scan(window, code)
        shot("02-packing")
        wedge_scan(window, "4006381333931")
        shot("03-refused-scan")
        window.aside_button.click()
        wedge_scan(window, special_number)
        shot("04-special-order")
        window.aside_button.click()
        wedge_scan(window, greek_number)
        for code in greek_codes[:-1]:
            wedge_scan(window, code)
        printed: list[object] = []
        window.documents_done.connect(printed.append)
        wedge_scan(window, greek_codes[-1])
        deadline = time.monotonic() + 30
        while not printed and time.monotonic() < deadline:
            app.processEvents()
            time.sleep(0.01)
        shot("05-order-packed")
        uninstall(window)
        store.close()
    return shots


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "out/screens")
    sizes = [(1280, 800), (1024, 768), (1920, 1080)]
    for width, height in sizes:
        for p in take_screenshots(target / f"{width}x{height}", (width, height)):
            print(p)
