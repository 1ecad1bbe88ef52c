"""Child process: the longest UI-thread stall while one piece of long work runs as a job.

``python -m benchmarks.child_stall (docx|pdf|import|backup) RUNS DATABASE FOLDER`` opens the
database's newest meeting (the generated 100-item one) in a Store on the UI thread, as the
window has it, then RUNS times: starts the stall probe, does on the UI thread what the
window does there (load the meeting from the Store; for the backup, nothing), runs the
work through ``kkr_desk.ui.jobs.JobRunner`` and lets the event loop run until the job
ends. The import reads, as the window's import job does (``Desk.read_document``), a .docx
the writer made of the same meeting (made before, untimed).
Reports each run's longest gap between the probe's 5 ms ticks.
"""

from __future__ import annotations

import gc
import sys
import time
from pathlib import Path

from .children import report


def main() -> None:
    what, runs, database, folder = sys.argv[1], int(sys.argv[2]), Path(sys.argv[3]), Path(sys.argv[4])
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    from kkr_desk.app import Desk, ImportFailed
    from kkr_desk.writer import ReferatError, export_meeting
    from kkr_desk.writer.pdf import find_soffice
    from kkr_desk.store import StoreError, backup_copy, open_store
    from kkr_desk.ui.jobs import JobRunner
    from kkr_desk.ui.stall_probe import StallProbe

    if what == "pdf" and find_soffice() is None:
        report({"skipped": "LibreOffice is not installed"})
        return
    app = QApplication([])
    window = QMainWindow()  # something shown, as the real window is
    window.show()
    runner = JobRunner(window)
    store = open_store(database)
    meeting_id = store.meetings.summaries()[0].id
    gc.freeze()  # as kkr_desk.ui.app.run_window does once the window is up
    source = folder / "stall-import.docx"
    if what == "import":
        export_meeting(store.meetings.load(meeting_id), source)

    def work_for(run: int):
        """What the UI thread does before the job starts, and the job itself."""
        if what in ("docx", "pdf"):
            meeting = store.meetings.load(meeting_id)  # the window exports what is stored
            target = folder / f"stall-{run}.{what}"
            return lambda: export_meeting(meeting, target), (ReferatError,)
        if what == "import":
            return lambda: Desk.read_document(source), (ImportFailed,)
        db_path = store.path
        return lambda: backup_copy(db_path), (StoreError,)

    stalls, outcomes, on_ui_thread, stall_at, took = [], [], [], [], []
    for run in range(runs):
        if what == "backup":  # a change, so each run's copy is really taken
            section = store.meetings.load(meeting_id).items[0].sections[0]
            store.agenda.set_section_body(section.id, f"{section.body} (kørsel {run})")
        app.processEvents()
        probe = StallProbe()
        loop = QEventLoop()
        probe.start()
        before = time.perf_counter()
        work, expected = work_for(run)
        on_ui_thread.append((time.perf_counter() - before) * 1000)
        job = runner.start("bench", work, expected=expected)
        job.finished.connect(lambda _result: outcomes.append("ok"))
        job.failed.connect(lambda error: outcomes.append(f"failed: {error}"))
        job.crashed.connect(lambda error: outcomes.append(f"bug: {type(error).__name__}: {error}"))
        job.ended.connect(loop.quit)
        QTimer.singleShot(300_000, loop.quit)  # never hang the run
        loop.exec()
        stalls.append(probe.stop())
        stall_at.append(probe.longest_at_ms)
        took.append((time.perf_counter() - before) * 1000)
        if outcomes[-1:] != ["ok"]:
            report({"error": outcomes[-1] if outcomes else "the job did not end"})
            return
    store.close()
    report({"stalls": stalls, "on_ui_thread": on_ui_thread, "stall_at": stall_at, "took": took})


if __name__ == "__main__":
    main()
