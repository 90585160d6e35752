"""A document child whose renderer dies (os._exit) on one order, for the poison-job test."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from app.context import StationContext
from app.domain.documents import PackingSlip
from app.store.open import open_store
from app.usecases.documents import DocumentService
from ui.document_process import serve


class DyingRenderer:
    def __init__(self, poison: str) -> None:
        self.poison = poison

    def render_packing_slip(self, slip: PackingSlip, target: Path) -> None:
        if slip.order_number == self.poison:
            os._exit(70)  # a hard crash inside the renderer, like a segfault in Qt
        target.write_text(f"slip {slip.order_number}", encoding="utf-8")


def worker(conn: Any, store_path: Path, out: Path, ctx: StationContext, poison: str) -> None:
    store = open_store(store_path)
    serve(conn, DocumentService(store.sessions, ctx, DyingRenderer(poison), out, reads=store.reads))
