"""The files the figures run on, made fresh in a temporary folder for each benchmark run."""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from kkr_desk.domain import Meeting

from .generate import big_meeting

NORMAL_ITEMS = 100
LARGE_ITEMS = 1000


@dataclass
class Workspace:
    """A scratch folder with databases and meetings made on first use; deleted at the end."""

    folder: Path = field(default_factory=lambda: Path(tempfile.mkdtemp(prefix="kkr-bench-")))
    exported_100: str | None = None  # the writer's 100-item .docx, once exported
    _copies: int = 0

    def close(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)

    def path(self, name: str) -> Path:
        return self.folder / name

    @cached_property
    def meeting_100(self) -> Meeting:
        return big_meeting(NORMAL_ITEMS)

    @cached_property
    def sample_db(self) -> Path:
        """A database as a new user has it: only the sample meeting."""
        from kkr_desk.store import open_store

        path = self.path("sample.db")
        open_store(path).close()
        return path

    @cached_property
    def db_100(self) -> Path:
        """The sample database plus the 100-item meeting, which is the newest and opens first."""
        from kkr_desk.store import open_store

        path = self.path("meeting-100.db")
        with open_store(path) as store:
            store.meetings.add(big_meeting(NORMAL_ITEMS))
        return path

    def fresh_copy(self, database: Path) -> Path:
        """A new copy of a closed database, so no run sees another run's writes or caches."""
        self._copies += 1
        copy = self.path(f"run-{self._copies}-{database.name}")
        shutil.copyfile(database, copy)
        return copy
