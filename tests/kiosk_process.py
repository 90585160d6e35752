"""The kiosk as a separate process, as a station starts it (benchmarks, Xvfb tests)."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def kiosk_command(store: Path, output: Path, *extra: str) -> list[str]:
    """``python -m app`` on ``store``, printing "TOTE READY <ns>" once its screen shows."""
    return [
        sys.executable,
        "-m",
        "app",
        "--store",
        str(store),
        "--output",
        str(output),
        "--ready-marker",
        *extra,
    ]
