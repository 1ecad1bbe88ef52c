"""The application layer: what a secretary can do, without Qt (docs/architecture.md).

The window (kkr_desk.ui) and the command line use this package and the domain only; it is
the one door to the store, the importer and the document writer.
"""

from ..store import Backup, DatabaseDamaged, DatabaseInUse, MeetingSummary, RestoreInterrupted
from ..store import StoreError as AppError
from ..store import StoreWriteError as WriteFailed
from ..store.trash import TrashEntry
from ..store import Store as Database
from . import changes, database
from .desk import (
    DEFAULT_CHANGE_AUTHOR,
    MAX_AUTHOR_LENGTH,
    Desk,
    ExportFailed,
    ImportFailed,
    Locations,
)
from .meeting_editor import MeetingEditor, MeetingFrozen, OpenItemsLeft, UnknownCommittee

__all__ = [
    "DEFAULT_CHANGE_AUTHOR",
    "MAX_AUTHOR_LENGTH",
    "AppError",
    "Backup",
    "Database",
    "DatabaseDamaged",
    "DatabaseInUse",
    "Desk",
    "ExportFailed",
    "ImportFailed",
    "ItemChanges",
    "Locations",
    "MeetingEditor",
    "MeetingFrozen",
    "OpenItemsLeft",
    "MeetingSummary",
    "RestoreInterrupted",
    "SectionChanges",
    "TrashEntry",
    "UnknownCommittee",
    "WriteFailed",
    "changes",
    "database",
]

_ON_FIRST_USE = {"ItemChanges", "SectionChanges"}
"""Loaded when first asked for (the word diff behind them is not needed at start-up)."""


def __getattr__(name: str):
    if name in _ON_FIRST_USE:
        from importlib import import_module  # "from . import" would ask __getattr__ again

        module = import_module(f"{__name__}.item_changes")
        return getattr(module, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
