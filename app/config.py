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
    carriers_path: Path = Path("carriers.toml")  # carrier services (app.carrier_rates)
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
    # The central order service: its URL and this station's token (none: work alone).
    hub_url: str | None = None
    hub_token: str | None = None
    claim_ahead: int = 5  # orders leased ahead, so an offline station still has work
    # --demo: where the demo order service keeps its database; every demo kiosk on this
    # machine shares it (the first one serves it on a loopback port, the others join).
    demo_hub_dir: Path = field(default_factory=lambda: _demo_root() / "hub")
    screenshot: Path | None = None  # render the first screen to this PNG and quit
    ready_marker: bool = False  # print "TOTE READY <ns>" when the first screen is shown
    # Packing: the packer confirms each box; a station with a scale weighs each box against
    # its expected weight, within max(grams, percent).
    confirm_box: bool = True
    check_weigh: bool = True
    weigh_tolerance_g: int = 30
    weigh_tolerance_pct: float = 3.0


def _demo_root() -> Path:
    """Demo stores and the demo hub; TOTE_DEMO_DIR moves them (tests, a second checkout)."""
    given = os.environ.get("TOTE_DEMO_DIR")
    return Path(given) if given else Path(platformdirs.user_data_dir(APP_NAME)) / "demo"


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
    parser.add_argument(
        "--hub",
        default=env("TOTE_HUB_URL"),
        metavar="URL",
        help="the central order service (with --demo: join this hub instead of starting one)",
    )
    parser.add_argument(
        "--hub-token-file",
        type=Path,
        default=env("TOTE_HUB_TOKEN_FILE"),
        help="file holding this station's token (TOTE_HUB_TOKEN may hold the token itself)",
    )
    parser.add_argument(
        "--confirm-box",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="the packer scans the box used (or CMD:BOX-OK) before it closes",
    )
    parser.add_argument(
        "--check-weigh",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="weigh every box against its expected weight (only with a scale)",
    )
    parser.add_argument("--weigh-tolerance-g", type=int, default=30)
    parser.add_argument("--weigh-tolerance-pct", type=float, default=3.0)
    parser.add_argument(
        "--carriers",
        type=Path,
        default=env("TOTE_CARRIERS"),
        help="the station's carriers.toml (services, tariffs, tracking ranges)",
    )
    parser.add_argument(
        "--claim-ahead",
        type=int,
        default=5,
        help="open orders this station leases ahead, to keep working when offline",
    )
    parser.add_argument("--screenshot", type=Path, help="save the first screen as PNG and quit")
    parser.add_argument("--ready-marker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    ports = [Path(p).name for p in args.serial_scanner]
    if len(set(ports)) != len(ports):
        parser.error("each --serial-scanner must be a different port (names are shown by name)")
    if args.hub and not args.hub.startswith(("http://", "https://")):
        parser.error(f"--hub must be an http:// or https:// URL, not {args.hub!r}")
    if args.claim_ahead < 0:
        parser.error("--claim-ahead cannot be negative")
    # Each demo station keeps its own store, so two demo kiosks can share one demo hub.
    demo_dir = _demo_root() / args.station
    store = args.store or (demo_dir / "station.sqlite3" if args.demo else default_store_path())
    output = args.output or (demo_dir / "output" if args.demo else default_output_dir())
    suffix = {"enter": "\r", "tab": "\t", "none": ""}[args.wedge_suffix]
    return StationConfig(
        store_path=Path(store),
        output_dir=Path(output),
        devices_path=Path(args.devices or Path(store).parent / "devices.toml"),
        carriers_path=Path(args.carriers or Path(store).parent / "carriers.toml"),
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
        hub_url=args.hub,
        hub_token=_token(args.hub_token_file, parser),
        claim_ahead=args.claim_ahead,
        screenshot=args.screenshot,
        ready_marker=args.ready_marker,
        confirm_box=args.confirm_box,
        check_weigh=args.check_weigh,
        weigh_tolerance_g=args.weigh_tolerance_g,
        weigh_tolerance_pct=args.weigh_tolerance_pct,
    )


def _token(path: Path | None, parser: argparse.ArgumentParser) -> str | None:
    """The station's hub token: from its file (kept out of the process list), else from
    TOTE_HUB_TOKEN."""
    if path is None:
        return os.environ.get("TOTE_HUB_TOKEN") or None
    try:
        token = path.read_text(encoding="utf-8").strip()
    except OSError as exc:
        parser.error(f"cannot read the hub token file {path}: {exc.strerror}")
    if not token:
        parser.error(f"the hub token file {path} is empty")
    return token
