"""Word's tracked changes (``w:ins``/``w:del``) between two layouts of the same document.

python-docx has no API for revisions, so they are made here in XML. The layout writes both
versions, the sent one and the current one, as lists of body blocks (``w:p``, ``w:tbl``) in
one document; ``tracked_blocks`` merges them into one list: blocks that stayed are the
current ones, edited paragraphs and table cells carry their words inserted and deleted
(``kkr_desk.domain.word_diff`` decides which words and which blocks pair), and a paragraph
or table row that came or went is marked inserted or deleted whole, paragraph mark and all.

Accepting every change in Word gives the current document's text, rejecting every change
gives the sent one's (tests/writer/test_revisions.py reads both back). Paragraph formatting
(list numbering, keep-with-next) is the current version's; only text is tracked.
"""

from __future__ import annotations

import copy
import datetime as dt
import itertools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from docx.opc.part import Part
from docx.oxml.ns import qn
from lxml import etree

from ..domain.word_diff import diff_tokens, pair_blocks, word_tokens
from .oxml import element

DEFAULT_REVISION_AUTHOR = "KKR Desk"

_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_DELETED_TAG = {qn("w:t"): qn("w:delText"), qn("w:instrText"): qn("w:delInstrText")}


@dataclass(frozen=True)
class Revision:
    """Who made the changes and when, as Word's Review pane shows them."""

    author: str
    date: dt.datetime

    @property
    def date_text(self) -> str:
        when = self.date
        if when.tzinfo is not None:
            when = when.astimezone(dt.timezone.utc)
        return when.replace(microsecond=0, tzinfo=None).isoformat() + "Z"


def tracked_blocks(
    sent: Sequence, current: Sequence, revision: Revision, part: Part
) -> list:
    """The body blocks that show ``current`` as tracked changes against ``sent``.

    Both lists' elements are used up: they are placed or changed, not copied.
    """
    marks = _Marks(revision)
    return _Merger(part, marks).blocks(sent, current)


class _Marks:
    """Makes ``w:ins``/``w:del`` elements, each with its own id."""

    def __init__(self, revision: Revision):
        self._revision = revision
        self._ids = itertools.count(1)

    def make(self, tag: str):
        return element(
            tag,
            {
                "w:id": str(next(self._ids)),
                "w:author": self._revision.author,
                "w:date": self._revision.date_text,
            },
        )


@dataclass(frozen=True)
class _Token:
    """One word, space, punctuation mark or non-text run part (tab, break, field char).

    ``key`` is what compares: its text or XML, the run's formatting and its link address.
    """

    key: tuple
    node: object | None  # the run child for a non-text token
    run_properties: object | None
    link_id: str | None


class _Merger:
    def __init__(self, part: Part, marks: _Marks):
        self._part = part
        self._marks = marks
        # Worked out once per paragraph: a long referat compares thousands of them.
        self._token_cache: dict = {}
        self._key_cache: dict = {}

    # Blocks ----------------------------------------------------------------------------

    def blocks(self, sent: Sequence, current: Sequence) -> list:
        out = []
        for old, new in pair_blocks(
            list(sent), list(current), key=self._block_key, kind=_block_kind, tokens=self._words
        ):
            if old is not None and new is not None:
                same = self._block_key(old) == self._block_key(new)
                out.append(new if same else self._edited(old, new))
            elif new is not None:
                out.append(self._whole(new, "w:ins"))
            else:
                out.append(self._whole(old, "w:del"))
        return out

    def _edited(self, old, new):
        if new.tag == qn("w:tbl"):
            return self._edited_table(old, new)
        return self._edited_paragraph(old, new)

    def _whole(self, block, tag: str):
        """A paragraph or table that came (``w:ins``) or went (``w:del``) whole."""
        if block.tag == qn("w:tbl"):
            for row in block.iter(qn("w:tr")):
                self._mark_row(row, tag)
        else:
            self._mark_runs(block, tag)
            self._mark_paragraph_end(block, tag)
        return block

    # Paragraphs ------------------------------------------------------------------------

    def _edited_paragraph(self, old, new):
        old_tokens, new_tokens = self._tokens(old), self._tokens(new)
        edits = diff_tokens(
            [t.key for t in old_tokens], [t.key for t in new_tokens], is_blank=_is_blank
        )
        if all(edit.op == "equal" for edit in edits):
            return new
        made = element("w:p")
        properties = new.find(qn("w:pPr"))
        if properties is not None:
            made.append(properties)
        for edit in edits:
            if edit.op == "delete":
                stretch = old_tokens[edit.old_start : edit.old_end]
            else:
                stretch = new_tokens[edit.new_start : edit.new_end]
            for child in self._runs(stretch, edit.op):
                made.append(child)
        return made

    def _tokens(self, paragraph) -> list[_Token]:
        if paragraph not in self._token_cache:  # the key keeps lxml's proxy, so it stays
            self._token_cache[paragraph] = self._read_tokens(paragraph)
        return self._token_cache[paragraph]

    def _read_tokens(self, paragraph) -> list[_Token]:
        tokens: list[_Token] = []
        for child in paragraph:
            if child.tag == qn("w:r"):
                tokens.extend(self._run_tokens(child, None))
            elif child.tag == qn("w:hyperlink"):
                for run in child.iter(qn("w:r")):
                    tokens.extend(self._run_tokens(run, child.get(qn("r:id"))))
        return tokens

    def _run_tokens(self, run, link_id: str | None) -> Iterator[_Token]:
        properties = run.find(qn("w:rPr"))
        format_key = (
            etree.tostring(properties) if properties is not None else b"",
            self._address(link_id),
        )
        for child in run:
            if child.tag == qn("w:rPr"):
                continue
            if child.tag == qn("w:t"):
                for word in word_tokens(child.text or ""):
                    yield _Token(("text", word, *format_key), None, properties, link_id)
            else:
                key = ("node", etree.tostring(child), *format_key)
                yield _Token(key, child, properties, link_id)

    def _address(self, link_id: str | None) -> str | None:
        if link_id is None:
            return None
        return self._part.rels[link_id].target_ref

    def _runs(self, tokens: Sequence[_Token], op: str) -> list:
        """Runs for consecutive tokens of one format, wrapped as ``op`` asks (and linked)."""
        made = []
        for (_format, link_id), group in itertools.groupby(
            tokens, key=lambda t: (t.key[2:], t.link_id)
        ):
            group = list(group)
            run = element("w:r")
            if group[0].run_properties is not None:
                run.append(copy.deepcopy(group[0].run_properties))
            for is_text, pieces in itertools.groupby(group, key=lambda t: t.node is None):
                if is_text:
                    text = element("w:t")
                    text.text = "".join(t.key[1] for t in pieces)
                    if text.text != text.text.strip():
                        text.set(_XML_SPACE, "preserve")
                    run.append(text)
                else:
                    for piece in pieces:
                        run.append(copy.deepcopy(piece.node))
            if op == "delete":
                _as_deleted(run)
            outer = run
            if op != "equal":
                outer = self._marks.make("w:del" if op == "delete" else "w:ins")
                outer.append(run)
            if link_id is not None:
                outer = element("w:hyperlink", {"r:id": link_id}, outer)
            made.append(outer)
        return made

    def _mark_runs(self, container, tag: str) -> None:
        """Wraps every run under ``container`` in a new ``tag`` mark."""
        for run in list(container.iter(qn("w:r"))):
            mark = self._marks.make(tag)
            run.addprevious(mark)
            mark.append(run)
            if tag == "w:del":
                _as_deleted(run)

    def _mark_paragraph_end(self, paragraph, tag: str) -> None:
        """Marks the paragraph mark itself, so accepting or rejecting removes the paragraph."""
        properties = paragraph.find(qn("w:pPr"))
        if properties is None:
            properties = element("w:pPr")
            paragraph.insert(0, properties)
        mark_properties = properties.find(qn("w:rPr"))
        if mark_properties is None:
            mark_properties = element("w:rPr")
            following = properties.find(qn("w:sectPr"))
            if following is None:
                following = properties.find(qn("w:pPrChange"))
            if following is None:
                properties.append(mark_properties)
            else:
                following.addprevious(mark_properties)
        mark_properties.insert(0, self._marks.make(tag))

    # Tables ----------------------------------------------------------------------------

    def _edited_table(self, old, new):
        old_rows, new_rows = old.findall(qn("w:tr")), new.findall(qn("w:tr"))
        for row in new_rows:
            new.remove(row)
        for old_row, new_row in pair_blocks(
            old_rows, new_rows, key=self._block_key, kind=_row_kind, tokens=self._words
        ):
            if old_row is not None and new_row is not None:
                new.append(self._edited_row(old_row, new_row))
            elif new_row is not None:
                self._mark_row(new_row, "w:ins")
                new.append(new_row)
            else:
                self._mark_row(old_row, "w:del")
                new.append(old_row)
        return new

    def _edited_row(self, old_row, new_row):
        for old_cell, new_cell in zip(old_row.findall(qn("w:tc")), new_row.findall(qn("w:tc"))):
            old_paragraphs = old_cell.findall(qn("w:p"))
            new_paragraphs = new_cell.findall(qn("w:p"))
            for paragraph in new_paragraphs:
                new_cell.remove(paragraph)
            for block in self.blocks(old_paragraphs, new_paragraphs):
                new_cell.append(block)
        return new_row

    def _mark_row(self, row, tag: str) -> None:
        """A row that came or went: its runs and the row itself are marked."""
        self._mark_runs(row, tag)
        properties = row.find(qn("w:trPr"))
        if properties is None:
            properties = element("w:trPr")
            cell = row.find(qn("w:tc"))
            if cell is not None:
                cell.addprevious(properties)
            else:
                row.append(properties)
        properties.append(self._marks.make(tag))

    # What compares -----------------------------------------------------------------------

    def _block_key(self, block) -> tuple:
        """Equal keys: the same kind of block with the same formatted text."""
        if block not in self._key_cache:
            self._key_cache[block] = self._read_block_key(block)
        return self._key_cache[block]

    def _read_block_key(self, block) -> tuple:
        if block.tag == qn("w:p"):
            # Runs as XML (links by address, their ids differ): cheaper than the words.
            parts = []
            for child in block:
                if child.tag == qn("w:hyperlink"):
                    runs = tuple(etree.tostring(run) for run in child.iter(qn("w:r")))
                    parts.append((self._address(child.get(qn("r:id"))), runs))
                elif child.tag != qn("w:pPr"):
                    parts.append(etree.tostring(child))
            return (_block_kind(block), tuple(parts))
        rows = block.findall(qn("w:tr")) if block.tag == qn("w:tbl") else [block]
        return (
            _block_kind(block),
            tuple(
                tuple(self._block_key(p) for p in cell.findall(qn("w:p")))
                for row in rows
                for cell in row.findall(qn("w:tc"))
            ),
        )

    def _words(self, block) -> list:
        """The words a block's likeness to another is measured on."""
        return [
            t.key[1]
            for p in _paragraphs(block)
            for t in self._tokens(p)
            if t.node is None and not t.key[1].isspace()
        ]


def _paragraphs(block) -> list:
    return [block] if block.tag == qn("w:p") else list(block.iter(qn("w:p")))


def _block_kind(block) -> tuple:
    """A paragraph pairs only with one of its style, a table only with one as wide."""
    if block.tag == qn("w:tbl"):
        grid = block.find(qn("w:tblGrid"))
        return ("table", 0 if grid is None else len(grid.findall(qn("w:gridCol"))))
    if block.tag == qn("w:tr"):
        return _row_kind(block)
    style = block.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
    return ("paragraph", None if style is None else style.get(qn("w:val")))


def _row_kind(row) -> tuple:
    return ("row", len(row.findall(qn("w:tc"))))


def _is_blank(key) -> bool:
    return key[0] == "text" and key[1].isspace()


def _as_deleted(run) -> None:
    """Deleted text is ``w:delText`` (and ``w:delInstrText``) in Word's schema."""
    for child in run:
        if child.tag in _DELETED_TAG:
            child.tag = _DELETED_TAG[child.tag]
