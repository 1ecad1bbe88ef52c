"""The next meeting is built from this one: roster reset, standing points only."""

from __future__ import annotations

import datetime as dt

from kkr_desk.domain import AgendaGroup, AgendaItem, AttendanceStatus
from kkr_desk.domain.next_meeting import is_standing, long_date, next_meeting


def test_long_date_is_danish():
    assert long_date(dt.date(2024, 9, 5)) == "5. september 2024"
    assert long_date(dt.date(2025, 12, 18)) == "18. december 2025"


def test_standing_titles():
    assert is_standing("Eventuelt")
    assert is_standing("Godkendelse af referat fra mødet den 18. juni 2024")
    assert not is_standing("Regionalpolitiske sager")


def test_next_meeting_of_the_fixture(meeting):
    new = next_meeting(meeting, dt.date(2024, 11, 7))
    assert new.id is None
    assert new.committee == meeting.committee and new.place == meeting.place
    assert new.start_time is None and new.end_time is None
    assert [a.person for a in new.attendance] == [a.person for a in meeting.attendance]
    assert all(a.status is AttendanceStatus.UNREGISTERED and not a.note for a in new.attendance)
    assert [g.title for g in new.groups] == ["Godkendelse af referat"]
    [item] = new.groups[0].items
    assert item.title == "Godkendelse af referat fra mødet den 5. september 2024"
    assert [s.heading for s in item.sections] == ["Baggrund", "Indstilling", "Beslutning"]
    assert item.case_number == "SAG-2024-02547"


def test_a_minutes_approval_group_is_added_when_missing(meeting):
    meeting.groups = [AgendaGroup("Sager", [AgendaItem("Eventuelt")])]
    new = next_meeting(meeting, dt.date(2024, 11, 7))
    assert [g.title for g in new.groups] == ["Godkendelse af referat", "Sager"]
    assert new.groups[0].items[0].title.endswith("5. september 2024")
    assert [i.title for i in new.groups[1].items] == ["Eventuelt"]
