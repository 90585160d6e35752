"""The emulated serial scanner, read by Tote's real serial scanner reader over a real pty."""

from __future__ import annotations

import os
import queue
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import serial

from app.scanning import RawScan
from app.serial_framing import FramingConfig, FramingError, Terminator
from devices.emulators.pty_scanner import PtyScanner
from devices.serial_scanner import PortState, SerialScanner, SerialScannerConfig

WAIT_S = 1.5


class Events:
    """Everything the reader reported, in order; waits have timeouts, never blind sleeps."""

    def __init__(self) -> None:
        self.q: queue.Queue[tuple[str, Any]] = queue.Queue()

    def scan(self, raw: RawScan) -> None:
        self.q.put(("scan", raw))

    def error(self, name: str, error: FramingError) -> None:
        self.q.put(("error", error))

    def state(self, name: str, state: PortState, detail: str) -> None:
        self.q.put(("state", state))

    def next(self, kind: str, timeout: float = WAIT_S) -> Any:
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            assert left > 0, f"no {kind} event"
            try:
                got_kind, value = self.q.get(timeout=left)
            except queue.Empty:
                continue
            if got_kind == kind:
                return value

    def wait_state(self, wanted: PortState) -> None:
        deadline = time.monotonic() + WAIT_S
        while self.next("state", deadline - time.monotonic()) is not wanted:
            pass


def reader(link: Path, events: Events, terminator: Terminator = Terminator.CR) -> SerialScanner:
    config = SerialScannerConfig(
        port=str(link),
        name="lane1",
        reconnect_s=0.02,
        framing=FramingConfig(terminator=terminator),
    )
    scanner = SerialScanner(config, events.scan, events.error, events.state)
    scanner.start()
    return scanner


@pytest.fixture
def rig(tmp_path: Path) -> Iterator[tuple[PtyScanner, Events, SerialScanner]]:
    """An emulated scanner, plugged, with Tote's reader connected to it."""
    emulated = PtyScanner(tmp_path / "by-id" / "usb-Honeywell-if00")
    emulated.plug()
    events = Events()
    station = reader(emulated.link, events)
    try:
        events.wait_state(PortState.CONNECTED)  # opened and flushed: scans are safe now
        yield emulated, events, station
    finally:
        station.stop()
        emulated.close()


def test_a_scan_arrives_as_a_raw_scan_with_its_text(
    rig: tuple[PtyScanner, Events, SerialScanner],
) -> None:
    emulated, events, _ = rig
    emulated.scan("SO-100001")
    emulated.scan("5901234123457")
    first, second = events.next("scan"), events.next("scan")
    assert isinstance(first, RawScan)
    assert (first.text, first.source, first.symbology) == ("SO-100001", "serial:lane1", None)
    assert second.text == "5901234123457"


def test_an_aim_prefix_arrives_as_the_symbology(tmp_path: Path) -> None:
    """A scanner set to send AIM identifiers: ]E0 (EAN-13) is split off the text."""
    events = Events()
    with PtyScanner(tmp_path / "scanner", aim="]E0") as emulated:
        station = reader(emulated.link, events)
        try:
            events.wait_state(PortState.CONNECTED)
            emulated.scan("5901234123457")
            got = events.next("scan")
        finally:
            station.stop()
    assert (got.text, got.symbology) == ("5901234123457", "]E0")


def test_another_suffix_is_framed_by_a_reader_set_to_it(tmp_path: Path) -> None:
    events = Events()
    with PtyScanner(tmp_path / "scanner", suffix=b"\r\n") as emulated:
        station = reader(emulated.link, events, Terminator.CRLF)
        try:
            events.wait_state(PortState.CONNECTED)
            emulated.scan("TS-000123")
            assert events.next("scan").text == "TS-000123"
        finally:
            station.stop()


def test_unplugging_is_noticed_and_scanning_then_fails_clearly(
    rig: tuple[PtyScanner, Events, SerialScanner],
) -> None:
    emulated, events, station = rig
    emulated.unplug()
    events.wait_state(PortState.DISCONNECTED)
    assert not emulated.plugged and not emulated.link.exists()
    with pytest.raises(OSError, match="the emulated scanner is unplugged"):
        emulated.scan("SO-100001")
    assert station.state is PortState.DISCONNECTED


def test_plugging_back_in_reconnects_and_scans_arrive_again(
    rig: tuple[PtyScanner, Events, SerialScanner],
) -> None:
    emulated, events, station = rig
    emulated.unplug()
    events.wait_state(PortState.DISCONNECTED)
    emulated.plug()
    assert emulated.link.is_symlink() and os.readlink(emulated.link).startswith("/dev/pts/")
    events.wait_state(PortState.CONNECTED)
    emulated.scan("SO-100002")
    assert events.next("scan").text == "SO-100002"
    assert station.state is PortState.CONNECTED


def test_plug_and_unplug_twice_change_nothing(tmp_path: Path) -> None:
    emulated = PtyScanner(tmp_path / "scanner")
    emulated.plug()
    target = os.readlink(emulated.link)
    emulated.plug()
    assert os.readlink(emulated.link) == target  # the same pty, not a second one
    emulated.unplug()
    emulated.unplug()
    assert not emulated.plugged and not emulated.link.exists()


def test_wait_opened_is_false_until_a_reader_opens_the_port(tmp_path: Path) -> None:
    with PtyScanner(tmp_path / "scanner") as emulated:
        assert emulated.wait_opened(timeout_s=0.05) is False
        with serial.Serial(str(emulated.link), 9600, timeout=0.5) as port:
            assert emulated.wait_opened(timeout_s=1.0) is True
            emulated.scan("SO-100003")  # after wait_opened: not lost to the open's flush
            assert port.read(10) == b"SO-100003\r"


def test_wait_opened_waits_for_a_reader_that_comes_later(tmp_path: Path) -> None:
    """A driver starts the emulator, then the station: wait_opened blocks until the
    station's reader has the port, and the first scan after it is received."""
    got: list[bytes] = []
    with PtyScanner(tmp_path / "scanner") as emulated:

        def station() -> None:
            time.sleep(0.1)
            with serial.Serial(str(emulated.link), 9600, timeout=1.0) as port:
                got.append(port.read(10))

        thread = threading.Thread(target=station)
        thread.start()
        assert emulated.wait_opened(timeout_s=1.5)
        emulated.scan("SO-100004")
        thread.join(2.0)
    assert got == [b"SO-100004\r"]


def test_wait_opened_is_false_while_unplugged(
    rig: tuple[PtyScanner, Events, SerialScanner],
) -> None:
    """Even while the reader still holds the old port, an unplugged scanner is not open."""
    emulated, _, _ = rig
    assert emulated.wait_opened(timeout_s=0.5)
    emulated.unplug()
    begun = time.monotonic()
    assert emulated.wait_opened(timeout_s=0.1) is False
    assert time.monotonic() - begun < 0.5


def test_a_scanner_nobody_reads_gives_up_instead_of_hanging(tmp_path: Path) -> None:
    """The pty's buffer fills when no station reads it: send() fails within its timeout
    (TimeoutError, an OSError), and the cable can still be pulled afterwards."""
    emulated = PtyScanner(tmp_path / "scanner", write_timeout_s=0.1)
    emulated.plug()
    begun = time.monotonic()
    with pytest.raises(TimeoutError, match="nobody reads"):
        emulated.send(b"5901234123457\r" * 10_000)
    assert time.monotonic() - begun < 1.0
    emulated.unplug()
    assert not emulated.plugged


def test_raw_bytes_reach_the_reader_as_they_are(
    rig: tuple[PtyScanner, Events, SerialScanner],
) -> None:
    """send() is for faults: garbage is reported by the reader, and the next scan is clean."""
    emulated, events, _ = rig
    emulated.send(b"\xff\xfe\r")
    assert events.next("error").reason == "not_utf8"
    emulated.scan("SO-100005")
    assert events.next("scan").text == "SO-100005"
