"""What issue 4 calls done: two kiosks (two processes) work one order service.

Each kiosk is ``python -m app --hub URL --hub-token-file F`` (offscreen Qt) with its own store,
output folder and pty barcode scanner; the hub runs in the test process on the demo data.
They pack the orders they lease, both scan the same order (exactly one gets it), then
station B loses the network (its hub URL goes through a fault proxy that refuses), packs the
orders it holds while offline, and catches up when the network is back. The verdict is
read at the hub: every packed order packed once, by one station; every event once; no
conflicts. The kiosks' stores are only read (read-only SQLite), never written by the test.
"""

from __future__ import annotations

import os
import subprocess
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from sqlalchemy import select

from devices.emulators.pty_scanner import PtyScanner
from sync.hub.db import reading
from sync.hub.tables import claims as hub_claims
from sync.hub.tables import orders as hub_orders
from tests.faultproxy import FaultProxy
from tests.integration.sync_helpers import (
    ROOT,
    Hub,
    assert_exactly_once,
    integrity,
    outbox,
    ro_query,
    ro_scalar,
    unsent,
    wait_for,
)
from tests.kiosk_process import kiosk_command

pytestmark = pytest.mark.slow

CLAIM_AHEAD = 3
START_TIMEOUT_S = 30


class Kiosk:
    """One station: the real kiosk process, its pty scanner, its store (read here only)."""

    def __init__(self, root: Path, code: str, hub_url: str, token: str) -> None:
        root.mkdir()
        self.code = code
        self.store = root / "station.sqlite3"
        self.log = root / "kiosk.log"
        self._stdout = root / "stdout.txt"
        token_file = root / "token"
        token_file.write_text(token)
        token_file.chmod(0o600)
        self.scanner = PtyScanner(root / "scanner")
        self.scanner.plug()
        command = kiosk_command(
            self.store,
            root / "out",
            "--hub",
            hub_url,
            "--hub-token-file",
            str(token_file),
            "--station",
            code,
            "--operator",
            f"OP-{code}",
            "--serial-scanner",
            str(self.scanner.link),
            "--claim-ahead",
            str(CLAIM_AHEAD),
            "--repeat-window-ms",
            "0",  # the test's scans of the same unit come fast, and each is meant
        )
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
        with self._stdout.open("w") as out, self.log.open("w") as err:
            self.proc = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=err)

    def trouble(self) -> str:
        return f"{self.code}: exit {self.proc.poll()}\n{self.log.read_text()[-4000:]}"

    def wait_ready(self) -> None:
        """The first screen is up, the scanner port is open, the first download is done
        and ``CLAIM_AHEAD`` orders are leased here."""

        def ready() -> bool:
            assert self.proc.poll() is None, self.trouble()
            return "TOTE READY" in self._stdout.read_text()

        wait_for(ready, START_TIMEOUT_S, f"{self.code}'s first screen", every=0.05)
        assert self.scanner.wait_opened(timeout_s=10), self.trouble()
        wait_for(
            lambda: len(self.held_open()) >= CLAIM_AHEAD,
            START_TIMEOUT_S,
            f"{self.code}'s first leases",
            every=0.05,
        )

    # -- the store, read-only -----------------------------------------------------------

    def held_open(self) -> list[str]:
        """Open orders this station holds a lease on (known locally), earliest lease first."""
        if not self.store.exists():
            return []
        try:
            rows = ro_query(
                self.store,
                "SELECT c.key FROM claims c JOIN orders o ON o.number = c.key "
                "WHERE c.kind = 'order' AND c.state = 'held' AND o.status = 'open' "
                "ORDER BY c.key",
            )
        except Exception:  # not migrated yet
            return []
        return [r[0] for r in rows]

    def status(self, number: str) -> str | None:
        return ro_scalar(self.store, "SELECT status FROM orders WHERE number = ?", number)  # type: ignore[no-any-return]

    def current(self) -> str | None:
        return ro_scalar(  # type: ignore[no-any-return]
            self.store,
            "SELECT o.number FROM stations s JOIN orders o ON o.id = s.current_order_id "
            "WHERE s.code = ?",
            self.code,
        )

    def unit_codes(self, number: str) -> list[str]:
        """One unit barcode (GTIN-13 form) per unit to pack, from this station's own store."""
        rows = ro_query(
            self.store,
            "SELECT l.qty_ordered - l.qty_packed, (SELECT b.gtin14 FROM product_barcodes b "
            "WHERE b.product_id = l.product_id AND b.units = 1 ORDER BY b.id LIMIT 1) "
            "FROM order_lines l JOIN orders o ON o.id = l.order_id "
            "WHERE o.number = ? ORDER BY l.line_no",
            number,
        )
        assert rows, f"{self.code} does not know order {number}"
        codes: list[str] = []
        for left, gtin14 in rows:
            assert gtin14 is not None, f"no unit barcode for a line of {number}"
            codes += [gtin14.lstrip("0").zfill(13)] * left
        return codes

    def events_about(self, number: str) -> list[str]:
        return [e.type for e in outbox(self.store) if e.payload.get("order_number") == number]

    # -- the scanner ----------------------------------------------------------------------

    def open_order(self, number: str) -> None:
        self.scanner.scan(number)
        wait_for(
            lambda: self.status(number) == "packing" and self.current() == number,
            20,
            f"{number} open at {self.code}",
        )

    def pack_units(self, number: str) -> None:
        for code in self.unit_codes(number):
            self.scanner.scan(code)
        wait_for(lambda: self.status(number) == "packed", 20, f"{number} packed at {self.code}")

    def pack(self, number: str) -> str:
        self.open_order(number)
        self.pack_units(number)
        return number

    def stop(self) -> str:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=15)
        self.scanner.close()
        return self.log.read_text()


def unclaimed_open_order(hub: Hub) -> str:
    """The open order nobody holds that ships last (so no station's top-up takes it first)."""
    taken = select(hub_claims.c.key).where(hub_claims.c.kind == "order")
    with reading(hub.server.engine) as conn:
        number = conn.execute(
            select(hub_orders.c.number)
            .where(hub_orders.c.status == "open", hub_orders.c.number.not_in(taken))
            .order_by(hub_orders.c.ship_by.desc(), hub_orders.c.number.desc())
            .limit(1)
        ).scalar_one()
    return str(number)


def claim_answers(hub: Hub, number: str) -> dict[str, list[tuple[int, str | None]]]:
    """station -> (HTTP status, error code, holder) of each of its POST /v1/claims for
    ``number``, as the hub answered them."""
    answers: dict[str, list[tuple[int, str | None]]] = {}
    for r in hub.tap.seen("/v1/claims"):
        if r.method == "POST" and r.body is not None and r.body.get("key") == number:
            said = r.answer or {}
            why = (
                None
                if r.status < 300
                else f"{said.get('code')} {(said.get('detail') or {}).get('station')}"
            )
            answers.setdefault(str(r.station), []).append((r.status, why))
    return answers


@pytest.fixture
def hub(tmp_path: Path) -> Iterator[Hub]:
    """The order service on the demo data (24 orders), with stations PACK-A and PACK-B."""
    started = Hub.start(
        f"sqlite:///{tmp_path / 'hub.sqlite3'}", orders=24, stations=("PACK-A", "PACK-B")
    )
    yield started
    started.stop()


@pytest.fixture
def b_network(hub: Hub) -> Iterator[FaultProxy]:
    """Station B's way to the hub: a fault proxy (``refuse`` is B offline)."""
    proxy = FaultProxy.start("127.0.0.1", hub.port)
    yield proxy
    proxy.stop()


@pytest.fixture
def kiosks() -> Iterator[list[Kiosk]]:
    """Kiosks a test started; stopped at the end whatever happened."""
    started: list[Kiosk] = []
    yield started
    for kiosk in started:
        kiosk.stop()


def test_two_kiosks_share_one_hub_never_pack_the_same_order_and_sync_after_offline(
    tmp_path: Path, hub: Hub, b_network: FaultProxy, kiosks: list[Kiosk]
) -> None:
    """GIVEN two kiosk processes on one hub WHEN both pack what they lease, both scan the
    same order, and B packs offline for a while THEN at the hub every packed order has one
    accepted OrderPacked from one station, every event is there once, no conflicts."""
    a = Kiosk(tmp_path / "A", "PACK-A", hub.url, hub.tokens["PACK-A"])
    kiosks.append(a)
    b = Kiosk(tmp_path / "B", "PACK-B", b_network.url, hub.tokens["PACK-B"])
    kiosks.append(b)
    a.wait_ready()
    b.wait_ready()
    assert not set(a.held_open()) & set(b.held_open())
    packed: dict[str, set[str]] = {a.code: set(), b.code: set()}

    # Both pack orders they hold, at the same time.
    for kiosk, numbers in pack_together((a, a.held_open()[:2]), (b, b.held_open()[:1])):
        packed[kiosk.code] |= numbers

    winner, contested = both_scan_the_same_order(hub, a, b)
    winner.pack_units(contested)
    packed[winner.code].add(contested)

    packed[b.code] |= b_offline_for_a_while(hub, b_network, a, b, packed[a.code])

    logs = {kiosk.code: kiosk.stop() for kiosk in (a, b)}
    for code, text in logs.items():
        assert "Traceback" not in text, f"{code}:\n{text[-4000:]}"
    assert "sync: unreachable" in logs[b.code] and "sync: unreachable" not in logs[a.code]
    assert integrity(a.store) == integrity(b.store) == "ok"
    verdict_at_the_hub(hub, a, b, packed)


def pack_together(*work: tuple[Kiosk, list[str]]) -> list[tuple[Kiosk, set[str]]]:
    """Each kiosk packs its orders, all kiosks at the same time."""

    def pack_all(kiosk: Kiosk, numbers: list[str]) -> set[str]:
        return {kiosk.pack(n) for n in numbers}

    with ThreadPoolExecutor(len(work)) as pool:
        done = [(kiosk, pool.submit(pack_all, kiosk, numbers)) for kiosk, numbers in work]
        return [(kiosk, future.result()) for kiosk, future in done]


def both_scan_the_same_order(hub: Hub, a: Kiosk, b: Kiosk) -> tuple[Kiosk, str]:
    """An order neither holds, scanned at both at once: exactly one gets the lease and opens
    it; the hub tells the other it is claimed there (409), and the other writes nothing."""
    contested = unclaimed_open_order(hub)
    assert a.status(contested) == b.status(contested) == "open"
    both = threading.Barrier(2)

    def scan(kiosk: Kiosk) -> None:
        both.wait()
        kiosk.scanner.scan(contested)

    with ThreadPoolExecutor(2) as pool:
        list(pool.map(scan, (a, b)))
    winner = wait_for(
        lambda: next((k for k in (a, b) if k.status(contested) == "packing"), None),
        20,
        f"{contested} opened at one station",
    )
    loser = b if winner is a else a
    answers = wait_for(
        lambda: (found := claim_answers(hub, contested)).get(loser.code) and found,
        20,
        f"{loser.code} asking the hub for {contested}",
    )
    assert answers == {
        winner.code: [(200, None)],
        loser.code: [(409, f"claimed_elsewhere {winner.code}")],
    }
    assert hub.claims(contested) == [(contested, winner.code)]
    time.sleep(0.3)  # the answer has reached the loser's screen; it must write nothing
    assert (loser.status(contested), loser.current()) == ("open", None)
    assert loser.events_about(contested) == []
    return winner, contested


def b_offline_for_a_while(
    hub: Hub, network: FaultProxy, a: Kiosk, b: Kiosk, packed_by_a: set[str]
) -> set[str]:
    """B's network refuses; B packs two orders it holds (its outbox grows, the hub knows
    nothing) while A works on and cannot take B's third order (B's lease still runs). The
    network comes back; B's engine sends everything by itself. Returns what B packed."""
    wait_for(lambda: len(b.held_open()) >= CLAIM_AHEAD, 20, "B holding its leases")
    held_by_b = b.held_open()
    network.set_mode("refuse")
    wait_for(lambda: network.counts.get("refuse", 0) >= 1, 15, "B finding the hub gone")
    at_hub_before = hub.event_ids()
    done = {k.code: ns for k, ns in pack_together((b, held_by_b[:2]), (a, a.held_open()[:1]))}
    packed_by_a |= done[a.code]
    offline_packed = done[b.code]

    still_b = held_by_b[2]  # A asks for it: refused, B (offline) holds the lease
    a.scanner.scan(still_b)
    wait_for(lambda: claim_answers(hub, still_b).get(a.code), 20, f"A asking for {still_b}")
    assert claim_answers(hub, still_b) == {a.code: [(409, f"claimed_elsewhere {b.code}")]}
    assert hub.claims(still_b) == [(still_b, b.code)]
    assert a.status(still_b) == "open" and a.current() is None

    # Offline for a while: B's engine has tried again and again (backing off), in vain.
    wait_for(lambda: network.counts.get("refuse", 0) >= 3, 30, "B retrying while offline")
    waiting = {e.event_id for e in outbox(b.store) if not e.sent}
    assert unsent(b.store) == len(waiting) > 0
    assert not waiting & hub.event_ids() and hub.event_ids() >= at_hub_before
    for number in offline_packed:  # the hub knows nothing of it yet: still B's lease
        assert hub.orders()[number][0] == "open"
        assert hub.claims(number) == [(number, b.code)]

    network.set_mode("pass")  # back: B's own backoff brings it back, nobody presses a key
    wait_for(lambda: unsent(b.store) == 0, 45, "B's outbox empty after the network is back")
    wait_for(lambda: unsent(a.store) == 0, 20, "A's outbox empty")
    assert waiting <= hub.event_ids()
    return offline_packed


def verdict_at_the_hub(hub: Hub, a: Kiosk, b: Kiosk, packed: dict[str, set[str]]) -> None:
    counts = assert_exactly_once(hub, {a.code: a.store, b.code: b.store})
    assert all(counts.values())
    assert not packed[a.code] & packed[b.code]
    assert len(packed[a.code]) >= 3 and len(packed[b.code]) >= 3
    events = hub.events()
    orders = hub.orders()
    packed_at_hub = {n for n, (status, _, _) in orders.items() if status == "packed"}
    assert packed_at_hub == packed[a.code] | packed[b.code]
    # Every packed order: one accepted OrderPacked, from the one station that packed it.
    for number in packed_at_hub:
        done = [
            (e.station, e.outcome)
            for e in events
            if e.type == "OrderPacked" and e.payload["order_number"] == number
        ]
        packer = orders[number][1]
        assert done == [(packer, "accepted")] and number in packed[str(packer)], number
    # No order was worked on at two stations: all of its events come from one.
    stations_per_order: dict[str, set[str]] = {}
    for e in events:
        stations_per_order.setdefault(e.payload["order_number"], set()).add(e.station)
    assert {n: s for n, s in stations_per_order.items() if len(s) > 1} == {}
    assert hub.conflicts() == []
