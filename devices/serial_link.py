"""A serial device that heals itself: its own reader thread, reopened after an unplug.

Scanners and scales differ in what they do with an open port; how a port is opened, lost
and reopened, and how the state is reported, is the same for both and lives here. The
loop opens the port, runs the device's session until it fails or ``stop()`` is asked,
closes it, and tries again every ``reconnect_s``: plugging the device back in recovers
without a restart. Callbacks run on the reader thread; a consumer's exception is logged,
never allowed to end the thread.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from enum import StrEnum
from typing import Any

import serial

log = logging.getLogger(__name__)


class PortState(StrEnum):
    CONNECTING = "connecting"
    CONNECTED = "connected"
    DISCONNECTED = "disconnected"
    STOPPED = "stopped"


StateCallback = Callable[[str, PortState, str], None]  # (device name, state, detail)


class SerialLink:
    """Subclasses give ``_port_settings`` and ``_session``; the rest is shared."""

    kind = "device"  # for logs and thread names

    def __init__(self, name: str, port: str, reconnect_s: float) -> None:
        self.name = name
        self.port_path = port
        self.reconnect_s = reconnect_s
        self.state = PortState.CONNECTING
        self._on_state: StateCallback = lambda name, state, detail: None
        self._stop = threading.Event()
        self._thread = threading.Thread(
            target=self._run, name=f"tote-{self.kind}-{name}", daemon=True
        )

    def start(self) -> None:
        self._thread.start()

    def stop(self, timeout: float = 2.0) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout)

    # -- for subclasses ----------------------------------------------------------------

    def _port_settings(self) -> dict[str, Any]:
        """Keyword arguments for ``serial.Serial`` besides the port path."""
        raise NotImplementedError

    def _session(self, port: serial.Serial) -> None:
        """Use the open port until ``self._stop`` is set; raise when the port fails."""
        raise NotImplementedError

    def _connected(self) -> None:
        """Called on the reader thread just before a new session starts."""

    def _lost(self) -> None:
        """Called on the reader thread when a session failed (drop partial input)."""

    def _set_state(self, state: PortState, detail: str = "") -> None:
        if state is not self.state:
            self.state = state
            self._callback(self._on_state, self.name, state, detail)

    def _callback(self, fn: Callable[..., None], *args: object) -> None:
        try:
            fn(*args)
        except Exception:  # a consumer's bug must not kill the reader
            log.exception("%s %s: callback failed", self.kind, self.name)

    # -- the reader thread -------------------------------------------------------------

    def _run(self) -> None:
        while not self._stop.is_set():
            port = self._open()
            if port is None:
                self._stop.wait(self.reconnect_s)
                continue
            self._connected()
            self._set_state(PortState.CONNECTED, self.port_path)
            try:
                self._session(port)
            except (serial.SerialException, OSError) as exc:
                self._lost()
                self._set_state(PortState.DISCONNECTED, f"{type(exc).__name__}: {exc}")
                # A port that opens but fails to read (half-dead adapter, another program
                # on it) must not be reopened in a tight loop.
                self._stop.wait(self.reconnect_s)
            finally:
                port.close()
        self._set_state(PortState.STOPPED)

    def _open(self) -> serial.Serial | None:
        try:
            return serial.Serial(self.port_path, exclusive=True, **self._port_settings())
        except (serial.SerialException, OSError, ValueError) as exc:
            if self.state is not PortState.DISCONNECTED:
                self._set_state(PortState.DISCONNECTED, f"{type(exc).__name__}: {exc}")
            return None
