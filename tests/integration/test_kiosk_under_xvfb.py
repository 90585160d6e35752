"""The real kiosk process on a real X server (Xvfb), driven by real X key events (xdotool).

This is what a USB keyboard-wedge scanner does on a station: HID keys through the X server
into the xcb platform plugin, with no text field focused. No Qt test helpers are involved.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select, text

from app.demo.seed import seed_if_empty
from app.store.open import open_store
from app.store.tables import Order
from tests.demo_orders import foreign_gtin, pick_order
from tests.kiosk_process import kiosk_command

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.skipif(
    not (shutil.which("Xvfb") and shutil.which("xdotool")),
    reason="needs Xvfb and xdotool (./run test installs them when run as root)",
)


@pytest.fixture
def display() -> Iterator[str]:
    for number in range(140, 200):
        if not Path(f"/tmp/.X11-unix/X{number}").exists():
            break
    server = subprocess.Popen(
        ["Xvfb", f":{number}", "-screen", "0", "1366x768x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 15
    while not Path(f"/tmp/.X11-unix/X{number}").exists():
        assert time.monotonic() < deadline, "Xvfb did not start"
        time.sleep(0.05)
    yield f":{number}"
    server.terminate()
    server.wait(timeout=10)


def xdotool(display: str, *args: str) -> None:
    subprocess.run(
        ["xdotool", *args],
        env=dict(os.environ, DISPLAY=display),
        check=True,
        timeout=30,
        capture_output=True,
    )


def scan(display: str, code: str) -> None:
    """A wedge scanner burst: 5 ms per key, then CR (the Return key), as scanners send."""
    xdotool(display, "type", "--delay", "5", "--", code + "\r")


def wait_for(predicate, timeout: float = 20.0) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.1)


def test_demo_order_packed_by_x_key_events_alone(display: str, tmp_path: Path) -> None:
    """GIVEN the kiosk full screen on Xvfb WHEN a scanner types an order, a wrong item and
    every unit THEN the order is packed, its slip is a PDF, the wrong item changed nothing."""
    store_path, out = tmp_path / "station.sqlite3", tmp_path / "out"
    store = open_store(store_path)
    seed_if_empty(store.sessions, orders=30)
    number, codes = pick_order(store, min_lines=2)
    wrong = foreign_gtin(store, number)
    store.close()

    env = dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb", PYTHONPATH=str(ROOT))
    kiosk = subprocess.Popen(
        kiosk_command(store_path, out, "--fullscreen"),
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
        xdotool(display, "mousemove", "640", "400")
        geometry = subprocess.run(
            ["xdotool", "search", "--name", "Tote", "getwindowgeometry"],
            env=dict(os.environ, DISPLAY=display),
            capture_output=True,
            text=True,
            timeout=30,
            check=True,
        ).stdout
        assert "Geometry: 1366x768" in geometry  # the whole screen, not the 1280x800 window

        store = open_store(store_path)

        def units_packed() -> int:
            with store.reads() as s:
                return int(
                    s.execute(
                        text(
                            "SELECT COALESCE(SUM(l.qty_packed), 0) FROM order_lines l "
                            "JOIN orders o ON o.id = l.order_id WHERE o.number = :n"
                        ),
                        {"n": number},
                    ).scalar_one()
                )

        def status() -> str:
            with store.reads() as s:
                return str(
                    s.execute(select(Order.status).where(Order.number == number)).scalar_one()
                )

        scan(display, number)
        wait_for(lambda: status() == "packing")
        scan(display, wrong)
        scan(display, codes[0])
        wait_for(lambda: units_packed() == 1)  # the wrong item before it added nothing
        for code in codes[1:]:
            time.sleep(0.3)  # a person's pace: the next unit of an item is no multi-read
            scan(display, code)
        wait_for(lambda: status() == "packed")
        assert units_packed() == len(codes)
        slip = out / f"{number}-packing-slip.pdf"
        wait_for(slip.exists)
        assert slip.read_bytes().startswith(b"%PDF")
        with store.reads() as s:
            audited = s.execute(
                text(
                    "SELECT COUNT(*) FROM audit_log WHERE action='item_packed' AND order_number=:n"
                ),
                {"n": number},
            ).scalar_one()
        assert audited == len(codes)
        store.close()
    finally:
        kiosk.terminate()
        try:
            kiosk.wait(timeout=10)
        except subprocess.TimeoutExpired:
            kiosk.kill()
    stderr = kiosk.stderr.read() if kiosk.stderr else ""
    assert "Traceback" not in stderr, stderr
