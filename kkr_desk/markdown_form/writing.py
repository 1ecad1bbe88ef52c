"""Writing the storage form: the importer's blocks, and the editor's Markdown made portable.

The importer writes paragraphs, sub-headings, list lines, links and pipe tables from plain
text (escaped, so printed text stays text). The editor's text comes from Qt's Markdown
writer, which pads tables with blank lines, writes each typed table row as its own
paragraph and puts spaces inside emphasis markers; ``tidy_markdown`` puts that right.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from ..domain.links import safe_link_target
from . import merges
from .escaping import escape_block_start, escape_inline, escape_literal_markup

LIST_INDENT = "    "
"""One level of list nesting: deep enough under "- " and "10) " alike."""

# The importer's blocks ---------------------------------------------------------------------


def link(text: str, address: str) -> str:
    """``[text](address)``. A web address without a scheme gets https://.

    An address that may not be a link (``file:``, ``smb:`` …) is still written, in angle
    brackets, so that the Word writer, the one gate, drops it with a warning the secretary
    sees at export instead of it vanishing silently at import.
    """
    target = safe_link_target(address)
    if target is None and "://" not in address and ":" not in address.split("/", 1)[0]:
        target = safe_link_target(f"https://{address}")
    if target is not None:
        destination = target.replace("(", "%28").replace(")", "%29")
    else:
        kept = re.sub(r"[\s<>\\]", lambda m: "%20" if m[0].isspace() else "\\" + m[0], address)
        destination = f"<{kept}>"
    return f"[{escape_inline(text)}]({destination})"


def inline_text(text: str, links: Iterable[tuple[int, int, str]] = ()) -> str:
    """Plain text as Markdown, with the (start, end, address) spans made links."""
    parts, position = [], 0
    for start, end, address in links:
        parts.append(escape_inline(text[position:start]))
        parts.append(link(text[start:end], address))
        position = end
    parts.append(escape_inline(text[position:]))
    return "".join(parts)


def paragraph_line(inline: str) -> str:
    return escape_block_start(inline)


def heading_line(inline: str) -> str:
    """A sub-heading inside a section (never part of the outline)."""
    return f"### {inline}"


def bullet_line(inline: str, level: int = 0) -> str:
    return f"{LIST_INDENT * level}- {inline}"


def numbered_line(inline: str, number: int | str, delimiter: str = ".", level: int = 0) -> str:
    return f"{LIST_INDENT * level}{number}{delimiter} {inline}"


def join_paragraphs(parts: Iterable[str]) -> str:
    """The section body: blocks separated by an empty line, empty ones left out."""
    return "\n\n".join(part for part in parts if part.strip())


_DELIMITERS = {"right": "---:", "center": ":---:", "left": ":---"}


def table(rows: Sequence[Sequence[str | merges.Merge]], aligns: Sequence[str] = ()) -> str:
    """A pipe table of plain-text cells; the first row is the header (more: merges.py)."""
    width = max(len(row) for row in rows)
    padded = [list(row) + [""] * (width - len(row)) for row in rows]
    aligns = list(aligns) + [""] * (width - len(aligns))
    delimiters = [_DELIMITERS.get(align, "---") for align in aligns[:width]]
    lines = [_table_row(padded[0]), "| " + " | ".join(delimiters) + " |"]
    lines.extend(_table_row(row) for row in padded[1:])
    return "\n".join(lines)


def _table_row(cells: list) -> str:
    return "| " + " | ".join(_cell(cell) for cell in cells) + " |"


def _cell(cell) -> str:
    """A plain-text cell, or the mark of a merged one (merges.py)."""
    if isinstance(cell, merges.Merge):
        return cell.mark
    text = escape_inline(cell).replace("|", "\\|")
    return "\\^" if text.strip() == "^" else text  # "<" is escaped by escape_inline


# The editor's Markdown -----------------------------------------------------------------------

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
    """Qt's Markdown made portable: literal text kept literal, emphasis spaces fixed, typed
    tables joined, ends trimmed."""
    text = join_typed_table_rows(escape_literal_markup(markdown.replace("\r\n", "\n")))
    text = move_spaces_out_of_emphasis(text)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return "\n".join(line.rstrip() for line in text.split("\n")).strip()
