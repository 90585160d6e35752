"""A ZPL label laid out in millimetres, so 203 and 300 dpi print the same physical label.

Every position and size is given in mm and rounded to dots once, here. Text fields are
shrunk, then cut with "...", until they fit their box, so nothing is ever drawn past the
label edge; text font 0 cannot print goes out as a bitmap (``zpl_graphics``). Field data
is escaped with ``^FH`` (``_``, ``^`` and ``~`` as hex), so a name can never end a field
or smuggle in a command.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from devices.render import zpl_graphics as gfx
from devices.render.text import clean, longest_prefix, wrap_words

Align = Literal["left", "center", "right"]
MM_PER_INCH = 25.4
QUIET_ZONE_MODULES = 10  # each side of a Code128 symbol (ISO/IEC 15417)
_ZPL_ESCAPES = str.maketrans({"_": "_5F", "^": "_5E", "~": "_7E"})
# ^BC subset B invocations for characters that are ZPL syntax or invocation prefixes.
_BC_ESCAPES = {">": ">0", "^": "><", "~": ">="}
_BC_START = {"B": ">:", "C": ">;"}
_BC_SWITCH = {"B": ">6", "C": ">5"}
_DIGITS_OR_NOT = re.compile(r"[0-9]+|[^0-9]+")


@dataclass(frozen=True, slots=True)
class Code128Field:
    """``^BC`` mode N field data with Zebra invocation codes, and its width in modules."""

    data: str
    modules: int


def code128_field(text: str) -> Code128Field | None:
    """Code 128 of printable ASCII ``text``, digit runs of 4+ packed in subset C.

    None when ``text`` is empty or has characters Code 128 subset B cannot carry.
    """
    if not text or any(not 0x20 <= ord(c) <= 0x7E for c in text):
        return None
    segments: list[tuple[str, str]] = []  # (subset, characters)
    for chunk in _DIGITS_OR_NOT.findall(text):
        if chunk.isdigit() and (len(chunk) >= 4 or (chunk == text and len(chunk) >= 2)):
            odd = len(chunk) % 2  # subset C takes pairs: an odd digit goes first, in B
            if odd:
                segments.append(("B", chunk[0]))
            segments.append(("C", chunk[odd:]))
        else:
            segments.append(("B", chunk))
    parts: list[str] = []
    symbols, current = 0, ""
    for subset, chars in segments:
        if subset != current:
            parts.append((_BC_SWITCH if current else _BC_START)[subset])
            symbols, current = symbols + 1, subset
        if subset == "C":
            parts.append(chars)
            symbols += len(chars) // 2
        else:
            parts.extend(_BC_ESCAPES.get(c, c) for c in chars)
            symbols += len(chars)
    return Code128Field("".join(parts), (symbols + 1) * 11 + 13)  # + check symbol, stop


def gs1_sscc_field(element_string: str) -> Code128Field:
    """GS1-128 of an all-digit element string such as ``00`` + SSCC: start C, FNC1, pairs."""
    if not element_string.isdigit() or len(element_string) % 2:
        raise ValueError(f"not an even number of digits: {element_string!r}")
    symbols = 2 + len(element_string) // 2 + 1  # start C, FNC1, pairs, check
    return Code128Field(">;>8" + element_string, symbols * 11 + 13)


class Canvas:
    def __init__(self, width_mm: float, height_mm: float, dpi: int) -> None:
        if dpi not in (152, 203, 300, 600):
            raise ValueError(f"Zebra printers come in 152, 203, 300 or 600 dpi, not {dpi}")
        self.dpi = dpi
        self.width_mm = width_mm
        self.height_mm = height_mm
        self.width = self.dots(width_mm)
        self.height = self.dots(height_mm)
        self._parts = [f"^XA^CI28^PW{self.width}^LL{self.height}^LH0,0^PON^FWN"]

    def dots(self, mm: float) -> int:
        return round(mm * self.dpi / MM_PER_INCH)

    def _field_origin(self, x: int, y: int) -> str:
        x = min(max(0, x), self.width - 1)
        y = min(max(0, y), self.height - 1)
        return f"^FO{x},{y}"

    def text(
        self,
        x: float,
        y: float,
        text: str,
        size: float,
        *,
        width: float | None = None,
        bold: bool = True,
        align: Align = "left",
        reverse: bool = False,
        min_size: float | None = None,
        native: bool | None = None,
    ) -> None:
        """``text`` with its cap line at ``y`` mm, ``size`` mm tall (font-0 cell height),
        within ``width`` mm from ``x`` (default: to the right edge, less ``x`` as margin).
        ``native=False`` draws a bitmap even for Latin text (one look for a whole message)."""
        box = self._box(x, width)
        line = clean(text)
        if not line or box <= 0:
            return
        native = gfx.is_native(line) and native is not False
        measure = _measure(native, bold)
        height = self.dots(size)
        smallest = max(8, self.dots(min_size if min_size is not None else size * 0.7))
        wide = measure(line, height)
        while wide > box and height > smallest:  # widths do not scale exactly with size
            height = max(smallest, min(height - 1, int(height * box / wide)))
            wide = measure(line, height)
        line = _truncate(line, height, box, measure)
        if native:
            self._native(self.dots(x), self.dots(y), line, height, box, align, reverse)
        else:
            self._bitmap(self.dots(x), self.dots(y), line, height, box, align, reverse, bold)

    def wrap(
        self, text: str, size: float, width: float, *, bold: bool = True, native: bool = True
    ) -> list[str]:
        """``text`` broken into lines of at most ``width`` mm at ``size`` (words kept whole
        unless one alone is too wide); line breaks in ``text`` are kept."""
        measure = _measure(native, bold)
        height, box = self.dots(size), self.dots(width)
        return wrap_words(text, lambda s: measure(s, height) <= box)

    def _box(self, x: float, width: float | None) -> int:
        box = self.dots(width if width is not None else self.width_mm - 2 * x)
        return min(box, self.width - self.dots(x))

    def _native(
        self, x: int, y: int, line: str, height: int, box: int, align: Align, reverse: bool
    ) -> None:
        block = "" if align == "left" else f"^FB{box},1,0,{'C' if align == 'center' else 'R'}"
        data = line.translate(_ZPL_ESCAPES)
        self._parts.append(
            f"{self._field_origin(x, y)}{block}^A0N,{height},{height}"
            f"{'^FR' if reverse else ''}^FH^FD{data}^FS"
        )

    def _bitmap(
        self,
        x: int,
        y: int,
        line: str,
        height: int,
        box: int,
        align: Align,
        reverse: bool,
        bold: bool,
    ) -> None:
        bitmap = gfx.text_bitmap(line, height, bold)
        if bitmap is None:
            return
        slack = max(0, box - bitmap.width)
        x += {"left": 0, "center": slack // 2, "right": slack}[align]
        origin = self._field_origin(x, y - bitmap.rise)
        self._parts.append(f"{origin}{'^FR' if reverse else ''}{gfx.gfa(bitmap)}^FS")

    def box(
        self, x: float, y: float, w: float, h: float, line: float | None = None, round_: int = 0
    ) -> None:
        """A rectangle; ``line`` None fills it (a black band for white ``reverse`` text)."""
        wd, hd = self.dots(w), self.dots(h)
        thick = min(wd, hd) if line is None else max(1, self.dots(line))
        self._parts.append(
            f"{self._field_origin(self.dots(x), self.dots(y))}^GB{wd},{hd},{thick},B,{round_}^FS"
        )

    def hline(self, y: float, thickness: float = 0.5, margin: float = 0.0) -> None:
        self.box(margin, y, self.width_mm - 2 * margin, thickness)

    def barcode(
        self,
        x: float,
        y: float,
        field: Code128Field,
        height: float,
        module: float,
        *,
        width: float | None = None,
    ) -> float | None:
        """Centre a Code 128 symbol in ``width`` mm from ``x``, modules near ``module`` mm
        but never below 2 dots; returns the symbol width in mm, or None when it cannot fit
        with its quiet zones."""
        box = self._box(x, width)
        need = field.modules + 2 * QUIET_ZONE_MODULES
        dots = max(2, self.dots(module))
        while dots > 2 and need * dots > box:
            dots -= 1
        if need * dots > box:
            return None
        left = self.dots(x) + (box - field.modules * dots) // 2
        self._parts.append(
            f"{self._field_origin(left, self.dots(y))}^BY{dots}"
            f"^BCN,{self.dots(height)},N,N,N,N^FD{field.data}^FS"
        )
        return field.modules * dots * MM_PER_INCH / self.dpi

    def finish(self) -> bytes:
        return ("".join(self._parts) + "^XZ\n").encode("utf-8")


def _measure(native: bool, bold: bool) -> Callable[[str, int], float]:
    if native:
        return gfx.native_width
    return lambda s, h: gfx.bitmap_width(s, h, bold)


def _truncate(line: str, height: int, box: int, measure: Callable[[str, int], float]) -> str:
    """The longest prefix of ``line`` that, with "...", fits ``box`` dots."""
    if measure(line, height) <= box:
        return line
    keep = longest_prefix(line, lambda s: measure(s.rstrip() + "...", height) <= box)
    return line[:keep].rstrip() + "..." if keep else ""
