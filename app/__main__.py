"""``python -m app``: the station kiosk."""

from app.main import main

# The guard matters: the document renderer is a spawned child process, which imports the
# parent's main module again and must not start a second kiosk.
if __name__ == "__main__":
    raise SystemExit(main())
