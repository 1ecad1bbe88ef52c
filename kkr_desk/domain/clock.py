"""Times as text, in one place: the stored form (database and meeting file) and the Danish
clock form that documents print and people type ("10.25").

Times keep minutes only: a referat says "kl. 10.25", never seconds, so a value read back
is the value written.
"""

from __future__ import annotations

import datetime as dt
import re

_CLOCK = re.compile(r"^\s*(\d{1,2})(?:[.:](\d{2}))?\s*$")


def clock(value: dt.time) -> str:
    """A time as minutes say it: "10.25"."""
    return f"{value.hour:02d}.{value.minute:02d}"


def read_clock(text: str | None) -> dt.time | None:
    """ "10.25", "10:25" or "10" (as typed or printed) → a time; None for anything else,
    a time that does not exist ("25.70") included."""
    match = _CLOCK.match(text or "")
    if match is None:
        return None
    try:
        return dt.time(int(match.group(1)), int(match.group(2) or 0))
    except ValueError:
        return None


def time_text(value: dt.time | None) -> str | None:
    return None if value is None else value.isoformat(timespec="minutes")


def parse_time(text: str | None) -> dt.time | None:
    return None if text is None else dt.time.fromisoformat(text)


def datetime_text(value: dt.datetime | None) -> str | None:
    return None if value is None else value.isoformat(timespec="seconds")


def parse_datetime(text: str | None) -> dt.datetime | None:
    return None if text is None else dt.datetime.fromisoformat(text)
