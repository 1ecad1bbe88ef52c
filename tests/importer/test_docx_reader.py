"""The Word reader walks the XML itself; python-docx's own objects are the reference.

readers.py reads paragraphs, runs, links, styles and table cells straight from lxml
because python-docx's proxies cost most of an import (docs/performance.md). Every helper is
compared here with the python-docx property it stands for, on documents with the content a
hand-made Word file can hold (tests/importer/documents.py: write_varied_docx) and on our
own referat.
"""

from __future__ import annotations

import docx
import pytest
from docx.table import Table
from docx.text.hyperlink import Hyperlink
from docx.text.paragraph import Paragraph

from kkr_desk.markdown_form import merges
from kkr_desk.importer.readers import (
    _breaks_page_before,
    _cell_text,
    _column_aligns,
    _paragraph_content,
    _ParagraphStyles,
    _run_bold,
    _table_cells,
    read_source,
)
from kkr_desk.importer.text_lines import SourceLine, SourceTable
from kkr_desk.importer.word_xml import W_P, W_PPR, W_TBL

from .documents import write_agenda_docx, write_varied_docx


def _referat(path):
    from kkr_desk import writer
    from kkr_desk.domain import MeetingKind
    from kkr_desk.meeting_file import read_meeting_file
    from kkr_desk.resources import resource_path

    meeting = read_meeting_file(resource_path("sample-meeting.json"))
    writer.export_meeting(meeting, path, kind=MeetingKind.REFERAT, table_of_contents=True)
    return path


@pytest.fixture(params=["varied", "agenda", "referat"])
def document(request, tmp_path):
    write = {"varied": write_varied_docx, "agenda": write_agenda_docx, "referat": _referat}
    return docx.Document(str(write[request.param](tmp_path / f"{request.param}.docx")))


def _all_paragraphs(document):
    """Every paragraph of the body and of its tables' cells (nested tables too)."""
    return list(document.element.body.iter(W_P))


def test_paragraph_text_links_and_runs_are_python_docx_s(document):
    paragraphs = _all_paragraphs(document)
    assert len(paragraphs) > 10
    rels = document.part.rels
    for p in paragraphs:
        paragraph = Paragraph(p, document)
        text, links, runs = _paragraph_content(p, rels)
        assert text == paragraph.text
        assert _paragraph_content(p)[0] == text
        expected_links, position = [], 0
        for part in paragraph.iter_inner_content():
            if isinstance(part, Hyperlink):
                address = part.url or part.address
                if address and part.text.strip():
                    expected_links.append((position, position + len(part.text), address))
            position += len(part.text)
        assert links == expected_links
        assert [(r, run_text) for r, run_text in runs] == [
            (run._r, run.text) for run in paragraph.runs
        ]
        for run in paragraph.runs:
            assert _run_bold(run._r) == run.bold
        p_pr = p.find(W_PPR)
        assert _breaks_page_before(p_pr) == bool(paragraph.paragraph_format.page_break_before)


def test_paragraph_styles_are_python_docx_s(document):
    styles = _ParagraphStyles(document)
    for p in _all_paragraphs(document):
        paragraph = Paragraph(p, document)
        assert styles.of(p.find(W_PPR)) == paragraph.style
        style = paragraph.style
        assert styles.bold(style) == bool(style.font.bold)


def test_table_cells_and_alignments_are_python_docx_s(document):
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    names = {WD_ALIGN_PARAGRAPH.RIGHT: "right", WD_ALIGN_PARAGRAPH.CENTER: "center"}
    tables = list(document.element.body.iter(W_TBL))
    if not tables:
        pytest.skip("no tables in this document")
    for tbl in tables:
        rows = Table(tbl, document).rows
        expected_cells = [row.cells for row in rows]
        cells = _table_cells(tbl, document)
        assert cells == [[cell._tc for cell in row] for row in expected_cells]
        assert [[_cell_text(tc) for tc in row] for row in cells] == [
            [cell.text for cell in row] for row in expected_cells
        ]
        body = expected_cells[1:] or expected_cells
        expected_aligns = []
        for column in range(max((len(row) for row in body), default=0)):
            found = {
                names.get(row[column].paragraphs[0].alignment, "")
                for row in body
                if column < len(row) and row[column].paragraphs
            }
            expected_aligns.append(found.pop() if len(found) == 1 else "")
        assert _column_aligns(cells) == expected_aligns


def test_varied_word_content_reads_as_python_docx_sees_it(tmp_path):
    source = read_source(write_varied_docx(tmp_path / "varied.docx"))
    lines = [line for line in source.lines if isinstance(line, SourceLine) and line.text]
    tables = [line for line in source.lines if isinstance(line, SourceTable)]
    by_text = {line.text: line for line in lines}
    # tab, line break, carriage return, non-breaking hyphen count; soft hyphen, column
    # break, deleted text and symbols do not
    assert "Et to \ntre\n- fire\nfem" in by_text
    # runs inside w:ins, w:smartTag, w:fldSimple and w:sdt are not read; a complex field's
    # result run is
    assert "Før 4 efter" in by_text
    assert by_text["Se KKR siden og indholdet igen."].links == [
        (3, 12, "https://www.kl.dk/kkr#afsnit"),
        (26, 30, "https://www.kl.dk/kkr"),
    ]
    for text in ("Helt fed linje", "Fed efter typografi", "Fed med link"):
        assert by_text[text].hint == "heading"  # a link's runs are not the paragraph's runs
    for text in ("Ikke fed alligevel", "Ikke fed", "Fed, men en sætning."):
        assert by_text[text].hint == ""
    assert [line.text for line in lines if line.hint == "numbered"] == [
        "1. Første",
        "2. Anden",
        "3. Tredje",
    ]
    pages = {text: (line.page, line.page_start) for text, line in by_text.items()}
    assert pages["Ny side"] == (1, True)
    assert pages["Samme side"] == (1, False)
    assert pages["Igen ny side"] == (2, True)
    assert pages["Ukendt typografi"] == (3, True)  # after the page break inside a paragraph
    assert tables[0].rows == [
        ["Kommune", "Ture", "Andel"],
        ["Aalborg", "1.200", "40 %"],
        ["Hjørring", "980", merges.UP],  # a cell merged down stays merged (issue 14.9)
        ["I alt", merges.LEFT, "2.180"],  # a cell merged across stays merged
    ]
    assert tables[0].aligns == ["", "right", "center"]
    assert tables[-1].rows == [["Ydre", ""]]  # a nested table's text is not its cell's
