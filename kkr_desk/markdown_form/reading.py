"""Markdown section bodies as a flat list of document blocks, free of Word.

A section body is CommonMark with GFM pipe tables (see ``kkr_desk.domain.model.Section``).
The writer should not know about Markdown tokens and the parser should not know about Word,
so this module is the one translation between them: paragraphs, sub-headings, list entries
(with their marker, "–" or the author's own "1)", and where each list starts), attachment
lines ("./.") and tables, each holding runs of text with bold, italic and link addresses.

A link's address is kept only when ``kkr_desk.domain.links`` allows it (http, https,
mailto); any other link keeps its text, loses its address and is reported to the caller.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from ..domain.agenda import ATTACHMENT_MARK
from ..domain.links import safe_link_target
from .merges import Merge, header_rows, merge_of

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

BULLET = "–"
"""KL's bullet: an en dash."""


@dataclass(frozen=True)
class Span:
    """A run of text; ``url`` makes it a hyperlink, "\\n" in ``text`` a line break."""

    text: str
    bold: bool = False
    italic: bool = False
    url: str | None = None


@dataclass
class Paragraph:
    spans: list[Span]


@dataclass
class SubHeading:
    """A bold heading inside a section (### in Markdown), never part of the outline."""

    spans: list[Span]


@dataclass
class ListEntry:
    """One list paragraph; ``marker`` is "–", "1)", "2." … or "" for a continuation.

    ``delimiter`` is "" in a bullet list, ")" or "." in a numbered one; ``starts_list``
    marks the first entry of each list, where the numbering begins (at ``number``).
    """

    spans: list[Span]
    marker: str
    level: int = 0
    delimiter: str = ""
    number: int = 0
    starts_list: bool = False


@dataclass
class Attachment:
    """A "./." line: the marker stands in the margin, the title beside it."""

    marker: str
    spans: list[Span]


@dataclass
class Table:
    """A pipe table; ``header`` is its first row, ``aligns`` "left"/"right"/"center"/None."""

    header: list[list[Span]]
    rows: list[list[list[Span]]] = field(default_factory=list)
    aligns: list[str | None] = field(default_factory=list)
    merged: dict[tuple[int, int], Merge] = field(default_factory=dict)
    """(row, column) of each cell that belongs to a neighbour (merges.py); row 0 is ``header``."""

    @property
    def header_rows(self) -> int:
        """The header and the body rows that continue it (merges.py)."""
        grid = [[self.merged.get((row, column)) for column in range(len(cells))]
                for row, cells in enumerate([self.header, *self.rows])]
        return header_rows(grid)


Block = Paragraph | SubHeading | ListEntry | Attachment | Table


@dataclass(frozen=True)
class DroppedLink:
    """A link whose address may not be a live link: its text stays, its address goes."""

    text: str
    address: str


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    # Imported here: the window's start-up loads this package for the editor, not the parser.
    from markdown_it import MarkdownIt

    # Raw HTML is shown as text: a section body is never trusted to carry markup.
    parser = MarkdownIt("commonmark", {"html": False}).enable("table")
    # markdown-it refuses javascript:, file: … by leaving "[text](file:…)" unparsed, which
    # printed the raw Markdown in the referat. Every address is parsed as a link here and
    # judged by domain.links in _spans, so a refused one keeps only its text.
    parser.validateLink = lambda url: True
    return parser


def markdown_blocks(text: str, dropped: list[DroppedLink] | None = None) -> list[Block]:
    """The blocks of one section body, in reading order.

    Links to addresses other than http, https and mailto become plain text; each is
    appended to ``dropped`` when given, so the caller can warn.
    """
    if not text.strip():
        return []
    return _BlockBuilder(dropped).build(_parser().parse(text))


def plain_text(spans: list[Span]) -> str:
    return "".join(span.text for span in spans)


class _BlockBuilder:
    def __init__(self, dropped: list[DroppedLink] | None = None) -> None:
        self.dropped = dropped if dropped is not None else []
        self.blocks: list[Block] = []
        self.lists: list[dict] = []  # one entry per open list: {"ordered", "delimiter"}
        self.pending_marker: str | None = None
        self.pending_number = 0
        self.heading = False
        self.table: Table | None = None
        self.row: list[list[Span]] | None = None
        self.in_head = False
        self.cell_align: str | None = None

    def build(self, tokens: list[Token]) -> list[Block]:
        for token in tokens:
            handler = getattr(self, f"_on_{token.type}", None)
            if handler is not None:
                handler(token)
        return self.blocks

    # Lists ---------------------------------------------------------------
    def _on_bullet_list_open(self, token: Token) -> None:
        self.lists.append({"ordered": False, "delimiter": ""})

    def _on_ordered_list_open(self, token: Token) -> None:
        self.lists.append({"ordered": True, "delimiter": token.markup or "."})

    def _on_bullet_list_close(self, token: Token) -> None:
        self.lists.pop()

    _on_ordered_list_close = _on_bullet_list_close

    def _on_list_item_open(self, token: Token) -> None:
        current = self.lists[-1]
        self.pending_marker = (
            f"{token.info}{current['delimiter']}" if current["ordered"] else BULLET
        )
        self.pending_number = int(token.info) if token.info.isdigit() else 0

    # Headings --------------------------------------------------------------
    def _on_heading_open(self, token: Token) -> None:
        self.heading = True

    def _on_heading_close(self, token: Token) -> None:
        self.heading = False

    # Tables ----------------------------------------------------------------
    def _on_table_open(self, token: Token) -> None:
        self.table = Table(header=[])

    def _on_table_close(self, token: Token) -> None:
        if self.table is not None:
            self.blocks.append(self.table)
        self.table = None

    def _on_thead_open(self, token: Token) -> None:
        self.in_head = True

    def _on_thead_close(self, token: Token) -> None:
        self.in_head = False

    def _on_tr_open(self, token: Token) -> None:
        self.row = []

    def _on_tr_close(self, token: Token) -> None:
        assert self.table is not None and self.row is not None
        if self.in_head:
            self.table.header = self.row
        else:
            self.table.rows.append(self.row)
        self.row = None

    def _on_th_open(self, token: Token) -> None:
        style = str(token.attrs.get("style", ""))
        align = style.removeprefix("text-align:") if style.startswith("text-align:") else None
        if self.table is not None and self.in_head:
            self.table.aligns.append(align)

    _on_td_open = _on_th_open

    # Text ------------------------------------------------------------------
    def _on_code_block(self, token: Token) -> None:
        self._add_text_block([Span(token.content.rstrip("\n"))])

    _on_fence = _on_code_block

    def _on_inline(self, token: Token) -> None:
        if self.row is not None and self.table is not None:
            merge = merge_of(token.content)
            if merge is not None:
                row = 0 if self.in_head else len(self.table.rows) + 1
                self.table.merged[(row, len(self.row))] = merge
                self.row.append([])
                return
        spans = _spans(token.children or [], self.dropped)
        if self.row is not None:
            self.row.append(spans)
        elif self.heading:
            self.blocks.append(SubHeading(spans))
        else:
            self._add_text_block(spans)

    def _add_text_block(self, spans: list[Span]) -> None:
        if self.lists:
            current = self.lists[-1]
            marker = self.pending_marker or ""
            self.pending_marker = None
            starts = bool(marker) and not current.get("started")
            if marker:
                current["started"] = True
            self.blocks.append(
                ListEntry(
                    spans,
                    marker,
                    len(self.lists) - 1,
                    delimiter=current["delimiter"],
                    number=self.pending_number,
                    starts_list=starts,
                )
            )
            return
        match = ATTACHMENT_MARK.match(plain_text(spans)) if spans else None
        if match and spans and not spans[0].url:
            first = spans[0]
            marker = first.text.lstrip().split(None, 1)[0] if first.text.strip() else "./."
            rest = first.text.lstrip()[len(marker) :].lstrip()
            head = [Span(rest, first.bold, first.italic)] if rest else []
            self.blocks.append(Attachment(marker, head + spans[1:]))
            return
        self.blocks.append(Paragraph(spans))


def _spans(children: list[Token], dropped: list[DroppedLink]) -> list[Span]:
    """Inline tokens as runs; soft line breaks become spaces, as they read on paper."""
    spans: list[Span] = []
    bold = italic = 0
    url: str | None = None
    refused: str | None = None  # the address of a link being read that may not be one
    refused_text: list[str] = []

    def add(text: str) -> None:
        _append(spans, Span(text, bool(bold), bool(italic), url))
        if refused is not None:
            refused_text.append(text)

    for child in children:
        kind = child.type
        if kind == "strong_open":
            bold += 1
        elif kind == "strong_close":
            bold -= 1
        elif kind == "em_open":
            italic += 1
        elif kind == "em_close":
            italic -= 1
        elif kind == "link_open":
            address = str(child.attrs.get("href", ""))
            url = safe_link_target(address)
            if url is None and address.strip():
                refused, refused_text = address, []
        elif kind == "link_close":
            if refused is not None:
                dropped.append(DroppedLink("".join(refused_text), refused))
                refused = None
            url = None
        elif kind == "softbreak":
            add(" ")
        elif kind == "hardbreak":
            add("\n")
        elif child.content:  # text, code, and an image's description
            add(child.content)
    return spans


def _append(spans: list[Span], span: Span) -> None:
    """Merge neighbours with the same look, so a paragraph is few runs."""
    if spans:
        last = spans[-1]
        if (last.bold, last.italic, last.url) == (span.bold, span.italic, span.url):
            spans[-1] = Span(last.text + span.text, last.bold, last.italic, last.url)
            return
    spans.append(span)
