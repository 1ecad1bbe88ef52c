"""Hjælp ▸ Om KKR Desk: the version from the package metadata, the database, its backups
and the log file, each folder opened through QDesktopServices (a real URL handler here)."""

from __future__ import annotations

from importlib.metadata import version

import pytest
from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices

from kkr_desk.logs import LOG_DIR_VARIABLE
from kkr_desk.ui.about_dialog import AboutDialog


class OpenedUrls(QObject):
    """Takes the file: URLs Qt would hand to the file manager."""

    def __init__(self):
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url)


@pytest.fixture
def opened():
    handler = OpenedUrls()
    QDesktopServices.setUrlHandler("file", handler, "open")
    yield handler.urls
    QDesktopServices.unsetUrlHandler("file")


@pytest.fixture
def about(window, qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv(LOG_DIR_VARIABLE, str(tmp_path / "logs"))
    window.actions_by_name["about"].trigger()
    dialog = window.dialog
    assert isinstance(dialog, AboutDialog) and dialog.isVisible()
    return dialog


def test_it_shows_the_version_and_the_three_places(about, window, tmp_path):
    assert f"KKR Desk {version('kkr-desk')}" in about.title.text()
    database = window.desk.database_path
    assert about.paths["database"].text() == str(database)
    assert about.paths["backups"].text() == str(database.parent / "sikkerhedskopier")
    assert about.paths["log_file"].text() == str(tmp_path / "logs" / "kkr-desk.log")


def test_each_button_opens_its_folder(about, window, opened, qtbot, tmp_path):
    (tmp_path / "logs").mkdir()
    window.desk.backup_now()
    about = AboutDialog("1.0", window.desk.locations())  # now that both folders exist
    qtbot.addWidget(about)
    for name in ("database", "backups", "log_file"):
        qtbot.mouseClick(about.open_buttons[name], Qt.MouseButton.LeftButton)
    database = window.desk.database_path
    assert [url.toLocalFile() for url in opened] == [
        str(database.parent), str(database.parent / "sikkerhedskopier"), str(tmp_path / "logs")
    ]
    assert about.problem.isHidden()


def test_a_folder_not_made_yet_cannot_be_opened(about, opened):
    button = about.open_buttons["log_file"]  # no bug logged: no log folder
    assert not button.isEnabled()
    assert button.toolTip() == "Mappen findes ikke endnu"
