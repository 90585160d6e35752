"""The banner: colours by tone, and long messages wrap instead of being cut off."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from ui.widgets import TONES, Banner


def test_long_messages_grow_the_banner_instead_of_being_cut(qtbot: QtBot) -> None:
    """A long product name wraps onto more lines and the banner grows to show them."""
    banner = Banner(big_px=30, font_px=22)
    qtbot.addWidget(banner)
    banner.resize(600, banner.height())
    banner.show_message("ok", "Short", "One line")
    short = banner.height()
    banner.show_message(
        "error",
        "Wrong item: Soft-close nickel-plated steel cabinet hinges 4-pack, brushed finish",
        "It is not in this order. Put it aside and scan an item from the list.",
    )
    assert banner.height() > short
    _head, act = banner._text_rects()
    assert act.bottom() <= banner.height()  # nothing drawn below the banner's edge


def test_markup_is_drawn_as_text_and_tones_have_their_colours(qtbot: QtBot) -> None:
    """'<b>' in a scanned code is shown literally; the error tone paints red."""
    banner = Banner(big_px=30, font_px=22)
    qtbot.addWidget(banner)
    banner.resize(800, banner.height())
    banner.show_message("error", "Unknown barcode <b>X&Y</b>", "Scan again.")
    assert "<b>X&Y</b>" in banner.text()
    image = banner.grab().toImage()
    colour = image.pixelColor(image.width() // 2, 4)
    assert colour.name() == TONES["error"][0]
