"""Simulated packing stations against a running order service, and a check of what they did.

Each station is a thread with its own ``requests.Session`` and token, doing what a packing
station's sync does while people pack: lease the next order (``POST /v1/claims/next``), upload
its facts in two batches (``PackStarted`` and the first ``ItemPacked``, then the other
``ItemPacked`` and ``OrderPacked``; fresh UUIDs, one growing ``seq`` per station), now and
then renew its lease, and now and then send a batch again, as a station does when the answer
to an upload was lost. Every answer is checked as it comes; ``verify`` then checks the hub's
database against what the stations were told.
"""

from __future__ import annotations

import threading
import time
import uuid
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import requests
from sqlalchemy import Engine, func, select

from sync.hub.tables import claims, conflicts, events, lost_claims, orders
from sync.protocol import PROTOCOL_HEADER, PROTOCOL_VERSION, OrderDoc

RENEW_EVERY = 4  # orders between lease renewals
REPLAY_EVERY = 7  # orders between re-sent batches
EMPTY_RETRY_S = 0.05  # a station told "no open order" asks again after this
EMPTY_GIVE_UP = 40  # answers "no open order" in a row that mean there really is none


@dataclass
class Post:
    """One ``POST /v1/events``: when it finished, how long it took, fresh events accepted."""

    done: float  # time.monotonic()
    seconds: float
    accepted: int
    replay: bool


@dataclass
class StationLog:
    code: str
    claimed: list[str] = field(default_factory=list)  # order numbers, in lease order
    packed: list[str] = field(default_factory=list)  # orders whose OrderPacked was accepted
    accepted: list[str] = field(default_factory=list)  # event ids accepted (not replays)
    posts: list[Post] = field(default_factory=list)
    claim_seconds: list[float] = field(default_factory=list)
    empty_claims: int = 0  # claims/next answered "no open order" (there were thousands)
    renewals: int = 0
    replays: int = 0
    problems: list[str] = field(default_factory=list)


class Station(threading.Thread):
    """One simulated station, packing until ``stop_at`` (time.monotonic())."""

    def __init__(
        self,
        url: str,
        code: str,
        token: str,
        docs: dict[str, OrderDoc],
        start: threading.Event,
        stop_at: float,
    ) -> None:
        super().__init__(name=f"station:{code}", daemon=True)
        self.url, self.docs, self.start_gate, self.stop_at = url, docs, start, stop_at
        self.log = StationLog(code)
        self.session = requests.Session()
        self.session.headers["Authorization"] = f"Bearer {token}"
        self.session.headers[PROTOCOL_HEADER] = str(PROTOCOL_VERSION)
        self.seq = 0

    def run(self) -> None:
        self.start_gate.wait()
        try:
            done = 0
            while time.monotonic() < self.stop_at:
                self.pack_one(done)
                done += 1
        except Exception as exc:  # reported by verify(): a station must not die silently
            self.log.problems.append(f"{self.log.code}: {type(exc).__name__}: {exc}")
        finally:
            self.session.close()

    def post(self, path: str, body: Any) -> Any:
        answer = self.session.post(self.url + path, json=body, timeout=60)
        if answer.status_code != 200:
            raise RuntimeError(f"POST {path}: {answer.status_code} {answer.text[:300]}")
        return answer.json()

    def lease(self) -> dict[str, Any]:
        for _ in range(EMPTY_GIVE_UP):
            started = time.perf_counter()
            leased = self.post("/v1/claims/next", {"count": 1})["claims"]
            self.log.claim_seconds.append(time.perf_counter() - started)
            if leased:
                claim: dict[str, Any] = leased[0]
                return claim
            self.log.empty_claims += 1
            time.sleep(EMPTY_RETRY_S)
        raise RuntimeError(f"no open order to lease {EMPTY_GIVE_UP} times in a row: seed more")

    def pack_one(self, done: int) -> None:
        claim = self.lease()
        number = claim["key"]
        if claim["station"] != self.log.code:
            raise RuntimeError(f"claims/next gave {number} leased to {claim['station']}")
        self.log.claimed.append(number)
        facts = self.facts(self.docs[number])
        half = (len(facts) + 1) // 2
        first, second = facts[:half], facts[half:]
        self.upload(first)
        if done % RENEW_EVERY == RENEW_EVERY - 1:
            self.renew(claim["claim_id"])
        if done % REPLAY_EVERY == REPLAY_EVERY - 1:
            self.upload(first, replay=True)
        self.upload(second)
        self.log.packed.append(number)

    def facts(self, doc: OrderDoc) -> list[dict[str, Any]]:
        number = doc.number
        items: list[tuple[str, dict[str, Any]]] = [
            ("ItemPacked", {"order_number": number, "line_no": x.line_no, "sku": x.sku,
                            "scanned_code": x.sku, "quantity": x.quantity, "package_number": 1})
            for x in doc.lines
        ]  # fmt: skip
        contents = [{"line_no": x.line_no, "sku": x.sku, "quantity": x.quantity} for x in doc.lines]
        packed = {"order_number": number, "packages": [{"number": 1, "contents": contents}]}
        facts: list[tuple[str, dict[str, Any]]] = [("PackStarted", {"order_number": number})]
        facts += [*items, ("OrderPacked", packed)]
        return [self.event(kind, payload) for kind, payload in facts]

    def event(self, kind: str, payload: dict[str, Any]) -> dict[str, Any]:
        self.seq += 1
        return {
            "event_id": str(uuid.uuid4()),
            "seq": self.seq,
            "type": kind,
            "at": datetime.now(UTC).isoformat(),
            "operator": f"OP-{self.log.code}",
            "payload": payload,
        }

    def upload(self, batch: list[dict[str, Any]], *, replay: bool = False) -> None:
        started = time.perf_counter()
        results = self.post("/v1/events", {"events": batch})["results"]
        seconds = time.perf_counter() - started
        sent = [e["event_id"] for e in batch]
        if [r["event_id"] for r in results] != sent:
            raise RuntimeError(f"results do not answer the batch in order: {results}")
        for result in results:
            if result["outcome"] != "accepted" or result["replay"] != replay:
                raise RuntimeError(f"unexpected result (replay sent: {replay}): {result}")
            if result.get("conflict"):
                raise RuntimeError(f"conflict on an order this station holds: {result}")
        if replay:
            self.log.replays += 1
        else:
            self.log.accepted.extend(sent)
        fresh = 0 if replay else len(sent)
        self.log.posts.append(Post(time.monotonic(), seconds, fresh, replay))

    def renew(self, claim_id: str) -> None:
        answer = self.post("/v1/claims/renew", {"claim_ids": [claim_id]})
        if [c["claim_id"] for c in answer["claims"]] != [claim_id] or answer["lost"]:
            raise RuntimeError(f"renewing a lease this station holds: {answer}")
        self.log.renewals += 1


def run_stations(
    url: str, tokens: dict[str, str], docs: dict[str, OrderDoc], seconds: float
) -> tuple[list[StationLog], float]:
    """Run one station per token for ``seconds``; their logs and the start (monotonic)."""
    gate = threading.Event()
    started = time.monotonic() + 0.2  # every thread is waiting at the gate by then
    stations = [
        Station(url, code, token, docs, gate, started + seconds) for code, token in tokens.items()
    ]
    for station in stations:
        station.start()
    time.sleep(max(0.0, started - time.monotonic()))
    gate.set()
    for station in stations:
        station.join(seconds + 120)
        if station.is_alive():
            raise RuntimeError(f"{station.name} still running {seconds + 120:.0f} s after its end")
    return [s.log for s in stations], started


def verify(engine: Engine, logs: Sequence[StationLog]) -> str:
    """Check the hub's database against what the stations were told; a one-line summary.

    Every accepted event is stored exactly once and by its station, nothing else was stored;
    no order was leased to two stations, none was taken over, every order a station packed is
    packed by it, and the hub saw no conflict.
    """
    problems = [p for log in logs for p in log.problems]
    assert not problems, f"stations failed: {problems[:5]}"
    told = {event_id: log.code for log in logs for event_id in log.accepted}
    assert len(told) == sum(len(log.accepted) for log in logs), "an event accepted twice as new"
    leased = Counter(number for log in logs for number in log.claimed)
    twice = [number for number, n in leased.items() if n > 1]
    assert not twice, f"orders leased to two stations: {twice[:10]}"
    codes = [log.code for log in logs]
    with engine.connect() as conn:

        def pairs(query: Any) -> dict[str, str]:
            return {str(k): v for k, v in conn.execute(query).all()}

        def count(table: Any, *where: Any) -> int:
            return int(
                conn.execute(select(func.count()).select_from(table).where(*where)).scalar_one()
            )

        stored = pairs(
            select(events.c.event_id, events.c.station).where(events.c.station.in_(codes))
        )
        rows = count(events)
        taken = count(lost_claims, lost_claims.c.reason == "taken")
        conflict_rows = count(conflicts)
        packed_by = pairs(
            select(orders.c.number, orders.c.packed_by).where(orders.c.status == "packed")
        )
        holders = pairs(select(claims.c.key, claims.c.station).where(claims.c.kind == "order"))
    assert stored == told, (
        f"events table vs accepted: {len(stored.keys() - told.keys())} stored but never "
        f"accepted, {len(told.keys() - stored.keys())} accepted but not stored, "
        f"{sum(stored[k] != told[k] for k in stored.keys() & told.keys())} by another station"
    )
    assert rows == len(told), f"{rows} rows in events for {len(told)} accepted events"
    assert taken == 0, f"{taken} leases were taken over by another station"
    assert conflict_rows == 0, f"the hub recorded {conflict_rows} conflicts"
    mine = {number: log.code for log in logs for number in log.packed}
    wrong = {n: (packed_by.get(n), code) for n, code in mine.items() if packed_by.get(n) != code}
    assert not wrong, f"orders packed by someone else (hub, station): {list(wrong.items())[:5]}"
    assert set(packed_by) == set(mine), "orders packed that no station packed"
    assert all(holders.get(n) in (None, c) for n, c in mine.items()), "lease held by another"
    return (
        f"verified: {len(told)} accepted events stored once each, {len(leased)} orders "
        f"leased once each, {len(mine)} packed by their holder, no conflict"
    )
