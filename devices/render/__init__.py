"""Printer renderers: documents from ``app.domain`` to the bytes a printer takes.

``zpl`` turns labels into ZPL II for Zebra label printers, ``escpos_receipt`` turns packing
slips, gift notes and tote/bin labels into ESC/POS for receipt printers. Both are pure:
no I/O, no lookups, the same document always gives the same bytes.
"""
