"""Literal text kept literal: what was printed in an imported document, or typed.

Two sources, two approaches. The importer knows its text is plain, so it escapes every mark
that could start syntax. The editor's text reaches us as Qt's Markdown, in which Qt's own
bold, italic and link markers must stay: typed marks are hidden from Qt's writer behind
placeholders and escaped afterwards, and what Qt leaves bare is escaped by context.
"""

from __future__ import annotations

import re

from .cleaning import clean

# The importer's plain text -----------------------------------------------------------------

_INLINE_SPECIALS = re.compile(r"([\\`*_\[\]<])")
_BLOCK_START = re.compile(r"^(\d+)([.)])(\s|$)")


def escape_inline(text: str) -> str:
    """Plain text as Markdown text: every mark of emphasis, code, link or HTML escaped."""
    return _INLINE_SPECIALS.sub(r"\\\1", text)


def escape_block_start(text: str) -> str:
    """Keep a paragraph's first characters from being read as list, heading or quote marks:
    a paragraph that happens to start "2024." must not become a numbered list."""
    match = _BLOCK_START.match(text)
    if match:
        return f"{match.group(1)}\\{text[len(match.group(1)):]}"
    if text[:1] in "#>+|=" or text.startswith(("- ", "-\t", "~~~", "```")) or text == "-":
        return "\\" + text
    return text


# The editor's typed text -------------------------------------------------------------------

# The marks that make inline Markdown syntax (emphasis, links, code, strikethrough) and that
# Qt's writer escapes only sometimes. Marks that matter only at the start of a line ("#",
# "-", "1.") Qt escapes itself; "&", "<" and a leading ">" are handled by
# escape_literal_markup; "|" stays bare because typed table rows ("| a | b |") are meant to
# become a table.
_TYPED_MARKS = "*_[`~"
_PLACEHOLDER_BASE = 0x10FE00  # private use, plane 16: not something anyone types
_TO_PLACEHOLDER = {ord(c): chr(_PLACEHOLDER_BASE + n) for n, c in enumerate(_TYPED_MARKS)}
_FROM_PLACEHOLDER = {chr(_PLACEHOLDER_BASE + n): "\\" + c for n, c in enumerate(_TYPED_MARKS)}
LITERAL_CELL_PLACEHOLDERS = {
    chr(_PLACEHOLDER_BASE + 0x10): "<",
    chr(_PLACEHOLDER_BASE + 0x11): "^",
}
"""Placeholder → the table cell mark it stands for, written back escaped (below)."""
_FROM_PLACEHOLDER.update({ph: "\\" + mark for ph, mark in LITERAL_CELL_PLACEHOLDERS.items()})
_PLACEHOLDERS = re.compile("[" + "".join(_FROM_PLACEHOLDER) + "]")


def hide_typed_marks(text: str) -> str:
    """Typed text with each "*", "_", "[", "`" and "~" swapped for a private-use placeholder,
    so Qt's Markdown writer cannot mistake it for, or leave it as, syntax."""
    return text.translate(_TO_PLACEHOLDER)


def holds_hidden_marks(text: str) -> bool:
    """Whether the text already holds a placeholder character (it is then written as is)."""
    return bool(_PLACEHOLDERS.search(text))


def typed_marks_escaped(markdown: str) -> str:
    """Qt's Markdown of hidden-mark text, with each placeholder become the escaped mark."""
    return _PLACEHOLDERS.sub(lambda m: _FROM_PLACEHOLDER[m.group()], markdown)


# A table cell that is a real "<" or "^" (merges.py) ---------------------------------------
#
# In the storage form "\<" and "\^" alone in a cell are text, "<" and "^" are merged cells.
# Qt's reader turns both into the same character, and its writer writes it bare, so the
# escape would be lost on the first edit. The editor therefore loads each escaped cell mark
# as a placeholder (hide_literal_cells), shows it as the mark with a property of its own, and
# writes a mark that carries the property as the placeholder again, which
# typed_marks_escaped turns back into "\<" or "\^".

_LITERAL_CELL_PLACEHOLDER = {mark: ph for ph, mark in LITERAL_CELL_PLACEHOLDERS.items()}
_ROW = re.compile(r"^\s*\|.*\|\s*$")
_CELL_SEPARATOR = re.compile(r"(?<!\\)((?:\\\\)*)\|")


def literal_cell_placeholder(mark: str) -> str:
    """The placeholder that is written as the escaped ``mark`` ("<" or "^")."""
    return _LITERAL_CELL_PLACEHOLDER[mark]


def hide_literal_cells(markdown: str) -> str:
    """Stored Markdown with each table cell that is exactly "\\<" or "\\^" (a real "<" or "^",
    not a merge) made that mark's placeholder; the rest is unchanged. Text that already
    holds a placeholder character is returned as is."""
    if "|" not in markdown or holds_hidden_marks(markdown):
        return markdown
    lines = markdown.split("\n")
    for number, line in enumerate(lines):
        if _ROW.match(line) and ("\\<" in line or "\\^" in line):
            lines[number] = _hide_in_row(line)
    return "\n".join(lines)


def _hide_in_row(line: str) -> str:
    # Cells lie between unescaped pipes; "\\|" is a pipe inside a cell.
    parts, start = [], 0
    for separator in _CELL_SEPARATOR.finditer(line):
        end = separator.start() + len(separator.group(1))
        parts.append(line[start:end])
        parts.append("|")
        start = separator.end()
    parts.append(line[start:])
    for number in range(0, len(parts), 2):
        cell = parts[number]
        if cell.strip() in ("\\<", "\\^"):
            mark = cell.strip()[1]
            parts[number] = cell.replace("\\" + mark, _LITERAL_CELL_PLACEHOLDER[mark], 1)
    return "".join(parts)


_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_AUTOLINK = re.compile(r"<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*>")
_QUOTE = re.compile(r"^( {0,3})>")
"""A typed "> 50 deltagere" is not a quotation (the referat has none; a pasted one shows ">")."""
_BARE_LIST_NUMBER = re.compile(r"^( {0,3}[0-9]{1,9})([.)])$")
"""A line of just "10)" that Qt left bare would be read back as an empty numbered item."""
_ASCII_PUNCTUATION = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")


def escape_literal_markup(markdown: str) -> str:
    """Escape the typed characters Qt's Markdown writer leaves bare, so they stay text.

    RichTextEdit.markdown() already escapes every typed "*", "_", "[", "`" and "~" (see
    hide_typed_marks); this is the second line of defence, and handles what needs context:
    "&#65;" or a second "&lt;" (read back as characters), a "<" before a letter (raw HTML),
    a ">" starting a line (a quotation) and a line of just "10)" (an empty list item).
    Qt's own "*", "**", "[…](…)" and "<scheme:…>" are left alone; an unescaped "_" or "~"
    can only be typed (Qt writes neither), and "~~" strikethrough has no place in a
    referat. Characters no document can hold are dropped (cleaning.clean) instead of
    becoming U+FFFD. The editor makes no code spans (Qt writes code as plain text), so
    every backtick is a typed one.
    """
    text = clean(markdown)
    out: list[str] = []
    i = 0
    while i < len(text):
        char = text[i]
        if char == "\\" and i + 1 < len(text) and text[i + 1] in _ASCII_PUNCTUATION:
            out.append(text[i : i + 2])
            i += 2
            continue
        if char == "<":
            autolink = _AUTOLINK.match(text, i)
            if autolink:
                out.append(autolink.group())
                i = autolink.end()
                continue
            starts_tag = i + 1 < len(text) and (text[i + 1].isalpha() or text[i + 1] in "/!?")
            out.append("\\<" if starts_tag else "<")
        elif char == "&":
            out.append("\\&" if _ENTITY.match(text, i) else "&")
        elif char in "_~`":
            out.append("\\" + char)
        else:
            out.append(char)
        i += 1
    lines = "".join(out).split("\n")
    return "\n".join(
        _BARE_LIST_NUMBER.sub(r"\1\\\2", _QUOTE.sub(r"\1\\>", line)) for line in lines
    )
