"""tcp_print_job_ms: one ~4 KB ZPL label through ``TcpTransport`` to a printer on loopback.

Measured from the ``send()`` call to the emulator's receive timestamp of the job's last byte,
median of 200 jobs (plus p99). Anchor, interleaved in the same run: a bare socket doing connect,
sendall and close of the same bytes, timed the same way, so the figure shows what the
transport's bookkeeping costs over the floor of the OS and the emulator. The anchor text also
gives how long ``send()`` takes to return DELIVERED, which adds waiting for the printer's close.
"""

from __future__ import annotations

import socket
import time

from devices.emulators.tcp_printer import TcpPrinterEmulator
from devices.printing.tcp import TcpTransport
from tests.bench.figures import Figure, median, percentile

JOBS = 200
WARMUP = 20


def shipping_label() -> bytes:
    """A 4x6 in shipping label of the usual shape: boxes, text, Code 128, QR, and a logo
    as an ^GFA hex graphic (which is what makes real labels a few KB)."""
    logo_rows = [(f"{(r * 37) % 256:02X}" * 24) for r in range(80)]
    fields = "".join(
        f"^FO60,{300 + i * 44}^A0N,34,34^FD{name}: {value}^FS"
        for i, (name, value) in enumerate(
            [("SHIP TO", "Warehouse 7, Dock 3"), ("ORDER", "SO-104233"), ("TOTE", "T-0042"),
             ("WEIGHT", "4.20 kg"), ("ITEMS", "12"), ("STATION", "PACK-T1")]
        )
    )  # fmt: skip
    body = (
        "^XA^CI28^PW812^LL1218^LH0,0"
        "^FO20,20^GB772,1178,4^FS^FO20,280^GB772,0,3^FS"
        f"^FO40,40^GFA,1920,1920,24,{''.join(logo_rows)}^FS"
        f"{fields}"
        "^FO60,620^BY3^BCN,180,Y,N,N^FD1Z999AA10123456784^FS"
        "^FO60,880^BY2^BCN,140,Y,N,N,D^FD(00)106141411234567897^FS"
        "^FO560,880^BQN,2,6^FDQA,https://track.example/1Z999AA10123456784^FS"
        "^XZ"
    )
    return body.encode("ascii")


def run() -> list[Figure]:
    label = shipping_label()
    transport_ms: list[float] = []
    send_ms: list[float] = []
    raw_ms: list[float] = []
    with TcpPrinterEmulator("zpl") as printer:
        transport = TcpTransport(*printer.address)
        expected = 0
        for i in range(WARMUP + JOBS):
            started = time.monotonic_ns()
            report = transport.send(label, deadline_s=2.0)
            returned = time.monotonic_ns()
            if not report.delivered:
                raise RuntimeError(f"job {i} not delivered: {report}")
            expected += 1
            job = printer.wait_for_jobs(expected)[-1]
            if job.data != label:
                raise RuntimeError(f"job {i} arrived with {len(job.data)} of {len(label)} bytes")
            started_raw = time.monotonic_ns()
            with socket.create_connection(printer.address, timeout=2) as sock:
                sock.sendall(label)
            expected += 1
            raw = printer.wait_for_jobs(expected)[-1]
            if i >= WARMUP:
                transport_ms.append((job.last_byte_ns - started) / 1e6)
                send_ms.append((returned - started) / 1e6)
                raw_ms.append((raw.last_byte_ns - started_raw) / 1e6)
    t, r = median(transport_ms), median(raw_ms)
    return [
        Figure(
            "tcp_print_job_ms",
            round(t, 3),
            "ms",
            "<= 100",
            f"raw loopback connect+send+close {r:.3f} ms (x{t / r:.1f}); "
            f"p99 {percentile(transport_ms, 99):.3f} ms (raw {percentile(raw_ms, 99):.3f}); "
            f"send() returns DELIVERED after {median(send_ms):.3f} ms; "
            f"median of {JOBS} jobs of {len(label)} B",
        )
    ]
