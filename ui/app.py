"""Start the Qt side: application, translations, theme, the kiosk window."""

from __future__ import annotations

import signal
import sys
import threading
import time
from pathlib import Path

from app.repeat_guard import RepeatConfig
from app.scanning import warm_up
from app.wedge import WedgeConfig
from ui.main_window import MainWindow
from ui.qt import QApplication, QTimer
from ui.services import Services
from ui.theme import apply_theme
from ui.translations import install_translations


def create_application(language: str) -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName("Tote")
    app.setOrganizationName("Tote")
    install_translations(app, language)
    return app


def stop_on_signals(app: QApplication) -> None:
    """SIGTERM / SIGINT (systemd stop, Ctrl+C) quit the event loop, so the store closes.

    Python runs signal handlers only between bytecodes; a timer wakes the interpreter.
    """
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda *_: app.quit())
    timer = QTimer(app)
    timer.timeout.connect(lambda: None)
    timer.start(250)


def run_kiosk(
    services: Services,
    wedge: WedgeConfig,
    *,
    language: str = "en",
    fullscreen: bool = False,
    screenshot: Path | None = None,
    ready_marker: bool = False,
    repeat: RepeatConfig | None = None,
) -> int:
    app = create_application(language)
    metrics = apply_theme(app)
    window = MainWindow(services, wedge, metrics, repeat)
    window.wedge.install(app)
    window.start()
    if fullscreen:
        # Kiosks often run X without a window manager, which ignores the full-screen
        # request: cover the screen ourselves as well.
        screen = app.primaryScreen()
        if screen is not None:
            window.setGeometry(screen.geometry())
        window.showFullScreen()
    else:
        window.resize(1280, 800)
        window.show()
    stop_on_signals(app)
    # The barcode parser's tables load after the first screen, not before it.
    QTimer.singleShot(
        0, lambda: threading.Thread(target=warm_up, name="tote-warm-up", daemon=True).start()
    )
    if ready_marker:
        QTimer.singleShot(0, lambda: print(f"TOTE READY {time.monotonic_ns()}", flush=True))
    if screenshot is not None:

        def shoot() -> None:
            window.grab().save(str(screenshot))
            app.quit()

        QTimer.singleShot(50, shoot)
    try:
        return app.exec()
    finally:
        window.shut_down()
