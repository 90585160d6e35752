"""The order service's HTTP API (protocol v1): ``create_app``, its error answers, and the
routes of no other module (hello, the feed, the centre's calls).

Stateless: the app holds an engine, a clock and the lease length, nothing else, so several
processes can serve one database. Every answer carries ``Tote-Protocol``; every answer that is
not 2xx has an ``ErrorBody`` (FastAPI's own 400, 422 and 500 answers are replaced).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Query, Request, Response
from fastapi.exceptions import RequestValidationError
from sqlalchemy import Engine, select
from sqlalchemy.exc import DataError
from starlette.exceptions import HTTPException

from sync.hub import catalog, claims, events, feed, layout, shortages
from sync.hub.auth import (
    AdminDep,
    ApiError,
    Clock,
    Hub,
    HubDep,
    ProtocolMiddleware,
    RateLimit,
    StationDep,
    error_response,
    protocol_version,
)
from sync.hub.db import open_hub_db, reading
from sync.hub.tables import conflicts
from sync.protocol import (
    MAX_PAGE,
    MIN_PROTOCOL,
    PROTOCOL_VERSION,
    ChangesPage,
    ConflictDoc,
    ConflictList,
    ErrorBody,
    Hello,
    LayoutDoc,
    OrderDoc,
    OrdersUpload,
    ShortageDoc,
    ShortageList,
    StatusChange,
    UploadResult,
    Wire,
)

log = logging.getLogger(__name__)

ERRORS: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorBody, "description": text}
    for status, text in [
        (401, "Unknown or revoked token (`bad_token`)"),
        (422, "The request does not match this document (`invalid_request`)"),
        (426, "Protocol version not served (`upgrade_required`, `hub_too_old`)"),
        (429, "Too many requests from this station (`rate_limited`): see Retry-After"),
        (500, "The order service's fault (`internal`): retry later"),
    ]
}
NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"model": ErrorBody, "description": "Not found"}}
FORBIDDEN: dict[int | str, dict[str, Any]] = {
    403: {"model": ErrorBody, "description": "Admin only"}
}
CONFLICT: dict[int | str, dict[str, Any]] = {
    409: {"model": ErrorBody, "description": "Held elsewhere, or not claimable"}
}


def create_app(
    database_url_or_engine: str | Engine,
    *,
    claim_ttl_s: int = 300,
    clock: Clock | None = None,
    rate_limit: RateLimit | None = None,
) -> FastAPI:
    """The API on a database URL (migrated here) or an engine already opened.

    ``rate_limit`` (off by default) answers 429 with Retry-After to a station that asks too
    often.
    """
    engine = (
        open_hub_db(database_url_or_engine)
        if isinstance(database_url_or_engine, str)
        else database_url_or_engine
    )
    app = FastAPI(
        title="Tote order service",
        version=str(PROTOCOL_VERSION),
        summary="Sync protocol v1 between Tote stations and the central order service.",
        responses=ERRORS,
        dependencies=[Depends(protocol_version)],
    )
    app.state.hub = Hub(engine, clock or (lambda: datetime.now(UTC)), claim_ttl_s, rate_limit)
    app.add_middleware(ProtocolMiddleware)
    _add_error_handlers(app)
    app.add_api_route("/v1/hello", hello, methods=["GET"], response_model=Hello)
    app.add_api_route("/v1/changes", changes, methods=["GET"], response_model=ChangesPage)
    app.include_router(events.router)
    app.include_router(claims.router, responses=NOT_FOUND | FORBIDDEN | CONFLICT)
    centre: list[tuple[str, Callable[..., Any], str, type[Wire]]] = [
        ("/v1/orders", upload_orders, "POST", UploadResult),
        ("/v1/orders/{number}", get_order, "GET", OrderDoc),
        ("/v1/orders/{number}/status", set_status, "POST", OrderDoc),
        ("/v1/conflicts", list_conflicts, "GET", ConflictList),
        ("/v1/layout", set_layout, "POST", LayoutDoc),
        ("/v1/layout", get_layout, "GET", LayoutDoc),
        ("/v1/reports/shortages", list_shortages, "GET", ShortageList),
    ]
    for path, endpoint, method, model in centre:
        app.add_api_route(
            path,
            endpoint,
            methods=[method],
            response_model=model,
            responses=NOT_FOUND | FORBIDDEN,
            tags=["centre"],
        )
    return app


# -- errors: always an ErrorBody --------------------------------------------------------------


def _field(loc: tuple[Any, ...]) -> str:
    parts = loc[1:] if loc and loc[0] in ("body", "query", "path", "header") else loc
    return ".".join(str(part) for part in parts) or "body"


def _add_error_handlers(app: FastAPI) -> None:
    async def api_error(_request: Request, exc: Exception) -> Response:
        assert isinstance(exc, ApiError)
        return error_response(exc)

    async def invalid(_request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        errors = [{"field": _field(tuple(e["loc"])), "message": e["msg"]} for e in exc.errors()]
        first = errors[0] if errors else {"field": "body", "message": "not understood"}
        message = f"The request's {first['field']} is not valid: {first['message']}"
        return error_response(ApiError(422, "invalid_request", message, {"errors": errors[:20]}))

    async def http_error(_request: Request, exc: Exception) -> Response:
        """Starlette's and FastAPI's own refusals: unknown path, method, unparsable body."""
        assert isinstance(exc, HTTPException)
        status, code, message = exc.status_code, "invalid_request", str(exc.detail)
        if status == 404:
            code, message = "not_found", "There is no such call in sync protocol v1."
        elif status == 400:  # a body that is not UTF-8 JSON: as invalid as any other (422)
            status, message = 422, f"The request's body is not valid JSON: {exc.detail}"
        return error_response(ApiError(status, code, message, headers=dict(exc.headers or {})))

    async def catalog_error(_request: Request, exc: Exception) -> Response:
        if isinstance(exc, catalog.UnknownOrderError):
            return error_response(ApiError(404, "not_found", str(exc)))
        return error_response(ApiError(422, "invalid_request", str(exc)))

    async def unstorable(_request: Request, exc: Exception) -> Response:
        return error_response(
            ApiError(
                422,
                "invalid_request",
                "The request holds a value the order service cannot store (a NUL character, "
                "or a number too large).",
            )
        )

    async def crashed(_request: Request, exc: Exception) -> Response:
        log.error("order service: unhandled error", exc_info=exc)
        # Starlette re-raises after this answer and uvicorn then drops the connection:
        # saying so lets a kept-alive client open a new one instead of meeting a reset.
        return error_response(
            ApiError(
                500,
                "internal",
                "The order service failed on this request; try again later.",
                headers={"Connection": "close"},
            )
        )

    app.add_exception_handler(ApiError, api_error)
    app.add_exception_handler(RequestValidationError, invalid)
    app.add_exception_handler(HTTPException, http_error)
    app.add_exception_handler(catalog.CatalogError, catalog_error)
    app.add_exception_handler(DataError, unstorable)
    app.add_exception_handler(OverflowError, unstorable)
    app.add_exception_handler(Exception, crashed)


# -- station routes ---------------------------------------------------------------------------


def hello(hub: HubDep, station: StationDep) -> Hello:
    """Who the hub thinks this station is, and the hub's clock (for the skew guard)."""
    return Hello(
        protocol=PROTOCOL_VERSION,
        min_protocol=MIN_PROTOCOL,
        station=station.code,
        station_name=station.name,
        warehouse=station.warehouse,
        server_time=hub.clock(),
        claim_ttl_s=hub.claim_ttl_s,
    )


def changes(
    hub: HubDep,
    station: StationDep,
    after: Annotated[str | None, Query(max_length=64)] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 1000,
) -> Response:
    """The feed after ``after`` (from the start when omitted), oldest first, compacted."""
    with reading(hub.engine) as conn:
        try:
            page = feed.read_page(conn, station.warehouse, after, limit)
        except feed.CursorError as exc:
            raise ApiError(422, "invalid_request", str(exc), {"field": "after"}) from None
    return Response(page.body, media_type="application/json")


# -- the centre's routes ----------------------------------------------------------------------


def upload_orders(upload: OrdersUpload, hub: HubDep, admin: AdminDep) -> UploadResult:
    """New or edited orders with their catalogue, in one transaction (catalogue first)."""
    warehouse = admin.warehouse
    with hub.engine.begin() as conn:
        return UploadResult(
            locations=catalog.upsert_locations(conn, warehouse, upload.locations),
            products=catalog.upsert_products(conn, warehouse, upload.products),
            box_types=catalog.upsert_box_types(conn, warehouse, upload.box_types),
            orders=catalog.upsert_orders(conn, warehouse, upload.orders, now=hub.clock()),
        )


def get_order(number: str, hub: HubDep, admin: AdminDep) -> OrderDoc:
    with reading(hub.engine) as conn:
        found = catalog.get_order(conn, admin.warehouse, number)
    if found is None:
        raise catalog.UnknownOrderError(number)
    return found


def set_status(number: str, change: StatusChange, hub: HubDep, admin: AdminDep) -> OrderDoc:
    """Hold, cancel or reopen an order; stations learn it from the feed."""
    with hub.engine.begin() as conn:
        return catalog.set_order_status(
            conn, admin.warehouse, number, change.status, change.reason, now=hub.clock()
        )


def set_layout(doc: LayoutDoc, hub: HubDep, admin: AdminDep) -> LayoutDoc:
    """Set the warehouse's floor layout (its ``version`` is the hub's); stations get it from
    the feed. A floor no station could walk is refused (422) with the reason."""
    with hub.engine.begin() as conn:
        return layout.set_layout(conn, admin.warehouse, doc)[0]


def get_layout(hub: HubDep, admin: AdminDep) -> LayoutDoc:
    """The warehouse's floor layout as stations have it (404 before one is set)."""
    with reading(hub.engine) as conn:
        found = layout.get_layout(conn, admin.warehouse)
    if found is None:
        raise ApiError(404, "not_found", "This warehouse has no floor layout yet.")
    return found


def list_shortages(
    hub: HubDep,
    admin: AdminDep,
    hours: Annotated[int, Query(ge=1, le=24 * 366)] = 24,
) -> ShortageList:
    """Short picks and damaged units per SKU and location over the last ``hours``."""
    since = hub.clock() - timedelta(hours=hours)
    with reading(hub.engine) as conn:
        found = shortages.shortages(conn, admin.warehouse, since)
    docs = [
        ShortageDoc(
            sku=s.sku,
            location=s.location,
            units_short=s.units_short,
            units_damaged=s.units_damaged,
            reports=s.reports,
            last_at=s.last_at or since,
            reasons=sorted(s.reasons),
            orders=sorted(s.orders),
        )
        for s in found
    ]
    return ShortageList(since=since, shortages=docs)


def list_conflicts(
    hub: HubDep,
    admin: AdminDep,
    after_id: Annotated[int, Query(ge=0, le=2**63 - 1)] = 0,
    limit: Annotated[int, Query(ge=1, le=1000)] = 500,
) -> ConflictList:
    """What the floor did that the centre must look at, oldest first (page with ``after_id``)."""
    with reading(hub.engine) as conn:
        rows = conn.execute(
            select(conflicts)
            .where(conflicts.c.warehouse == admin.warehouse, conflicts.c.id > after_id)
            .order_by(conflicts.c.id)
            .limit(limit)
        ).mappings()
        found = [ConflictDoc.model_validate(dict(row)) for row in rows]
    return ConflictList(conflicts=found)
