"""Import a KL dagsorden or referat (PDF, Word or extracted text) as a meeting.

``import_document(path)`` reads and parses the file and returns the meeting with the
warnings a secretary should look at before saving it; nothing is saved here. Any file that
cannot become a meeting raises DocumentImportError with a Danish message; an exception of
any other kind is a bug in the importer and is let through as one.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..domain import AttendanceStatus, Meeting, MeetingKind
from .errors import DocumentImportError
from .parser import NotAnAgenda, parse_document
from .readers import read_source
from .text_lines import SourceText, lines_from_text

__all__ = ["DocumentImportError", "ImportResult", "import_document", "import_text"]


@dataclass
class ImportResult:
    """A parsed meeting not yet saved, and what the reader could not be sure of."""

    meeting: Meeting
    warnings: list[str] = field(default_factory=list)
    source_name: str = ""
    kind: MeetingKind = MeetingKind.DAGSORDEN
    """What the document was (a referat or a dagsorden); not stored on the meeting."""

    @property
    def group_count(self) -> int:
        return len(self.meeting.groups)

    @property
    def item_count(self) -> int:
        return len(self.meeting.items)

    @property
    def people_count(self) -> int:
        return len(self.meeting.attendance)

    def status_counts(self) -> Counter[AttendanceStatus]:
        """How many politicians have each status (staff and guests are counted apart)."""
        return Counter(
            entry.status for entry in self.meeting.attendance if entry.person.is_politician
        )

    def organisation_counts(self) -> Counter[str]:
        """How many staff and guests came from each organisation ("KL": 2, "KD-Net": 1)."""
        return Counter(
            entry.person.organisation
            for entry in self.meeting.attendance
            if not entry.person.is_politician
        )


def import_document(path: Path | str) -> ImportResult:
    """Read and parse a PDF, .docx or text file into an unsaved meeting."""
    path = Path(path)
    source = read_source(path)
    return _parse(source, path.name)


def import_text(text: str, name: str = "") -> ImportResult:
    """Parse text already extracted from a document (the form of KL's PDF extraction)."""
    if not text.strip():
        raise DocumentImportError(f"{name or 'teksten'} er tom")
    return _parse(lines_from_text(text, name=name or "teksten"), name)


def _parse(source: SourceText, name: str) -> ImportResult:
    label = name or "dokumentet"
    try:
        parsed = parse_document(source, file_name=name)
    except NotAnAgenda:
        raise DocumentImportError(
            f"{label} ligner ikke en dagsorden eller et referat: der blev ikke fundet "
            "nummererede punkter (»1. …« og »1.1. …«)"
        ) from None
    if not parsed.meeting.items:
        raise DocumentImportError(f"{label} ligner ikke en dagsorden eller et referat")
    return ImportResult(parsed.meeting, parsed.warnings, name, parsed.kind)
