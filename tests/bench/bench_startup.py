"""start_ready_s: process start to the ready screen, offscreen, on a seeded demo store.

The anchor is a bare PySide6 process (import QtWidgets, QApplication, one shown QLabel)
measured the same way in the same run, so a slow machine shows as a ratio, not a regression.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from app.demo.seed import seed_if_empty
from app.store.open import open_store
from tests.bench.figures import Figure, median
from tests.kiosk_process import kiosk_command

ROOT = Path(__file__).resolve().parents[2]
RUNS = 7
BARE_QT = (
    "import time\n"
    "from PySide6.QtWidgets import QApplication, QLabel\n"
    "from PySide6.QtCore import QTimer\n"
    "app = QApplication([])\n"
    "w = QLabel('ready'); w.show()\n"
    "QTimer.singleShot(0, lambda: print(f'TOTE READY {time.monotonic_ns()}', flush=True))\n"
    "app.exec()\n"
)


def time_to_ready(args: list[str]) -> float:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    started = time.monotonic_ns()
    proc = subprocess.Popen(
        args, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    )
    try:
        assert proc.stdout is not None
        for line in proc.stdout:
            if line.startswith("TOTE READY "):
                return (int(line.split()[2]) - started) / 1e9
        raise RuntimeError(f"no ready marker from {args}")
    finally:
        proc.kill()
        proc.wait()


def run() -> list[Figure]:
    with tempfile.TemporaryDirectory() as tmp:
        store_path = Path(tmp) / "station.sqlite3"
        store = open_store(store_path)
        seed_if_empty(store.sessions)
        store.close()
        kiosk = kiosk_command(store_path, Path(tmp) / "out")
        time_to_ready(kiosk)  # warm the page cache once, as a station that ran before
        tote, bare = [], []
        for _ in range(RUNS):
            tote.append(time_to_ready(kiosk))
            bare.append(time_to_ready([sys.executable, "-c", BARE_QT]))
    t, b = median(tote), median(bare)
    return [
        Figure(
            "start_ready_s",
            round(t, 3),
            "s",
            "<= 1.0",
            f"bare PySide6 window {b:.3f} s (x{t / b:.1f}); median of {RUNS}",
        )
    ]
