"""Every use of PDFium holds the process-wide lock: an import job and an export job may be
in a PDF at the same time, and PDFium is not thread-safe (kkr_desk/pdfium_lock.py)."""

from __future__ import annotations

import pypdfium2

from kkr_desk.importer.readers import read_pdf
from kkr_desk.pdfium_lock import PDFIUM
from kkr_desk.writer.pdf import heading_pages
from tests.importer.documents import write_text_pdf


def opened_under_lock(monkeypatch) -> list[bool]:
    """For each PDF document opened from now on: was the lock held?"""
    seen: list[bool] = []
    real = pypdfium2.PdfDocument

    def document(*args, **kwargs):
        seen.append(PDFIUM.locked())
        return real(*args, **kwargs)

    monkeypatch.setattr(pypdfium2, "PdfDocument", document)
    return seen


def test_the_importer_reads_a_pdf_holding_the_lock(tmp_path, monkeypatch):
    path = write_text_pdf(tmp_path / "dagsorden.pdf", [["1. Meddelelser", "1.1. Orientering"]])
    seen = opened_under_lock(monkeypatch)
    assert read_pdf(path).lines
    assert seen == [True]
    assert not PDFIUM.locked()  # let go afterwards


def test_the_writer_reads_bookmarks_holding_the_lock(tmp_path, monkeypatch):
    data = write_text_pdf(tmp_path / "referat.pdf", [["1. Meddelelser"]]).read_bytes()
    seen = opened_under_lock(monkeypatch)
    assert heading_pages(data) == []  # no bookmarks in it
    assert seen == [True]
    assert not PDFIUM.locked()
