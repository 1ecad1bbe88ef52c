"""The next meeting of a committee, built from this one: same roster, the standing items.

Every KKR agenda opens and closes with the same few points; the secretary should not type
them again. Pure function: the store saves what it returns.
"""

from __future__ import annotations

import datetime as dt

from .model import (
    STANDARD_SECTIONS,
    AgendaGroup,
    AgendaItem,
    Attendance,
    AttendanceStatus,
    Meeting,
    Section,
)

DANISH_MONTHS = (
    "januar",
    "februar",
    "marts",
    "april",
    "maj",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "december",
)

MINUTES_APPROVAL = "godkendelse af referat"
STANDING_TITLES = (MINUTES_APPROVAL, "siden sidst", "punkter til næste møde", "eventuelt")
"""Lower-case title openings of the points every meeting carries over."""


def long_date(date: dt.date) -> str:
    """The date as a referat writes it in running text: "5. september 2024"."""
    return f"{date.day}. {DANISH_MONTHS[date.month - 1]} {date.year}"


def is_standing(title: str) -> bool:
    """Whether a group or item title names a point that recurs at every meeting."""
    lowered = title.strip().lower()
    return any(lowered.startswith(opening) for opening in STANDING_TITLES)


def minutes_approval_title(previous: dt.date) -> str:
    return f"Godkendelse af referat fra mødet den {long_date(previous)}"


def next_meeting(meeting: Meeting, date: dt.date) -> Meeting:
    """A new, empty agenda for ``date`` with this meeting's roster and standing points.

    Nobody is registered yet, no section has text, and the minutes-approval item points at
    ``meeting``'s date.
    """
    groups = []
    for group in meeting.groups:
        items = [_fresh_item(item, meeting.date) for item in group.items if is_standing(item.title)]
        if items or is_standing(group.title):
            groups.append(AgendaGroup(group.title, items))
    if not any(group.title.strip().lower().startswith(MINUTES_APPROVAL) for group in groups):
        groups.insert(0, AgendaGroup("Godkendelse af referat", []))
    approval = groups[0] if groups[0].title.lower().startswith(MINUTES_APPROVAL) else None
    if approval is not None and not approval.items:
        approval.items.append(_fresh_item(AgendaItem(MINUTES_APPROVAL), meeting.date))
    return Meeting(
        committee=meeting.committee,
        date=date,
        place=meeting.place,
        mission=meeting.mission,
        vision=meeting.vision,
        attendance=[
            Attendance(person=entry.person, status=AttendanceStatus.UNREGISTERED)
            for entry in meeting.attendance
        ],
        groups=groups,
    )


def _fresh_item(item: AgendaItem, previous: dt.date) -> AgendaItem:
    title = item.title
    if title.strip().lower().startswith(MINUTES_APPROVAL):
        title = minutes_approval_title(previous)
    headings = [section.heading for section in item.sections] or list(STANDARD_SECTIONS)
    return AgendaItem(
        title=title,
        case_number=item.case_number,
        case_officers=item.case_officers,
        sections=[Section(heading) for heading in headings],
    )
