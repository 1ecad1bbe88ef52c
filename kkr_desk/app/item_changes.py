"""One item's changes since the referat was sent, as the window shows them (no Qt here).

Each section body is read as the Word writer reads it (``markdown_form.markdown_blocks``),
so paragraphs, list items and table cells are compared one block at a time with the same
rules as the tracked-changes export (``domain.word_diff``), and shown as plain text.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..domain import Meeting
from ..domain.referat_changes import section_pairs, sent_item
from ..domain.word_diff import Piece, diff_words, pair_blocks, word_tokens
from ..markdown_form import (
    Attachment,
    ListEntry,
    SubHeading,
    Table,
    clean_markdown,
    markdown_blocks,
    plain_text,
)

CELL_GAP = " | "


@dataclass(frozen=True)
class SectionChanges:
    """A section's blocks, each as pieces; ``op`` says whether the section is new, gone or
    kept ("equal" even when words in it changed)."""

    heading: str
    op: str
    blocks: list[list[Piece]]

    @property
    def changed(self) -> bool:
        return any(piece.op != "equal" for block in self.blocks for piece in block)


@dataclass(frozen=True)
class ItemChanges:
    title: list[Piece]
    sections: list[SectionChanges]
    is_new: bool

    @property
    def changed(self) -> bool:
        return self.is_new or any(p.op != "equal" for p in self.title) or any(
            section.changed or section.op != "equal" for section in self.sections
        )


def item_changes(sent: Meeting, current: Meeting, item_id: int) -> ItemChanges:
    """The changes to item ``item_id`` of ``current`` since ``sent``; KeyError if no item."""
    item = next((i for i in current.items if i.id == item_id), None)
    if item is None:
        raise KeyError(item_id)
    old = sent_item(sent, current, item)
    sections = []
    for old_section, new_section in section_pairs(old, item):
        heading = (new_section or old_section).heading
        op = "equal" if old_section and new_section else ("insert" if new_section else "delete")
        sections.append(
            SectionChanges(
                heading,
                op,
                _body_changes(
                    old_section.body if old_section else "", new_section.body if new_section else ""
                ),
            )
        )
    title = diff_words(old.title if old else "", item.title)
    return ItemChanges(title, sections, is_new=old is None)


def _body_changes(old: str, new: str) -> list[list[Piece]]:
    """Lines are (kind, text) or ("row", [cell texts]); a row's cells compare one by one."""
    out = []
    for old, new in pair_blocks(
        _lines(old), _lines(new), key=lambda line: line, kind=_kind, tokens=_line_tokens
    ):
        if old is not None and new is not None and old[0] == "row":
            pieces: list[Piece] = []
            for position, (old_cell, new_cell) in enumerate(zip(old[1], new[1])):
                if position:
                    pieces.append(Piece("equal", CELL_GAP))
                pieces.extend(diff_words(old_cell, new_cell))
            out.append(pieces)
        elif old is not None and new is not None:
            out.append(diff_words(old[1], new[1]))
        else:
            line = old or new
            text = CELL_GAP.join(line[1]) if line[0] == "row" else line[1]
            out.append([Piece("delete" if new is None else "insert", text)])
    return out


def _kind(line) -> tuple:
    return (line[0], len(line[1])) if line[0] == "row" else line[0]


def _line_tokens(line) -> list[str]:
    return word_tokens(" ".join(line[1]) if line[0] == "row" else line[1])


def _lines(body: str) -> list:
    """The blocks of a section body as (kind, text) lines; a table is a line per row."""
    lines: list = []
    for block in markdown_blocks(clean_markdown(body)):
        if isinstance(block, Table):
            for row in [block.header, *block.rows]:
                lines.append(("row", tuple(plain_text(cell) for cell in row)))
        elif isinstance(block, ListEntry):
            marker = f"{block.marker} " if block.marker else ""
            lines.append(("list", "  " * block.level + marker + plain_text(block.spans)))
        elif isinstance(block, Attachment):
            lines.append(("attachment", f"{block.marker} {plain_text(block.spans)}"))
        elif isinstance(block, SubHeading):
            lines.append(("heading", plain_text(block.spans)))
        else:
            lines.append(("paragraph", plain_text(block.spans)))
    return lines
