"""The printer monitor against emulated printers on loopback: every state change reaches the
callback on the next round, and nothing (a failing printer, a failing listener) stops it."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from app.station_devices import Language, PrinterSettings, TransportKind
from devices.emulators.status_replies import State
from devices.emulators.tcp_printer import TcpPrinterEmulator
from devices.printer_gateway import PrinterGateway
from devices.printer_monitor import PrinterMonitor
from devices.printing.status import PrinterState, PrinterStatus

WAIT_S = 1.5
HOUR = 3600.0  # an interval that never passes in a test: only check_now() starts a round


class Reports:
    """What the monitor reported, in order, with waits on a condition (no blind sleeps)."""

    def __init__(self) -> None:
        self.seen: list[tuple[str, PrinterStatus, str]] = []  # name, status, thread
        self._cond = threading.Condition()

    def __call__(self, name: str, status: PrinterStatus) -> None:
        with self._cond:
            self.seen.append((name, status, threading.current_thread().name))
            self._cond.notify_all()

    def latest(self, name: str) -> PrinterState | None:
        states = [status.state for n, status, _ in self.seen if n == name]
        return states[-1] if states else None

    def wait(self, done: Callable[[], bool], what: str) -> None:
        with self._cond:
            assert self._cond.wait_for(done, WAIT_S), f"never {what}; saw {self.seen[-6:]}"

    def wait_state(self, name: str, state: PrinterState) -> None:
        self.wait(lambda: self.latest(name) is state, f"{name} {state}")

    def count(self) -> int:
        with self._cond:
            return len(self.seen)


@pytest.fixture
def labels() -> Iterator[TcpPrinterEmulator]:
    with TcpPrinterEmulator("zpl") as printer:
        yield printer


@pytest.fixture
def receipts() -> Iterator[TcpPrinterEmulator]:
    with TcpPrinterEmulator("escpos") as printer:
        yield printer


def settings(labels: TcpPrinterEmulator, receipts: TcpPrinterEmulator) -> list[PrinterSettings]:
    return [
        PrinterSettings("Labels", Language.ZPL, TransportKind.TCP, f"127.0.0.1:{labels.port}"),
        PrinterSettings(
            "Receipts", Language.ESCPOS, TransportKind.TCP, f"127.0.0.1:{receipts.port}"
        ),
    ]


@pytest.fixture
def gateway() -> Iterator[PrinterGateway]:
    gateway = PrinterGateway()
    yield gateway
    gateway.close()


def started(monitor: PrinterMonitor) -> PrinterMonitor:
    monitor.start()
    return monitor


def test_each_printers_state_is_reported_by_name_from_the_monitor_thread(
    gateway: PrinterGateway, labels: TcpPrinterEmulator, receipts: TcpPrinterEmulator
) -> None:
    receipts.set_state(State.PAPER_OUT)
    reports = Reports()
    monitor = started(PrinterMonitor(gateway, settings(labels, receipts), reports, HOUR, 0.5))
    try:
        reports.wait_state("Labels", PrinterState.READY)
        reports.wait_state("Receipts", PrinterState.PAPER_OUT)
    finally:
        monitor.stop()
    assert {thread for _, _, thread in reports.seen} == {"tote-printers"}
    assert monitor.last["Labels"].state is PrinterState.READY
    assert monitor.last["Receipts"] == PrinterStatus(PrinterState.PAPER_OUT, "paper roll empty")


def test_a_change_is_reported_on_the_round_that_check_now_starts(
    gateway: PrinterGateway, labels: TcpPrinterEmulator, receipts: TcpPrinterEmulator
) -> None:
    """GIVEN a monitor whose own interval never passes WHEN a printer runs out of paper,
    is switched off and comes back, and check_now() is called each time THEN each change is
    reported, for that printer only."""
    reports = Reports()
    monitor = started(PrinterMonitor(gateway, settings(labels, receipts), reports, HOUR, 0.5))
    try:
        reports.wait_state("Receipts", PrinterState.READY)
        for printer, state, expected in [
            (labels, State.PAPER_OUT, PrinterState.PAPER_OUT),
            (labels, State.OFFLINE, PrinterState.OFFLINE),
            (labels, State.READY, PrinterState.READY),
            (receipts, State.OFFLINE, PrinterState.OFFLINE),
            (receipts, State.READY, PrinterState.READY),
        ]:
            printer.set_state(state)
            monitor.check_now()
            name = "Labels" if printer is labels else "Receipts"
            reports.wait_state(name, expected)
    finally:
        monitor.stop()
    offline = [status for name, status, _ in reports.seen if status.state is PrinterState.OFFLINE]
    assert all("Connection" in status.detail for status in offline)  # says why


def test_a_short_interval_polls_again_by_itself(
    gateway: PrinterGateway, labels: TcpPrinterEmulator, receipts: TcpPrinterEmulator
) -> None:
    reports = Reports()
    monitor = started(PrinterMonitor(gateway, settings(labels, receipts), reports, 0.02, 0.5))
    try:
        reports.wait_state("Labels", PrinterState.READY)
        labels.set_state(State.PAPER_OUT)  # no check_now(): the interval does it
        reports.wait_state("Labels", PrinterState.PAPER_OUT)
    finally:
        monitor.stop()


def test_stop_returns_promptly_while_the_monitor_waits(
    gateway: PrinterGateway, labels: TcpPrinterEmulator, receipts: TcpPrinterEmulator
) -> None:
    reports = Reports()
    monitor = started(PrinterMonitor(gateway, settings(labels, receipts), reports, HOUR, 0.5))
    reports.wait(lambda: len(reports.seen) >= 2, "a first round")
    begun = time.monotonic()
    monitor.stop()
    assert time.monotonic() - begun < 0.5
    assert not any(t.name == "tote-printers" and t.is_alive() for t in threading.enumerate())
    count = reports.count()
    monitor.check_now()  # nothing runs any more
    time.sleep(0.05)
    assert reports.count() == count


class BrokenGateway(PrinterGateway):
    """A real gateway with one printer whose status query has a bug."""

    def status(self, printer: PrinterSettings, timeout_s: float = 1.0) -> PrinterStatus:
        if printer.name == "Labels":
            raise RuntimeError("transport bug")
        return super().status(printer, timeout_s)


def test_a_status_query_that_raises_is_reported_as_error_and_the_monitor_goes_on(
    labels: TcpPrinterEmulator, receipts: TcpPrinterEmulator
) -> None:
    reports = Reports()
    gateway = BrokenGateway()
    monitor = started(PrinterMonitor(gateway, settings(labels, receipts), reports, HOUR, 0.5))
    try:
        reports.wait_state("Receipts", PrinterState.READY)
        assert monitor.last["Labels"] == PrinterStatus(
            PrinterState.ERROR, "RuntimeError: transport bug"
        )
        receipts.set_state(State.PAPER_OUT)
        monitor.check_now()
        reports.wait_state("Receipts", PrinterState.PAPER_OUT)  # a second round ran
    finally:
        monitor.stop()
        gateway.close()


def test_a_listener_that_raises_does_not_end_the_monitor(
    gateway: PrinterGateway, labels: TcpPrinterEmulator, receipts: TcpPrinterEmulator
) -> None:
    """The status bar's callback has a bug: the error is logged and the printers are still
    watched (the thread would otherwise die and the health panel freeze on old news)."""
    reports = Reports()

    def buggy(name: str, status: PrinterStatus) -> None:
        reports(name, status)
        raise RuntimeError("listener bug")

    monitor = started(PrinterMonitor(gateway, settings(labels, receipts), buggy, HOUR, 0.5))
    try:
        reports.wait_state("Receipts", PrinterState.READY)
        labels.set_state(State.PAPER_OUT)
        monitor.check_now()
        reports.wait_state("Labels", PrinterState.PAPER_OUT)
    finally:
        monitor.stop()


def test_poll_once_answers_without_a_thread_and_attach_replaces_the_listener(
    gateway: PrinterGateway, labels: TcpPrinterEmulator, receipts: TcpPrinterEmulator
) -> None:
    labels.set_state(State.OFFLINE)
    monitor = PrinterMonitor(gateway, settings(labels, receipts), timeout_s=0.5)
    reports = Reports()
    monitor.attach(reports)
    got = monitor.poll_once()
    assert {name: s.state for name, s in got.items()} == {
        "Labels": PrinterState.OFFLINE,
        "Receipts": PrinterState.READY,
    }
    assert [name for name, _, _ in reports.seen] == ["Labels", "Receipts"]


def test_a_monitor_with_no_printers_starts_no_thread(gateway: PrinterGateway) -> None:
    monitor = PrinterMonitor(gateway, [], interval_s=0.01)
    monitor.start()
    assert monitor.poll_once() == {}
    assert not any(t.name == "tote-printers" for t in threading.enumerate())
    monitor.stop()


def test_serial_and_usb_printers_are_never_polled_from_the_kiosk(tmp_path: Path) -> None:
    """Their port is opened exclusively: a poll would lock the document process out."""
    seen: list[str] = []
    printers = [
        PrinterSettings("Receipts", Language.ESCPOS, TransportKind.SERIAL, "/dev/ttyUSB9@9600"),
        PrinterSettings("Usb", Language.ESCPOS, TransportKind.USB, "04b8:0202"),
        PrinterSettings("Folder", Language.ZPL, TransportKind.FOLDER, str(tmp_path)),
    ]
    monitor = PrinterMonitor(PrinterGateway(), printers, lambda name, status: seen.append(name))
    monitor.poll_once()
    assert seen == ["Folder"]
