"""Write the published protocol document: ``python -m sync.hub.openapi`` rewrites
``sync/openapi.json`` from the hub's routes and ``sync/protocol.py``'s models.

``tests/hub/test_openapi.py`` fails when the file is stale, so the document stations and
other implementations read always matches the code.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path
from typing import Any

OPENAPI_PATH = Path(__file__).resolve().parent.parent / "openapi.json"


def document() -> dict[str, Any]:
    """The OpenAPI document, built on a throwaway SQLite database (the schema needs no data)."""
    from sync.hub.app import create_app

    with tempfile.TemporaryDirectory(prefix="tote-openapi-") as folder:
        app = create_app(f"sqlite:///{folder}/hub.sqlite3")
        try:
            return app.openapi()
        finally:
            app.state.hub.engine.dispose()


def render() -> str:
    return json.dumps(document(), sort_keys=True, indent=2, ensure_ascii=False) + "\n"


def main() -> int:
    OPENAPI_PATH.write_text(render(), encoding="utf-8")
    print(f"wrote {OPENAPI_PATH}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
