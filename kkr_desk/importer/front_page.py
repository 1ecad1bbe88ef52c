"""Read the meeting's own facts: kind, committee, date, time, place, Mission and Vision.

KL's front page prints the kind and the committee in letter-spaced capitals
("R E F E R A T  2 0 2 4", "K K R  M I D T J Y L L A N D"), then "Dato: 05-09-2024 kl. 10:00"
and "Sted: …". Inner pages may carry a running header "KKR Hovedstaden | 23-02-2015".
Older or shortened extractions lack some of it; then the text itself is the best witness.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field

from ..domain import MeetingKind
from ..domain.clock import read_clock
from .hyphenation import join_lines

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("januar", "jan"),
            ("februar", "feb"),
            ("marts", "mar"),
            ("april", "apr"),
            ("maj",),
            ("juni", "jun"),
            ("juli", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("oktober", "okt"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_NUMERIC_DATE = re.compile(r"\b(?P<day>\d{1,2})[-./](?P<month>\d{1,2})[-./](?P<year>\d{4})\b")
_ISO_DATE = re.compile(r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})\b")
_WORD_DATE = re.compile(
    r"\b(?P<day>\d{1,2})\.\s*(?P<month>[a-zæøå]+)\.?\s+(?P<year>\d{4})\b", re.IGNORECASE
)
_TIME = r"(?P<{name}>\d{{1,2}}[.:]\d{{2}})"
DATE_LINE = re.compile(r"^(?:mødedato|dato|tidspunkt)\s*:?\s*(?P<rest>.+)$", re.IGNORECASE)
PLACE_LINE = re.compile(r"^(?:sted|mødested)\s*:?\s*(?P<place>.*)$", re.IGNORECASE)
TIME_SPAN = re.compile(
    r"kl\.?\s*" + _TIME.format(name="start") + r"(?:\s*(?:[-–]|til)\s*(?:kl\.?\s*)?"
    + _TIME.format(name="end") + r")?",
    re.IGNORECASE,
)
BEGAN_ENDED = re.compile(
    r"mødet\s+(?:begyndte|startede)\s+kl\.?\s*" + _TIME.format(name="start")
    + r"(?:\s+og\s+(?:sluttede|afsluttedes|slut)\s+kl\.?\s*" + _TIME.format(name="end") + r")?",
    re.IGNORECASE,
)
RUNNING_HEADER = re.compile(
    r"^(?P<committee>[^|]{3,60}?)\s*\|\s*(?P<date>\d{1,2}[-./]\d{1,2}[-./]\d{4})$"
)
_KIND_WORDS = {"REFERAT": MeetingKind.REFERAT, "DAGSORDEN": MeetingKind.DAGSORDEN}
_COMMITTEE_IN_TEXT = re.compile(r"\bKKR[ -](?P<region>[A-ZÆØÅ][a-zæøå]+)")
KNOWN_REGIONS = ("Hovedstaden", "Sjælland", "Syddanmark", "Midtjylland", "Nordjylland")


@dataclass
class FrontPage:
    """What the front page and running headers said; None or "" where they said nothing."""

    kind: MeetingKind | None = None
    committee: str = ""
    date: dt.date | None = None
    start_time: dt.time | None = None
    end_time: dt.time | None = None
    place: str = ""
    mission: str = ""
    vision: str = ""
    notes: list[str] = field(default_factory=list)


def parse_date(text: str) -> dt.date | None:
    """The first date in a text: "05-09-2024", "2024-09-05" or "5. september 2024"."""
    for pattern in (_ISO_DATE, _NUMERIC_DATE):
        match = pattern.search(text)
        if match:
            return _date(match.group("year"), match.group("month"), match.group("day"))
    match = _WORD_DATE.search(text)
    if match and match.group("month").lower() in MONTHS:
        return _date(match.group("year"), MONTHS[match.group("month").lower()], match.group("day"))
    return None


def _date(year, month, day) -> dt.date | None:
    try:
        return dt.date(int(year), int(month), int(day))
    except ValueError:
        return None


def despaced(text: str) -> str:
    """"R E F E R A T 2 0 2 4" → "REFERAT2024" when the line is letter-spaced, else ''."""
    tokens = text.split()
    if len(tokens) >= 4 and sum(len(token) == 1 for token in tokens) / len(tokens) > 0.7:
        return "".join(tokens)
    return ""


def title_line(text: str, front: FrontPage) -> bool:
    """Read a title-block line into ``front``; True when the line was one."""
    compact = despaced(text) or (text.replace(" ", "") if text.isupper() else "")
    upper = compact.upper()
    for word, kind in _KIND_WORDS.items():
        if upper.startswith(word) and (len(upper) == len(word) or upper[len(word):].isdigit()):
            front.kind = kind
            return True
    if upper.startswith("KKR") and len(upper) > 3 and upper[3:].isalpha():
        front.committee = "KKR " + upper[3:].capitalize()
        return True
    return False


def read_front_page(lines: list[str]) -> FrontPage:
    """Kind, committee, date, time, place, Mission and Vision from the lines before the agenda."""
    front = FrontPage()
    statement: str | None = None
    place_open = False
    for text in lines:
        text = text.strip()
        if not text:
            place_open = False
            if statement is not None and getattr(front, statement):
                statement = None  # the statement's paragraph has ended
            continue
        if title_line(text, front):
            continue
        if text.lower() in ("indholdsfortegnelse", "indhold", "deltagerfortegnelse"):
            statement, place_open = None, False
            continue
        if (match := DATE_LINE.match(text)) is not None:
            read_date_and_time(match.group("rest"), front)
            continue
        if (match := PLACE_LINE.match(text)) is not None:
            front.place = match.group("place").strip()
            place_open = True
            continue
        if place_open and not text.lower().startswith(("mission", "vision")):
            separator = " " if front.place.endswith(",") else ", "
            front.place = f"{front.place}{separator}{text}" if front.place else text
            continue
        if text.lower() in ("mission", "vision"):
            statement = text.lower()
            continue
        if statement is not None:
            setattr(front, statement, join_lines(getattr(front, statement), text))
            continue
    return front


def read_date_and_time(text: str, front: FrontPage) -> None:
    front.date = parse_date(text) or front.date
    span = TIME_SPAN.search(text)
    if span:
        front.start_time = read_clock(span.group("start"))
        front.end_time = read_clock(span.group("end")) or front.end_time


def read_meeting_times(text: str, front: FrontPage) -> bool:
    """"Mødet begyndte kl. 10.00 og sluttede kl. 12.25" anywhere in the document."""
    match = BEGAN_ENDED.search(text)
    if not match:
        return False
    front.start_time = read_clock(match.group("start")) or front.start_time
    front.end_time = read_clock(match.group("end")) or front.end_time
    return True


def committee_from_text(texts: list[str]) -> str:
    """The KKR the document talks about most ("KKR Midtjylland"), or ''."""
    counts = Counter(
        match.group("region")
        for text in texts
        for match in _COMMITTEE_IN_TEXT.finditer(text)
        if match.group("region") in KNOWN_REGIONS
    )
    if not counts:
        return ""
    return "KKR " + counts.most_common(1)[0][0]
