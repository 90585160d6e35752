"""Device checks for the devices screen, off the GUI thread: test prints and scale commands.

A test print renders the sample of the first document a printer takes, with that printer's
renderer, and hands it to the gateway, all on a worker thread; the outcome comes back as a
queued signal. A scale's zero or tare is a Future resolved on the scale's reader thread;
its answer comes back the same way. The GUI thread never waits on a device.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Mapping
from concurrent.futures import Future
from dataclasses import dataclass

from app.demo.sample_documents import (
    sample_gift_note,
    sample_location_label,
    sample_packing_slip,
    sample_shipping_label,
    sample_tote_label,
)
from app.domain.documents import PackingSlip
from app.domain.labels import Document, GiftNote, LocationLabel, ShippingLabel, ToteLabel
from app.ports import DeliveryOutcome, DocumentRenderer, PrinterGateway
from app.scale_protocols import Command, CommandReply
from app.station_devices import CAN_DRAW, DOCUMENT_KINDS, Language, PrinterSettings
from app.usecases.documents import EXTENSIONS
from ui.qt import QImage, QObject, Signal, SignalInstance, translate

log = logging.getLogger(__name__)
TEST_PRINT_DEADLINE_S = 10.0
PREVIEW_DPI = 203  # receipt printers' labels are previewed as a 203 dpi label

SAMPLES: dict[str, Callable[[], Document]] = {
    "packing_slip": sample_packing_slip,
    "shipping_label": sample_shipping_label,
    "gift_note": sample_gift_note,
    "tote_label": sample_tote_label,
    "location_label": sample_location_label,
}


def sample_kind_for(printer: PrinterSettings) -> str | None:
    """The first document kind the printer takes (its own list, else what it can draw)."""
    kinds = printer.documents or tuple(k for k in DOCUMENT_KINDS if k in CAN_DRAW[printer.language])
    return kinds[0] if kinds else None


@dataclass(frozen=True, slots=True)
class SamplePrint:
    """How a test print went."""

    printer: PrinterSettings
    kind: str
    document: Document
    outcome: DeliveryOutcome | None  # None: it could not be drawn, nothing was sent
    detail: str = ""  # why not delivered, or why it could not be drawn
    location: str | None = None  # where it went: a file, host:port, a queue
    size: int = 0  # bytes sent


class SamplePrinter(QObject):
    """Runs one test print per printer at a time, each on its own short-lived thread."""

    finished = Signal(object)  # SamplePrint, delivered on the GUI thread

    def __init__(
        self,
        gateway: PrinterGateway,
        renderers: Mapping[Language, DocumentRenderer],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._gateway = gateway
        self._renderers = renderers
        self._busy: set[str] = set()
        self._lock = threading.Lock()
        self._closed = False

    def busy(self, name: str) -> bool:
        with self._lock:
            return name in self._busy

    def start(self, printer: PrinterSettings) -> str | None:
        """Start a test print; the document kind, or None when there is nothing to print or
        one is already running on this printer."""
        kind = sample_kind_for(printer)
        if kind is None:
            return None
        with self._lock:
            if printer.name in self._busy:
                return None
            self._busy.add(printer.name)
        thread = threading.Thread(
            target=self._run, args=(printer, kind), name="tote-test-print", daemon=True
        )
        thread.start()
        return kind

    def close(self) -> None:
        """The window is going away: deliver nothing more to it."""
        self._closed = True

    def _run(self, printer: PrinterSettings, kind: str) -> None:
        document = SAMPLES[kind]()
        try:
            result = self._print(printer, kind, document)
        except Exception as exc:  # a gateway bug must not end silently on a thread
            log.exception("test print on %s failed", printer.name)
            result = SamplePrint(printer, kind, document, None, f"{type(exc).__name__}: {exc}")
        finally:
            with self._lock:
                self._busy.discard(printer.name)
        _deliver(self.finished, result, self._closed)

    def _print(self, printer: PrinterSettings, kind: str, document: Document) -> SamplePrint:
        renderer = self._renderers.get(printer.language)
        if renderer is None:
            return SamplePrint(printer, kind, document, None, f"no {printer.language} renderer")
        try:
            data = renderer.render(document, printer)
        except Exception as exc:  # the renderer cannot draw it: nothing is sent
            log.warning("test %s for %s could not be drawn: %r", kind, printer.name, exc)
            return SamplePrint(printer, kind, document, None, f"{type(exc).__name__}: {exc}")
        name = f"test-print-{kind.replace('_', '-')}.{EXTENSIONS[printer.language]}"
        delivery = self._gateway.deliver(printer, data, name, TEST_PRINT_DEADLINE_S)
        return SamplePrint(
            printer, kind, document, delivery.outcome, delivery.detail, delivery.location, len(data)
        )


class ScaleCommands(QObject):
    """Brings a scale's answer to zero or tare (a Future) back to the GUI thread."""

    answered = Signal(object)  # CommandReply

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._closed = False

    def follow(self, command: Command, future: Future[CommandReply]) -> None:
        def done(f: Future[CommandReply]) -> None:
            try:
                reply = f.result()
            except Exception as exc:  # cancelled, or the scale thread failed
                reply = CommandReply(command, False, f"{type(exc).__name__}: {exc}")
            _deliver(self.answered, reply, self._closed)

        future.add_done_callback(done)

    def close(self) -> None:
        self._closed = True


def _deliver(signal: SignalInstance, value: object, closed: bool) -> None:
    if closed:
        return
    try:
        signal.emit(value)
    except RuntimeError:  # the receiver was deleted meanwhile (the kiosk is closing)
        log.info("a device check finished after its screen closed")


# -- previews ------------------------------------------------------------------------------

LABELS = (ShippingLabel, GiftNote, ToteLabel, LocationLabel)


def preview_image(document: Document, dpi: int) -> QImage | None:
    """The label as Qt draws it (the ZPL layout), or None for documents that are no label."""
    if not isinstance(document, LABELS):
        return None
    from ui.label_image import label_image  # Qt painting: imported when first previewed

    try:
        return label_image(document, dpi if dpi in (203, 300) else PREVIEW_DPI)
    except Exception:  # a preview must never take the devices screen down
        log.exception("preview of %s failed", type(document).__name__)
        return None


def preview_text(document: Document) -> str:
    """A plain-text stand-in for documents without a picture (packing slips)."""
    if isinstance(document, PackingSlip):
        lines = [
            translate("DevicePreview", "Packing slip {order}").format(order=document.order_number),
            "",
            document.ship_to.name,
            *document.ship_to.lines,
            "",
        ]
        lines += [f"{line.quantity} × {line.name}" for line in document.lines]
        if document.total is not None:
            lines += [
                "",
                translate("DevicePreview", "Total {amount}").format(
                    amount=document.total.formatted()
                ),
            ]
        return "\n".join(lines)
    if isinstance(document, ShippingLabel):
        return "\n".join(
            [document.carrier + " " + document.service, document.ship_to.name, document.sscc_hri]
        )
    if isinstance(document, GiftNote):
        return "\n".join([document.to_name, document.message])
    if isinstance(document, ToteLabel):
        return document.tote_code
    if isinstance(document, LocationLabel):
        return document.location_code
    return type(document).__name__
