"""File → Importér…: the file is read in a background job, the summary shows what was
found, and only Importér saves."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMainWindow, QMessageBox

from kkr_desk.app import Desk
from kkr_desk.importer import import_document
from kkr_desk.store import open_store
from kkr_desk.ui.import_dialog import ImportDialog
from kkr_desk.ui.import_flow import ImportFlow
from kkr_desk.ui.job_status import JobStatus
from kkr_desk.ui.jobs import JobRunner

FIXTURE = Path(__file__).resolve().parent.parent / "importer" / "fixtures" / "referat-kkr-test.txt"
WAIT_MS = 10_000


class Window(QMainWindow):
    """The parts of the main window the import flow relies on."""

    def __init__(self, store):
        super().__init__()
        self.store = store
        self.desk = Desk(store)
        self.opened: list[int] = []
        self.file_menu = self.menuBar().addMenu("&Filer")
        self.file_menu.addAction("Møder …")
        self.import_anchor = self.file_menu.addSeparator()
        self.file_menu.addAction("Afslut")
        self.jobs = JobRunner(self)
        self.job_status = JobStatus()
        self.statusBar().addPermanentWidget(self.job_status)
        self.flow = ImportFlow(
            self, self.desk, self.jobs, self.job_status, self.open_meeting, self.file_menu,
            self.import_anchor,
        )

    def open_meeting(self, meeting_id: int) -> bool:
        self.opened.append(meeting_id)
        return True


@pytest.fixture
def window(qtbot, db_path):
    with open_store(db_path) as store:
        window = Window(store)
        qtbot.add_widget(window)
        window.show()
        yield window
        qtbot.waitUntil(lambda: not window.jobs.running(), timeout=WAIT_MS)


def shown(qtbot, flow: ImportFlow):
    """The preview or message once the file is read."""
    qtbot.waitUntil(lambda: flow.summary is not None, timeout=WAIT_MS)
    assert flow.summary.isVisible()
    return flow.summary


def slow_read(monkeypatch, desk: Desk, release: threading.Event) -> list[threading.Thread]:
    """Desk.read_document that records its thread and waits there until ``release``."""
    real = desk.read_document
    threads: list[threading.Thread] = []

    def read(path):
        threads.append(threading.current_thread())
        if not release.wait(30):
            raise TimeoutError("the test never released the read")
        return real(path)

    monkeypatch.setattr(desk, "read_document", read)
    return threads


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


def test_importer_saves_the_meeting_and_annuller_saves_nothing(qtbot, window):
    store = window.store
    before = len(store.meetings.summaries())
    window.flow.read(FIXTURE)
    dialog = shown(qtbot, window.flow)
    assert isinstance(dialog, ImportDialog)
    dialog.cancel_button.click()
    assert window.opened == [] and len(store.meetings.summaries()) == before

    window.flow.read(FIXTURE)
    dialog = shown(qtbot, window.flow)
    dialog.import_button.click()
    assert len(window.opened) == 1
    meeting = store.meetings.load(window.opened[0])
    assert meeting.committee == "KKR Midtjylland"
    assert [group.title for group in meeting.groups][2] == "KKR"
    assert len(store.meetings.summaries()) == before + 1


def test_a_file_that_is_no_agenda_gets_a_message_and_nothing_is_saved(qtbot, window, tmp_path):
    letter = tmp_path / "brev.txt"
    letter.write_text("Kære alle\n\nTak for sidst.", encoding="utf-8")
    store = window.store
    before = len(store.meetings.summaries())
    window.flow.read(letter)
    box = shown(qtbot, window.flow)
    assert isinstance(box, QMessageBox)
    assert "ligner ikke en dagsorden eller et referat" in box.text()
    box.button(QMessageBox.StandardButton.Ok).click()
    assert window.opened == [] and len(store.meetings.summaries()) == before


def test_the_file_is_read_in_a_worker_thread_shown_in_the_status_bar(
    qtbot, window, monkeypatch
):
    release = threading.Event()
    threads = slow_read(monkeypatch, window.desk, release)
    job = window.flow.read(FIXTURE)
    assert job is not None
    assert window.job_status.isVisible()
    assert window.job_status.label.text() == f"Læser {FIXTURE.name} …"
    assert window.flow.summary is None  # no preview before the file is read
    release.set()
    assert isinstance(shown(qtbot, window.flow), ImportDialog)
    assert len(threads) == 1 and threads[0] is not threading.main_thread()
    assert not window.job_status.isVisible()


def test_a_second_import_while_one_reads_is_refused_in_danish(qtbot, window, monkeypatch):
    release = threading.Event()
    threads = slow_read(monkeypatch, window.desk, release)
    assert window.flow.read(FIXTURE) is not None
    assert window.flow.read(FIXTURE) is None
    refusal = window.flow.refusal
    assert isinstance(refusal, QMessageBox) and refusal.isVisible()
    assert "allerede en indlæsning i gang" in refusal.text()
    refusal.close()
    window.flow.action.trigger()  # File ▸ Importér says so before asking for a file
    assert window.flow.refusal is not refusal and window.flow.refusal.isVisible()
    assert window.flow.dialog is None
    release.set()
    shown(qtbot, window.flow)
    assert len(threads) == 1  # the second was not queued


def test_a_bug_in_the_reader_is_a_program_error_not_a_damaged_file(
    qtbot, window, monkeypatch
):
    hooked = []
    monkeypatch.setattr("sys.excepthook", lambda *args: hooked.append(args))

    def read_with_a_bug(path):
        return {}["no such key"]

    monkeypatch.setattr(window.desk, "read_document", read_with_a_bug)
    job = window.flow.read(FIXTURE)
    with qtbot.waitSignal(job.ended, timeout=WAIT_MS):
        pass
    assert [type(error) for _, error, _ in hooked] == [KeyError]
    assert window.flow.summary is None  # no "cannot be imported" message
    assert not window.job_status.isVisible()


def test_the_status_bar_shows_an_export_again_when_an_import_ends_first(
    qtbot, window, monkeypatch
):
    export_done = threading.Event()
    export = window.jobs.start("export", lambda: export_done.wait(30), cancel=threading.Event())
    window.job_status.show_job(export, "Eksporterer referat …")
    window.flow.read(FIXTURE)
    assert window.job_status.label.text() == f"Læser {FIXTURE.name} …"
    shown(qtbot, window.flow)
    assert window.job_status.isVisible()
    assert window.job_status.label.text() == "Eksporterer referat …"
    assert window.job_status.cancel_button.isVisible()  # the export's Annullér is back
    export_done.set()
    qtbot.waitUntil(lambda: not window.job_status.isVisible(), timeout=WAIT_MS)


def test_choosing_a_file_in_the_menu_entry_imports_and_opens_the_new_meeting(qtbot, window):
    action = window.flow.action
    texts = [entry.text() for entry in window.file_menu.actions()]
    assert texts.index(action.text()) == 1  # before the separator, after "Møder …"
    action.trigger()
    file_dialog = window.flow.dialog
    assert file_dialog.isVisible()
    file_dialog.fileSelected.emit(str(FIXTURE))
    summary = shown(qtbot, window.flow)
    assert summary.count_text("items") == "3"
    summary.import_button.click()
    assert len(window.opened) == 1
    assert window.desk.load_meeting(window.opened[0]).committee == "KKR Midtjylland"
