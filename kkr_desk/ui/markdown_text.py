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


_NOT_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
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
    literal_markdown); this is the second line of defence, and handles what needs context:
    "&#65;" or a second "&lt;" (read back as characters), a "<" before a letter (raw HTML),
    a ">" starting a line (a quotation) and a line of just "10)" (an empty list item).
    Qt's own "*", "**", "[…](…)" and "<scheme:…>" are left alone; an unescaped "_" or "~"
    can only be typed (Qt writes neither), and "~~" strikethrough has no place in a
    referat. Control characters no document can hold are dropped instead of becoming
    U+FFFD, and so are U+FFFE/U+FFFF (Qt reads a leading U+FFFE as a byte-swapped
    byte-order mark and garbles what follows). The editor makes no code spans (Qt writes
    code as plain text), so every backtick is a typed one.
    """
    text = _NOT_TEXT.sub("", markdown)
    out: list[str] = []
    i = 0
    while i < len(text):
        char = text[i]
        if char == "\\" and i + 1 < len(text) and text[i + 1] in _ASCII_PUNCTUATION:
            out.append(text[i : i + 2])
            i += 2
            continue
        if char == "<":
            link = _AUTOLINK.match(text, i)
            if link:
                out.append(link.group())
                i = link.end()
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


def tidy_markdown(markdown: str) -> str:
    """Qt's Markdown made portable: literal text kept literal, emphasis spaces fixed, typed
    tables joined, ends trimmed."""
    text = join_typed_table_rows(escape_literal_markup(markdown.replace("\r\n", "\n")))
    text = move_spaces_out_of_emphasis(text)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return "\n".join(line.rstrip() for line in text.split("\n")).strip()
