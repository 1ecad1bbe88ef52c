"""The meeting's life in the store: migration 0006, steps with history, kept versions,
the last change, and what the meetings list shows."""

import datetime as dt
import sqlite3

import pytest
from sqlite_utils import Database

from kkr_desk.domain import BESLUTNING
from kkr_desk.domain.meeting_life import MeetingState, StateStep
from kkr_desk.store import Store, StoreError
from kkr_desk.store.migrations import MIGRATIONS
from tests.conftest import make_meeting


def _old_meeting(db: Database, kind: str, date: str) -> int:
    meeting_id = db["meeting"].insert(
        {"committee": "KKR Nordjylland", "kind": kind, "date": date, "place": "Aalborg",
         "mission": "", "vision": ""}
    ).last_pk
    group_id = db["agenda_group"].insert(
        {"meeting_id": meeting_id, "position": 0, "title": "Sager"}
    ).last_pk
    item_id = db["agenda_item"].insert(
        {"group_id": group_id, "position": 0, "title": "Busplan", "case_number": "SAG-1",
         "case_officers": "ab", "status": "afgjort"}
    ).last_pk
    db["section"].insert(
        {"item_id": item_id, "position": 0, "heading": BESLUTNING, "body": "Godkendt."}
    )
    return meeting_id


def test_a_database_of_todays_schema_migrates_with_its_data(db_path):
    old = Database(sqlite3.connect(db_path), execute_plugins=False)
    MIGRATIONS.apply(old, stop_before="0006_meeting_life")
    referat = _old_meeting(old, "referat", "2024-06-18")
    dagsorden = _old_meeting(old, "dagsorden", "2024-09-05")
    old.conn.commit()
    old.close()
    with Store(db_path) as store:
        assert "kind" not in store.db["meeting"].columns_dict
        assert store.life.state(referat) is MeetingState.HELD
        assert store.life.state(dagsorden) is MeetingState.PLANNED
        assert store.life.history(referat) == []
        meeting = store.meetings.load(referat)
        assert meeting.items[0].section(BESLUTNING).body == "Godkendt."
        summaries = {s.id: s for s in store.meetings.summaries()}
        assert summaries[referat].changed_at is None  # not known from before
        assert (summaries[referat].decided_count, summaries[referat].item_count) == (1, 1)
        store.meetings.delete(dagsorden)  # the cascade still holds after the column drop
        assert [s.id for s in store.meetings.summaries()] == [referat]


def test_steps_are_kept_with_their_history(store):
    meeting_id = store.meetings.add(make_meeting())
    store.life.take_step(meeting_id, StateStep.START)
    store.life.take_step(meeting_id, StateStep.HOLD)
    store.life.take_step(meeting_id, StateStep.SEND, to_whom="Anders Kühnau")
    store.life.take_step(meeting_id, StateStep.APPROVE, by_whom="formanden")
    store.life.take_step(meeting_id, StateStep.REOPEN, reason="forkert dato i punkt 2")
    history = store.life.history(meeting_id)
    assert [c.state for c in history] == [
        MeetingState.STARTED, MeetingState.HELD, MeetingState.SENT,
        MeetingState.APPROVED, MeetingState.HELD,
    ]
    assert history[2].to_whom == "Anders Kühnau" and history[3].by_whom == "formanden"
    assert history[4].reason == "forkert dato i punkt 2" and history[4].at is not None
    assert store.life.state(meeting_id) is MeetingState.HELD


def test_a_refused_step_writes_nothing(store):
    meeting_id = store.meetings.add(make_meeting())
    with pytest.raises(StoreError, match="afholdt først"):
        store.life.take_step(meeting_id, StateStep.APPROVE, by_whom="formanden")
    assert store.life.history(meeting_id) == []
    assert store.life.version(meeting_id, "approved") is None


def test_the_sent_and_approved_versions_stay_as_they_were(store):
    meeting_id = store.meetings.add(make_meeting())
    decision = store.meetings.load(meeting_id).items[0].section(BESLUTNING)
    store.agenda.set_section_body(decision.id, "Første udkast.")
    store.life.take_step(meeting_id, StateStep.HOLD)
    store.life.take_step(meeting_id, StateStep.SEND, to_whom="formanden")
    store.agenda.set_section_body(decision.id, "Rettet efter formandens svar.")
    store.life.take_step(meeting_id, StateStep.APPROVE, by_whom="formanden")
    store.agenda.set_section_body(decision.id, "Ændret bagefter.")
    sent = store.life.version(meeting_id, "sent")
    approved = store.life.version(meeting_id, "approved")
    assert sent.items[0].section(BESLUTNING).body == "Første udkast."
    assert approved.items[0].section(BESLUTNING).body == "Rettet efter formandens svar."
    assert sent.id == approved.id == meeting_id
    assert len(approved.attendance) == len(make_meeting().attendance)


def test_the_latest_version_of_a_purpose_is_returned(store):
    meeting_id = store.meetings.add(make_meeting())
    decision = store.meetings.load(meeting_id).items[0].section(BESLUTNING)
    store.life.take_step(meeting_id, StateStep.HOLD)
    for text in ("Udkast 1.", "Udkast 2."):
        store.agenda.set_section_body(decision.id, text)
        store.life.take_step(meeting_id, StateStep.SEND, to_whom="formanden")
    assert store.life.version(meeting_id, "sent").items[0].section(BESLUTNING).body == (
        "Udkast 2."
    )


def test_every_edit_stamps_the_meetings_last_change(store):
    first = store.meetings.add(make_meeting())
    second = store.meetings.add(make_meeting())
    store.db.execute("UPDATE meeting SET changed_at = '2020-01-01T00:00:00'")
    store.db.conn.commit()

    def changed(meeting_id):
        return {s.id: s.changed_at for s in store.meetings.summaries()}[meeting_id]

    section = store.meetings.load(first).items[0].sections[0]
    store.agenda.set_section_body(section.id, "ny tekst")
    assert changed(first).date() == dt.date.today()
    assert changed(second) == dt.datetime(2020, 1, 1)
    store.agenda.add_group(second, "Eventuelt")
    assert changed(second).date() == dt.date.today()


def test_the_list_counts_written_decisions_and_shows_the_state(store):
    meeting = make_meeting()
    meeting_id = store.meetings.add(meeting)
    written = sum(
        1 for item in meeting.items
        if item.section(BESLUTNING) and item.section(BESLUTNING).body.strip()
    )
    store.life.take_step(meeting_id, StateStep.START)
    (summary,) = store.meetings.summaries()
    assert summary.decided_count == written
    assert summary.item_count == len(meeting.items)
    assert summary.state is MeetingState.STARTED


def test_deleting_a_meeting_takes_its_history_and_versions(store):
    meeting_id = store.meetings.add(make_meeting())
    store.life.take_step(meeting_id, StateStep.HOLD)
    store.life.take_step(meeting_id, StateStep.SEND, to_whom="formanden")
    store.meetings.delete(meeting_id)
    assert store.db["meeting_state_change"].count == 0
    assert store.db["meeting_version"].count == 0


def test_a_meeting_restored_from_the_trash_keeps_its_state(store):
    meeting_id = store.meetings.add(make_meeting())
    store.life.take_step(meeting_id, StateStep.HOLD)
    store.life.take_step(meeting_id, StateStep.SEND, to_whom="formanden")
    restored = store.trash.restore(store.meetings.delete(meeting_id))
    assert store.life.state(restored) is MeetingState.SENT
