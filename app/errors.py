"""One root error for everything Tote raises on purpose.

The UI branches on ``kind`` (never on message text) to choose a reaction, as Anki does with
``SyncErrorKind``; ``message`` is for logs, the operator sees a translated text chosen by kind.
"""

from __future__ import annotations

from enum import StrEnum


class ErrorKind(StrEnum):
    SCHEMA_TOO_NEW = "schema_too_new"
    STORE_UNAVAILABLE = "store_unavailable"
    CONFIG = "config"
    RENDER_FAILED = "render_failed"


class ToteError(Exception):
    """An expected failure with a kind the caller can act on."""

    def __init__(self, kind: ErrorKind, message: str) -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message


class SchemaTooNewError(ToteError):
    """The store was written by a newer Tote; opening it could corrupt work."""

    def __init__(self, found: str, known: str) -> None:
        super().__init__(
            ErrorKind.SCHEMA_TOO_NEW,
            f"This station's store has schema revision {found!r}, newer than this Tote knows "
            f"(up to {known!r}). Update Tote on this station, or start it with another --store.",
        )
        self.found = found
        self.known = known
