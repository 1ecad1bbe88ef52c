"""The domain Meeting laid out as KL's referat or dagsorden (python-docx document in memory).

Page by page: front page (kind and year, committee, Dato, Sted, Mission, Vision), an
optional table of contents, the Deltagerfortegnelse, then every agenda group on a new page
with its items, case lines and sections. A running header and page number from page 2 on.
Only this module knows the layout; styles come from ``style``, XML from ``oxml``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from docx.document import Document
from docx.oxml.ns import qn

from ..domain import BESLUTNING, INDSTILLING, Meeting, MeetingKind, numbered_groups
from ..domain.agenda import item_number
from ..domain.checks import ExportWarning
from ..domain.clock import clock
from ..domain.participants import participant_groups
from ..domain.record import presence
from ..domain.record_text import item_sentences
from ..markdown_form import (
    Attachment,
    Block,
    DroppedLink,
    ListEntry,
    Paragraph,
    Span,
    SubHeading,
    Table,
    clean_markdown,
    markdown_blocks,
)
from . import oxml
from .numbering import Lists
from .oxml import BodyWriter, RecordingWriter, paragraph, run
from .properties import (
    KIND_WORD,
    date_text,
    drop_thumbnail,
    set_core_properties,
    set_hyphenation,
    set_update_fields,
)
from .style import (
    FONT,
    LIST_HANGING,
    LIST_INDENT,
    TABLE_HEAD_FILL,
    TABLE_RULE,
    Role,
    install_styles,
)
from .revisions import DEFAULT_REVISION_AUTHOR, Revision, tracked_blocks
from .table_widths import column_widths
from .template import blank_document, copy_part_content, open_template

TOC_TITLE = "Indholdsfortegnelse"
PARTICIPANTS_TITLE = "Deltagerfortegnelse"
MEETING_TIME_HEADING = "Mødetid"
KEPT_TOGETHER = frozenset({INDSTILLING, BESLUTNING})
LIST_END_SPACE = 120  # twips: a list ends with the gap of an ordinary paragraph


def letter_spaced(text: str) -> str:
    """KL's title form: letters one space apart, words two: "R E F E R A T  2 0 2 4"."""
    return "  ".join(" ".join(word) for word in text.split())


def build_document(
    meeting: Meeting,
    kind: MeetingKind,
    *,
    template: Path | None = None,
    table_of_contents: bool = False,
    toc_pages: Sequence[int] | None = None,
    author: str = DEFAULT_REVISION_AUTHOR,
    now: dt.datetime | None = None,
    warnings: list[ExportWarning] | None = None,
    changes_since: Meeting | None = None,
    revision: Revision | None = None,
) -> Document:
    """The whole document; raises TemplateError or style.MissingStyleError for a bad template.

    ``toc_pages`` gives the page of each group and item heading, in order, for the table of
    contents; without it Word fills in the pages when the document is opened. What the
    layout had to leave out (a link to an address that may not be one) is appended to
    ``warnings``.

    With ``changes_since`` (the version sent for approval) the body is that version laid
    out the same way and turned into this one by Word's tracked changes, marked with
    ``revision`` (author and time; default "KKR Desk", now); see ``revisions``.
    """
    document = open_template(template) if template else blank_document()
    ids = install_styles(document, from_template=template is not None)
    from_template = template is not None
    sent_blocks: list | None = None
    if changes_since is not None:
        # Laid out first and in the same document, so its lists and links exist there too.
        sent = _Layout(document, ids, changes_since, kind, from_template=from_template, record=True)
        sent.body(table_of_contents, None)
        sent_blocks = sent.out.blocks
    layout = _Layout(
        document, ids, meeting, kind, from_template=from_template, record=sent_blocks is not None
    )
    if warnings is not None:
        layout.warnings = warnings
    layout.body(table_of_contents, toc_pages)
    if sent_blocks is not None:
        stamp = revision or Revision(DEFAULT_REVISION_AUTHOR, dt.datetime.now(dt.timezone.utc))
        body = BodyWriter(document.element.body, document.part)
        for block in tracked_blocks(sent_blocks, layout.out.blocks, stamp, document.part):
            body.add(block)
    if table_of_contents:
        set_update_fields(document)
    layout.header_and_footer()
    set_hyphenation(document)
    drop_thumbnail(document)
    set_core_properties(document, meeting, kind, author, now or dt.datetime.now(dt.timezone.utc))
    return document


class _Layout:
    def __init__(
        self,
        document: Document,
        ids: dict[Role, str],
        meeting: Meeting,
        kind: MeetingKind,
        *,
        from_template: bool,
        record: bool = False,
    ):
        self.document = document
        self.ids = ids
        self.meeting = meeting
        self.kind = kind
        writer = RecordingWriter if record else BodyWriter
        self.out = writer(document.element.body, document.part)
        self.lists = Lists(
            document, indent=LIST_INDENT, hanging=LIST_HANGING, font=None if from_template else FONT
        )
        self.list_ids: dict[int, str] = {}  # nesting level → numId of the list being written
        self.warnings: list[ExportWarning] = []
        section = document.sections[-1]
        self.text_width = int(
            (section.page_width - section.left_margin - section.right_margin) / 635
        )

    def para(self, role: Role, content=(), **options) -> None:
        self.out.add(paragraph(self.ids[role], content, **options))

    def text(self, role: Role, text: str, **options) -> None:
        self.para(role, [run(text)], **options)

    def body(self, table_of_contents: bool, toc_pages: Sequence[int] | None) -> None:
        """Everything before the section properties, in page order."""
        self.front_page()
        if table_of_contents:
            self.table_of_contents(toc_pages)
        self.participants()
        self.agenda()

    # Front page ---------------------------------------------------------------
    def front_page(self) -> None:
        meeting = self.meeting
        kind_word = KIND_WORD[self.kind].upper()
        self.text(Role.TITLE, letter_spaced(f"{kind_word} {meeting.date.year}"))
        self.text(Role.COMMITTEE, letter_spaced(meeting.committee.upper()))
        when = date_text(meeting.date)
        if meeting.start_time is not None:
            when += f" kl. {meeting.start_time:%H:%M}"
        self.text(Role.FRONT_FIELD, f"Dato:\t{when}")
        if meeting.place.strip():
            self.text(Role.FRONT_FIELD, f"Sted:\t{meeting.place.strip()}")
        for heading, statement in (("Mission", meeting.mission), ("Vision", meeting.vision)):
            if statement.strip():
                self.text(Role.FRONT_HEADING, heading)
                self.text(Role.FRONT_TEXT, statement.strip())

    # Table of contents ----------------------------------------------------------
    def table_of_contents(self, pages: Sequence[int] | None) -> None:
        """A TOC field Word fills on open; its stored result already lists the headings.

        ``pages`` are the headings' page numbers when known (from a first LibreOffice
        rendering, for a PDF, which nobody can update); otherwise Word adds them.
        """
        self.text(Role.PAGE_TITLE, TOC_TITLE, page_break_before=True)
        entries: list[tuple[Role, str]] = []
        for group_position, (number, group) in enumerate(numbered_groups(self.meeting)):
            entries.append((Role.TOC_1, f"{number} {group.title}"))
            for item_position, item in enumerate(group.items):
                entries.append(
                    (Role.TOC_2, f"{item_number(group_position, item_position)}\t{item.title}")
                )
        if not entries:
            entries.append((Role.TOC_1, ""))
        instruction = 'TOC \\o "1-2" \\h \\z \\u'
        if pages is None or len(pages) != len(entries):
            pages = None
        for position, (role, label) in enumerate(entries):
            content = oxml.field_start(instruction) if position == 0 else []
            content.append(run(label))
            if pages is not None:
                content.append(run(f"\t{pages[position]}"))
            if position == len(entries) - 1:
                content.append(oxml.field_end())
            self.para(role, content, leader_tab=self.text_width)

    # Deltagerfortegnelse ------------------------------------------------------
    def participants(self) -> None:
        """The list of who came; left out whole when nobody is listed (a dagsorden often)."""
        meeting = self.meeting
        groups = participant_groups(meeting, self.kind)
        times = self.kind == MeetingKind.REFERAT and meeting.start_time and meeting.end_time
        if not groups and not times:
            return
        self.text(Role.PAGE_TITLE, PARTICIPANTS_TITLE, page_break_before=True)
        for group in groups:
            self.text(Role.PARTICIPANT_HEADING, group.heading)
            for line in group.lines:
                self.text(Role.PARTICIPANT, line)
        if times:
            self.text(Role.PARTICIPANT_HEADING, MEETING_TIME_HEADING)
            self.text(
                Role.PARTICIPANT,
                f"Mødet begyndte kl. {clock(meeting.start_time)} "
                f"og sluttede kl. {clock(meeting.end_time)}.",
            )

    # Agenda ----------------------------------------------------------------------
    def agenda(self) -> None:
        for group_position, (number, group) in enumerate(numbered_groups(self.meeting)):
            self.text(Role.GROUP_HEADING, f"{number} {group.title}", page_break_before=True)
            for item_position, item in enumerate(group.items):
                label = item_number(group_position, item_position)
                self.text(Role.ITEM_HEADING, f"{label}\t{item.title}")
                if item.case_line:
                    self.text(Role.CASE_LINE, item.case_line)
                record = self.record_blocks(item)
                for section in item.sections:
                    if self.kind == MeetingKind.DAGSORDEN and section.heading == BESLUTNING:
                        continue
                    dropped: list[DroppedLink] = []
                    blocks = markdown_blocks(clean_markdown(section.body), dropped)
                    self.warnings.extend(
                        _dropped_link_warning(link, label, section.heading) for link in dropped
                    )
                    if section.heading == BESLUTNING:
                        blocks, record = record + blocks, []
                    self.section(section.heading, blocks)
                if record:
                    self.section(BESLUTNING, record)

    def record_blocks(self, item) -> list[Block]:
        """The item's record sentences (domain/record_text), printed before the decision."""
        if self.kind != MeetingKind.REFERAT:
            return []
        sentences = item_sentences(presence(self.meeting, item), item)
        return [Paragraph([Span(sentence)]) for sentence in sentences]

    def section(self, heading: str, blocks: list[Block]) -> None:
        """A section heading and its body.

        The recommendation and the decision are kept on one page with their heading: a
        decision's last line alone at the top of a page is what a reader would notice.
        """
        self.text(Role.SECTION_HEADING, heading)
        together = heading in KEPT_TOGETHER
        for position, block in enumerate(blocks):
            last = position == len(blocks) - 1
            following = None if last else blocks[position + 1]
            self.block(block, keep_next=together and not last, following=following)

    def spans(self, parts: list[Span]) -> list:
        return oxml.spans(self.out, parts, self.ids[Role.HYPERLINK])

    def block(
        self, block: Block, *, keep_next: bool = False, following: Block | None = None
    ) -> None:
        if isinstance(block, Paragraph):
            self.para(Role.BODY, self.spans(block.spans), keep_next=keep_next)
        elif isinstance(block, SubHeading):
            self.para(Role.SUB_HEADING, self.spans(block.spans))
        elif isinstance(block, ListEntry):
            self.list_entry(
                block, keep_next=keep_next, ends_list=not isinstance(following, ListEntry)
            )
        elif isinstance(block, Attachment):
            self.para(
                Role.ATTACHMENT,
                [run(f"{block.marker}\t"), *self.spans(block.spans)],
                keep_next=keep_next,
            )
        elif isinstance(block, Table):
            self.table(block)

    def list_entry(self, entry: ListEntry, *, keep_next: bool, ends_list: bool) -> None:
        """A paragraph of a real Word list; the last one of a list leaves a gap after it."""
        options: dict = {"keep_next": keep_next}
        if entry.marker:
            if entry.starts_list or entry.level not in self.list_ids:
                self.list_ids[entry.level] = self.lists.new_list(
                    entry.delimiter, entry.number or 1, entry.level
                )
            options["numbering"] = (self.list_ids[entry.level], entry.level)
        else:  # a further paragraph of the item above: aligned with its text
            options["indent"] = (LIST_INDENT * (entry.level + 1), 0)
        if ends_list:
            options["space_after"] = LIST_END_SPACE
        self.out.add(paragraph(self.ids[Role.LIST], self.spans(entry.spans), **options))

    def table(self, table: Table) -> None:
        columns = max([len(table.header), *(len(row) for row in table.rows)], default=0)
        if columns == 0:
            return
        rows = [table.header, *table.rows]
        aligns = list(table.aligns) + [None] * (columns - len(table.aligns))
        style_id = self.ids[Role.TABLE_TEXT]
        header_rows = table.header_rows
        merged = {place: merge.name.lower() for place, merge in table.merged.items()}
        spanning = {(row, column - 1) for (row, column), how in merged.items() if how == "left"}
        cells = []
        for index, row in enumerate(rows):
            row = list(row) + [[]] * (columns - len(row))
            made_row = []
            for column, parts in enumerate(row):
                if index < header_rows:
                    parts = [Span(p.text, True, p.italic, p.url) for p in parts]
                align = {"right": "right", "center": "center"}.get(aligns[column] or "")
                if (index, column) in spanning:
                    align = "center"  # a group heading over its columns
                made_row.append([paragraph(style_id, self.spans(parts), align=align)])
            cells.append(made_row)
        # A cell over several columns gets their width together: it does not size one.
        sized = [
            [[] if (index, column) in spanning else parts for column, parts in enumerate(row)]
            for index, row in enumerate(rows)
        ]
        self.out.add(
            oxml.table(
                cells,
                widths=column_widths(sized, columns, self.text_width),
                header_rows=header_rows,
                rule_color=TABLE_RULE,
                head_fill=TABLE_HEAD_FILL,
                merged=merged,
            )
        )
        # Word needs a paragraph between two tables, and the text after wants some air.
        self.para(Role.TABLE_TEXT, [])

    # Header and footer ---------------------------------------------------------------
    def header_and_footer(self) -> None:
        """ "KKR Midtjylland | 05-09-2024" and "Side N" on every page but the first.

        A template's own header and footer (a logo, an address) stay on every page, the
        front page included, unless the template gives the front page its own.
        """
        section = self.document.sections[-1]
        header, footer = section.header, section.footer
        front_pairs = [(header, section.first_page_header)]
        if not _has_page_field(footer._element):
            front_pairs.append((footer, section.first_page_footer))
        section.different_first_page_header_footer = True
        for source, front in front_pairs:
            if front.is_linked_to_previous and not source.is_linked_to_previous:
                copy_part_content(source, front)
        for front in (section.first_page_header, section.first_page_footer):
            front.is_linked_to_previous = False
        header.is_linked_to_previous = False
        footer.is_linked_to_previous = False
        running = f"{self.meeting.committee} | {date_text(self.meeting.date)}"
        _put(header._element, paragraph(self.ids[Role.RUNNING_HEADER], [run(running)]))
        if not _has_page_field(footer._element):
            number = paragraph(
                self.ids[Role.PAGE_NUMBER], [run("Side "), oxml.simple_field("PAGE", "2")]
            )
            _put(footer._element, number)


def _dropped_link_warning(link: DroppedLink, number: str, heading: str) -> ExportWarning:
    """Says which text lost its link, and to what: never the raw Markdown in the referat."""
    address = link.address if len(link.address) <= 60 else link.address[:57] + "…"
    text = " ".join(link.text.split())
    text = text if len(text) <= 40 else text[:37] + "…"
    return ExportWarning(
        f"Punkt {number.rstrip('.')}, {heading}: linket »{text}« peger på {address!r}, "
        "som ikke er en web- eller mailadresse; teksten står i dokumentet uden link.",
        number,
    )


def _put(container, made) -> None:
    """Into a header or footer: replace python-docx's lone empty paragraph, else append."""
    paragraphs = container.findall(qn("w:p"))
    if (
        len(paragraphs) == 1
        and not "".join(paragraphs[0].itertext()).strip()
        and len(container) == 1
    ):
        container.remove(paragraphs[0])
    container.append(made)


def _has_page_field(container) -> bool:
    instructions = [node.get(qn("w:instr"), "") for node in container.iter(qn("w:fldSimple"))]
    instructions += [node.text or "" for node in container.iter(qn("w:instrText"))]
    return any(text.split()[:1] == ["PAGE"] for text in instructions)
