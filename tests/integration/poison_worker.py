"""A document child whose renderer dies (os._exit) on one order, for the poison-job test.

Everything else is real: the store, the print-job rules, the gateway and folder printers.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from app.context import StationContext
from app.domain.labels import Document
from app.station_devices import Language, PrinterSettings, default_devices
from app.store.open import open_store
from app.usecases.documents import DocumentService
from devices.printer_gateway import PrinterGateway
from ui.document_process import serve


class DyingRenderer:
    def __init__(self, poison: str) -> None:
        self.poison = poison

    def render(self, document: Document, printer: PrinterSettings) -> bytes:
        if document.order_number == self.poison:  # type: ignore[union-attr]
            os._exit(70)  # a hard crash inside the renderer, like a segfault in Qt
        return f"{type(document).__name__} {document.order_number}".encode()  # type: ignore[union-attr]


def worker(conn: Any, store_path: Path, out: Path, ctx: StationContext, poison: str) -> None:
    store = open_store(store_path)
    renderer = DyingRenderer(poison)
    serve(
        conn,
        DocumentService(
            store.sessions,
            ctx,
            {Language.PDF: renderer, Language.ZPL: renderer},
            PrinterGateway(),
            default_devices(out),
            reads=store.reads,
        ),
    )
