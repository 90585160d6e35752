"""Start the Qt side: application, translations, theme, the kiosk window."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from app.wedge import WedgeConfig
from ui.main_window import MainWindow, Services
from ui.qt import QApplication, QLocale, QTimer, QTranslator
from ui.theme import RESOURCES, apply_theme


def create_application(language: str) -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName("Tote")
    app.setOrganizationName("Tote")
    install_translations(app, language)
    return app


def install_translations(app: QApplication, language: str) -> bool:
    """Load resources/translations/tote_<language>.qm when it exists (English needs none)."""
    QLocale.setDefault(QLocale(language))
    qm = RESOURCES / "translations" / f"tote_{language}.qm"
    if not qm.exists():
        return False
    translator = QTranslator(app)
    if not translator.load(str(qm)):
        return False
    app.installTranslator(translator)
    return True


def run_kiosk(
    services: Services,
    wedge: WedgeConfig,
    *,
    language: str = "en",
    fullscreen: bool = False,
    screenshot: Path | None = None,
    ready_marker: bool = False,
) -> int:
    app = create_application(language)
    metrics = apply_theme(app)
    window = MainWindow(services, wedge, metrics)
    window.wedge.install(app)
    window.start()
    if fullscreen:
        window.showFullScreen()
    else:
        window.resize(1280, 800)
        window.show()
    if ready_marker:
        QTimer.singleShot(0, lambda: print(f"TOTE READY {time.monotonic_ns()}", flush=True))
    if screenshot is not None:

        def shoot() -> None:
            window.grab().save(str(screenshot))
            app.quit()

        QTimer.singleShot(50, shoot)
    return app.exec()
