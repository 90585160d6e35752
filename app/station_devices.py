"""The station's hardware, as set on its devices screen: ``devices.toml`` next to the store.

A plain TOML file so a technician can read and fix it by hand; every value is checked on
load and a mistake is reported with the table and key it is in, never half-applied. Saving
replaces the file atomically, so a power cut leaves the old or the new file, never a mix.

Which printer prints which document is part of the file (``documents = [...]``); a document
that no printer claims goes to the first printer that claims none (``documents`` left empty)
and whose language can draw it, else to the first printer that can draw it at all: a gift
note is printed somewhere rather than not at all.
"""

from __future__ import annotations

import contextlib
import math
import os
import tempfile
import tomllib
from collections.abc import Mapping
from dataclasses import MISSING, dataclass, field, fields, replace
from enum import StrEnum
from pathlib import Path
from typing import Any

import tomli_w

from app.domain.sscc import layout_problem as sscc_layout_problem
from app.scale_protocols import ScaleProtocol
from app.serial_framing import Terminator

DOCUMENT_KINDS = ("packing_slip", "shipping_label", "gift_note", "tote_label", "location_label")


class Language(StrEnum):
    ZPL = "zpl"  # Zebra and compatible label printers
    ESCPOS = "escpos"  # receipt printers
    PDF = "pdf"  # office printers, archives, previews


class TransportKind(StrEnum):
    TCP = "tcp"  # raw port 9100 (address "host:port")
    SERIAL = "serial"  # address: device path, optionally @baud ("/dev/ttyUSB0@19200")
    USB = "usb"  # address: "vendor:product" in hex, e.g. "04b8:0202"
    FOLDER = "folder"  # address: a directory; each job becomes one file
    QUEUE = "queue"  # address: a CUPS queue name (lp -d)


CAN_DRAW: dict[Language, frozenset[str]] = {
    Language.ZPL: frozenset({"shipping_label", "gift_note", "tote_label", "location_label"}),
    Language.ESCPOS: frozenset({"packing_slip", "gift_note", "tote_label", "location_label"}),
    # Qt draws every document as PDF: A4 packing slips, labels on a page of their own size.
    Language.PDF: frozenset(DOCUMENT_KINDS),
}


class DevicesFileError(ValueError):
    """devices.toml cannot be used; ``str()`` says where and what to fix."""


@dataclass(frozen=True, slots=True)
class PrinterSettings:
    name: str
    language: Language
    transport: TransportKind
    address: str
    dpi: int = 203  # ZPL: 203 or 300
    paper_width_mm: int = 80  # ESC/POS: 80 or 58
    documents: tuple[str, ...] = ()  # kinds this printer takes; empty: what no printer claims

    def __post_init__(self) -> None:
        if not isinstance(self.name, str) or not self.name.strip():
            raise DevicesFileError("a printer needs a name")
        who = f"printer {self.name}"
        for key, number in (("dpi", self.dpi), ("paper_width_mm", self.paper_width_mm)):
            if not _is_int(number):
                raise DevicesFileError(f"{who}: {key} must be a whole number, not {number!r}")
        if self.language is Language.ZPL and self.dpi not in (203, 300):
            raise DevicesFileError(f"{who}: dpi must be 203 or 300")
        if self.language is Language.ESCPOS and self.paper_width_mm not in (58, 80):
            raise DevicesFileError(f"{who}: paper_width_mm must be 58 or 80")
        if not isinstance(self.documents, tuple) or not all(
            isinstance(kind, str) for kind in self.documents
        ):
            raise DevicesFileError(f"{who}: documents must be a list of document kinds")
        for kind in self.documents:
            if kind not in DOCUMENT_KINDS:
                raise DevicesFileError(f"{who}: unknown document {kind!r}")
            if kind not in CAN_DRAW[self.language]:
                raise DevicesFileError(
                    f"{who}: a {self.language.value} printer cannot print {kind}"
                )
        problem = _address_problem(self.transport, self.address)
        if problem:
            raise DevicesFileError(f"{who}: address {problem}")


def _address_problem(transport: TransportKind, address: object) -> str:
    """What is wrong with ``address`` for ``transport``; empty when it can be used."""
    if not isinstance(address, str) or not address.strip():
        return "is missing"
    match transport:
        case TransportKind.TCP:
            host, _, port = address.rpartition(":")
            if not _is_host(host) or not _is_number(port, 1, 65535):
                return f"must be host:port with a port from 1 to 65535, not {address!r}"
        case TransportKind.SERIAL:
            port, at, baud = address.partition("@")
            if not port.strip() or (at and not _is_number(baud, 1, 10_000_000)):
                return f"must be a device path, optionally @baud (/dev/ttyS0@9600), not {address!r}"
        case TransportKind.USB:
            ids = address.split(":")
            if len(ids) != 2 or not all(_is_hex_id(x) for x in ids):
                return f"must be vendor:product in hex (04b8:0202), not {address!r}"
    return ""


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_number(text: str, low: int, high: int) -> bool:
    return text.isascii() and text.isdigit() and low <= int(text) <= high


def _is_hex_id(text: str) -> bool:
    return 1 <= len(text) <= 4 and all(c in "0123456789abcdefABCDEF" for c in text)


def _is_host(host: str) -> bool:
    """A name or IP address a socket can be given (the name need not resolve yet)."""
    if not host or host != host.strip() or any(c.isspace() for c in host):
        return False
    try:
        host.encode("idna")  # labels of 1 to 63 characters; what connect() would need
    except UnicodeError:
        return False
    return True


@dataclass(frozen=True, slots=True)
class ScannerSettings:
    name: str
    port: str
    baud: int = 9600
    suffix: str = "cr"  # cr, lf, crlf, none (see app.serial_framing.Terminator)

    def __post_init__(self) -> None:
        who = _device("scanner", self.name, self.port, self.baud)
        if self.suffix not in {t.value for t in Terminator}:
            choices = ", ".join(t.value for t in Terminator)
            raise DevicesFileError(f"{who}: suffix must be one of {choices}, not {self.suffix!r}")


@dataclass(frozen=True, slots=True)
class ScaleSettings:
    name: str
    port: str
    protocol: str = "sics"  # sics (command/answer) or stream (continuous A&D/CAS frames)
    baud: int = 9600

    def __post_init__(self) -> None:
        who = _device("scale", self.name, self.port, self.baud)
        if self.protocol not in {p.value for p in ScaleProtocol}:
            choices = " or ".join(p.value for p in ScaleProtocol)
            raise DevicesFileError(f"{who}: protocol must be {choices}, not {self.protocol!r}")


def _device(table: str, name: object, port: object, baud: object) -> str:
    """Checks what scanners and scales share; returns how to name this one in a message."""
    if not isinstance(name, str) or not name.strip():
        raise DevicesFileError(f"a {table} needs a name")
    who = f"{table} {name}"
    if not isinstance(port, str) or not port.strip():
        raise DevicesFileError(f"{who}: port is missing")
    if not _is_int(baud) or not 0 < baud <= 10_000_000:  # type: ignore[operator]
        raise DevicesFileError(f"{who}: baud must be a positive whole number, not {baud!r}")
    return who


@dataclass(frozen=True, slots=True)
class StationDevices:
    printers: tuple[PrinterSettings, ...] = ()
    scanners: tuple[ScannerSettings, ...] = ()
    scale: ScaleSettings | None = None
    wedge_max_gap_ms: float | None = None  # set by calibration; None: the default
    gs1_company_prefix: str = "0614141"  # GS1's example prefix until the site sets its own
    station_number: int = 1  # 0-999, leads the SSCC serial block of this station
    ship_from: tuple[str, ...] = ("Tote warehouse",)  # sender on labels: name, then lines
    extra: Mapping[str, Any] = field(default_factory=dict)  # unknown keys, kept on save

    def __post_init__(self) -> None:
        names = [p.name for p in self.printers]
        twice = sorted({n for n in names if names.count(n) > 1})
        if twice:
            raise DevicesFileError(f"two printers have the same name: {twice[0]}")
        for key, values in (
            ("name", [s.name for s in self.scanners]),
            ("port", [s.port.strip() for s in self.scanners]),  # one port, one reader
        ):
            twice = sorted({v for v in values if values.count(v) > 1})
            if twice:
                raise DevicesFileError(f"two scanners have the same {key}: {twice[0]}")
        scale_port = self.scale.port.strip() if isinstance(self.scale, ScaleSettings) else None
        if scale_port and scale_port in [s.port.strip() for s in self.scanners]:
            raise DevicesFileError(f"the scale and a scanner have the same port: {scale_port}")
        prefix = self.gs1_company_prefix
        if not (isinstance(prefix, str) and prefix.isascii() and prefix.isdigit()) or not (
            6 <= len(prefix) <= 12
        ):
            raise DevicesFileError(f"gs1.company_prefix must be 6 to 12 digits, not {prefix!r}")
        if not _is_int(self.station_number) or not 0 <= self.station_number <= 999:
            raise DevicesFileError(
                f"station.number must be a whole number from 0 to 999, not {self.station_number!r}"
            )
        problem = sscc_layout_problem(prefix, self.station_number)
        if problem is not None:
            raise DevicesFileError(f"gs1.company_prefix: {problem}")
        gap = self.wedge_max_gap_ms
        if gap is not None and (
            not isinstance(gap, int | float) or isinstance(gap, bool) or not 0 < gap < math.inf
        ):
            raise DevicesFileError(f"wedge.max_gap_ms must be a positive number, not {gap!r}")
        lines = self.ship_from
        if not isinstance(lines, tuple) or not all(isinstance(x, str) for x in lines):
            raise DevicesFileError("site.ship_from must be a list of lines of text")
        if not lines or not lines[0].strip():
            raise DevicesFileError("site.ship_from needs at least the sender's name")

    def printer_for(self, kind: str) -> PrinterSettings | None:
        """The printer that takes ``kind``: the one that names it, else the first that names
        nothing and can draw it, else the first that can draw it at all."""
        for printer in self.printers:
            if kind in printer.documents:
                return printer
        for printer in self.printers:
            if not printer.documents and kind in CAN_DRAW[printer.language]:
                return printer
        for printer in self.printers:
            if kind in CAN_DRAW[printer.language]:
                return printer
        return None

    def printer(self, name: str) -> PrinterSettings | None:
        return next((p for p in self.printers if p.name == name), None)

    def with_printer(self, settings: PrinterSettings) -> StationDevices:
        """``settings`` replacing the printer of that name where it stands (the order decides
        which printer takes unclaimed documents), or added last."""
        if self.printer(settings.name) is None:
            return replace(self, printers=(*self.printers, settings))
        return replace(
            self,
            printers=tuple(settings if p.name == settings.name else p for p in self.printers),
        )


def default_devices(output_dir: Path) -> StationDevices:
    """A station nobody has set up yet: slips as PDF files and labels as ZPL files in the
    output folder, so nothing is lost before the printers are chosen."""
    return StationDevices(
        printers=(
            PrinterSettings(
                "Slip folder",
                Language.PDF,
                TransportKind.FOLDER,
                str(output_dir),
                documents=("packing_slip",),
            ),
            PrinterSettings(
                "Label folder",
                Language.ZPL,
                TransportKind.FOLDER,
                str(output_dir),
                documents=("shipping_label", "gift_note", "tote_label", "location_label"),
            ),
        )
    )


def load_devices(path: Path) -> StationDevices:
    """The station's devices; an absent file means none configured yet."""
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return StationDevices()
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise DevicesFileError(f"{path} is not valid TOML: {exc}") from exc
    return devices_from_dict(raw, str(path))


_TABLES = {  # the keys each known table may hold
    "station": {"number"},
    "gs1": {"company_prefix"},
    "site": {"ship_from"},
    "wedge": {"max_gap_ms"},
}


def devices_from_dict(raw: Mapping[str, Any], where: str = "devices") -> StationDevices:
    """Parsed TOML to settings; any mistake is a ``DevicesFileError`` naming its place."""
    known = {"printer", "scanner", "scale", *_TABLES}
    try:
        station, gs1, site, wedge = (_table(raw, name) for name in _TABLES)
        scale = _table(raw, "scale")
        ship_from = site.get("ship_from", ["Tote warehouse"])
        if not isinstance(ship_from, list):
            raise DevicesFileError("site.ship_from must be a list of lines of text")
        prefix = gs1.get("company_prefix", "0614141")
        return StationDevices(
            printers=tuple(
                _printer(p, f"printer #{i}") for i, p in enumerate(_array(raw, "printer"), 1)
            ),
            scanners=tuple(
                _settings(ScannerSettings, s, f"scanner #{i}")
                for i, s in enumerate(_array(raw, "scanner"), 1)
            ),
            scale=_settings(ScaleSettings, scale, "scale") if scale else None,
            wedge_max_gap_ms=_gap(wedge.get("max_gap_ms")),
            gs1_company_prefix=str(prefix) if _is_int(prefix) else prefix,
            station_number=station.get("number", 1),
            ship_from=tuple(ship_from),
            extra={k: v for k, v in raw.items() if k not in known},
        )
    except DevicesFileError as exc:
        raise DevicesFileError(f"{where}: {exc}") from exc
    except (TypeError, ValueError, KeyError, ArithmeticError) as exc:  # a check missed above
        raise DevicesFileError(f"{where}: {type(exc).__name__}: {exc}") from exc


def _gap(value: Any) -> Any:
    """A whole number of ms as a float; anything else as it is, for the check to judge."""
    return float(value) if _is_int(value) else value


def _table(raw: Mapping[str, Any], name: str) -> dict[str, Any]:
    value = raw.get(name, {})
    if not isinstance(value, Mapping):
        raise DevicesFileError(f"{name} must be a table ([{name}]), not {value!r}")
    unknown = sorted(set(value) - _TABLES.get(name, set(value)))
    if unknown:
        raise DevicesFileError(f"[{name}] has an unknown key {unknown[0]!r}")
    return dict(value)


def _array(raw: Mapping[str, Any], name: str) -> list[dict[str, Any]]:
    value = raw.get(name, [])
    if not isinstance(value, list) or not all(isinstance(x, Mapping) for x in value):
        raise DevicesFileError(f"each {name} needs its own [[{name}]] table")
    return [dict(x) for x in value]


def _printer(raw: dict[str, Any], who: str) -> PrinterSettings:
    if isinstance(raw.get("name"), str):
        who = f"{who} ({raw['name']})"
    try:
        raw["language"] = Language(raw["language"])
    except (ValueError, TypeError) as exc:
        choices = ", ".join(x.value for x in Language)
        raise DevicesFileError(f"{who}: language must be one of {choices}") from exc
    except KeyError:
        pass  # reported as missing below
    try:
        raw["transport"] = TransportKind(raw["transport"])
    except (ValueError, TypeError) as exc:
        choices = ", ".join(x.value for x in TransportKind)
        raise DevicesFileError(f"{who}: transport must be one of {choices}") from exc
    except KeyError:
        pass
    documents = raw.get("documents", [])
    if not isinstance(documents, list):
        raise DevicesFileError(f"{who}: documents must be a list of document kinds")
    raw["documents"] = tuple(documents)
    return _settings(PrinterSettings, raw, who)


def _settings[T](cls: type[T], raw: Mapping[str, Any], who: str) -> T:
    """``cls(**raw)`` with unknown and missing keys reported by name."""
    names = {f.name for f in fields(cls)}  # type: ignore[arg-type]
    unknown = sorted(set(raw) - names)
    if unknown:
        raise DevicesFileError(f"{who}: unknown key {unknown[0]!r}")
    required = [
        f.name
        for f in fields(cls)  # type: ignore[arg-type]
        if f.default is MISSING and f.default_factory is MISSING
    ]
    missing = [name for name in required if name not in raw]
    if missing:
        raise DevicesFileError(f"{who}: {missing[0]!r} is missing")
    name = raw["name"]  # every device has one
    if not isinstance(name, str) or not name.strip():
        raise DevicesFileError(f"{who}: name must be some text, not {name!r}")
    return cls(**raw)


def devices_to_dict(devices: StationDevices) -> dict[str, Any]:
    out: dict[str, Any] = dict(devices.extra)
    out["station"] = {"number": devices.station_number}
    out["gs1"] = {"company_prefix": devices.gs1_company_prefix}
    out["site"] = {"ship_from": list(devices.ship_from)}
    if devices.wedge_max_gap_ms is not None:
        out["wedge"] = {"max_gap_ms": devices.wedge_max_gap_ms}
    out["printer"] = [
        {
            "name": p.name,
            "language": p.language.value,
            "transport": p.transport.value,
            "address": p.address,
            "dpi": p.dpi,
            "paper_width_mm": p.paper_width_mm,
            "documents": list(p.documents),
        }
        for p in devices.printers
    ]
    out["scanner"] = [
        {"name": s.name, "port": s.port, "baud": s.baud, "suffix": s.suffix}
        for s in devices.scanners
    ]
    if devices.scale is not None:
        s = devices.scale
        out["scale"] = {"name": s.name, "port": s.port, "protocol": s.protocol, "baud": s.baud}
    return out


def save_devices(path: Path, devices: StationDevices) -> None:
    """Write atomically (temporary file, fsync, rename, fsync of the folder). The file keeps
    its permissions; a new one is readable by all (0644), like any settings file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    data = tomli_w.dumps(devices_to_dict(devices)).encode("utf-8")
    try:
        mode = path.stat().st_mode & 0o7777
    except FileNotFoundError:
        mode = 0o644
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as out:
            os.fchmod(out.fileno(), mode)  # mkstemp makes it 0600
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    folder = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(folder)
    finally:
        os.close(folder)
