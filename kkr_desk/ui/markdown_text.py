"""Tidying the Markdown that Qt writes, so what is stored is the portable form.

QTextDocument.toMarkdown() pads tables with blank lines and writes each typed table row
as its own paragraph; these pure functions put that right before the text is saved.
"""

from __future__ import annotations

import re

_TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$")


def is_table_row(line: str) -> bool:
    return bool(_TABLE_ROW.match(line))


def join_typed_table_rows(markdown: str) -> str:
    """Rows typed as separate paragraphs ("| a | b |", blank, "|---|---|" …) become one table."""
    lines = markdown.split("\n")
    result: list[str] = []
    for position, line in enumerate(lines):
        if not line.strip() and result and is_table_row(result[-1]):
            following = next((later for later in lines[position + 1 :] if later.strip()), "")
            if is_table_row(following):
                continue
        result.append(line)
    return "\n".join(result)


_STRONG = re.compile(r"\*\*(?P<lead>[ \t]*)(?P<text>[^*\n]*?[^*\s])(?P<trail>[ \t]*)\*\*")
_EMPHASIS = re.compile(
    r"(?<![*\\])\*(?!\*)(?P<lead>[ \t]*)(?P<text>[^*\n]*?[^*\s])(?P<trail>[ \t]*)(?<!\*)\*(?!\*)"
)


def move_spaces_out_of_emphasis(markdown: str) -> str:
    """ "Drøftet.** Vigtigt**" → "Drøftet. **Vigtigt**".

    Qt writes a space typed at the start or end of bold or italic text inside the markers,
    which CommonMark then no longer reads as emphasis.
    """

    def fix(marker: str):
        def replace(m: re.Match[str]) -> str:
            if bool(m["lead"]) == bool(m["trail"]):
                return m[0]  # "2 * 3 * 4" is arithmetic, not emphasis: leave it
            return f"{m['lead']}{marker}{m['text']}{marker}{m['trail']}"

        return replace

    text = _STRONG.sub(fix("**"), markdown)
    return _EMPHASIS.sub(fix("*"), text)


def tidy_markdown(markdown: str) -> str:
    """Qt's Markdown made portable: emphasis spaces fixed, typed tables joined, ends trimmed."""
    text = join_typed_table_rows(markdown.replace("\r\n", "\n"))
    text = move_spaces_out_of_emphasis(text)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return "\n".join(line.rstrip() for line in text.split("\n")).strip()
