"""Child process for the kill -9 test: packs open orders scan by scan, forever.

After each scan the use case has returned (so the scan is committed) it prints
``OK <order> <line_no> <units>`` and flushes: that line is the confirmation the parent counts.
"""

from __future__ import annotations

import sys
from pathlib import Path

from sqlalchemy import select

from app.context import StationContext
from app.scanning import RawScan
from app.store.open import open_store
from app.store.tables import Order, ProductBarcode
from app.usecases.pack_station import PackStation
from app.usecases.results import Outcome


def main(store_path: str) -> None:
    store = open_store(Path(store_path))
    station = PackStation(store.sessions, StationContext("PACK-CRASH", "OP-001"))
    station.ensure_station("crash test")
    with store.sessions() as s:
        gtin_by_sku = {
            b.product.sku: b.gtin14
            for b in s.execute(select(ProductBarcode).where(ProductBarcode.units == 1)).scalars()
        }
    while True:
        view = station.current()
        if view is None:
            with store.sessions() as s:
                number = (
                    s.execute(select(Order.number).where(Order.status == "open").order_by(Order.id))
                    .scalars()
                    .first()
                )
            if number is None:
                print("DONE", flush=True)
                return
            result = station.scan(RawScan(number, "crash"))
            assert result.outcome is Outcome.ORDER_OPENED, result
            print(f"OPEN {number}", flush=True)
            continue
        line = next(x for x in view.lines if x.qty_packed < x.qty_ordered)
        result = station.scan(RawScan(gtin_by_sku[line.sku][1:], "crash"))
        assert result.accepted, result
        print(f"OK {view.order_number} {line.line_no} 1", flush=True)


if __name__ == "__main__":
    main(sys.argv[1])
