"""The printer gateway on real parts: loopback TCP printers, real ptys, real folders.

It turns a printer's saved settings into a transport and a transport's report into one of
the three outcomes the print-job rules act on; it must never raise, and two jobs for one
printer must never be mixed on the wire.
"""

from __future__ import annotations

import errno
import os
import select
import threading
import time
from collections.abc import Iterator
from dataclasses import fields
from pathlib import Path

import pytest

from app.ports import Delivery, DeliveryOutcome
from app.station_devices import DevicesFileError, Language, PrinterSettings, TransportKind
from devices.emulators.status_replies import State
from devices.emulators.tcp_printer import JobEnd, TcpPrinterEmulator
from devices.printer_gateway import PrinterGateway, transport_for
from devices.printing.folder import FolderTransport
from devices.printing.serial_port import SerialTransport
from devices.printing.status import PrinterState
from devices.printing.tcp import TcpTransport
from devices.printing.usb import UsbTransport
from tests.ptys import FakeCable

LABEL = (
    b"^XA^CI28^PW812^LL1218^FO60,70^A0N,40,40^FDTOTE 1042 / PACK-T1^FS"
    b"^FO60,140^BY3^BCN,160,Y,N,N^FD1Z999AA10123456784^FS^XZ"
)
RECEIPT = b"\x1b@Gift note for order SO-100001\nEnjoy!\n\x1dV\x00"
JOBS = {"zpl": LABEL, "escpos": RECEIPT}


@pytest.fixture
def gateway() -> Iterator[PrinterGateway]:
    gateway = PrinterGateway()
    yield gateway
    gateway.close()


@pytest.fixture(params=["zpl", "escpos"])
def emulator(request: pytest.FixtureRequest) -> Iterator[TcpPrinterEmulator]:
    with TcpPrinterEmulator(request.param) as printer:
        yield printer


def tcp_printer(emulator: TcpPrinterEmulator, name: str = "Printer") -> PrinterSettings:
    language = Language.ZPL if emulator.language == "zpl" else Language.ESCPOS
    return PrinterSettings(name, language, TransportKind.TCP, f"127.0.0.1:{emulator.port}")


def unchecked(
    name: str, language: Language, transport: TransportKind, address: str
) -> PrinterSettings:
    """Settings that skipped validation (as a bug elsewhere or a future field might make):
    the gateway must still answer with a Delivery, not an exception."""
    settings = object.__new__(PrinterSettings)
    values = {"name": name, "language": language, "transport": transport, "address": address}
    for f in fields(PrinterSettings):
        object.__setattr__(settings, f.name, values.get(f.name, f.default))
    return settings


# -- TCP ----------------------------------------------------------------------------------


def test_a_job_is_delivered_byte_for_byte_and_says_where_it_went(
    gateway: PrinterGateway, emulator: TcpPrinterEmulator
) -> None:
    data = JOBS[emulator.language]
    delivery = gateway.deliver(tcp_printer(emulator), data, "SO-100001-label", 2.0)
    assert delivery == Delivery(DeliveryOutcome.DELIVERED, "", f"tcp 127.0.0.1:{emulator.port}")
    [job] = emulator.wait_for_jobs(1)
    assert job.data == data and job.end is JobEnd.EOF


def test_a_switched_off_printer_is_not_sent_with_a_reason_an_operator_understands(
    gateway: PrinterGateway, emulator: TcpPrinterEmulator
) -> None:
    """Connection refused: nothing left the machine, so the job may be retried by itself;
    the detail names the printer's address and says it is not reachable."""
    emulator.set_state(State.OFFLINE)
    delivery = gateway.deliver(tcp_printer(emulator), JOBS[emulator.language], "job", 1.0)
    assert delivery.outcome is DeliveryOutcome.NOT_SENT
    assert f"Printer 127.0.0.1:{emulator.port} is not reachable." in delivery.detail
    assert "ConnectionRefused" in delivery.detail  # the technical cause, for the log
    emulator.set_state(State.READY)
    assert emulator.jobs == []


def test_a_connection_reset_mid_job_is_uncertain(
    gateway: PrinterGateway, emulator: TcpPrinterEmulator
) -> None:
    """Part of the job reached the printer: a reprint must be the operator's choice."""
    emulator.drop_next_job_after(100)
    job = JOBS[emulator.language] * 50
    delivery = gateway.deliver(tcp_printer(emulator), job, "job", 2.0)
    assert delivery.outcome is DeliveryOutcome.UNCERTAIN, delivery
    assert delivery.detail
    [dropped] = emulator.wait_for_jobs(1)
    assert dropped.end is JobEnd.DROPPED and dropped.data == job[:100]


@pytest.mark.parametrize(
    ("state", "expected"),
    [
        (State.READY, PrinterState.READY),
        (State.PAPER_OUT, PrinterState.PAPER_OUT),
        (State.OFFLINE, PrinterState.OFFLINE),
    ],
)
def test_status_of_a_ready_an_empty_and_a_switched_off_printer(
    gateway: PrinterGateway, emulator: TcpPrinterEmulator, state: State, expected: PrinterState
) -> None:
    emulator.set_state(state)
    status = gateway.status(tcp_printer(emulator), timeout_s=1.0)
    assert status.state is expected, status
    assert emulator.jobs == []  # asking is not printing


def test_two_jobs_at_once_for_one_printer_arrive_whole_one_after_the_other(
    gateway: PrinterGateway,
) -> None:
    """GIVEN two threads printing to one slow printer at the same instant THEN each job
    arrives whole, as its own job, and the second connects only once the first is done."""
    with TcpPrinterEmulator("zpl") as printer:
        printer.slow(bytes_per_read=8192, pause_s=0.002)
        settings = tcp_printer(printer)
        jobs = [b"^XA" + bytes([ord("A") + i]) * 100_000 + b"^XZ" for i in range(2)]
        start = threading.Barrier(2)
        results: list[Delivery] = []

        def send(data: bytes) -> None:
            start.wait()
            results.append(gateway.deliver(settings, data, "job", 2.0))

        threads = [threading.Thread(target=send, args=(job,)) for job in jobs]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(3.0)
        first, second = printer.wait_for_jobs(2)
    assert [r.outcome for r in results] == [DeliveryOutcome.DELIVERED] * 2
    assert sorted([first.data, second.data]) == jobs
    assert second.connected_ns > first.last_byte_ns  # never two connections at once


def test_status_during_a_job_does_not_mix_into_it(gateway: PrinterGateway) -> None:
    """The health panel asks while a receipt prints: the query goes over its own
    connection, so the receipt arrives exactly as sent."""
    with TcpPrinterEmulator("escpos") as printer:
        printer.slow(bytes_per_read=4096, pause_s=0.002)
        settings = tcp_printer(printer)
        job = b"\x1b@" + b"line of a long receipt\n" * 4000
        sender = threading.Thread(target=gateway.deliver, args=(settings, job, "r", 2.0))
        sender.start()
        assert gateway.status(settings, 1.0).state is PrinterState.READY
        sender.join(3.0)
        [received] = printer.wait_for_jobs(1)
    assert received.data == job and received.status_queries == 0


# -- folder -------------------------------------------------------------------------------


def test_a_folder_printer_writes_the_job_under_its_name_and_says_which_file(
    gateway: PrinterGateway, tmp_path: Path
) -> None:
    printer = PrinterSettings("Slips", Language.PDF, TransportKind.FOLDER, str(tmp_path))
    first = gateway.deliver(printer, b"%PDF-1.7 slip", "SO-100001-packing-slip.pdf", 1.0)
    again = gateway.deliver(printer, b"%PDF-1.7 reprint", "SO-100001-packing-slip.pdf", 1.0)
    assert first == Delivery(
        DeliveryOutcome.DELIVERED, "", str(tmp_path / "SO-100001-packing-slip.pdf")
    )
    assert again.location == str(tmp_path / "SO-100001-packing-slip-2.pdf")  # never replaced
    assert Path(first.location or "").read_bytes() == b"%PDF-1.7 slip"
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "SO-100001-packing-slip-2.pdf",
        "SO-100001-packing-slip.pdf",
    ]


def test_a_missing_folder_is_not_sent_and_names_the_folder_not_an_exception(
    gateway: PrinterGateway, tmp_path: Path
) -> None:
    folder = tmp_path / "unmounted-share"
    printer = PrinterSettings("Slips", Language.PDF, TransportKind.FOLDER, str(folder))
    delivery = gateway.deliver(printer, b"%PDF", "slip.pdf", 1.0)
    assert delivery.outcome is DeliveryOutcome.NOT_SENT
    assert f"Could not write the job into {folder}." in delivery.detail
    assert delivery.location == f"folder {folder}"  # where it was going, not the error text
    status = gateway.status(printer)
    assert status.state is PrinterState.OFFLINE and "does not exist" in status.detail
    folder.mkdir()
    assert gateway.status(printer).state is PrinterState.READY


# -- serial (real pty) --------------------------------------------------------------------


def read_all(master: int, count: int, timeout_s: float = 1.5) -> bytes:
    """The printer's end of the cable, until ``count`` bytes or the timeout. Between jobs
    nobody has the port open and Linux reports EIO on the master: that is "nothing yet"."""
    got = b""
    end = time.monotonic() + timeout_s
    while len(got) < count and (left := end - time.monotonic()) > 0:
        if not select.select([master], [], [], left)[0]:
            break
        try:
            got += os.read(master, 65536)
        except OSError as exc:
            if exc.errno != errno.EIO:
                raise
            time.sleep(0.005)
    return got


@pytest.fixture
def cable(tmp_path: Path) -> Iterator[FakeCable]:
    cable = FakeCable(tmp_path / "printer0")
    cable.plug()
    yield cable
    if cable.master is not None:
        cable.unplug()


def serial_printer(cable: FakeCable, suffix: str = "@115200") -> PrinterSettings:
    return PrinterSettings(
        "Receipts", Language.ESCPOS, TransportKind.SERIAL, f"{cable.link}{suffix}"
    )


def test_serial_port_and_baud_are_read_from_the_address(cable: FakeCable) -> None:
    transport = transport_for(serial_printer(cable))
    assert isinstance(transport, SerialTransport)
    assert (transport.port, transport.baudrate) == (str(cable.link), 115200)
    plain = transport_for(serial_printer(cable, suffix=""))
    assert isinstance(plain, SerialTransport) and plain.baudrate == 9600


def test_a_serial_printer_gets_the_job_through_a_real_pty(
    gateway: PrinterGateway, cable: FakeCable
) -> None:
    assert cable.master is not None
    job = b"\x1b@" + b"Order 1042\n" * 200 + b"\x1dV\x00"
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(read_all(cable.master or -1, len(job))))
    reader.start()
    delivery = gateway.deliver(serial_printer(cable), job, "gift-note", 1.5)
    reader.join(2.0)
    assert delivery == Delivery(DeliveryOutcome.DELIVERED, "", f"serial {cable.link}")
    assert got == [job]


def test_two_jobs_at_once_on_one_serial_printer_both_print_whole(
    gateway: PrinterGateway, cable: FakeCable
) -> None:
    """The port is opened exclusively: without the gateway's per-printer lock the second
    job would find it in use. With it, both go out, one after the other, unmixed."""
    jobs = [b"\x1b@" + bytes([ord("A") + i]) * 20_000 + b"\x1dV\x00" for i in range(2)]
    got: list[bytes] = []
    reader = threading.Thread(
        target=lambda: got.append(read_all(cable.master or -1, sum(map(len, jobs))))
    )
    reader.start()
    start = threading.Barrier(2)
    results: list[Delivery] = []

    def send(data: bytes) -> None:
        start.wait()
        results.append(gateway.deliver(serial_printer(cable), data, "job", 1.5))

    threads = [threading.Thread(target=send, args=(job,)) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(2.0)
    reader.join(2.0)
    assert [r.outcome for r in results] == [DeliveryOutcome.DELIVERED] * 2, results
    assert got in ([jobs[0] + jobs[1]], [jobs[1] + jobs[0]])


def test_a_missing_serial_port_is_not_sent(gateway: PrinterGateway, tmp_path: Path) -> None:
    printer = PrinterSettings(
        "Receipts", Language.ESCPOS, TransportKind.SERIAL, f"{tmp_path}/ttyUSB9@9600"
    )
    delivery = gateway.deliver(printer, RECEIPT, "job", 1.0)
    assert delivery.outcome is DeliveryOutcome.NOT_SENT
    assert "missing or in use" in delivery.detail
    assert gateway.status(printer, 0.2).state is PrinterState.OFFLINE


# -- bad addresses and USB ----------------------------------------------------------------


def test_a_usb_address_that_is_not_hex_is_refused_by_the_settings() -> None:
    with pytest.raises(DevicesFileError, match="vendor:product in hex"):
        PrinterSettings("Epson", Language.ESCPOS, TransportKind.USB, "epson:tm-t20")


@pytest.mark.parametrize(
    ("transport", "address", "says"),
    [
        (TransportKind.USB, "epson:tm-t20", "not vendor:product in hex"),
        (TransportKind.USB, "04b8", "not vendor:product in hex"),
        (TransportKind.SERIAL, "/dev/ttyS0@fast", "is not port@baud"),
    ],
)
def test_an_address_that_escaped_validation_is_not_sent_never_an_exception(
    gateway: PrinterGateway, transport: TransportKind, address: str, says: str
) -> None:
    printer = unchecked("Epson", Language.ESCPOS, transport, address)
    delivery = gateway.deliver(printer, RECEIPT, "job", 1.0)
    assert delivery.outcome is DeliveryOutcome.NOT_SENT
    assert delivery.detail.startswith("printer Epson: ") and says in delivery.detail
    status = gateway.status(printer, 0.2)
    assert status.state is PrinterState.ERROR and says in status.detail


def test_a_transport_that_raises_gives_an_uncertain_delivery_and_an_unknown_status(
    gateway: PrinterGateway,
) -> None:
    """A host name the socket library cannot even encode makes TcpTransport raise (a
    UnicodeError, not an OSError). The gateway still answers: UNCERTAIN, since it cannot
    prove that nothing went out, and the status is UNKNOWN with the reason."""
    printer = unchecked("Zebra", Language.ZPL, TransportKind.TCP, "a" * 70 + ".example:9100")
    delivery = gateway.deliver(printer, LABEL, "job", 1.0)
    assert delivery.outcome is DeliveryOutcome.UNCERTAIN
    assert "failed unexpectedly" in delivery.detail and "UnicodeEncodeError" in delivery.detail
    status = gateway.status(printer, 0.2)
    assert status.state is PrinterState.UNKNOWN and "UnicodeEncodeError" in status.detail


def test_a_usb_printer_that_is_not_there_is_not_sent(gateway: PrinterGateway) -> None:
    printer = PrinterSettings("Epson", Language.ESCPOS, TransportKind.USB, "04b8:0e15")
    delivery = gateway.deliver(printer, RECEIPT, "job", 1.0)
    assert delivery.outcome is DeliveryOutcome.NOT_SENT
    assert "04b8:0e15" in delivery.detail and delivery.location == "usb 04b8:0e15"
    assert gateway.status(printer, 0.2).state is PrinterState.OFFLINE


def test_one_usb_handle_is_kept_per_printer_until_its_settings_change(
    gateway: PrinterGateway,
) -> None:
    """Opening a USB printer resets it, so the gateway keeps one transport per printer;
    changed settings (another device) get a fresh one; close() lets them all go."""
    epson = PrinterSettings("Epson", Language.ESCPOS, TransportKind.USB, "04b8:0e15")
    kept = gateway._transport(epson)
    assert isinstance(kept, UsbTransport)
    assert gateway._transport(epson) is kept
    moved = PrinterSettings("Epson", Language.ESCPOS, TransportKind.USB, "04b8:0202")
    fresh = gateway._transport(moved)
    assert fresh is not kept and fresh.name == "usb 04b8:0202"
    gateway.close()
    assert gateway._transport(moved) is not fresh


def test_tcp_and_folder_transports_are_made_per_job() -> None:
    zebra = PrinterSettings("Zebra", Language.ZPL, TransportKind.TCP, "10.0.0.7:9100")
    transport = transport_for(zebra)
    assert isinstance(transport, TcpTransport)
    assert (transport.host, transport.port, transport.name) == (
        "10.0.0.7",
        9100,
        "tcp 10.0.0.7:9100",
    )
    folder = transport_for(PrinterSettings("F", Language.PDF, TransportKind.FOLDER, "/srv/out"))
    assert isinstance(folder, FolderTransport) and folder.folder == Path("/srv/out")
