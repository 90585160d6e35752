"""A print job's document, built from the store (slip, shipping label or gift note).

Reads only; called by the document worker, never on the scan path. The package's weight is
the scale's when it was weighed, else the sum of item weights and the box tare; its
carrier, service, tracking number and outer dimensions are those recorded when it closed
(an order from before boxes were recorded falls back to the order's and the box type's).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.documents import Address
from app.domain.labels import Document, GiftNote, ShippingLabel
from app.store.tables import BoxType, Package, PackageContent, Product
from app.usecases.packing_slip import build_packing_slip
from app.usecases.views import load_order, special_flags


@dataclass(frozen=True, slots=True)
class JobSpec:
    kind: str
    order_id: int
    package_id: int | None
    copy: int


class NotPrintableError(ValueError):
    """The job cannot become a document (e.g. a gift note for an order with no message)."""


def build_document(
    session: Session, job: JobSpec, station_code: str, ship_from: Address
) -> Document:
    order = load_order(session, job.order_id)
    packages = list(session.execute(select(Package).where(Package.order_id == order.id)).scalars())
    if job.kind == "packing_slip":
        return replace(build_packing_slip(order, len(packages), station_code), copy=job.copy)
    if job.kind == "gift_note":
        if not order.gift:
            raise NotPrintableError(f"order {order.number} is not a gift order")
        return GiftNote(
            order_number=order.number,
            to_name=order.ship_name,
            message=order.gift_message or "",
            special_code=order.special_code,
            copy=job.copy,
        )
    if job.kind == "shipping_label":
        package = next((p for p in packages if p.id == job.package_id), None)
        if package is None or package.sscc is None:
            raise NotPrintableError(
                f"order {order.number}: its package has no SSCC (this station's SSCC block "
                "is used up: ask a supervisor to give it a new station number)"
            )
        box = session.get(BoxType, package.box_type_id) if package.box_type_id else None
        place = f"{order.ship_postcode} {order.ship_city}".strip()
        lines = (order.ship_address1, order.ship_address2, place, order.ship_region)
        return ShippingLabel(
            order_number=order.number,
            ship_from=ship_from,
            ship_to=Address(order.ship_name, (*(x for x in lines if x), order.ship_country)),
            carrier=package.carrier or order.ship_carrier or order.carrier,
            service=package.service or order.ship_service or order.service,
            tracking_number=package.tracking_number,
            sscc=package.sscc,
            package_number=package.number,
            # The count frozen when it closed (corrected when the order was packed); older
            # packages did not record it.
            package_count=package.label_count or len(packages),
            weight_g=package.weight_g or _estimated_weight(session, package, box),
            dimensions_mm=_dimensions(package, box),
            ship_by=order.ship_by.date(),
            special=special_flags(order),
            special_code=order.special_code,
            copy=job.copy,
        )
    raise NotPrintableError(f"Tote does not know how to print a {job.kind!r}")


def _dimensions(package: Package, box: BoxType | None) -> tuple[int, int, int] | None:
    if package.length_mm and package.width_mm and package.height_mm:
        return (package.length_mm, package.width_mm, package.height_mm)
    if box is None:
        return None
    return (box.outer_length_mm, box.outer_width_mm, box.outer_height_mm)


def _estimated_weight(session: Session, package: Package, box: BoxType | None) -> int:
    items = sum(content.qty * _product_weight(session, content) for content in package.contents)
    return items + (box.tare_g + box.dunnage_g if box else 0)


def _product_weight(session: Session, content: PackageContent) -> int:
    """The weight of the product in the box (a substitute weighs what it weighs)."""
    product = session.get(Product, content.product_id)
    return product.weight_g if product is not None else 0


def job_file_name(kind: str, order_number: str, package_number: int | None, copy: int) -> str:
    """A file name without extension that says what the document is, for folder printers."""
    safe = "".join(c if c.isalnum() or c in "-_" else "_" for c in order_number)
    what = kind.replace("_", "-")
    if package_number is not None:
        what += f"-{package_number}"
    return f"{safe}-{what}" + (f"-copy{copy}" if copy > 1 else "")
