"""From a document's lines to a Meeting: front page, participants, groups, items, sections.

The agenda is found by content: a group heading is "N. Title" with the next group number,
confirmed by the item "N.1." under it, by the next group, or by starting a page; an item is
"N.M. Title" in the current group; the case line is "SAG-2024-02547 chbn/jhp"; a section
heading is one of KL's section names alone on its line. Fonts and spacing are never used,
so other committees' and other years' documents read the same way.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from ..domain import (
    BAGGRUND,
    BESLUTNING,
    STANDARD_SECTIONS,
    AgendaGroup,
    AgendaItem,
    ItemStatus,
    Meeting,
    MeetingKind,
    Section,
)
from .blocks import Block, section_blocks
from .errors import DocumentImportError
from .front_page import (
    RUNNING_HEADER,
    FrontPage,
    committee_from_text,
    parse_date,
    read_front_page,
    read_meeting_times,
)
from .hyphenation import Vocabulary, join_all, join_lines
from .item_record import restore_record
from .limits import MAX_ITEMS, MAX_PRINTED_NUMBER, number, too_large
from .link_text import attach_links
from .markdown import render
from .participant_list import PendingItem, heading_of, is_list_title, read_participants
from .text_lines import SourceLine, SourceTable, SourceText

GROUP_HEADING = re.compile(r"^(?P<number>\d{1,2})\.\s+(?P<title>\S.*)$")
ITEM_HEADING = re.compile(r"^(?P<group>\d{1,2})\.(?P<item>\d{1,2})\.?\s+(?P<title>\S.*)$")
WIDE_GROUP_HEADING = re.compile(r"^(?P<number>\d{3,})\.\s+\S")
WIDE_ITEM_HEADING = re.compile(r"^(?P<group>\d+)\.(?P<item>\d{3,})\.?\s+\S")
"""A heading numbered past MAX_PRINTED_NUMBER: refused, so that no item is silently merged."""
CASE_LINE = re.compile(r"^(?P<case>[A-ZÆØÅ]{2,8}-\d{4}-\d{2,8})(?:\s+(?P<officers>.*))?$")
TOC_TITLE = re.compile(r"^(indholdsfortegnelse|indhold)$", re.IGNORECASE)
TOC_ENTRY_END = re.compile(r"(\.{3,}|…+|\s)\s*\d{1,3}$")
EXTRA_SECTIONS = ("Bilag",)
SECTION_NAMES = {name.lower(): name for name in (*STANDARD_SECTIONS, *EXTRA_SECTIONS)}
_MONTH_WORDS = (
    "januar", "februar", "marts", "april", "maj", "juni", "juli", "august",
    "september", "oktober", "november", "december",
)
MAX_TITLE_LINES = 4


class NotAnAgenda(ValueError):
    """The text holds no numbered agenda: it is not a dagsorden or a referat."""


@dataclass
class _ItemDraft:
    item: AgendaItem
    sections: list[tuple[str, list[SourceLine | SourceTable]]] = field(default_factory=list)


@dataclass
class ParsedDocument:
    meeting: Meeting
    warnings: list[str]
    kind: MeetingKind = MeetingKind.DAGSORDEN
    """What the document was; a referat tells that the meeting was held."""


def parse_document(source: SourceText, *, file_name: str = "") -> ParsedDocument:
    """The meeting a document describes, and what the reader should double-check.

    Raises NotAnAgenda, or DocumentImportError for an agenda no meeting has (too many items,
    numbers past 99).
    """
    warnings: list[str] = list(source.warnings)
    front = FrontPage()
    lines = _without_running_headers(source.lines, front)
    texts = [line.text for line in lines if isinstance(line, SourceLine) and line.text]
    vocabulary = Vocabulary(texts)
    start = agenda_start(lines, source.whole_paragraphs)
    if start is None:
        raise NotAnAgenda("no numbered agenda")
    before = _front_texts(lines[:start])
    list_start = _participants_start(before)
    found = read_front_page(before[:list_start])
    for name in ("kind", "committee", "date", "start_time", "end_time", "place", "mission", "vision"):
        if getattr(found, name):
            setattr(front, name, getattr(found, name))
    for text in texts:
        if read_meeting_times(text, front):
            break
    pending: list[PendingItem] = []
    attendance, participant_warnings = read_participants(before[list_start:], pending)
    warnings.extend(participant_warnings)

    drafts_by_group, agenda_warnings = _read_agenda(
        lines[start:], source.whole_paragraphs, vocabulary, file_name or "dokumentet"
    )
    warnings.extend(agenda_warnings)
    width = _line_width(texts)
    all_blocks: list[Block] = []
    groups: list[AgendaGroup] = []
    section_blocks_of: list[tuple[Section, list[Block]]] = []
    for title, drafts in drafts_by_group:
        group = AgendaGroup(title)
        for draft in drafts:
            for heading, body_lines in draft.sections:
                blocks = section_blocks(
                    body_lines, vocabulary, whole_paragraphs=source.whole_paragraphs, line_width=width
                )
                section = Section(heading)
                draft.item.sections.append(section)
                section_blocks_of.append((section, blocks))
                all_blocks.extend(blocks)
            group.items.append(draft.item)
        groups.append(group)
    for url in attach_links(all_blocks, source.page_urls, source.link_texts):
        warnings.append(f"Linket {url} kunne ikke knyttes til en tekst og er udeladt")
    for section, blocks in section_blocks_of:
        section.body = render(blocks)

    kind = front.kind or _kind_from_content(groups)
    if kind is MeetingKind.REFERAT:
        for group in groups:
            for item in group.items:
                decision = item.section(BESLUTNING)
                if decision is not None and decision.body.strip():
                    item.status = ItemStatus.DECIDED
    committee = front.committee
    if not committee:
        committee = committee_from_text(texts)
        if committee:
            warnings.append(f"Udvalget stod ikke på forsiden; »{committee}« er gættet ud fra teksten")
        else:
            committee = "KKR"
            warnings.append("Udvalget blev ikke fundet; ret det i mødets oplysninger")
    date = front.date
    if date is None:
        date = parse_date(file_name) or dt.date.today()
        warnings.append(
            f"Mødedatoen blev ikke fundet; den er sat til {date:%d-%m-%Y} – ret den i mødets oplysninger"
        )
    meeting = Meeting(
        committee=committee,
        date=date,
        start_time=front.start_time,
        end_time=front.end_time,
        place=front.place,
        mission=front.mission,
        vision=front.vision,
        attendance=attendance,
        groups=groups,
    )
    restore_record(meeting, pending, warnings, sentences=kind is MeetingKind.REFERAT)
    return ParsedDocument(meeting, warnings, kind)


def _front_texts(lines: list) -> list[str]:
    """The text before the agenda, line by line; a page or a table also ends a paragraph."""
    texts: list[list[str]] = []  # each text as its printed lines, joined at the end
    for line in lines:
        if isinstance(line, SourceTable):
            texts.append([""])
            cells = (cell for row in line.rows for cell in row)
            texts.extend([cell] for cell in cells if isinstance(cell, str) and cell)  # no merges
            texts.append([""])
            continue
        if line.page_start:
            texts.append([""])
        if line.joined and texts and texts[-1] != [""]:
            texts[-1].append(line.text)  # a wrapped participant line
        else:
            texts.append([line.text])
    return [join_all(parts) for parts in texts]


def _kind_from_content(groups: list[AgendaGroup]) -> MeetingKind:
    has_decisions = any(item.section(BESLUTNING) for group in groups for item in group.items)
    return MeetingKind.REFERAT if has_decisions else MeetingKind.DAGSORDEN


def _without_running_headers(lines, front: FrontPage) -> list:
    """Drop "KKR Hovedstaden | 23-02-2015" page headers, keeping what they tell."""
    kept = []
    for line in lines:
        if isinstance(line, SourceLine) and (match := RUNNING_HEADER.match(line.text)):
            front.committee = front.committee or match.group("committee").strip()
            front.date = front.date or parse_date(match.group("date"))
            continue
        kept.append(line)
    return kept


def _participants_start(texts: list[str]) -> int:
    for index, text in enumerate(texts):
        if is_list_title(text):
            return index
    for index, text in enumerate(texts):
        heading = heading_of(text)
        if heading is not None and not heading[1] and text.strip():
            return index
    return len(texts)


def agenda_start(lines: list, whole_paragraphs: bool = False) -> int | None:
    """The index of the first group heading, or None when there is no agenda."""
    in_toc = False
    candidates: list[int] = []
    next_item = _next_item_headings(lines)
    for index, line in enumerate(lines):
        if not isinstance(line, SourceLine) or not line.text:
            continue
        if TOC_TITLE.match(line.text):
            in_toc = True
            continue
        if in_toc:
            if (GROUP_HEADING.match(line.text) or ITEM_HEADING.match(line.text)) and TOC_ENTRY_END.search(line.text):
                continue
            in_toc = False
        if is_group_heading(lines, index, 1):
            candidates.append(index)
    # A table of contents lists the same headings without case lines or sections: the
    # agenda proper is the first "1." whose first item is followed by either.
    # Each candidate's first item is found in a table built once, and judged once: searching
    # from every "1." made 8,000 of them take over a minute.
    judged: dict[int, bool] = {}
    for index in candidates:
        item = next_item[index + 1]
        if item is not None and item not in judged:
            judged[item] = _looks_like_item(lines, item, strict=True)
        if item is not None and judged[item]:
            return index
    for index in candidates:
        if next_item[index] is not None:
            return index
    return None


def _next_item_headings(lines: list) -> list[int | None]:
    """For every position, the index of the first item heading at or after it (None: none)."""
    found: list[int | None] = [None] * (len(lines) + 1)
    for index in range(len(lines) - 1, -1, -1):
        line = lines[index]
        is_item = isinstance(line, SourceLine) and ITEM_HEADING.match(line.text)
        found[index] = index if is_item else found[index + 1]
    return found


def is_group_heading(lines: list, index: int, number: int) -> bool:
    """Whether line ``index`` is the heading of group ``number``."""
    line = lines[index]
    if not isinstance(line, SourceLine) or line.hint in ("bullet", "numbered"):
        return False
    match = GROUP_HEADING.match(line.text)
    if not match or ITEM_HEADING.match(line.text) or int(match.group("number")) != number:
        return False
    title = match.group("title")
    first_word = title.split()[0].lower().rstrip(".,")
    if not (title[0].isupper() or title[0].isdigit()) or first_word in _MONTH_WORDS:
        return False
    if TOC_ENTRY_END.search(title) and re.search(r"\.{3,}|…", title):
        return False
    if line.page_start or line.hint == "title":
        return True
    following = _next_text(lines, index)
    if following is None:
        return True
    item = ITEM_HEADING.match(following)
    if item and int(item.group("group")) == number:
        return True
    # An empty group ("5. KKR") followed by the next group: both stand alone on their lines,
    # which "2. Praktik" / "3. Fastholdelse" in a numbered list do not.
    nxt = GROUP_HEADING.match(following)
    if not nxt or ITEM_HEADING.match(following) or int(nxt.group("number")) != number + 1:
        return False
    before = lines[index - 1] if index > 0 else None
    after = lines[index + 1]  # exists: ``following`` was found after this line
    if not (before is None or _is_blank_line(before)):
        return False
    if _is_blank_line(after):
        return True
    # The last line of a page, under an item's empty last section (a dagsorden has no
    # Beslutning after it), with the next group starting the next page: a group too, when
    # that next group is one. Recursion only walks a run of consecutive group headings.
    return isinstance(after, SourceLine) and after.page_start and is_group_heading(lines, index + 1, number + 1)


def _is_blank_line(line) -> bool:
    return isinstance(line, SourceLine) and not line.text


def _next_text(lines: list, index: int) -> str | None:
    for position in range(index + 1, len(lines)):  # no slice: a copy of the rest per call
        line = lines[position]
        if isinstance(line, SourceTable):
            return ""
        if line.text:
            return line.text
    return None


def section_name(text: str) -> str | None:
    return SECTION_NAMES.get(text.strip().rstrip(":").strip().lower())


def _read_agenda(lines: list, whole_paragraphs: bool, vocabulary: Vocabulary, label: str):
    groups: list[tuple[str, list[_ItemDraft]]] = []
    warnings: list[str] = []
    draft: _ItemDraft | None = None
    body: list | None = None
    index = 0
    stray = 0
    group_number = item_number = 0  # as printed; positions decide the numbers we keep
    item_count = 0
    while index < len(lines):
        line = lines[index]
        text = line.text if isinstance(line, SourceLine) else None
        found = _group_number_at(lines, index, group_number) if text else None
        if text and found is None and groups:
            _refuse_numbers_past_limit(lines, index, group_number, item_number, label)
        if found is not None:
            if found != group_number + 1:
                warnings.append(
                    f"Dagsordenen springer fra gruppe {group_number} til {found}; "
                    "grupperne er nummereret efter rækkefølgen"
                )
            groups.append((GROUP_HEADING.match(text).group("title"), []))
            group_number, item_number = found, 0
            draft, body = None, None
            index += 1
            continue
        item_match = ITEM_HEADING.match(text) if text else None
        if item_match and groups and int(item_match.group("group")) == group_number:
            printed = int(item_match.group("item"))
            if printed > item_number and _looks_like_item(lines, index, whole_paragraphs):
                if printed != item_number + 1:
                    warnings.append(
                        f"Dagsordenen springer fra punkt {group_number}.{item_number} til "
                        f"{group_number}.{printed}; punkterne er nummereret efter rækkefølgen"
                    )
                item_number = printed
                item_count += 1
                if item_count > MAX_ITEMS:
                    raise too_large(label, f"over {number(MAX_ITEMS)} punkter", f"{number(MAX_ITEMS)} punkter")
                title, index = _item_title(lines, index, item_match.group("title"), whole_paragraphs, vocabulary)
                draft = _ItemDraft(AgendaItem(title))
                groups[-1][1].append(draft)
                body = None
                index = _read_case_line(lines, index, draft.item)
                continue
        name = section_name(text) if text else None
        if name and draft is not None:
            body = []
            draft.sections.append((name, body))
            index += 1
            continue
        if body is not None:
            body.append(line)
        elif draft is not None and (text or isinstance(line, SourceTable)):
            # Text between the case line and the first section heading: KL's Baggrund.
            body = [line]
            draft.sections.append((BAGGRUND, body))
        elif text or isinstance(line, SourceTable):
            stray += 1
        index += 1
    if stray:
        warnings.append(f"{stray} linje(r) stod uden for et punkt og er udeladt")
    return groups, warnings


def _refuse_numbers_past_limit(lines: list, index: int, group: int, item: int, name: str) -> None:
    """Refuse the agenda when it goes on past item N.99 or group 99, which are not read.

    Before, "1.100." was read as text of item 1.99: a hundred items merged, no warning.
    """
    text = lines[index].text
    wide_item = WIDE_ITEM_HEADING.match(text)
    if wide_item and int(wide_item.group("group")) == group and int(wide_item.group("item")) == item + 1:
        raise DocumentImportError(
            f"{name} kan ikke læses hel: punkt {group}.{item + 1} og de følgende er ikke læst, "
            f"for KKR Desk læser højst {MAX_PRINTED_NUMBER} punkter i en gruppe; filen er ikke importeret"
        )
    wide_group = WIDE_GROUP_HEADING.match(text)
    if wide_group and int(wide_group.group("number")) == group + 1:
        following = re.match(rf"{group + 1}\.\d+\.?\s+\S", _next_text(lines, index) or "")
        if lines[index].page_start or following:
            raise DocumentImportError(
                f"{name} kan ikke læses hel: gruppe {group + 1} og de følgende er ikke læst, "
                f"for KKR Desk læser højst {MAX_PRINTED_NUMBER} grupper; filen er ikke importeret"
            )


def _group_number_at(lines: list, index: int, current: int) -> int | None:
    """The printed number of the group heading at ``index``, or None when it is none.

    The next number is expected; one that skips a few is taken only when its own first
    item follows ("7. Eventuelt" then "7.1. Eventuelt" after group 5).
    """
    if is_group_heading(lines, index, current + 1):
        return current + 1
    match = GROUP_HEADING.match(lines[index].text)
    if not match or ITEM_HEADING.match(lines[index].text):
        return None
    number = int(match.group("number"))
    if not current + 1 < number <= current + 4 or not is_group_heading(lines, index, number):
        return None
    following = _next_text(lines, index) or ""
    item = ITEM_HEADING.match(following)
    return number if item and int(item.group("group")) == number else None


def _looks_like_item(lines: list, index: int, whole_paragraphs: bool = False, *, strict: bool = False) -> bool:
    """An item heading is followed soon by its case line, a section, or the next heading.

    ``strict`` wants the case line or a section: a heading in a table of contents has none.
    """
    seen = 0
    for position in range(index + 1, len(lines)):  # no slice: a copy of the rest per call
        line = lines[position]
        if isinstance(line, SourceTable):
            return False
        if not line.text:
            continue
        if CASE_LINE.match(line.text) or section_name(line.text):
            return True
        if GROUP_HEADING.match(line.text):
            return not strict
        seen += 1
        if seen > MAX_TITLE_LINES:
            return False
    return True


def _item_title(lines: list, index: int, title: str, whole_paragraphs: bool, vocabulary: Vocabulary):
    """The item's whole title, joining wrapped lines; returns it and the next line's index."""
    index += 1
    if whole_paragraphs:
        return title, index
    extra: list[SourceLine] = []
    position = index
    while position < len(lines) and len(extra) < MAX_TITLE_LINES:
        line = lines[position]
        if not isinstance(line, SourceLine) or not line.text:
            break
        if CASE_LINE.match(line.text) or section_name(line.text) or ITEM_HEADING.match(line.text):
            break
        if GROUP_HEADING.match(line.text) and not line.joined:
            break
        extra.append(line)
        position += 1
    if extra and not all(line.joined for line in extra):
        following = _next_text(lines, position - 1)
        clean_end = following is None or bool(CASE_LINE.match(following) or section_name(following))
        if not clean_end:
            extra = [line for line in extra if line.joined][:1] if extra[0].joined else []
            position = index + len(extra)
    for line in extra:
        title = join_lines(title, line.text, vocabulary)
    return title, position


def _read_case_line(lines: list, index: int, item: AgendaItem) -> int:
    position = index
    while position < len(lines):
        line = lines[position]
        if isinstance(line, SourceLine) and not line.text:
            position += 1
            continue
        if isinstance(line, SourceLine) and (match := CASE_LINE.match(line.text)):
            item.case_number = match.group("case")
            officers = match.group("officers") or ""
            item.case_officers = re.sub(r"\s*/\s*", "/", officers.strip())
            return position + 1
        break
    return index


def _line_width(texts: list[str]) -> int:
    lengths = sorted(len(text) for text in texts)
    if not lengths:
        return 80
    return max(40, lengths[int(len(lengths) * 0.9)])
