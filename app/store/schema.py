"""Which schema revisions this build of Tote knows, without importing Alembic.

Alembic costs about half a second to import; a station whose store is already at head
(every start but the first after an upgrade) skips it. ``tests/unit/test_migrations.py``
keeps this list equal to the revisions in ``migrations/versions``.
"""

from __future__ import annotations

KNOWN_REVISIONS: tuple[str, ...] = (
    "0001_initial",
    "0002_print_job_lease",
    "0003_print_routing",
    "0004_sync",
    "0005_layout",
    "0006_picking",
    "0007_packing",
    "0008_boxes_as_shipped",
)
HEAD = KNOWN_REVISIONS[-1]
