"""The record of each item: who took part, who was inhabil, the vote and the remarks.

Pure rules over the Meeting. Presence is derived, never stored: a member present at the
meeting took part in an item unless their events say they had not yet come or had gone
(see ``PresenceEvent`` for which item an event concerns), or they were inhabil. Only the
elected members (politicians) are counted: they are the ones who vote.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import Enum

from .model import (
    AgendaItem,
    Attendance,
    AttendanceStatus,
    ItemStatus,
    Meeting,
    Person,
    PresenceEvent,
    PresenceKind,
    ProtocolRemark,
    Vote,
    VoteChoice,
    VoteLine,
)


class RecordError(ValueError):
    """A record the rules refuse; the message is Danish and for the user."""


class AbsenceReason(str, Enum):
    NOT_ARRIVED = "ikke ankommet"
    LEFT = "gik"
    INHABIL = "inhabil"
    APOLOGY = "afbud"


@dataclass(frozen=True)
class Absence:
    entry: Attendance
    reason: AbsenceReason
    at: dt.time | None = None
    """The time of the arrival still to come or of the departure."""


@dataclass(frozen=True)
class ItemPresence:
    """Who of the members took part in one item, and why the others did not."""

    present: tuple[Attendance, ...]
    absent: tuple[Absence, ...]

    def parties(self) -> dict[str, int]:
        """Party letter → members of it present, in the order met."""
        counts: dict[str, int] = {}
        for entry in self.present:
            if entry.person.party:
                counts[entry.person.party] = counts.get(entry.person.party, 0) + 1
        return counts


def item_positions(meeting: Meeting) -> dict[int, int]:
    """``id(item)`` → its 0-based position in agenda order."""
    return {id(item): position for position, item in enumerate(meeting.items)}


def _event_position(event: PresenceEvent, positions: dict[int, int], count: int) -> int:
    if event.item is None:
        return 0 if event.comes else count
    return positions.get(id(event.item), 0 if event.comes else count)


def presence(meeting: Meeting, item: AgendaItem) -> ItemPresence:
    """The members present for ``item`` and the absent ones with their reason."""
    positions = item_positions(meeting)
    where = positions[id(item)]
    count = len(positions)
    present: list[Attendance] = []
    absent: list[Absence] = []
    for entry in meeting.attendance:
        if not entry.person.is_politician:
            continue
        if entry.status is AttendanceStatus.APOLOGY:
            absent.append(Absence(entry, AbsenceReason.APOLOGY))
            continue
        if entry.status is not AttendanceStatus.PRESENT:
            continue
        here, last = _here_for(entry, where, positions, count)
        if not here:
            reason = AbsenceReason.NOT_ARRIVED if last is None or last.comes else AbsenceReason.LEFT
            at = _next_arrival(entry).at if last is None else last.at
            absent.append(Absence(entry, reason, at))
        elif any(person == entry.person for person in item.inhabil):
            absent.append(Absence(entry, AbsenceReason.INHABIL))
        else:
            present.append(entry)
    return ItemPresence(tuple(present), tuple(absent))


def _here_for(
    entry: Attendance, where: int, positions: dict[int, int], count: int
) -> tuple[bool, PresenceEvent | None]:
    """Whether the person was there for the item at ``where``, and the last event before it."""
    last = None
    for event in entry.events:
        if _event_position(event, positions, count) <= where:
            last = event
    if last is None:
        late = bool(entry.events) and entry.events[0].kind is PresenceKind.ARRIVED
        return not late, None
    return last.comes, last


def _next_arrival(entry: Attendance) -> PresenceEvent:
    return entry.events[0]


def present_for(meeting: Meeting, item: AgendaItem, person: Person) -> bool:
    return any(entry.person == person for entry in presence(meeting, item).present)


# Attendance over time -----------------------------------------------------------------


def current_item(meeting: Meeting) -> AgendaItem | None:
    """The first item an event "now" concerns: the one under behandling, else the next one.

    With several under behandling (one taken up and left open), the one taken up last; at
    the same second the later in the agenda; without taken-up times the first.
    """
    items = meeting.items
    open_items = [item for item in items if item.status is ItemStatus.IN_PROGRESS]
    stamped = [(item.taken_up_at, row, item) for row, item in enumerate(open_items)
               if item.taken_up_at is not None]
    if stamped:
        return max(stamped, key=lambda entry: entry[:2])[2]
    if open_items:
        return open_items[0]
    return next((item for item in items if item.status is not ItemStatus.DECIDED), None)


def next_event_kind(entry: Attendance, *, coming: bool) -> PresenceKind:
    """What "Kom nu" or "Gik nu" means for this person; RecordError if it cannot happen."""
    gone = bool(entry.events) and entry.events[-1].kind is PresenceKind.LEFT
    if coming:
        if gone:
            return PresenceKind.RETURNED
        if not entry.events:
            return PresenceKind.ARRIVED
        raise RecordError(f"{entry.person.name} er allerede til stede")
    if gone:
        raise RecordError(f"{entry.person.name} har allerede forladt mødet")
    return PresenceKind.LEFT


def check_events(entry: Attendance, events: list[PresenceEvent]) -> None:
    """An arrival only first, a return only after a departure, and times that run forward."""
    away = False
    previous: dt.time | None = None
    for position, event in enumerate(events):
        name = entry.person.name
        if event.kind is PresenceKind.ARRIVED and position:
            raise RecordError(f"{name} kan kun ankomme én gang; brug »kom tilbage«")
        if event.kind is PresenceKind.RETURNED and not away:
            raise RecordError(f"{name} kan ikke komme tilbage uden først at være gået")
        if event.kind is PresenceKind.LEFT and away:
            raise RecordError(f"{name} er allerede gået")
        away = event.kind is PresenceKind.LEFT
        if event.at is not None:
            if previous is not None and event.at < previous:
                raise RecordError(f"tidspunkterne for {name} skal følge hinanden")
            previous = event.at


# Inhabilitet, votes, remarks ----------------------------------------------------------


def check_inhabil(meeting: Meeting, item: AgendaItem, person: Person) -> None:
    if not person.is_politician:
        raise RecordError(f"{person.name} er ikke medlem og kan ikke erklære sig inhabil")
    if not present_for(meeting, item, person):
        raise RecordError(f"{person.name} er ikke til stede under punktet")


def check_vote(meeting: Meeting, item: AgendaItem, vote: Vote) -> None:
    """The vote fits who was present for the item; RecordError with the reason if not."""
    here = presence(meeting, item)
    parties = here.parties()
    total = sum(line.count for line in vote.lines)
    if any(line.count < 0 for line in vote.lines):
        raise RecordError("et stemmetal kan ikke være negativt")
    if total > len(here.present):
        raise RecordError(
            f"der er afgivet {total} stemmer, men kun {len(here.present)} medlemmer er til "
            "stede under punktet"
        )
    by_party: dict[str, int] = {}
    voters: list[Person] = []
    for line in vote.lines:
        if line.person is not None:
            if not any(entry.person == line.person for entry in here.present):
                raise RecordError(f"{line.person.name} er ikke til stede under punktet")
            if line.person in voters:
                raise RecordError(f"{line.person.name} har stemt mere end én gang")
            voters.append(line.person)
            continue
        if line.party not in parties:
            raise RecordError(f"ingen fra {line.party or '(intet parti)'} er til stede under punktet")
        by_party[line.party] = by_party.get(line.party, 0) + line.count
    for party, votes in by_party.items():
        if votes > parties[party]:
            raise RecordError(
                f"{party} har {votes} stemmer, men kun {parties[party]} til stede under punktet"
            )


def party_vote(
    meeting: Meeting, item: AgendaItem, for_: str = "", against: str = "", abstain: str = ""
) -> Vote:
    """A vote typed by party: "A, C, V" (each party with all its members present for the
    item) or with counts, "A 3, C 2"; the counts are checked by ``check_vote``."""
    parties = presence(meeting, item).parties()
    lines = []
    for choice, typed in (
        (VoteChoice.FOR, for_),
        (VoteChoice.AGAINST, against),
        (VoteChoice.ABSTAIN, abstain),
    ):
        for token in (part.split() for part in typed.split(",")):
            if not token:
                continue
            letter = token[0]
            if len(token) > 2 or (len(token) == 2 and not token[1].isdigit()):
                raise RecordError(f"»{' '.join(token)}« er ikke et parti med et antal, fx »A 3«")
            if letter not in parties:
                raise RecordError(f"ingen fra {letter} er til stede under punktet")
            count = int(token[1]) if len(token) == 2 else parties[letter]
            lines.append(VoteLine(choice, party=letter, count=count))
    vote = Vote(lines)
    check_vote(meeting, item, vote)
    return vote


def check_remark(remark: ProtocolRemark) -> None:
    if not remark.text.strip():
        raise RecordError("protokolbemærkningen er tom")
    if not remark.who.strip():
        raise RecordError("skriv, hvem der ønsker bemærkningen ført til protokol")


def with_clock(
    events: list[PresenceEvent], *, arrived: bool, at: dt.time | None
) -> list[PresenceEvent]:
    """The events after the Ankom or Gik column is edited: the first arrival's or the last
    departure's time changes; a new one is added (without an item), or None removes it."""
    events = list(events)
    kind = PresenceKind.ARRIVED if arrived else PresenceKind.LEFT
    position = 0 if arrived else len(events) - 1
    existing = bool(events) and events[position].kind is kind
    if at is None:
        if existing:
            del events[position]
        return events
    if existing:
        events[position] = PresenceEvent(kind, at, events[position].item)
    elif arrived:
        events.insert(0, PresenceEvent(kind, at))
    else:
        events.append(PresenceEvent(kind, at))
    return events
