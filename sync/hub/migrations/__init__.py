"""The order service's Alembic migrations (a package so its module names never clash)."""
