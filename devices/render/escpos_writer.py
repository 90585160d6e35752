"""An ESC/POS receipt in columns of one code page, written through python-escpos's Dummy.

python-escpos does the byte encoding; this class adds what a layout needs and the library
leaves out: ``ESC @`` first, one explicitly chosen code page instead of the magic encoder
switching pages mid-line, text fitted to that page so one character is one column, a
private copy of the capability profile (the library shares one dict per model, so setting
the paper width would leak into every other printer), and Code 128 without the library's
``print()`` to stdout.
"""

from __future__ import annotations

import copy
import logging
import unicodedata
from dataclasses import dataclass

import barcode
from escpos.printer import Dummy
from PIL import Image

from devices.render.text import clean

log = logging.getLogger(__name__)

FONT_A_DOTS = 12  # Font A cell width; 24 dots tall
# What a code page lacks, spelt with what every code page has.
FALLBACKS = {"€": "EUR", "–": "-", "—": "-", "‘": "'", "’": "'", "“": '"', "”": '"', "…": "..."}
QUIET_ZONE_MODULES = 10


@dataclass(frozen=True, slots=True)
class Paper:
    width_mm: int
    dots: int  # printable width at 203 dpi
    columns: int  # Font A characters per line


PAPER_80 = Paper(80, 576, 48)
PAPER_58 = Paper(58, 384, 32)
PAPERS = {80: PAPER_80, 58: PAPER_58}


@dataclass(frozen=True, slots=True)
class ReceiptFormat:
    """The printer's paper, code page (python-escpos name) and capability profile."""

    paper: Paper = PAPER_80
    code_page: str = "CP737"
    profile: str = "TM-T20II"


class ReceiptWriter:
    """Text in columns of one code page, on a python-escpos Dummy."""

    def __init__(self, fmt: ReceiptFormat) -> None:
        self.fmt = fmt
        self.cols = fmt.paper.columns
        self.p = Dummy(profile=fmt.profile)
        # An own copy: python-escpos shares profile data between all printers of a model.
        data = copy.deepcopy(self.p.profile.profile_data)
        data["media"]["width"] = {"mm": fmt.paper.width_mm - 8, "pixels": fmt.paper.dots}
        data["media"]["dpi"] = 203
        self.p.profile.profile_data = data
        if fmt.code_page not in self.p.profile.get_code_pages():
            raise ValueError(f"profile {fmt.profile} has no code page {fmt.code_page}")
        self.p.hw("INIT")
        self.p.charcode(fmt.code_page)  # sends ESC t n now and fixes the encoding

    def printable(self, text: str, squeeze: bool = True) -> str:
        """``text`` in characters the code page has; one character is one column.
        ``squeeze=False`` keeps runs of spaces (columns laid out by the caller)."""
        encoder = self.p.magic.encoder
        out = []
        for ch in clean(text, squeeze):
            if encoder.can_encode(self.fmt.code_page, ch):
                out.append(ch)
                continue
            if ch in FALLBACKS:
                out.append(FALLBACKS[ch])
                continue
            if unicodedata.combining(ch) or unicodedata.category(ch) == "Cf":
                continue  # a lone accent or a zero-width mark takes no column
            base = "".join(
                c
                for c in unicodedata.normalize("NFKD", ch)
                if not unicodedata.combining(c) and encoder.can_encode(self.fmt.code_page, c)
            )
            out.append(base or "?")
        return "".join(out)

    def style(
        self, align: str = "left", bold: bool = False, size: int = 1, tall: bool = False
    ) -> None:
        height = min(8, size * 2 if tall else size)
        self.p.set(align=align, bold=bold, custom_size=True, width=size, height=height)

    def line(self, text: str = "", align: str = "left", bold: bool = False, size: int = 1) -> None:
        """One line, cut to fit (use ``wrapped`` for text that may be long)."""
        self.style(align, bold, size)
        self.p.textln(self.printable(text, squeeze=False)[: self.cols // size])

    def wrapped(
        self, text: str, align: str = "left", bold: bool = False, size: int = 1, indent: int = 0
    ) -> None:
        self.style(align, bold, size)
        for part in wrap(self.printable(text), self.cols // size - indent):
            self.p.textln(" " * indent + part)

    def pair(self, left: str, right: str, bold: bool = False) -> None:
        """``left`` and ``right`` justified on one line; ``left`` gives way."""
        right = self.printable(right, squeeze=False)
        left = self.printable(left, squeeze=False)[: max(0, self.cols - len(right) - 1)]
        self.style(bold=bold)
        self.p.textln(left + " " * (self.cols - len(left) - len(right)) + right)

    def rule(self, char: str = "-") -> None:
        self.style()
        self.p.textln(char * self.cols)

    def barcode(self, data: str, height: int = 80) -> None:
        """Code 128 of ``data`` centred: the printer's own, or a sideways raster if too wide."""
        if not data or any(not 0x20 <= ord(c) <= 0x7E for c in data):
            log.warning("%r cannot be printed as Code 128", data)
            return
        modules = (len(data) + 2) * 11 + 13  # start, data, check; the stop is 13 modules
        width = next(
            (w for w in (3, 2) if (modules + 2 * QUIET_ZONE_MODULES) * w <= self.fmt.paper.dots),
            None,
        )
        if width is None:
            self._sideways_barcode(data)
            return
        # _hw_barcode, not barcode(): the public method print()s to stdout on every call.
        self.p._hw_barcode(
            "{B" + data.replace("{", "{{"), "CODE128", height, width, "BELOW", "B", True, "B"
        )
        self.p.textln()

    def _sideways_barcode(self, data: str) -> None:
        bars = barcode.Code128(data).build()[0]
        quiet, module, length = QUIET_ZONE_MODULES * 2, 2, 24 * 8  # 2-dot modules, 24 mm bars
        image = Image.new("1", (length, len(bars) * module + 2 * quiet), 1)
        for i, bit in enumerate(bars):
            if bit == "1":
                top = quiet + i * module
                image.paste(0, (0, top, length, top + module))
        # Centred by ESC a, not by python-escpos padding the image to the paper width: that
        # would double the bytes, and a 9600 baud serial printer feels every one of them.
        self.style(align="center")
        self.p.image(image, impl="bitImageRaster")
        self.line(data, align="center")

    def finish(self) -> bytes:
        self.style()
        self.p.cut()
        return bytes(self.p.output)


def wrap(text: str, width: int) -> list[str]:
    """Greedy word wrap to ``width`` columns; a word longer than a line is cut."""
    lines: list[str] = []
    current = ""
    for whole in text.split(" "):
        word = whole
        while len(word) > width:
            if current:
                lines.append(current)
                current = ""
            lines.append(word[:width])
            word = word[width:]
        if not current:
            current = word
        elif len(current) + 1 + len(word) <= width:
            current += " " + word
        else:
            lines.append(current)
            current = word
    if current or not lines:
        lines.append(current)
    return lines
