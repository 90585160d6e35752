"""serial_scan_p99_ms: a serial scanner's scan, from the bytes on the wire to the use case.

The bench plays the scanner: it writes each scan (AIM identifier, data, CR) to the master side
of a real pty, as a USB-CDC scanner's bytes arrive, and ``devices.serial_scanner`` reads the
other side with pyserial on its own thread, frames the bytes and calls ``on_scan``. The time
runs from just before ``os.write`` to the moment that callback calls the real use case,
``PackStation.scan``, on a copy of the 50,000-order demo store. The callback runs on the
reader thread (the kiosk hops to the GUI thread first; that hop is ``wedge_scan``'s business),
and the use case's own time is reported in the anchor, not in the figure.

Anchor, in the same run: the bare pty, os.write to os.read returning in a reader thread,
with the same spacing. Scans are 3 ms apart (after the previous use case returned), so they
never queue: this is the latency of one scan, not throughput.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import threading
import time
import tty
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select

from app.context import StationContext
from app.scanning import RawScan, warm_up
from app.store.checkpoint import start_checkpointer
from app.store.open import Store, open_store
from app.store.tables import Order, ProductBarcode
from app.usecases.pack_station import PackStation
from app.usecases.results import Outcome, ScanResult
from devices.serial_scanner import PortState, SerialScanner, SerialScannerConfig
from tests.bench.bench_wedge_scan import ORDERS, pristine_store
from tests.bench.figures import Figure, median, percentile
from tests.ptys import FakeCable

SCANS = 1_000
RUNS = 3
SPACING_S = 0.003
TIMEOUT_S = 5.0
ITEM_AIM, ORDER_AIM = b"]E0", b"]C0"  # EAN-13 items, Code128 order numbers


@dataclass
class Receiver:
    """The on_scan callback: stamps the moment it calls the use case, then calls it."""

    station: PackStation
    called_ns: int = 0
    use_case_ns: int = 0
    result: ScanResult | None = None
    error: BaseException | None = None
    done: threading.Event = field(default_factory=threading.Event)

    def on_scan(self, scan: RawScan) -> None:
        self.called_ns = time.perf_counter_ns()
        try:
            self.result = self.station.scan(scan)
        except BaseException as exc:  # reported on the bench's thread, not just logged
            self.error = exc
        self.use_case_ns = time.perf_counter_ns() - self.called_ns
        self.done.set()


def run() -> list[Figure]:
    """Median over RUNS runs of each run's p99 (each run: 1,000 scans, a fresh store copy)."""
    source = pristine_store()
    warm_up()  # the kiosk loads biip once its window shows; no scan pays for it
    runs = [one_run(source) for _ in range(RUNS)]
    p99s = [percentile(r.to_call, 99) for r in runs]
    anchor_p99 = median([percentile(r.raw_pty, 99) for r in runs])
    anchor_p50 = median([median(r.raw_pty) for r in runs])
    to_call_p50 = median([median(r.to_call) for r in runs])
    use_case = [t for r in runs for t in r.use_case]
    anchor = (
        f"bare pty os.write→os.read (reader thread) p99 {anchor_p99:.3f} ms, p50"
        f" {anchor_p50:.3f} ms, in the same runs; write→use-case call p50 {to_call_p50:.3f}"
        f" ms; the use case itself (reader thread, not counted) p50 {median(use_case):.2f} /"
        f" p99 {percentile(use_case, 99):.2f} ms; median of {RUNS} runs of {SCANS} scans"
        f" {SPACING_S * 1000:.0f} ms apart with {ORDERS:,} orders; p99 per run"
        f" {', '.join(f'{x:.2f}' for x in p99s)}"
    )
    return [Figure("serial_scan_p99_ms", round(median(p99s), 3), "ms", "<= 5", anchor)]


@dataclass
class RunTimes:
    to_call: list[float]  # ms, os.write -> on_scan calls PackStation.scan
    use_case: list[float]  # ms, PackStation.scan itself
    raw_pty: list[float]  # ms, os.write -> os.read on a bare pty


def one_run(source: Path) -> RunTimes:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        raw = bare_pty_ms(SCANS)
        path = folder / "station.sqlite3"
        shutil.copy(source, path)
        store = open_store(path, background_checkpoints=True)  # as the kiosk does
        stop_checkpoints = threading.Event()
        start_checkpointer(path, stop_checkpoints)
        try:
            station = PackStation(
                store.sessions, StationContext("BENCH-1", "OP-001"), reads=store.reads
            )
            station.ensure_station("Serial bench")
            to_call, use_case = scan_through_serial(station, plan(store), folder)
        finally:
            stop_checkpoints.set()
            store.close()
    return RunTimes(to_call, use_case, raw)


def plan(store: Store) -> list[tuple[bytes, bool]]:
    """SCANS scans of open orders: each order number, then one EAN-13 per unit to pack."""
    with store.reads() as s:
        units = select(ProductBarcode.product_id, ProductBarcode.gtin14).where(
            ProductBarcode.units == 1
        )
        unit_gtin = {pid: gtin for pid, gtin in s.execute(units)}
        scans: list[tuple[bytes, bool]] = []
        orders = select(Order).where(Order.status == "open").order_by(Order.id.desc())
        for order in s.execute(orders).scalars():
            scans.append((ORDER_AIM + order.number.encode() + b"\r", False))
            for line in order.lines:
                code = unit_gtin[line.product_id].lstrip("0").zfill(13).encode()
                scans += [(ITEM_AIM + code + b"\r", True)] * line.qty_ordered
            if len(scans) >= SCANS:
                return scans[:SCANS]
    raise AssertionError("not enough open orders for the bench")


def scan_through_serial(
    station: PackStation, scans: list[tuple[bytes, bool]], folder: Path
) -> tuple[list[float], list[float]]:
    cable = FakeCable(folder / "scanner0")
    cable.plug()
    assert cable.master is not None
    receiver = Receiver(station)
    connected = threading.Event()

    def on_state(name: str, state: PortState, detail: str) -> None:
        if state is PortState.CONNECTED:
            connected.set()

    scanner = SerialScanner(
        SerialScannerConfig(port=str(cable.link), name="bench"),
        receiver.on_scan,
        lambda name, error: print(f"   framing error: {error.message}", flush=True),
        on_state,
    )
    scanner.start()
    to_call: list[float] = []
    use_case: list[float] = []
    try:
        assert connected.wait(TIMEOUT_S), "the scanner never opened the pty"
        time.sleep(0.3)  # pyserial has made the port raw (bytes before that are cooked)
        for data, is_item in scans:
            receiver.done.clear()
            started = time.perf_counter_ns()
            os.write(cable.master, data)
            assert receiver.done.wait(TIMEOUT_S), f"no scan for {data!r}"
            if receiver.error is not None:
                raise receiver.error
            result = receiver.result
            assert result is not None
            wanted = (
                (Outcome.ITEM_PACKED, Outcome.ORDER_PACKED) if is_item else (Outcome.ORDER_OPENED,)
            )
            assert result.outcome in wanted, (data, result)
            to_call.append((receiver.called_ns - started) / 1e6)
            use_case.append(receiver.use_case_ns / 1e6)
            time.sleep(SPACING_S)
    finally:
        scanner.stop()
        cable.unplug()
    return to_call, use_case


def bare_pty_ms(n: int) -> list[float]:
    """os.write on the master to os.read returning on the slave, in a reader thread."""
    master, slave = os.openpty()
    tty.setraw(slave)
    got = threading.Event()
    read_ns = [0]

    def reader() -> None:
        pending = b""
        while not pending.endswith(b"\x04"):
            pending += os.read(slave, 64)
            if pending.endswith((b"\r", b"\x04")):  # a whole line, as the framer needs
                read_ns[0] = time.perf_counter_ns()
                pending = pending[-1:] if pending.endswith(b"\x04") else b""
                got.set()

    thread = threading.Thread(target=reader, name="bench-bare-pty", daemon=True)
    thread.start()
    times: list[float] = []
    line = ITEM_AIM + b"5901234123457\r"
    try:
        for _ in range(n):
            got.clear()
            started = time.perf_counter_ns()
            os.write(master, line)
            assert got.wait(TIMEOUT_S), "bare pty read nothing"
            times.append((read_ns[0] - started) / 1e6)
            time.sleep(SPACING_S)
        os.write(master, b"\x04")
        thread.join(TIMEOUT_S)
    finally:
        os.close(master)
        os.close(slave)
    return times
