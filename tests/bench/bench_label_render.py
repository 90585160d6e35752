"""label_render_ms: the sample 4x6 shipping label (Greek names and addresses) to ZPL, 203 dpi.

Median of 200 renders after one warm-up render (fonts are cached for the life of the
process, as at a station). Anchors, measured in the same run: the same label with its Greek
replaced by Latin text (no bitmaps, so the cost of the Greek is the difference), one
python-barcode Code128 PNG (what the PDF slip pays for its one barcode), the first render
of a fresh process (font loading included), and the 300 dpi figure.
"""

from __future__ import annotations

import io
import time
from collections.abc import Callable
from dataclasses import replace

import barcode
from barcode.writer import ImageWriter

from app.demo.sample_documents import sample_shipping_label
from app.domain.documents import Address
from devices.render import zpl_graphics
from devices.render.zpl import render_zpl
from tests.bench.figures import Figure, median

RUNS = 200


def timed_ms(action: Callable[[], object], runs: int = RUNS) -> float:
    samples = []
    for _ in range(runs):
        started = time.perf_counter_ns()
        action()
        samples.append((time.perf_counter_ns() - started) / 1e6)
    return median(samples)


def code128_png() -> bytes:
    out = io.BytesIO()
    barcode.Code128("SO-100042", writer=ImageWriter()).write(out, {"write_text": False})
    return out.getvalue()


def run() -> list[Figure]:
    label = sample_shipping_label()
    latin = replace(
        label,
        ship_from=Address("Tote Demo Warehouse", ("Leoforos Athinon 112", "10442 Athina", "GR")),
        ship_to=Address(
            "Giorgos Papadopoulos", ("Odos Ermou 25", "Diamerisma 3", "54624 Thessaloniki", "GR")
        ),
    )
    assert b"^GFA" not in render_zpl(latin) and b"^GFA" in render_zpl(label)
    zpl_graphics.font.cache_clear()
    first = timed_ms(lambda: render_zpl(label, 203), runs=1)
    greek_203 = timed_ms(lambda: render_zpl(label, 203))
    greek_300 = timed_ms(lambda: render_zpl(label, 300))
    latin_203 = timed_ms(lambda: render_zpl(latin, 203))
    png = timed_ms(code128_png, runs=50)
    return [
        Figure(
            "label_render_ms",
            round(greek_203, 2),
            "ms",
            "<= 50",
            f"same label without Greek (no bitmaps) {latin_203:.2f} ms; one python-barcode "
            f"Code128 PNG {png:.2f} ms; 300 dpi {greek_300:.2f} ms; first render with font "
            f"loading {first:.2f} ms; median of {RUNS}",
        )
    ]
