"""Opening the window must not pay for Word, Markdown or PDF libraries it does not use yet.

Nor for sqlite-utils (and numpy, which it imports wherever numpy is installed): opening
an up-to-date database and loading its newest meeting is plain SQL (store/connection.py).
"""

from __future__ import annotations

import subprocess
import sys

CHECK = """
import sys
import kkr_desk.cli
import kkr_desk.ui.app
heavy = sorted(name for name in ("docx", "lxml", "markdown_it", "pypdf", "pypdfium2") if name in sys.modules)
print(",".join(heavy) or "none")
"""

FIRST_USE_ONLY = (
    "kkr_desk.ui.search_panel",
    "kkr_desk.ui.import_dialog",
    "kkr_desk.ui.about_dialog",
    "kkr_desk.ui.changes_dialog",
    "kkr_desk.ui.committee_dialog",
    "kkr_desk.ui.dialogs",
    "kkr_desk.ui.recovery_dialogs",
    "kkr_desk.ui.state_dialogs",
    "kkr_desk.ui.settings_dialog",
    "kkr_desk.app.item_changes",
    "difflib",
)
"""Modules whose Qt classes or set-up cost start-up time (the search panel's QStyle and text
layout classes ~80 ms; each dialog's form and button classes; the word diff) and that
nothing shows before the user asks for them."""


def test_start_up_path_imports_no_document_libraries():
    result = subprocess.run(
        [sys.executable, "-c", CHECK], capture_output=True, text=True, check=True, timeout=60
    )

    assert result.stdout.strip() == "none"


def test_start_up_path_leaves_first_use_windows_unimported():
    check = "import sys, kkr_desk.cli, kkr_desk.ui.app\n" + (
        f"print(','.join(n for n in {FIRST_USE_ONLY!r} if n in sys.modules) or 'none')"
    )
    result = subprocess.run(
        [sys.executable, "-c", check], capture_output=True, text=True, check=True, timeout=60
    )

    assert result.stdout.strip() == "none"


OPEN_AND_LOAD = """
import sys
from pathlib import Path
from kkr_desk.app import Desk
from kkr_desk.app.database import open_database
store = open_database(Path(sys.argv[1]))
desk = Desk(store)
meeting_id, _item = desk.where_left_off()
editor = desk.open_meeting(meeting_id)
assert editor.meeting.groups and editor.meeting.attendance, "the sample meeting"
print("sqlite_utils" in sys.modules, "numpy" in sys.modules)
"""


def test_opening_an_up_to_date_database_and_its_meeting_needs_no_sqlite_utils(tmp_path):
    database = tmp_path / "kkr-desk.db"
    first = subprocess.run(  # a new file: its schema is made, which does need sqlite-utils
        [sys.executable, "-c", OPEN_AND_LOAD, str(database)],
        capture_output=True, text=True, check=True, timeout=60,
    )
    again = subprocess.run(
        [sys.executable, "-c", OPEN_AND_LOAD, str(database)],
        capture_output=True, text=True, check=True, timeout=60,
    )

    assert first.stdout.split()[0] == "True"
    assert again.stdout.split() == ["False", "False"]
