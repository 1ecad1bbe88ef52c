"""The window's identity and the bundle's hooks in ui/app.py: icon, Qt's Danish texts,
and the timed close the frozen bundle's smoke test uses."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMainWindow

from kkr_desk.cli import main
from kkr_desk.ui.app import CLOSE_AFTER_VARIABLE, close_later, install_icon, install_qt_translation


def test_qt_own_buttons_speak_danish(qapp):
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"
    translator = install_qt_translation(qapp)
    try:
        assert translator is not None
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Annuller"
    finally:
        qapp.removeTranslator(translator)


def test_every_window_gets_the_program_icon(qapp):
    install_icon(qapp)
    try:
        assert [size.width() for size in qapp.windowIcon().availableSizes()] == [256]
        assert qapp.desktopFileName() == "kkr-desk"
    finally:
        qapp.setWindowIcon(QIcon())


def test_the_window_closes_itself_only_when_asked(qtbot, capsys):
    window = QMainWindow()
    window.setWindowTitle("KKR Desk – prøve")
    qtbot.addWidget(window)
    window.show()
    close_later(window, {})
    close_later(window, {CLOSE_AFTER_VARIABLE: "soon"})
    qtbot.wait(100)
    assert window.isVisible()
    close_later(window, {CLOSE_AFTER_VARIABLE: "20"})
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=2000)
    assert capsys.readouterr().out == "vinduet er åbent: KKR Desk – prøve\n"


def test_the_program_opens_its_window_and_closes_it_on_the_timer(
    qapp, tmp_path, monkeypatch, capsys
):
    monkeypatch.setenv(CLOSE_AFTER_VARIABLE, "100")
    assert main(["--db", str(tmp_path / "møde.db")]) == 0  # the real event loop
    assert "vinduet er åbent: KKR Desk – KKR Midtjylland 05-09-2024" in capsys.readouterr().out
    for window in QApplication.topLevelWidgets():  # leave no closed window to later tests
        window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
