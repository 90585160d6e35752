"""Tote's sync protocol v1: every message between a station and the order service.

One module is the contract for both sides: the hub (``sync/hub``) declares its FastAPI routes
with these models, so the published OpenAPI document (``sync/openapi.json``) is generated
from them, and the station's client validates every reply against them, so a malformed
answer becomes a clear error instead of a crash deep in the sync thread. docs/sync.md
explains the rules (idempotency, cursors, leases) in prose.

Compatibility: within one protocol version, fields may be added (readers ignore unknown
fields), never renamed or removed; anything else is a new version.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

PROTOCOL_VERSION = 1
"""The version this code speaks."""
MIN_PROTOCOL = 1
"""The oldest station protocol the hub still serves; older stations get 426."""
PROTOCOL_HEADER = "Tote-Protocol"
"""Request header carrying the station's protocol version; the hub echoes its own."""

MAX_BATCH = 500
"""Most events one upload may carry."""
MAX_PAGE = 2000
"""Most changes one page of the feed may carry."""

MAX_AISLES = 2000
"""Most aisles one floor layout may have."""

Code = Annotated[str, Field(min_length=1, max_length=40)]
Cents = int
Metres = Annotated[float, Field(ge=0, le=10_000, allow_inf_nan=False)]
"""A position on the floor, metres from its left side or its front cross aisle."""
Size = Annotated[float, Field(gt=0, le=100, allow_inf_nan=False)]
"""A length on the floor in metres (a bay's width, a margin)."""


class Wire(BaseModel):
    """Base of every message: unknown fields are ignored, so a newer peer can add some."""

    model_config = ConfigDict(extra="ignore", frozen=True)


# -- errors ---------------------------------------------------------------------------------

ErrorCode = Literal[
    "bad_token",  # 401: the token is unknown or revoked
    "upgrade_required",  # 426: the station's protocol is older than the hub serves
    "hub_too_old",  # 426: the station speaks a newer protocol than the hub
    "invalid_request",  # 422: the body or a parameter does not match this document
    "not_found",  # 404: no such order, claim, ...
    "claimed_elsewhere",  # 409: another station holds the lease
    "not_claimable",  # 409: the work is cancelled, held or done
    "rate_limited",  # 429: come back after Retry-After
    "forbidden",  # 403: the centre's (admin) calls, or another station's lease
    "internal",  # 500: the hub's fault; retry later
]


class ErrorBody(Wire):
    """The body of every answer that is not 2xx."""

    code: str
    message: str
    detail: dict[str, Any] | None = None


# -- hello ----------------------------------------------------------------------------------


class Hello(Wire):
    """``GET /v1/hello``: who the hub thinks the station is, and the hub's clock."""

    protocol: int
    min_protocol: int
    station: str
    station_name: str
    warehouse: str
    server_time: datetime
    claim_ttl_s: int
    max_batch: int = MAX_BATCH
    max_page: int = MAX_PAGE


# -- the changes feed -----------------------------------------------------------------------


class BarcodeDoc(Wire):
    gtin14: Annotated[str, Field(pattern=r"^\d{14}$")]
    units: Annotated[int, Field(ge=1)] = 1


class ProductDoc(Wire):
    sku: Code
    name: Annotated[str, Field(max_length=200)]
    length_mm: Annotated[int, Field(ge=0)]
    width_mm: Annotated[int, Field(ge=0)]
    height_mm: Annotated[int, Field(ge=0)]
    weight_g: Annotated[int, Field(ge=0)]
    fragile: bool = False
    keep_upright: bool = False
    location: str | None = None
    barcodes: list[BarcodeDoc] = []


class LocationDoc(Wire):
    code: Annotated[str, Field(min_length=1, max_length=32)]
    zone: Annotated[str, Field(max_length=8)]
    aisle: int
    bay: int
    level: int
    position: int


class BoxTypeDoc(Wire):
    code: Annotated[str, Field(min_length=1, max_length=20)]
    name: Annotated[str, Field(max_length=80)]
    inner_length_mm: Annotated[int, Field(gt=0)]
    inner_width_mm: Annotated[int, Field(gt=0)]
    inner_height_mm: Annotated[int, Field(gt=0)]
    outer_length_mm: Annotated[int, Field(gt=0)]
    outer_width_mm: Annotated[int, Field(gt=0)]
    outer_height_mm: Annotated[int, Field(gt=0)]
    tare_g: Annotated[int, Field(ge=0)]
    max_weight_g: Annotated[int, Field(gt=0)]
    cost_cents: Annotated[int, Field(ge=0)]
    dunnage_g: Annotated[int, Field(ge=0)] = 0  # fill material, part of the expected weight


class AddressDoc(Wire):
    name: Annotated[str, Field(max_length=120)]
    address1: Annotated[str, Field(max_length=200)]
    address2: Annotated[str | None, Field(max_length=200)] = None
    city: Annotated[str, Field(max_length=100)]
    postcode: Annotated[str, Field(max_length=20)]
    region: Annotated[str | None, Field(max_length=100)] = None
    country: Annotated[str, Field(pattern=r"^[A-Z]{2}$")]


class OrderLineDoc(Wire):
    line_no: Annotated[int, Field(ge=1)]
    sku: Code
    quantity: Annotated[int, Field(ge=1)]
    unit_price_cents: Cents
    # Products the customer accepts instead when the line's own is short at picking.
    substitutes: Annotated[list[Code], Field(max_length=10)] = []


OrderStatus = Literal["open", "held", "cancelled", "packed"]


class OrderDoc(Wire):
    """An order as the centre knows it now. ``version`` grows with every central change."""

    number: Code
    version: Annotated[int, Field(ge=1)] = 1
    status: OrderStatus = "open"
    status_reason: Annotated[str | None, Field(max_length=200)] = None
    packed_by: str | None = None  # the station whose OrderPacked the centre accepted
    channel: Code
    currency: Annotated[str, Field(pattern=r"^[A-Z]{3}$")]
    subtotal_cents: Cents
    shipping_cents: Cents
    tax_cents: Cents
    total_cents: Cents
    ship_by: datetime
    carrier: Code
    service: Code
    ship_to: AddressDoc
    gift: bool = False
    vip: bool = False
    replacement: bool = False
    special_code: str | None = None
    replaces_order_number: str | None = None
    gift_message: Annotated[str | None, Field(max_length=1000)] = None
    lines: Annotated[list[OrderLineDoc], Field(min_length=1)]


class AisleDoc(Wire):
    """One aisle: its zone and its number on the floor signs, and where it stands across the
    floor (``x_m``, metres from the left)."""

    zone: Annotated[str, Field(max_length=8)]
    number: Annotated[int, Field(ge=1, le=9999)]
    x_m: Metres


class DepotDoc(Wire):
    """Where pick runs start and end (the packing stations): a depth into one aisle, 0 being
    the front cross aisle."""

    zone: Annotated[str, Field(max_length=8)]
    number: Annotated[int, Field(ge=1, le=9999)]
    y_m: Metres = 0.0


class LayoutDoc(Wire):
    """The warehouse floor as pickers walk it: aisles left to right, crossed by cross aisles
    at the front, at the back and between blocks of racking (docs/sync.md, "The floor").

    ``block_bays`` is the number of bays per aisle in each block, front block first: a
    location's bay ``b`` (from 1) is the ``b``-th bay from the front across all blocks.
    ``version`` is the centre's and grows with every change of the layout (an upload's own
    is ignored). Rules between fields (aisles left to right, each aisle once, the depot on
    an aisle and within the floor) are checked by the order service on upload; a doc that
    breaks them is refused with a reason, not as a malformed request.
    """

    version: Annotated[int, Field(ge=1)] = 1
    aisles: Annotated[list[AisleDoc], Field(min_length=1, max_length=MAX_AISLES)]
    block_bays: Annotated[
        list[Annotated[int, Field(ge=1, le=1000)]], Field(min_length=1, max_length=50)
    ]
    bay_width_m: Size = 1.0
    cross_margin_m: Size = 1.0  # a cross aisle's centre line to the first bay of a block
    depot: DepotDoc


class ProductChange(Wire):
    kind: Literal["product"] = "product"
    seq: int
    product: ProductDoc


class LocationChange(Wire):
    kind: Literal["location"] = "location"
    seq: int
    location: LocationDoc


class BoxTypeChange(Wire):
    kind: Literal["box_type"] = "box_type"
    seq: int
    box_type: BoxTypeDoc


class OrderChange(Wire):
    kind: Literal["order"] = "order"
    seq: int
    order: OrderDoc


class LayoutChange(Wire):
    """The warehouse's floor layout; the feed holds one, the newest."""

    kind: Literal["layout"] = "layout"
    seq: int
    layout: LayoutDoc


Change = Annotated[
    ProductChange | LocationChange | BoxTypeChange | OrderChange | LayoutChange,
    Field(discriminator="kind"),
]


class ChangesPage(Wire):
    """``GET /v1/changes?after=CURSOR&limit=N``: the next changes, oldest first.

    The feed is compacted: an entity appears once, at its latest change, so a station that
    was away a week downloads each order once. A product or location always comes before
    the first order that names it. ``cursor`` is opaque: send it back as ``after``.
    """

    changes: list[Change]
    cursor: str
    more: bool
    remaining: int  # changes after ``cursor`` when the page was cut: progress for the UI


# -- events ---------------------------------------------------------------------------------


class EventIn(Wire):
    """One fact from the floor. ``event_id`` is its idempotency key."""

    event_id: Annotated[str, Field(pattern=r"^[0-9a-f-]{36}$")]
    seq: Annotated[int, Field(ge=1)]  # the station's local sequence: its order of events
    type: Code
    at: datetime  # the station's clock; see the clock-skew guard in docs/sync.md
    operator: Code
    payload: dict[str, Any]


class EventBatch(Wire):
    """``POST /v1/events``."""

    events: Annotated[list[EventIn], Field(min_length=1, max_length=MAX_BATCH)]


EventOutcome = Literal["accepted", "refused"]


class EventResult(Wire):
    """The answer for one event; a replay of the same event gets the first answer again
    (``replay`` true). ``refused`` is final: the station quarantines the event."""

    event_id: str
    outcome: EventOutcome
    replay: bool = False
    code: str | None = None  # refused: why, machine-readable
    message: str | None = None  # refused: why, for a person
    conflict: str | None = None  # accepted, but the centre saw a conflict (shown there)


class BatchResult(Wire):
    results: list[EventResult]


# Payloads of the event types the hub understands; unknown types are refused.


class PackStartedPayload(Wire):
    order_number: Code


class ItemPackedPayload(Wire):
    order_number: Code
    line_no: Annotated[int, Field(ge=1)]
    sku: Code
    scanned_code: Annotated[str, Field(max_length=200)]
    quantity: Annotated[int, Field(ge=1)]
    package_number: Annotated[int, Field(ge=1)]


class PackedLineDoc(Wire):
    line_no: Annotated[int, Field(ge=1)]
    sku: Code
    quantity: Annotated[int, Field(ge=1)]


class PackedPackageDoc(Wire):
    number: Annotated[int, Field(ge=1)]
    contents: list[PackedLineDoc]


class OrderPackedPayload(Wire):
    order_number: Code
    special: list[str] = []
    special_code: str | None = None
    packages: Annotated[list[PackedPackageDoc], Field(min_length=1)]


class PackStoppedPayload(Wire):
    """The station stopped packing an order the centre cancelled or held."""

    order_number: Code
    reason: Literal["cancelled", "held", "changed"]
    units_to_put_back: Annotated[int, Field(ge=0)]


class PackageClosedPayload(Wire):
    order_number: Code
    package_number: Annotated[int, Field(ge=1)]
    sscc: Annotated[str | None, Field(pattern=r"^\d{18}$")] = None
    weight_g: Annotated[int | None, Field(ge=0)] = None
    box: Code | None = None  # the box type used
    suggested_box: Code | None = None  # what cartonization suggested
    box_reason: Code | None = None  # why the packer used another box
    dimensions_mm: (
        Annotated[list[Annotated[int, Field(ge=1)]], Field(min_length=3, max_length=3)] | None
    ) = None
    expected_weight_g: Annotated[int | None, Field(ge=0)] = None
    weight_accepted_by: Code | None = None  # a supervisor accepted it out of tolerance
    weight_reason: Code | None = None
    carrier: Annotated[str | None, Field(max_length=40)] = None
    service: Annotated[str | None, Field(max_length=40)] = None
    tracking_number: Annotated[str | None, Field(max_length=40)] = None


class PackageReopenedPayload(Wire):
    order_number: Code
    package_number: Annotated[int, Field(ge=1)]
    sscc: Annotated[str | None, Field(pattern=r"^\d{18}$")] = None


class ItemRemovedPayload(Wire):
    """Units taken out of a package again (moved to another, or damaged)."""

    order_number: Code
    line_no: Annotated[int, Field(ge=1)]
    sku: Code
    quantity: Annotated[int, Field(ge=1)]
    package_number: Annotated[int, Field(ge=1)]
    damaged: bool = False


class ShortShippedPayload(Wire):
    """Units of a line shipped without, approved by a supervisor at the station."""

    order_number: Code
    line_no: Annotated[int, Field(ge=1)]
    sku: Code
    quantity_short: Annotated[int, Field(ge=1)]
    reason: Code
    approved_by: Code


class LabelPrintedPayload(Wire):
    order_number: Code
    package_number: Annotated[int | None, Field(ge=1)] = None
    kind: Code
    printer: str
    copy_number: Annotated[int, Field(ge=1)] = 1  # 2 and up: a reprint


class PickConfirmedPayload(Wire):
    """Units of an order line picked and confirmed (in their tote, or on a bulk cart)."""

    order_number: Code
    line_no: Annotated[int, Field(ge=1)]
    sku: Code
    location: str
    quantity: Annotated[int, Field(ge=1)]
    tote: str | None = None
    substitute_sku: Code | None = None  # taken instead of ``sku``, as the order allows
    lot: Annotated[str | None, Field(max_length=20)] = None  # GS1 (10), when scanned
    serial: Annotated[str | None, Field(max_length=20)] = None  # GS1 (21)
    expiry: date | None = None  # GS1 (17)


class ShortPickPayload(Wire):
    order_number: Code
    line_no: Annotated[int, Field(ge=1)]
    sku: Code
    location: str
    quantity_short: Annotated[int, Field(ge=1)]
    reason: Annotated[str, Field(max_length=200)]


class ItemDamagedPayload(Wire):
    """A unit found damaged at a location while picking; it was left, not picked."""

    order_number: Code
    line_no: Annotated[int, Field(ge=1)]
    sku: Code
    location: str
    quantity: Annotated[int, Field(ge=1)]


EVENT_PAYLOADS: dict[str, type[Wire]] = {
    "PackStarted": PackStartedPayload,
    "ItemPacked": ItemPackedPayload,
    "OrderPacked": OrderPackedPayload,
    "PackStopped": PackStoppedPayload,
    "PackageClosed": PackageClosedPayload,
    "PackageReopened": PackageReopenedPayload,
    "ItemRemoved": ItemRemovedPayload,
    "ShortShipped": ShortShippedPayload,
    "LabelPrinted": LabelPrintedPayload,
    "PickConfirmed": PickConfirmedPayload,
    "ShortPick": ShortPickPayload,
    "ItemDamaged": ItemDamagedPayload,
}


# -- claims (leases) ------------------------------------------------------------------------

ClaimKind = Literal["order", "wave", "tote"]


class ClaimRequest(Wire):
    """``POST /v1/claims``: lease one piece of work (or renew it, if this station holds it)."""

    kind: ClaimKind
    key: Code
    ttl_s: Annotated[int | None, Field(ge=30, le=86400)] = None


class ClaimNextRequest(Wire):
    """``POST /v1/claims/next``: lease up to ``count`` open orders nobody holds, earliest
    ship-by first. Two stations asking at once never get the same order."""

    kind: Literal["order"] = "order"
    count: Annotated[int, Field(ge=1, le=100)] = 1
    ttl_s: Annotated[int | None, Field(ge=30, le=86400)] = None


class Claim(Wire):
    claim_id: str
    kind: ClaimKind
    key: str
    station: str
    expires_at: datetime  # the hub's clock
    expires_in_s: float  # the same, relative: what a station with a wrong clock should use


class ClaimList(Wire):
    claims: list[Claim]


class RenewRequest(Wire):
    """``POST /v1/claims/renew``: extend every lease this station still holds."""

    claim_ids: Annotated[list[str], Field(max_length=MAX_BATCH)]
    ttl_s: Annotated[int | None, Field(ge=30, le=86400)] = None


LostReason = Literal["taken", "released", "closed", "unknown"]


class LostClaim(Wire):
    """A lease the station no longer holds: it ran out and another station took the work
    (``taken``), a supervisor released it, or the work was cancelled, held or done."""

    claim_id: str
    kind: ClaimKind | None = None
    key: str | None = None
    reason: LostReason
    holder: str | None = None  # for ``taken``: the station that holds it now


class RenewResult(Wire):
    claims: list[Claim]
    lost: list[LostClaim]


# -- conflicts (for the centre) -------------------------------------------------------------


class ConflictDoc(Wire):
    """Something the floor did that the centre must look at (never silently dropped)."""

    id: int
    at: datetime
    order_number: str | None
    station: str
    event_id: str | None
    kind: str
    message: str


class ConflictList(Wire):
    conflicts: list[ConflictDoc]


class ShortageDoc(Wire):
    """Units found missing (short picks) or damaged at one location, summed over a period:
    the cue to refill the bin, check the stock figure and reorder."""

    sku: str
    location: str
    units_short: int
    units_damaged: int
    reports: int
    last_at: datetime
    reasons: list[str]  # bin_empty, not_enough, damaged
    orders: list[str]  # the orders that went short


class ShortageList(Wire):
    since: datetime
    shortages: list[ShortageDoc]


# -- the centre (admin tokens only) ---------------------------------------------------------


class OrdersUpload(Wire):
    """``POST /v1/orders``: new or edited orders, and the catalogue they name (written first,
    so a product still comes before the first order naming it in the feed)."""

    orders: list[OrderDoc] = []
    products: list[ProductDoc] = []
    locations: list[LocationDoc] = []
    box_types: list[BoxTypeDoc] = []


class UploadResult(Wire):
    """How many of each were new or changed (an unchanged one moves nothing in the feed)."""

    orders: int
    products: int
    locations: int
    box_types: int


class StatusChange(Wire):
    """``POST /v1/orders/{number}/status``: hold, cancel or reopen an order."""

    status: Literal["open", "held", "cancelled"]
    reason: Annotated[str | None, Field(max_length=200)] = None
