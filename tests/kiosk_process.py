"""The kiosk as a separate process, as a station starts it (benchmarks, Xvfb tests)."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def kiosk_command(store: Path, output: Path, *extra: str) -> list[str]:
    """``python -m app`` on ``store``, printing "TOTE READY <ns>" once its screen shows.

    Boxes are not confirmed by scan (``--no-confirm-box``): these kiosks test sync, start-up
    and devices, and pack by item scans alone; tests/ui/test_pack_boxes_flow.py tests boxes."""
    return [
        sys.executable,
        "-m",
        "app",
        "--store",
        str(store),
        "--output",
        str(output),
        "--ready-marker",
        "--no-confirm-box",
        *extra,
    ]
