"""A shipping scale on a pseudo-terminal, for tests and the demo: speaks STREAM or SICS.

``PtyScale`` opens a pty pair and puts a symlink to its slave end at a stable path, where a
real scale's /dev/serial/by-id/ link would be, so ``devices.serial_scale`` opens it like
hardware. Its own thread answers commands and, for STREAM, sends a frame every interval_s.
``model`` (``ScaleModel``) holds the load, motion, zero and tare. ``inject()`` sends raw
bytes (garbage); ``unplug()`` / ``plug()`` make the port vanish and come back. Every file
descriptor is used only on the emulator's thread, so unplugging never closes one that a
select() elsewhere is waiting on.

Try it: ``python -m devices.emulators.pty_scale --protocol sics --link /tmp/scale``, then type
a weight in grams (or z, t, c, g, u, p, q) and point Tote at /tmp/scale.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import queue
import select
import sys
import threading
import time
import tty
from collections.abc import Callable
from pathlib import Path

from app.scale_framing import ScaleFramer
from app.scale_protocols import ScaleProtocol, WeightUnit
from devices.emulators.scale_model import ScaleModel

_ACTION_TIMEOUT_S = 2.0
_HANGUP_PAUSE_S = 0.02  # nobody has the port open: the master reads EIO at once


class PtyScale:
    def __init__(
        self,
        link: Path,
        protocol: ScaleProtocol = ScaleProtocol.SICS,
        model: ScaleModel | None = None,
        interval_s: float = 0.05,  # STREAM: time between frames
        headers: int = 2,  # STREAM: 2 = "ST,GS,...", 1 = A&D "ST,..."
    ) -> None:
        self.link = link
        self.protocol = protocol
        self.model = model or ScaleModel()
        self.interval_s = interval_s
        self.headers = headers
        self._master: int | None = None
        self._framer = ScaleFramer()
        self._actions: queue.SimpleQueue[tuple[Callable[[], None], threading.Event]]
        self._actions = queue.SimpleQueue()
        self._wake_r, self._wake_w = os.pipe()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="pty-scale", daemon=True)

    def __enter__(self) -> PtyScale:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def start(self) -> PtyScale:
        self._plug()
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        os.write(self._wake_w, b"x")
        if self._thread.is_alive():
            self._thread.join(_ACTION_TIMEOUT_S)
        self._unplug()
        os.close(self._wake_r)
        os.close(self._wake_w)

    @property
    def plugged(self) -> bool:
        return self._master is not None

    def set_weight(self, grams: int) -> None:
        self.model.set_weight(grams)

    def inject(self, data: bytes) -> None:
        """Send raw bytes as if the scale had sent them (garbage, half frames...)."""
        self._call(lambda: self._send(data))

    def unplug(self) -> None:
        """The USB cable is pulled: the port and its link disappear."""
        self._call(self._unplug)

    def plug(self) -> None:
        """Plugged back in: a new port behind the same link."""
        self._call(self._plug)

    # -- emulator thread ---------------------------------------------------------------------

    def _call(self, action: Callable[[], None]) -> None:
        """Run action on the emulator thread (directly before start) and wait for it."""
        if not self._thread.is_alive():
            action()
            return
        done = threading.Event()
        self._actions.put((action, done))
        os.write(self._wake_w, b"x")
        if not done.wait(_ACTION_TIMEOUT_S):
            raise TimeoutError("pty scale thread did not respond")

    def _plug(self) -> None:
        if self._master is not None:
            return
        master, slave = os.openpty()
        tty.setraw(slave)  # no echo or CR/LF mapping before the device configures the port
        target = os.ttyname(slave)
        os.close(slave)  # the device opens its own end
        os.set_blocking(master, False)  # a frame nobody reads is dropped, never blocks
        self.link.unlink(missing_ok=True)
        self.link.symlink_to(target)
        self._master = master
        self._framer.reset()

    def _unplug(self) -> None:
        if self._master is None:
            return
        os.close(self._master)
        self._master = None
        self.link.unlink(missing_ok=True)

    def _send(self, data: bytes) -> None:
        if self._master is not None and data:
            # Buffer full or nobody listening: a real scale's bytes are lost too.
            with contextlib.suppress(OSError):
                os.write(self._master, data)

    def _run(self) -> None:
        next_frame = time.monotonic()
        quiet_until = 0.0  # do not select on a master that reports hang-up, until then
        while not self._stop.is_set():
            now = time.monotonic()
            watch, timeout = [self._wake_r], 0.5
            if self._master is not None and now < quiet_until:
                timeout = quiet_until - now
            elif self._master is not None:
                watch.append(self._master)
            if self.protocol is ScaleProtocol.STREAM:
                timeout = min(timeout, max(0.0, next_frame - now))
            ready, _, _ = select.select(watch, [], [], timeout)
            if self._wake_r in ready:
                os.read(self._wake_r, 512)
                self._run_actions()
            if self._master is not None and self._master in ready and not self._receive():
                quiet_until = time.monotonic() + _HANGUP_PAUSE_S
            now = time.monotonic()
            if self.protocol is ScaleProtocol.STREAM and now >= next_frame:
                next_frame = max(next_frame + self.interval_s, now)
                if self._master is not None:
                    self._send(self.model.stream_frame(self.headers))

    def _run_actions(self) -> None:
        while True:
            try:
                action, done = self._actions.get_nowait()
            except queue.Empty:
                return
            try:
                action()
            finally:
                done.set()

    def _receive(self) -> bool:
        """Answer the command lines that arrived; False when nobody has the port open."""
        assert self._master is not None
        try:
            data = os.read(self._master, 1024)
        except (BlockingIOError, InterruptedError):
            return True
        except OSError:  # EIO: the slave end is closed
            return False
        for line in self._framer.feed(data, time.monotonic_ns()):
            if isinstance(line, bytes):
                if self.protocol is ScaleProtocol.SICS:
                    self._send(self.model.sics_answer(line))
                else:
                    self._send(self.model.stream_command(line))
        return True


_HELP = "grams | z zero | t tare | c clear tare | g garbage | u unplug | p plug | q quit"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="A serial scale on a pseudo-terminal.")
    parser.add_argument("--protocol", choices=[p.value for p in ScaleProtocol], default="sics")
    parser.add_argument("--link", type=Path, default=Path("/tmp/tote-scale"))
    parser.add_argument("--unit", choices=[u.value for u in WeightUnit], default="kg")
    parser.add_argument("--interval", type=float, default=0.1, help="STREAM: seconds/frame")
    args = parser.parse_args(argv)
    model = ScaleModel(WeightUnit(args.unit))
    scale = PtyScale(args.link, ScaleProtocol(args.protocol), model, args.interval)
    keys: dict[str, Callable[[], object]] = {
        "z": model.zero,
        "t": model.tare,
        "c": model.clear_tare,
        "g": lambda: scale.inject(b"\xff\xfe#garbage\x07\r\n"),
        "u": scale.unplug,
        "p": scale.plug,
    }
    with scale:
        print(f"{args.protocol} scale at {args.link} ({_HELP})", flush=True)
        for text in sys.stdin:
            word = text.strip().lower()
            if word == "q":
                break
            if word.lstrip("-").isdigit():
                scale.set_weight(int(word))
            elif word in keys:
                keys[word]()
            elif word:
                print(_HELP, flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
