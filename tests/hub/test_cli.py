"""``tote hub ...`` run in-process on real SQLite files: what a supervisor sees, and one-line
errors (never a traceback) for the mistakes people make."""

from __future__ import annotations

import signal
import subprocess
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
import requests
from sqlalchemy import insert

from sync.hub import catalog
from sync.hub.cli import main
from sync.hub.db import HEAD, open_hub_db
from sync.hub.demo_seed import seed_hub
from sync.hub.server import HubServer
from sync.hub.tables import conflicts
from sync.protocol import PROTOCOL_HEADER, PROTOCOL_VERSION

ROOT = Path(__file__).parents[2]
SAMPLE = ROOT / "resources" / "demo" / "orders-sample.csv"


@pytest.fixture
def db(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'hub.sqlite3'}"


@pytest.fixture
def seeded(database_url: str) -> str:
    """A hub (SQLite, then PostgreSQL: ``database_url`` is the hub tests' fixture) with the
    demo warehouse WH1, whose products are the ones the sample CSV names."""
    engine = open_hub_db(database_url)
    seed_hub(engine, "WH1", orders=2)
    engine.dispose()
    return database_url


Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]) -> Run:
    """``main(argv)`` in this process: (exit code, stdout, stderr), never a traceback."""

    def call(*argv: str) -> tuple[int, str, str]:
        code = main(list(argv))
        out, err = capsys.readouterr()
        assert "Traceback" not in out + err
        return code, out, err

    return call


def one_line_error(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("tote hub: ")
    return lines[0]


def test_entry_point_runs_as_a_module() -> None:
    """``python -m sync.hub.cli --help`` lists the commands (the lead wires ``tote hub``)."""
    done = subprocess.run(
        [sys.executable, "-m", "sync.hub.cli", "--help"],
        cwd=ROOT, capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    for name in ("serve", "station", "import-orders", "order", "conflicts", "migrate"):
        assert name in done.stdout


def test_migrate_creates_the_database_at_head(run: Run, db: str) -> None:
    """A fresh database file is created and migrated."""
    code, out, _ = run("migrate", "--db", db)
    assert code == 0
    assert f"revision {HEAD}" in out


def test_database_url_comes_from_the_environment(
    run: Run, db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """TOTE_HUB_DB is used when --db is not given."""
    monkeypatch.setenv("TOTE_HUB_DB", db)
    code, out, _ = run("migrate")
    assert code == 0
    assert "hub.sqlite3" in out
    code, out, _ = run("--db", db.replace("hub.sqlite3", "other.sqlite3"), "migrate")
    assert "other.sqlite3" in out  # --db wins, before the command as after it


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("not a url", "is not a database URL"),
        ("mysql://x/y", "SQLite or PostgreSQL"),
        ("postgresql+psycopg://tote:s3cret@127.0.0.1:1/hub", "cannot open the database"),
        ("sqlite:////proc/no/such/dir/hub.sqlite3", "cannot open the database"),
    ],
)
def test_bad_or_unreachable_database_is_one_line(run: Run, url: str, expected: str) -> None:
    """No traceback, exit 1, and a password in the URL is never printed."""
    code, _, err = run("migrate", "--db", url)
    assert code == 1
    assert expected in one_line_error(err)
    assert "s3cret" not in err


def test_station_token_is_shown_once_and_works(run: Run, seeded: str) -> None:
    """GIVEN station add WHEN the printed token is used THEN the hub knows the station; after
    revoke it does not."""
    add = ["station", "add", "PACK-07", "--warehouse", "WH1", "--name", "Pack 7"]
    code, out, _ = run(*add, "--db", seeded)
    assert code == 0
    assert "shown only once" in out
    token = out.splitlines()[1]
    with HubServer.start(seeded) as hub:
        headers = {PROTOCOL_HEADER: str(PROTOCOL_VERSION), "Authorization": f"Bearer {token}"}
        hello = requests.get(f"{hub.url}/v1/hello", headers=headers, timeout=5)
        assert hello.status_code == 200
        assert hello.json()["station_name"] == "Pack 7"
        assert run("station", "revoke", "PACK-07", "--db", seeded)[0] == 0
        assert requests.get(f"{hub.url}/v1/hello", headers=headers, timeout=5).status_code == 401


def test_unknown_warehouse_and_station_are_one_line(run: Run, seeded: str) -> None:
    """Typos in codes are named, not stack-traced."""
    code, _, err = run("station", "add", "PACK-07", "--warehouse", "WH9", "--db", seeded)
    assert code == 1
    assert "no warehouse 'WH9'" in one_line_error(err)
    code, _, err = run("station", "revoke", "NOPE", "--db", seeded)
    assert code == 1
    assert "no station 'NOPE'" in one_line_error(err)


def test_import_sample_then_again_changes_nothing(run: Run, seeded: str) -> None:
    """The sample imports whole; importing it again writes nothing new to the feed."""
    code, out, _ = run("import-orders", str(SAMPLE), "--warehouse", "WH1", "--db", seeded)
    assert (code, out.strip()) == (0, "imported 3 orders (3 new or changed); 0 rows refused")
    code, out, _ = run("import-orders", str(SAMPLE), "--warehouse", "WH1", "--db", seeded)
    assert (code, out.strip()) == (0, "imported 3 orders (0 new or changed); 0 rows refused")
    engine = open_hub_db(seeded)
    with engine.connect() as conn:
        order = catalog.get_order(conn, "WH1", "CSV-1001")
    engine.dispose()
    assert order is not None
    assert order.ship_to.city == "Αθήνα"


def test_import_refuses_bad_rows_and_unknown_products_but_keeps_the_rest(
    run: Run, seeded: str, tmp_path: Path
) -> None:
    """One bad row and one unknown SKU refuse their own orders; the good one imports; exit 1."""
    lines = SAMPLE.read_text("utf-8").splitlines()
    lines[3] = lines[3].replace(",3,13.99,", ",three,13.99,")  # CSV-1002's only line
    lines[4] = lines[4].replace("TS-000006", "NO-SUCH-SKU")  # CSV-1003's first line
    path = tmp_path / "orders.csv"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    code, out, _ = run("import-orders", str(path), "--warehouse", "WH1", "--db", seeded)
    assert code == 1
    assert out.splitlines() == [
        "imported 1 order (1 new or changed); 4 rows refused:",
        "  row 4, quantity: 'three' is not a whole number",
        "  row 5, sku: 'NO-SUCH-SKU' is not a product this warehouse knows (order CSV-1003)",
    ]


def test_unreadable_files_are_one_line(run: Run, seeded: str, tmp_path: Path) -> None:
    """A missing file and a file that is not UTF-8 say so."""
    missing = str(tmp_path / "nope.csv")
    code, _, err = run("import-orders", missing, "--warehouse", "WH1", "--db", seeded)
    assert code == 1
    assert "cannot read" in one_line_error(err)
    latin = tmp_path / "latin1.csv"
    latin.write_bytes("order_number,ship_city\nA-1,Münster\n".encode("latin-1"))
    code, _, err = run("import-orders", str(latin), "--warehouse", "WH1", "--db", seeded)
    assert code == 1
    assert "not UTF-8" in one_line_error(err)
    code, _, err = run("import-orders", str(SAMPLE), "--warehouse", "WH9", "--db", seeded)
    assert "no warehouse" in one_line_error(err)


def test_hold_release_and_cancel_an_order(run: Run, seeded: str) -> None:
    """Each status change is a new version stations will download."""
    hold = ["order", "hold", "SO-100001", "--warehouse", "WH1", "--reason", "address?"]
    code, out, _ = run(*hold, "--db", seeded)
    assert (code, out.strip()) == (0, "order SO-100001 is held (version 2)")
    code, out, _ = run("order", "release", "SO-100001", "--warehouse", "WH1", "--db", seeded)
    assert out.strip() == "order SO-100001 is open (version 3)"
    code, out, _ = run("order", "cancel", "SO-100002", "--warehouse", "WH1", "--db", seeded)
    assert out.strip() == "order SO-100002 is cancelled (version 2)"
    code, _, err = run("order", "hold", "SO-999999", "--warehouse", "WH1", "--db", seeded)
    assert code == 1
    assert "no order SO-999999" in one_line_error(err)


def test_a_packed_order_is_neither_reopened_nor_cancelled(run: Run, seeded: str) -> None:
    """Reopening a packed order would have it packed twice; the supervisor is told why."""
    engine = open_hub_db(seeded)
    with engine.begin() as conn:
        catalog.mark_packed(conn, "WH1", "SO-100001", "PACK-01", None, now=datetime.now(UTC))
    engine.dispose()
    for action in ("release", "cancel", "hold"):
        code, _, err = run("order", action, "SO-100001", "--warehouse", "WH1", "--db", seeded)
        assert code == 1
        assert "already packed by PACK-01" in one_line_error(err)


def test_conflicts_are_listed_as_a_table(run: Run, seeded: str) -> None:
    """Empty at first; then each conflict is one row, oldest first."""
    code, out, _ = run("conflicts", "--warehouse", "WH1", "--db", seeded)
    assert (code, out.strip()) == (0, "no conflicts in warehouse WH1")
    engine = open_hub_db(seeded)
    with engine.begin() as conn:
        conn.execute(
            insert(conflicts),
            [
                {"at": datetime(2026, 11, 26, 9, 5, tzinfo=UTC), "warehouse": "WH1",
                 "order_number": "SO-100001", "station": "PACK-02", "event_id": None,
                 "kind": "packed_twice", "message": "PACK-01 packed it first"},
                {"at": datetime(2026, 11, 26, 9, 7, tzinfo=UTC), "warehouse": "WH1",
                 "order_number": None, "station": "PACK-01", "event_id": None,
                 "kind": "short_pick", "message": "2 missing"},
            ],
        )  # fmt: skip
    engine.dispose()
    code, out, _ = run("conflicts", "--warehouse", "WH1", "--db", seeded)
    lines = out.splitlines()
    assert lines[0].split() == ["id", "at", "(UTC)", "order", "station", "kind", "message"]
    assert "SO-100001" in lines[1] and lines[1].endswith("PACK-01 packed it first")
    assert lines[2].endswith("2 missing")


def test_usage_errors_return_2(run: Run) -> None:
    """argparse's own message, and exit code 2 instead of SystemExit in the caller."""
    code, _, err = run("order", "pause", "SO-1", "--warehouse", "WH1")
    assert code == 2
    assert "invalid choice" in err


def test_serve_with_demo_answers_and_stops_on_ctrl_c(tmp_path: Path) -> None:
    """GIVEN serve --demo on port 0 WHEN the printed URL is asked THEN the hub answers, and
    SIGINT stops it cleanly with exit 0; the demo tokens file is private."""
    db = f"sqlite:///{tmp_path / 'hub.sqlite3'}"
    proc = subprocess.Popen(
        [sys.executable, "-m", "sync.hub.cli", "serve", "--port", "0", "--demo", "--db", db],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert proc.stdout is not None
        lines = [proc.stdout.readline() for _ in range(3)]
        assert "seeded with 320 orders" in lines[0]
        url = lines[2].split()[4]
        r = requests.get(f"{url}/v1/hello", headers={PROTOCOL_HEADER: "1"}, timeout=5)
        assert r.status_code == 401
        assert r.headers[PROTOCOL_HEADER] == str(PROTOCOL_VERSION)
        assert (tmp_path / "hub-demo-tokens.json").stat().st_mode & 0o077 == 0
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=15) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        assert proc.stderr is not None
        assert "Traceback" not in proc.stderr.read()
        proc.stdout.close()  # type: ignore[union-attr]
        proc.stderr.close()


def test_env_var_name_is_documented_in_help(capsys: pytest.CaptureFixture[str]) -> None:
    """The help says where the database is when --db is not given."""
    assert main(["migrate", "--help"]) == 0
    assert "TOTE_HUB_DB" in capsys.readouterr().out
