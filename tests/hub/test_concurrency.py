"""No change is ever skipped: many writers commit while a station pages through the feed."""

from __future__ import annotations

import random
import threading
import time
from typing import Any

from sqlalchemy import text

from sync.hub import catalog
from tests.hub.conftest import World, order, packed

WRITERS = 4
TRANSACTIONS = 40


def test_a_reader_paging_during_concurrent_writes_misses_no_change(world: World) -> None:
    """GIVEN writer threads committing orders, edits, status changes and packing (each
    transaction lingering after it took its seq) WHEN a station pages the feed all along
    THEN its seqs only grow and it ends with every order at its final version."""
    engine = world.hub.engine
    done = threading.Event()
    errors: list[BaseException] = []
    seen: dict[str, int] = {}  # order number -> latest version the reader saw
    seqs: list[int] = []

    def guarded(work: Any, *args: Any) -> None:
        try:
            work(*args)
        except BaseException as exc:  # reported below: a thread's failure must fail the test
            errors.append(exc)

    def write(writer: int) -> None:
        rng = random.Random(writer)
        for n in range(TRANSACTIONS):
            with engine.begin() as conn:  # new orders (any skip would lose them), and an edit
                docs = [order(f"W{writer}-new-{n}-{k}") for k in range(rng.randint(1, 2))]
                docs.append(order(f"W{writer}-{rng.randrange(12)}", special_code=str(n)))
                catalog.upsert_orders(conn, "WH1", docs)
                time.sleep(rng.random() / 100)  # commit a while after taking the seqs

    def pack_and_hold() -> None:
        for n in range(15):
            world.st2.ok("POST", "/v1/events", {"events": [packed(f"W0-{n % 12}", seq=n + 1)]})
            world.admin.post(f"/v1/orders/W1-{n % 12}/status", {"status": "held", "reason": str(n)})

    def read() -> None:
        cursor = None
        while True:
            finished = done.is_set()  # read once more after the last writer is done
            params: dict[str, Any] = {"limit": 50} | ({"after": cursor} if cursor else {})
            page = world.st1.ok("GET", "/v1/changes", **params)
            for change in page["changes"]:
                seqs.append(change["seq"])
                if change["kind"] == "order":
                    seen[change["order"]["number"]] = change["order"]["version"]
            cursor = page["cursor"]
            if finished and not page["more"]:
                return

    with engine.begin() as conn:  # every number exists before packing and holds start
        catalog.upsert_orders(
            conn, "WH1", [order(f"W{w}-{i}") for w in range(WRITERS) for i in range(12)]
        )
    reader = threading.Thread(target=guarded, args=(read,))
    writers = [threading.Thread(target=guarded, args=(write, w)) for w in range(WRITERS)]
    writers.append(threading.Thread(target=guarded, args=(pack_and_hold,)))
    reader.start()
    for thread in writers:
        thread.start()
    for thread in writers:
        thread.join(120)
    done.set()
    reader.join(120)
    assert errors == []
    assert seqs == sorted(seqs) and len(seqs) == len(set(seqs))
    with engine.connect() as conn:
        final = {
            number: doc.version
            for number in seen
            if (doc := catalog.get_order(conn, "WH1", number)) is not None
        }
        written = conn.execute(text("SELECT count(*) FROM orders")).scalar_one()
    assert len(seen) == written  # every order reached the reader...
    assert final == seen  # ... at its last version
