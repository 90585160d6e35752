"""Open customer orders: ship-to addresses, lines, money and the special (gift/VIP/
replacement) flags the kiosk has to notice.

Orders are drawn one after another from the same RNG, so the first N orders of a bigger
data set equal a data set of N orders (same seed and products).
"""

from __future__ import annotations

import bisect
import itertools
import string
from collections.abc import Sequence
from datetime import datetime, timedelta
from random import Random

from app.demo import places as pl
from app.demo.model import DemoOrder, DemoOrderLine, DemoProduct
from app.demo.products import retail_price

GIFT_SHARE, VIP_SHARE, REPLACEMENT_SHARE = 0.08, 0.05, 0.04
FAST_MOVER_SHARE = 0.3  # of line picks drawn from zone C
GREEK_SCRIPT_SHARE = 0.65  # of Greek addresses
CODE_ALPHABET = string.ascii_uppercase + string.digits
FIRST_NUMBER = 100_001


class _Weighted[T]:
    """``random.choices`` with the cumulative weights computed once."""

    def __init__(self, pairs: Sequence[tuple[T, int]]) -> None:
        self.items = [item for item, _ in pairs]
        self.cum = list(itertools.accumulate(weight for _, weight in pairs))

    def pick(self, rng: Random) -> T:
        return self.items[bisect.bisect_right(self.cum, rng.random() * self.cum[-1])]


class _ShipTo:
    __slots__ = ("address1", "address2", "city", "country", "name", "postcode", "region", "tax_bp")

    def __init__(
        self,
        name: str,
        address1: str,
        address2: str | None,
        city: str,
        postcode: str,
        region: str | None,
        country: str,
        tax_bp: int,
    ) -> None:
        self.name, self.address1, self.address2 = name, address1, address2
        self.city, self.postcode, self.region = city, postcode, region
        self.country, self.tax_bp = country, tax_bp


_COUNTRY = _Weighted([(c, share) for c, share, _, _ in pl.COUNTRIES])
_CURRENCY = {c: cur for c, _, cur, _ in pl.COUNTRIES}
_VAT = {c: vat for c, _, _, vat in pl.COUNTRIES}
_CHANNEL = _Weighted(pl.CHANNELS)
_CARRIER = {c: _Weighted([((n, s), w) for n, s, w in opts]) for c, opts in pl.CARRIERS.items()}
_QTY = _Weighted([(1, 70), (2, 18), (3, 8), (4, 4)])
_GB_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"  # letters used in an inward code's last two places


def _gr_ship_to(rng: Random, b2b: bool) -> _ShipTo:
    first, first_latin, gender = rng.choice(pl.GR_FIRST)
    male, female, male_latin, female_latin = rng.choice(pl.GR_LAST)
    city = rng.choice(pl.CITIES["GR"])
    low, high = city.postcodes
    assert isinstance(low, int) and isinstance(high, int)
    code = rng.randint(low, high)
    postcode = f"{code // 100:03d} {code % 100:02d}"
    street, street_latin = rng.choice(pl.GR_STREETS)
    number = rng.randint(1, 180)
    if rng.random() < GREEK_SCRIPT_SHARE:
        person = f"{first} {male if gender == 'm' else female}"
        address2 = rng.choice(pl.ADDRESS2["GR"]) if rng.random() < 0.25 else None
        company = f"{male} {pl.COMPANY_SUFFIX['GR']}"
        attention = pl.ATTENTION["GR"]
        address1, city_name, region = f"{street} {number}", city.name, city.region
    else:
        person = f"{first_latin} {male_latin if gender == 'm' else female_latin}"
        address2, company, attention = None, f"{male_latin} S.A.", "Attn:"
        address1, city_name, region = f"{street_latin} {number}", city.latin_name, city.latin_region
    if b2b:
        person, address2 = company, f"{attention} {person}"
    return _ShipTo(person, address1, address2, city_name, postcode, region, "GR", _VAT["GR"])


def _ship_to(rng: Random, country: str, b2b: bool) -> _ShipTo:
    if country == "GR":
        return _gr_ship_to(rng, b2b)
    last = rng.choice(pl.LAST_NAMES[country])
    person = f"{rng.choice(pl.FIRST_NAMES[country])} {last}"
    city = rng.choice(pl.CITIES[country])
    street = rng.choice(pl.STREETS[country])
    if country == "DE":
        address1 = f"{street} {rng.randint(1, 140)}{'a' if rng.random() < 0.08 else ''}"
    elif country == "US":
        address1 = f"{rng.randint(100, 9899)} {street}"
    else:
        address1 = f"{rng.randint(1, 220)} {street}"
    if isinstance(city.postcodes[0], str):  # GB outward codes
        inward = f"{rng.randint(1, 9)}{rng.choice(_GB_LETTERS)}{rng.choice(_GB_LETTERS)}"
        postcode = f"{rng.choice(city.postcodes)} {inward}"
    else:
        low, high = city.postcodes
        assert isinstance(low, int) and isinstance(high, int)
        postcode = f"{rng.randint(low, high):05d}"
    address2 = rng.choice(pl.ADDRESS2[country]) if rng.random() < 0.25 else None
    name = person
    if b2b:
        name, address2 = f"{last} {pl.COMPANY_SUFFIX[country]}", f"{pl.ATTENTION[country]} {person}"
    tax_bp = city.tax_bp or _VAT[country]
    return _ShipTo(name, address1, address2, city.name, postcode, city.region, country, tax_bp)


def _special_code(rng: Random, prefix: str, used: set[str]) -> str:
    while True:
        code = prefix + "".join(rng.choices(CODE_ALPHABET, k=6))
        if code not in used:
            used.add(code)
            return code


def _money(
    subtotal: int, carrier: tuple[str, str], currency: str, channel: str, tax_bp: int
) -> tuple[int, int]:
    """Shipping and tax in minor units; tax is charged on goods and shipping alike."""
    fx = pl.FX_FROM_EUR[currency]
    express = "Express" in carrier[1]
    if channel == "webshop" and not express and subtotal >= pl.FREE_SHIPPING_FROM_EUR * fx:
        shipping = 0
    else:
        shipping = round(pl.SHIPPING_EUR[carrier] * fx / 10) * 10
    tax = ((subtotal + shipping) * tax_bp + 5000) // 10_000
    return shipping, tax


def _pick(rng: Random, count: int, wanted: int, fast: Sequence[int]) -> list[int]:
    """Distinct product indexes, fast movers (zone C) over-represented as on a real floor."""
    chosen: list[int] = []
    while len(chosen) < wanted:
        if fast and rng.random() < FAST_MOVER_SHARE:
            idx = fast[rng.randrange(len(fast))]
        else:
            idx = rng.randrange(count)
        if idx not in chosen:
            chosen.append(idx)
    return chosen


SUBSTITUTE_SHARE = 8  # one line in about eight accepts a substitute


def _substitutes(order: int, line_no: int, idx: int, skus: Sequence[str]) -> tuple[str, ...]:
    """The neighbouring product (usually another variant of the same item) for some lines.

    Drawn from its own generator seeded by the order and line, so adding substitutes left
    every other demo value (and every test that knows one) as it was."""
    chance = Random(f"substitute-{order}-{line_no}")
    if chance.randrange(SUBSTITUTE_SHARE) or len(skus) < 2:
        return ()
    return (skus[idx + 1] if idx + 1 < len(skus) else skus[idx - 1],)


def _replacement(rng: Random, original: DemoOrder) -> tuple[_ShipTo, tuple[DemoOrderLine, ...]]:
    """Same customer, one or two of the original's items again, at no charge."""
    ship = _ShipTo(
        original.ship_name,
        original.ship_address1,
        original.ship_address2,
        original.ship_city,
        original.ship_postcode,
        original.ship_region,
        original.ship_country,
        0,
    )
    picked = rng.sample(original.lines, rng.randint(1, min(2, len(original.lines))))
    lines = tuple(
        DemoOrderLine(n, line.sku, rng.randint(1, line.qty), 0) for n, line in enumerate(picked, 1)
    )
    return ship, lines


def make_orders(
    rng: Random, products: Sequence[DemoProduct], count: int, now: datetime
) -> tuple[DemoOrder, ...]:
    """``count`` open orders numbered from SO-100001; ``now`` must be aware UTC."""
    skus = [p.sku for p in products]
    fast = [i for i, p in enumerate(products) if p.location_code.startswith("C-")]
    prices = {
        cur: [
            p.price_eur_cents if fx == 1.0 else retail_price(p.price_eur_cents * fx)
            for p in products
        ]
        for cur, fx in pl.FX_FROM_EUR.items()
    }
    base = now.replace(minute=0, second=0, microsecond=0)
    orders: list[DemoOrder] = []
    originals: list[int] = []  # indexes of orders a replacement may refer to
    used_codes: set[str] = set()
    for i in range(count):
        gift = rng.random() < GIFT_SHARE
        vip = rng.random() < VIP_SHARE
        replacement = bool(originals) and rng.random() < REPLACEMENT_SHARE
        replaces: str | None = None
        if replacement:
            original = orders[originals[rng.randrange(len(originals))]]
            replaces, channel, currency = original.number, original.channel, original.currency
            carrier = (original.carrier, original.service)
            ship, lines = _replacement(rng, original)
        else:
            originals.append(i)
            country = _COUNTRY.pick(rng)
            channel = _CHANNEL.pick(rng)
            currency = _CURRENCY[country]
            ship = _ship_to(rng, country, channel == "B2B")
            carrier = pl.EXPRESS[country] if vip else _CARRIER[country].pick(rng)
            chosen = _pick(rng, len(products), min(rng.randint(1, 12), len(products)), fast)
            price_list = prices[currency]
            lines = tuple(
                DemoOrderLine(
                    n, skus[idx], _QTY.pick(rng), price_list[idx], _substitutes(i, n, idx, skus)
                )
                for n, idx in enumerate(chosen, 1)
            )
        subtotal = sum(line.qty * line.unit_price_cents for line in lines)
        shipping, tax = (
            (0, 0) if replacement else _money(subtotal, carrier, currency, channel, ship.tax_bp)
        )
        if channel == "B2B" and not vip and not replacement and ship.country in ("DE", "FR"):
            # Business accounts pay a flat rate; the warehouse picks the service
            # (the station's shipping rule: cheapest that meets ship-by).
            carrier = pl.WAREHOUSE_CHOOSES
        hours = rng.randint(2, 24) if vip or replacement else rng.randint(3, 96)
        message = None
        if gift:
            lang = "el" if rng.random() < 0.15 else pl.GIFT_LANGUAGE[ship.country]
            message = rng.choice(pl.GIFT_MESSAGES[lang])
        prefix = "GFT-" if gift else "VIP-" if vip else "RPL-" if replacement else None
        orders.append(
            DemoOrder(
                number=f"SO-{FIRST_NUMBER + i}",
                channel=channel,
                currency=currency,
                subtotal_cents=subtotal,
                shipping_cents=shipping,
                tax_cents=tax,
                total_cents=subtotal + shipping + tax,
                ship_by=base + timedelta(hours=hours),
                carrier=carrier[0],
                service=carrier[1],
                ship_name=ship.name,
                ship_address1=ship.address1,
                ship_address2=ship.address2,
                ship_city=ship.city,
                ship_postcode=ship.postcode,
                ship_region=ship.region,
                ship_country=ship.country,
                gift=gift,
                vip=vip,
                replacement=replacement,
                special_code=_special_code(rng, prefix, used_codes) if prefix else None,
                replaces_order_number=replaces,
                gift_message=message,
                lines=lines,
            )
        )
    return tuple(orders)
