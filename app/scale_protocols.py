"""Read and write the lines serial shipping scales speak, without I/O.

Two families cover most packing-bench scales:

- STREAM (A&D, CAS and look-alikes): the scale sends what it displays about ten times a
  second, e.g. ``ST,GS,+0001.234 kg``: ST stable, US unstable, OL out of range; an optional
  second header GS gross, NT net, TR tare (or an A&D comparison result); a signed number and
  a unit. It answers no command: zero, tare and clear tare show in the readings that follow.
- SICS (Mettler Toledo MT-SICS): the host asks ``SI`` and the scale answers one line per
  command: ``S S      1.234 kg`` (stable), ``S D ...`` (moving), ``Z A``, ``T S ...``, ``TAC A``.

Weights become integer grams with exact Decimal arithmetic (half away from zero); the value
and unit as sent are kept beside them. Every line that is not a known frame becomes a
ScaleFrameError with a reason code and one operator-facing sentence, so a mis-set scale or a
noisy cable can be diagnosed from the kiosk. Lines come from app.scale_framing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

_CRLF = b"\r\n"
_NUMBER = re.compile(r"[0-9]{1,9}(\.[0-9]{1,6})?", re.ASCII)  # bounded: never a huge Decimal


class ScaleProtocol(StrEnum):
    STREAM = "stream"  # A&D / CAS continuous ASCII output
    SICS = "sics"  # Mettler Toledo MT-SICS command / response


class Command(StrEnum):
    WEIGH = "weigh"
    ZERO = "zero"
    TARE = "tare"
    CLEAR_TARE = "clear_tare"


class WeightUnit(StrEnum):
    KG = "kg"
    G = "g"
    LB = "lb"
    OZ = "oz"


# Exact by definition: the international avoirdupois pound is 453.59237 g, the ounce 1/16 lb.
GRAMS_PER_UNIT: dict[WeightUnit, Decimal] = {
    WeightUnit.KG: Decimal(1000),
    WeightUnit.G: Decimal(1),
    WeightUnit.LB: Decimal("453.59237"),
    WeightUnit.OZ: Decimal("28.349523125"),
}


class Basis(StrEnum):
    GROSS = "gross"
    NET = "net"  # gross minus tare; MT-SICS S/SI always answer net
    TARE = "tare"  # the scale is showing its stored tare, not the load


@dataclass(frozen=True, slots=True)
class Reading:
    """One weight from the scale. weight_g, value and unit are None when out of range."""

    weight_g: int | None
    value: Decimal | None  # signed, exactly as sent
    unit: WeightUnit | None
    stable: bool  # the scale's own motion flag; see app.scale_stability for Tote's rule
    basis: Basis | None  # None: the frame does not say (A&D one-header: the display, net)
    overload: bool = False
    underload: bool = False


@dataclass(frozen=True, slots=True)
class CommandReply:
    """The scale's answer to zero / tare / clear tare (or a refused weigh)."""

    command: Command
    ok: bool
    message: str  # one English sentence for logs and operators
    tare_g: int | None = None  # the tare the scale stored (SICS "T S")
    raw: bytes = b""


@dataclass(frozen=True, slots=True)
class ScaleFrameError:
    """Bytes that are not a usable frame.

    reason: too_long, incomplete, not_ascii, control_chars, malformed, unknown_header,
    not_weight, bad_number, unknown_unit, scale_error, no_reply.
    """

    reason: str
    raw: bytes
    message: str


Parsed = Reading | CommandReply | ScaleFrameError


def to_grams(value: Decimal, unit: WeightUnit) -> int:
    """Integer grams, rounded half away from zero, so +0.5 g and -0.5 g are symmetric."""
    return int((value * GRAMS_PER_UNIT[unit]).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def encode(protocol: ScaleProtocol, command: Command) -> bytes:
    """The bytes that ask the scale for one command (A&D: Q, Z, T, CT; SICS: SI, Z, T, TAC)."""
    table = _STREAM_COMMANDS if protocol is ScaleProtocol.STREAM else _SICS_COMMANDS
    return table[command] + _CRLF


_STREAM_COMMANDS = {
    Command.WEIGH: b"Q",
    Command.ZERO: b"Z",
    Command.TARE: b"T",
    Command.CLEAR_TARE: b"CT",
}
_SICS_COMMANDS = {
    Command.WEIGH: b"SI",
    Command.ZERO: b"Z",
    Command.TARE: b"T",
    Command.CLEAR_TARE: b"TAC",
}


def parse_line(protocol: ScaleProtocol, line: bytes) -> Parsed:
    """One framed line (terminator removed) as a reading, a command reply or an error."""
    return parse_stream(line) if protocol is ScaleProtocol.STREAM else parse_sics(line)


def frame_error(reason: str, raw: bytes, what: str, advice: str) -> ScaleFrameError:
    return ScaleFrameError(reason, raw, f"Scale sent {what}; ignored. {advice}")


def _text(line: bytes) -> str | ScaleFrameError:
    """The line as ASCII text, or why it is line noise (wrong baud rate, parity, cable)."""
    advice = "Check the scale's baud rate, parity and cable."
    try:
        text = line.decode("ascii")
    except UnicodeDecodeError:
        return frame_error("not_ascii", line, "bytes that are not ASCII text", advice)
    if any(ord(c) < 32 or ord(c) == 127 for c in text):
        return frame_error("control_chars", line, "control characters in a line", advice)
    return text


def _unit(raw: bytes, unit: str) -> WeightUnit | ScaleFrameError:
    try:
        return WeightUnit(unit.lower())
    except ValueError:
        return frame_error(
            "unknown_unit",
            raw,
            f"a weight in the unit {unit!r}",
            "Set the scale to weigh in kg, g, lb or oz.",
        )


def _weight(raw: bytes, number: str, unit: str) -> tuple[Decimal, WeightUnit] | ScaleFrameError:
    """A signed number (spaces allowed after the sign, as CAS pads) and a known unit."""
    body = number.strip()
    sign = body[:1] if body[:1] in ("+", "-") else ""
    digits = body[len(sign) :].strip()
    if not _NUMBER.fullmatch(digits):
        return frame_error(
            "bad_number", raw, f"a malformed weight {number.strip()!r}", "Check the scale format."
        )
    weight_unit = _unit(raw, unit)
    if isinstance(weight_unit, ScaleFrameError):
        return weight_unit
    value = Decimal(digits)
    return (-value if sign == "-" else value), weight_unit


def _reading(
    raw: bytes, number: str, unit: str, stable: bool, basis: Basis | None
) -> Reading | ScaleFrameError:
    parsed = _weight(raw, number, unit)
    if isinstance(parsed, ScaleFrameError):
        return parsed
    value, weight_unit = parsed
    return Reading(to_grams(value, weight_unit), value, weight_unit, stable, basis)


# -- STREAM (A&D / CAS) ---------------------------------------------------------------------

_STREAM_BASIS = {"GS": Basis.GROSS, "NT": Basis.NET, "TR": Basis.TARE}
_COMPARISON = frozenset({"LO", "OK", "HI", "--"})  # A&D checkweighing result: says no basis
_STREAM_DATA = re.compile(r"(?P<number>[^A-Za-z%]*?) *(?P<unit>[A-Za-z%]*) *", re.ASCII)


def parse_stream(line: bytes) -> Reading | ScaleFrameError:
    """``ST,GS,+0001.234 kg`` / ``US,NT,-0.12 lb`` / ``OL,GS,+9999999E+19`` / ``ST,+00123.4  g``."""
    text = _text(line)
    if isinstance(text, ScaleFrameError):
        return text
    fields = text.split(",")
    if len(fields) not in (2, 3):
        return frame_error(
            "malformed", line, "a line that is not a weight frame", "Set it to A&D/CAS format."
        )
    status, data = fields[0].strip(), fields[-1]
    if status not in ("ST", "US", "OL", "QT"):
        return frame_error(
            "unknown_header", line, f"the unknown header {status!r}", "Expected ST, US or OL."
        )
    basis: Basis | None = None
    if len(fields) == 3:
        second = fields[1].strip()
        if second not in _STREAM_BASIS and second not in _COMPARISON:
            return frame_error(
                "unknown_header", line, f"the unknown header {second!r}", "Expected GS, NT or TR."
            )
        basis = _STREAM_BASIS.get(second)
    if status == "OL":  # the digits are filler (9s, spaces or E+19): only the sign counts
        under = data.strip().startswith("-")
        return Reading(None, None, None, False, basis, overload=not under, underload=under)
    match = _STREAM_DATA.fullmatch(data)
    if match is None:  # letters before the number, e.g. "ST,GS,kg12"
        return frame_error(
            "bad_number", line, f"a malformed weight {data.strip()!r}", "Check the scale format."
        )
    if status == "QT" or match["unit"].upper() in ("PC", "PCS", "%"):
        return frame_error(
            "not_weight", line, "a count or percentage, not a weight", "Set it to weighing mode."
        )
    return _reading(line, match["number"], match["unit"], status == "ST", basis)


def stream_confirms(command: Command, reading: Reading, tolerance_g: int) -> bool:
    """Whether a STREAM scale's reading shows that command done (it sends no answer)."""
    near_zero = reading.weight_g is not None and abs(reading.weight_g) <= tolerance_g
    if command is Command.ZERO:
        return reading.stable and near_zero
    if command is Command.TARE:
        return reading.stable and near_zero and reading.basis in (Basis.NET, None)
    if command is Command.CLEAR_TARE:  # a one-header frame cannot tell: any reading will do
        return reading.basis in (Basis.GROSS, None)
    return True


# -- SICS (Mettler Toledo) ------------------------------------------------------------------

_SICS_ERRORS = {
    "ES": "a syntax error (it did not understand Tote's command)",
    "ET": "a transmission error (Tote's command arrived garbled)",
    "EL": "a logical error (it cannot run Tote's command)",
}
_BUSY = "is busy or not settled"
_SICS_FAILURES = {
    ("S", "I"): (Command.WEIGH, f"Scale {_BUSY}; no weight this time."),
    ("Z", "I"): (Command.ZERO, f"Scale {_BUSY}; not zeroed. Try again."),
    ("Z", "+"): (Command.ZERO, "Zero refused: the load is above the zero range. Empty the scale."),
    ("Z", "-"): (Command.ZERO, "Zero refused: the load is below the zero range. Check the pan."),
    ("T", "I"): (Command.TARE, f"Scale {_BUSY}; no tare set. Try again."),
    ("T", "+"): (Command.TARE, "Tare refused: the load is above the taring range."),
    ("T", "-"): (Command.TARE, "Tare refused: the load is below the taring range."),
    ("TAC", "I"): (Command.CLEAR_TARE, f"Scale {_BUSY}; tare not cleared. Try again."),
}
_DONE = {
    Command.ZERO: "Scale zeroed.",
    Command.TARE: "Tare set.",
    Command.CLEAR_TARE: "Tare cleared.",
}


def done_reply(command: Command, tare_g: int | None = None, raw: bytes = b"") -> CommandReply:
    """A successful answer, worded for the operator."""
    message = f"Tare set: {tare_g} g." if tare_g is not None else _DONE.get(command, "Done.")
    return CommandReply(command, True, message, tare_g, raw)


def parse_sics(line: bytes) -> Parsed:
    """MT-SICS answers to SI, Z, T and TAC, and the general errors ES, ET, EL."""
    text = _text(line)
    if isinstance(text, ScaleFrameError):
        return text
    tokens = text.split()
    head, status = [*tokens, "", ""][:2]
    if len(tokens) == 1 and head in _SICS_ERRORS:
        return frame_error("scale_error", line, _SICS_ERRORS[head], "Check the scale's protocol.")
    if len(tokens) == 2 and (head, status) in _SICS_FAILURES:
        command, message = _SICS_FAILURES[head, status]
        return CommandReply(command, False, message, None, line)
    if head == "S" and len(tokens) == 2 and status in ("+", "-"):
        over = status == "+"
        return Reading(None, None, None, False, Basis.NET, overload=over, underload=not over)
    if head == "S" and len(tokens) == 4 and status in ("S", "D"):
        return _reading(line, tokens[2], tokens[3], status == "S", Basis.NET)
    if len(tokens) == 2 and (head, status) in (("Z", "A"), ("TAC", "A")):
        return done_reply(Command.ZERO if head == "Z" else Command.CLEAR_TARE, raw=line)
    if head == "T" and len(tokens) == 4 and status == "S":
        tare = _weight(line, tokens[2], tokens[3])
        if isinstance(tare, ScaleFrameError):
            return tare
        return done_reply(Command.TARE, to_grams(*tare), line)
    if head in ("S", "Z", "T", "TAC"):
        return frame_error(
            "malformed", line, f"a malformed {head!r} answer", "Check the scale's protocol."
        )
    return frame_error(
        "unknown_header", line, f"an unknown answer {head!r}", "Check the scale's protocol."
    )
