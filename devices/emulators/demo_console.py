"""Drive the demo rig from the terminal that ran ``./run demo``.

Each line is a command; anything else is scanned by the emulated serial scanner:

    SO-100001            scan this (an order, a GTIN, a SKU, a Tote code such as CMD:REPRINT)
    w 1250               put 1,250 g on the scale (0 empties it)
    box                  put the packed box on the scale (what the station expects, +7 g)
    unplug scanner|scale plug scanner|scale
    labels offline|paper_out|ready        receipts offline|paper_out|ready
    help
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from typing import TextIO

from devices.emulators.demo_rig import DemoRig
from devices.emulators.status_replies import State

log = logging.getLogger(__name__)
HELP = __doc__ or ""
STATES = ", ".join(s.value for s in State)
USAGE = {  # what a command word needs, said when it is typed without it
    "w": "w takes a weight in whole grams, e.g. 'w 1250'",
    "unplug": "unplug what? 'unplug scanner' or 'unplug scale'",
    "plug": "plug what? 'plug scanner' or 'plug scale'",
    "labels": f"labels takes a state: {STATES}",
    "receipts": f"receipts takes a state: {STATES}",
}


class DemoConsole:
    def __init__(
        self,
        rig: DemoRig,
        stream: TextIO = sys.stdin,
        out: TextIO = sys.stderr,
        parcel_g: Callable[[], int | None] | None = None,
    ):
        """``parcel_g``: what the box being packed weighs (None: no box is due yet)."""
        self._rig = rig
        self._parcel_g = parcel_g
        self._in = stream
        self._out = out

    def start(self) -> None:
        self._say("Demo devices ready. Type a barcode and Enter to scan it; 'help' for more.")
        threading.Thread(target=self._loop, name="tote-demo-console", daemon=True).start()

    def _loop(self) -> None:
        for line in self._in:
            text = line.strip()
            if text:
                try:
                    self._say(self.run(text))
                except Exception as exc:  # a typo must not end the console
                    self._say(f"could not do that: {exc}")

    def run(self, text: str) -> str:
        """Do one command line; the answer to show. Never raises for a mistyped command."""
        try:
            return self._run(text.strip())
        except (OSError, ValueError) as exc:  # the emulated device refused (TimeoutError too)
            return f"could not do that: {exc}"

    def _run(self, text: str) -> str:
        rig = self._rig
        words = text.split()
        if not words:
            return "type a barcode to scan it, or 'help'"
        verb, args = words[0].lower(), [w.lower() for w in words[1:]]
        if verb == "help":
            return HELP
        if verb == "w" and len(args) == 1 and args[0].lstrip("-").isdigit():
            rig.scale.set_weight(int(args[0]))
            return f"scale: {int(args[0])} g"
        if verb == "box" and not args and self._parcel_g is not None:
            grams = self._parcel_g()
            if grams is None:
                return "no box is waiting for the scale yet: scan the items and the box first"
            rig.scale.set_weight(grams)
            return f"scale: the box, {grams} g"
        if verb in ("unplug", "plug") and args in (["scanner"], ["scale"]):
            device = rig.scanner if args[0] == "scanner" else rig.scale
            (device.unplug if verb == "unplug" else device.plug)()
            return f"{args[0]} {verb}ged"
        if verb in ("labels", "receipts") and len(args) == 1 and args[0] in set(State):
            printer = rig.labels if verb == "labels" else rig.receipts
            printer.set_state(args[0])
            return f"{verb} printer: {args[0]}"
        if verb in USAGE:  # a command word with the wrong argument: never scan it
            return USAGE[verb]
        if not rig.scanner.plugged:
            return "the scanner is unplugged: type 'plug scanner' first"
        rig.scanner.scan(text)
        return f"scanned {text}"

    def _say(self, text: str) -> None:
        print(text, file=self._out, flush=True)
