"""GS1 scans and stray key combinations through real X key events into the kiosk process.

A GS1-128 or DataMatrix wedge scanner sends the GS separator as Ctrl+] (X turns it into the
character 0x1D); the kiosk must keep it, or a lot number swallows the next field. And a scan
is the scanner's alone: a Ctrl or Alt combination inside its burst must neither run a command
nor close the window. One kiosk process serves all three checks, to stay under 20 s.

Without a window manager (Xvfb alone), Alt+F4 reaches the kiosk as two keys; under a window
manager it is grabbed before any application sees it, which no key filter can prevent.
"""

from __future__ import annotations

import json
import os
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import text

from app.demo.seed import seed_if_empty
from app.store.open import Store, open_store
from tests.demo_orders import pick_order
from tests.integration.test_kiosk_under_xvfb import (  # reused: same Xvfb, same xdotool
    display,  # noqa: F401 - a fixture, used by name
    pytestmark,  # noqa: F401 - skips when Xvfb or xdotool is missing
    scan,
    wait_for,
)
from tests.kiosk_process import kiosk_command

ROOT = Path(__file__).resolve().parents[2]
GS = "\x1d"
# Scanner pace: a key every 5 ms, as in the other Xvfb test; held well inside the 35 ms gap.
PACE = "--delay 5"


def x_script(screen: str, *commands: str) -> None:
    """xdotool commands in one process (``xdotool -``), so there is no start-up gap between
    them that would split the burst; ``type`` alone cannot be followed by ``key``."""
    subprocess.run(
        ["xdotool", "-"],
        input="\n".join(commands) + "\n",
        text=True,
        env=dict(os.environ, DISPLAY=screen),
        check=True,
        timeout=30,
        capture_output=True,
    )


def keys(text: str) -> str:
    """An xdotool ``key`` list typing ``text`` (digits and capitals), one key per character."""
    return " ".join(text)


@contextmanager
def kiosk_on(screen: str, store_path: Path, out: Path) -> Iterator[subprocess.Popen[str]]:
    env = dict(os.environ, DISPLAY=screen, QT_QPA_PLATFORM="xcb", PYTHONPATH=str(ROOT))
    kiosk = subprocess.Popen(
        kiosk_command(store_path, out),
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert kiosk.stdout is not None
        ready = kiosk.stdout.readline()
        assert ready.startswith("TOTE READY"), ready + (kiosk.stderr.read() if kiosk.stderr else "")
        time.sleep(0.5)  # let the window map before the first key
        x_script(screen, "mousemove 640 400")  # no window manager: focus follows the pointer
        yield kiosk
    finally:
        kiosk.terminate()
        try:
            kiosk.wait(timeout=10)
        except subprocess.TimeoutExpired:
            kiosk.kill()


def packed_codes(store: Store, number: str) -> list[str]:
    """The scanned text of every unit packed into the order, from the audit log."""
    with store.reads() as s:
        rows = s.execute(
            text(
                "SELECT detail FROM audit_log WHERE action = 'item_packed' "
                "AND order_number = :n ORDER BY seq"
            ),
            {"n": number},
        ).scalars()
        return [json.loads(detail)["code"] for detail in rows]


def window_exists(screen: str) -> bool:
    found = subprocess.run(
        ["xdotool", "search", "--name", "Tote"],
        env=dict(os.environ, DISPLAY=screen),
        check=False,
        capture_output=True,
        text=True,
        timeout=30,
    )
    return found.returncode == 0 and bool(found.stdout.strip())


def test_gs_typed_as_ctrl_bracket_is_kept_and_combos_in_a_scan_do_nothing(
    display: str,  # noqa: F811 - the imported fixture
    tmp_path: Path,
) -> None:
    """GIVEN an order open on the kiosk WHEN a scanner sends (01)GTIN (10)lot GS (17)date with
    GS as Ctrl+] THEN the unit is packed from its GTIN and the audit keeps the GS; WHEN a scan
    carries Ctrl+Q, or Alt+F4, THEN nothing is packed and the window stays open."""
    store_path, out = tmp_path / "station.sqlite3", tmp_path / "out"
    store = open_store(store_path)
    seed_if_empty(store.sessions, orders=30)
    number, codes = pick_order(store, min_lines=2)
    first = codes[0].zfill(14)
    second = next(c for c in codes if c != codes[0])  # another line, still to pack
    other = second.zfill(14)

    with kiosk_on(display, store_path, out) as kiosk:
        scan(display, number)

        lot_and_gtin = f"01{first}10LOT42"
        x_script(
            display,
            f"key {PACE} {keys(lot_and_gtin)}",
            f"key {PACE} ctrl+bracketright",
            f"key {PACE} {keys('17271130')} Return",
        )
        wait_for(lambda: len(packed_codes(store, number)) == 1, timeout=10)
        assert packed_codes(store, number) == [f"{lot_and_gtin}{GS}17271130"]

        time.sleep(0.3)  # the next scan is a fresh one, not a re-read
        x_script(display, f"key {PACE} {keys(f'01{other}')} ctrl+q {keys('10LOT7')} Return")
        x_script(display, f"key {PACE} {keys('ZZ1234')} alt+F4 {keys('5678')} Return")
        time.sleep(1.0)  # long enough for any wrongly accepted scan to be committed
        assert packed_codes(store, number) == [f"{lot_and_gtin}{GS}17271130"]
        assert kiosk.poll() is None, "the kiosk quit"
        assert window_exists(display)

        scan(display, second)  # the kiosk still takes scans after the refused bursts
        wait_for(lambda: len(packed_codes(store, number)) == 2, timeout=10)
    store.close()
    stderr = kiosk.stderr.read() if kiosk.stderr else ""
    assert "Traceback" not in stderr, stderr
