"""Which product a scan names: by GTIN (either reading of an 8-digit code), else by SKU."""

from __future__ import annotations

from sqlalchemy import Connection

from app.scanning import Interpretation, ScanKind
from app.store import packing_queries as q


def find_product(conn: Connection, meaning: Interpretation) -> q.ProductHit | None:
    """By GTIN when it is one (then by its other reading: eight digits can be an EAN-8 or
    a UPC-E), else (or then) by SKU: numeric SKUs exist."""
    if meaning.kind is ScanKind.GTIN:
        for gtin14 in (meaning.gtin14, meaning.alt_gtin14):
            hit = None if gtin14 is None else q.product_by_gtin(conn, gtin14)
            if hit is not None:
                return hit
    return q.product_by_sku(conn, meaning.text)
