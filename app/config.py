"""Station settings: command line over environment over defaults (platformdirs paths)."""

from __future__ import annotations

import argparse
import os
from dataclasses import dataclass, field
from pathlib import Path

import platformdirs

from app.repeat_guard import RepeatConfig
from app.serial_framing import FramingConfig, Terminator
from app.wedge import WedgeConfig

APP_NAME = "tote"


def default_store_path() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME)) / "station.sqlite3"


def default_output_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME)) / "output"


@dataclass(frozen=True, slots=True)
class StationConfig:
    store_path: Path
    output_dir: Path
    devices_path: Path  # the station's devices.toml (printers, scanners, scale)
    station_code: str = "PACK-01"
    station_name: str = "Packing station 1"
    operator_code: str = "OP-001"
    demo: bool = False
    fullscreen: bool = False
    language: str = "en"
    wedge: WedgeConfig = field(default_factory=WedgeConfig)
    wedge_gap_given: bool = False  # --wedge-gap-ms set: it wins over the calibrated gap
    serial_scanners: tuple[str, ...] = ()  # serial ports with a barcode scanner
    serial_baud: int = 9600
    serial_framing: FramingConfig = field(default_factory=FramingConfig)
    repeat: RepeatConfig = field(default_factory=RepeatConfig)
    screenshot: Path | None = None  # render the first screen to this PNG and quit
    ready_marker: bool = False  # print "TOTE READY <ns>" when the first screen is shown


def parse_args(argv: list[str] | None = None) -> StationConfig:
    parser = argparse.ArgumentParser(prog="tote", description="Tote packing station kiosk")
    env = os.environ.get
    parser.add_argument(
        "--store",
        type=Path,
        default=env("TOTE_STORE"),
        help="SQLite store of this station (default: user data dir)",
    )
    parser.add_argument(
        "--output",
        type=Path,
        default=env("TOTE_OUTPUT"),
        help="folder for packing slips (default: user data dir/output)",
    )
    parser.add_argument(
        "--devices",
        type=Path,
        default=env("TOTE_DEVICES"),
        help="the station's devices.toml (default: next to the store)",
    )
    parser.add_argument("--station", default=env("TOTE_STATION", "PACK-01"))
    parser.add_argument("--operator", default=env("TOTE_OPERATOR", "OP-001"))
    parser.add_argument("--demo", action="store_true", help="seed demo data into an empty store")
    parser.add_argument("--fullscreen", action="store_true", help="kiosk mode: full screen")
    parser.add_argument("--language", default=env("TOTE_LANGUAGE", "en"))
    parser.add_argument(
        "--wedge-gap-ms",
        type=float,
        default=None,
        help="longest pause between keys inside one scanner burst (default: the calibrated "
        f"gap in devices.toml, else {WedgeConfig().max_gap_ms:g})",
    )
    parser.add_argument("--wedge-prefix", default="", help="characters the scanner sends first")
    parser.add_argument("--wedge-suffix", default="enter", choices=["enter", "tab", "none"])
    parser.add_argument(
        "--serial-scanner",
        action="append",
        default=[],
        metavar="PORT",
        help="a serial barcode scanner's port (repeat for several)",
    )
    parser.add_argument("--serial-baud", type=int, default=9600)
    parser.add_argument(
        "--serial-suffix",
        default="cr",
        choices=[t.value for t in Terminator],
        help="what ends a serial scan (none: a pause)",
    )
    parser.add_argument(
        "--repeat-window-ms",
        type=float,
        default=RepeatConfig().window_ms,
        help="the same code from the same scanner within this is one scan",
    )
    parser.add_argument("--screenshot", type=Path, help="save the first screen as PNG and quit")
    parser.add_argument("--ready-marker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    ports = [Path(p).name for p in args.serial_scanner]
    if len(set(ports)) != len(ports):
        parser.error("each --serial-scanner must be a different port (names are shown by name)")
    demo_dir = Path(platformdirs.user_data_dir(APP_NAME)) / "demo"
    store = args.store or (demo_dir / "station.sqlite3" if args.demo else default_store_path())
    output = args.output or (demo_dir / "output" if args.demo else default_output_dir())
    suffix = {"enter": "\r", "tab": "\t", "none": ""}[args.wedge_suffix]
    return StationConfig(
        store_path=Path(store),
        output_dir=Path(output),
        devices_path=Path(args.devices or Path(store).parent / "devices.toml"),
        station_code=args.station,
        station_name=f"Packing station {args.station}",
        operator_code=args.operator,
        demo=args.demo,
        fullscreen=args.fullscreen,
        language=args.language,
        wedge=WedgeConfig(
            max_gap_ms=args.wedge_gap_ms or WedgeConfig().max_gap_ms,
            prefix=args.wedge_prefix,
            suffix=suffix,
        ),
        wedge_gap_given=args.wedge_gap_ms is not None,
        serial_scanners=tuple(args.serial_scanner),
        serial_baud=args.serial_baud,
        serial_framing=FramingConfig(terminator=Terminator(args.serial_suffix)),
        repeat=RepeatConfig(window_ms=args.repeat_window_ms),
        screenshot=args.screenshot,
        ready_marker=args.ready_marker,
    )
