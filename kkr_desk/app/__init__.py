"""The application layer: what a secretary can do, without Qt (docs/architecture.md).

The window (kkr_desk.ui) and the command line use this package and the domain only; it is
the one door to the store, the importer and the document writer.
"""

from ..store import Backup, MeetingSummary
from ..store import StoreError as AppError
from ..store import StoreWriteError as WriteFailed
from ..store.trash import TrashEntry
from . import changes
from .desk import Desk, ExportFailed, ImportFailed
from .meeting_editor import MeetingEditor

__all__ = [
    "AppError",
    "Backup",
    "Desk",
    "ExportFailed",
    "ImportFailed",
    "MeetingEditor",
    "MeetingSummary",
    "TrashEntry",
    "WriteFailed",
    "changes",
]
