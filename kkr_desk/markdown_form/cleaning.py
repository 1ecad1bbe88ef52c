"""The characters no .docx (XML 1.0) can hold, dropped from text and from Markdown bodies."""

from __future__ import annotations

import re

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def clean(text: str) -> str:
    """The text without C0 controls (but tab and line breaks), DEL, lone surrogates and
    U+FFFE/U+FFFF. Qt reads a leading U+FFFE as a byte-swapped byte-order mark, too."""
    return _NOT_XML.sub("", text)


def clean_markdown(text: str) -> str:
    """clean() a Markdown body without changing its structure.

    Dropping a character at the start of a line can bare the whitespace behind it, and a
    line that now begins with a tab or four spaces would turn into a code block. Each line
    keeps the indentation it had; whitespace that only the dropped characters covered goes.
    """
    lines = []
    for line in text.split("\n"):
        cleaned = clean(line)
        if cleaned != line:
            indent = line[: len(line) - len(line.lstrip(" \t"))]
            cleaned = indent + cleaned.lstrip(" \t")
        lines.append(cleaned)
    return "\n".join(lines)
