"""Plain text with list lines ("• a", "- b", "– c", "1) d", "2. e") as the storage form.

Pasted HTML lists become real lists through Qt's HTML reader; plain text (from a mail, a
PDF, a text file) has only the marks. This turns those marks into Markdown lists, so both
kinds of paste end as the same stored lists. Every other character stays literal text.
"""

from __future__ import annotations

import re

from .escaping import escape_inline
from .writing import bullet_line, join_paragraphs, numbered_line, paragraph_line

_BULLET = re.compile(r"^\s*[•\-–*▪◦·]\s+(?P<text>\S.*)$")
_NUMBERED = re.compile(r"^\s*(?P<number>\d{1,3})(?P<delimiter>[.)])\s+(?P<text>\S.*)$")


def _list_line(line: str) -> str | None:
    """The Markdown list line for a marked line, or None for any other line."""
    if (match := _BULLET.match(line)) is not None:
        return bullet_line(escape_inline(match["text"].strip()))
    if (match := _NUMBERED.match(line)) is not None:
        return numbered_line(
            escape_inline(match["text"].strip()), match["number"], match["delimiter"]
        )
    return None


def plain_lists_as_markdown(text: str) -> str | None:
    """``text`` as Markdown with its marked lines as lists; None when no line is marked.

    Each other non-empty line is a paragraph of its own, as a plain paste shows it.
    """
    blocks: list[str] = []
    current_list: list[str] = []
    found = False
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        entry = _list_line(line)
        if entry is not None:
            found = True
            current_list.append(entry)
            continue
        if current_list:
            blocks.append("\n".join(current_list))
            current_list = []
        if line.strip():
            blocks.append(paragraph_line(escape_inline(line.strip())))
    if current_list:
        blocks.append("\n".join(current_list))
    return join_paragraphs(blocks) if found else None
