"""One text form for times and timestamps, shared by the database and the meeting file.

Times keep minutes only: a referat says "kl. 10.25", never seconds, so a value read back
is the value written.
"""

from __future__ import annotations

import datetime as dt


def time_text(value: dt.time | None) -> str | None:
    return None if value is None else value.isoformat(timespec="minutes")


def parse_time(text: str | None) -> dt.time | None:
    return None if text is None else dt.time.fromisoformat(text)


def datetime_text(value: dt.datetime | None) -> str | None:
    return None if value is None else value.isoformat(timespec="seconds")


def parse_datetime(text: str | None) -> dt.datetime | None:
    return None if text is None else dt.datetime.fromisoformat(text)


def clock(value: dt.time) -> str:
    """A time as minutes say it: "10.25"."""
    return f"{value.hour:02d}.{value.minute:02d}"
