"""Test documents built in code: a text PDF (written by hand, one line per text line) and a
Word file (python-docx), so the readers are tested on real files without outside tools."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

FIXTURES = Path(__file__).parent / "fixtures"
REFERAT_TEXT = FIXTURES / "referat-kkr-test.txt"


def _pdf_string(text: str) -> bytes:
    raw = text.encode("cp1252")
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def write_text_pdf(path: Path, pages: list[list], links: dict[int, list[str]] | None = None) -> Path:
    """A PDF whose pages print the given lines (Helvetica, WinAnsi); "" is an empty line.

    A line may also be a list of (x, text) pieces printed side by side, like table cells.

    ``links`` puts link annotations with these addresses on a page, as KL's PDFs have.
    """
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    pages_id = len(objects) + 1 + 2 * len(pages) + sum(len(v) for v in (links or {}).values())
    page_ids = []
    for number, lines in enumerate(pages):
        stream = b""
        for index, line in enumerate(lines):
            y = 790 - 14 * index
            pieces = [(56, line)] if isinstance(line, str) else line
            for x, text in pieces:
                stream += b"BT /F1 11 Tf %d %d Td (" % (x, y) + _pdf_string(text) + b") Tj ET\n"
        content = add(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        annots = []
        for url in (links or {}).get(number, []):
            annots.append(
                add(
                    b"<< /Type /Annot /Subtype /Link /Rect [56 700 300 714] /Border [0 0 0] "
                    b"/A << /S /URI /URI (" + _pdf_string(url) + b") >> >>"
                )
            )
        annots_entry = b" /Annots [" + b" ".join(b"%d 0 R" % a for a in annots) + b"]" if annots else b""
        page_ids.append(
            add(
                b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
                b"/Resources << /Font << /F1 %d 0 R >> >>%s >>" % (pages_id, content, font, annots_entry)
            )
        )
    assert len(objects) + 1 == pages_id
    add(b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % p for p in page_ids) + b"] /Count %d >>" % len(page_ids))
    catalog = add(b"<< /Type /Catalog /Pages %d 0 R >>" % pages_id)
    path.write_bytes(pdf_file(objects, catalog))
    return path


def pdf_file(objects: list[bytes], catalog: int) -> bytes:
    """A PDF file of numbered ``objects`` (object ``catalog`` is the root) with its xref."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        catalog,
        xref,
    )
    return bytes(out)


def add_hyperlink(paragraph, text: str, url: str) -> None:
    """A real w:hyperlink run, the way Word and our referat writer store links."""
    r_id = paragraph.part.relate_to(url, RT.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), r_id)
    run = OxmlElement("w:r")
    text_element = OxmlElement("w:t")
    text_element.text = text
    text_element.set(qn("xml:space"), "preserve")
    run.append(text_element)
    link.append(run)
    paragraph._p.append(link)


def write_agenda_docx(path: Path) -> Path:
    """A dagsorden as a secretary might write it in Word: heading styles, lists, a link, a table."""
    document = docx.Document()
    document.add_paragraph("D A G S O R D E N  2 0 2 5")
    document.add_paragraph("K K R  S Y D D A N M A R K")
    document.add_paragraph("Dato: 14-03-2025 kl. 09:30")
    document.add_paragraph("Sted: Rådhuset, Vejle")
    document.add_paragraph("Deltagerfortegnelse")
    document.add_paragraph("Deltagere")
    document.add_paragraph("Jens Ravn (V), Vejle")
    document.add_paragraph("Afbud")
    document.add_paragraph("Ane Holm (A), Kolding")
    document.add_paragraph("Fra KL")
    document.add_paragraph("Peter Berg, konsulent")
    document.add_heading("1. Godkendelse af dagsorden", level=1)
    document.add_heading("1.1. Godkendelse af dagsorden", level=2)
    document.add_paragraph("SAG-2025-00101 pb")
    document.add_paragraph("Baggrund")
    linked = document.add_paragraph("Dagsordenen findes her: ")
    add_hyperlink(linked, "KKR Syddanmarks side", "https://www.kl.dk/kkr-syddanmark")
    linked.add_run(" på kl.dk.")
    document.add_heading("Forslag til dagsorden", level=3)
    document.add_paragraph("Første punkt", style="List Bullet")
    document.add_paragraph("Andet punkt", style="List Bullet")
    document.add_paragraph("Indstilling")
    document.add_paragraph("Det indstilles, at KKR Syddanmark godkender dagsordenen.")
    document.add_heading("2. Trafik", level=1)
    document.add_heading("2.1. Kollektiv trafik i 2025", level=2)
    document.add_paragraph("SAG-2025-00102 pb/ah")
    document.add_paragraph("Sagsfremstilling")
    table = document.add_table(rows=3, cols=2)
    for row, cells in zip(table.rows, [("Kommune", "Ture"), ("Vejle", "1.200"), ("Kolding", "980")]):
        for cell, text in zip(row.cells, cells):
            cell.text = text
    document.add_paragraph("2024. var et godt år.")
    document.save(path)
    return path


def _paragraph_xml(fragment: str):
    """A ``<w:p ...>`` element from XML written without namespace declarations."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    assert fragment.startswith("<w:p")
    return parse_xml(fragment.replace("<w:p", f"<w:p {nsdecls('w', 'r')}", 1))


def write_varied_docx(path: Path) -> Path:
    """A Word agenda with the run and table content a hand-made document can hold.

    Tabs, the three kinds of break, carriage returns, (soft and non-breaking) hyphens,
    absolute tabs, empty text, links with and without fragments, tracked changes, smart
    tags, fields, content controls, XML comments, bold runs and bold styles, page breaks,
    list numbering, merged and aligned table cells: what python-docx makes of each is the
    reference the importer's own Word reader must match.
    """
    from docx.enum.style import WD_STYLE_TYPE
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    document = docx.Document()
    bold_style = document.styles.add_style("Fed brødtekst", WD_STYLE_TYPE.PARAGRAPH)
    bold_style.font.bold = True
    document.add_paragraph("D A G S O R D E N  2 0 2 5")
    document.add_paragraph("K K R  N O R D J Y L L A N D")
    document.add_paragraph("Dato: 02-04-2025 kl. 10:00")
    document.add_heading("1. Meddelelser", level=1)
    document.add_heading("1.1. Status\u00a0på\tsagen", level=2)
    document.add_paragraph("SAG-2025-00201 ab")
    document.add_paragraph("Sagsfremstilling")
    rel = document.part.relate_to("https://www.kl.dk/kkr", RT.HYPERLINK, is_external=True)
    body = document.element.body
    sect_pr = body[-1]
    paragraphs = [
        # every run-level text element python-docx knows, and some it ignores
        (
            '<w:p><w:r><w:t>Et</w:t><w:tab/><w:t xml:space="preserve"> to  </w:t><w:br/>'
            '<w:t>tre</w:t><w:cr/><w:noBreakHyphen/><w:softHyphen/>'
            '<w:ptab w:relativeTo="margin" w:alignment="right" w:leader="none"/><w:t/>'
            '<w:br w:type="column"/><w:t>fire</w:t><w:br w:type="textWrapping"/>'
            '<w:lastRenderedPageBreak/><w:t>fem</w:t><!-- a comment --><w:sym w:char="F0E0"/>'
            '<w:delText>slettet</w:delText></w:r></w:p>'
        ),
        # a link with a fragment, an internal jump, blank and split links
        (
            f'<w:p><w:r><w:t xml:space="preserve">Se </w:t></w:r>'
            f'<w:hyperlink r:id="{rel}" w:anchor="afsnit"><w:r><w:t>KKR</w:t></w:r>'
            f'<w:r><w:tab/><w:t>siden</w:t></w:r><w:ins><w:r><w:t>indsat</w:t></w:r></w:ins></w:hyperlink>'
            f'<w:r><w:t xml:space="preserve"> og </w:t></w:r>'
            f'<w:hyperlink w:anchor="_Toc1"><w:r><w:t>indholdet</w:t></w:r></w:hyperlink>'
            f'<w:hyperlink r:id="{rel}"><w:r><w:t xml:space="preserve">  </w:t></w:r></w:hyperlink>'
            f'<w:hyperlink r:id="{rel}"><w:r><w:t>igen</w:t></w:r></w:hyperlink><w:r><w:t>.</w:t></w:r></w:p>'
        ),
        # containers python-docx does not read into the text
        (
            '<w:p><w:r><w:t xml:space="preserve">Før </w:t></w:r><w:ins w:id="1" w:author="a">'
            '<w:r><w:t>indsat</w:t></w:r></w:ins><w:del w:id="2" w:author="a"><w:r>'
            '<w:delText>slettet</w:delText></w:r></w:del><w:smartTag w:uri="x" w:element="y">'
            '<w:r><w:t>smart</w:t></w:r></w:smartTag><w:fldSimple w:instr="PAGE"><w:r><w:t>3</w:t>'
            '</w:r></w:fldSimple><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>'
            ' PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>4'
            '</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:sdt><w:sdtContent><w:r><w:t>'
            'kontrol</w:t></w:r></w:sdtContent></w:sdt><w:bookmarkStart w:id="0" w:name="b"/>'
            '<w:proofErr w:type="spellStart"/><w:r><w:t xml:space="preserve"> efter</w:t></w:r>'
            '<w:bookmarkEnd w:id="0"/><!-- comment --></w:p>'
        ),
        # bold in runs, in the style, switched off, and bold beside a link
        (
            '<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>Helt fed</w:t></w:r><w:r><w:t xml:space="preserve">'
            ' </w:t></w:r><w:r><w:rPr><w:b w:val="1"/></w:rPr><w:t>linje</w:t></w:r></w:p>'
        ),
        (
            '<w:p><w:pPr><w:pStyle w:val="Fedbrødtekst"/></w:pPr><w:r><w:t>Fed efter typografi</w:t>'
            '</w:r></w:p>'
        ),
        (
            '<w:p><w:pPr><w:pStyle w:val="Fedbrødtekst"/></w:pPr><w:r><w:rPr><w:b w:val="off"/>'
            '</w:rPr><w:t>Ikke fed alligevel</w:t></w:r></w:p>'
        ),
        (
            '<w:p><w:r><w:rPr><w:b w:val="true"/></w:rPr><w:t xml:space="preserve">Fed med </w:t>'
            f'</w:r><w:hyperlink r:id="{rel}"><w:r><w:t>link</w:t></w:r></w:hyperlink></w:p>'
        ),
        '<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>Fed, men en sætning.</w:t></w:r></w:p>',
        '<w:p><w:r><w:rPr><w:b w:val="0"/></w:rPr><w:t>Ikke fed</w:t></w:r></w:p>',
        # page breaks: before a paragraph (three spellings) and inside one
        '<w:p><w:pPr><w:pageBreakBefore/></w:pPr><w:r><w:t>Ny side</w:t></w:r></w:p>',
        '<w:p><w:pPr><w:pageBreakBefore w:val="false"/></w:pPr><w:r><w:t>Samme side</w:t></w:r></w:p>',
        (
            '<w:p><w:pPr><w:pageBreakBefore w:val="on"/></w:pPr><w:r><w:t>Igen ny side</w:t></w:r>'
            '<w:r><w:br w:type="page"/></w:r></w:p>'
        ),
        '<w:p/>',
        '<w:p><w:r><w:t xml:space="preserve">   </w:t></w:r></w:p>',
        '<w:p><w:pPr><w:pStyle w:val="Ukendt"/></w:pPr><w:r><w:t>Ukendt typografi</w:t></w:r></w:p>',
    ]
    for fragment in paragraphs:
        sect_pr.addprevious(_paragraph_xml(fragment))
    document.add_heading("Punkter", level=3)
    for text in ("Første", "Anden"):
        document.add_paragraph(text, style="List Number")
    document.add_paragraph("Midt imellem")
    document.add_paragraph("Tredje", style="List Number")
    document.add_paragraph("Punkt", style="List Bullet")
    document.add_paragraph("Underpunkt", style="List Bullet 2")
    table = document.add_table(rows=4, cols=3)
    texts = [("Kommune", "Ture", "Andel"), ("Aalborg", "1.200", "40 %"), ("Hjørring", "980", "")]
    for row, cells in zip(table.rows, texts):
        for cell, text in zip(row.cells, cells):
            cell.text = text
    for row in table.rows[1:]:
        row.cells[1].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
        row.cells[2].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    table.cell(3, 0).merge(table.cell(3, 1)).text = "I alt"  # spans two columns
    table.cell(3, 1).paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    table.cell(1, 2).merge(table.cell(2, 2))  # spans two rows
    table.cell(3, 2).add_paragraph("2.180")
    aligned = document.add_table(rows=2, cols=2)
    aligned.cell(1, 1).paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    aligned.cell(0, 0).text = "Kun"
    aligned.cell(1, 0).text = "hoved"
    document.add_paragraph("Indstilling")
    document.add_paragraph("Det indstilles, at KKR tager orienteringen til efterretning.")
    document.add_heading("2. Eventuelt", level=1)
    document.add_heading("2.1. Eventuelt", level=2)
    document.add_paragraph("Beslutning")
    nested = document.add_table(rows=1, cols=2)
    nested.cell(0, 0).text = "Ydre"
    nested.cell(0, 1).add_table(rows=1, cols=1).cell(0, 0).text = "Indre"
    document.add_table(rows=0, cols=2)
    document.add_paragraph("Godkendt.")
    document.save(path)
    return path


AGENDA_PAGES_FOR_LINKS = [["1. Gruppe", "", "1.1. Punkt", "", "Beslutning", "", "Godkendt."]]
"""One page, one item; a link annotation on it lies over the words "Godkendt."."""
