"""Station settings from the command line: what wins over what."""

from __future__ import annotations

import pytest

from app.config import parse_args
from app.main import _wedge
from app.station_devices import StationDevices


@pytest.mark.parametrize(
    ("argv", "gap"),
    [
        ([], 60.0),  # the calibrated gap in devices.toml
        (["--wedge-gap-ms", "20"], 20.0),
        (["--wedge-gap-ms=20"], 20.0),
        (["--wedge-gap", "20"], 20.0),  # argparse accepts a unique abbreviation
    ],
)
def test_the_command_line_gap_wins_over_the_calibrated_one(argv: list[str], gap: float) -> None:
    config = parse_args(argv)
    assert _wedge(config, StationDevices(wedge_max_gap_ms=60.0)).max_gap_ms == gap


def test_without_calibration_or_option_the_default_gap_is_used() -> None:
    assert _wedge(parse_args([]), StationDevices()).max_gap_ms == 35.0
