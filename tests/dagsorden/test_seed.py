"""The seed referat from KL (design material beside the checkout): skipped when it is absent.

The project never needs it; when it is there, the importer must keep finding what it holds.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kkr_desk.dagsorden import import_document
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
