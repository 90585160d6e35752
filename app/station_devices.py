"""The station's hardware, as set on its devices screen: ``devices.toml`` next to the store.

A plain TOML file so a technician can read and fix it by hand; every value is checked on
load and a mistake is reported with the table and key it is in, never half-applied. Saving
replaces the file atomically, so a power cut leaves the old or the new file, never a mix.

Which printer prints which document is part of the file (``documents = [...]``); a document
that no printer claims goes to the first printer of a language that can draw it.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum
from pathlib import Path
from typing import Any

import tomli_w

DOCUMENT_KINDS = ("packing_slip", "shipping_label", "gift_note", "tote_label", "location_label")


class Language(StrEnum):
    ZPL = "zpl"  # Zebra and compatible label printers
    ESCPOS = "escpos"  # receipt printers
    PDF = "pdf"  # office printers, archives, previews


class TransportKind(StrEnum):
    TCP = "tcp"  # raw port 9100 (address "host:port")
    SERIAL = "serial"  # address: device path
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
    documents: tuple[str, ...] = ()  # kinds this printer takes; empty: none by choice

    def __post_init__(self) -> None:
        if not self.name.strip():
            raise DevicesFileError("a printer needs a name")
        if self.language is Language.ZPL and self.dpi not in (203, 300):
            raise DevicesFileError(f"printer {self.name}: dpi must be 203 or 300")
        if self.language is Language.ESCPOS and self.paper_width_mm not in (58, 80):
            raise DevicesFileError(f"printer {self.name}: paper_width_mm must be 58 or 80")
        for kind in self.documents:
            if kind not in DOCUMENT_KINDS:
                raise DevicesFileError(f"printer {self.name}: unknown document {kind!r}")
            if kind not in CAN_DRAW[self.language]:
                raise DevicesFileError(
                    f"printer {self.name}: a {self.language.value} printer cannot print {kind}"
                )
        if self.transport is TransportKind.TCP:
            host, _, port = self.address.rpartition(":")
            if not host or not port.isdigit():
                raise DevicesFileError(f"printer {self.name}: address must be host:port")


@dataclass(frozen=True, slots=True)
class ScannerSettings:
    name: str
    port: str
    baud: int = 9600
    suffix: str = "cr"  # cr, lf, crlf, none (see app.serial_framing.Terminator)


@dataclass(frozen=True, slots=True)
class ScaleSettings:
    name: str
    port: str
    protocol: str = "sics"  # sics (command/answer) or stream (continuous A&D/CAS frames)
    baud: int = 9600


@dataclass(frozen=True, slots=True)
class StationDevices:
    printers: tuple[PrinterSettings, ...] = ()
    scanners: tuple[ScannerSettings, ...] = ()
    scale: ScaleSettings | None = None
    wedge_max_gap_ms: float | None = None  # set by calibration; None: the default
    gs1_company_prefix: str = "0614141"  # GS1's example prefix until the site sets its own
    station_number: int = 1  # leads the SSCC serial block of this station
    ship_from: tuple[str, ...] = ("Tote warehouse",)  # sender on labels: name, then lines
    extra: Mapping[str, Any] = field(default_factory=dict)  # unknown keys, kept on save

    def __post_init__(self) -> None:
        names = [p.name for p in self.printers]
        if len(set(names)) != len(names):
            raise DevicesFileError("two printers have the same name")
        if not (self.gs1_company_prefix.isdigit() and 6 <= len(self.gs1_company_prefix) <= 12):
            raise DevicesFileError("gs1_company_prefix must be 6 to 12 digits")
        if not 0 <= self.station_number <= 9999:
            raise DevicesFileError("station_number must be 0 to 9999")
        if not self.ship_from or not self.ship_from[0].strip():
            raise DevicesFileError("site.ship_from needs at least the sender's name")

    def printer_for(self, kind: str) -> PrinterSettings | None:
        """The printer that takes ``kind``: the one that names it, else the first that can."""
        for printer in self.printers:
            if kind in printer.documents:
                return printer
        for printer in self.printers:
            if not printer.documents and kind in CAN_DRAW[printer.language]:
                return printer
        return None

    def printer(self, name: str) -> PrinterSettings | None:
        return next((p for p in self.printers if p.name == name), None)

    def with_printer(self, settings: PrinterSettings) -> StationDevices:
        others = tuple(p for p in self.printers if p.name != settings.name)
        return replace(self, printers=(*others, settings))


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


def devices_from_dict(raw: Mapping[str, Any], where: str = "devices") -> StationDevices:
    known = {"printer", "scanner", "scale", "wedge", "gs1", "station", "site"}
    try:
        station = dict(raw.get("station", {}))
        wedge = dict(raw.get("wedge", {}))
        gs1 = dict(raw.get("gs1", {}))
        site = dict(raw.get("site", {}))
        scale = raw.get("scale")
        return StationDevices(
            printers=tuple(_printer(dict(p)) for p in raw.get("printer", [])),
            scanners=tuple(ScannerSettings(**dict(s)) for s in raw.get("scanner", [])),
            scale=ScaleSettings(**dict(scale)) if scale else None,
            wedge_max_gap_ms=_optional_float(wedge.get("max_gap_ms")),
            gs1_company_prefix=str(gs1.get("company_prefix", "0614141")),
            station_number=int(station.get("number", 1)),
            ship_from=tuple(str(x) for x in site.get("ship_from", ("Tote warehouse",))),
            extra={k: v for k, v in raw.items() if k not in known},
        )
    except DevicesFileError as exc:
        raise DevicesFileError(f"{where}: {exc}") from exc
    except (TypeError, ValueError, KeyError) as exc:
        raise DevicesFileError(f"{where}: {exc}") from exc


def _printer(raw: dict[str, Any]) -> PrinterSettings:
    try:
        language = Language(raw.pop("language"))
        transport = TransportKind(raw.pop("transport"))
    except KeyError as exc:
        raise DevicesFileError(f"a printer is missing {exc.args[0]!r}") from exc
    documents = tuple(raw.pop("documents", ()))
    return PrinterSettings(language=language, transport=transport, documents=documents, **raw)


def _optional_float(value: object) -> float | None:
    if value is None:
        return None
    if not isinstance(value, int | float) or value <= 0:
        raise DevicesFileError("wedge.max_gap_ms must be a positive number")
    return float(value)


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
    """Write atomically (temporary file, fsync, rename, fsync of the folder)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    data = tomli_w.dumps(devices_to_dict(devices)).encode("utf-8")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as out:
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
