"""Which item and which sections of the sent version an item of the current one was.

The window shows one item's changes since the referat was sent for approval. The sent
version is a snapshot and may carry no database ids, so an item is found by its id when
the snapshot has it, else by the agenda paired as the Word export pairs blocks (title and
case number alike, in order: ``word_diff.pair_blocks``).
"""

from __future__ import annotations

from .model import AgendaItem, Meeting, Section
from .word_diff import pair_blocks, word_tokens


def sent_item(sent: Meeting, current: Meeting, item: AgendaItem) -> AgendaItem | None:
    """The item of ``sent`` that became ``item`` of ``current``, or None for a new item."""
    if item.id is not None:
        for candidate in sent.items:
            if candidate.id == item.id:
                return candidate
    for old, new in pair_blocks(
        sent.items,
        current.items,
        key=lambda i: (i.title, i.case_number),
        kind=lambda i: None,
        tokens=lambda i: word_tokens(f"{i.title} {i.case_number}"),
    ):
        if new is item:
            return old
    return None


def section_pairs(
    old: AgendaItem | None, new: AgendaItem
) -> list[tuple[Section | None, Section | None]]:
    """The sections side by side: a section pairs only with one of the same heading."""
    return pair_blocks(
        old.sections if old is not None else [],
        new.sections,
        key=lambda s: (s.heading, s.body),
        kind=lambda s: s.heading,
        tokens=lambda s: word_tokens(s.body),
    )
