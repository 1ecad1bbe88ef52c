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
from .desk import Desk, ExportFailed, ImportFailed, Locations
from .item_changes import ItemChanges, SectionChanges, item_changes
from .meeting_editor import MeetingEditor, MeetingFrozen, UnknownCommittee

__all__ = [
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
    "MeetingSummary",
    "RestoreInterrupted",
    "SectionChanges",
    "TrashEntry",
    "UnknownCommittee",
    "WriteFailed",
    "changes",
    "database",
    "item_changes",
]
