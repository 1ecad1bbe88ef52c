"""What the secretary should look at before a document leaves the house.

The checks only warn: a referat with a missing decision may still have to go out, so the
export never refuses. The window and the CLI show the same list, so the rules live here.
"""

from __future__ import annotations

from dataclasses import dataclass

from .agenda import numbered_items
from .model import BESLUTNING, AttendanceStatus, Meeting, MeetingKind


@dataclass(frozen=True)
class ExportWarning:
    """One thing that looks unfinished; ``item`` is the item's number ("3.2.") or ""."""

    message: str
    item: str = ""

    def __str__(self) -> str:
        return self.message


def export_warnings(meeting: Meeting, kind: MeetingKind) -> list[ExportWarning]:
    """An empty agenda or attendance list, people without a status, items without a
    decision and empty sections, in agenda order.

    A dagsorden is written before the meeting, so decisions and attendance are not asked for.
    """
    warnings: list[ExportWarning] = []
    if not meeting.items:
        warnings.append(ExportWarning("Dagsordenen har ingen punkter."))
    if kind == MeetingKind.REFERAT and not any(
        entry.status is not AttendanceStatus.UNREGISTERED for entry in meeting.attendance
    ):
        warnings.append(ExportWarning("Ingen deltagere er registreret."))
    if kind == MeetingKind.REFERAT:
        for entry in meeting.attendance:
            if entry.status is AttendanceStatus.UNREGISTERED:
                warnings.append(
                    ExportWarning(
                        f"{entry.person.name} har ingen deltagerstatus og kommer ikke med "
                        "i deltagerfortegnelsen."
                    )
                )
    for number, item in numbered_items(meeting):
        label = number.rstrip(".")
        decision = item.section(BESLUTNING)
        if kind == MeetingKind.REFERAT and (decision is None or not decision.body.strip()):
            warnings.append(ExportWarning(f"Punkt {label} har ingen beslutning.", number))
        for section in item.sections:
            if section.heading == BESLUTNING:
                continue
            if not section.body.strip():
                warnings.append(
                    ExportWarning(f"Punkt {label}: afsnittet {section.heading} er tomt.", number)
                )
    return warnings
