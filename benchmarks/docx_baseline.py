"""The export baseline: the plain python-docx script anyone would write first.

It adds the meeting's paragraphs one by one with ``add_heading``/``add_paragraph`` and
fills each table cell by cell; no formatting, no links. The referat writer, which does
much more, is measured against this.
"""

from __future__ import annotations

from pathlib import Path

from kkr_desk.domain import Meeting

from .generate import meeting_blocks

LIST_STYLES = {"bullet": "List Bullet", "numbered": "List Number"}


def write_naive_docx(meeting: Meeting, path: Path) -> None:
    """Write the meeting's agenda the naive way and save it."""
    import docx  # the figure includes nothing the writer would not also pay for

    document = docx.Document()
    document.add_heading(f"{meeting.committee} {meeting.date:%d-%m-%Y}", level=0)
    for block in meeting_blocks(meeting):
        if block.kind == "heading":
            document.add_heading(block.text, level=min(block.level, 9))
        elif block.kind == "table":
            table = document.add_table(rows=len(block.rows), cols=len(block.rows[0]))
            for row, values in zip(table.rows, block.rows):
                for cell, value in zip(row.cells, values):
                    cell.text = value
        else:
            document.add_paragraph(block.text, style=LIST_STYLES.get(block.kind))
    document.save(str(path))
