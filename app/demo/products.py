"""Products and their pick faces: names, sizes, prices and GS1 barcodes.

GTIN-13s use the GS1 restricted-circulation prefixes 20-29 and UPC-As number system 4
(in-store use), so demo codes can never be mistaken for a real product's.
"""

from __future__ import annotations

import math
from random import Random

from app.demo.catalogue import (
    BRANDS,
    CATEGORIES,
    COLOURS,
    FRAGILE_MATERIALS,
    GREEK_COLOURS,
    GREEK_ITEMS,
    MATERIAL_WEIGHT,
    ZONES,
    Category,
)
from app.demo.model import DemoLocation, DemoProduct

GREEK_EVERY = 25  # one product in this many has a Greek name
NAME_ATTEMPTS = 12
LOCATION_SLACK = 1.25  # empty pick faces per zone, as in a real warehouse
UPC_SHARE = 0.20
CASE_SHARE = 0.17  # of non-bulky products; about 15 % overall
MAX_DIMS_MM = (590, 390, 390)  # must fit the XL box's inner size
_ZONE_OF = {c.key: c.zone for c in CATEGORIES}


def gs1_check_digit(body: str) -> str:
    """The GS1 mod-10 check digit: weights 3, 1, 3, ... from the rightmost body digit."""
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(body)))
    return str(-total % 10)


def retail_price(cents: float) -> int:
    """Round to a shelf price: x.49 / x.99 below 10, whole x.99 above."""
    if cents < 1000:
        return max(99, int((cents + 25) // 50 * 50) - 1)
    return int((cents + 50) // 100 * 100) - 1


class _Spec:
    """A product before it has barcodes and a location."""

    __slots__ = ("category", "dims", "fragile", "name", "price", "upright", "weight", "zone")

    def __init__(
        self,
        name: str,
        category: str,
        dims: tuple[int, int, int],
        weight: int,
        price: int,
        fragile: bool,
        upright: bool,
    ) -> None:
        self.name, self.category, self.zone = name, category, _ZONE_OF[category]
        self.dims, self.weight, self.price = dims, weight, price
        self.fragile, self.upright = fragile, upright


def _jitter(rng: Random, value: float, limit: int = 1_000_000) -> int:
    return max(1, min(limit, round(value * rng.uniform(0.94, 1.06))))


def _from_template(rng: Random, category: Category) -> _Spec:
    item = rng.choice(category.items)
    material = rng.choice(item.materials)
    v = rng.randrange(len(item.variants))
    name = f"{rng.choice(item.adjectives)} {material} {item.noun} {item.variants[v]}"
    length, width, height = item.dims_mm
    grow = 1 + 0.1 * v
    dims = (
        _jitter(rng, length * grow, MAX_DIMS_MM[0]),
        _jitter(rng, width * grow, MAX_DIMS_MM[1]),
        _jitter(rng, height * (1 + 0.15 * v), MAX_DIMS_MM[2]),
    )
    weight = _jitter(rng, item.weight_g * (1 + 0.45 * v) * MATERIAL_WEIGHT.get(material, 1.0))
    price = retail_price(item.price_cents * (1 + 0.35 * v) * rng.uniform(0.9, 1.15))
    fragile = item.fragile or material in FRAGILE_MATERIALS
    return _Spec(name, category.key, dims, weight, price, fragile, item.upright)


def _greek(rng: Random, k: int) -> _Spec:
    name, category, (length, width, height), weight, price, fragile, upright = GREEK_ITEMS[
        k % len(GREEK_ITEMS)
    ]
    if k >= len(GREEK_ITEMS):  # the second round on: same item, another colour
        name = f"{name}, {rng.choice(GREEK_COLOURS)}"
    dims = (_jitter(rng, length), _jitter(rng, width), _jitter(rng, height))
    return _Spec(name, category, dims, _jitter(rng, weight), price, fragile, upright)


def _specs(rng: Random, count: int) -> list[_Spec]:
    """Names are kept unique while the word lists allow: after a few tries a colour is added,
    and if that fails too, a duplicate name is accepted (only for very large catalogues)."""
    weights = [c.share for c in CATEGORIES]
    specs: list[_Spec] = []
    names: set[str] = set()
    for i in range(count):
        greek = i % GREEK_EVERY == GREEK_EVERY // 2
        for attempt in range(NAME_ATTEMPTS):
            if greek:
                spec = _greek(rng, i // GREEK_EVERY)
            else:
                category = rng.choices(CATEGORIES, weights)[0]
                spec = _from_template(rng, category)
                if attempt >= NAME_ATTEMPTS // 3 and category.by_brand:
                    spec.name = f"{spec.name} ({rng.choice(BRANDS)})"
                elif attempt >= NAME_ATTEMPTS // 3:
                    spec.name = f"{spec.name}, {rng.choice(COLOURS)}"
            if spec.name not in names:
                break
        names.add(spec.name)
        specs.append(spec)
    return specs


def _locations(rng: Random, specs: list[_Spec]) -> tuple[list[DemoLocation], list[str]]:
    """Rack every zone big enough for its products plus slack; scatter products over it."""
    locations: list[DemoLocation] = []
    assigned = [""] * len(specs)
    for layout in ZONES:
        members = [i for i, s in enumerate(specs) if s.zone == layout.zone]
        per_aisle = layout.bays * layout.levels * layout.positions
        aisles = max(1, math.ceil(len(members) * LOCATION_SLACK / per_aisle))
        zone_locs = [
            DemoLocation(f"{layout.zone}-{a:02d}-{b:02d}-{lv}-{p}", layout.zone, a, b, lv, p)
            for a in range(1, aisles + 1)
            for b in range(1, layout.bays + 1)
            for lv in range(1, layout.levels + 1)
            for p in range(1, layout.positions + 1)
        ]
        for i, slot in zip(members, rng.sample(range(len(zone_locs)), len(members)), strict=True):
            assigned[i] = zone_locs[slot].code
        locations.extend(zone_locs)
    return locations, assigned


def _unique(rng: Random, seen: set[str], prefix: str, digits: int) -> str:
    """A fresh ``prefix`` + random digits + check digit not yet in ``seen``."""
    while True:
        body = f"{prefix}{rng.randrange(10**digits):0{digits}d}"
        code = body + gs1_check_digit(body)
        if code not in seen:
            seen.add(code)
            return code


def make_products(
    rng: Random, count: int
) -> tuple[tuple[DemoLocation, ...], tuple[DemoProduct, ...]]:
    """``count`` products, each on its own pick face, with valid, unique barcodes."""
    specs = _specs(rng, count)
    locations, assigned = _locations(rng, specs)
    seen: set[str] = set()
    products: list[DemoProduct] = []
    for i, spec in enumerate(specs):
        gtin13 = _unique(rng, seen, str(rng.randint(20, 29)), 10)
        upc12 = _unique(rng, seen, "4", 10) if rng.random() < UPC_SHARE else None
        case_gtin14: str | None = None
        case_units: int | None = None
        if spec.zone != "B" and rng.random() < CASE_SHARE:
            body = f"{rng.randint(1, 8)}{gtin13[:12]}"
            case_gtin14 = body + gs1_check_digit(body)
            case_units = rng.choice((6, 12, 24))
        length, width, height = spec.dims
        products.append(
            DemoProduct(
                sku=f"TS-{i + 1:06d}",
                name=spec.name,
                category=spec.category,
                length_mm=max(length, width),
                width_mm=min(length, width),
                height_mm=height,
                weight_g=spec.weight,
                fragile=spec.fragile,
                keep_upright=spec.upright,
                price_eur_cents=spec.price,
                gtin13=gtin13,
                upc12=upc12,
                case_gtin14=case_gtin14,
                case_units=case_units,
                location_code=assigned[i],
            )
        )
    return tuple(locations), tuple(products)
