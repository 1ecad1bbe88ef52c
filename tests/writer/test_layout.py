"""The exported .docx read back: text and order against the seed, styles, links, fields."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import docx
import pytest
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn

from kkr_desk.domain import (
    AgendaGroup,
    AgendaItem,
    AttendanceStatus,
    MeetingKind,
    Section,
)
from kkr_desk.writer import export_meeting
from kkr_desk.writer.layout import letter_spaced

from .conftest import assert_in_order, body_lines, normalised, texts

EXPECTED = Path(__file__).with_name("sample_expected.txt")


def expected_lines() -> list[str]:
    lines = EXPECTED.read_text(encoding="utf-8").splitlines()
    return [normalised(line) for line in lines if line and not line.startswith("#")]


@pytest.fixture
def referat(tmp_path, sample) -> Path:
    path = tmp_path / "referat.docx"
    export_meeting(sample, path, kind=MeetingKind.REFERAT)
    return path


def test_sample_referat_has_the_seed_text_in_the_seed_order(referat):
    assert_in_order(expected_lines(), texts(referat))


def test_front_page_title_committee_date_place(referat):
    lines = texts(referat)
    assert lines[:4] == [
        "R E F E R A T  2 0 2 4".replace("  ", " "),  # whitespace is normalised on reading
        "K K R M I D T J Y L L A N D",
        "Dato: 05-09-2024 kl. 10:00",
        "Sted: Regionshuset Viborg, Skottenborg 26, 8800 Viborg",
    ]
    document = docx.Document(str(referat))
    assert document.paragraphs[0].text == "R E F E R A T  2 0 2 4"
    assert letter_spaced("KKR Midtjylland".upper()) == "K K R  M I D T J Y L L A N D"


def test_group_and_item_headings_use_words_heading_styles(referat, sample):
    lines = body_lines(referat)
    groups = [text for style, text in lines if style == "Heading 1"]
    items = [text for style, text in lines if style == "Heading 2"]
    assert groups == [f"{n}. {g.title}" for n, g in enumerate(sample.groups, 1)]
    assert len(items) == 10 and items[6].startswith("3.5. Politiske aftaler")
    document = docx.Document(str(referat))
    outline = document.styles["Heading 2"].element.find(f"{qn('w:pPr')}/{qn('w:outlineLvl')}")
    assert outline.get(qn("w:val")) == "1"


def test_every_group_and_the_participant_list_start_a_new_page(referat):
    document = docx.Document(str(referat))
    breaking = [
        p.text
        for p in document.paragraphs
        if p._p.find(f"{qn('w:pPr')}/{qn('w:pageBreakBefore')}") is not None
    ]
    assert breaking == ["Deltagerfortegnelse"] + [
        p.text for p in document.paragraphs if p.style.name == "Heading 1"
    ]


def test_section_labels_and_case_lines_have_their_own_styles(referat):
    lines = body_lines(referat)
    case_lines = [text for style, text in lines if style == "KKR Sagslinje"]
    assert case_lines[:3] == [
        "SAG-2024-02547 chbn",
        "SAG-2024-02547 chbn/jhp",
        "SAG-2024-02547 jhp",
    ]
    labels = [text for style, text in lines if style == "KKR Afsnitsoverskrift"]
    assert labels.count("Beslutning") == 10
    sub = [text for style, text in lines if style == "KKR Underoverskrift"]
    assert sub[0] == "Møde mellem KL og KKR formandskaberne"


def test_hyperlinks_are_real_and_clickable(referat):
    document = docx.Document(str(referat))
    rels = document.part.rels
    links = {}
    for link in document.element.body.iter(qn("w:hyperlink")):
        rel = rels[link.get(qn("r:id"))]
        assert rel.reltype == RT.HYPERLINK and rel.is_external
        links["".join(t.text for t in link.iter(qn("w:t")))] = rel.target_ref
    assert links["Referat fra møde i KKR Midtjylland den 18. juni 2024"].startswith(
        "https://www.kl.dk/media/iy1bukqi/"
    )
    assert len(links) == 4
    run_style = next(document.element.body.iter(qn("w:hyperlink"))).find(
        f"{qn('w:r')}/{qn('w:rPr')}/{qn('w:rStyle')}"
    )
    assert run_style.get(qn("w:val")) == document.styles["Hyperlink"].style_id


def test_lists_tables_and_attachments(referat):
    lines = body_lines(referat)
    bullets = [text for style, text in lines if style == "KKR Liste" and text.startswith("–")]
    assert "– Beredskabsområdet" in bullets
    attachments = [text for style, text in lines if style == "KKR Bilag"]
    assert attachments[0] == "./. Status er vedlagt som bilag."
    assert attachments[1].startswith("./.. Behovet for velfærdsuddannede")
    document = docx.Document(str(referat))
    [table] = document.tables
    assert [c.text for c in table.rows[4].cells] == [
        "KKR Midtjylland",
        "668",
        "668",
        "1.305",
        "1304",
    ]
    assert table.rows[0].cells[0].text == "KKR"
    header_row = table.rows[0]._tr
    assert header_row.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None
    assert table.rows[1].cells[1].paragraphs[0].alignment is not None  # right-aligned numbers


def test_running_header_and_page_number_from_page_two(referat):
    document = docx.Document(str(referat))
    [section] = document.sections
    assert section.different_first_page_header_footer
    assert section.header.paragraphs[-1].text == "KKR Midtjylland | 05-09-2024"
    assert not "".join(p.text for p in section.first_page_header.paragraphs).strip()
    fields = [f.get(qn("w:instr")) for f in section.footer._element.iter(qn("w:fldSimple"))]
    assert [f.strip() for f in fields] == ["PAGE"]
    assert section.footer.paragraphs[-1].text.startswith("Side ")
    assert round(section.page_width.cm, 1) == 21.0  # A4


def test_core_properties_describe_the_document_not_the_tool(referat):
    document = docx.Document(str(referat))
    props = document.core_properties
    assert props.title == "Referat – KKR Midtjylland 05-09-2024"
    assert props.author == "KKR Desk" and props.subject.startswith("KKR Midtjylland")
    assert props.created.year >= 2024 and props.modified == props.created
    assert (dt.datetime.now(dt.timezone.utc) - props.created).days < 2
    core = document.part.package.part_related_by(RT.CORE_PROPERTIES).blob.decode()
    assert "python-docx" not in core
    # The blank template's preview picture would stand for the document in file browsers.
    assert not [r for r in document.part.package.rels.values() if r.reltype == RT.THUMBNAIL]
    import zipfile

    assert "docProps/thumbnail.jpeg" not in zipfile.ZipFile(referat).namelist()


def test_house_style_is_danish_and_arial(referat):
    document = docx.Document(str(referat))
    normal = document.styles["Normal"]
    assert normal.font.name == "Arial"
    assert normal.font.size.pt == 10.5
    lang = document.styles.element.find(
        f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}"
    )
    assert lang.get(qn("w:val")) == "da-DK"
    assert document.styles["Heading 1"].font.bold


def test_dagsorden_is_the_meeting_without_decisions(tmp_path, sample):
    path = tmp_path / "dagsorden.docx"
    export_meeting(sample, path, kind=MeetingKind.DAGSORDEN)
    lines = texts(path)
    assert lines[0] == "D A G S O R D E N 2 0 2 4"
    assert "Beslutning" not in lines and "Godkendt." not in lines
    assert "Taget til efterretning." not in lines
    referat_expected = [line for line in expected_lines() if line != "Beslutning"]
    decisions = {
        section.body.split("\n\n")[0].strip()
        for item in sample.items
        for section in item.sections
        if section.heading == "Beslutning"
    }
    dagsorden_expected = [
        line
        for line in referat_expected[2:]
        if line not in decisions
        and "Ib Lauritsen orienterede" not in line
        and "ønske om at få kommunikeret" not in line
    ]
    assert_in_order(dagsorden_expected, lines)
    assert "SAG-2024-02547 jl/chbn/jr" in lines


def test_table_of_contents_is_a_field_word_updates(tmp_path, sample):
    path = tmp_path / "toc.docx"
    export_meeting(sample, path, table_of_contents=True)
    document = docx.Document(str(path))
    instructions = [t.text for t in document.element.body.iter(qn("w:instrText"))]
    assert [i.split()[0] for i in instructions] == ["TOC"]
    update = document.settings.element.find(qn("w:updateFields"))
    assert update is not None and update.get(qn("w:val")) == "true"
    lines = texts(path)
    assert lines.index("Indholdsfortegnelse") < lines.index("Deltagerfortegnelse")
    assert "3.2. Fordeling af lærepladser på SOSU uddannelserne for 2025" in lines
    # Without a table of contents Word is not asked to update fields (it would prompt).
    plain = tmp_path / "plain.docx"
    export_meeting(sample, plain)
    assert docx.Document(str(plain)).settings.element.find(qn("w:updateFields")) is None


def test_absent_people_and_organisations_get_their_own_headings(tmp_path, meeting):
    meeting.attendance[0].status = AttendanceStatus.ABSENT
    path = tmp_path / "m.docx"
    warnings = export_meeting(meeting, path)
    lines = texts(path)
    start = lines.index("Deltagerfortegnelse")
    assert lines[start + 1 : start + 9] == [
        "Deltagere",
        "Lone Jakobi (A), Odder, stedfortræder for Jacob Bundsgaard",
        "Afbud",
        "Jacob Bundsgaard (A), Aarhus",
        "Fraværende uden afbud",
        "Torben Hansen (A), Randers – ankom kl. 10.25",
        "Fra KL",
        "Christian Brincker Nordbek, chefkonsulent",
    ]
    assert "Jesper Kaas Schmidt har ingen deltagerstatus" in warnings[0].message
    assert "Mødet begyndte kl. 10.00 og sluttede kl. 12.25." in lines


def test_control_characters_are_dropped_not_fatal(tmp_path, meeting):
    meeting.groups[0].title = "Godkendelse\x00 af\x0b referat\x1f"
    meeting.groups[0].items[0].sections[
        0
    ].body = "Tekst med \x07klokke og [link\x01](https://kl.dk/\x02a)"
    meeting.committee = "KKR\x08 Midtjylland"
    path = tmp_path / "c.docx"
    export_meeting(meeting, path)
    lines = texts(path)
    assert "1. Godkendelse af referat" in lines
    assert "Tekst med klokke og link" in lines
    document = docx.Document(str(path))
    assert document.core_properties.title == "Referat – KKR Midtjylland 05-09-2024"
    [link] = document.element.body.iter(qn("w:hyperlink"))
    assert document.part.rels[link.get(qn("r:id"))].target_ref == "https://kl.dk/a"


def test_a_dropped_control_character_does_not_turn_a_line_into_code(tmp_path, meeting):
    """Found by hypothesis: "\\x1b\\t0" lost its escape character and became a code block."""
    meeting.groups[0].items[0].sections[0].body = "\x1b\t0\\{ tekst\n\n- punkt\n  \x07\tmere"
    path = tmp_path / "c.docx"
    export_meeting(meeting, path)
    lines = texts(path)
    assert "0{ tekst" in lines
    assert "0\\{ tekst" not in " ".join(lines)


def test_a_large_meeting_is_built_without_quadratic_growth(tmp_path, sample):
    """100 items × ~30 paragraphs; built and saved (timed in the report, not asserted)."""
    template = sample.groups[2].items[1]
    sample.groups = [
        AgendaGroup(
            f"Gruppe {g}",
            [
                AgendaItem(
                    f"Punkt {g}.{i}",
                    "SAG-1",
                    "abc",
                    sections=[Section(s.heading, s.body) for s in template.sections],
                )
                for i in range(10)
            ],
        )
        for g in range(10)
    ]
    path = tmp_path / "big.docx"
    export_meeting(sample, path)
    document = docx.Document(str(path))
    assert len(document.paragraphs) > 2000
    assert sum(p.style.name == "Heading 2" for p in document.paragraphs) == 100


def test_a_decision_stays_on_one_page_with_its_heading(referat):
    document = docx.Document(str(referat))
    paragraphs = document.paragraphs
    texts_ = [p.text for p in paragraphs]
    start = texts_.index("KKR Midtjylland tog orienteringerne til efterretning.")
    heading, first, last = paragraphs[start - 1], paragraphs[start], paragraphs[start + 1]
    assert heading.text == "Beslutning" and heading.style.paragraph_format.keep_with_next
    assert first.paragraph_format.keep_with_next
    assert last.text.startswith("Ib Lauritsen") and not last.paragraph_format.keep_with_next


def test_table_columns_leave_room_for_the_longest_body_word():
    from kkr_desk.markdown_form.reading import markdown_blocks
    from kkr_desk.writer.table_widths import CELL_PADDING, CHAR_WIDTH, column_widths

    [table] = markdown_blocks(
        "| KKR | Social- og sundhedsassistenter, dimensionering 2024 | 2025 |\n"
        "| --- | ---: | ---: |\n| KKR Hovedstaden | 1.778 | 1779 |"
    )
    widths = column_widths([table.header, *table.rows], 3, 9070)
    assert sum(widths) == 9070
    assert widths[0] >= len("Hovedstaden") * CHAR_WIDTH + CELL_PADDING
    assert widths[1] > widths[2]  # the long header gets more than the short one


def test_lists_are_real_word_lists_that_restart_and_keep_their_numbers(tmp_path, meeting):
    meeting.groups[0].items[0].sections[
        0
    ].body = "1) en\n2) to\n\nMellem.\n\n1) igen\n\n7. syv\n8. otte\n   - under\n\n- prik"
    path = tmp_path / "lists.docx"
    export_meeting(meeting, path)
    lines = [text for style, text in body_lines(path) if style == "KKR Liste"]
    assert lines == ["1) en", "2) to", "1) igen", "7. syv", "8. otte", "– under", "– prik"]
    document = docx.Document(str(path))
    levels = [
        p._p.find(f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:ilvl')}").get(qn("w:val"))
        for p in document.paragraphs
        if p.style.name == "KKR Liste"
    ]
    assert levels == ["0", "0", "0", "0", "0", "1", "0"]


def test_an_empty_meeting_still_makes_a_document(tmp_path):
    from kkr_desk.domain import Meeting

    empty = Meeting("KKR Nordjylland", dt.date(2025, 1, 2), place="Rådhuset\nBoulevarden 13")
    path = tmp_path / "tom.docx"
    warnings = export_meeting(empty, path, table_of_contents=True)
    assert [w.message for w in warnings] == ["Dagsordenen har ingen punkter."]
    document = docx.Document(str(path))
    assert document.paragraphs[0].text == "D A G S O R D E N  2 0 2 5"
    assert document.paragraphs[3].text == "Sted:\tRådhuset\nBoulevarden 13"


def test_known_page_numbers_fill_the_table_of_contents(sample):
    from kkr_desk.writer.layout import build_document

    pages = list(range(4, 4 + 17))
    document = build_document(sample, MeetingKind.REFERAT, table_of_contents=True, toc_pages=pages)
    entries = [p.text for p in document.paragraphs if p.style.name in ("toc 1", "toc 2")]
    assert entries[0] == "1. Godkendelse af referat\t4"
    assert entries[-1] == "7.1.\tEventuelt\t20"
    # A wrong count (the meeting changed) leaves the numbers to Word rather than lie.
    document = build_document(sample, MeetingKind.REFERAT, table_of_contents=True, toc_pages=[4])
    entries = [p.text for p in document.paragraphs if p.style.name == "toc 1"]
    assert entries[0] == "1. Godkendelse af referat"


def test_every_attribute_is_in_a_namespace(referat):
    """Word refuses a file with attributes of its elements it does not know."""
    import zipfile

    from lxml import etree

    with zipfile.ZipFile(referat) as package:
        for name in package.namelist():
            if not name.endswith(".xml"):
                continue
            root = etree.fromstring(package.read(name))
            for node in root.iter():
                if not isinstance(node.tag, str) or "wordprocessingml" not in node.tag:
                    continue
                bare = [attribute for attribute in node.attrib if not attribute.startswith("{")]
                assert not bare, (name, node.tag, bare)


def test_kind_may_be_given_as_text(tmp_path, sample):
    path = tmp_path / "d.docx"
    export_meeting(sample, path, kind="dagsorden")
    assert "Beslutning" not in texts(path)


def test_a_dagsorden_without_participants_has_no_empty_participants_heading(tmp_path, sample):
    sample.attendance = []
    path = tmp_path / "dagsorden.docx"
    export_meeting(sample, path, kind=MeetingKind.DAGSORDEN)
    lines = texts(path)
    assert "Deltagerfortegnelse" not in lines
    assert lines.index("1. Godkendelse af referat") == lines.index("Vision") + 2  # the agenda follows


def test_a_dagsorden_with_participants_keeps_the_heading(tmp_path, sample):
    path = tmp_path / "dagsorden.docx"
    export_meeting(sample, path, kind=MeetingKind.DAGSORDEN)
    assert "Deltagerfortegnelse" in texts(path)
