"""Serial scanners on real pseudo-terminals: scans, garbage, unplug and re-plug."""

from __future__ import annotations

import queue
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from app.scanning import RawScan
from app.serial_framing import FramingConfig, FramingError, Terminator
from devices.serial_scanner import PortState, SerialScanner, SerialScannerConfig
from tests.ptys import FakeCable


class Events:
    def __init__(self) -> None:
        self.q: queue.Queue[tuple[str, object]] = queue.Queue()

    def scan(self, raw: RawScan) -> None:
        self.q.put(("scan", raw))

    def error(self, name: str, error: FramingError) -> None:
        self.q.put(("error", error))

    def state(self, name: str, state: PortState, detail: str) -> None:
        self.q.put(("state", state))

    def next(self, kind: str, timeout: float = 5.0) -> Any:
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            assert left > 0, f"no {kind} event"
            got_kind, value = self.q.get(timeout=left)
            if got_kind == kind:
                return value

    def wait_state(self, wanted: PortState, timeout: float = 5.0) -> None:
        deadline = time.monotonic() + timeout
        while True:
            assert time.monotonic() < deadline, f"scanner never became {wanted}"
            if self.next("state", deadline - time.monotonic()) is wanted:
                return


@pytest.fixture
def rig(tmp_path: Path) -> Iterator[tuple[FakeCable, Events, SerialScanner]]:
    cable = FakeCable(tmp_path / "scanner0")
    cable.plug()
    events = Events()
    config = SerialScannerConfig(
        port=str(cable.link),
        name="lane1",
        reconnect_s=0.05,
        framing=FramingConfig(terminator=Terminator.CR),
    )
    scanner = SerialScanner(config, events.scan, events.error, events.state)
    scanner.start()
    events.wait_state(PortState.CONNECTED)
    yield cable, events, scanner
    scanner.stop()
    if cable.master is not None:
        cable.unplug()


def test_scans_arrive_with_symbology_and_gs_kept(
    rig: tuple[FakeCable, Events, SerialScanner],
) -> None:
    """A GS1-128 scan with its AIM identifier and GS separator comes through intact."""
    cable, events, _ = rig
    cable.send(b"]C10105901234123457\x1d10ABC\r")
    scan = events.next("scan")
    assert isinstance(scan, RawScan)
    assert (scan.text, scan.symbology, scan.source) == (
        "0105901234123457\x1d10ABC",
        "]C1",
        "serial:lane1",
    )


def test_split_writes_and_several_scans_per_read(
    rig: tuple[FakeCable, Events, SerialScanner],
) -> None:
    """Bytes dribbling in one by one, and two scans in one write, both frame correctly."""
    cable, events, _ = rig
    for byte in b"SO-100001\r":
        cable.send(bytes([byte]))
    cable.send(b"5901234123457\rTS-000123\r")
    texts = [events.next("scan").text for _ in range(3)]
    assert texts == ["SO-100001", "5901234123457", "TS-000123"]


def test_garbage_is_reported_and_the_next_scan_is_clean(
    rig: tuple[FakeCable, Events, SerialScanner],
) -> None:
    """Non-UTF-8 bytes and an endless line are errors, never glued onto the next scan."""
    cable, events, _ = rig
    cable.send(b"\xff\xfe\xfd\r")
    assert events.next("error").reason == "not_utf8"
    cable.send(b"7" * 700)
    cable.send(b"\r5901234123457\r")
    assert events.next("error").reason == "too_long"
    assert events.next("scan").text == "5901234123457"


def test_unplug_and_replug_recovers_by_itself(rig: tuple[FakeCable, Events, SerialScanner]) -> None:
    """Pulling the cable is reported; plugging it back in reconnects and scans work again."""
    cable, events, scanner = rig
    cable.send(b"SO-1")  # half a scan when the cable goes
    time.sleep(0.2)  # let the reader take the bytes (a pty drops unread ones on close)
    cable.unplug()
    assert events.next("error").reason == "incomplete"  # reported, then the state
    events.wait_state(PortState.DISCONNECTED)
    cable.plug()
    events.wait_state(PortState.CONNECTED)
    cable.send(b"SO-100002\r")
    assert events.next("scan").text == "SO-100002"
    assert scanner.state is PortState.CONNECTED


def test_two_scanners_at_once(tmp_path: Path) -> None:
    """Two ports, two reader threads, each scan tagged with its scanner."""
    cables = [FakeCable(tmp_path / f"s{i}") for i in range(2)]
    events = Events()
    scanners = []
    for i, cable in enumerate(cables):
        cable.plug()
        config = SerialScannerConfig(port=str(cable.link), name=f"lane{i}", reconnect_s=0.05)
        scanners.append(SerialScanner(config, events.scan, events.error, events.state))
        scanners[-1].start()
    try:
        for _ in scanners:
            events.wait_state(PortState.CONNECTED)
        cables[0].send(b"AAA-1\r")
        cables[1].send(b"BBB-2\r")
        scans = [events.next("scan") for _ in range(2)]
        got = {x.source: x.text for x in scans}
        assert got == {"serial:lane0": "AAA-1", "serial:lane1": "BBB-2"}
    finally:
        for scanner in scanners:
            scanner.stop()
        for cable in cables:
            cable.unplug()


def test_a_port_that_opens_but_cannot_be_read_is_retried_calmly(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A half-dead adapter (opens, then every read fails) is reopened once per
    reconnect interval, not in a tight loop, and its state is reported once."""
    import serial

    import devices.serial_scanner as module

    opens: list[float] = []
    closes: list[float] = []

    class HalfDead:
        in_waiting = 0

        def __init__(self, *args: object, **kwargs: object) -> None:
            opens.append(time.monotonic())

        def read(self, size: int) -> bytes:
            raise serial.SerialException("device reports readiness to read but returned no data")

        def close(self) -> None:
            closes.append(time.monotonic())

    monkeypatch.setattr(module.serial, "Serial", HalfDead)
    events = Events()
    scanner = SerialScanner(
        SerialScannerConfig(port="/dev/null", reconnect_s=0.1),
        events.scan,
        events.error,
        events.state,
    )
    scanner.start()
    time.sleep(0.55)
    scanner.stop()
    assert 3 <= len(opens) <= 7
    assert len(closes) == len(opens)  # every failed port is closed before the next try
    states = []
    while not events.q.empty():
        kind, value = events.q.get()
        if kind == "state":
            states.append(value)
    assert len(states) <= 2 * len(opens) + 1  # changes only, no flood
