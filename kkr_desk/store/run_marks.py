"""Whether the window's last run ended cleanly, and when it last saved, in the database.

The window marks a run as begun when it opens the database and as ended when it closes;
a run still marked as begun at the next start ended in a crash (or a killed process or
a power cut). Each save stamps its time, so the next start can tell the secretary up to
when everything is on disk. Kept in the ``setting`` table: it belongs with the file.
"""

from __future__ import annotations

import datetime as dt

from ..domain.clock import datetime_text, parse_datetime
from .settings import read_setting, write_setting

RUN_OPEN_KEY = "run_open"
LAST_SAVED_KEY = "last_saved"


class RunMarks:
    """The begun/ended mark and the last save time of the window's runs."""

    def __init__(self, db):
        self.db = db

    def begin(self) -> tuple[bool, dt.datetime | None]:
        """Mark a run as begun; (the last one ended uncleanly, the time of its last save)."""
        unclean = read_setting(self.db, RUN_OPEN_KEY) == "1"
        stored = read_setting(self.db, LAST_SAVED_KEY)
        try:
            last_saved = parse_datetime(stored) if stored else None
        except ValueError:
            last_saved = None
        write_setting(self.db, RUN_OPEN_KEY, "1")
        return unclean, last_saved

    def saved(self, when: dt.datetime) -> None:
        write_setting(self.db, LAST_SAVED_KEY, datetime_text(when))

    def end(self) -> None:
        write_setting(self.db, RUN_OPEN_KEY, "0")
