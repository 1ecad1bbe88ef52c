"""File → Importér…: the summary shows what was found, and only Importér saves."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from kkr_desk.importer import import_document
from kkr_desk.store import open_store
from kkr_desk.app import Desk
from kkr_desk.ui.import_dialog import ImportDialog, import_into_store

FIXTURE = Path(__file__).resolve().parent.parent / "importer" / "fixtures" / "referat-kkr-test.txt"


def test_summary_shows_counts_agenda_and_warnings(qtbot):
    result = import_document(FIXTURE)
    result.warnings.append("Linket https://x.dk kunne ikke knyttes til en tekst og er udeladt")
    dialog = ImportDialog(result)
    qtbot.add_widget(dialog)
    dialog.show()
    assert dialog.count_text("groups") == "4"
    assert dialog.count_text("items") == "3"
    assert dialog.count_text("present") == "5"
    assert dialog.count_text("apology") == "2"
    assert dialog.count_text("from:KL") == "2"
    assert dialog.count_text("from:KD-Net") == "1"
    assert dialog.count_text("from:Region Midtjylland") == "1"
    assert dialog.agenda.topLevelItemCount() == 4
    assert dialog.agenda.topLevelItem(2).text(0) == "3. KKR"
    assert dialog.agenda.topLevelItem(2).childCount() == 0
    assert dialog.agenda.topLevelItem(1).child(0).text(0).startswith("2.1. Fordeling af lærepladser")
    assert dialog.warnings.count() == 1
    assert "kunne ikke knyttes" in dialog.warnings.item(0).text()
    assert dialog.import_button.text() == "Importér"
    assert dialog.cancel_button.text() == "Annullér"


def test_importer_saves_the_meeting_and_annuller_saves_nothing(qtbot, db_path):
    with open_store(db_path) as store:
        before = len(store.meetings.summaries())
        saved: list[int] = []
        dialog = import_into_store(None, Desk(store), FIXTURE, saved.append)
        qtbot.add_widget(dialog)
        assert isinstance(dialog, ImportDialog)
        assert dialog.isVisible()
        dialog.cancel_button.click()
        assert saved == [] and len(store.meetings.summaries()) == before

        dialog = import_into_store(None, Desk(store), FIXTURE, saved.append)
        qtbot.add_widget(dialog)
        dialog.import_button.click()
        assert len(saved) == 1
        meeting = store.meetings.load(saved[0])
        assert meeting.committee == "KKR Midtjylland"
        assert [group.title for group in meeting.groups][2] == "KKR"
        assert len(store.meetings.summaries()) == before + 1


def test_a_file_that_is_no_agenda_gets_a_message_and_nothing_is_saved(qtbot, db_path, tmp_path):
    letter = tmp_path / "brev.txt"
    letter.write_text("Kære alle\n\nTak for sidst.", encoding="utf-8")
    with open_store(db_path) as store:
        before = len(store.meetings.summaries())
        saved: list[int] = []
        box = import_into_store(None, Desk(store), letter, saved.append)
        qtbot.add_widget(box)
        assert isinstance(box, QMessageBox)
        assert box.isVisible()
        assert "ligner ikke en dagsorden eller et referat" in box.text()
        box.button(QMessageBox.StandardButton.Ok).click()
        assert saved == [] and len(store.meetings.summaries()) == before


def test_choosing_a_file_opens_its_summary(qtbot, db_path):
    from kkr_desk.ui.import_dialog import choose_and_import

    with open_store(db_path) as store:
        file_dialog = choose_and_import(None, Desk(store), lambda meeting_id: None)
        qtbot.add_widget(file_dialog)
        assert file_dialog.isVisible()
        file_dialog.fileSelected.emit(str(FIXTURE))
        summary = file_dialog.summary
        qtbot.add_widget(summary)
        assert isinstance(summary, ImportDialog) and summary.isVisible()
        assert summary.count_text("items") == "3"


def test_file_menu_entry_imports_and_opens_the_new_meeting(qtbot, db_path):
    from PySide6.QtWidgets import QMainWindow

    from kkr_desk.ui.import_flow import ImportFlow

    class Window(QMainWindow):
        """The parts of the main window the import entry relies on."""

        def __init__(self, store):
            super().__init__()
            self.desk = Desk(store)
            self.opened: list[int] = []
            self.file_menu = self.menuBar().addMenu("&Filer")
            self.file_menu.addAction("Møder …")
            self.import_anchor = self.file_menu.addSeparator()
            self.file_menu.addAction("Afslut")

        def open_meeting(self, meeting_id: int) -> bool:
            self.opened.append(meeting_id)
            return True

    with open_store(db_path) as store:
        window = Window(store)
        qtbot.add_widget(window)
        flow = ImportFlow(
            window, window.desk, window.open_meeting, window.file_menu, window.import_anchor
        )
        action = flow.action
        texts = [entry.text() for entry in window.file_menu.actions()]
        assert texts.index(action.text()) == 1  # before the separator, after "Møder …"
        action.trigger()
        file_dialog = flow.dialog
        assert file_dialog.isVisible()
        file_dialog.fileSelected.emit(str(FIXTURE))
        file_dialog.summary.import_button.click()
        assert len(window.opened) == 1
        assert store.meetings.load(window.opened[0]).committee == "KKR Midtjylland"
