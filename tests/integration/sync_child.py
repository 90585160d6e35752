"""A station's sync in a process of its own, for the kill -9 test.

``python -m tests.integration.sync_child STORE HUB_URL STATION`` (the token in
``TOTE_HUB_TOKEN``): opens the store as the kiosk does, runs the real ``SyncEngine`` and,
once a whole round is done with nothing left to send, prints ``SYNCED <when>`` and exits
0. ``STARTED`` is printed when the engine runs. The parent kills it with SIGKILL
whenever it likes; the store and the hub must not care.
"""

from __future__ import annotations

import os
import sys
import threading
import time
from pathlib import Path

from app.context import StationContext
from app.store.open import open_store
from app.sync_status import SyncState, SyncStatus
from sync.engine import SyncEngine

DEADLINE_S = 120.0


def main(store_path: str, hub_url: str, station: str) -> int:
    path = Path(store_path)
    store = open_store(path, background_checkpoints=False)  # migrations, as the kiosk does
    store.close()
    changed = threading.Event()
    engine = SyncEngine(
        path,
        hub_url,
        os.environ["TOTE_HUB_TOKEN"],
        StationContext(station, "OP-001"),
        on_status=lambda status: changed.set(),
        claim_ahead=0,
        interval_s=0.05,
        batch_size=200,
    )
    started = time.monotonic()
    engine.start()
    print("STARTED", flush=True)
    try:
        while time.monotonic() - started < DEADLINE_S:
            changed.wait(0.1)
            changed.clear()
            status: SyncStatus = engine.status()
            if status.state is SyncState.ONLINE and status.waiting == 0 and status.quarantined == 0:
                print(f"SYNCED {status.last_sync_at}", flush=True)
                return 0
        print(f"TIMEOUT {engine.status()}", flush=True)
        return 1
    finally:
        engine.stop()


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
