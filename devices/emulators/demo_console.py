"""Drive the demo rig from the terminal that ran ``./run demo``.

Each line is a command; anything else is scanned by the emulated serial scanner:

    SO-100001            scan this (an order, a GTIN, a SKU, a Tote code such as CMD:REPRINT)
    w 1250               put 1,250 g on the scale (0 empties it)
    unplug scanner|scale plug scanner|scale
    labels offline|paper_out|ready        receipts offline|paper_out|ready
    help
"""

from __future__ import annotations

import logging
import sys
import threading
from typing import TextIO

from devices.emulators.demo_rig import DemoRig

log = logging.getLogger(__name__)
HELP = __doc__ or ""


class DemoConsole:
    def __init__(self, rig: DemoRig, stream: TextIO = sys.stdin, out: TextIO = sys.stderr):
        self._rig = rig
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
        rig = self._rig
        words = text.split()
        verb = words[0].lower()
        if verb == "help":
            return HELP
        if verb == "w" and len(words) == 2 and words[1].lstrip("-").isdigit():
            rig.scale.set_weight(int(words[1]))
            return f"scale: {int(words[1])} g"
        if verb in ("unplug", "plug") and len(words) == 2 and words[1] in ("scanner", "scale"):
            device = rig.scanner if words[1] == "scanner" else rig.scale
            (device.unplug if verb == "unplug" else device.plug)()
            return f"{words[1]} {verb}ged"
        if verb in ("labels", "receipts") and len(words) == 2:
            printer = rig.labels if verb == "labels" else rig.receipts
            printer.set_state(words[1])
            return f"{verb} printer: {words[1]}"
        if not rig.scanner.plugged:
            return "the scanner is unplugged: type 'plug scanner' first"
        rig.scanner.scan(text)
        return f"scanned {text}"

    def _say(self, text: str) -> None:
        print(text, file=self._out, flush=True)
