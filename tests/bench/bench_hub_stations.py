"""hub_50_stations_events_per_s / hub_50_stations_p99_ms: 50 packing stations on one hub.

The order service as a supervisor runs it (``python -m sync.hub.cli serve``: one uvicorn
process, its access log on) in a process of its own, on a throwaway PostgreSQL cluster started
like ``tests/postgres.py`` does (fsync off: this measures the hub, not the disk), seeded with
the demo warehouse's catalogue and 10,000 open orders. 50 simulated stations
(``tests/bench/hub_load.py``: threads, each with its own session and token) lease an order,
upload its facts in two batches, renew their lease every 4th order and send a batch again
every 7th, for 21 s. Figures: accepted events per second across all stations and the p99 of
``POST /v1/events``, each the median of three 6.7 s windows after 1 s of warm-up. Anchor, in
the same run: the same loop with 1 station. Afterwards the hub's database is checked against
what the stations were told (every accepted event stored exactly once, no order leased twice):
a benchmark of wrong behaviour is worthless.

Skipped, with a message and no figures, when PostgreSQL is not installed.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
import time
from pathlib import Path

from sqlalchemy import Engine

from sync.hub import catalog
from sync.hub.db import open_hub_db
from sync.hub.demo_seed import demo_documents
from sync.hub.tokens import create_station
from sync.protocol import OrderDoc
from tests.bench.figures import Figure, median, percentile
from tests.bench.hub_load import StationLog, run_stations, verify
from tests.hub_process import HubProcess
from tests.postgres import PostgresCluster, _bindir, _from_env, _LocalCluster

ROOT = Path(__file__).resolve().parents[2]
STATIONS = 50
ORDERS = 10_000  # never all leased: that would end the run early
WARMUP_S = 1.0
WINDOWS = 3
WINDOW_S = 6.7
SOLO_S = 6.0  # the 1-station anchor, after the same warm-up


def run() -> list[Figure]:
    env_url = os.environ.get("TOTE_TEST_PG_URL")  # an existing server, as for the tests
    bindir = _bindir()
    local: _LocalCluster | None = None
    cluster: PostgresCluster
    if env_url:
        cluster = _from_env(env_url)
    elif bindir is not None:
        cluster = local = _LocalCluster(bindir)
    else:
        print(
            "   hub_stations skipped: PostgreSQL is not installed "
            "(sudo apt-get install postgresql, or set TOTE_TEST_PG_URL)",
            flush=True,
        )
        return []
    try:
        if local is not None:
            local.start()
        url = cluster.create_database()
        try:
            return measure(url)
        finally:
            cluster.drop_database(url)
    finally:
        if local is not None:
            local.stop()


def measure(url: str) -> list[Figure]:
    engine = open_hub_db(url)
    try:
        started = time.monotonic()
        docs = seed(engine)
        tokens = {
            f"BENCH-{i:02d}": create_station(engine, "WH1", f"BENCH-{i:02d}", f"Bench {i}")
            for i in range(1, STATIONS + 1)
        }
        solo = {"BENCH-SOLO": create_station(engine, "WH1", "BENCH-SOLO", "Bench alone")}
        print(f"   seeded {len(docs)} orders in {time.monotonic() - started:.1f} s", flush=True)
        with tempfile.TemporaryDirectory(prefix="tote-bench-hub-") as folder:
            hub = HubProcess(url, Path(folder) / "hub.log")
            try:
                solo_logs, solo_t0 = run_stations(hub.url, solo, docs, WARMUP_S + SOLO_S)
                before = cpu_s(hub.process), machine_busy()
                logs, t0 = run_stations(hub.url, tokens, docs, WARMUP_S + WINDOWS * WINDOW_S)
                cpu = cpu_share(before, (cpu_s(hub.process), machine_busy()))
            finally:
                hub.stop()
        checked = verify(engine, solo_logs + logs)
        print(f"   {checked}", flush=True)
    finally:
        engine.dispose()

    solo_rate, solo_ms = window(solo_logs, solo_t0 + WARMUP_S, SOLO_S)
    solo_p50 = percentile(latencies_ms(solo_logs, solo_t0 + WARMUP_S, SOLO_S), 50)
    rates, p99s = [], []
    for w in range(WINDOWS):
        rate, p99 = window(logs, t0 + WARMUP_S + w * WINDOW_S, WINDOW_S)
        rates.append(rate)
        p99s.append(p99)
    rate, p99 = median(rates), median(p99s)
    all_ms = latencies_ms(logs, t0 + WARMUP_S, WINDOWS * WINDOW_S)
    claim_ms = [s * 1000 for log in logs for s in log.claim_seconds]
    packed = sum(len(log.packed) for log in logs)
    posts = sum(len(log.posts) for log in logs)
    anchor = (
        f"1 station, same loop, same run: {solo_rate:.0f} events/s, p99 {solo_ms:.1f} ms "
        f"(p50 {solo_p50:.1f}); 50 stations: x{rate / solo_rate:.1f} the events/s, p50 "
        f"{percentile(all_ms, 50):.1f} ms; per window {', '.join(f'{r:.0f}' for r in rates)} "
        f"events/s, p99 {', '.join(f'{p:.0f}' for p in p99s)} ms; claims/next p99 "
        f"{percentile(claim_ms, 99):.0f} ms; {packed} orders packed in {posts} uploads "
        f"(~4 events each, {sum(log.replays for log in logs)} replays, "
        f"{sum(log.renewals for log in logs)} renewals, "
        f"{sum(log.empty_claims for log in logs)} 'no open order' answers retried); "
        f"`tote hub serve` (1 process) on PostgreSQL (fsync off), {os.cpu_count()} cores shared "
        f"with the stations{cpu}; {checked.removeprefix('verified: ')} (checked)"
    )
    return [
        Figure("hub_50_stations_events_per_s", round(rate, 1), "ev/s", "", anchor),
        Figure("hub_50_stations_p99_ms", round(p99, 1), "ms", "", anchor),
    ]


def seed(engine: Engine) -> dict[str, OrderDoc]:
    """The demo warehouse WH1 with ``ORDERS`` open orders; the orders by number."""
    docs = demo_documents(orders=ORDERS)
    with engine.begin() as conn:
        catalog.ensure_warehouse(conn, "WH1", "Bench warehouse")
        catalog.upsert_locations(conn, "WH1", docs.locations)
        catalog.upsert_products(conn, "WH1", docs.products)
        catalog.upsert_box_types(conn, "WH1", docs.box_types)
        catalog.upsert_orders(conn, "WH1", docs.orders)
    return {doc.number: doc for doc in docs.orders}


def window(logs: list[StationLog], start: float, seconds: float) -> tuple[float, float]:
    """Fresh events accepted per second, and the p99 (ms) of event uploads, in the window."""
    accepted = sum(
        p.accepted for log in logs for p in log.posts if start <= p.done < start + seconds
    )
    return accepted / seconds, percentile(latencies_ms(logs, start, seconds), 99)


def latencies_ms(logs: list[StationLog], start: float, seconds: float) -> list[float]:
    return [
        p.seconds * 1000 for log in logs for p in log.posts if start <= p.done < start + seconds
    ]


def machine_busy() -> tuple[float, float] | None:
    """(busy, total) CPU seconds of the whole machine so far, from /proc/stat (Linux)."""
    try:
        fields = [float(x) for x in Path("/proc/stat").read_text().split("\n")[0].split()[1:]]
    except (OSError, ValueError):
        return None
    ticks = os.sysconf("SC_CLK_TCK")
    idle = fields[3] + (fields[4] if len(fields) > 4 else 0.0)  # idle + iowait
    return (sum(fields) - idle) / ticks, sum(fields) / ticks


def cpu_share(
    before: tuple[float | None, tuple[float, float] | None],
    after: tuple[float | None, tuple[float, float] | None],
) -> str:
    """How busy the hub process and the machine were between two samples, for the anchor."""
    (hub0, machine0), (hub1, machine1) = before, after
    if machine0 is None or machine1 is None or machine1[1] <= machine0[1]:
        return ""
    total = machine1[1] - machine0[1]
    text = ""
    if hub0 is not None and hub1 is not None:
        wall = total / (os.cpu_count() or 1)
        text = f", the hub process using {100 * (hub1 - hub0) / wall:.0f}% of one core"
    busy = 100 * (machine1[0] - machine0[0]) / total
    return f"{text}, the machine {busy:.0f}% busy (all processes)"


def cpu_s(process: subprocess.Popen[bytes]) -> float | None:
    """CPU seconds ``process`` used so far, from /proc (Linux)."""
    try:
        stat = Path(f"/proc/{process.pid}/stat").read_text()
    except OSError:
        return None
    fields = stat.rsplit(")", 1)[1].split()
    return (float(fields[11]) + float(fields[12])) / os.sysconf("SC_CLK_TCK")
