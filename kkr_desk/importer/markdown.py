"""Write the importer's blocks as a section body, in the storage form of kkr_desk.markdown_form.

Text is escaped so that what was printed stays text: a paragraph that happens to start
"2024." must not become a numbered list, a "*" must not become emphasis.
"""

from __future__ import annotations

from .. import markdown_form as form
from ..markdown_form import LIST_INDENT, escape_block_start, escape_inline
from .blocks import Block

__all__ = ["LIST_INDENT", "escape_block_start", "escape_inline", "inline", "render"]


def inline(block: Block) -> str:
    """The block's text with its links as [text](address)."""
    return form.inline_text(block.text, block.links)


def render(blocks: list[Block]) -> str:
    """The section body: blocks separated by an empty line, list items kept together."""
    out: list[str] = []
    previous_kind = None
    for block in blocks:
        if block.kind == "table":
            text = form.table(block.rows, block.aligns)
        elif block.kind == "heading":
            text = form.heading_line(inline(block))
        elif block.kind == "bullet":
            text = form.bullet_line(inline(block), block.level)
        elif block.kind == "numbered":
            text = form.numbered_line(inline(block), block.number, block.delimiter, block.level)
        else:
            text = form.paragraph_line(inline(block))
        if out and block.kind in ("bullet", "numbered") and previous_kind == block.kind:
            out[-1] += "\n" + text
        else:
            out.append(text)
        previous_kind = block.kind
    return form.join_paragraphs(out)
