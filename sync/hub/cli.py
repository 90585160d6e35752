"""``tote hub ...``: run and look after the central order service from a shell.

Every command works on the database directly (``--db``, else ``TOTE_HUB_DB``, else a SQLite
file in the user's data folder), through the same ``sync.hub.catalog`` and ``sync.hub.tokens``
functions the API uses, so a change made here reaches stations through the feed like any
other. The people running these commands are supervisors, not programmers: every failure
is one line saying what is wrong (exit 1), never a traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import platformdirs
from sqlalchemy import Connection, Engine, make_url, select
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

from sync.hub import catalog, feed
from sync.hub.csv_orders import ParsedOrders, RowError, parse_orders_csv
from sync.hub.db import HEAD, HubSchemaTooNewError, current_revision, open_hub_db
from sync.hub.tables import conflicts, warehouses

ENV_DB = "TOTE_HUB_DB"
STATUS_OF: dict[str, catalog.CentralStatus] = {
    "hold": "held",
    "release": "open",
    "cancel": "cancelled",
}


class CliError(Exception):
    """A failure the user can act on; ``main`` prints its message and returns 1."""


def default_db_url() -> str:
    return f"sqlite:///{Path(platformdirs.user_data_dir('tote')) / 'hub.sqlite3'}"


def _safe(url: str) -> str:
    """The URL as it may be printed: the password hidden."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return repr(url)


def _reason(exc: BaseException) -> str:
    """The driver's own first line ("connection refused"), not SQLAlchemy's SQL dump."""
    orig = getattr(exc, "orig", None) or exc
    return (str(orig).strip().splitlines() or [type(orig).__name__])[0]


def open_db(url: str) -> Engine:
    """The hub database, migrated; every way this can fail becomes one CliError line."""
    try:
        return open_hub_db(url)
    except ArgumentError:
        raise CliError(f"{_safe(url)} is not a database URL (e.g. sqlite:///hub.sqlite3)") from None
    except (ValueError, HubSchemaTooNewError) as exc:
        raise CliError(str(exc)) from None
    except (SQLAlchemyError, OSError) as exc:
        raise CliError(f"cannot open the database {_safe(url)}: {_reason(exc)}") from None


def _require_warehouse(conn: Connection, code: str) -> None:
    if conn.execute(select(warehouses.c.code).where(warehouses.c.code == code)).first() is None:
        raise CliError(f"there is no warehouse {code!r} (create it with: tote hub warehouse add)")


# -- commands ---------------------------------------------------------------------------------


def _serve(args: argparse.Namespace, engine: Engine) -> int:
    import uvicorn

    from sync.hub.app import create_app
    from sync.hub.server import listening_socket

    if args.demo:
        _demo(engine, args.db)
    try:
        sock = listening_socket(args.host, args.port)
    except OSError as exc:
        raise CliError(f"cannot listen on {args.host}:{args.port}: {exc.strerror}") from None
    port = sock.getsockname()[1]
    print(f"order service listening on http://{args.host}:{port} (Ctrl+C stops it)", flush=True)
    app = create_app(engine, claim_ttl_s=args.claim_ttl)
    config = uvicorn.Config(app, lifespan="off", timeout_graceful_shutdown=5)
    try:
        uvicorn.Server(config).run(sockets=[sock])
    except KeyboardInterrupt:  # uvicorn re-raises Ctrl+C after its graceful shutdown
        pass
    finally:
        sock.close()
    return 0


def _demo(engine: Engine, url: str) -> None:
    from sync.hub.demo_seed import demo_stations, seed_hub

    counts = seed_hub(engine, "WH1")
    if counts.orders:
        print(f"demo: warehouse WH1 seeded with {counts.orders} orders")
    parsed = make_url(url)
    folder = Path(platformdirs.user_data_dir("tote"))
    if parsed.get_backend_name() == "sqlite" and parsed.database:
        folder = Path(parsed.database).parent  # beside the database it opens
    tokens = folder / "hub-demo-tokens.json"
    demo_stations(engine, tokens_file=tokens)
    print(f"demo: station tokens for PACK-01 and PACK-02 are in {tokens}")


def _warehouse_add(args: argparse.Namespace, engine: Engine) -> int:
    with engine.begin() as conn:
        catalog.ensure_warehouse(conn, args.code, args.name or args.code)
    print(f"warehouse {args.code} ({args.name or args.code}) is ready")
    return 0


def _station_add(args: argparse.Namespace, engine: Engine) -> int:
    from sync.hub.tokens import Role, create_station

    with engine.connect() as conn:
        _require_warehouse(conn, args.warehouse)
    role: Role = "admin" if args.admin else "station"
    token = create_station(engine, args.warehouse, args.code, args.name or args.code, role)
    print(f"station {args.code} in warehouse {args.warehouse} ({role}); its token:")
    print(token)
    print("This token is shown only once: enter it at the station now. Any older token of")
    print("this station no longer works.")
    return 0


def _station_revoke(args: argparse.Namespace, engine: Engine) -> int:
    from sync.hub.tokens import revoke_station

    if not revoke_station(engine, args.code):
        raise CliError(f"there is no station {args.code!r}")
    print(f"station {args.code}: token revoked; its next request is refused")
    return 0


def _import_orders(args: argparse.Namespace, engine: Engine) -> int:
    try:
        text = Path(args.file).read_bytes().decode("utf-8")
    except OSError as exc:
        raise CliError(f"cannot read {args.file}: {exc.strerror or exc}") from None
    except UnicodeDecodeError as exc:
        raise CliError(
            f"{args.file} is not UTF-8 text (byte {exc.start}): save it as 'CSV UTF-8'"
        ) from None
    parsed = parse_orders_csv(text)
    with engine.begin() as conn:
        _require_warehouse(conn, args.warehouse)
        _refuse_unknown_skus(conn, args.warehouse, parsed)
        written = catalog.upsert_orders(conn, args.warehouse, parsed.orders)
    refused = parsed.refused_rows
    what = "the file was refused" if parsed.errors and not refused else f"{refused} rows refused"
    n = len(parsed.orders)
    print(f"imported {n} order{'s' * (n != 1)} ({written} new or changed); {what}", end="")
    print(":" if parsed.errors else "")
    for error in sorted(parsed.errors, key=lambda e: e.row):
        print(f"  {error}")
    if parsed.ignored_columns:
        print(f"note: columns ignored: {', '.join(parsed.ignored_columns)}")
    return 1 if parsed.errors else 0


def _refuse_unknown_skus(conn: Connection, warehouse: str, parsed: ParsedOrders) -> None:
    """Move orders naming a product the hub does not know from ``orders`` to the refused:
    the hub would refuse the whole upload, and one order must not stop the others."""
    named = {line.sku for order in parsed.orders for line in order.lines}
    known = feed.current_docs(conn, warehouse, "product", named)
    keep = []
    for order in parsed.orders:
        rows = parsed.line_rows.get(order.number, [])
        bad = [
            (row, x.sku) for row, x in zip(rows, order.lines, strict=False) if x.sku not in known
        ]
        if not bad:
            keep.append(order)
            continue
        for row, sku in bad:
            message = f"{sku!r} is not a product this warehouse knows (order {order.number})"
            parsed.errors.append(RowError(row, "sku", message))
        parsed.refused_rows += len(rows)
        parsed.refused_orders.append(order.number)
    parsed.orders = keep


def _order(args: argparse.Namespace, engine: Engine) -> int:
    if args.reason is not None and len(args.reason) > 200:
        raise CliError("the reason may be 200 characters at most")
    status = STATUS_OF[args.action]
    with engine.begin() as conn:
        _require_warehouse(conn, args.warehouse)
        found = catalog.get_order(conn, args.warehouse, args.number)
        if found is None:
            raise CliError(f"there is no order {args.number} in warehouse {args.warehouse}")
        if found.status == "packed":
            # Reopening would have it packed twice; cancelling would forget who packed it.
            raise CliError(f"order {args.number} is already packed by {found.packed_by}")
        doc = catalog.set_order_status(conn, args.warehouse, args.number, status, args.reason)
    print(f"order {doc.number} is {doc.status} (version {doc.version})")
    return 0


def _conflicts(args: argparse.Namespace, engine: Engine) -> int:
    with engine.connect() as conn:
        _require_warehouse(conn, args.warehouse)
        rows = conn.execute(
            select(conflicts)
            .where(conflicts.c.warehouse == args.warehouse)
            .order_by(conflicts.c.id.desc())
            .limit(args.limit)
        ).mappings()
        table = [
            [str(r["id"]), r["at"].strftime("%Y-%m-%d %H:%M"), r["order_number"] or "-",
             r["station"], r["kind"], r["message"]]
            for r in reversed(list(rows))
        ]  # fmt: skip
    if not table:
        print(f"no conflicts in warehouse {args.warehouse}")
        return 0
    head = ["id", "at (UTC)", "order", "station", "kind", "message"]
    widths = [max(len(row[i]) for row in [head, *table]) for i in range(5)]
    for row in [head, *table]:
        print("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=False)), row[5])
    return 0


def _shortages(args: argparse.Namespace, engine: Engine) -> int:
    from sync.hub.shortages import shortages

    since = args.since or datetime.now(UTC) - timedelta(hours=args.hours)
    with engine.connect() as conn:
        _require_warehouse(conn, args.warehouse)
        found = shortages(conn, args.warehouse, since)
    if not found:
        print(
            f"no short picks or damaged units in warehouse {args.warehouse} "
            f"since {since:%Y-%m-%d %H:%M} UTC"
        )
        return 0
    print(f"{'sku':<16} {'location':<16} {'short':>5} {'damaged':>7} {'reports':>7}  reasons")
    for s in found:
        print(
            f"{s.sku:<16} {s.location:<16} {s.units_short:>5} {s.units_damaged:>7} "
            f"{s.reports:>7}  {', '.join(sorted(s.reasons))}"
        )
    return 0


def _layout_set(args: argparse.Namespace, engine: Engine) -> int:
    from pydantic import ValidationError

    from sync.hub.layout import set_layout
    from sync.protocol import LayoutDoc

    try:
        doc = LayoutDoc.model_validate_json(Path(args.file).read_bytes())
    except OSError as exc:
        raise CliError(f"cannot read {args.file}: {exc.strerror or exc}") from None
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "the file"
        more = f" (and {exc.error_count() - 1} more)" if exc.error_count() > 1 else ""
        message = f"{args.file} is not a floor layout: {where}: {first['msg']}{more}"
        raise CliError(message) from None
    with engine.begin() as conn:
        _require_warehouse(conn, args.warehouse)
        now, changed = set_layout(conn, args.warehouse, doc)
    aisles, bays = len(now.aisles), sum(now.block_bays)
    what = "is now" if changed else "was already"
    print(f"warehouse {args.warehouse}: the floor layout {what} version {now.version} "
          f"({aisles} aisle{'s' * (aisles != 1)}, {bays} bays each)")  # fmt: skip
    return 0


def _layout_show(args: argparse.Namespace, engine: Engine) -> int:
    from sync.hub.layout import get_layout

    with engine.connect() as conn:
        _require_warehouse(conn, args.warehouse)
        found = get_layout(conn, args.warehouse)
    if found is None:
        raise CliError(f"warehouse {args.warehouse} has no floor layout yet")
    print(found.model_dump_json(indent=2))
    return 0


def _migrate(args: argparse.Namespace, engine: Engine) -> int:
    with engine.connect() as conn:
        revision = current_revision(conn)
    print(f"{_safe(args.db)} is at schema revision {revision} (this build's head: {HEAD})")
    return 0


# -- arguments ---------------------------------------------------------------------------------

Command = Callable[[argparse.Namespace, Engine], int]


def _moment(text: str) -> datetime:
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a date-time (2026-11-26T08:00)"
        ) from None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _code(text: str) -> str:
    """Station, warehouse and order codes: the protocol's 1 to 40 characters."""
    if not 1 <= len(text.strip()) <= 40:
        raise argparse.ArgumentTypeError(f"{text!r}: a code has 1 to 40 characters")
    return text.strip()


def _layout_commands(sub: Any, common: argparse.ArgumentParser) -> None:
    layout = sub.add_parser("layout", help="set or show a warehouse's floor layout")
    layout_sub = layout.add_subparsers(dest="action", required=True, metavar="ACTION")
    p = layout_sub.add_parser(
        "set", parents=[common], help="set the floor layout from a JSON file (docs/sync.md)"
    )
    p.set_defaults(run=_layout_set)
    p.add_argument("file", metavar="FILE.json")
    p.add_argument("--warehouse", required=True, type=_code)
    p = layout_sub.add_parser("show", parents=[common], help="print the floor layout as JSON")
    p.set_defaults(run=_layout_show)
    p.add_argument("--warehouse", required=True, type=_code)


def build_parser() -> argparse.ArgumentParser:
    db_help = f"database URL (default: ${ENV_DB}, else {default_db_url()})"
    parser = argparse.ArgumentParser(
        prog="tote hub", description="The central order service of Tote stations."
    )
    parser.add_argument("--db", metavar="URL", help=db_help)
    # Also after the command; SUPPRESS keeps a --db given before it when none comes after.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", metavar="URL", help=db_help, default=argparse.SUPPRESS)
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, run: Command, text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, parents=[common], help=text, description=text)
        p.set_defaults(run=run)
        return p

    p = command("serve", _serve, "serve the API in the foreground")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8765)
    p.add_argument("--claim-ttl", type=int, default=300, metavar="SECONDS")
    p.add_argument("--demo", action="store_true", help="seed the demo warehouse WH1 if empty")

    p = command("warehouse", _warehouse_add, "create a warehouse (or rename it)")
    p.add_argument("action", choices=["add"])
    p.add_argument("code", type=_code)
    p.add_argument("--name")

    station = sub.add_parser("station", help="add or revoke a station's token")
    station_sub = station.add_subparsers(dest="action", required=True, metavar="ACTION")
    p = station_sub.add_parser("add", parents=[common], help="create a station, show its token")
    p.set_defaults(run=_station_add)
    p.add_argument("code", type=_code)
    p.add_argument("--warehouse", required=True, type=_code)
    p.add_argument("--name")
    p.add_argument("--admin", action="store_true", help="may upload orders and read conflicts")
    p = station_sub.add_parser("revoke", parents=[common], help="revoke a station's token")
    p.set_defaults(run=_station_revoke)
    p.add_argument("code")

    p = command("import-orders", _import_orders, "import orders from a CSV file")
    p.add_argument("file", metavar="FILE.csv")
    p.add_argument("--warehouse", required=True, type=_code)

    p = command("order", _order, "hold, release (reopen) or cancel an order")
    p.add_argument("action", choices=list(STATUS_OF))
    p.add_argument("number", type=_code)
    p.add_argument("--warehouse", required=True, type=_code)
    p.add_argument("--reason")

    p = command("conflicts", _conflicts, "list what stations did that the centre must check")
    p.add_argument("--warehouse", required=True, type=_code)
    p.add_argument("--limit", type=int, default=100, help="the newest N (default 100)")

    p = command("shortages", _shortages, "short picks and damaged units per SKU and location")
    p.add_argument("--warehouse", required=True, type=_code)
    p.add_argument("--hours", type=int, default=24, help="over the last N hours (default 24)")
    p.add_argument("--since", type=_moment, help="from this UTC date-time on (ISO 8601)")

    _layout_commands(sub, common)

    command("migrate", _migrate, "bring the database to this build's schema")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run one command; 0 done, 1 failed (one line on stderr), 2 bad arguments."""
    try:
        args = build_parser().parse_args(sys.argv[1:] if argv is None else argv)
    except SystemExit as exc:  # --help, or a usage error argparse already printed
        return exc.code if isinstance(exc.code, int) else 2
    args.db = args.db or os.environ.get(ENV_DB) or default_db_url()
    engine: Engine | None = None
    try:
        engine = open_db(args.db)
        run: Command = args.run
        return run(args, engine)
    except (CliError, catalog.CatalogError, feed.UnknownWarehouseError) as exc:
        print(f"tote hub: {exc}", file=sys.stderr)
    except SQLAlchemyError as exc:
        print(f"tote hub: database error: {_reason(exc)}", file=sys.stderr)
    except KeyboardInterrupt:
        print("tote hub: interrupted", file=sys.stderr)
    finally:
        if engine is not None:
            engine.dispose()
    return 1


if __name__ == "__main__":
    raise SystemExit(main())
