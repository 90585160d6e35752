"""Background work for the GUI: answers on the GUI thread, one job at a time, none after close."""

from __future__ import annotations

import threading

from pytestqt.qtbot import QtBot

from ui.background import Background


def test_the_answer_arrives_on_the_gui_thread(qtbot: QtBot) -> None:
    """``work`` runs on another thread; ``done`` gets its value on the GUI thread."""
    background = Background()
    ran_on: list[int] = []
    got: list[tuple[int, int]] = []

    def work() -> int:
        ran_on.append(threading.get_ident())
        return 42

    assert background.run(work, lambda v: got.append((v, threading.get_ident())), print)
    qtbot.waitUntil(lambda: bool(got), timeout=5000)
    assert got == [(42, threading.get_ident())] and ran_on != [threading.get_ident()]
    assert not background.busy


def test_a_failure_goes_to_failed_and_a_second_job_waits_its_turn(qtbot: QtBot) -> None:
    """An exception reaches ``failed``; while a job runs, another is refused."""
    background = Background()
    gate = threading.Event()
    failures: list[BaseException] = []

    def work() -> None:
        gate.wait(5)
        raise LookupError("no floor")

    assert background.run(work, print, failures.append)
    assert background.busy and not background.run(lambda: 1, print, print)
    gate.set()
    qtbot.waitUntil(lambda: bool(failures), timeout=5000)
    assert isinstance(failures[0], LookupError) and not background.busy


def test_a_job_that_outlives_its_window_is_dropped(qtbot: QtBot) -> None:
    """Closed while the job ran: neither callback runs."""
    background = Background()
    gate = threading.Event()
    got: list[object] = []
    assert background.run(lambda: gate.wait(5), got.append, got.append)
    background.close()
    gate.set()
    qtbot.wait(300)
    assert got == []
