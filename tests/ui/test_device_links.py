"""The scale's weight is used only while the scale keeps confirming it."""

from __future__ import annotations

from decimal import Decimal

import pytest
from pytestqt.qtbot import QtBot

from app.scale_protocols import Basis, Reading, ScaleFrameError, WeightUnit
from app.usecases.status import StationStatus
from tests.conftest import CTX
from ui import device_links
from ui.device_links import DeviceLinks
from ui.screens.devices import DevicesScreen
from ui.status_panel import StatusPanel


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def links(qtbot: QtBot, store, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    clock = Clock()
    monkeypatch.setattr(device_links.time, "monotonic", clock)
    panel = StatusPanel(StationStatus(store.reads), True)
    qtbot.addWidget(panel)
    panel.start(CTX)
    screen = DevicesScreen(None, None)
    qtbot.addWidget(screen)
    links = DeviceLinks((), None, None, panel)
    links.attach_screen(screen)
    yield links, panel, clock
    panel.stop()


def reading(grams: int) -> Reading:
    return Reading(grams, Decimal(grams) / 1000, WeightUnit.KG, True, Basis.NET)


def test_a_settled_weight_goes_stale_when_the_scale_stops_confirming_it(links) -> None:  # type: ignore[no-untyped-def]
    link, panel, clock = links
    link._weighed("Scale", reading(1850), True)
    assert link.stable_weight_g == 1850
    clock.now += 2.0  # nothing more from the scale
    assert link.stable_weight_g is None
    link._check_silence()
    assert "1.850 kg" in panel.scale.text()  # a short pause is not yet a fault
    clock.now += 1.4
    link._check_silence()
    assert "no reading for 3 s" in panel.scale.text()


def test_a_garbled_frame_or_an_unplug_forgets_the_weight(links) -> None:  # type: ignore[no-untyped-def]
    link, _panel, _clock = links
    link._weighed("Scale", reading(1850), True)
    link._scale_garbled("Scale", ScaleFrameError("bad_number", b"ST,GS,+1.2.3 kg", "bad"))
    assert link.stable_weight_g is None
    link._weighed("Scale", reading(900), True)
    link._scale_state("Scale", "disconnected", "unplugged")
    assert link.stable_weight_g is None


def test_a_moving_reading_is_not_a_weight(links) -> None:  # type: ignore[no-untyped-def]
    link, _panel, _clock = links
    link._weighed("Scale", reading(1850), False)
    assert link.stable_weight_g is None
