"""Printer transports and status on real loopback sockets, real ptys, real files and processes.

The point of most of these: a send must say NOT_SENT only when nothing left the machine, and
UNCERTAIN whenever part of a job may be on the printer, because a reprint after UNCERTAIN is
the operator's decision and after NOT_SENT it is automatic.
"""

from __future__ import annotations

import errno
import os
import select
import socket
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from devices.emulators.status_replies import Replies, State, StatusScanner
from devices.emulators.tcp_printer import JobEnd, TcpPrinterEmulator
from devices.printing.folder import FolderTransport
from devices.printing.print_queue import PrintQueueTransport
from devices.printing.serial_port import SerialTransport
from devices.printing.status import (
    PrinterLanguage,
    PrinterState,
    decode_escpos,
    parse_zpl_host_status,
    read_escpos_status,
)
from devices.printing.tcp import TcpTransport
from devices.printing.transport import SendOutcome
from devices.printing.usb import UsbTransport
from tests.ptys import FakeCable

LABEL = (
    b"^XA^CI28^PW812^LL1218"
    b"^FO40,40^GB732,1138,4^FS^FO60,70^A0N,40,40^FDTOTE 1042 / PACK-T1^FS"
    b"^FO60,140^BY3^BCN,160,Y,N,N^FD1Z999AA10123456784^FS^XZ"
)
ZPL, ESCPOS = PrinterLanguage.ZPL, PrinterLanguage.ESCPOS


@pytest.fixture
def zebra() -> Iterator[TcpPrinterEmulator]:
    with TcpPrinterEmulator("zpl") as printer:
        yield printer


def free_port() -> int:
    """A port nobody listens on (bound, then released)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
    return port


# -- TCP ----------------------------------------------------------------------------------


def test_tcp_job_arrives_byte_exact_and_is_delivered(zebra: TcpPrinterEmulator) -> None:
    """GIVEN a listening printer WHEN a label is sent THEN it has every byte, in one job."""
    report = TcpTransport(*zebra.address).send(LABEL, deadline_s=2)
    assert report.outcome is SendOutcome.DELIVERED, report
    assert (report.bytes_sent, report.total, report.error) == (len(LABEL), len(LABEL), "")
    [job] = zebra.wait_for_jobs(1)
    assert job.data == LABEL and job.end is JobEnd.EOF and not job.held
    assert job.connected_ns <= job.first_byte_ns <= job.last_byte_ns


def test_printer_not_listening_is_not_sent_and_safe_to_retry() -> None:
    report = TcpTransport("127.0.0.1", free_port()).send(LABEL, deadline_s=1)
    assert report.outcome is SendOutcome.NOT_SENT and report.safe_to_retry
    assert report.bytes_sent == 0
    assert "not reachable" in report.error and "ConnectionRefused" in report.detail


def test_printer_that_never_accepts_times_out_as_not_sent() -> None:
    """A full accept queue drops our SYN: the connect times out and nothing was sent."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(0)
        queued = socket.create_connection(listener.getsockname(), timeout=1)  # fills the queue
        started = time.monotonic()
        transport = TcpTransport(*listener.getsockname(), connect_timeout_s=0.2)
        report = transport.send(LABEL, deadline_s=1)
        queued.close()
    assert report.outcome is SendOutcome.NOT_SENT, report
    assert time.monotonic() - started < 0.8


def test_offline_printer_refuses_then_comes_back_on_the_same_port(
    zebra: TcpPrinterEmulator,
) -> None:
    zebra.set_state(State.OFFLINE)
    transport = TcpTransport(*zebra.address)
    assert transport.send(LABEL, 1).outcome is SendOutcome.NOT_SENT
    zebra.set_state(State.READY)
    assert transport.send(LABEL, 1).delivered
    assert [j.data for j in zebra.wait_for_jobs(1)] == [LABEL]


def test_reset_mid_job_is_uncertain_never_not_sent(zebra: TcpPrinterEmulator) -> None:
    """GIVEN a printer that resets after 100 bytes THEN the job may be partly on paper."""
    zebra.drop_next_job_after(100)
    job = LABEL * 20
    report = TcpTransport(*zebra.address).send(job, deadline_s=2)
    assert report.outcome is SendOutcome.UNCERTAIN, report
    assert report.bytes_sent > 0 and not report.safe_to_retry
    assert "failed" in report.error or "confirm" in report.error
    [dropped] = zebra.wait_for_jobs(1)
    assert dropped.end is JobEnd.DROPPED and dropped.data == job[:100]


def test_deadline_with_a_stalled_printer_is_uncertain(zebra: TcpPrinterEmulator) -> None:
    """GIVEN a printer that stops reading WHEN the deadline passes mid-send THEN UNCERTAIN,
    on time, and the printer sees a reset rather than a truncated job that looks complete."""
    zebra.stall()
    big = b"^XA" + b"0" * (48 * 1024 * 1024) + b"^XZ"
    started = time.monotonic()
    report = TcpTransport(*zebra.address).send(big, deadline_s=0.3)
    assert time.monotonic() - started < 1.0
    assert report.outcome is SendOutcome.UNCERTAIN, report
    assert 0 < report.bytes_sent < len(big)
    zebra.stall(False)
    [job] = zebra.wait_for_jobs(1)
    assert job.end is JobEnd.CLIENT_RESET and len(job.data) < len(big)


def test_printer_that_keeps_the_connection_open_counts_once_every_byte_is_acked() -> None:
    """Some network printers never close their side. After the grace period the kernel's
    count of unacknowledged bytes decides: zero means the printer's TCP stack has it all."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(1)
        received = bytearray()
        done = threading.Event()

        def printer() -> None:
            conn, _ = listener.accept()
            conn.settimeout(1.5)
            with conn:
                while chunk := conn.recv(65536):
                    received.extend(chunk)  # reads up to our FIN, then just stays open
                done.wait(1.5)

        thread = threading.Thread(target=printer, daemon=True)
        thread.start()
        transport = TcpTransport(*listener.getsockname(), close_grace_s=0.2)
        report = transport.send(LABEL, deadline_s=1)
        done.set()
        thread.join()
    assert report.delivered and "kept the connection open" in report.detail, report
    assert bytes(received) == LABEL


def test_stopping_the_emulator_mid_job_is_not_a_complete_job() -> None:
    printer = TcpPrinterEmulator("zpl").start()
    with socket.create_connection(printer.address, timeout=1) as sock:
        sock.sendall(b"^XA^FO50,50")
        deadline = time.monotonic() + 1
        while printer.status_queries == 0 and time.monotonic() < deadline:
            sock.sendall(b"~HS")  # an answered query proves the bytes were read
            time.sleep(0.01)
        printer.stop()
    [job] = printer.jobs
    assert job.end is JobEnd.STOPPED and job.data.startswith(b"^XA^FO50,50")


def test_slow_printer_still_gets_everything(zebra: TcpPrinterEmulator) -> None:
    zebra.slow(bytes_per_read=512, pause_s=0.001)
    job = LABEL * 30
    assert TcpTransport(*zebra.address).send(job, deadline_s=2).delivered
    assert zebra.wait_for_jobs(1)[0].data == job


# -- status over TCP ----------------------------------------------------------------------


@pytest.mark.parametrize("language", [ZPL, ESCPOS])
@pytest.mark.parametrize(
    ("state", "expected"),
    [
        (State.READY, PrinterState.READY),
        (State.PAPER_OUT, PrinterState.PAPER_OUT),
        (State.PAUSED, None),  # per language, below
        (State.COVER_OPEN, None),
        (State.ERROR, PrinterState.ERROR),
    ],
)
def test_status_from_the_emulated_printer(
    language: PrinterLanguage, state: State, expected: PrinterState | None
) -> None:
    by_language = {
        (State.PAUSED, ZPL): PrinterState.PAUSED,
        (State.PAUSED, ESCPOS): PrinterState.ERROR,  # ESC/POS: "offline", no cause given
        (State.COVER_OPEN, ZPL): PrinterState.HEAD_OPEN,
        (State.COVER_OPEN, ESCPOS): PrinterState.COVER_OPEN,
    }
    with TcpPrinterEmulator(language) as printer:
        printer.set_state(state)
        status = TcpTransport(*printer.address, language=language).status(timeout_s=1)
        assert status.state is (expected or by_language[state, language]), status
        assert printer.jobs == []  # a status poll is not a print job


def test_escpos_paper_low_is_reported() -> None:
    with TcpPrinterEmulator("escpos") as printer:
        printer.set_state(State.PAPER_LOW)
        status = TcpTransport(*printer.address, language=ESCPOS).status(1)
    assert status.state is PrinterState.PAPER_LOW and status.can_print


@pytest.mark.parametrize("language", [ZPL, ESCPOS])
def test_unreachable_printer_is_offline(language: PrinterLanguage) -> None:
    status = TcpTransport("127.0.0.1", free_port(), language=language).status(0.5)
    assert status.state is PrinterState.OFFLINE


@pytest.mark.parametrize("language", [ZPL, ESCPOS])
@pytest.mark.parametrize("replies", [Replies.SILENT, Replies.GARBAGE])
def test_silent_or_garbage_status_is_unknown_never_paper_out(
    language: PrinterLanguage, replies: Replies
) -> None:
    with TcpPrinterEmulator(language) as printer:
        printer.set_replies(replies)
        status = TcpTransport(*printer.address, language=language).status(timeout_s=0.3)
    assert status.state is PrinterState.UNKNOWN and status.detail, status


def test_escpos_status_is_answered_inside_a_job_stream() -> None:
    """Real-time commands are handled on arrival, so a query mid-job gets its byte back."""
    with TcpPrinterEmulator("escpos") as printer:
        printer.set_state(State.PAPER_LOW)
        with socket.create_connection(printer.address, timeout=1) as sock:
            sock.sendall(b"\x1b@Order 1042\n\x10")  # the query is split across two writes
            sock.sendall(b"\x04\x04more text\n\x1dV\x00")
            assert sock.recv(1) == b"\x1e"
        [job] = printer.wait_for_jobs(1)
    assert job.status_queries == 1 and job.held is False
    assert job.data.endswith(b"\x1dV\x00")


# -- serial (real pty) --------------------------------------------------------------------


@pytest.fixture
def cable(tmp_path: Path) -> Iterator[FakeCable]:
    cable = FakeCable(tmp_path / "printer0")
    cable.plug()
    yield cable
    if cable.master is not None:
        cable.unplug()


def read_master(cable: FakeCable, count: int, timeout_s: float = 1.5) -> bytes:
    """Read the printer's end until ``count`` bytes or the timeout. While no program has the
    port open, Linux reports EIO on the master: that is "nothing yet", not an error."""
    assert cable.master is not None
    got = b""
    end = time.monotonic() + timeout_s
    while len(got) < count and (left := end - time.monotonic()) > 0:
        if not select.select([cable.master], [], [], left)[0]:
            break
        try:
            got += os.read(cable.master, 65536)
        except OSError as exc:
            if exc.errno != errno.EIO:
                raise
            time.sleep(0.005)
    return got


def test_serial_job_arrives_byte_exact(cable: FakeCable) -> None:
    job = b"\x1b@" + b"Order 1042\n" * 300 + b"\x1dV\x00"
    result: list[bytes] = []
    reader = threading.Thread(target=lambda: result.append(read_master(cable, len(job))))
    reader.start()
    report = SerialTransport(str(cable.link), 115200).send(job, deadline_s=1.5)
    reader.join()
    assert report.delivered, report
    assert result == [job]


def test_missing_serial_port_is_not_sent(tmp_path: Path) -> None:
    transport = SerialTransport(str(tmp_path / "nothing-here"), language=ESCPOS)
    report = transport.send(b"hello", 1)
    assert report.outcome is SendOutcome.NOT_SENT and "missing or in use" in report.error
    assert transport.status(0.2).state is PrinterState.OFFLINE


def answer_on(cable: FakeCable, replies: dict[bytes, bytes]) -> threading.Thread:
    """A printer on the far end of the cable that answers each query once, then goes quiet."""

    def run() -> None:
        assert cable.master is not None
        pending, todo = b"", dict(replies)
        end = time.monotonic() + 1.5
        while todo and time.monotonic() < end:
            pending += read_master(cable, 3, timeout_s=0.1)
            for query in [q for q in todo if q in pending]:
                pending = pending.replace(query, b"", 1)
                os.write(cable.master, todo.pop(query))

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread


def test_serial_status_paper_out_and_silence(cable: FakeCable) -> None:
    transport = SerialTransport(str(cable.link), language=ESCPOS)
    printer = answer_on(
        cable, {b"\x10\x04\x01": b"\x1a", b"\x10\x04\x02": b"\x32", b"\x10\x04\x04": b"\x7e"}
    )
    assert transport.status(1.0).state is PrinterState.PAPER_OUT
    printer.join()
    silent = transport.status(0.2)  # nobody answers now
    assert silent.state is PrinterState.UNKNOWN and "DLE EOT 1" in silent.detail


# -- folder -------------------------------------------------------------------------------


def test_folder_job_appears_whole_with_no_temp_file_left(tmp_path: Path) -> None:
    transport = FolderTransport(tmp_path, suffix=".zpl")
    report = transport.send(LABEL, 1)
    assert report.delivered
    [path] = tmp_path.iterdir()
    assert path.read_bytes() == LABEL and path.suffix == ".zpl" and str(path) == report.detail
    assert transport.status(0.1).state is PrinterState.READY


def test_folder_fsyncs_the_file_before_naming_it_and_the_folder_after(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    events: list[str] = []
    real_fsync, real_link = os.fsync, os.link

    def fsync(fd: int) -> None:
        target = os.readlink(f"/proc/self/fd/{fd}")
        events.append("fsync-dir" if os.path.isdir(target) else "fsync-file")
        real_fsync(fd)

    def link(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        assert not Path(dst).exists()
        events.append("visible")
        real_link(src, dst)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "link", link)
    assert FolderTransport(tmp_path).send(LABEL, 1, file_name="label-1042").delivered
    assert events == ["fsync-file", "visible", "fsync-dir"]
    assert [p.name for p in tmp_path.iterdir()] == ["label-1042.prn"]


def test_folder_failure_before_publishing_leaves_nothing_and_is_not_sent(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken_fsync(fd: int) -> None:
        raise OSError(errno.EIO, "I/O error")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    report = FolderTransport(tmp_path).send(LABEL, 1)
    assert report.outcome is SendOutcome.NOT_SENT and "EIO" not in report.error
    assert list(tmp_path.iterdir()) == []


def test_folder_never_replaces_an_earlier_job(tmp_path: Path) -> None:
    transport = FolderTransport(tmp_path)
    for data in (b"one", b"two"):
        assert transport.send(data, 1, file_name="../slip 1042.pdf").delivered
    files = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    assert files == {"slip 1042.pdf": b"one", "slip 1042-2.pdf": b"two"}


def test_missing_folder_is_offline_and_not_sent(tmp_path: Path) -> None:
    transport = FolderTransport(tmp_path / "gone")
    assert transport.send(LABEL, 1).outcome is SendOutcome.NOT_SENT
    assert transport.status(0.1).state is PrinterState.OFFLINE


# -- print queue (fake lp on PATH) --------------------------------------------------------


def fake_bin(folder: Path, name: str, script: str) -> None:
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_text("#!/bin/sh\n" + script)
    path.chmod(0o755)


@pytest.fixture
def bin_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "bin"
    folder.mkdir()
    monkeypatch.setenv("PATH", str(folder))
    return folder


def test_lp_accepts_the_job(bin_dir: Path, tmp_path: Path) -> None:
    spool = tmp_path / "spooled"
    fake_bin(
        bin_dir,
        "lp",
        f'/bin/cat > {spool}\necho "$@" > {spool}.args\necho "request id is zebra-7 (1 file(s))"\n',
    )
    report = PrintQueueTransport("zebra", raw=True).send(LABEL, 2)
    assert report.delivered and "zebra-7" in report.detail
    assert spool.read_bytes() == LABEL
    assert (tmp_path / "spooled.args").read_text().split() == ["-d", "zebra", "-o", "raw"]


def test_lp_refusing_the_job_is_not_sent(bin_dir: Path) -> None:
    fake_bin(bin_dir, "lp", '/bin/cat >/dev/null\necho "lp: The printer does not exist." >&2\n'
             "exit 1\n")  # fmt: skip
    report = PrintQueueTransport("nope").send(LABEL, 2)
    assert report.outcome is SendOutcome.NOT_SENT and "does not exist" in report.error


def test_lp_hanging_past_the_deadline_is_uncertain(bin_dir: Path) -> None:
    fake_bin(bin_dir, "lp", "exec /bin/sleep 5\n")  # exec: the kill must reach the sleeper
    started = time.monotonic()
    report = PrintQueueTransport("zebra").send(LABEL, 0.3)
    assert report.outcome is SendOutcome.UNCERTAIN and time.monotonic() - started < 1.5


def test_no_lp_installed_is_not_sent_and_offline(bin_dir: Path) -> None:
    transport = PrintQueueTransport("zebra")
    report = transport.send(LABEL, 1)
    assert report.outcome is SendOutcome.NOT_SENT and "'lp'" in report.error
    assert transport.status(0.5).state is PrinterState.OFFLINE


@pytest.mark.parametrize(
    ("lpstat_line", "expected"),
    [
        ("printer zebra is idle.  enabled since Thu 26 Nov", PrinterState.READY),
        ("printer zebra now printing zebra-7.  enabled since", PrinterState.BUSY),
        ("printer zebra disabled since Thu 26 Nov -\n\tPaused", PrinterState.PAUSED),
    ],
)
def test_queue_status_from_lpstat(bin_dir: Path, lpstat_line: str, expected: PrinterState) -> None:
    fake_bin(bin_dir, "lp", "exit 0\n")
    fake_bin(bin_dir, "lpstat", f'[ "$2" = zebra ] || exit 1\nprintf "{lpstat_line}\\n"\n')
    assert PrintQueueTransport("zebra").status(1).state is expected
    assert PrintQueueTransport("other").status(1).state is PrinterState.OFFLINE


# -- USB ----------------------------------------------------------------------------------


def test_usb_without_a_device_is_not_sent_with_a_clear_reason() -> None:
    transport = UsbTransport(0x04B8, 0x0E15, language=ESCPOS)
    report = transport.send(b"\x1b@hello\n", 1)
    assert report.outcome is SendOutcome.NOT_SENT
    assert "04b8:0e15" in report.error and "not found" in report.error, report
    assert transport.status(0.2).state is PrinterState.OFFLINE
    transport.close()


def test_usb_without_pyusb_is_not_sent_when_used(monkeypatch: pytest.MonkeyPatch) -> None:
    import escpos.printer.usb

    monkeypatch.setattr(escpos.printer.usb, "is_usable", lambda: False)
    report = UsbTransport(0x04B8, 0x0E15).send(b"x", 1)
    assert report.outcome is SendOutcome.NOT_SENT and "pyusb" in report.error


# -- emulator behaviour -------------------------------------------------------------------


def test_paper_out_holds_jobs_until_the_paper_is_back(zebra: TcpPrinterEmulator) -> None:
    zebra.set_state(State.PAPER_OUT)
    assert TcpTransport(*zebra.address).send(LABEL, 1).delivered  # accepted into the buffer
    [job] = zebra.wait_for_jobs(1)
    assert job.held and zebra.held_jobs == [job]
    zebra.set_state(State.READY)
    assert zebra.held_jobs == []


def test_previews_png_for_zpl_and_text_for_escpos(tmp_path: Path) -> None:
    seen: list[int] = []
    with TcpPrinterEmulator(
        "zpl", previews=tmp_path / "z", on_job=lambda j: seen.append(j.index)
    ) as z:
        assert TcpTransport(*z.address).send(LABEL, 1).delivered
        z.wait_for_jobs(1)
    assert (tmp_path / "z" / "job-0001-1.png").read_bytes().startswith(b"\x89PNG")
    assert seen == [1]
    receipt = b"\x1b@\x1ba\x01Order 1042\n\x1dk\x49\x05{B123\n\x1dV\x41\x03"
    with TcpPrinterEmulator("escpos", previews=tmp_path / "e") as e:
        assert TcpTransport(*e.address).send(receipt, 1).delivered
        e.wait_for_jobs(1)
    assert (tmp_path / "e" / "job-0001.bin").read_bytes() == receipt
    text = (tmp_path / "e" / "job-0001.txt").read_text()
    assert "Order 1042" in text and "[barcode {B123]" in text and "[cut]" in text


# -- parsers: arbitrary bytes -------------------------------------------------------------

bytes_0_255 = st.integers(min_value=-5, max_value=300)


@given(bytes_0_255, bytes_0_255, bytes_0_255)
def test_escpos_decode_never_claims_paper_out_without_paper_bits(p: int, o: int, s: int) -> None:
    status = decode_escpos(p, o, s)
    if status.state is PrinterState.PAPER_OUT:
        assert (s & 0x60) == 0x60 or (o & 0x20)


@given(st.lists(st.binary(max_size=4), min_size=3, max_size=3))
def test_escpos_reads_arbitrary_replies_without_crashing(replies: list[bytes]) -> None:
    answers = iter(replies)
    ask: Callable[[bytes, Callable[[bytes], bool]], bytes] = lambda q, done: next(answers)  # noqa: E731
    status = read_escpos_status(ask)
    if status.state is PrinterState.PAPER_OUT:
        assert replies[2][0] & 0x60 == 0x60 or replies[1][0] & 0x20


def hs_frames() -> st.SearchStrategy[bytes]:
    field = st.sampled_from(["0", "1", "2", "00", "030", "", "x", "1218", "-1"])
    frame = st.lists(field, min_size=0, max_size=14).map(lambda f: ",".join(f).encode())
    noise = st.binary(max_size=6)
    piece = st.tuples(noise, frame).map(lambda t: t[0] + b"\x02" + t[1] + b"\x03\r\n")
    return st.lists(piece, max_size=4).map(b"".join)


@given(st.one_of(st.binary(max_size=120), hs_frames()))
@settings(max_examples=300)
def test_zpl_host_status_never_claims_paper_out_without_the_flag(reply: bytes) -> None:
    status = parse_zpl_host_status(reply)
    if status.state is PrinterState.PAPER_OUT:
        first = reply[reply.index(b"\x02") + 1 :].split(b"\x03")[0]
        assert first.split(b",")[1].strip() == b"1"


@given(st.binary(max_size=60), st.lists(st.integers(min_value=0, max_value=60), max_size=8))
def test_status_queries_are_found_however_the_stream_is_split(data: bytes, cuts: list[int]) -> None:
    for language in (ZPL, ESCPOS):
        stream = data + b"~hs\x10\x04\x02" + data
        whole = StatusScanner(language)
        expected = whole.feed(stream)
        pieces = StatusScanner(language)
        found: list[bytes] = []
        last = 0
        for cut in [*sorted({min(c, len(stream)) for c in cuts}), len(stream)]:
            found += pieces.feed(stream[last:cut])
            last = cut
        assert len(found) == len(expected) >= 1
