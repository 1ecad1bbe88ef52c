"""Window tests run on a fresh sample database and never touch the user's real settings."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from kkr_desk.app import MeetingEditor
from kkr_desk.store import open_store
from kkr_desk.ui.main_window import MainWindow
from kkr_desk.ui.session import MeetingSession


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path, qapp):
    """Point every QSettings at the test's folder (INI files), whatever code creates them."""
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
        QSettings.setPath(QSettings.Format.IniFormat, scope, str(tmp_path / "settings"))
    qapp.setOrganizationName("KKR Desk Test")
    qapp.setApplicationName("KKR Desk Test")
    yield tmp_path / "settings"


@pytest.fixture
def sample_store(db_path):
    with open_store(db_path) as store:
        yield store


@pytest.fixture
def session(sample_store):
    meeting = sample_store.meetings.load(sample_store.meetings.summaries()[0].id)
    return MeetingSession(MeetingEditor(sample_store, meeting))


@pytest.fixture
def settings(tmp_path):
    """The window's own layout settings, in the test's folder."""
    return QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def window(qtbot, sample_store, settings):
    """The main window on the sample database, shown and active so shortcuts reach it."""
    window = MainWindow(sample_store, settings=settings)
    qtbot.add_widget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    # The backup of the opened meeting runs as a job; tests start once it has been taken.
    qtbot.waitUntil(lambda: not window.jobs.running(), timeout=10_000)
    return window
