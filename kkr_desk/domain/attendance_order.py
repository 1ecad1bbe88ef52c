"""Where people stand on a meeting's list: the roster's order, unless the secretary moves
someone, and finding a person by the name typed. Pure rules over lists of Attendance.

Positions are 0-based in the whole list; the window shows the list grouped by
organisation, so a move up or down swaps with the neighbour in the same group.
"""

from __future__ import annotations

from .model import Attendance, Person


def insert_position(attendance: list[Attendance], person: Person, roster: list[Person]) -> int:
    """Where a roster person added to a meeting goes: after the nearest earlier roster person
    on the list, so the referat keeps the roster's order; a guest goes last."""
    ids = [p.id for p in roster]
    if person.id is None or person.id not in ids:
        return len(attendance)
    earlier = set(ids[: ids.index(person.id)])
    position = 0
    for row, entry in enumerate(attendance):
        if entry.person.id in earlier:
            position = row + 1
    return position


def neighbour_position(attendance: list[Attendance], entry: Attendance, step: int) -> int | None:
    """The position ``entry`` takes when moved one step (-1 up, +1 down) past the next
    person of the same organisation; None at the group's end."""
    row = next(i for i, other in enumerate(attendance) if other is entry)
    rows = range(row + step, -1 if step < 0 else len(attendance), step)
    for other in rows:
        if attendance[other].person.organisation == entry.person.organisation:
            return other
    return None


def name_matches(query: str, name: str) -> bool:
    """Whether a typed search matches a name: every typed word starts a word of the name,
    in order, so "Peter Sø" finds Peter Sørensen and never Peter Kjær."""
    typed = query.casefold().split()
    words = name.casefold().split()
    if not typed:
        return False
    at = 0
    for word in typed:
        while at < len(words) and not words[at].startswith(word):
            at += 1
        if at == len(words):
            return False
        at += 1
    return True
