"""The recovery dialogs and start-up, driven like a user: restore, start afresh, other file."""

from __future__ import annotations

import datetime as dt
import sqlite3
import threading

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from kkr_desk.store import (
    Backup,
    DatabaseDamaged,
    Store,
    backup_now,
    list_backups,
    restore_backup,
    restore_into,
)
from kkr_desk.ui.recovery_dialogs import DatabaseProblemDialog, RestoreBackupDialog
from kkr_desk.ui.startup import Startup
from tests.store.processes import hold_store_open, kill


def first_body(store: Store, meeting_id: int) -> str:
    return store.meetings.load(meeting_id).items[0].sections[0].body


def with_two_backups(store: Store, meeting) -> int:
    meeting_id = store.meetings.add(meeting)
    section_id = meeting.items[0].sections[0].id
    for n in range(2):
        store.agenda.set_section_body(section_id, f"udgave {n}")
        backup_now(store, now=dt.datetime(2020, 5, 1, 10, n))
    store.agenda.set_section_body(section_id, "nu")
    return meeting_id


def label_window(store: Store) -> QLabel:
    """A stand-in for the main window: start-up only needs something to show."""
    return QLabel(", ".join(m.committee for m in store.meetings.summaries()))


def test_restoring_a_chosen_backup_from_the_window(qtbot, store, meeting):
    meeting_id = with_two_backups(store, meeting)
    # what the window passes (Desk.restore_backup): a restore through a Store of its own,
    # since it runs on a worker thread
    threads = []

    def restore(path):
        threads.append(threading.current_thread())
        return restore_backup(store.path, path)

    dialog = RestoreBackupDialog(list_backups(store.path), restore)
    qtbot.add_widget(dialog)
    dialog.open()
    assert dialog.list.count() == 2
    size = round(list_backups(store.path)[0].size / 1024)
    assert dialog.list.item(0).text() == f"01-05-2020 kl. 10:01:00   ({size} kB)"
    assert dialog.restore_button.isEnabled()  # the newest is chosen already
    dialog.list.setCurrentRow(1)
    with qtbot.waitSignal(dialog.restored):
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert threads and threading.main_thread() not in threads  # the copy ran in a worker
    assert first_body(store, meeting_id) == "udgave 0"
    # the state before the restore is the newest backup now: restoring it undoes the restore
    restore_into(store, list_backups(store.path)[0].path)
    assert first_body(store, meeting_id) == "nu"


def test_a_backup_that_cannot_be_used_is_explained_in_the_dialog(qtbot, store, meeting, tmp_path):
    meeting_id = store.meetings.add(meeting)
    junk = tmp_path / "kkr-20200101-000000.db"
    junk.write_bytes(b"junk" * 1000)
    backups = [Backup(junk, dt.datetime(2020, 1, 1), 4000)]
    dialog = RestoreBackupDialog(backups, lambda p: restore_backup(store.path, p))
    qtbot.add_widget(dialog)
    dialog.open()
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "kan ikke bruges" in dialog.problem.text())
    assert dialog.isVisible() and dialog.restore_button.isEnabled()
    assert not dialog.problem.isHidden()
    assert "kan ikke bruges" in dialog.problem.text()
    assert first_body(store, meeting_id) == meeting.items[0].sections[0].body


def test_no_backups_yet(qtbot):
    dialog = RestoreBackupDialog([], lambda p: None)
    qtbot.add_widget(dialog)
    dialog.open()
    assert dialog.list.item(0).text() == "Der er ingen sikkerhedskopier endnu."
    assert not dialog.restore_button.isEnabled()


def damaged_with_backups(db_path, meeting) -> tuple[int, bytes]:
    with Store(db_path) as store:
        meeting_id = with_two_backups(store, meeting)
    damaged = db_path.read_bytes()[:-777]
    db_path.write_bytes(damaged)
    return meeting_id, damaged


def test_startup_on_a_damaged_file_restores_a_backup(qtbot, db_path, meeting):
    meeting_id, damaged = damaged_with_backups(db_path, meeting)
    startup = Startup(db_path, label_window)
    startup.start()
    dialog = startup.dialog
    qtbot.add_widget(dialog)
    assert isinstance(dialog.error, DatabaseDamaged)
    assert "Filen er afkortet. Filen bliver ikke ændret." in dialog.message.text()
    assert "Gendan en sikkerhedskopi, start forfra" in dialog.message.text()
    assert dialog.restore_button.isEnabled() and not dialog.afresh_button.isHidden()
    assert db_path.read_bytes() == damaged  # nothing written while asking

    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    chooser = dialog.backup_dialog
    qtbot.add_widget(chooser)
    with qtbot.waitSignal(startup.windowReady) as ready:
        qtbot.mouseClick(chooser.restore_button, Qt.MouseButton.LeftButton)
    qtbot.add_widget(ready.args[0])
    try:
        assert first_body(startup.store, meeting_id) == "udgave 1"
        aside = [p for p in db_path.parent.iterdir() if ".beskadiget-" in p.name]
        assert len(aside) == 1 and aside[0].read_bytes() == damaged
    finally:
        startup.close()


def test_startup_on_a_damaged_file_can_start_afresh(qtbot, db_path, meeting):
    _, damaged = damaged_with_backups(db_path, meeting)
    startup = Startup(db_path, label_window)
    startup.start()
    qtbot.add_widget(startup.dialog)
    with qtbot.waitSignal(startup.windowReady) as ready:
        qtbot.mouseClick(startup.dialog.afresh_button, Qt.MouseButton.LeftButton)
    window = ready.args[0]
    qtbot.add_widget(window)
    try:
        assert window.text() == "KKR Midtjylland"  # a new database with the sample meeting
        assert startup.dialog.moved_aside.read_bytes() == damaged
        assert list_backups(db_path)  # a backup is taken as soon as the file is open
    finally:
        startup.close()


def test_another_programs_file_is_never_offered_for_a_fresh_start(qtbot, db_path, tmp_path):
    foreign = sqlite3.connect(db_path)
    foreign.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY)")
    foreign.commit()
    foreign.close()
    before = db_path.read_bytes()
    startup = Startup(db_path, label_window)
    startup.start()
    dialog = startup.dialog
    qtbot.add_widget(dialog)
    assert dialog.afresh_button.isHidden()
    assert "andet program" in dialog.message.text()
    other = tmp_path / "andet.db"
    dialog.ask_database_path = lambda: other
    with qtbot.waitSignal(startup.windowReady) as ready:
        qtbot.mouseClick(dialog.other_button, Qt.MouseButton.LeftButton)
    qtbot.add_widget(ready.args[0])
    try:
        assert startup.store.path == other
        assert db_path.read_bytes() == before
    finally:
        startup.close()


def test_a_file_in_use_elsewhere_says_so_and_closing_gives_up(qtbot, db_path):
    Store(db_path).close()
    holder = hold_store_open(db_path)
    try:
        startup = Startup(db_path, label_window)
        startup.start()
        dialog = startup.dialog
        qtbot.add_widget(dialog)
        assert "allerede åben" in dialog.message.text()
        assert not dialog.restore_button.isEnabled() and dialog.afresh_button.isHidden()
        with qtbot.waitSignal(startup.gaveUp):
            qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
        assert startup.store is None
    finally:
        kill(holder)


def test_a_problem_dialog_can_be_built_for_any_store_error(qtbot, tmp_path):
    error = DatabaseDamaged(tmp_path / "x.db", "filen er afkortet")
    dialog = DatabaseProblemDialog(error, tmp_path / "x.db")
    qtbot.add_widget(dialog)
    assert not dialog.restore_button.isEnabled()  # no backups of x.db
