"""What state a printer is in, decoded from its own status replies.

Two protocols: ESC/POS real-time status (``DLE EOT n``, one byte back per query) and ZPL host
status (``~HS``, three ``STX ... ETX`` strings). The rule that shapes every parser here: a reply
that is missing, late or malformed is ``UNKNOWN`` with the reason, never ``PAPER_OUT``. Telling
an operator to change a roll that is full wastes a shift; only the paper bits say "no paper".
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum


class PrinterState(StrEnum):
    READY = "ready"
    BUSY = "busy"
    OFFLINE = "offline"  # not reachable: refused, no route, port or device missing
    PAPER_OUT = "paper_out"
    PAPER_LOW = "paper_low"
    COVER_OPEN = "cover_open"
    PAUSED = "paused"
    HEAD_OPEN = "head_open"
    ERROR = "error"
    UNKNOWN = "unknown"  # reachable (or maybe), but the printer did not answer status usably


class PrinterLanguage(StrEnum):
    ESCPOS = "escpos"
    ZPL = "zpl"


@dataclass(frozen=True, slots=True)
class PrinterStatus:
    state: PrinterState
    detail: str = ""  # operator-facing: why UNKNOWN/ERROR, which flags were set

    @property
    def can_print(self) -> bool:
        """Worth sending a job now (PAPER_LOW still prints; UNKNOWN is the caller's call)."""
        return self.state in (PrinterState.READY, PrinterState.PAPER_LOW, PrinterState.BUSY)


def unknown(reason: str) -> PrinterStatus:
    return PrinterStatus(PrinterState.UNKNOWN, reason)


# An exchange with the printer: send ``query``, read until ``complete(reply_so_far)`` or a
# timeout, return whatever arrived (possibly b""). Transports supply it; parsers stay pure.
Ask = Callable[[bytes, Callable[[bytes], bool]], bytes]

# -- ESC/POS real-time status (Epson ESC/POS reference, DLE EOT) --------------------------

DLE_EOT = b"\x10\x04"
ESCPOS_QUERIES = (1, 2, 4)  # printer status, offline cause, roll paper sensor
# Every real-time status byte has bit 0 = 0, bit 1 = 1, bit 4 = 1, bit 7 = 0. A byte that breaks
# this is not a status reply (ASB block, XOFF, line noise, another protocol).
ESCPOS_FIXED_MASK = 0x93
ESCPOS_FIXED_BITS = 0x12
# n=1 printer status
EP_OFFLINE = 0x08
EP_WAITING_RECOVERY = 0x20
# n=2 offline cause
EP_COVER_OPEN = 0x04
EP_FEED_BUTTON = 0x08
EP_PAPER_END_STOP = 0x20
EP_ERROR = 0x40
# n=4 roll paper sensor: two bits per sensor, 00 = paper, 11 = not
EP_NEAR_END = 0x0C
EP_PAPER_END = 0x60


def is_escpos_status_byte(value: int) -> bool:
    return value & ESCPOS_FIXED_MASK == ESCPOS_FIXED_BITS


def decode_escpos(printer: int, offline_cause: int, paper: int) -> PrinterStatus:
    """Decode the replies to DLE EOT 1, 2 and 4. Paper state comes only from paper bits."""
    for n, value in ((1, printer), (2, offline_cause), (4, paper)):
        if not 0 <= value <= 0xFF or not is_escpos_status_byte(value):
            return unknown(f"DLE EOT {n} reply 0x{value & 0xFF:02x} is not a status byte")
    end_bits = paper & EP_PAPER_END
    near_bits = paper & EP_NEAR_END
    if end_bits not in (0, EP_PAPER_END) or near_bits not in (0, EP_NEAR_END):
        return unknown(f"paper sensor reply 0x{paper:02x} is inconsistent (half a sensor set)")
    if offline_cause & EP_COVER_OPEN:
        return PrinterStatus(PrinterState.COVER_OPEN, "cover open")
    if end_bits or offline_cause & EP_PAPER_END_STOP:
        return PrinterStatus(PrinterState.PAPER_OUT, "paper roll empty")
    if offline_cause & EP_ERROR:
        return PrinterStatus(PrinterState.ERROR, "printer reports an error (cutter, head, ...)")
    if offline_cause & EP_FEED_BUTTON:
        return PrinterStatus(PrinterState.BUSY, "paper is being fed with the feed button")
    if printer & (EP_OFFLINE | EP_WAITING_RECOVERY):
        return PrinterStatus(PrinterState.ERROR, "printer is offline and gives no cause")
    if near_bits:
        return PrinterStatus(PrinterState.PAPER_LOW, "paper roll nearly empty")
    return PrinterStatus(PrinterState.READY)


def read_escpos_status(ask: Ask) -> PrinterStatus:
    """Ask DLE EOT 1, 2, 4 one at a time, so a missing byte cannot shift the others."""
    replies: list[int] = []
    for n in ESCPOS_QUERIES:
        reply = ask(DLE_EOT + bytes([n]), lambda got: len(got) >= 1)
        if not reply:
            return unknown(f"no reply to DLE EOT {n}")
        if len(reply) > 1:
            return unknown(f"DLE EOT {n} answered with {len(reply)} bytes: {reply[:8]!r}")
        replies.append(reply[0])
    return decode_escpos(*replies)


# -- ZPL host status (Zebra ZPL II programming guide, ~HS) --------------------------------

HOST_STATUS = b"~HS"
STX, ETX = 0x02, 0x03
# String 1: aaa,b,c,dddd,eee,f,g,h,iii,j,k,l   String 2: mmm,n,o,p,q,r,s,t,uuuuuuuu,v,www
S1_FIELDS, S2_FIELDS = 12, 11
S1_PAPER_OUT, S1_PAUSE, S1_BUFFER_FULL, S1_CORRUPT_RAM, S1_UNDER_TEMP, S1_OVER_TEMP = (
    1, 2, 5, 9, 10, 11,
)  # fmt: skip
S2_HEAD_UP, S2_RIBBON_OUT, S2_LABELS_REMAINING = 2, 3, 8


def zpl_frames(reply: bytes) -> list[bytes]:
    """The STX...ETX payloads in ``reply`` (CR LF and anything between frames ignored)."""
    frames: list[bytes] = []
    start = reply.find(bytes([STX]))
    while start != -1:
        end = reply.find(bytes([ETX]), start + 1)
        if end == -1:
            break
        frames.append(reply[start + 1 : end])
        start = reply.find(bytes([STX]), end + 1)
    return frames


def zpl_reply_complete(reply: bytes) -> bool:
    return len(zpl_frames(reply)) >= 3


def _fields(frame: bytes, count: int, name: str) -> list[str] | str:
    try:
        text = frame.decode("ascii")
    except UnicodeDecodeError:
        return f"{name} is not ASCII"
    fields = [f.strip() for f in text.split(",")]
    if len(fields) != count or not all(f.isdigit() for f in fields):
        return f"{name} is not {count} numeric fields: {text[:60]!r}"
    return fields


def parse_zpl_host_status(reply: bytes) -> PrinterStatus:
    """Decode a ~HS reply. Strings 1 and 2 carry every flag we use; string 3 is not needed."""
    frames = zpl_frames(reply)
    if len(frames) < 2:
        return unknown(f"~HS reply has {len(frames)} of 3 status strings: {reply[:40]!r}")
    s1 = _fields(frames[0], S1_FIELDS, "~HS string 1")
    if isinstance(s1, str):
        return unknown(s1)
    s2 = _fields(frames[1], S2_FIELDS, "~HS string 2")
    if isinstance(s2, str):
        return unknown(s2)
    flags = (
        s1[S1_PAPER_OUT], s1[S1_PAUSE], s1[S1_BUFFER_FULL], s1[S1_CORRUPT_RAM],
        s1[S1_UNDER_TEMP], s1[S1_OVER_TEMP], s2[S2_HEAD_UP], s2[S2_RIBBON_OUT],
    )  # fmt: skip
    if any(f not in ("0", "1") for f in flags):
        return unknown(f"~HS flag out of range in {frames[0][:40]!r} / {frames[1][:40]!r}")
    if s2[S2_HEAD_UP] == "1":
        return PrinterStatus(PrinterState.HEAD_OPEN, "print head is up")
    if s1[S1_PAPER_OUT] == "1":
        return PrinterStatus(PrinterState.PAPER_OUT, "media out")
    if s2[S2_RIBBON_OUT] == "1":
        return PrinterStatus(PrinterState.ERROR, "ribbon out")
    if s1[S1_CORRUPT_RAM] == "1":
        return PrinterStatus(PrinterState.ERROR, "configuration lost (corrupt RAM)")
    if s1[S1_OVER_TEMP] == "1" or s1[S1_UNDER_TEMP] == "1":
        return PrinterStatus(PrinterState.ERROR, "print head temperature out of range")
    if s1[S1_PAUSE] == "1":
        return PrinterStatus(PrinterState.PAUSED, "paused (press PAUSE on the printer)")
    if s1[S1_BUFFER_FULL] == "1":
        return PrinterStatus(PrinterState.BUSY, "receive buffer full")
    if int(s2[S2_LABELS_REMAINING]) > 0:
        return PrinterStatus(PrinterState.BUSY, f"{int(s2[S2_LABELS_REMAINING])} labels to go")
    return PrinterStatus(PrinterState.READY)


def read_zpl_status(ask: Ask) -> PrinterStatus:
    """Send ~HS once. Newer Zebra firmware stays silent while media is out or the head is
    open, so silence is UNKNOWN (worth showing as "check the printer"), not PAPER_OUT."""
    reply = ask(HOST_STATUS, zpl_reply_complete)
    if not reply:
        return unknown("no reply to ~HS (some Zebra firmware is silent when media is out)")
    return parse_zpl_host_status(reply)


def read_status(language: PrinterLanguage, ask: Ask) -> PrinterStatus:
    if language is PrinterLanguage.ESCPOS:
        return read_escpos_status(ask)
    return read_zpl_status(ask)
