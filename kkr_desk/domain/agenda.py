"""Facts derived from the agenda's shape: numbers and attachments are never stored twice."""

from __future__ import annotations

import re
from collections.abc import Iterator

from .model import AgendaGroup, AgendaItem, Meeting

ATTACHMENT_MARK = re.compile(r"^\s*\./\.+\s*(?P<title>.*)$")
"""KL marks an attachment with a paragraph that starts "./." (sometimes "./..")."""


def group_number(position: int) -> str:
    """The printed number of the group at a 0-based position: 0 → "1."."""
    return f"{position + 1}."


def item_number(group_position: int, item_position: int) -> str:
    """The printed number of an item: group 2, item 1 (0-based) → "3.2."."""
    return f"{group_position + 1}.{item_position + 1}."


def numbered_groups(meeting: Meeting) -> Iterator[tuple[str, AgendaGroup]]:
    """Each group with its number, in agenda order."""
    for position, group in enumerate(meeting.groups):
        yield group_number(position), group


def numbered_items(meeting: Meeting) -> Iterator[tuple[str, AgendaItem]]:
    """Each item with its number, in agenda order."""
    for group_position, group in enumerate(meeting.groups):
        for item_position, item in enumerate(group.items):
            yield item_number(group_position, item_position), item


def attachments(item: AgendaItem) -> list[str]:
    """The titles of the item's attachments (bilag), read from its "./." paragraphs."""
    titles = []
    for section in item.sections:
        for line in section.body.splitlines():
            match = ATTACHMENT_MARK.match(line)
            if match:
                titles.append(match.group("title").strip())
    return titles
