"""Sizes that hold at arm's length and under a gloved finger, whatever the screen's DPI."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ui.qt import QApplication, QFont, QGuiApplication

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
TOUCH_TARGET_MM = 15.0
FONT_FAMILY = "DejaVu Sans"


@dataclass(frozen=True, slots=True)
class Metrics:
    touch_px: int  # at least 15 mm on this screen
    font_px: int
    big_px: int
    huge_px: int
    small_px: int


def metrics_for_dpi(physical_dpi: float) -> Metrics:
    # Offscreen and some VMs report nonsense DPI; clamp to what real kiosk panels have.
    dpi = min(max(physical_dpi, 72.0), 200.0)
    touch = max(64, round(TOUCH_TARGET_MM / 25.4 * dpi))
    font = max(20, round(touch * 0.34))
    return Metrics(touch, font, round(font * 1.35), round(font * 1.9), max(16, round(font * 0.8)))


def current_metrics() -> Metrics:
    screen = QGuiApplication.primaryScreen()
    return metrics_for_dpi(screen.physicalDotsPerInch() if screen else 96.0)


def apply_theme(app: QApplication) -> Metrics:
    """Pin the font (DejaVu covers Greek) and load the kiosk style sheet."""
    metrics = current_metrics()
    font = QFont(FONT_FAMILY)
    font.setPixelSize(metrics.font_px)
    app.setFont(font)
    qss = (RESOURCES / "styles" / "kiosk.qss").read_text(encoding="utf-8")
    for token, value in (
        ("@TOUCH@", metrics.touch_px),
        ("@FONT@", metrics.font_px),
        ("@BIG@", metrics.big_px),
        ("@HUGE@", metrics.huge_px),
        ("@SMALL@", metrics.small_px),
    ):
        qss = qss.replace(token, str(value))
    app.setStyleSheet(qss)
    return metrics
