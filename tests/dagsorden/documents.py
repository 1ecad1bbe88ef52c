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
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, catalog, xref)
    path.write_bytes(bytes(out))
    return path


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
