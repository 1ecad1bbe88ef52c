"""The decision phrases of an open meeting: read from the store once (every item switch asks
for them), and read again whenever something that decides them is saved."""

from __future__ import annotations

import datetime as dt

import pytest

from kkr_desk.app import Desk
from kkr_desk.domain.committee import Committee
from kkr_desk.store import open_store


@pytest.fixture
def store(tmp_path):
    with open_store(tmp_path / "desk.db") as store:
        yield store


@pytest.fixture
def desk(store):
    return Desk(store)


def opened(desk, store):
    return desk.open_meeting(store.meetings.summaries()[0].id)


def counting_reads(store, monkeypatch) -> list[str]:
    reads = []
    find = store.committees.find
    monkeypatch.setattr(
        store.committees, "find", lambda name: reads.append(name) or find(name)
    )
    return reads


def test_the_phrases_are_read_from_the_store_once(desk, store, monkeypatch):
    editor = opened(desk, store)
    reads = counting_reads(store, monkeypatch)
    first = editor.decision_templates()
    for _ in range(5):
        assert editor.decision_templates() == first
    assert reads == [editor.meeting.committee]
    editor.decision_templates().append("changed by the caller")
    assert editor.decision_templates() == first


def test_a_saved_committee_gives_its_new_phrases_at_once(desk, store):
    editor = opened(desk, store)
    program_wide = editor.decision_templates()
    committee = desk.committee_of(editor.meeting)
    committee.phrases = ["{udvalg} udsatte sagen.", "Drøftet."]
    desk.save_committee(committee)
    assert editor.decision_templates() == ["{udvalg} udsatte sagen.", "Drøftet."]
    committee.phrases = []
    desk.save_committee(committee)
    assert editor.decision_templates() == program_wide


def test_saved_program_wide_phrases_show_at_once(desk, store):
    editor = opened(desk, store)
    editor.decision_templates()
    desk.set_decision_templates(["Vedtaget.", "  "])
    assert editor.decision_templates() == ["Vedtaget."]
    editor.set_decision_templates(["Udsat."])  # no committee phrases: program-wide
    assert editor.decision_templates() == ["Udsat."]


def test_another_committee_for_the_meeting_brings_its_phrases(desk, store):
    desk.save_committee(Committee("KKR Syddanmark", phrases=["Syddansk beslutning."]))
    editor = opened(desk, store)
    own = editor.decision_templates()
    editor.save_meeting_details(committee="KKR Syddanmark")
    assert editor.decision_templates() == ["Syddansk beslutning."]
    editor.save_meeting_details(date=dt.date(2024, 12, 1))
    assert editor.decision_templates() == ["Syddansk beslutning."]
    editor.save_meeting_details(committee="Ukendt udvalg", new_committee=True)
    assert editor.decision_templates() == own
