"""The status side of an emulated printer: spotting queries in a byte stream and answering them
as an Epson (``DLE EOT n``) or Zebra (``~HS``) printer in a given state would.

The reply bytes are built from the same bit layouts the parsers in ``devices.printing.status``
decode, but written out here independently (per state, as a table), so a test that round-trips
through both is checking two readings of the manuals against each other.
"""

from __future__ import annotations

from enum import StrEnum

from devices.printing.status import PrinterLanguage as Language

__all__ = ["Language", "Replies", "State", "StatusScanner"]


class State(StrEnum):
    READY = "ready"
    OFFLINE = "offline"  # not listening: connects are refused
    PAPER_OUT = "paper_out"
    PAPER_LOW = "paper_low"
    COVER_OPEN = "cover_open"  # ESC/POS cover; ZPL print head up
    PAUSED = "paused"
    ERROR = "error"


# DLE EOT n replies (n = 1 printer, 2 offline cause, 3 error cause, 4 roll paper sensor).
# 0x12 is "all clear": only the fixed bits 1 and 4 set.
_CLEAR = {1: 0x12, 2: 0x12, 3: 0x12, 4: 0x12}
ESCPOS_REPLIES: dict[State, dict[int, int]] = {
    State.READY: _CLEAR,
    State.PAPER_LOW: {**_CLEAR, 4: 0x1E},  # near-end sensor bits 2-3
    State.PAPER_OUT: {**_CLEAR, 1: 0x1A, 2: 0x32, 4: 0x7E},  # offline, paper-end stop, both
    State.COVER_OPEN: {**_CLEAR, 1: 0x1A, 2: 0x16},  # offline, cover open
    State.PAUSED: {**_CLEAR, 1: 0x1A},  # offline, no cause given
    State.ERROR: {**_CLEAR, 1: 0x1A, 2: 0x52, 3: 0x32},  # offline, error, unrecoverable
}

# ~HS: string 1 aaa,b,c,dddd,eee,f,g,h,iii,j,k,l / string 2 mmm,n,o,p,q,r,s,t,uuuuuuuu,v,www /
# string 3 xxxx,y. Values below: 9600 8N1, 1218-dot label, tear-off mode, no faults.
_S1 = ["030", "0", "0", "1218", "000", "0", "0", "0", "000", "0", "0", "0"]
_S2 = ["001", "0", "0", "0", "1", "2", "6", "0", "00000000", "1", "000"]
_S3 = ["1234", "0"]
ZPL_FLAGS: dict[State, tuple[dict[int, str], dict[int, str]]] = {
    State.READY: ({}, {}),
    State.PAPER_LOW: ({}, {}),  # ZPL has no near-end flag
    State.PAPER_OUT: ({1: "1"}, {}),
    State.PAUSED: ({2: "1"}, {}),
    State.COVER_OPEN: ({}, {2: "1"}),  # head up
    State.ERROR: ({11: "1"}, {}),  # over temperature
}


def _frame(fields: list[str]) -> bytes:
    return b"\x02" + ",".join(fields).encode("ascii") + b"\x03\r\n"


def zpl_host_status(state: State) -> bytes:
    s1, s2 = list(_S1), list(_S2)
    set1, set2 = ZPL_FLAGS.get(state, ({}, {}))
    for i, value in set1.items():
        s1[i] = value
    for i, value in set2.items():
        s2[i] = value
    return _frame(s1) + _frame(s2) + _frame(_S3)


class Replies(StrEnum):
    ANSWER = "answer"
    SILENT = "silent"  # like Zebra firmware that stays quiet while media is out
    GARBAGE = "garbage"  # line noise, wrong protocol, a confused print server

    def reply(self, language: Language, state: State, query: bytes) -> bytes:
        if self is Replies.SILENT:
            return b""
        if language is Language.ESCPOS:
            if self is Replies.GARBAGE:
                return b"\xff"
            return bytes([ESCPOS_REPLIES.get(state, _CLEAR)[query[2]]])
        if self is Replies.GARBAGE:
            return b"\x02PRINTER READY\x03\r\n" * 3
        return zpl_host_status(state)


class StatusScanner:
    """Finds status queries in a job stream that arrives in arbitrary chunks."""

    def __init__(self, language: Language) -> None:
        self.language = language
        self._tail = b""
        self.queries = 0

    def feed(self, chunk: bytes) -> list[bytes]:
        data = self._tail + chunk
        found: list[bytes] = []
        i = 0
        if self.language is Language.ESCPOS:
            while (j := data.find(b"\x10\x04", i)) != -1 and j + 2 < len(data):
                if 1 <= data[j + 2] <= 4:
                    found.append(data[j : j + 3])
                    i = j + 3
                else:
                    i = j + 1
        else:
            upper = data.upper()  # ZPL commands are not case-sensitive
            while (j := upper.find(b"~HS", i)) != -1:
                found.append(b"~HS")
                i = j + 3
        self._tail = data[max(i, len(data) - 2) :]
        self.queries += len(found)
        return found

    def is_only_queries(self, data: bytes) -> bool:
        """True for a connection that carried nothing but status queries (or nothing)."""
        rest = data
        if self.language is Language.ESCPOS:
            for n in range(1, 5):
                rest = rest.replace(b"\x10\x04" + bytes([n]), b"")
        else:
            rest = rest.upper().replace(b"~HS", b"")
        return not rest.strip()
