"""Filer → Eksportér: the referat, the dagsorden and a PDF, then the offer to open the file."""

from __future__ import annotations

import shutil

import docx
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from kkr_desk.ui import export_flow as export_flow_module

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def document_text(path):
    document = docx.Document(str(path))
    paragraphs = [p.text for p in document.paragraphs]
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join(paragraphs + cells)


def answer_save_dialog(monkeypatch, window, path):
    asked = []

    def ask(caption, suggested, name_filter):
        asked.append((caption, suggested, name_filter))
        return path

    monkeypatch.setattr(window.export_flow, "ask_save_path", ask)
    return asked


def wait_for_export(qtbot, window, timeout=60_000):
    """The export runs as a background job; wait until its outcome has been shown."""
    qtbot.waitUntil(lambda: not window.export_flow.running, timeout=timeout)


def test_referat_export_writes_what_was_typed_and_offers_to_open(
    qtbot, window, tmp_path, monkeypatch
):
    target = tmp_path / "referat"  # the suffix is added
    asked = answer_save_dialog(monkeypatch, window, target)
    opened = []
    monkeypatch.setattr(
        export_flow_module.QDesktopServices, "openUrl", lambda url: opened.append(url) or True
    )
    window.editor.focus_decision()
    qtbot.keyClicks(window.editor.decision_edit, " Skrevet lige før eksporten.")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_E, CTRL)
    wait_for_export(qtbot, window)
    assert asked[0][1].name == "Referat KKR Midtjylland 05-09-2024.docx"
    written = tmp_path / "referat.docx"
    assert written.is_file()
    text = document_text(written)
    assert "Skrevet lige før eksporten." in text  # the export flushed the autosave first
    assert "Fordeling af lærepladser på SOSU uddannelserne for 2025" in text
    box = window.dialog
    assert isinstance(box, QMessageBox) and "referat.docx er gemt" in box.text()
    open_button = next(b for b in box.buttons() if b.text() == "Åbn filen")
    qtbot.mouseClick(open_button, Qt.MouseButton.LeftButton)
    assert opened and opened[0].toLocalFile() == str(written)


def test_dagsorden_export_leaves_out_the_decisions(qtbot, window, tmp_path, monkeypatch):
    answer_save_dialog(monkeypatch, window, tmp_path / "dagsorden.docx")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_E, CTRL | SHIFT)
    wait_for_export(qtbot, window)
    text = document_text(tmp_path / "dagsorden.docx")
    assert "Fordeling af lærepladser" in text
    assert "KKR Midtjylland godkendte dimensioneringen." not in text


def test_a_refused_export_says_why_in_danish(qtbot, window, tmp_path, monkeypatch):
    answer_save_dialog(monkeypatch, window, tmp_path / "mangler" / "referat.docx")
    window.export_flow.export("referat")
    wait_for_export(qtbot, window)
    message = window.statusBar().currentMessage()
    assert message.startswith("⚠ ") and "mangler" in message
    assert not (tmp_path / "mangler").exists()


@pytest.mark.skipif(shutil.which("soffice") is None, reason="PDF needs LibreOffice")
def test_pdf_export(qtbot, window, tmp_path, monkeypatch):
    answer_save_dialog(monkeypatch, window, tmp_path / "referat.pdf")
    window.export_flow.export("pdf")
    wait_for_export(qtbot, window)
    assert (tmp_path / "referat.pdf").read_bytes().startswith(b"%PDF")
