"""Tote's own barcodes: parsing, and what they do at a packing station."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import select

from app.domain.reasons import Reason
from app.scanning import RawScan, ScanKind, interpret
from app.store.open import Store
from app.store.tables import AuditEntry, Operator, PrintJob, Station
from app.tote_codes import CodeKind, Command, ToteCode, encode, parse_tote_code
from app.usecases.pack_station import PackStation
from app.usecases.results import Outcome
from tests.conftest import CTX
from tests.factories import LAMP_GTIN13, MUG_GTIN13, Catalogue, add_order


def test_codes_parse_and_round_trip() -> None:
    """KIND:VALUE, kind case-insensitive, commands upper-cased, values kept."""
    assert parse_tote_code("cmd:aside") == ToteCode(CodeKind.COMMAND, "ASIDE")
    assert parse_tote_code("OP:OP-001") == ToteCode(CodeKind.OPERATOR, "OP-001")
    assert parse_tote_code("LOC:A-03-12-2-1") == ToteCode(CodeKind.LOCATION, "A-03-12-2-1")
    assert parse_tote_code(encode(CodeKind.BOX, "BOX-M")) == ToteCode(CodeKind.BOX, "BOX-M")
    assert parse_tote_code("CMD:REPRINT").command is Command.REPRINT  # type: ignore[union-attr]
    for text in ("SO-100001", "5901234123457", "TS-000123", "XYZ:1", "CMD:", ":x"):
        assert parse_tote_code(text) is None


@given(st.text(max_size=40))
def test_parsing_never_raises(text: str) -> None:
    """Any text is a Tote code or not; never an exception."""
    parse_tote_code(text)


def test_interpretation_recognises_tote_codes_first() -> None:
    """A command barcode is a Tote code, not an unknown text."""
    meaning = interpret(RawScan("CMD:ASIDE", "wedge"))
    assert meaning.kind is ScanKind.TOTE_CODE and meaning.code is not None


def scan(station: PackStation, code: str):  # type: ignore[no-untyped-def]
    return station.scan(RawScan(code, "test"))


def test_aside_command_puts_the_order_aside(
    store: Store, catalogue: Catalogue, station: PackStation
) -> None:
    """CMD:ASIDE while packing leaves the order with its scans; without one it is refused."""
    with store.sessions.begin() as s:
        add_order(s, "SO-1", [(catalogue.mug, 2)])
    assert scan(station, "CMD:ASIDE").reason is Reason.NOTHING_TO_PUT_ASIDE
    scan(station, "SO-1")
    scan(station, MUG_GTIN13)
    left = scan(station, "CMD:ASIDE")
    assert left.outcome is Outcome.ORDER_LEFT and left.view.order_number == "SO-1"
    assert station.current() is None
    assert scan(station, "SO-1").view.units_packed == 1


def test_reprint_command_queues_the_last_packed_slip_again(
    store: Store, catalogue: Catalogue, station: PackStation
) -> None:
    """CMD:REPRINT queues a new, audited job for the station's last packed order."""
    assert scan(station, "CMD:REPRINT").reason is Reason.NOTHING_TO_REPRINT
    with store.sessions.begin() as s:
        add_order(s, "SO-1", [(catalogue.lamp, 1)])
    scan(station, "SO-1")
    scan(station, LAMP_GTIN13)
    again = scan(station, "CMD:REPRINT")
    assert again.outcome is Outcome.REPRINT_QUEUED and again.params == {"order": "SO-1"}
    with store.sessions() as s:
        jobs = s.execute(select(PrintJob.job_id)).scalars().all()
        actions = s.execute(select(AuditEntry.action)).scalars().all()
    assert len(jobs) == 4 and set(again.print_job_ids) <= set(jobs)
    assert "reprint_requested" in actions


def test_other_codes_and_unknown_commands_are_refused_and_change_nothing(
    store: Store, catalogue: Catalogue, station: PackStation
) -> None:
    """A location barcode, or an unknown command, gets a clear refusal."""
    assert scan(station, "LOC:A-01-01-1-1").reason is Reason.CODE_NOT_USED_HERE
    assert scan(station, "CMD:SELFDESTRUCT").reason is Reason.UNKNOWN_COMMAND
    with store.sessions() as s:
        assert s.execute(select(AuditEntry)).first() is None


def test_an_order_number_with_a_colon_is_still_an_order(
    store: Store, catalogue: Catalogue, station: PackStation
) -> None:
    """An upstream order numbered like a Tote code opens as an order; CMD:ASIDE from the
    button and from a barcode are told apart in the audit log."""
    with store.sessions.begin() as s:
        add_order(s, "LOC:7", [(catalogue.lamp, 1)])
    assert scan(station, "LOC:7").outcome is Outcome.ORDER_OPENED
    station.leave_order()
    scan(station, "LOC:7")
    scan(station, "CMD:ASIDE")
    with store.sessions() as s:
        details = (
            s.execute(
                select(AuditEntry.detail)
                .where(AuditEntry.action == "order_left")
                .order_by(AuditEntry.seq)
            )
            .scalars()
            .all()
        )
    assert details == ['{"by": "button"}', '{"by": "command"}']


def test_a_badge_signs_its_operator_in_between_orders(
    store: Store, catalogue: Catalogue, station: PackStation
) -> None:
    """OP:<code> signs that operator in: the station row, the audit row and every later
    action carry the new operator; the previous one is in the audit detail."""
    with store.sessions.begin() as s:
        s.add(Operator(code="OP-007", name="Eleni Georgiou"))
        add_order(s, "SO-1", [(catalogue.lamp, 1)])
    result = scan(station, "op:op-007")
    assert result.outcome is Outcome.OPERATOR_SIGNED_IN
    assert result.params == {"operator": "OP-007", "name": "Eleni Georgiou"}
    assert station.context.operator_code == "OP-007"
    scan(station, "SO-1")
    with store.sessions() as s:
        assert s.execute(select(Station.current_operator_code)).scalar_one() == "OP-007"
        rows = s.execute(
            select(AuditEntry.action, AuditEntry.operator_code, AuditEntry.detail).order_by(
                AuditEntry.seq
            )
        ).all()
    assert [tuple(r) for r in rows] == [
        ("operator_signed_in", "OP-007", f'{{"previous": "{CTX.operator_code}"}}'),
        ("order_opened", "OP-007", rows[1].detail),
    ]


def test_a_badge_is_refused_mid_order_or_when_unknown(
    store: Store, catalogue: Catalogue, station: PackStation
) -> None:
    """An order's scans belong to whoever started it; an unknown badge changes nothing."""
    with store.sessions.begin() as s:
        s.add(Operator(code="OP-007", name="Eleni Georgiou"))
        add_order(s, "SO-1", [(catalogue.lamp, 1)])
    assert scan(station, "OP:OP-404").reason is Reason.UNKNOWN_OPERATOR
    scan(station, "SO-1")
    mid = scan(station, "OP:OP-007")
    assert mid.reason is Reason.FINISH_ORDER_FIRST and mid.params == {"order": "SO-1"}
    assert station.context.operator_code == CTX.operator_code
    with store.sessions() as s:
        actions = s.execute(select(AuditEntry.action)).scalars().all()
    assert "operator_signed_in" not in actions
