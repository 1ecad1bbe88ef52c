"""Turn the printed lines of one section into blocks: paragraphs, sub-headings, lists, tables.

Everything here is decided by content, never by fonts: a bullet is a line that starts with
"-" or "–", a sub-heading is a short line without end punctuation that is followed by more
text, a table is a run of rows that end in the same number of figures.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .hyphenation import Vocabulary, ends_with_split, join_all, join_lines
from .pdf_tables import table_from_lines
from .text_lines import SourceLine, SourceTable

BULLET = re.compile(r"^[-–•]\s+(?P<text>.*)$")
NUMBERED = re.compile(r"^(?P<number>\d{1,2})\)\s+(?P<text>.*)$")
WORD_LIST_MARK = re.compile(
    r"^(?P<indent> *)(?:[-–•]|(?P<number>\d{1,3})(?P<delimiter>[.)]))\s+(?P<text>.*)$"
)
"""The mark the Word reader put before a list paragraph (see readers.py)."""
ATTACHMENT = re.compile(r"^\./\.+(?:\s|$)")
_END_PUNCTUATION = tuple(".,:;!?")
HEADING_MAX_WORDS = 12
WRAPPED_HEADING_MAX_WORDS = 16
LIST_HEADING_MAX_WORDS = 4
"""Above a list, a line this short is a heading ("Implementeringstiltag"); a longer one
introduces the list ("Der forventes følgende punkter på kommende KKR møde")."""


@dataclass
class Block:
    """One Markdown block of a section body, with the pages its text was printed on."""

    kind: str  # "paragraph", "heading", "bullet", "numbered", "table"
    text: str = ""
    number: str = ""
    delimiter: str = ")"
    level: int = 0
    rows: list[list] = field(default_factory=list)  # str cells or markdown_form.merges marks
    aligns: list[str] = field(default_factory=list)
    pages: set[int] = field(default_factory=set)
    links: list[tuple[int, int, str]] = field(default_factory=list)
    """Spans of ``text`` (start, end, address) that link somewhere."""


def section_blocks(
    lines: list[SourceLine | SourceTable],
    vocabulary: Vocabulary,
    *,
    whole_paragraphs: bool = False,
    line_width: int = 80,
) -> list[Block]:
    """The blocks of one section body, in order."""
    chunks = _chunks(lines, whole_paragraphs)
    blocks: list[Block] = []
    for index, chunk in enumerate(chunks):
        if isinstance(chunk, SourceTable):
            blocks.append(
                Block("table", rows=chunk.rows, aligns=list(chunk.aligns), pages={chunk.page})
            )
            continue
        if whole_paragraphs:
            blocks.extend(_structured_blocks(chunk))
            continue
        rows = table_from_lines([line.text for line in chunk], vocabulary)
        if rows is not None:
            # Figures read best right-aligned, as KL prints them.
            aligns = [""] + ["right"] * (len(rows[0]) - 1)
            blocks.append(
                Block("table", rows=rows, aligns=aligns, pages={line.page for line in chunk})
            )
            continue
        following = chunks[index + 1] if index + 1 < len(chunks) else None
        blocks.extend(_text_blocks(chunk, following, vocabulary, line_width))
    return blocks


def _chunks(lines, whole_paragraphs: bool) -> list:
    """Runs of lines between blank lines and page breaks that end a paragraph."""
    chunks: list = []
    current: list[SourceLine] = []

    def close() -> None:
        if current:
            chunks.append(list(current))
            current.clear()

    blank_after = False  # a blank line followed the last line of ``current``
    for line in lines:
        if isinstance(line, SourceTable):
            close()
            chunks.append(line)
        elif line.is_blank:
            blank_after = bool(current)
        elif whole_paragraphs:
            close()
            current.append(line)
        else:
            # A PDF's gap before the page number (dropped) reads as a blank line: across a
            # page break a word split at the line end still continues ("Der-" + "udover").
            across_page = line.page_start and line.page != current[-1].page if current else False
            if blank_after and not (across_page and ends_with_split(current[-1].text)):
                close()
            elif current and line.page_start and not _continues(current[-1].text, line.text):
                close()
            current.append(line)
            blank_after = False
    close()
    return chunks


def _continues(previous: str, following: str) -> bool:
    """Whether a line at the top of a page continues the paragraph of the page before."""
    if BULLET.match(following) or NUMBERED.match(following) or ATTACHMENT.match(following):
        return False
    if ends_with_split(previous) or previous.endswith(","):
        return True
    first = following[:1]
    return first.islower() or (first.isdigit() and not previous.endswith(_END_PUNCTUATION))


def _structured_blocks(chunk: list[SourceLine]) -> list[Block]:
    """Blocks from whole paragraphs (Word), trusting the hints the reader found."""
    blocks = []
    for line in chunk:
        text, pages = line.text, {line.page}
        mark = WORD_LIST_MARK.match(text) if line.hint in ("bullet", "numbered") else None
        if line.hint == "heading":
            block = Block("heading", text, pages=pages)
        elif mark is not None:
            kind = "numbered" if mark.group("number") else "bullet"
            block = Block(
                kind,
                mark.group("text"),
                mark.group("number") or "",
                mark.group("delimiter") or ")",
                level=len(mark.group("indent")) // 4,
                pages=pages,
            )
        elif line.hint == "bullet" or BULLET.match(text):
            match = BULLET.match(text)
            block = Block("bullet", match.group("text") if match else text, pages=pages)
        elif (match := NUMBERED.match(text)) is not None:
            block = Block("numbered", match.group("text"), match.group("number"), pages=pages)
        else:
            block = Block("paragraph", text, pages=pages)
        shift = len(block.text) - len(text)  # a removed list mark moves the link spans
        block.links = [(start + shift, end + shift, url) for start, end, url in line.links]
        blocks.append(block)
    return blocks


def _text_blocks(
    chunk: list[SourceLine], following, vocabulary: Vocabulary, line_width: int
) -> list[Block]:
    """Blocks from printed lines: re-join wrapped lines, find lists and sub-headings."""
    texts = [line.text for line in chunk]
    blocks: list[Block] = []
    start = 0
    heading_lines = _heading_length(texts, following, line_width)
    if heading_lines:
        text = texts[0]
        for extra in texts[1:heading_lines]:
            text = join_lines(text, extra, vocabulary)
        blocks.append(Block("heading", text, pages={line.page for line in chunk[:heading_lines]}))
        start = heading_lines
    current: Block | None = None
    lines_of: list[list[str]] = []  # each new block's printed lines, joined once at the end
    for line in chunk[start:]:
        text = line.text
        if (match := BULLET.match(text)) is not None:
            current = Block("bullet")
            lines_of.append([match.group("text")])
            blocks.append(current)
        elif (match := NUMBERED.match(text)) is not None:
            current = Block("numbered", number=match.group("number"))
            lines_of.append([match.group("text")])
            blocks.append(current)
        elif ATTACHMENT.match(text) or current is None:
            current = Block("paragraph")
            lines_of.append([text])
            blocks.append(current)
        else:
            lines_of[-1].append(text)
        current.pages.add(line.page)
    for block, texts in zip(blocks[len(blocks) - len(lines_of) :], lines_of):
        block.text = join_all(texts, vocabulary)
    return blocks


def _heading_length(texts: list[str], following, line_width: int) -> int:
    """How many lines at the top of a chunk form a sub-heading (0 when none do)."""
    first = texts[0]
    if not _looks_like_heading(first):
        return 0
    if len(texts) == 1:
        if following is None or isinstance(following, SourceTable):
            return 0  # a heading heads something
        next_text = following[0].text
        if (BULLET.match(next_text) or NUMBERED.match(next_text)) and len(
            first.split()
        ) > LIST_HEADING_MAX_WORDS:
            return 0  # an introduction to a list: "Der forventes følgende punkter"
        return 1 if len(first.split()) <= HEADING_MAX_WORDS else 0
    second = texts[1]
    if ends_with_split(first) or first.endswith(","):
        return 0
    starts_new = second[:1].isupper() or second[:1].isdigit() or ATTACHMENT.match(second)
    starts_new = starts_new or BULLET.match(second) or NUMBERED.match(second)
    short = len(first) < 0.8 * line_width and len(first.split()) <= HEADING_MAX_WORDS
    if starts_new and short:
        return 1
    if following is None or isinstance(following, SourceTable):
        return 0
    # A wrapped heading alone in its chunk: "Status på resultatkontrakt … Erhvervshus" +
    # "Midtjylland", then the text after an empty line.
    if len(texts) <= 3 and all(_looks_like_heading(text) or text[:1].islower() for text in texts):
        words = sum(len(text.split()) for text in texts)
        last = texts[-1]
        if words <= WRAPPED_HEADING_MAX_WORDS and not last.endswith(_END_PUNCTUATION):
            return len(texts)
    return 0


def _looks_like_heading(text: str) -> bool:
    if not text or not (text[0].isupper() or text[0].isdigit()):
        return False
    if text.endswith(_END_PUNCTUATION) or ":" in text or ", " in text or ends_with_split(text):
        return False
    if BULLET.match(text) or NUMBERED.match(text) or ATTACHMENT.match(text):
        return False
    return not re.match(r"^\d+([.,]\d+)*$", text)
