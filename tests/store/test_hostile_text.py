"""Any text that goes into the store comes out of it unchanged, even after reopening."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kkr_desk.domain import (
    AgendaGroup,
    AgendaItem,
    Attendance,
    AttendanceStatus,
    Meeting,
    Person,
    Section,
)
from kkr_desk.store import Store, StoreError
from tests.hostile import hostile_text, megabyte_of_hostile_text
from tests.store.test_store import without_ids

PROPERTY = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@PROPERTY
@given(body=hostile_text())
def test_any_section_body_round_trips(store, meeting, body):
    if meeting.id is None:
        store.meetings.add(meeting)
    section = meeting.items[0].sections[0]
    store.agenda.set_section_body(section.id, body)
    assert store.meetings.load(meeting.id).items[0].sections[0].body == body


def people_strategy():
    names = hostile_text(8).map(str.strip).filter(bool)
    return st.lists(
        st.builds(
            Person,
            name=names,
            party=hostile_text(3),
            municipality=hostile_text(3),
            title=hostile_text(3),
            organisation=st.sampled_from(["", "KL", "KD-Net"]),
        ),
        min_size=1,
        max_size=4,
        # The roster matches people by name and organisation (case and spacing aside); two entries in one
        # meeting's attendance for the same person are not a meeting that can exist.
        unique_by=lambda person: (
            " ".join(person.name.split()).casefold(),
            " ".join(person.organisation.split()).casefold(),
        ),
    )


meetings = st.builds(
    lambda texts, people, sections: Meeting(
        committee=texts[0],
        date=dt.date(2024, 9, 5),
        place=texts[1],
        mission=texts[2],
        vision=texts[3],
        attendance=[
            Attendance(person, AttendanceStatus.PRESENT, note=texts[4]) for person in people
        ],
        groups=[
            AgendaGroup(
                texts[5],
                [
                    AgendaItem(
                        texts[6],
                        case_number=texts[7],
                        case_officers=texts[8],
                        sections=[Section(h, b) for h, b in sections],
                    )
                ],
            )
        ],
    ),
    st.lists(hostile_text(6), min_size=9, max_size=9),
    people_strategy(),
    st.lists(st.tuples(hostile_text(4), hostile_text()), max_size=4),
)


@PROPERTY
@given(meeting=meetings)
def test_any_meeting_round_trips_and_survives_the_trash(tmp_path, meeting):
    expected = without_ids(meeting)
    db_path = tmp_path / f"{uuid.uuid4().hex}.db"  # a fresh roster for every example
    with Store(db_path) as store:
        meeting_id = store.meetings.add(meeting)
    with Store(db_path) as store:
        assert without_ids(store.meetings.load(meeting_id)) == expected
        restored = store.trash.restore(store.meetings.delete(meeting_id))
        assert without_ids(store.meetings.load(restored)) == expected
        store.meetings.delete(restored)


def test_a_megabyte_section_round_trips_through_a_reopened_file(db_path, meeting):
    body = megabyte_of_hostile_text()
    assert len(body.encode("utf-8")) > 1_000_000
    with Store(db_path) as store:
        store.meetings.add(meeting)
        store.agenda.set_section_body(meeting.items[0].sections[0].id, body)
        store.attendance.set(
            meeting.id, Attendance(meeting.attendance[0].person, AttendanceStatus.PRESENT, body)
        )
    with Store(db_path) as store:
        loaded = store.meetings.load(meeting.id)
        assert loaded.items[0].sections[0].body == body
        assert loaded.attendance[0].note == body
        restored = store.trash.restore(store.meetings.delete(meeting.id))
        assert store.meetings.load(restored).items[0].sections[0].body == body


def test_a_person_twice_in_one_meeting_is_refused_whole(store, meeting):
    """The roster matches by name and organisation, so this is the same person twice."""
    twice = Person(meeting.attendance[0].person.name, party="A")
    meeting.attendance.append(Attendance(twice, AttendanceStatus.APOLOGY))
    with pytest.raises(StoreError, match="står to gange på deltagerlisten"):
        store.meetings.add(meeting)
    assert store.meetings.summaries() == []
