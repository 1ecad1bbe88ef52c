"""Restore the record of each item from a referat's sentences, as data and not decision text.

The Beslutning section of an item may begin or end with the sentences of
``domain/record_text`` (or the common variants of other minutes): inhabilitet, absence
from the item, the vote, protokolbemærkninger. They are taken out of the text and become
the item's record; the events named by item number in the Deltagerfortegnelse get their
items. An absence the events already explain was derived by the writer and is dropped; one
they do not explain, for a member without events, becomes a departure and a return.
"""

from __future__ import annotations

import re

from ..domain import (
    BESLUTNING,
    AgendaItem,
    Attendance,
    Meeting,
    PresenceEvent,
    PresenceKind,
    ProtocolRemark,
    Vote,
    VoteLine,
)
from ..domain.agenda import numbered_items
from ..domain.record import presence
from ..domain.record_text import (
    INHABIL_FORM,
    REMARK_FORM,
    VOTE_HEADS,
    VOTE_PART,
    short_number,
)
from .participant_list import PendingItem

CHOICES = {head.split()[0]: choice for choice, head in VOTE_HEADS.items()}
""""For", "Imod", "Undlod" → the choice."""
NAMED_VOTER = re.compile(r"^(?P<name>[^()]+?)\s*\((?P<party>[^()]{1,5})\)$")
ABSENT_ITEMS = re.compile(
    r"^(?P<name>[^()]+?)(?:\s*\((?P<party>[^()]{1,5})\))?\s+(?:deltog|medvirkede) ikke "
    r"(?:under|i|ved) (?:behandlingen af )?(?:punkterne|punkt|pkt\.)\s*(?P<numbers>[\d.,\s–-]+"
    r"(?:\s*og\s*[\d.]+)?)\.?$"
)


def restore_record(
    meeting: Meeting, pending: list[PendingItem], warnings: list[str], *, sentences: bool
) -> None:
    """Give pending events their items; with ``sentences`` (a referat) read every item's
    record sentences into its record."""
    numbered = [(short_number(number), item) for number, item in numbered_items(meeting)]
    by_number = {number: item for number, item in numbered}
    items = [item for _, item in numbered]
    for want in pending:
        item = _event_item(want, by_number, items)
        if item is None:
            warnings.append(f"Punkt {want.number} i deltagerlisten findes ikke på dagsordenen")
            continue
        event = want.entry.events[want.position]
        want.entry.events[want.position] = PresenceEvent(event.kind, event.at, item)
    if not sentences:
        return
    people = {_key(entry.person.name): entry for entry in meeting.attendance}
    missed: dict[int, list[int]] = {}
    for position, item in enumerate(items):
        section = item.section(BESLUTNING)
        if section is None:
            continue
        kept = []
        for paragraph in section.body.split("\n\n"):
            text = " ".join(paragraph.replace("\\", "").split())
            def take(t: str, item=item, position=position) -> bool:
                return _take(t, meeting, item, position, by_number, items, people, missed)

            if take(text):
                continue
            rest = _sentences_left(text, take)
            if rest != text:
                if rest:
                    kept.append(rest)
            else:
                kept.append(paragraph)
        section.body = "\n\n".join(kept).strip()
    for entry in meeting.attendance:
        if id(entry) in missed and not entry.events:
            entry.events = _events_for(sorted(set(missed[id(entry)])), items)


def _take(text, meeting, item, position, by_number, items, people, missed) -> bool:
    """Read one paragraph into the record; False if it is not a record sentence."""
    if match := INHABIL_FORM.match(text):
        entry = people.get(_key(match.group("name")))
        number = match.group("number") or match.group("number2")
        target = by_number.get(number.rstrip(".")) if number else item
        if entry is None or target is None:
            return False
        if "inhabil" in text:
            if entry.person not in target.inhabil:
                target.inhabil.append(entry.person)
        else:
            _absent(entry, meeting, target, items, missed)
        return True
    if match := ABSENT_ITEMS.match(text):
        entry = people.get(_key(match.group("name")))
        targets = _numbers(match.group("numbers"), by_number, items)
        if entry is None or not targets:
            return False
        for target in targets:
            _absent(entry, meeting, target, items, missed)
        return True
    if match := REMARK_FORM.match(text):
        entry = people.get(_key(match.group("name")))
        if entry is not None:
            remark = ProtocolRemark(match.group("text").strip(), person=entry.person)
        else:
            remark = ProtocolRemark(match.group("text").strip(), party=match.group("name").strip())
        item.remarks.append(remark)
        return True
    vote = _vote(text, people, presence(meeting, item).parties())
    if vote is not None:
        item.vote = vote
        return True
    return False


SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÆØÅ])")
VOTE_START = re.compile(r"^(?:For stemte|Imod stemte|Undlod at stemme|For|Imod|Undlod):")


def _sentences_left(text: str, take) -> str:
    """A paragraph the reader joined with the decision ("… inhabil. Godkendt."): the record
    sentences in it are taken, one by one (a vote's parts together), the rest is returned."""
    sentences = SENTENCE_END.split(text)
    kept: list[str] = []
    position = 0
    while position < len(sentences):
        end = position + 1
        if VOTE_START.match(sentences[position]):
            while end < len(sentences) and VOTE_START.match(sentences[end]):
                end += 1
        if not take(" ".join(sentences[position:end])):
            kept.extend(sentences[position:end])
        position = end
    return " ".join(kept)


def _absent(entry: Attendance, meeting: Meeting, item: AgendaItem, items, missed) -> None:
    """An absence the events explain is the writer's; else note it for events."""
    if any(other is entry for other in presence(meeting, item).present):
        missed.setdefault(id(entry), []).append(next(n for n, i in enumerate(items) if i is item))


def _events_for(positions: list[int], items: list[AgendaItem]) -> list[PresenceEvent]:
    """Items missed → a departure before each run of them and a return after it."""
    events: list[PresenceEvent] = []
    for n, position in enumerate(positions):
        if n == 0 or positions[n - 1] != position - 1:
            events.append(PresenceEvent(PresenceKind.LEFT, None, items[position]))
        if n == len(positions) - 1 or positions[n + 1] != position + 1:
            if position + 1 < len(items):
                events.append(PresenceEvent(PresenceKind.RETURNED, None, items[position + 1]))
    return events


def _numbers(text: str, by_number, items) -> list[AgendaItem]:
    """"3.2-3.4", "12-15", "3.2 og 3.4", "3.2, 3.5" → the items in agenda order."""
    found: list[AgendaItem] = []
    for part in re.split(r"\s*(?:,|\bog\b)\s*", text.strip().rstrip(".")):
        ends = [end.strip().rstrip(".") for end in re.split(r"\s*[–-]\s*", part) if end.strip()]
        if not ends:
            continue
        first, last = _lookup(ends[0], by_number), _lookup(ends[-1], by_number)
        if first is None or last is None:
            return []
        start = next(n for n, i in enumerate(items) if i is first)
        stop = next(n for n, i in enumerate(items) if i is last)
        found.extend(items[start : stop + 1])
    return found


def _lookup(number: str, by_number) -> AgendaItem | None:
    if number in by_number:
        return by_number[number]
    # Minutes numbered 1, 2, 3 … through the whole agenda say "punkt 12" for the 12th item.
    if number.isdigit():
        items = list(by_number.values())
        if 1 <= int(number) <= len(items) and "." in next(iter(by_number)):
            return items[int(number) - 1]
    return None


def _vote(text: str, people: dict[str, Attendance], parties: dict[str, int]) -> Vote | None:
    parts = list(VOTE_PART.finditer(text))
    if not parts or "".join(p.group(0) for p in parts).replace(" ", "") != text.replace(" ", ""):
        return None
    lines: list[VoteLine] = []
    for part in parts:
        choice = CHOICES[part.group("head").split()[0]]
        names = [name.strip() for name in part.group("names").split(",") if name.strip()]
        total = int(part.group("count"))
        voters = [NAMED_VOTER.match(name) for name in names]
        if all(voters) and all(_key(v.group("name")) in people for v in voters):
            lines += [VoteLine(choice, person=people[_key(v.group("name"))].person)
                      for v in voters]
            continue
        if len(names) == 1:
            lines.append(VoteLine(choice, names[0], total))
            continue
        if sum(parties.get(name, 0) for name in names) == total:
            lines += [VoteLine(choice, name, parties[name]) for name in names]
            continue
        # Parties share a count the referat does not split: the first party carries it.
        lines.append(VoteLine(choice, names[0], total))
        lines += [VoteLine(choice, name, 0) for name in names[1:]]
    return Vote(lines)


def _event_item(want: PendingItem, by_number, items) -> AgendaItem | None:
    item = _lookup(want.number, by_number)
    if item is None or want.where != "efter":
        return item
    position = next(n for n, i in enumerate(items) if i is item)
    return items[position + 1] if position + 1 < len(items) else None


def _key(name: str) -> str:
    return " ".join(name.split()).casefold()
