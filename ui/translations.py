"""The station's language: Qt catalogues from resources/translations (tote_<lang>.qm).

Kept apart from the window so the document process can print slips in the station's
language without importing the kiosk's screens.
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
