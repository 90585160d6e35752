"""What an emulated printer "printed": files a person (or a test) can look at.

ZPL jobs become PNGs through zplkit, a printer-faithful renderer, imported lazily so the
emulator still runs where it is missing. ESC/POS jobs are kept as the raw ``.bin`` (feed it to
emupos for a faithful picture) plus a crude text dump: the printable text with commands skipped,
which is enough to see that the right order number went to the right printer.
"""

from __future__ import annotations

import logging
from pathlib import Path

log = logging.getLogger(__name__)

ESC, GS, DLE, FS = 0x1B, 0x1D, 0x10, 0x1C
# Parameter bytes after ESC x / GS x for the commands receipts use; others are assumed to take 1.
ESC_ARGS = {0x40: 0, 0x32: 0, 0x3C: 0, 0x69: 0, 0x6D: 0, 0x70: 3, 0x2A: 3}
GS_ARGS = {0x56: 1, 0x21: 1, 0x68: 1, 0x77: 1, 0x48: 1, 0x66: 1, 0x42: 1, 0x61: 1}


def escpos_text(data: bytes) -> str:
    """Printable text of an ESC/POS stream, with ``[image WxH]``/``[barcode ...]`` markers."""
    out: list[str] = []
    i, n = 0, len(data)
    while i < n:
        b = data[i]
        if b == ESC and i + 1 < n:
            i += 2 + ESC_ARGS.get(data[i + 1], 1)
        elif b == GS and i + 1 < n:
            i = _skip_gs(data, i, out)
        elif b in (DLE, FS) and i + 1 < n:
            i += 3
        elif b == 0x0A:
            out.append("\n")
            i += 1
        elif 0x20 <= b < 0x7F:
            out.append(chr(b))
            i += 1
        else:
            i += 1
    return "".join(out)


def _skip_gs(data: bytes, i: int, out: list[str]) -> int:
    cmd = data[i + 1]
    if cmd == 0x56 and i + 2 < len(data):  # GS V m [n]: cut
        out.append("\n[cut]\n")
        return i + (4 if data[i + 2] in (65, 66) else 3)
    if cmd == 0x76 and i + 7 < len(data):  # GS v 0 m xL xH yL yH d...: raster image
        width_bytes = data[i + 4] | data[i + 5] << 8
        height = data[i + 6] | data[i + 7] << 8
        out.append(f"[image {width_bytes * 8}x{height}]")
        return i + 8 + width_bytes * height
    if cmd == 0x28 and i + 4 < len(data):  # GS ( x pL pH ...: QR and other functions
        return i + 5 + (data[i + 3] | data[i + 4] << 8)
    if cmd == 0x6B and i + 3 < len(data):  # GS k m n d1..dn (function B, m >= 65)
        length = data[i + 3]
        payload = data[i + 4 : i + 4 + length].decode("ascii", "replace")
        out.append(f"[barcode {payload}]")
        return i + 4 + length
    return i + 2 + GS_ARGS.get(cmd, 1)


def write_preview(folder: Path, stem: str, language: str, data: bytes) -> list[Path]:
    """Write the job's files into ``folder``; never raises for a bad job (it logs)."""
    folder.mkdir(parents=True, exist_ok=True)
    if language == "escpos":
        raw = folder / f"{stem}.bin"
        raw.write_bytes(data)
        text = folder / f"{stem}.txt"
        text.write_text(escpos_text(data), encoding="utf-8")
        return [raw, text]
    raw = folder / f"{stem}.zpl"
    raw.write_bytes(data)
    return [raw, *_zpl_pngs(folder, stem, data)]


def _zpl_pngs(folder: Path, stem: str, data: bytes) -> list[Path]:
    try:
        import zplkit
    except ImportError:
        log.info("zplkit is not installed: no PNG preview for %s", stem)
        return []
    try:
        labels = zplkit.render(data).labels
        pngs = [folder / f"{stem}-{i}.png" for i in range(1, len(labels) + 1)]
        for path, label in zip(pngs, labels, strict=True):
            path.write_bytes(label.png())
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as exc:
        # zplkit raises RenderError for bad ZPL and panics (pyo3 PanicException, a
        # BaseException) on some truncated jobs: either way the job itself is bad, and the
        # printer must go on.
        (folder / f"{stem}.error.txt").write_text(f"{exc}\n", encoding="utf-8")
        log.warning("ZPL job %s does not render: %s", stem, exc)
        return []
    return pngs
