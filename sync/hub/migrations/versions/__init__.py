"""Revisions of the order service's schema; ``sync/hub/db.py`` lists them in KNOWN_REVISIONS."""
