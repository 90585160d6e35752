"""Test helpers for picking: a demo store with its floor, and a picker who follows the screen.

The demo store is built once per test session and copied for each test (seeding 120 demo
orders takes a second; a file copy takes milliseconds).
"""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select

from app.demo.seed import seed_floor_if_missing, seed_if_empty
from app.picking.guide import Step
from app.scanning import RawScan
from app.store.open import Store, open_store
from app.store.tables import Product, ProductBarcode
from app.usecases.pick_station import PickResult, PickWork
from app.usecases.pick_views import PickView

_TEMPLATES: dict[tuple[Path, int], Path] = {}


def demo_store(folder: Path, template_dir: Path, orders: int = 120) -> Store:
    """A fresh copy of the demo store (``orders`` demo orders and the demo floor)."""
    template = _TEMPLATES.get((template_dir, orders))
    if template is None or not template.exists():
        template = template_dir / f"demo-{orders}.sqlite3"
        template_dir.mkdir(parents=True, exist_ok=True)
        built = open_store(template)
        seed_if_empty(built.sessions, orders=orders)
        seed_floor_if_missing(built.sessions)
        built.close()
        with closing(sqlite3.connect(template)) as conn:  # everything into the main file
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        _TEMPLATES[(template_dir, orders)] = template
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / "station.sqlite3"
    shutil.copy(template, target)
    return open_store(target)


def barcodes(store: Store) -> dict[str, str]:
    """The first GTIN-14 of every product, by SKU."""
    with store.sessions() as session:
        rows = session.execute(
            select(Product.sku, ProductBarcode.gtin14, ProductBarcode.units)
            .join(ProductBarcode, ProductBarcode.product_id == Product.id)
            .order_by(ProductBarcode.id)
        )
        out: dict[str, str] = {}
        for sku, gtin, units in rows:
            if units == 1:
                out.setdefault(sku, gtin)
        return out


@dataclass
class Walk:
    """What a picker did on one run."""

    scans: int = 0
    refused: list[PickResult] = field(default_factory=list)
    results: list[PickResult] = field(default_factory=list)


def scan(work: PickWork, text: str) -> PickResult:
    return work.scan(RawScan(text, "manual"))


def follow(
    work: PickWork,
    gtins: dict[str, str],
    *,
    tote_prefix: str = "T",
    on_pick: Callable[[PickView], PickResult | None] | None = None,
    limit: int = 2000,
) -> Walk:
    """Do what the screen says until the run is done: bind totes, go, pick, put.

    ``on_pick`` may act instead of the plain item scan at a pick step (a short, a
    substitute, a damaged unit); returning None means "scan the item as usual".
    """
    walk = Walk()
    for _ in range(limit):
        view = work.current()
        if view is None:
            return walk
        result: PickResult | None = None
        if view.step is Step.BIND_TOTE:
            assert view.tote is not None
            result = scan(work, f"TOTE:{tote_prefix}-{view.run_key}-{view.tote.position}")
        elif view.step is Step.GO_TO:
            assert view.task is not None
            result = scan(work, f"LOC:{view.task.location}")
        elif view.step is Step.PICK:
            assert view.task is not None
            if on_pick is not None:
                result = on_pick(view)
            if result is None:
                result = scan(work, gtins[view.task.sku])
        elif view.step is Step.PUT:
            assert view.tote is not None
            result = scan(work, f"TOTE:{view.tote.code}")
        assert result is not None
        walk.scans += 1
        walk.results.append(result)
        if not result.accepted:
            walk.refused.append(result)
            raise AssertionError(f"refused while following the screen: {result}")
    raise AssertionError("the run did not finish")
