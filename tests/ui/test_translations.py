"""Every user-visible string is collectable by Qt's lupdate, and a .qm changes the screen."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from ui.qt import QApplication
from ui.screens.ready import ReadyScreen
from ui.translations import install_translations

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
CATALOGUES = ROOT / "resources" / "translations"
PLACEHOLDER = re.compile(r"\{[^{}]*\}|%\d+")
HOW_TO_FIX = (
    "run ./run translations, translate the new or changed messages in "
    "resources/translations/tote_el.ts (Qt Linguist, or edit the <translation> elements and "
    'drop type="unfinished"), run ./run translations again to compile tote_el.qm, '
    "and commit both files"
)


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


def messages(ts: str) -> dict[tuple[str, str, str], ET.Element]:
    """(context, source, disambiguation) -> its <translation> element."""
    found = {}
    for context in ET.fromstring(ts).iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            key = (name, message.findtext("source", ""), message.findtext("comment", ""))
            found[key] = message.find("translation")
    return found


def committed_greek() -> dict[tuple[str, str, str], ET.Element]:
    return messages((CATALOGUES / "tote_el.ts").read_text(encoding="utf-8"))


def test_the_committed_greek_catalogue_has_every_string_of_the_screens(tmp_path: Path) -> None:
    """A string added to ui/ without a Greek translation fails here, not on a Greek station."""
    fresh = messages(lupdate(tmp_path / "tote_el.ts"))
    committed = committed_greek()
    missing = sorted(key[:2] for key in fresh if key not in committed)
    assert not missing, f"{len(missing)} strings missing from tote_el.ts: {missing}; {HOW_TO_FIX}"


def test_every_greek_message_is_translated_and_keeps_its_placeholders() -> None:
    """No message is left unfinished, and each keeps exactly the {...} and %N of its source,
    or .format() would fail or show the wrong value on a Greek station."""
    unfinished, placeholders = [], []
    for (context, source, _), translation in committed_greek().items():
        if translation is None or translation.get("type") in ("unfinished", "vanished", "obsolete"):
            if translation is None or translation.get("type") == "unfinished":
                unfinished.append((context, source))
            continue
        text = translation.text or ""
        if not text.strip():
            unfinished.append((context, source))
        elif Counter(PLACEHOLDER.findall(text)) != Counter(PLACEHOLDER.findall(source)):
            placeholders.append((context, source, text))
    assert not unfinished, (
        f"{len(unfinished)} untranslated in tote_el.ts: {unfinished}; {HOW_TO_FIX}"
    )
    assert not placeholders, f"placeholders changed in translation: {placeholders}"


def test_the_committed_greek_qm_is_compiled_from_the_committed_ts(tmp_path: Path) -> None:
    """tote_el.qm, which the kiosk loads, says what tote_el.ts says."""
    subprocess.run(
        [
            tool("pyside6-lrelease"),
            str(CATALOGUES / "tote_el.ts"),
            "-qm",
            str(tmp_path / "tote_el.qm"),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    assert (tmp_path / "tote_el.qm").read_bytes() == (CATALOGUES / "tote_el.qm").read_bytes(), (
        f"tote_el.qm is older than tote_el.ts; {HOW_TO_FIX}"
    )


def test_the_kiosk_starts_in_greek_with_the_committed_catalogue(
    qtbot: QtBot, qapp: QApplication
) -> None:
    translator = install_translations(qapp, "el")
    assert translator is not None
    try:
        screen = ReadyScreen()
        qtbot.addWidget(screen)
        assert (
            screen.prompt.text()
            == committed_greek()[("ReadyScreen", "Scan an order barcode to start packing", "")].text
        )
        assert screen.devices_button.text() == "Συσκευές"
    finally:
        qapp.removeTranslator(translator)
        install_translations(qapp, "en")
