"""Who is asking: the protocol a station speaks, the station behind its token, its rights.

The protocol version is checked first (``ProtocolMiddleware``), so an old station learns to
update, not that its token is bad. Tokens are looked up on every request (one indexed read), so
revoking a station takes effect at its next request, on every hub process.

Also the one way a route fails: raise ``ApiError``; ``error_response`` makes it an ``ErrorBody``.
"""

from __future__ import annotations

import math
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Annotated, Any

from fastapi import Depends, Header, Request
from fastapi.responses import JSONResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy import Engine, select
from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from sync.hub.db import reading
from sync.hub.tables import stations
from sync.hub.tokens import token_sha256
from sync.protocol import MIN_PROTOCOL, PROTOCOL_HEADER, PROTOCOL_VERSION, ErrorBody

Clock = Callable[[], datetime]


class ApiError(Exception):
    """A refusal with its HTTP status, protocol error code and a message for a person."""

    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        detail: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message
        self.detail, self.headers = detail, headers


class RateLimit:
    """At most ``per_second`` requests per station on average, ``burst`` at once (a token
    bucket per station). Off unless configured.

    Per process, in memory: with several hub processes a station gets each one's share. It
    protects a hub from a station stuck in a loop; fairness across processes is not needed.
    """

    def __init__(self, per_second: float, burst: int = 10) -> None:
        if per_second <= 0 or burst < 1:
            raise ValueError("a rate limit needs per_second > 0 and burst >= 1")
        self.per_second, self.burst = per_second, burst
        self._buckets: dict[str, tuple[float, float]] = {}  # station -> (tokens, at)
        self._lock = threading.Lock()

    def wait_s(self, station: str) -> float:
        """0 when the request may go ahead now (and counts it); else seconds to wait."""
        now = time.monotonic()
        with self._lock:
            tokens, at = self._buckets.get(station, (float(self.burst), now))
            tokens = min(float(self.burst), tokens + (now - at) * self.per_second)
            if tokens >= 1:
                self._buckets[station] = (tokens - 1, now)
                return 0.0
            self._buckets[station] = (tokens, now)
            return (1 - tokens) / self.per_second


@dataclass(frozen=True)
class Hub:
    """What every route needs, kept on ``app.state``: the app itself holds no other state."""

    engine: Engine
    clock: Clock
    claim_ttl_s: int
    rate_limit: RateLimit | None = None


@dataclass(frozen=True)
class Station:
    code: str
    name: str
    warehouse: str
    role: str


def error_response(error: ApiError) -> JSONResponse:
    body = ErrorBody(code=error.code, message=error.message, detail=error.detail)
    headers = {PROTOCOL_HEADER: str(PROTOCOL_VERSION), **(error.headers or {})}
    return JSONResponse(body.model_dump(), status_code=error.status, headers=headers)


# -- the protocol version, on every answer ---------------------------------------------------


class ProtocolMiddleware:
    """Stamp ``Tote-Protocol`` on every answer; turn away stations of another version."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def stamped(message: Message) -> None:
            if message["type"] == "http.response.start":
                MutableHeaders(scope=message)[PROTOCOL_HEADER] = str(PROTOCOL_VERSION)
            await send(message)

        if scope["path"].startswith("/v1/"):
            refusal = version_refusal(Headers(scope=scope).get(PROTOCOL_HEADER))
            if refusal is not None:
                await error_response(refusal)(scope, receive, stamped)
                return
        await self.app(scope, receive, stamped)


def version_refusal(header: str | None) -> ApiError | None:
    """The 426 for a station's ``Tote-Protocol`` header, or None when it is served."""
    digits = (header or "").strip()
    spoken = int(digits) if re.fullmatch(r"[0-9]{1,6}", digits) else 0  # garbage: "none"
    detail = {"station": spoken, "min_protocol": MIN_PROTOCOL, "protocol": PROTOCOL_VERSION}
    if spoken < MIN_PROTOCOL:
        return ApiError(
            426,
            "upgrade_required",
            f"This station speaks sync protocol {spoken}; the order service needs "
            f"{MIN_PROTOCOL} or newer. Update Tote on this station.",
            detail,
        )
    if spoken > PROTOCOL_VERSION:
        return ApiError(
            426,
            "hub_too_old",
            f"This station speaks sync protocol {spoken}; the order service only speaks up to "
            f"{PROTOCOL_VERSION}. Update the order service.",
            detail,
        )
    return None


def protocol_version(
    tote_protocol: Annotated[
        int,
        Header(
            alias=PROTOCOL_HEADER,
            description="The sync protocol the station speaks; the hub answers 426 if it "
            "does not serve it (checked before anything else).",
        ),
    ],
) -> None:
    """Documents the header in OpenAPI; ProtocolMiddleware has already checked it."""


def get_hub(request: Request) -> Hub:
    hub: Hub = request.app.state.hub
    return hub


_bearer = HTTPBearer(auto_error=False, description="The station's token, from its supervisor.")
_BAD_TOKEN = (
    "The order service does not accept this station's token (unknown or revoked). "
    "Ask a supervisor for a new token for this station."
)


def current_station(
    hub: Annotated[Hub, Depends(get_hub)],
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> Station:
    if credentials is None or credentials.scheme.lower() != "bearer":
        raise ApiError(401, "bad_token", _BAD_TOKEN, headers={"WWW-Authenticate": "Bearer"})
    with reading(hub.engine) as conn:
        row = conn.execute(
            select(stations.c.code, stations.c.name, stations.c.warehouse, stations.c.role).where(
                stations.c.token_sha256 == token_sha256(credentials.credentials),
                stations.c.revoked.is_(False),
            )
        ).first()
    if row is None:
        raise ApiError(401, "bad_token", _BAD_TOKEN, headers={"WWW-Authenticate": "Bearer"})
    station = Station(*row)
    wait = hub.rate_limit.wait_s(station.code) if hub.rate_limit else 0.0
    if wait > 0:
        raise ApiError(
            429,
            "rate_limited",
            f"Station {station.code} sends more requests than the order service allows; "
            "it will try again shortly.",
            headers={"Retry-After": str(math.ceil(wait))},
        )
    return station


def admin_station(station: Annotated[Station, Depends(current_station)]) -> Station:
    if station.role != "admin":
        raise ApiError(
            403,
            "forbidden",
            f"Station {station.code} may not do this: it needs the centre's (admin) token.",
        )
    return station


HubDep = Annotated[Hub, Depends(get_hub)]
StationDep = Annotated[Station, Depends(current_station)]
AdminDep = Annotated[Station, Depends(admin_station)]
