"""Write blocks as the Markdown a section body is stored in (see kkr_desk/domain/model.py).

Text is escaped so that what was printed stays text: a paragraph that happens to start
"2024." must not become a numbered list, a "*" must not become emphasis.
"""

from __future__ import annotations

import re

from .blocks import Block

LIST_INDENT = "    "
"""One level of list nesting: deep enough under "- " and "10) " alike."""
_INLINE_SPECIALS = re.compile(r"([\\`*_\[\]<])")
_BLOCK_START = re.compile(r"^(\d+)([.)])(\s|$)")


def escape_inline(text: str) -> str:
    return _INLINE_SPECIALS.sub(r"\\\1", text)


def escape_block_start(text: str) -> str:
    """Keep a paragraph's first characters from being read as list, heading or quote marks."""
    match = _BLOCK_START.match(text)
    if match:
        return f"{match.group(1)}\\{text[len(match.group(1)):]}"
    if text[:1] in "#>+|=" or text.startswith(("- ", "-\t", "~~~", "```")) or text == "-":
        return "\\" + text
    return text


def inline(block: Block) -> str:
    """The block's text with its links as [text](address)."""
    parts, position = [], 0
    for start, end, url in block.links:
        parts.append(escape_inline(block.text[position:start]))
        parts.append(f"[{escape_inline(block.text[start:end])}]({_url(url)})")
        position = end
    parts.append(escape_inline(block.text[position:]))
    return "".join(parts)


def _url(url: str) -> str:
    if "://" not in url:
        url = f"https://{url}"
    return url.replace(" ", "%20").replace("(", "%28").replace(")", "%29")


def render(blocks: list[Block]) -> str:
    """The section body: blocks separated by an empty line, list items kept together."""
    out: list[str] = []
    previous_kind = None
    for block in blocks:
        if block.kind == "table":
            text = _table(block.rows, block.aligns)
        elif block.kind == "heading":
            text = f"### {inline(block)}"
        elif block.kind == "bullet":
            text = f"{LIST_INDENT * block.level}- {inline(block)}"
        elif block.kind == "numbered":
            text = f"{LIST_INDENT * block.level}{block.number}{block.delimiter} {inline(block)}"
        else:
            text = escape_block_start(inline(block))
        if out and block.kind in ("bullet", "numbered") and previous_kind == block.kind:
            out[-1] += "\n" + text
        else:
            out.append(text)
        previous_kind = block.kind
    return "\n\n".join(part for part in out if part.strip())


_DELIMITERS = {"right": "---:", "center": ":---:", "left": ":---"}


def _table(rows: list[list[str]], aligns: list[str] = ()) -> str:
    width = max(len(row) for row in rows)
    padded = [row + [""] * (width - len(row)) for row in rows]
    aligns = list(aligns) + [""] * (width - len(aligns))
    delimiters = [_DELIMITERS.get(align, "---") for align in aligns[:width]]
    lines = [_table_row(padded[0]), "| " + " | ".join(delimiters) + " |"]
    lines.extend(_table_row(row) for row in padded[1:])
    return "\n".join(lines)


def _table_row(cells: list[str]) -> str:
    return "| " + " | ".join(escape_inline(cell).replace("|", "\\|") for cell in cells) + " |"
