"""``python -m app``: the station kiosk."""

from app.main import main

raise SystemExit(main())
