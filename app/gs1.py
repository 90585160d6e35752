"""GS1 element strings, their (AI) text form and GS1 Digital Link URIs, read into plain values.

biip knows the AI table, the patterns, the dates and the check digits. It reports a problem
as a parser's sentence ("Failed to match '17251340' with GS1 AI (17) pattern '^17(...'"),
and it reports a wrong check digit inside (01) or (00) only in a side field. So this
module walks a message one element at a time with biip and turns each kind of failure into
one sentence an operator can act on, naming the AI: "(17) 251340 is not a valid date".

biip is imported inside the functions: loading its tables takes ~100 ms, which the kiosk's
start-up must not pay (``app.scanning.warm_up`` loads it once the window shows).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING
from urllib.parse import parse_qsl, unquote, urlsplit

if TYPE_CHECKING:
    from collections.abc import Iterable

    from biip import ParseConfig
    from biip.gs1_application_identifiers import GS1ApplicationIdentifier
    from biip.gs1_element_strings import GS1ElementString

GS = "\x1d"  # group separator: what scanners send for an FNC1 between fields
_KEYS = {"01": 14, "00": 18}  # the keys Tote looks up, and their digit counts
_HRI_PAIR = re.compile(r"\(([0-9]{2,4})\)([^()]*)")
_SIMPLE_FORMAT = re.compile(r"([NX])(\.\.)?(\d+)")


class Gs1Error(ValueError):
    """A GS1 code that cannot be read; its text is one operator-facing English sentence."""


@dataclass(frozen=True, slots=True)
class Gs1Data:
    """What a GS1 code says. ``elements`` keeps every (AI, value) in scan order, so AIs Tote
    does not use yet are not lost; the fields are the ones it does use."""

    elements: tuple[tuple[str, str], ...] = ()
    sscc: str | None = None  # (00), 18 digits
    lot: str | None = None  # (10)
    expiry: date | None = None  # (17); day 00 means the month's last day
    serial: str | None = None  # (21)
    count: int | None = None  # (37) trade items in a logistic unit
    net_weight_g: Decimal | None = None  # (310n) kilograms with n decimals, in grams

    @property
    def gtin14(self) -> str | None:
        """The (01) GTIN, already 14 digits."""
        return self.value("01")

    def value(self, ai: str) -> str | None:
        return next((v for a, v in self.elements if a == ai), None)

    def as_hri(self) -> str:
        """The printed form, "(01)09501101530003(10)AB12", for screens and logs."""
        return "".join(f"({ai}){value}" for ai, value in self.elements)


def _config() -> ParseConfig:
    from biip import ParseConfig

    return ParseConfig(separator_chars=[GS])


def read_element_string(data: str) -> Gs1Data:
    """An element string as scanners send it (no AIM id): fields, GS after variable ones.

    A GS in first position (FNC1 sent as GS by some scanners) is ignored.
    """
    from biip import ParseError
    from biip.gs1_application_identifiers import GS1ApplicationIdentifier
    from biip.gs1_element_strings import GS1ElementString

    config = _config()
    rest = data.lstrip(GS)
    if not rest:
        raise Gs1Error("The GS1 barcode carries no data.")
    elements: list[GS1ElementString] = []
    while rest:
        try:
            ai = GS1ApplicationIdentifier.extract(rest)
        except ParseError:
            last = elements[-1] if elements else None
            after = f" after ({last.ai.ai}) {_clip(last.value)}" if last else ""
            raise Gs1Error(
                f"“{_clip(rest)}”{after} is not a GS1 application identifier"
                " (a separator may be missing, or a character GS1 does not allow)."
            ) from None
        try:
            element = GS1ElementString.extract(rest, config=config)
        except ParseError:
            raise Gs1Error(_field_problem(ai, rest[len(ai) :].split(GS, 1)[0])) from None
        elements.append(element)
        rest = rest[len(element) :].lstrip(GS)
    return _collect(elements)


def read_hri(text: str) -> Gs1Data:
    """The printed "(01)…(10)…" form: typed by an operator, or sent by some decoders."""
    hri = "".join(text.split())
    pairs: list[tuple[str, str]] = _HRI_PAIR.findall(hri)
    if not pairs or "".join(f"({a}){d}" for a, d in pairs) != hri:
        raise Gs1Error(f"“{_clip(hri)}” is not in the GS1 form (AI)data(AI)data.")
    return _collect(_element(ai, data) for ai, data in pairs)


def read_digital_link(uri: str) -> Gs1Data:
    """A GS1 Digital Link URI (https://<any host>/01/<GTIN>/10/<lot>?17=<date>)."""
    from biip import ParseError
    from biip.gs1_digital_link_uris import GS1DigitalLinkURI

    try:
        link = GS1DigitalLinkURI.parse(uri, config=_config())
    except ParseError as exc:
        raise Gs1Error(_link_problem(uri, str(exc))) from None
    except ValueError:  # urlsplit: e.g. an unbalanced "[" in the host
        raise Gs1Error("The GS1 link is not a valid web address.") from None
    return _collect(link.element_strings)


def has_link_key(uri: str) -> bool:
    """A web address whose path names a GTIN or SSCC (/01/ or /00/): meant as a GS1 link."""
    try:
        path = urlsplit(uri).path
    except ValueError:
        return False
    return any(segment in _KEYS for segment in path.split("/"))


# -- elements ------------------------------------------------------------------------------


def _element(ai_text: str, data: str) -> GS1ElementString:
    """Exactly one element, e.g. from "(17)251231": the whole data must fit the AI."""
    from biip import ParseError
    from biip.gs1_application_identifiers import GS1ApplicationIdentifier
    from biip.gs1_element_strings import GS1ElementString

    try:
        ai = GS1ApplicationIdentifier.extract(ai_text + data)
    except ParseError:
        ai = None
    if ai is None or ai.ai != ai_text:
        raise Gs1Error(f"({ai_text}) is not a GS1 application identifier.")
    try:
        return GS1ElementString.parse(ai_text + data, config=_config())
    except ParseError:
        raise Gs1Error(_field_problem(ai, data)) from None


def _collect(elements: Iterable[GS1ElementString]) -> Gs1Data:
    first: dict[str, GS1ElementString] = {}
    for element in elements:
        ai = element.ai.ai
        if not element.value.isascii():  # biip's patterns take \d, which is any digit
            raise Gs1Error(f"({ai}) “{_clip(element.value)}” has characters GS1 does not allow.")
        problem = _key_problem(element)
        if problem:
            raise Gs1Error(problem)
        seen = first.setdefault(ai, element)
        if seen.value != element.value:  # the same AI twice must carry the same value
            raise Gs1Error(f"({ai}) appears twice, as {seen.value} and as {element.value}.")
    weight = next((e for ai, e in first.items() if ai.startswith("310")), None)
    count = first.get("37")
    expiry = first.get("17")
    return Gs1Data(
        elements=tuple((ai, e.value) for ai, e in first.items()),
        sscc=_value(first, "00"),
        lot=_value(first, "10"),
        expiry=expiry.date if expiry is not None else None,
        serial=_value(first, "21"),
        count=int(count.value) if count is not None else None,
        net_weight_g=(
            Decimal(int(weight.value)).scaleb(3 - int(weight.ai.ai[3]))
            if weight is not None
            else None
        ),
    )


def _value(elements: dict[str, GS1ElementString], ai: str) -> str | None:
    element = elements.get(ai)
    return element.value if element is not None else None


def _key_problem(element: GS1ElementString) -> str | None:
    """biip parses (01), (02), (00) and (41x) values but keeps their check-digit error aside."""
    from biip.checksums import gs1_standard_check_digit

    error = element.gtin_error or element.sscc_error or element.gln_error
    if error is None:
        return None
    ai, value = element.ai.ai, element.value
    if value.isdigit() and len(value) > 1:
        expected = gs1_standard_check_digit(value[:-1])
        if int(value[-1]) != expected:
            return f"({ai}) {value} has a wrong check digit: it should end in {expected}."
    return f"({ai}) {value} is not valid: {error}"


def _field_problem(ai: GS1ApplicationIdentifier, field: str) -> str:
    data_format = ai.format.split("+", 1)[-1]
    if "YYMMDD" in ai.description:
        fixed = _SIMPLE_FORMAT.match(data_format)
        width = int(fixed[3]) if fixed and not fixed[2] else 6
        if len(field) >= width and field[:width].isdigit():
            return f"({ai.ai}) {field[:width]} is not a valid date ({_date_layout(ai)})."
    if not field:
        return f"({ai.ai}) is empty: it should be {_describe(data_format)}."
    return f"({ai.ai}) “{_clip(field)}” should be {_describe(data_format)}."


def _date_layout(ai: GS1ApplicationIdentifier) -> str:
    found = re.search(r"\((YYMMDD[^)]*)\)", ai.description)
    return found[1] if found else "YYMMDD"


def _describe(data_format: str) -> str:
    """N14 -> "14 digits", X..20 -> "up to 20 characters"; other formats as they are."""
    simple = _SIMPLE_FORMAT.fullmatch(data_format)
    if simple is None:
        return f"in the format {data_format}"
    kind = "digit" if simple[1] == "N" else "character"
    n = int(simple[3])
    return f"{'up to ' if simple[2] else ''}{n} {kind}{'s' if n != 1 else ''}"


def _clip(text: str, width: int = 24) -> str:
    shown = text.replace(GS, "<GS>")
    return shown if len(shown) <= width else shown[: width - 1] + "…"


# -- links ---------------------------------------------------------------------------------


def _link_problem(uri: str, biip_message: str) -> str:
    """Find the element biip stumbled on, to name it; else say what the link lacks."""
    for ai, value in _link_pairs(uri):
        try:
            _element(ai, value)
        except Gs1Error as exc:
            return str(exc)
    if "primary identifier" in biip_message:
        return "The GS1 link names no product or unit: it has no /01/ (GTIN) or /00/ (SSCC)."
    qualifier = re.search(r"qualifier, got '([^']*)'", biip_message)
    if qualifier:
        return (
            f"The GS1 link's /{qualifier[1]}/ part is not one this station reads: the link"
            " should name its fields by number, such as /10/ for the lot."
        )
    return f"The GS1 link could not be read: {biip_message}"


def _link_pairs(uri: str) -> list[tuple[str, str]]:
    """Numeric (AI, value) pairs from the path, from its first key on, and from the query."""
    parts = urlsplit(uri)
    segments = [unquote(s) for s in parts.path.split("/")]
    start = next((i for i, s in enumerate(segments) if s in _KEYS), None)
    pairs: list[tuple[str, str]] = []
    if start is not None:
        path = segments[start:]
        pairs = list(zip(path[::2], path[1::2], strict=False))
    pairs += parse_qsl(parts.query)
    return [
        (ai, value.zfill(_KEYS[ai]) if ai in _KEYS and value.isdigit() else value)
        for ai, value in pairs
        if ai.isdigit()
    ]
