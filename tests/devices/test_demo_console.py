"""The demo's terminal commands, driving a real demo rig (loopback printers and ptys) that is
read by Tote's own serial scanner and scale readers."""

from __future__ import annotations

import io
import os
import queue
import socket
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from app.scale_protocols import Reading, ScaleFrameError, ScaleProtocol
from app.scale_stability import StabilityConfig
from app.scanning import RawScan
from app.serial_framing import FramingError
from app.station_devices import (
    DOCUMENT_KINDS,
    Language,
    StationDevices,
    TransportKind,
    devices_from_dict,
    devices_to_dict,
)
from devices.emulators.demo_console import HELP, DemoConsole
from devices.emulators.demo_rig import DemoRig
from devices.emulators.status_replies import State
from devices.printer_gateway import PrinterGateway
from devices.printing.status import PrinterState
from devices.serial_scale import SerialScale, SerialScaleConfig
from devices.serial_scanner import PortState, SerialScanner, SerialScannerConfig

WAIT_S = 1.5


class Events:
    """What Tote's readers reported, in order, with waits that never sleep blindly."""

    def __init__(self) -> None:
        self.q: queue.Queue[tuple[str, Any]] = queue.Queue()

    def scan(self, raw: RawScan) -> None:
        self.q.put(("scan", raw))

    def reading(self, name: str, reading: Reading, stable: bool) -> None:
        self.q.put(("reading", (reading, stable)))

    def error(self, name: str, error: FramingError | ScaleFrameError) -> None:
        self.q.put(("error", error))

    def state(self, name: str, state: PortState, detail: str) -> None:
        self.q.put(("state", state))

    def until(self, done: Callable[[str, Any], bool], what: str) -> None:
        seen: list[tuple[str, Any]] = []
        deadline = time.monotonic() + WAIT_S
        while True:
            left = deadline - time.monotonic()
            assert left > 0, f"never {what}; last events {seen[-6:]}"
            try:
                seen.append(self.q.get(timeout=left))
            except queue.Empty:
                continue
            if done(*seen[-1]):
                return

    def wait_state(self, wanted: PortState) -> None:
        self.until(lambda kind, value: kind == "state" and value is wanted, str(wanted))

    def wait_scan(self, text: str) -> None:
        self.until(lambda kind, value: kind == "scan" and value.text == text, f"scanned {text}")

    def wait_stable(self, grams: int) -> None:
        def done(kind: str, value: Any) -> bool:
            return kind == "reading" and value[1] and value[0].weight_g == grams

        self.until(done, f"a stable {grams} g")

    def next_scan(self) -> str:
        """The text of the next scan to arrive."""
        texts: list[str] = []

        def done(kind: str, value: Any) -> bool:
            if kind == "scan":
                texts.append(value.text)
            return bool(texts)

        self.until(done, "a scan")
        return texts[0]


@pytest.fixture
def rig(tmp_path: Path) -> Iterator[DemoRig]:
    rig = DemoRig.start(tmp_path / "rig")
    try:
        yield rig
    finally:
        rig.stop()


@pytest.fixture
def console(rig: DemoRig) -> DemoConsole:
    return DemoConsole(rig, io.StringIO(), io.StringIO())


@pytest.fixture
def scanner(rig: DemoRig) -> Iterator[Events]:
    """Tote's serial scanner reader on the rig's scanner, connected."""
    events = Events()
    config = SerialScannerConfig(str(rig.scanner.link), "demo", reconnect_s=0.02)
    reader = SerialScanner(config, events.scan, events.error, events.state)
    reader.start()
    try:
        events.wait_state(PortState.CONNECTED)
        yield events
    finally:
        reader.stop()


def test_a_line_that_is_no_command_is_scanned_by_the_serial_scanner(
    console: DemoConsole, scanner: Events
) -> None:
    assert console.run("SO-100001") == "scanned SO-100001"
    scanner.wait_scan("SO-100001")
    assert console.run("  CMD:REPRINT  ") == "scanned CMD:REPRINT"
    scanner.wait_scan("CMD:REPRINT")


def test_w_puts_a_weight_on_the_scale_that_tote_reads_as_stable(
    rig: DemoRig, console: DemoConsole
) -> None:
    events = Events()
    config = SerialScaleConfig(
        str(rig.scale.link),
        ScaleProtocol.SICS,
        name="demo",
        poll_s=0.02,
        reply_timeout_s=0.4,
        reconnect_s=0.02,
        stability=StabilityConfig(min_readings=3, window_ms=60, tolerance_g=2),
    )
    scale = SerialScale(config, events.reading, events.error, events.state)
    scale.start()
    try:
        events.wait_state(PortState.CONNECTED)
        assert console.run("w 1250") == "scale: 1250 g"
        events.wait_stable(1250)
        assert console.run("W 0") == "scale: 0 g"  # commands are not case-sensitive
        events.wait_stable(0)
    finally:
        scale.stop()


def test_box_puts_the_box_being_packed_on_the_scale_at_its_weight(rig: DemoRig) -> None:
    """The demo's stand-in for lifting the box onto the scale: the weight the station
    expects for the box waiting (given by the station), or a word that none is waiting."""
    waiting: list[int | None] = [None]
    console = DemoConsole(rig, io.StringIO(), io.StringIO(), parcel_g=lambda: waiting[0])
    assert "no box is waiting" in console.run("box")
    waiting[0] = 987
    assert console.run("box") == "scale: the box, 987 g"
    readings = [rig.scale.model.measure() for _ in range(20)]  # it swings, then settles
    assert readings[-1].stable and readings[-1].gross_g == 987


def test_unplug_and_plug_the_scanner(rig: DemoRig, console: DemoConsole, scanner: Events) -> None:
    assert console.run("unplug scanner") == "scanner unplugged"
    scanner.wait_state(PortState.DISCONNECTED)
    assert not rig.scanner.link.exists()
    assert console.run("SO-100001") == "the scanner is unplugged: type 'plug scanner' first"
    assert console.run("plug scanner") == "scanner plugged"
    scanner.wait_state(PortState.CONNECTED)
    assert console.run("SO-100002") == "scanned SO-100002"
    scanner.wait_scan("SO-100002")


def test_unplug_and_plug_the_scale(rig: DemoRig, console: DemoConsole) -> None:
    assert console.run("unplug scale") == "scale unplugged"
    assert not rig.scale.plugged and not rig.scale.link.exists()
    assert console.run("Plug Scale") == "scale plugged"
    assert rig.scale.plugged and rig.scale.link.exists()


@pytest.mark.parametrize(
    ("command", "state", "expected"),
    [
        ("labels paper_out", State.PAPER_OUT, PrinterState.PAPER_OUT),
        ("labels offline", State.OFFLINE, PrinterState.OFFLINE),
        ("receipts paper_out", State.PAPER_OUT, PrinterState.PAPER_OUT),
        ("receipts offline", State.OFFLINE, PrinterState.OFFLINE),
    ],
)
def test_printer_commands_change_what_the_printer_reports(
    rig: DemoRig, console: DemoConsole, command: str, state: State, expected: PrinterState
) -> None:
    devices = rig.devices(StationDevices(), rig.folder / "slips")
    verb = command.split(maxsplit=1)[0]
    emulator = rig.labels if verb == "labels" else rig.receipts
    printer = devices.printer("Label printer" if verb == "labels" else "Receipt printer")
    assert printer is not None
    gateway = PrinterGateway()
    try:
        assert console.run(command) == f"{verb} printer: {state.value}"
        assert emulator.state is state
        assert gateway.status(printer, 0.5).state is expected
        assert console.run(f"{verb} ready") == f"{verb} printer: ready"
        assert gateway.status(printer, 0.5).state is PrinterState.READY
    finally:
        gateway.close()


def test_help_lists_every_command(console: DemoConsole) -> None:
    text = console.run("help")
    assert text == HELP
    for command in ("w 1250", "unplug scanner|scale", "plug scanner|scale", "labels", "receipts"):
        assert command in text


@pytest.mark.parametrize(
    ("command", "says"),
    [
        ("", "type a barcode"),
        ("   ", "type a barcode"),
        ("w", "whole grams"),
        ("w heavy", "whole grams"),
        ("w 12.5", "whole grams"),
        ("w --5", "could not do that"),
        ("unplug", "unplug what?"),
        ("unplug printer", "unplug what?"),
        ("plug it in", "plug what?"),
        ("labels", "labels takes a state"),
        ("labels jammed", "labels takes a state: ready, offline, paper_out"),
        ("receipts on fire", "receipts takes a state"),
    ],
)
def test_a_mistyped_command_answers_with_a_message_and_changes_nothing(
    rig: DemoRig, console: DemoConsole, scanner: Events, command: str, says: str
) -> None:
    """A typo is never scanned as a barcode, never raises, and leaves every device as it was."""
    answer = console.run(command)
    assert says in answer
    assert rig.labels.state is State.READY and rig.receipts.state is State.READY
    assert rig.scanner.plugged and rig.scale.plugged
    assert console.run("SO-1") == "scanned SO-1"
    assert scanner.next_scan() == "SO-1"  # the mistake was not scanned before it


def test_the_console_thread_reads_lines_and_survives_mistakes(rig: DemoRig) -> None:
    out = io.StringIO()
    lines = io.StringIO("labels paper_out\n\nlabels jammed\nhelp\nreceipts offline\n")
    DemoConsole(rig, lines, out).start()
    for thread in threading.enumerate():
        if thread.name == "tote-demo-console":
            thread.join(WAIT_S)
    said = out.getvalue()
    assert said.startswith("Demo devices ready.")
    assert "labels printer: paper_out" in said and "labels takes a state" in said
    assert "receipts printer: offline" in said  # read on after the mistake
    assert rig.labels.state is State.PAPER_OUT and rig.receipts.state is State.OFFLINE


def test_rig_devices_route_each_document_to_its_emulated_printer(
    rig: DemoRig, tmp_path: Path
) -> None:
    base = StationDevices(gs1_company_prefix="4012345", station_number=7, extra={"x": 1})
    devices = rig.devices(base, tmp_path / "slips")
    route = {kind: devices.printer_for(kind) for kind in DOCUMENT_KINDS}
    assert {kind: p.name if p else None for kind, p in route.items()} == {
        "packing_slip": "Slip folder",
        "shipping_label": "Label printer",
        "gift_note": "Receipt printer",
        "tote_label": "Label printer",
        "location_label": "Label printer",
    }
    labels, receipts, slips = route["shipping_label"], route["gift_note"], route["packing_slip"]
    assert labels is not None and receipts is not None and slips is not None
    assert (labels.language, labels.address) == (Language.ZPL, f"127.0.0.1:{rig.labels.port}")
    assert (receipts.language, receipts.address) == (
        Language.ESCPOS,
        f"127.0.0.1:{rig.receipts.port}",
    )
    assert (slips.transport, slips.address) == (TransportKind.FOLDER, str(tmp_path / "slips"))
    assert [s.port for s in devices.scanners] == [str(rig.scanner.link)]
    assert devices.scale is not None and devices.scale.port == str(rig.scale.link)
    assert devices.scale.protocol == "sics"
    assert (devices.gs1_company_prefix, devices.station_number, devices.extra) == (
        "4012345",
        7,
        {"x": 1},
    )
    assert devices_from_dict(devices_to_dict(devices)) == devices  # the screen could save it


def test_a_gift_note_reaches_the_receipt_printer_and_leaves_a_preview(rig: DemoRig) -> None:
    devices = rig.devices(StationDevices(), rig.folder / "slips")
    printer = devices.printer_for("gift_note")
    assert printer is not None
    note = b"\x1b@Gift note for SO-100001\nHappy birthday!\n\x1dV\x00"
    gateway = PrinterGateway()
    try:
        assert gateway.deliver(printer, note, "gift-note", 2.0).location == (
            f"tcp 127.0.0.1:{rig.receipts.port}"
        )
    finally:
        gateway.close()
    [job] = rig.receipts.wait_for_jobs(1)
    assert job.data == note and rig.labels.jobs == []
    preview = rig.folder / "printed" / "receipts" / "job-0001.txt"
    deadline = time.monotonic() + WAIT_S
    while not preview.exists() and time.monotonic() < deadline:
        time.sleep(0.01)
    assert "Happy birthday!" in preview.read_text(encoding="utf-8")


def pty_fds() -> int:
    """This process's open pseudo-terminal descriptors."""
    count = 0
    for fd in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:
            continue
        count += target.startswith("/dev/pts/") or target.endswith("ptmx")
    return count


def test_stopping_the_rig_leaves_no_thread_port_or_pty_behind(tmp_path: Path) -> None:
    threads_before, ptys_before = set(threading.enumerate()), pty_fds()
    rig = DemoRig.start(tmp_path / "rig")
    assert pty_fds() == ptys_before + 2  # the scale's and the scanner's
    ports = (rig.labels.port, rig.receipts.port)
    rig.stop()
    left = [t for t in threading.enumerate() if t not in threads_before and t.is_alive()]
    assert left == []
    assert pty_fds() == ptys_before
    assert not rig.scanner.link.exists() and not rig.scale.link.exists()
    for port in ports:
        with pytest.raises(ConnectionRefusedError):
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
