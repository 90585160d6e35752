"""``tote hub serve`` as its own process, the way a supervisor runs the order service
(benchmarks, and tests of several hub processes on one database)."""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    """A TCP port nothing listens on at the moment, on 127.0.0.1."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class HubProcess:
    """``python -m sync.hub.cli serve`` on a free port until ``stop()``; its output goes to
    ``log`` (or nowhere)."""

    def __init__(self, database_url: str, log: Path | None = None) -> None:
        self.log = log
        port = free_port()
        self.url = f"http://127.0.0.1:{port}"
        command = [sys.executable, "-m", "sync.hub.cli", "--db", database_url, "serve"]
        out = subprocess.DEVNULL if log is None else log.open("wb")
        try:
            self.process = subprocess.Popen(
                [*command, "--port", str(port)], cwd=ROOT, stdout=out, stderr=subprocess.STDOUT
            )
        finally:
            if log is not None:
                out.close()  # type: ignore[union-attr]
        deadline = time.monotonic() + 30
        while True:
            try:
                if requests.get(self.url + "/openapi.json", timeout=1).status_code == 200:
                    return
            except requests.ConnectionError:
                pass
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                said = "" if log is None else log.read_text()[-2000:]
                raise RuntimeError(f"the hub did not start: {said}")
            time.sleep(0.05)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)  # uvicorn's graceful shutdown
            try:
                self.process.wait(15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)

    def __enter__(self) -> HubProcess:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()
