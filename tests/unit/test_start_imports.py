"""The kiosk's start-up path stays lean: what planning needs is loaded when it plans."""

from __future__ import annotations

import os
import subprocess
import sys


def test_the_kiosk_window_starts_without_numpy() -> None:
    """Importing the window and the composition root loads no numpy (about 0.1 s of start):
    it is imported on the first wave release or route map instead."""
    code = "import sys, app.main, ui.main_window; print('numpy' in sys.modules)"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
    )
    assert out.stdout.strip() == "False"
