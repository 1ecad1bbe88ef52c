"""The seed referat from KL (design material beside the checkout): skipped when it is absent.

The project never needs it; when it is there, the importer must keep finding what it holds.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kkr_desk.importer import import_document
from kkr_desk.domain import AttendanceStatus

SEED_NAME = Path("shared") / "seeds" / "referat-kkr-midtjylland-2024.txt"


def _seed() -> Path | None:
    for folder in Path(__file__).resolve().parents:
        if (folder / SEED_NAME).is_file():
            return folder / SEED_NAME
    return None


SEED = _seed()
pytestmark = pytest.mark.skipif(SEED is None, reason="../shared/seeds is not beside this checkout")


def test_seed_counts():
    result = import_document(SEED)
    assert (result.group_count, result.item_count) == (7, 10)
    assert result.status_counts() == {AttendanceStatus.PRESENT: 24, AttendanceStatus.APOLOGY: 13}
    assert result.organisation_counts() == {"KL": 2, "KD-Net": 1}
    assert [group.title for group in result.meeting.groups][4] == "KKR"
    assert result.meeting.groups[4].items == []
    bodies = "\n".join(section.body for item in result.meeting.items for section in item.sections)
    assert bodies.count("](https://") == 4
    assert "| KKR Hovedstaden | 851 | 851 | 1.778 | 1779 |" in bodies


def test_seed_words_survive_import_and_export(tmp_path):
    """difflib on word lists, seed against the export of its import: at least 97 %."""
    import difflib
    import re

    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    from kkr_desk.domain import MeetingKind
    from kkr_desk.writer import export_meeting

    def words(text: str) -> list[str]:
        joined: list[str] = []
        for token in text.split():
            if (
                joined
                and re.search(r"\w-$", joined[-1])
                and token[:1].islower()
                and token not in ("og", "eller", "samt", "til")
            ):
                joined[-1] = joined[-1][:-1] + token
            else:
                joined.append(token)
        return joined

    target = tmp_path / "referat.docx"
    export_meeting(import_document(SEED).meeting, target, kind=MeetingKind.REFERAT)
    document = docx.Document(str(target))
    parts = []
    for element in document.element.body.iterchildren():
        if element.tag.endswith("}p"):
            parts.append(Paragraph(element, document).text)
        elif element.tag.endswith("}tbl"):
            parts.extend(cell.text for row in Table(element, document).rows for cell in row.cells)
    ratio = difflib.SequenceMatcher(
        None, words(SEED.read_text(encoding="utf-8")), words("\n".join(parts)), autojunk=False
    ).ratio()
    assert ratio >= 0.97
