"""PDF through LibreOffice where it is installed (CI installs it), a clear message where not."""

from __future__ import annotations

import os
import sys

import pytest
from pypdf import PdfReader

from kkr_desk.referat import ReferatError, export_meeting, pdf

needs_soffice = pytest.mark.skipif(pdf.find_soffice() is None, reason="LibreOffice not installed")


@needs_soffice
def test_sample_referat_as_pdf(tmp_path, sample):
    out = tmp_path / "referat.pdf"
    export_meeting(sample, out)
    reader = PdfReader(str(out))
    assert len(reader.pages) >= 8
    first = reader.pages[0].extract_text()
    assert "KKR Midtjylland | 05-09-2024" not in first  # no running header on the front page
    second = reader.pages[1].extract_text()
    assert "KKR Midtjylland | 05-09-2024" in second and "Deltagerfortegnelse" in second
    assert "Side 2" in second
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "3.2. Fordeling af lærepladser" in text.replace("\t", " ")


def test_no_libreoffice_gives_a_message_and_leaves_the_old_file(tmp_path, meeting, monkeypatch):
    monkeypatch.setattr(pdf, "find_soffice", lambda: None)
    import kkr_desk.referat as referat

    monkeypatch.setattr(referat, "find_soffice", lambda: None)
    out = tmp_path / "referat.pdf"
    out.write_bytes(b"old")
    with pytest.raises(ReferatError, match="PDF kræver LibreOffice"):
        export_meeting(meeting, out)
    assert out.read_bytes() == b"old"


@pytest.mark.skipif(sys.platform == "win32", reason="a shell script stands in for LibreOffice")
def test_a_hanging_libreoffice_is_stopped(tmp_path, monkeypatch):
    fake = tmp_path / "soffice"
    fake.write_text("#!/bin/sh\nsleep 30\n", encoding="utf-8")
    fake.chmod(0o755)
    monkeypatch.setattr(pdf, "find_soffice", lambda: fake)
    with pytest.raises(pdf.PdfError, match="inden for 1 sekunder"):
        pdf.docx_to_pdf(b"PK", time_limit=1)


@pytest.mark.skipif(sys.platform == "win32", reason="a shell script stands in for LibreOffice")
def test_libreoffice_that_makes_nothing(tmp_path, monkeypatch):
    fake = tmp_path / "soffice"
    fake.write_text("#!/bin/sh\nexit 0\n", encoding="utf-8")
    fake.chmod(0o755)
    monkeypatch.setattr(pdf, "find_soffice", lambda: fake)
    with pytest.raises(pdf.PdfError, match="ingen PDF"):
        pdf.docx_to_pdf(b"PK")
    assert os.path.exists(fake)


@needs_soffice
def test_pdf_table_of_contents_has_the_printed_page_numbers(tmp_path, sample):
    out = tmp_path / "referat.pdf"
    export_meeting(sample, out, table_of_contents=True)
    reader = PdfReader(str(out))
    contents = reader.pages[1].extract_text()
    assert "Indholdsfortegnelse" in contents
    # The front page, the contents and the participants come first: group 1 is on page 4.
    heading_page = {}
    for number, page in enumerate(reader.pages, 1):
        for line in page.extract_text().splitlines():
            if line.strip() in ("5. KKR", "7. Eventuelt") and number > 2:
                heading_page[line.strip()] = number
    lines = [" ".join(line.split()) for line in contents.splitlines()]
    for title, page in heading_page.items():
        assert any(line.startswith(title) and line.endswith(str(page)) for line in lines), title
    assert pdf.heading_pages(out.read_bytes())[0] == 4


def test_heading_pages_of_something_that_is_not_a_pdf():
    assert pdf.heading_pages(b"not a pdf") == []
