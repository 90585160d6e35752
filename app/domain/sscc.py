"""Serial Shipping Container Codes (SSCC-18): the GS1 number on every shipping label.

An SSCC is an extension digit, the GS1 company prefix, a serial reference filling the rest of
17 digits, and a mod-10 check digit. Uniqueness across stations comes from the serial
reference: each station owns a block of it (``station_serial``), so two stations offline at
the same time can never allocate the same number.
"""

from __future__ import annotations

SSCC_LENGTH = 18


def gs1_check_digit(digits: str) -> int:
    """The GS1 mod-10 check digit of ``digits`` (weights 3,1,3,... from the right)."""
    if not digits.isdigit():
        raise ValueError(f"not digits: {digits!r}")
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(digits)))
    return (10 - total % 10) % 10


def is_valid_sscc(code: str) -> bool:
    return (
        len(code) == SSCC_LENGTH and code.isdigit() and gs1_check_digit(code[:-1]) == int(code[-1])
    )


def make_sscc(extension: int, company_prefix: str, serial: int) -> str:
    """The SSCC for ``serial`` under ``company_prefix``; refuses a serial that does not fit."""
    if not 0 <= extension <= 9:
        raise ValueError("the extension digit is 0-9")
    if not (company_prefix.isdigit() and 6 <= len(company_prefix) <= 12):
        raise ValueError(f"a GS1 company prefix has 6 to 12 digits, not {company_prefix!r}")
    width = SSCC_LENGTH - 2 - len(company_prefix)
    if not 0 <= serial < 10**width:
        raise ValueError(f"serial {serial} does not fit in {width} digits")
    body = f"{extension}{company_prefix}{serial:0{width}d}"
    return body + str(gs1_check_digit(body))


STATION_DIGITS = 3  # station numbers 0-999 lead the serial reference
MIN_COUNTER_DIGITS = 4  # at least 10,000 packages per station before its block runs out


class SsccRangeExhaustedError(ValueError):
    """This station has used every serial number of its block."""


def counter_digits(company_prefix: str) -> int:
    """How many digits of the serial reference count a station's packages."""
    return SSCC_LENGTH - 2 - len(company_prefix) - STATION_DIGITS


def layout_problem(company_prefix: str, station_number: int) -> str | None:
    """Why SSCCs cannot be made for this prefix and station number, or None."""
    if not (company_prefix.isascii() and company_prefix.isdigit()):
        return f"the GS1 company prefix must be digits, not {company_prefix!r}"
    if not 6 <= len(company_prefix) <= 12:
        return "the GS1 company prefix has 6 to 12 digits"
    if not 0 <= station_number < 10**STATION_DIGITS:
        return f"station numbers go from 0 to {10**STATION_DIGITS - 1}"
    if counter_digits(company_prefix) < MIN_COUNTER_DIGITS:
        return (
            f"a {len(company_prefix)}-digit GS1 company prefix leaves "
            f"{counter_digits(company_prefix)} digits per station for package numbers (at "
            f"least {MIN_COUNTER_DIGITS} are needed); use a prefix of at most "
            f"{SSCC_LENGTH - 2 - STATION_DIGITS - MIN_COUNTER_DIGITS} digits"
        )
    return None


def station_serial(company_prefix: str, station_number: int, counter: int) -> int:
    """The serial reference of this station's ``counter``-th package: the station number
    leads, so the blocks of two stations never overlap, even when both work offline."""
    problem = layout_problem(company_prefix, station_number)
    if problem is not None:
        raise ValueError(problem)
    digits = counter_digits(company_prefix)
    if not 0 <= counter < 10**digits:
        raise SsccRangeExhaustedError(
            f"station {station_number} has used all {10**digits:,} SSCCs of its block"
        )
    return station_number * int(10**digits) + counter
