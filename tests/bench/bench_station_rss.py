"""station_rss_50k_mb: the kiosk's memory once it has synced 50,000 orders from a hub.

The real kiosk process (``python -m app --hub ...``, offscreen) starts on an empty store,
downloads 50,000 orders (250,000 lines) from a hub in another process through its sync
engine, and its resident set size is read from /proc when the download is over and the
engine is idle; the peak (VmHWM) is reported beside it. Median of 3 kiosks. Anchor: the same
kiosk on an empty store with no order service.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
import time
from pathlib import Path

from sqlalchemy import create_engine, text

from tests.bench.figures import Figure, median
from tests.bench.sync_rig import hub_process
from tests.kiosk_process import kiosk_command

ORDERS = 50_000
RUNS = 3


def _kb(pid: int, field: str) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    raise RuntimeError(f"{field} missing for {pid}")


def _orders_in(store: Path) -> int:
    if not store.exists():
        return 0
    engine = create_engine(f"sqlite:///file:{store}?mode=ro&uri=true")
    try:
        with engine.connect() as conn:
            done = conn.execute(text("SELECT initial_done FROM sync_state")).scalar()
            if not done:
                return 0
            return int(conn.execute(text("SELECT count(*) FROM orders")).scalar_one())
    except Exception:
        return 0  # not migrated yet, or mid-write
    finally:
        engine.dispose()


def _kiosk(folder: Path, extra: list[str]) -> subprocess.Popen[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.Popen(
        kiosk_command(folder / "station.sqlite3", folder / "out", *extra),
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
    )


def _wait_ready(process: subprocess.Popen[str]) -> None:
    assert process.stdout is not None
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if line.startswith("TOTE READY"):
            return
        if not line and process.poll() is not None:
            raise RuntimeError("the kiosk exited before it was ready")
    raise RuntimeError("the kiosk was not ready within 60 s")


def _stop(process: subprocess.Popen[str]) -> None:
    process.terminate()
    try:
        process.wait(15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def _synced_rss(folder: Path, url: str, token_file: Path) -> tuple[float, float, float]:
    """(RSS MB after the download, peak MB, seconds the download took)."""
    process = _kiosk(
        folder, ["--hub", url, "--hub-token-file", str(token_file), "--claim-ahead", "0"]
    )
    try:
        _wait_ready(process)
        started = time.monotonic()
        deadline = started + 300
        while _orders_in(folder / "station.sqlite3") < ORDERS:
            if time.monotonic() > deadline or process.poll() is not None:
                raise RuntimeError("the kiosk did not download every order")
            time.sleep(0.5)
        took = time.monotonic() - started
        time.sleep(2)  # the engine's next idle cycle: what stays resident afterwards
        return _kb(process.pid, "VmRSS") / 1024, _kb(process.pid, "VmHWM") / 1024, took
    finally:
        _stop(process)


def _bare_rss(folder: Path) -> float:
    process = _kiosk(folder, [])
    try:
        _wait_ready(process)
        time.sleep(2)
        return _kb(process.pid, "VmRSS") / 1024
    finally:
        _stop(process)


def run() -> list[Figure]:
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        with hub_process(_mkdir(tmp / "hub"), ORDERS) as hub:
            token_file = tmp / "token"
            token_file.write_text(hub.token)
            runs = [_synced_rss(_mkdir(tmp / f"k{n}"), hub.url, token_file) for n in range(RUNS)]
        bare = _bare_rss(_mkdir(tmp / "bare"))
    rss = median([r[0] for r in runs])
    peak = max(r[1] for r in runs)
    took = median([r[2] for r in runs])
    return [
        Figure(
            "station_rss_50k_mb",
            round(rss, 1),
            "MB",
            "<= 250",
            f"same kiosk, empty store, no hub {bare:.1f} MB; peak during the download "
            f"{peak:.1f} MB; the download took {took:.1f} s",
        )
    ]


def _mkdir(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    return path
