"""The Markdown storage form of a section body: the one module that writes and reads it.

A section body is CommonMark with GitHub's pipe tables (docs/meeting-file.md): the form the
editor saves, the importer writes, the meeting file carries and the Word writer reads. Its
rules live here and nowhere else, free of Qt and python-docx:

* ``cleaning`` — the characters no document can hold, dropped without changing structure;
* ``escaping`` — literal text kept literal: what the importer prints, what a user typed;
* ``writing`` — paragraphs, lists, links and tables for the importer, and Qt's Markdown
  made portable for the editor;
* ``reading`` — a body as a flat list of blocks and spans for the Word writer;
* ``plain_lists`` — pasted plain text whose "•", "-", "–" or "1)" lines become lists.

Every link address goes through ``kkr_desk.domain.links``: only http, https and mailto
become links; any other keeps its text and loses its address.
"""

from .cleaning import clean, clean_markdown
from .escaping import (
    escape_block_start,
    escape_inline,
    escape_literal_markup,
    hide_literal_cells,
    hide_typed_marks,
    holds_hidden_marks,
    literal_cell_placeholder,
    LITERAL_CELL_PLACEHOLDERS,
    typed_marks_escaped,
)
from .plain_lists import plain_lists_as_markdown
from .reading import (
    BULLET,
    Attachment,
    Block,
    DroppedLink,
    ListEntry,
    Paragraph,
    Span,
    SubHeading,
    Table,
    markdown_blocks,
    plain_text,
)
from .writing import (
    LIST_INDENT,
    bullet_line,
    heading_line,
    inline_text,
    is_table_row,
    join_paragraphs,
    join_typed_table_rows,
    link,
    move_spaces_out_of_emphasis,
    numbered_line,
    paragraph_line,
    table,
    tidy_markdown,
)

__all__ = [
    "BULLET",
    "LIST_INDENT",
    "LITERAL_CELL_PLACEHOLDERS",
    "Attachment",
    "Block",
    "DroppedLink",
    "ListEntry",
    "Paragraph",
    "Span",
    "SubHeading",
    "Table",
    "bullet_line",
    "clean",
    "clean_markdown",
    "escape_block_start",
    "escape_inline",
    "escape_literal_markup",
    "heading_line",
    "hide_literal_cells",
    "hide_typed_marks",
    "holds_hidden_marks",
    "inline_text",
    "is_table_row",
    "join_paragraphs",
    "join_typed_table_rows",
    "link",
    "literal_cell_placeholder",
    "markdown_blocks",
    "move_spaces_out_of_emphasis",
    "numbered_line",
    "paragraph_line",
    "plain_lists_as_markdown",
    "plain_text",
    "table",
    "tidy_markdown",
    "typed_marks_escaped",
]
