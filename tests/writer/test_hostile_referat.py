"""Any text that goes in comes out of the .docx, less the characters Word cannot hold.

Plain fields (committee, place, titles, case numbers, names, notes, headings) are written as
they are. Section bodies are Markdown, so the secretary's literal text is what survives
once every ASCII punctuation mark is backslash-escaped (CommonMark's own way of saying
"this is text, not syntax")."""

from __future__ import annotations

import re
import string
import uuid

import docx
from docx.oxml.ns import qn
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from kkr_desk.writer import export_meeting
from tests.conftest import make_meeting
from tests.hostile import HOSTILE_PIECES, hostile_text

PROPERTY = settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# XML 1.0 forbids these C0 controls and U+FFFE/U+FFFF, so no .docx can hold them; DEL is
# dropped with the other control characters.
WORD_CANNOT_HOLD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
ASCII_PUNCTUATION = set(string.punctuation)


def word_safe(text: str) -> str:
    return WORD_CANNOT_HOLD.sub("", text)


def normalised(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def escaped_markdown(text: str) -> str:
    return "".join("\\" + c if c in ASCII_PUNCTUATION else c for c in text)


def paragraphs_of(path) -> list[str]:
    """Every paragraph's text as Word shows it (tabs and breaks as spaces), headers too."""
    document = docx.Document(str(path))
    roots = [document.element.body]
    for section in document.sections:
        for part in (section.header, section.footer, section.first_page_header):
            roots.append(part._element)
    found = []
    for root in roots:
        for p in root.iter(qn("w:p")):
            text = "".join(
                (node.text or "") if node.tag == qn("w:t") else " "
                for node in p.iter(qn("w:t"), qn("w:tab"), qn("w:br"))
            )
            found.append(normalised(text))
    return found


def assert_in_document(expected: str, paragraphs: list[str], what: str) -> None:
    wanted = normalised(word_safe(expected))
    if wanted:
        assert any(wanted in p for p in paragraphs), f"{what} {expected!r} -> {wanted!r} missing"


line = hostile_text(12).filter(lambda text: "\n" not in text and "\r" not in text)


@PROPERTY
@given(fields=st.lists(line, min_size=13, max_size=13))
def test_every_plain_field_comes_out_as_it_went_in(tmp_path, fields):
    meeting = make_meeting()
    item = meeting.groups[2].items[1]
    torben, staff = meeting.attendance[0], meeting.attendance[3]
    setters = {
        "committee": lambda v: setattr(meeting, "committee", v),
        "place": lambda v: setattr(meeting, "place", v),
        "mission": lambda v: setattr(meeting, "mission", v),
        "vision": lambda v: setattr(meeting, "vision", v),
        "group title": lambda v: setattr(meeting.groups[2], "title", v),
        "item title": lambda v: setattr(item, "title", v),
        "case number": lambda v: setattr(item, "case_number", v),
        "case officers": lambda v: setattr(item, "case_officers", v),
        "section heading": lambda v: setattr(item.sections[0], "heading", v),
        "name": lambda v: setattr(torben.person, "name", v),
        "party": lambda v: setattr(torben.person, "party", v),
        "note": lambda v: setattr(torben, "note", v),
        "staff title": lambda v: setattr(staff.person, "title", v),
    }
    for (what, set_field), value in zip(setters.items(), fields):
        set_field(value)
    path = tmp_path / f"{uuid.uuid4().hex}.docx"
    export_meeting(meeting, path)
    paragraphs = paragraphs_of(path)
    for what, value in zip(setters, fields):
        assert_in_document(value, paragraphs, what)


@PROPERTY
@given(lines=st.lists(line, min_size=1, max_size=6))
@example(lines=["\x1b\t0{"])  # a dropped control character once bared a code-block tab
def test_every_body_paragraph_comes_out_as_it_went_in(tmp_path, lines):
    meeting = make_meeting()
    section = meeting.groups[2].items[1].sections[0]
    section.body = "\n\n".join(escaped_markdown(text.strip()) for text in lines)
    path = tmp_path / f"{uuid.uuid4().hex}.docx"
    export_meeting(meeting, path)
    paragraphs = paragraphs_of(path)
    for text in lines:
        assert_in_document(text.strip(), paragraphs, "body paragraph")


def test_every_hostile_piece_alone(tmp_path):
    """Each piece in a body paragraph and in a title of its own, so a failure names it."""
    meeting = make_meeting()
    items = [item for group in meeting.groups for item in group.items]
    pieces = list(enumerate(HOSTILE_PIECES))
    meeting.groups[2].items[1].sections[0].body = "\n\n".join(
        escaped_markdown(f"start{n} {piece} slut{n}") for n, piece in pieces
    )
    for batch in range(0, len(pieces), len(items)):
        for item, (n, piece) in zip(items, pieces[batch:]):
            item.title = f"titel{n} {piece} slut{n}"
        path = tmp_path / f"pieces{batch}.docx"
        export_meeting(meeting, path)
        paragraphs = paragraphs_of(path)
        for n, piece in pieces[batch : batch + len(items)]:
            assert_in_document(f"start{n} {piece} slut{n}", paragraphs, "body")
            assert_in_document(f"titel{n} {piece} slut{n}", paragraphs, "title")


def test_a_megabyte_decision_is_exported_whole(tmp_path):
    meeting = make_meeting()
    line = "Beslutning " + "".join(p for p in HOSTILE_PIECES if "\n" not in p and "\r" not in p)
    count = 1_000_000 // len(line.encode("utf-8")) + 1
    meeting.groups[0].items[0].sections[-1].body = "\n\n".join([escaped_markdown(line)] * count)
    path = tmp_path / "stor.docx"
    export_meeting(meeting, path)
    wanted = normalised(word_safe(line))
    assert sum(1 for p in paragraphs_of(path) if p == wanted) == count
