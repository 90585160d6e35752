"""Serial Shipping Container Codes (SSCC-18): the GS1 number on every shipping label.

An SSCC is an extension digit, the GS1 company prefix, a serial reference filling the rest of
17 digits, and a mod-10 check digit. Uniqueness across stations comes from the serial
reference: each station owns a block of it (``station_block``), so two stations offline at
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


def station_block(station_number: int, counter: int, block_digits: int = 6) -> int:
    """The serial reference for a station's ``counter``-th package: the station number leads,
    so blocks of stations never overlap."""
    if not 0 <= counter < 10**block_digits:
        raise ValueError("this station has used its whole block of serial numbers")
    return station_number * int(10**block_digits) + counter
