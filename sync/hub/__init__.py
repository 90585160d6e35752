"""The reference central order service (sync protocol v1): FastAPI over SQLite or PostgreSQL.

``create_app`` (``sync.hub.app``) builds the API; ``HubServer`` (``sync.hub.server``) serves it
on a thread for the demo and the tests; ``sync.hub.catalog`` and ``sync.hub.tokens`` are what
the centre's tools call. Nothing is imported here, so ``import sync.hub.catalog`` stays cheap.
"""
