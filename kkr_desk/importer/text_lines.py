"""Normalise extracted document text into lines the parser can read by content.

KL's PDFs reach us as extracted text with artefacts: every printed line is followed by an
empty line, the first line of a page starts with a space, link addresses are listed as bare
URL lines after the page that holds the link. Other extractions (pdftotext, PDFium, a
secretary's copy-paste) differ in details, so the rules here are tolerant: they find the
form from the text itself instead of assuming it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..domain.links import safe_link_target
from .limits import MAX_LINES, MAX_TEXT_CHARACTERS, number, too_large

URL_LINE = re.compile(r"^\s*(?P<url>(?:https?://|www\.)\S+)\s*$", re.IGNORECASE)
PAGE_NUMBER_LINE = re.compile(r"^(?:side\s+)?\d{1,3}(?:\s*(?:af|/)\s*\d{1,3})?$", re.IGNORECASE)
_SPACES = re.compile(r"[ \t\u00a0\u2007\u202f]+")
_LINE_END_HYPHEN = re.compile(r"[\u00ad\u2010]$")


@dataclass
class SourceLine:
    """One printed line (or one whole paragraph, from Word), blank when ``text`` is empty.

    ``hint`` carries what a structured source knows for certain ("heading", "bullet",
    "numbered"); text sources leave it empty and the parser decides by content.
    """

    text: str
    page: int = 0
    page_start: bool = False
    hint: str = ""
    links: list[tuple[int, int, str]] = field(default_factory=list)
    """Spans of ``text`` that a structured source knows to be links (start, end, address)."""
    joined: bool = False
    """True when the extraction printed this line straight under the previous one without
    the usual empty line: the two belong together (a wrapped heading)."""

    @property
    def is_blank(self) -> bool:
        return not self.text


@dataclass
class SourceTable:
    """A table whose cells a structured source (Word) delivered already separated."""

    rows: list[list[str]]
    page: int = 0
    page_start: bool = False
    aligns: list[str] = field(default_factory=list)
    """Per column "left", "right", "center" or "" (as the Markdown delimiter row says)."""

    @property
    def is_blank(self) -> bool:
        return False


@dataclass
class SourceText:
    """A document as a stream of lines and tables, with the link addresses of each page."""

    lines: list[SourceLine | SourceTable] = field(default_factory=list)
    page_urls: dict[int, list[str]] = field(default_factory=dict)
    link_texts: dict[int, dict[str, str]] = field(default_factory=dict)
    """Per page, the printed words of each address where the source knows them (PDF)."""
    whole_paragraphs: bool = False
    """True when each line is a whole paragraph (Word): never re-join lines."""
    warnings: list[str] = field(default_factory=list)
    """What the reader left out and the secretary should know (an unsafe link address)."""


def unsafe_link_warning(address: str) -> str:
    """The warning for a link whose address may not be a live link (domain/links.py)."""
    shown = address if len(address) <= 80 else address[:77] + "…"
    return (
        f"Linket til »{shown}« er ikke en web- eller mailadresse; "
        "teksten er bevaret, adressen er udeladt"
    )


def check_text_size(text: str, name: str) -> None:
    """Refuse text no meeting has, before any of it is read (limits.py)."""
    if len(text) > MAX_TEXT_CHARACTERS:
        raise too_large(name, f"{number(len(text))} tegn tekst", f"{number(MAX_TEXT_CHARACTERS)} tegn")
    lines = text.count("\n") + text.count("\f")
    if lines > MAX_LINES:
        raise too_large(name, f"over {number(MAX_LINES)} linjer", f"{number(MAX_LINES)} linjer")


def clean(text: str) -> str:
    """One line's text with odd spaces collapsed and the ends trimmed."""
    # A soft hyphen is invisible in print, except where the line broke at it: there it was
    # printed as "-", and the hyphenation rules join the word again ("Der-" + "udover").
    # Dropped there too, "Der" and "udover" became two words. So is U+2010 (a hyphen).
    text = _LINE_END_HYPHEN.sub("-", text.rstrip()).replace("\u00ad", "")
    text = text.replace("\uf0b7", "•").replace("\u2022", "•")
    return _SPACES.sub(" ", text).strip()


def is_doubled(raw_lines: list[str]) -> bool:
    """Whether most printed lines are followed by an empty line (KL's PDF extraction)."""
    followed = total = 0
    for index, line in enumerate(raw_lines[:-1]):
        if line.strip():
            total += 1
            if raw_lines[index + 1] == "":
                followed += 1
    return total >= 4 and followed / total > 0.6


def lines_from_text(text: str, *, doubled: bool | None = None, name: str = "teksten") -> SourceText:
    """Split extracted text into lines, pages and link addresses.

    ``doubled`` says whether every printed line is followed by an empty line; None finds
    out from each page's text. Text larger than any meeting is refused first.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    check_text_size(text, name)
    source = SourceText()
    page = -1
    for page_text in text.split("\f"):  # a form feed always starts a page
        raw_lines = page_text.split("\n")
        page_doubled = is_doubled(raw_lines) if doubled is None else doubled
        starts_page = True
        previous_raw = ""
        for raw in raw_lines:
            url = URL_LINE.match(raw)
            if url:
                target = safe_link_target(url.group("url"))
                if target is None:
                    source.warnings.append(unsafe_link_warning(url.group("url")))
                else:
                    source.page_urls.setdefault(max(page, 0), []).append(target)
                starts_page = True  # the addresses close a page
                previous_raw = raw
                continue
            if page_doubled:
                if raw == "":
                    previous_raw = raw
                    continue
                if previous_raw != "" and raw.startswith(" ") and raw.strip():
                    # Only a page's last line lacks its empty line; the next page's first
                    # line starts with a space. Without the space the lines belong together
                    # (a wrapped heading).
                    starts_page = True
            if starts_page:
                page += 1
            joined = page_doubled and not starts_page and previous_raw.strip() != "" and bool(raw.strip())
            source.lines.append(
                SourceLine(clean(raw), page=page, page_start=starts_page, joined=joined)
            )
            starts_page = False
            previous_raw = raw
    drop_page_furniture(source)
    return source


def drop_page_furniture(source: SourceText) -> None:
    """Remove bare page numbers ("3", "Side 3 af 9") found at the edge of a page."""
    lines = source.lines
    previous, following = _neighbours(lines)
    keep: list[SourceLine | SourceTable] = []
    for index, line in enumerate(lines):
        if isinstance(line, SourceLine) and PAGE_NUMBER_LINE.match(line.text):
            nxt, prv = following[index], previous[index]
            at_page_end = nxt is None or nxt.page != line.page
            at_page_start = prv is None or prv.page != line.page
            if (at_page_end or at_page_start) and not line.text.endswith("."):
                continue
        keep.append(line)
    source.lines = keep


def _neighbours(lines: list) -> tuple[list, list]:
    """For every line, the nearest non-blank line before it and after it (None at the ends).

    Found in one pass each way: searching from every page number made 80,000 of them take
    half a minute.
    """
    previous: list = []
    last = None
    for line in lines:
        previous.append(last)
        if not line.is_blank:
            last = line
    following: list = [None] * len(lines)
    last = None
    for index in range(len(lines) - 1, -1, -1):
        following[index] = last
        if not lines[index].is_blank:
            last = lines[index]
    return previous, following
