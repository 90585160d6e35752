"""``./run bench [NAME ...]``: run benchmarks, print a table, write bench-results.json.

NAME is a benchmark module (``startup``, ``wedge_scan``) or a figure name it produces.
"""

from __future__ import annotations

import importlib
import json
import sys
import time
from pathlib import Path

from tests.bench.figures import Figure

ROOT = Path(__file__).resolve().parents[2]
BENCHMARKS = {
    "startup": ("tests.bench.bench_startup", ("start_ready_s",)),
    "wedge_scan": ("tests.bench.bench_wedge_scan", ("wedge_scan_p50_ms", "wedge_scan_p99_ms")),
    "serial_scan": ("tests.bench.bench_serial_scan", ("serial_scan_p99_ms",)),
    "label_render": ("tests.bench.bench_label_render", ("label_render_ms",)),
    "tcp_print": ("tests.bench.bench_tcp_print", ("tcp_print_job_ms",)),
    "sync": (
        "tests.bench.bench_sync",
        ("pull_initial_20k_s", "pull_incremental_100_ms", "drain_10k_events_s"),
    ),
    "station_rss": ("tests.bench.bench_station_rss", ("station_rss_50k_mb",)),
    "hub_stations": (
        "tests.bench.bench_hub_stations",
        ("hub_50_stations_events_per_s", "hub_50_stations_p99_ms"),
    ),
    "routing": (
        "tests.bench.bench_routing",
        ("route_single_block_max_ratio", "route_single_block_100_ms"),
    ),
    "route_multi": (
        "tests.bench.bench_route_multi",
        ("route_multi_block_ratio_to_ortools", "route_multi_block_100_ms"),
    ),
    "batching": (
        "tests.bench.bench_batching",
        ("batch_60_orders_s", "batch_saving_1_4_lines_pct", "batch_saving_5_10_lines_pct"),
    ),
    "plan": ("tests.bench.bench_plan", ("plan_2000_orders_s",)),
    "carton": (
        "tests.bench.bench_carton",
        (
            "carton_boxes_best_fit",
            "carton_boxes_keep_flat",
            "carton_smallest_box_pct",
            "carton_median_ms",
            "carton_p95_ms",
            "carton_max_ms",
            "carton_util_best_fit_pct",
            "carton_util_keep_flat_pct",
        ),
    ),
    "pack_touches": ("tests.bench.bench_pack_touches", ("pack_touches_single_box_order",)),
}


def selected(names: list[str]) -> list[str]:
    if not names:
        return list(BENCHMARKS)
    chosen = []
    for name in names:
        hits = [b for b, (_, figs) in BENCHMARKS.items() if name == b or name in figs]
        if not hits:
            raise SystemExit(f"unknown benchmark {name!r}; known: {', '.join(BENCHMARKS)}")
        chosen += [h for h in hits if h not in chosen]
    return chosen


def main(argv: list[str]) -> int:
    figures: list[Figure] = []
    for bench in selected(argv):
        module = importlib.import_module(BENCHMARKS[bench][0])
        started = time.monotonic()
        print(f"== {bench} ...", flush=True)
        figures += module.run()
        print(f"   done in {time.monotonic() - started:.1f} s", flush=True)
    out = ROOT / "bench-results.json"
    previous = json.loads(out.read_text()) if out.exists() else {"figures": []}
    merged = {f["name"]: f for f in previous.get("figures", [])}
    merged.update({f.name: f.as_json() for f in figures})
    out.write_text(json.dumps({"figures": list(merged.values())}, indent=2) + "\n")
    print()
    print(f"{'figure':<36} {'value':>10} {'unit':<5} {'target':<9} {'ok':<4} anchor")
    for f in figures:
        ok = {True: "yes", False: "NO", None: "-"}[f.meets_target()]
        print(f"{f.name:<36} {f.value:>10.3f} {f.unit:<5} {f.target:<9} {ok:<4} {f.anchor}")
    print(f"\nwritten: {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
