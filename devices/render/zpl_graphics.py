"""Text that a Zebra resident font cannot print, drawn as a ^GFA graphic field.

Font 0 (CG Triumvirate) has no Greek, and a printer without a downloaded Unicode font
prints tofu boxes, so such text is rasterised here with Pillow and DejaVu Sans and sent as
a monochrome bitmap in ZPL's compressed ASCII hex. The same fonts measure native text too,
so a field can be shrunk to fit before it reaches the printer. Fonts are loaded once per
size: a 4x6 label draws a dozen fields, and loading a TTF costs about a millisecond.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

log = logging.getLogger(__name__)

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
REGULAR = FONT_DIR / "DejaVuSans.ttf"
BOLD = FONT_DIR / "DejaVuSans-Bold.ttf"
# Cap height of font 0 is ~0.80 of its ^A0 height, DejaVu's ~0.73 em: this size ratio makes
# a Greek bitmap line up with the native text beside it.
BITMAP_SIZE_RATIO = 1.1
# Font 0 is condensed: ~0.725 of DejaVu Sans Bold at the same height; 0.75 errs on the wide side.
FONT0_WIDTH_RATIO = 0.75
# Font-0 advances (in ^A0 heights) far wider than that rule; measured on zplkit's printer strikes.
FONT0_WIDE = {"-": 0.91, "+": 0.91, "=": 0.91, "<": 1.0, ">": 1.0, "|": 0.5, "J": 0.44}
# Printable ASCII without the backslash, which font 0 prints as a cent sign. Accented Latin
# letters go as bitmaps too: font 0's Latin-1 coverage differs between firmware and code
# pages (a renderer faithful to Zebra's font lacks most of it), a bitmap prints the same
# everywhere.
_NATIVE = re.compile(r"[\x20-\x5b\x5d-\x7e]*")
_RUN = re.compile(r"([0-9A-F])\1{2,}")

FontType = ImageFont.FreeTypeFont | ImageFont.ImageFont


def is_native(text: str) -> bool:
    """Whether font 0 can print ``text`` (already ``clean``) as it is."""
    return _NATIVE.fullmatch(text) is not None


@lru_cache(maxsize=128)
def font(size: int, bold: bool) -> FontType:
    path = BOLD if bold else REGULAR
    try:
        return ImageFont.truetype(str(path), size)
    except OSError:
        _warn_missing(path)
        return ImageFont.load_default(size)


@cache
def _warn_missing(path: Path) -> None:
    """Once per font file, not once per size."""
    log.warning("font %s is missing; Greek and other text print in Pillow's default font", path)


def native_width(text: str, height: int) -> float:
    """An upper estimate, in dots, of ``text`` in font 0 at ``^A0N,height``."""
    face = font(height, True)
    width = face.getlength(text) * FONT0_WIDTH_RATIO
    for ch, advance in FONT0_WIDE.items():
        if count := text.count(ch):
            width += count * (advance * height - face.getlength(ch) * FONT0_WIDTH_RATIO)
    return width


def bitmap_size(height: int) -> int:
    """The DejaVu pixel size matching native text of ``^A0N,height``."""
    return max(4, round(height * BITMAP_SIZE_RATIO))


def bitmap_width(text: str, height: int, bold: bool) -> float:
    return font(bitmap_size(height), bold).getlength(text)


@dataclass(frozen=True, slots=True)
class Bitmap:
    """A 1-bit image, rows packed MSB first, 1 = a burnt dot (ZPL's sense, not Pillow's)."""

    width: int
    height: int
    rows: bytes
    rise: int  # rows of ink above the cap line (accents): place the field this much higher

    @property
    def row_bytes(self) -> int:
        return (self.width + 7) // 8


def text_bitmap(text: str, height: int, bold: bool) -> Bitmap | None:
    """``text`` drawn in DejaVu to match ``^A0N,height``; None when nothing would be inked."""
    face = font(bitmap_size(height), bold)
    left, top, right, bottom = (int(v) for v in face.getbbox(text))
    if right <= left or bottom <= top:
        return None
    cap_top = int(face.getbbox("H")[1])
    image = Image.new("1", (right - left, bottom - top), 0)
    draw = ImageDraw.Draw(image)
    draw.fontmode = "1"  # no anti-aliasing: a thermal head burns a dot or it does not
    draw.text((-left, -top), text, font=face, fill=1)
    return Bitmap(image.width, image.height, image.tobytes(), max(0, cap_top - top))


def _count(n: int) -> str:
    """ZPL's repeat count: g..z for 20..400 in twenties, G..Y for 1..19."""
    out = "z" * (n // 400)
    n %= 400
    if n >= 20:
        out += "ghijklmnopqrstuvwxyz"[n // 20 - 1]
    if n % 20:
        out += "GHIJKLMNOPQRSTUVWXY"[n % 20 - 1]
    return out


def compress_hex(rows: bytes, row_bytes: int) -> str:
    """Zebra's ASCII compression: runs as counts, ``,`` ends a row with zeros, ``:`` repeats."""
    out: list[str] = []
    previous = None
    for start in range(0, len(rows), row_bytes):
        row = rows[start : start + row_bytes].hex().upper()
        if row == previous:
            out.append(":")
            continue
        previous = row
        inked = row.rstrip("0")
        body = _RUN.sub(lambda m: _count(len(m.group(0))) + m.group(1), inked)
        out.append(body + "," if len(inked) < len(row) else body)
    return "".join(out)


def gfa(bitmap: Bitmap) -> str:
    """The ``^GFA`` command for ``bitmap`` (its field origin is set by the caller)."""
    total = bitmap.row_bytes * bitmap.height
    data = compress_hex(bitmap.rows, bitmap.row_bytes)
    return f"^GFA,{total},{total},{bitmap.row_bytes},{data}"
