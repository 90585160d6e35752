"""The station's language: Qt catalogues from resources/translations (tote_<lang>.qm).

Kept apart from the window so the document process can print slips in the station's
language without importing the kiosk's screens. Numbers on screen follow the language too:
"1,240 g" is 1.24 g to a Greek reader, who writes 1.240 g.
"""

from __future__ import annotations

from pathlib import Path

from ui.qt import QCoreApplication, QLocale, QTranslator
from ui.theme import RESOURCES


def install_translations(
    app: QCoreApplication, language: str, folder: Path = RESOURCES / "translations"
) -> QTranslator | None:
    """Load tote_<language>.qm from ``folder`` when it exists (English needs none)."""
    QLocale.setDefault(QLocale(language))
    qm = folder / f"tote_{language}.qm"
    if not qm.exists():
        return None
    translator = QTranslator(app)
    if not translator.load(str(qm)):
        return None
    app.installTranslator(translator)
    return translator


def number(value: int) -> str:
    """A whole number grouped the station's way: 1,240 (English), 1.240 (Greek)."""
    return QLocale().toString(value)


def kilograms(grams: int) -> str:
    """Grams as kilograms with three decimals, the decimal sign the station's way."""
    return QLocale().toString(grams / 1000, "f", 3)
