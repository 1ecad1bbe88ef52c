"""Where an agenda row lands when it is added or moved: the one ordering rule.

Positions are 0-based and counted without the row that moves; a position past either end
is clamped to that end, and ``None`` means "at the end". The store applies these functions
to its lists of row ids and the app layer to the in-memory Meeting, so the two always agree.
"""

from __future__ import annotations

from typing import TypeVar

from .model import AgendaGroup, AgendaItem, Meeting

T = TypeVar("T")


def clamp_position(position: int | None, length: int) -> int:
    """``position`` inside 0..length (``None`` is the end)."""
    if position is None:
        return length
    return max(0, min(position, length))


def placed(order: list[T], element: T, position: int | None) -> list[T]:
    """``order`` with ``element`` at ``position`` (counted without it), a new list."""
    rest = [other for other in order if other is not element and other != element]
    rest.insert(clamp_position(position, len(rest)), element)
    return rest


def group_of(meeting: Meeting, item: AgendaItem) -> AgendaGroup:
    """The group that holds ``item`` (by identity: two items may look alike)."""
    for group in meeting.groups:
        if any(other is item for other in group.items):
            return group
    raise ValueError("the item is not on this meeting's agenda")


def item_move_position(
    meeting: Meeting, item: AgendaItem, target: AgendaGroup, position: int | None
) -> int | None:
    """Where a move of ``item`` into ``target`` really lands; ``None`` when it stays put."""
    source = group_of(meeting, item)
    length = len(target.items) - (1 if target is source else 0)
    landed = clamp_position(position, length)
    if target is source and _index(source.items, item) == landed:
        return None
    return landed


def group_move_position(meeting: Meeting, group: AgendaGroup, position: int | None) -> int | None:
    """Where a move of ``group`` really lands; ``None`` when it stays put."""
    landed = clamp_position(position, len(meeting.groups) - 1)
    return None if _index(meeting.groups, group) == landed else landed


def move_item(meeting: Meeting, item: AgendaItem, target: AgendaGroup, position: int) -> None:
    source = group_of(meeting, item)
    del source.items[_index(source.items, item)]
    target.items.insert(clamp_position(position, len(target.items)), item)


def move_group(meeting: Meeting, group: AgendaGroup, position: int) -> None:
    del meeting.groups[_index(meeting.groups, group)]
    meeting.groups.insert(clamp_position(position, len(meeting.groups)), group)


def insert_group(meeting: Meeting, group: AgendaGroup, position: int | None) -> int:
    landed = clamp_position(position, len(meeting.groups))
    meeting.groups.insert(landed, group)
    return landed


def insert_item(group: AgendaGroup, item: AgendaItem, position: int | None) -> int:
    landed = clamp_position(position, len(group.items))
    group.items.insert(landed, item)
    return landed


def remove_group(meeting: Meeting, group: AgendaGroup) -> int:
    row = _index(meeting.groups, group)
    del meeting.groups[row]
    return row


def remove_item(meeting: Meeting, item: AgendaItem) -> int:
    group = group_of(meeting, item)
    row = _index(group.items, item)
    del group.items[row]
    return row


def _index(rows: list[T], row: T) -> int:
    return next(i for i, other in enumerate(rows) if other is row)
