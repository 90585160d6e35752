"""The station's HTTP client for the order service (sync protocol v1, ``sync/protocol.py``).

One ``requests.Session`` (kept-alive connections), the protocol version and the station's
token on every call, and every reply validated against the protocol's models: whatever the
network or the hub does, a call returns a valid message or raises ``SyncError``, whose
``kind`` tells the caller how to react (``SyncErrorKind``); ``message`` is for the log.
"""

from __future__ import annotations

import email.utils
import time
from collections.abc import Sequence
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any
from urllib.parse import quote

import requests
from pydantic import BaseModel, ValidationError

from sync.protocol import (
    PROTOCOL_HEADER,
    PROTOCOL_VERSION,
    BatchResult,
    ChangesPage,
    Claim,
    ClaimList,
    ClaimNextRequest,
    ClaimRequest,
    ErrorBody,
    EventBatch,
    EventIn,
    Hello,
    RenewRequest,
    RenewResult,
)

UNREADABLE = "the order service sent an answer Tote can't read"


class SyncErrorKind(StrEnum):
    UNREACHABLE = "unreachable"  # no connection, timeout, connection reset: try later
    SERVER = "server"  # 5xx: the hub's fault; try later (``retry_after`` if it said)
    RATE_LIMITED = "rate_limited"  # 429: come back after ``retry_after`` seconds
    AUTH = "auth"  # 401: the token is unknown or revoked; a supervisor must act
    UPGRADE = "upgrade"  # 426: protocol versions do not match; someone must update
    REFUSED = "refused"  # another 4xx: this request is wrong (``code``, ``detail``)
    MALFORMED = "malformed"  # an answer that is not the protocol (``cause`` for the log)


class SyncError(Exception):
    """Every failure of a call to the order service."""

    def __init__(
        self,
        kind: SyncErrorKind,
        message: str,
        *,
        status: int | None = None,
        code: str | None = None,
        detail: dict[str, Any] | None = None,
        retry_after: float | None = None,
        cause: str | None = None,
    ) -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message
        self.status = status
        self.code = code
        self.detail = detail
        self.retry_after = retry_after
        self.cause = cause  # e.g. the pydantic error of a malformed answer

    def __str__(self) -> str:
        extra = f" ({self.cause})" if self.cause else ""
        return f"{self.kind.value}: {self.message}{extra}"


def retry_after_seconds(value: str | None, now: float | None = None) -> float | None:
    """A ``Retry-After`` header (seconds, or an HTTP date) as seconds from now."""
    if value is None or not value.strip():
        return None
    text = value.strip()
    if text.isdigit():
        return float(text)
    try:
        when = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    current = time.time() if now is None else now
    return max(0.0, when.timestamp() - current)


class HubClient:
    """Calls of the sync protocol; each returns its validated reply or raises SyncError."""

    def __init__(
        self,
        base_url: str,
        token: str,
        *,
        connect_timeout: float = 3.05,
        read_timeout: float = 10,
        session: requests.Session | None = None,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self._timeout = (connect_timeout, read_timeout)
        self._session = session or requests.Session()
        self._headers = {
            PROTOCOL_HEADER: str(PROTOCOL_VERSION),
            "Authorization": f"Bearer {token}",
            "Accept": "application/json",
        }

    def close(self) -> None:
        self._session.close()

    def hello(self) -> Hello:
        return self._call("GET", "/v1/hello", Hello)

    def changes(self, after: str | None, limit: int) -> ChangesPage:
        params: dict[str, str | int] = {"limit": limit}
        if after is not None:
            params["after"] = after
        return self._call("GET", "/v1/changes", ChangesPage, params=params)

    def push(self, events: Sequence[EventIn]) -> BatchResult:
        body = EventBatch(events=list(events))
        return self._call("POST", "/v1/events", BatchResult, body=body)

    def claim(self, kind: str, key: str, ttl_s: int | None = None) -> Claim:
        body = ClaimRequest.model_validate({"kind": kind, "key": key, "ttl_s": ttl_s})
        return self._call("POST", "/v1/claims", Claim, body=body)

    def claim_next(self, count: int, ttl_s: int | None = None) -> ClaimList:
        body = ClaimNextRequest(count=count, ttl_s=ttl_s)
        return self._call("POST", "/v1/claims/next", ClaimList, body=body)

    def renew(self, claim_ids: Sequence[str], ttl_s: int | None = None) -> RenewResult:
        body = RenewRequest(claim_ids=list(claim_ids), ttl_s=ttl_s)
        return self._call("POST", "/v1/claims/renew", RenewResult, body=body)

    def release(self, claim_id: str) -> None:
        self._request("DELETE", f"/v1/claims/{quote(claim_id, safe='')}")

    # -- one call -----------------------------------------------------------------------

    def _call[M: BaseModel](
        self,
        method: str,
        path: str,
        model: type[M],
        *,
        params: dict[str, str | int] | None = None,
        body: BaseModel | None = None,
    ) -> M:
        status, content = self._request(method, path, params=params, body=body)
        return _parse(model, content, status)

    def _request(
        self,
        method: str,
        path: str,
        *,
        params: dict[str, str | int] | None = None,
        body: BaseModel | None = None,
    ) -> tuple[int, bytes]:
        """(status, body) of a 2xx answer; SyncError for anything else."""
        headers = dict(self._headers)
        data = None
        if body is not None:
            data = body.model_dump_json(exclude_none=True).encode()
            headers["Content-Type"] = "application/json"
        try:
            response = self._session.request(
                method,
                self.base_url + path,
                params=params,
                data=data,
                headers=headers,
                timeout=self._timeout,
                allow_redirects=False,
            )
            content = response.content  # read here: a reset mid-body is "unreachable"
        except requests.RequestException as exc:
            raise SyncError(
                SyncErrorKind.UNREACHABLE,
                f"the order service at {self.base_url} cannot be reached",
                cause=f"{type(exc).__name__}: {exc}",
            ) from None
        if 200 <= response.status_code < 300:
            return response.status_code, content
        raise _error(response.status_code, content, response.headers.get("Retry-After"))


def _parse[M: BaseModel](model: type[M], content: bytes, status: int) -> M:
    try:
        return model.model_validate_json(content)
    except ValidationError as exc:
        raise SyncError(
            SyncErrorKind.MALFORMED, UNREADABLE, status=status, cause=_short(exc)
        ) from None
    except (ValueError, UnicodeError, RecursionError) as exc:  # defensive: never escapes
        raise SyncError(
            SyncErrorKind.MALFORMED, UNREADABLE, status=status, cause=repr(exc)[:500]
        ) from None


def _short(exc: ValidationError) -> str:
    return str(exc)[:1000]


def _error(status: int, content: bytes, retry_after: str | None) -> SyncError:
    """The SyncError for a non-2xx answer; its body is the protocol's ErrorBody if readable."""
    body: ErrorBody | None
    cause = None
    try:
        body = ErrorBody.model_validate_json(content)
    except (ValidationError, ValueError, UnicodeError, RecursionError) as exc:
        body, cause = None, repr(exc)[:500]
    message = body.message if body is not None else f"HTTP {status}"
    code = body.code if body is not None else None
    detail = body.detail if body is not None else None
    wait = retry_after_seconds(retry_after)
    common: dict[str, Any] = {"status": status, "code": code, "detail": detail, "cause": cause}
    if status >= 500:
        return SyncError(SyncErrorKind.SERVER, message, retry_after=wait, **common)
    if status == 429:
        return SyncError(SyncErrorKind.RATE_LIMITED, message, retry_after=wait, **common)
    if status == 401:
        return SyncError(SyncErrorKind.AUTH, message, **common)
    if status == 426:
        return SyncError(SyncErrorKind.UPGRADE, message, **common)
    if body is None:  # a 4xx that is not the protocol's (a proxy's page, a wrong URL)
        return SyncError(SyncErrorKind.MALFORMED, UNREADABLE, **common)
    return SyncError(SyncErrorKind.REFUSED, message, **common)


def utc_of(at: datetime) -> datetime:
    """``at`` as aware UTC (the protocol's datetimes may carry any offset)."""
    return at.replace(tzinfo=UTC) if at.tzinfo is None else at.astimezone(UTC)
