"""devices.toml on real files: round trips, atomic saves, errors that say where, routing."""

from __future__ import annotations

import math
import os
import stat
import tomllib
from pathlib import Path
from typing import Any

import pytest
import tomli_w
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from app.station_devices import (
    CAN_DRAW,
    DOCUMENT_KINDS,
    DevicesFileError,
    Language,
    PrinterSettings,
    ScaleSettings,
    ScannerSettings,
    StationDevices,
    TransportKind,
    default_devices,
    devices_from_dict,
    devices_to_dict,
    load_devices,
    save_devices,
)

ZEBRA = PrinterSettings(
    "Zebra",
    Language.ZPL,
    TransportKind.TCP,
    "10.0.0.7:9100",
    dpi=300,
    documents=("shipping_label", "tote_label"),
)
EPSON = PrinterSettings("Epson", Language.ESCPOS, TransportKind.USB, "04b8:0202", paper_width_mm=58)
SLIPS = PrinterSettings(
    "Slips", Language.PDF, TransportKind.QUEUE, "office", documents=("packing_slip",)
)
SERIAL = PrinterSettings("Old Zebra", Language.ZPL, TransportKind.SERIAL, "/dev/ttyS0@19200")
FOLDER = PrinterSettings("Archive", Language.PDF, TransportKind.FOLDER, "/srv/tote/out")

FULL = StationDevices(
    printers=(ZEBRA, EPSON, SLIPS, SERIAL, FOLDER),
    scanners=(
        ScannerSettings("Lane 1", "/dev/serial/by-id/usb-Honeywell-if00"),
        ScannerSettings("Lane 2", "/dev/ttyACM1", baud=115200, suffix="crlf"),
    ),
    scale=ScaleSettings("Bench", "/dev/ttyUSB0", protocol="stream", baud=2400),
    wedge_max_gap_ms=35.5,
    gs1_company_prefix="4012345",
    station_number=42,
    ship_from=("Tote Ltd", "1 Dock Road", "Leeds LS1 1AA"),
    extra={"kiosk": {"theme": "dark", "sounds": [1, 2]}, "note": "set up by Sam"},
)


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def leftovers(folder: Path) -> list[str]:
    """Files in ``folder`` other than devices.toml (a temporary file left behind)."""
    return sorted(p.name for p in folder.iterdir() if p.name != "devices.toml")


# -- saving and loading -------------------------------------------------------------------


def test_save_then_load_gives_back_every_setting_and_unknown_keys(tmp_path: Path) -> None:
    """Every field of every device, and top-level tables Tote does not know, survive a
    save and a load unchanged."""
    path = tmp_path / "devices.toml"
    save_devices(path, FULL)
    loaded = load_devices(path)
    assert loaded == FULL
    assert loaded.extra == {"kiosk": {"theme": "dark", "sounds": [1, 2]}, "note": "set up by Sam"}
    save_devices(path, loaded)  # saving what was loaded changes nothing
    assert load_devices(path) == FULL


def test_a_hand_written_file_loads_with_defaults_for_what_it_leaves_out(tmp_path: Path) -> None:
    """The smallest useful file: one printer; everything else takes its default."""
    path = write(
        tmp_path / "devices.toml",
        '[[printer]]\nname = "Zebra"\nlanguage = "zpl"\ntransport = "tcp"\n'
        'address = "10.0.0.7:9100"\n\n[wedge]\nmax_gap_ms = 40\n',
    )
    devices = load_devices(path)
    assert devices.printers == (
        PrinterSettings("Zebra", Language.ZPL, TransportKind.TCP, "10.0.0.7:9100"),
    )
    assert devices.wedge_max_gap_ms == 40.0 and isinstance(devices.wedge_max_gap_ms, float)
    assert (devices.gs1_company_prefix, devices.station_number) == ("0614141", 1)
    assert devices.scanners == () and devices.scale is None and devices.extra == {}


EXAMPLE = """
[station]
number = 12

[gs1]
company_prefix = "0614141"

[site]
ship_from = ["Tote Warehouse", "Industrial Zone B", "57022 Sindos", "GR"]

[wedge]
max_gap_ms = 28.5

[[printer]]
name = "Labels"
language = "zpl"
transport = "tcp"
address = "10.0.4.21:9100"
dpi = 203
documents = ["shipping_label", "tote_label", "location_label"]

[[printer]]
name = "Receipts"
language = "escpos"
transport = "usb"
address = "04b8:0202"
paper_width_mm = 80
documents = ["gift_note"]

[[printer]]
name = "Slips"
language = "pdf"
transport = "queue"
address = "office-laser"
documents = ["packing_slip"]

[[scanner]]
name = "Handheld"
port = "/dev/serial/by-id/usb-Honeywell_Scanner-if00"
baud = 9600
suffix = "cr"

[scale]
name = "Scale"
port = "/dev/serial/by-id/usb-Mettler_Toledo-if00"
protocol = "sics"
baud = 9600
"""


def test_the_example_in_the_operations_guide_loads_and_routes(tmp_path: Path) -> None:
    """docs/operations.md shows a whole devices.toml: it loads, and every document kind
    goes to the printer the example means."""
    devices = load_devices(write(tmp_path / "devices.toml", EXAMPLE))
    route = {kind: getattr(devices.printer_for(kind), "name", None) for kind in DOCUMENT_KINDS}
    assert route == {
        "packing_slip": "Slips",
        "shipping_label": "Labels",
        "gift_note": "Receipts",
        "tote_label": "Labels",
        "location_label": "Labels",
    }
    assert (devices.station_number, devices.wedge_max_gap_ms) == (12, 28.5)
    assert devices.scale == ScaleSettings(
        "Scale", "/dev/serial/by-id/usb-Mettler_Toledo-if00", "sics", 9600
    )


def test_no_file_means_no_devices_configured(tmp_path: Path) -> None:
    assert load_devices(tmp_path / "devices.toml") == StationDevices()


def test_save_creates_the_folder_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    path = tmp_path / "station" / "devices.toml"
    save_devices(path, FULL)
    save_devices(path, default_devices(tmp_path))  # and replacing an existing file
    assert leftovers(path.parent) == []
    assert load_devices(path) == default_devices(tmp_path)


def test_a_new_file_is_readable_by_all_and_a_saved_one_keeps_its_mode(tmp_path: Path) -> None:
    """A settings file is not a secret: a new one is 0644 (not mkstemp's 0600, which would
    lock out the technician's own account); a file set to 0640 by hand stays 0640."""
    path = tmp_path / "devices.toml"
    save_devices(path, FULL)
    assert stat.S_IMODE(path.stat().st_mode) == 0o644
    path.chmod(0o640)
    save_devices(path, default_devices(tmp_path))
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


def test_a_failed_rename_leaves_the_old_file_intact_and_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """GIVEN a saved file WHEN the power goes (the rename fails) during the next save THEN the
    old file is there, byte for byte, and the half-written copy is gone."""
    path = tmp_path / "devices.toml"
    save_devices(path, FULL)
    before = path.read_bytes()

    def crash(src: object, dst: object) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "replace", crash)  # the module calls os.replace
    with pytest.raises(OSError, match="Input/output"):
        save_devices(path, default_devices(tmp_path))
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert leftovers(tmp_path) == []
    assert load_devices(path) == FULL


def test_a_failed_write_leaves_the_old_file_intact(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A disk that fills up mid-save (fsync fails) leaves the old file and no copy."""
    path = tmp_path / "devices.toml"
    save_devices(path, FULL)
    before = path.read_bytes()

    def full_disk(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(OSError, match="No space"):
        save_devices(path, default_devices(tmp_path))
    monkeypatch.undo()
    assert path.read_bytes() == before and leftovers(tmp_path) == []


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_read_only_folder_refuses_the_save_and_keeps_the_old_file(tmp_path: Path) -> None:
    path = tmp_path / "devices.toml"
    save_devices(path, FULL)
    tmp_path.chmod(0o555)
    try:
        with pytest.raises(PermissionError):
            save_devices(path, default_devices(tmp_path))
    finally:
        tmp_path.chmod(0o755)
    assert load_devices(path) == FULL and leftovers(tmp_path) == []


# -- mistakes in the file -----------------------------------------------------------------

PRINTER = '[[printer]]\nname = "Zebra"\nlanguage = "zpl"\ntransport = "tcp"\n'
ZPL_TCP = PRINTER + 'address = "10.0.0.7:9100"\n'
SCANNER = '[[scanner]]\nname = "Lane 1"\nport = "/dev/ttyACM0"\n'
SCALE = '[scale]\nname = "Bench"\nport = "/dev/ttyUSB0"\n'


@pytest.mark.parametrize(
    ("text", "says"),
    [
        pytest.param(ZPL_TCP + "dpi = 600\n", ["Zebra", "dpi must be 203 or 300"], id="bad-dpi"),
        pytest.param(ZPL_TCP + 'dpi = "203"\n', ["Zebra", "dpi", "whole number"], id="dpi-text"),
        pytest.param(
            '[[printer]]\nname = "Epson"\nlanguage = "escpos"\ntransport = "tcp"\n'
            'address = "10.0.0.8:9100"\npaper_width_mm = 72\n',
            ["Epson", "paper_width_mm must be 58 or 80"],
            id="bad-paper-width",
        ),
        pytest.param(
            ZPL_TCP + 'documents = ["invoice"]\n',
            ["Zebra", "unknown document 'invoice'"],
            id="unknown-document",
        ),
        pytest.param(
            ZPL_TCP + 'documents = ["packing_slip"]\n',
            ["Zebra", "a zpl printer cannot print packing_slip"],
            id="zpl-packing-slip",
        ),
        pytest.param(
            ZPL_TCP + 'documents = "gift_note"\n',
            ["Zebra", "documents must be a list"],
            id="documents-not-a-list",
        ),
        pytest.param(PRINTER + 'address = "10.0.0.7"\n', ["Zebra", "host:port"], id="no-port"),
        pytest.param(
            PRINTER + 'address = "10.0.0.7:99999"\n', ["Zebra", "1 to 65535"], id="port-too-big"
        ),
        pytest.param(PRINTER + 'address = ":9100"\n', ["Zebra", "host:port"], id="no-host"),
        pytest.param(
            PRINTER + f'address = "{"a" * 64}.example:9100"\n',
            ["Zebra", "host:port"],
            id="host-label-too-long",
        ),
        pytest.param(PRINTER + 'address = ""\n', ["Zebra", "address is missing"], id="empty"),
        pytest.param(
            '[[printer]]\nname = "Epson"\nlanguage = "escpos"\ntransport = "usb"\n'
            'address = "epson"\n',
            ["Epson", "vendor:product in hex"],
            id="usb-not-hex",
        ),
        pytest.param(
            '[[printer]]\nname = "Old"\nlanguage = "zpl"\ntransport = "serial"\n'
            'address = "/dev/ttyS0@fast"\n',
            ["Old", "@baud"],
            id="serial-bad-baud",
        ),
        pytest.param(ZPL_TCP + ZPL_TCP, ["two printers have the same name: Zebra"], id="dup"),
        pytest.param(
            '[gs1]\ncompany_prefix = "12345"\n', ["gs1.company_prefix", "6 to 12"], id="gs1-short"
        ),
        pytest.param(
            '[gs1]\ncompany_prefix = "06141A1"\n', ["gs1.company_prefix", "06141A1"], id="gs1-A"
        ),
        pytest.param(
            '[gs1]\ncompany_prefix = "٠٦١٤١٤١"\n', ["gs1.company_prefix"], id="gs1-not-ascii"
        ),
        pytest.param('[station]\nnumber = "7"\n', ["station.number"], id="station-text"),
        pytest.param("[station]\nnumber = 1000\n", ["station.number", "999"], id="station-big"),
        pytest.param(
            '[gs1]\ncompany_prefix = "0614141234"\n',
            ["gs1.company_prefix", "10-digit", "at most 9 digits"],
            id="gs1-no-room-for-package-numbers",
        ),
        pytest.param("[station]\nnumber = inf\n", ["station.number"], id="station-inf"),
        pytest.param("[station]\nnumber = 2.5\n", ["station.number"], id="station-float"),
        pytest.param("[station]\nnubmer = 3\n", ["[station]", "'nubmer'"], id="station-typo"),
        pytest.param("station = 5\n", ["station must be a table"], id="station-not-table"),
        pytest.param(
            '[site]\nship_from = "Tote Ltd"\n', ["site.ship_from", "list"], id="ship-from-text"
        ),
        pytest.param("[site]\nship_from = []\n", ["site.ship_from"], id="ship-from-empty"),
        pytest.param("[site]\nship_from = [1, 2]\n", ["site.ship_from"], id="ship-from-numbers"),
        pytest.param("[wedge]\nmax_gap_ms = -1\n", ["wedge.max_gap_ms"], id="gap-negative"),
        pytest.param("[wedge]\nmax_gap_ms = nan\n", ["wedge.max_gap_ms"], id="gap-nan"),
        pytest.param("[wedge]\nmax_gap_ms = true\n", ["wedge.max_gap_ms"], id="gap-bool"),
        pytest.param(
            '[printer]\nname = "Zebra"\nlanguage = "zpl"\n', ["[[printer]]"], id="printer-table"
        ),
        pytest.param(
            '[[printer]]\nname = 5\nlanguage = "zpl"\ntransport = "folder"\naddress = "/tmp"\n',
            ["printer #1", "name"],
            id="name-number",
        ),
        pytest.param(
            '[[printer]]\nname = "Zebra"\ntransport = "tcp"\naddress = "h:1"\n',
            ["printer #1 (Zebra)", "'language' is missing"],
            id="no-language",
        ),
        pytest.param(
            PRINTER.replace('"zpl"', '"postscript"') + 'address = "h:1"\n',
            ["printer #1 (Zebra)", "language must be one of zpl, escpos, pdf"],
            id="bad-language",
        ),
        pytest.param(
            ZPL_TCP + 'colour = "red"\n', ["printer #1 (Zebra)", "unknown key 'colour'"], id="key"
        ),
        pytest.param(SCANNER + 'suffix = "tab"\n', ["scanner Lane 1", "suffix"], id="suffix"),
        pytest.param(SCANNER + 'baud = "fast"\n', ["scanner Lane 1", "baud"], id="scanner-baud"),
        pytest.param('[[scanner]]\nname = "Lane 1"\n', ["scanner #1", "'port'"], id="no-port"),
        pytest.param(
            SCANNER + SCANNER.replace("ACM0", "ACM1"),
            ["two scanners have the same name: Lane 1"],
            id="scanner-dup-name",
        ),
        pytest.param(
            SCANNER + SCANNER.replace("Lane 1", "Lane 2"),
            ["two scanners have the same port: /dev/ttyACM0"],
            id="scanner-dup-port",
        ),
        pytest.param(SCALE + 'protocol = "modbus"\n', ["scale Bench", "protocol"], id="protocol"),
        pytest.param(SCALE + "baud = 0\n", ["scale Bench", "baud"], id="scale-baud"),
    ],
)
def test_every_mistake_is_reported_with_the_file_and_where_in_it(
    tmp_path: Path, text: str, says: list[str]
) -> None:
    """GIVEN a devices.toml with one mistake WHEN it is loaded THEN a DevicesFileError names
    the file, the table or printer, and the key, so a technician can fix it by hand."""
    path = write(tmp_path / "devices.toml", text)
    with pytest.raises(DevicesFileError) as caught:
        load_devices(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: ")
    for part in says:
        assert part in message


def test_a_file_that_is_not_toml_names_the_line(tmp_path: Path) -> None:
    path = write(tmp_path / "devices.toml", '[[printer]]\nname = "Zebra\n')
    with pytest.raises(DevicesFileError, match=r"is not valid TOML") as caught:
        load_devices(path)
    assert str(path) in str(caught.value) and "line 2" in str(caught.value)


def test_a_file_that_is_not_utf8_is_a_devices_file_error(tmp_path: Path) -> None:
    path = tmp_path / "devices.toml"
    path.write_bytes(b'name = "Z\xe9bra"\n')  # Latin-1, as an old editor might save it
    with pytest.raises(DevicesFileError, match="not valid TOML"):
        load_devices(path)


def test_settings_made_in_code_are_checked_too() -> None:
    """The devices screen builds settings without a file: the same checks apply."""
    with pytest.raises(DevicesFileError, match="printer Zebra: dpi"):
        PrinterSettings("Zebra", Language.ZPL, TransportKind.TCP, "h:9100", dpi=600)
    with pytest.raises(DevicesFileError, match="needs a name"):
        PrinterSettings("  ", Language.ZPL, TransportKind.TCP, "h:9100")
    with pytest.raises(DevicesFileError, match="same name: Zebra"):
        StationDevices(printers=(ZEBRA, ZEBRA))


def test_two_scanners_on_one_port_or_with_one_name_are_refused() -> None:
    """GIVEN two serial scanners WHEN they share a name, or a port (spaces around it aside)
    THEN the station's settings refuse them, saying which; distinct ones are accepted."""
    lane_1 = ScannerSettings("Lane 1", "/dev/ttyACM0")
    with pytest.raises(DevicesFileError, match="two scanners have the same name: Lane 1"):
        StationDevices(scanners=(lane_1, ScannerSettings("Lane 1", "/dev/ttyACM1")))
    with pytest.raises(DevicesFileError, match="two scanners have the same port: /dev/ttyACM0"):
        StationDevices(scanners=(lane_1, ScannerSettings("Lane 2", " /dev/ttyACM0 ")))
    lane_2 = ScannerSettings("Lane 2", "/dev/ttyACM1", baud=115200)
    assert StationDevices(scanners=(lane_1, lane_2)).scanners == (lane_1, lane_2)


# -- which printer prints what ------------------------------------------------------------


def folder_printer(name: str, language: Language, *documents: str) -> PrinterSettings:
    return PrinterSettings(name, language, TransportKind.FOLDER, "/tmp/x", documents=documents)


def test_a_printer_that_names_a_document_wins_over_an_earlier_one_that_could_draw_it() -> None:
    catch_all = folder_printer("Any ZPL", Language.ZPL)
    totes = folder_printer("Totes", Language.ZPL, "tote_label")
    devices = StationDevices(printers=(catch_all, totes))
    assert devices.printer_for("tote_label") == totes
    assert devices.printer_for("shipping_label") == catch_all  # claimed by nobody


def test_a_document_nobody_names_goes_to_a_printer_that_can_draw_it_rather_than_nowhere() -> None:
    """A gift note with printers for labels and slips only: printed, not failed."""
    labels = folder_printer("Labels", Language.ZPL, "shipping_label")
    office = folder_printer("Office", Language.PDF, "packing_slip")
    devices = StationDevices(printers=(labels, office))
    assert devices.printer_for("gift_note") == labels
    receipts_only = StationDevices(printers=(folder_printer("R", Language.ESCPOS, "gift_note"),))
    assert receipts_only.printer_for("shipping_label") is None  # ESC/POS cannot draw it


def test_a_printer_with_no_documents_takes_what_its_language_can_draw() -> None:
    receipts = folder_printer("Receipts", Language.ESCPOS)
    devices = StationDevices(printers=(receipts,))
    for kind in DOCUMENT_KINDS:
        expected = receipts if kind in CAN_DRAW[Language.ESCPOS] else None
        assert devices.printer_for(kind) == expected, kind
    assert devices.printer_for("shipping_label") is None  # ESC/POS cannot draw a label


def test_the_first_of_two_claiming_printers_takes_the_document() -> None:
    first = folder_printer("First", Language.ZPL, "gift_note")
    second = folder_printer("Second", Language.ESCPOS, "gift_note")
    assert StationDevices(printers=(first, second)).printer_for("gift_note") == first


def test_no_printer_or_an_unknown_kind_routes_nowhere() -> None:
    assert StationDevices().printer_for("packing_slip") is None
    assert default_devices(Path("/tmp")).printer_for("invoice") is None


@pytest.mark.parametrize("kind", DOCUMENT_KINDS)
def test_default_devices_put_every_document_kind_in_the_output_folder(
    kind: str, tmp_path: Path
) -> None:
    printer = default_devices(tmp_path).printer_for(kind)
    assert printer is not None
    assert (printer.transport, printer.address) == (TransportKind.FOLDER, str(tmp_path))
    assert kind in CAN_DRAW[printer.language]
    assert printer.language is (Language.PDF if kind == "packing_slip" else Language.ZPL)


def test_editing_a_printer_keeps_its_place_so_routing_does_not_change() -> None:
    """Two printers that claim nothing: the first takes unclaimed labels. Changing the
    first one's dpi must not hand its labels to the second."""
    first = folder_printer("First", Language.ZPL)
    second = folder_printer("Second", Language.ZPL)
    devices = StationDevices(printers=(first, second))
    edited = devices.with_printer(
        PrinterSettings("First", Language.ZPL, TransportKind.FOLDER, "/tmp/x", dpi=300)
    )
    assert [p.name for p in edited.printers] == ["First", "Second"]
    assert edited.printer_for("tote_label") == edited.printer("First")
    added = edited.with_printer(folder_printer("Third", Language.PDF))
    assert [p.name for p in added.printers] == ["First", "Second", "Third"]


# -- properties ---------------------------------------------------------------------------

NAMES = st.text(st.characters(codec="utf-8"), min_size=1, max_size=12).filter(
    lambda s: bool(s.strip())
)
KEYS = st.sampled_from(
    [
        "printer", "scanner", "scale", "station", "gs1", "site", "wedge", "name", "language",
        "transport", "address", "dpi", "paper_width_mm", "documents", "port", "baud", "suffix",
        "protocol", "number", "company_prefix", "ship_from", "max_gap_ms",
    ]
) | st.text(max_size=8)  # fmt: skip


def toml_values(nan: bool = True) -> st.SearchStrategy[Any]:
    """Any value TOML can hold (tables and arrays nested), leaning to words Tote knows."""
    scalars = (
        st.booleans()
        | st.integers(min_value=-(2**63), max_value=2**63 - 1)
        | st.floats(allow_nan=nan)
        | st.text(max_size=20)
        | st.sampled_from(
            ["zpl", "escpos", "pdf", "tcp", "usb", "serial", "folder", "queue", "h:9100", "04b8:2"]
        )
        | st.sampled_from([*DOCUMENT_KINDS, "0614141", "cr", "sics", "stream", 203, 300, 58, 80])
        | st.datetimes()
        | st.dates()
        | st.times()
    )
    return st.recursive(
        scalars,
        lambda inner: st.lists(inner, max_size=4) | st.dictionaries(KEYS, inner, max_size=5),
        max_leaves=20,
    )


SCALARS = toml_values().filter(lambda v: not isinstance(v, list | dict))
TOML_VALUES = toml_values()


def printer_dicts() -> st.SearchStrategy[dict[str, Any]]:
    """A valid printer table with one key changed to something arbitrary, or dropped."""
    valid = {"name": "Zebra", "language": "zpl", "transport": "tcp", "address": "h:9100"}
    return st.builds(
        lambda key, value, drop: {k: v for k, v in {**valid, key: value}.items() if k != drop},
        KEYS,
        TOML_VALUES,
        st.sampled_from([None, *valid]),
    )


@settings(max_examples=120, deadline=None)
@given(
    st.dictionaries(KEYS, TOML_VALUES, max_size=6)
    | st.builds(lambda ps: {"printer": ps}, st.lists(printer_dicts(), max_size=3))
    | st.builds(lambda key, v: {key: {"number" if key == "station" else key: v}}, KEYS, SCALARS)
)
@example({"station": {"number": math.inf}})
@example({"printer": [{"name": 5, "language": "zpl", "transport": "folder", "address": "/"}]})
@example({"printer": [{"name": "x", "language": "zpl", "transport": "tcp", "address": 5}]})
def test_any_toml_document_loads_or_fails_with_a_devices_file_error(raw: dict[str, Any]) -> None:
    """Whatever a technician types, loading gives settings or a DevicesFileError, never a
    crash of some other type (which would stop the kiosk with a traceback)."""
    try:
        devices = devices_from_dict(raw, "devices.toml")
    except DevicesFileError as exc:
        assert str(exc).startswith("devices.toml: ")
        return
    assert isinstance(devices, StationDevices)
    text = tomli_w.dumps(devices_to_dict(devices))  # what loads also saves and reloads
    assert tomli_w.dumps(devices_to_dict(devices_from_dict(tomllib.loads(text)))) == text


ASCII_PATH = st.text(st.sampled_from("abcxyz019_-/."), min_size=1, max_size=12).filter(
    lambda s: bool(s.strip())
)


@st.composite
def printers(draw: st.DrawFn) -> PrinterSettings:
    language = draw(st.sampled_from(Language))
    transport = draw(st.sampled_from(TransportKind))
    address = {
        TransportKind.TCP: draw(st.sampled_from(["10.0.0.7", "printer-1.local"]))
        + f":{draw(st.integers(1, 65535))}",
        TransportKind.USB: f"{draw(st.integers(0, 0xFFFF)):04x}:{draw(st.integers(0, 0xFFFF)):x}",
        TransportKind.SERIAL: draw(ASCII_PATH) + draw(st.sampled_from(["", "@9600", "@115200"])),
    }.get(transport, draw(ASCII_PATH))
    return PrinterSettings(
        draw(NAMES),
        language,
        transport,
        address,
        dpi=draw(st.sampled_from([203, 300])),
        paper_width_mm=draw(st.sampled_from([58, 80])),
        documents=tuple(draw(st.lists(st.sampled_from(sorted(CAN_DRAW[language])), unique=True))),
    )


@st.composite
def station_devices(draw: st.DrawFn) -> StationDevices:
    """Valid settings only: the scale never on a scanner's port (that is refused)."""
    scanners = draw(
        st.lists(
            st.builds(
                ScannerSettings,
                NAMES,
                ASCII_PATH,
                st.integers(1, 921600),
                st.sampled_from(["cr", "lf", "crlf", "none"]),
            ),
            max_size=2,
            unique_by=(lambda s: s.name, lambda s: s.port.strip()),
        ).map(tuple)
    )
    taken = {s.port.strip() for s in scanners}
    scale_port = ASCII_PATH.filter(lambda port: port.strip() not in taken)
    return draw(
        st.builds(
            StationDevices,
            printers=st.lists(printers(), max_size=4, unique_by=lambda p: p.name).map(tuple),
            scanners=st.just(scanners),
            scale=st.none()
            | st.builds(
                ScaleSettings, NAMES, scale_port, st.sampled_from(["sics", "stream"]), st.just(9600)
            ),
            wedge_max_gap_ms=st.none() | st.floats(min_value=0.5, max_value=1e6),
            gs1_company_prefix=st.from_regex(r"[0-9]{6,9}", fullmatch=True),
            station_number=st.integers(0, 999),
            ship_from=st.lists(NAMES, min_size=1, max_size=3).map(tuple),
            extra=st.dictionaries(
                st.sampled_from(["kiosk", "notes", "x"]),
                toml_values(nan=False),  # nan != nan: a round trip could not be compared
                max_size=2,
            ),
        )
    )


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(station_devices())
def test_any_valid_settings_survive_the_toml_round_trip(devices: StationDevices) -> None:
    """Names with quotes, backslashes, control characters or emoji, every transport and
    every unknown table come back from the TOML text exactly as they went in."""
    text = tomli_w.dumps(devices_to_dict(devices))
    assert devices_from_dict(tomllib.loads(text)) == devices


def test_a_scanner_on_the_scale_s_port_is_refused() -> None:
    """One port, one reader: the scale's frames would otherwise be read as scans."""
    with pytest.raises(DevicesFileError, match="scale and a scanner have the same port"):
        StationDevices(
            scanners=(ScannerSettings("Lane", "/dev/ttyUSB0"),),
            scale=ScaleSettings("Scale", "/dev/ttyUSB0"),
        )
