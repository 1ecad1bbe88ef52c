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
