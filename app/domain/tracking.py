"""Tracking numbers from a range the carrier gave this shipper, station by station.

Carriers hand volume shippers a block of tracking numbers to print offline (as GS1 hands out
SSCC serials); a station numbers its parcels from its own slice, so two stations never
issue the same number and the floor keeps labelling while the network is down. The
number is ``<prefix><station, 3 digits><counter, 8 digits><check digit>``, the check digit
by the Luhn rule, which catches any single mistyped digit when a number is keyed in.
"""

from __future__ import annotations

MAX_COUNTER = 10**8 - 1


def luhn_digit(digits: str) -> int:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return (10 - total % 10) % 10


def tracking_number(prefix: str, station_number: int, counter: int) -> str:
    if not 0 <= station_number <= 999:
        raise ValueError("the station number must be 0-999")
    if not 1 <= counter <= MAX_COUNTER:
        raise ValueError("this station's tracking range is used up")
    body = f"{station_number:03d}{counter:08d}"
    return f"{prefix}{body}{luhn_digit(body)}"


def is_valid_tracking(number: str, prefix: str) -> bool:
    body = number.removeprefix(prefix)
    if not number.startswith(prefix) or len(body) != 12 or not body.isdigit():
        return False
    return luhn_digit(body[:-1]) == int(body[-1])
