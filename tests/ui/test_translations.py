"""Every user-visible string is collectable by Qt's lupdate, and a .qm changes the screen."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from ui.app import install_translations
from ui.qt import QApplication
from ui.screens.ready import ReadyScreen

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent


def tool(name: str) -> str:
    found = shutil.which(name, path=str(BIN)) or shutil.which(name)
    if found is None:
        pytest.skip(f"{name} not installed (comes with PySide6)")
    return found


def lupdate(target: Path) -> str:
    sources = sorted(str(p) for p in (ROOT / "ui").rglob("*.py"))
    subprocess.run(
        [tool("pyside6-lupdate"), *sources, "-ts", str(target)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    return target.read_text(encoding="utf-8")


def test_lupdate_finds_the_strings_of_every_screen_and_document(tmp_path: Path) -> None:
    """Screens, refusal messages and the packing slip all reach the translation catalogue."""
    ts = lupdate(tmp_path / "tote_el.ts")
    for context in ("MainWindow", "ReadyScreen", "PackScreen", "Messages", "PackingSlip"):
        assert f"<name>{context}</name>" in ts, context
    for text in (
        "Scan an order barcode to start packing",
        "Wrong item: {name}",
        "Put order aside",
        "Packing slip",
        "Gift message",
    ):
        assert f"<source>{text}</source>" in ts, text
    assert ts.count("<message>") >= 90


def test_a_greek_catalogue_translates_the_ready_screen(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    """A compiled Greek .qm is picked up by language code and used by tr()."""
    ts = lupdate(tmp_path / "tote_el.ts").replace(
        "<source>Scan an order barcode to start packing</source>\n"
        '        <translation type="unfinished"></translation>',
        "<source>Scan an order barcode to start packing</source>\n"
        "        <translation>Σαρώστε τον κωδικό μιας παραγγελίας για συσκευασία</translation>",
    )
    (tmp_path / "tote_el.ts").write_text(ts, encoding="utf-8")
    subprocess.run(
        [
            tool("pyside6-lrelease"),
            str(tmp_path / "tote_el.ts"),
            "-qm",
            str(tmp_path / "tote_el.qm"),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    translator = install_translations(qapp, "el", folder=tmp_path)
    assert translator is not None
    try:
        screen = ReadyScreen()
        qtbot.addWidget(screen)
        assert screen.prompt.text() == "Σαρώστε τον κωδικό μιας παραγγελίας για συσκευασία"
    finally:
        qapp.removeTranslator(translator)
        install_translations(qapp, "en")
