"""The meeting as plain data and the pure rules about it (no Qt, SQL or python-docx)."""

from .agenda import attachments, group_number, item_number, numbered_groups, numbered_items
from .model import (
    BAGGRUND,
    BESLUTNING,
    INDSTILLING,
    POLITICIAN,
    SAGSFREMSTILLING,
    STANDARD_SECTIONS,
    AgendaGroup,
    AgendaItem,
    Attendance,
    AttendanceStatus,
    ItemStatus,
    Meeting,
    MeetingKind,
    Person,
    Section,
)

__all__ = [
    "BAGGRUND",
    "BESLUTNING",
    "INDSTILLING",
    "POLITICIAN",
    "SAGSFREMSTILLING",
    "STANDARD_SECTIONS",
    "AgendaGroup",
    "AgendaItem",
    "Attendance",
    "AttendanceStatus",
    "ItemStatus",
    "Meeting",
    "MeetingKind",
    "Person",
    "Section",
    "attachments",
    "group_number",
    "item_number",
    "numbered_groups",
    "numbered_items",
]
