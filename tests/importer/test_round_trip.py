"""Our own referat (.docx and its PDF) imports back to the meeting it was written from.

The PDF test needs LibreOffice.
"""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt

import pytest
from kkr_desk.resources import resource_path

from kkr_desk import writer
from kkr_desk.domain import (
    AttendanceStatus,
    ItemStatus,
    MeetingKind,
    PresenceEvent,
    PresenceKind,
    ProtocolRemark,
    Vote,
    VoteChoice,
    VoteLine,
)
from kkr_desk.domain.record import party_vote
from kkr_desk.importer import import_document
from kkr_desk.meeting_file import read_meeting_file
from kkr_desk.store import Store


def document_facts(meeting) -> dict:
    """The meeting as a document can carry it: no ids, no clock times of the live meeting."""
    data = dataclasses.asdict(meeting)

    def strip(node):
        if isinstance(node, dict):
            return {
                key: strip(value)
                for key, value in node.items()
                if key not in ("id", "taken_up_at", "decided_at")
            }
        if isinstance(node, list):
            return [strip(value) for value in node]
        return node

    return strip(data)


@pytest.fixture
def meeting():
    """The sample meeting (the seed's facts) with the attendance remarks a referat prints."""
    sample = read_meeting_file(resource_path("sample-meeting.json"))
    by_name = {entry.person.name: entry for entry in sample.attendance}
    by_name["Ole Vind"].note = "deltog ikke under punkt 3.4"
    for item in sample.items:
        decision = item.section("Beslutning")
        item.status = ItemStatus.DECIDED if decision and decision.body.strip() else ItemStatus.NOT_STARTED
    return with_record(sample)


def with_record(sample):
    """People arrive, leave, return, stand in and are inhabil; votes and remarks."""
    by_name = {entry.person.name: entry for entry in sample.attendance}
    items = sample.items  # 1.1 2.1 3.1 3.2 3.3 3.4 3.5 4.1 6.1 7.1
    by_name["Torben Hansen"].events = [PresenceEvent(PresenceKind.ARRIVED, dt.time(10, 25), items[2])]
    by_name["Ole Vind"].events = [
        PresenceEvent(PresenceKind.LEFT, dt.time(11, 40), items[6]),
        PresenceEvent(PresenceKind.RETURNED, dt.time(12, 5), items[8]),
    ]
    by_name["Marcel Meijer"].substitute_for = by_name["Jacob Bundsgaard"].person
    items[3].inhabil.append(by_name["Dorte West"].person)
    items[4].vote = party_vote(sample, items[4], for_="A, C, V", against="Ø", abstain="F")
    items[4].remarks.append(ProtocolRemark("Enhedslisten kan ikke støtte aftalen.", party="Ø"))
    items[5].remarks.append(
        ProtocolRemark("Jeg ønsker en ny sag om emnet.", person=by_name["Simon Vanggaard"].person)
    )
    c = [by_name[name].person for name in ("Lars Storgaard", "Benny Hammer")]
    items[7].vote = Vote(
        [VoteLine(VoteChoice.FOR, person=p) for p in c]
        + [VoteLine(VoteChoice.AGAINST, person=by_name["Søren Olesen"].person)]
    )
    return sample


@pytest.mark.parametrize("table_of_contents", [False, True])
def test_exported_docx_imports_to_an_identical_meeting(meeting, tmp_path, table_of_contents):
    target = tmp_path / "referat.docx"
    writer.export_meeting(
        meeting, target, kind=MeetingKind.REFERAT, table_of_contents=table_of_contents
    )
    result = import_document(target)
    assert result.warnings == []
    assert document_facts(result.meeting) == document_facts(meeting)
    again = tmp_path / "again.docx"
    writer.export_meeting(
        result.meeting, again, kind=MeetingKind.REFERAT, table_of_contents=table_of_contents
    )
    assert document_text(again) == document_text(target)


def document_text(path) -> list[str]:
    import docx

    return [paragraph.text for paragraph in docx.Document(str(path)).paragraphs]


def test_exported_pdf_imports_to_an_identical_meeting(meeting, tmp_path):
    from kkr_desk.writer.pdf import find_soffice

    if find_soffice() is None:
        pytest.skip("LibreOffice is not installed: no PDF to read")
    target = tmp_path / "referat.pdf"
    writer.export_meeting(meeting, target, kind=MeetingKind.REFERAT, table_of_contents=True)
    result = import_document(target)
    assert result.warnings == []
    assert document_facts(result.meeting) == document_facts(meeting)


def test_exported_dagsorden_imports_without_decisions(meeting, tmp_path):
    target = tmp_path / "dagsorden.docx"
    writer.export_meeting(meeting, target, kind=MeetingKind.DAGSORDEN)
    imported = import_document(target).meeting
    expected = copy.deepcopy(meeting)
    expected.end_time = None  # a dagsorden is written before the meeting ends
    for item in expected.items:
        item.status = ItemStatus.NOT_STARTED
        item.sections = [section for section in item.sections if section.heading != "Beslutning"]
        item.inhabil, item.vote, item.remarks = [], None, []
    assert document_facts(imported) == document_facts(expected)


def test_importing_the_export_reuses_the_roster(meeting, tmp_path):
    target = tmp_path / "referat.docx"
    writer.export_meeting(meeting, target, kind=MeetingKind.REFERAT)
    with Store(tmp_path / "kkr.db") as store:
        first = store.meetings.add(meeting)
        people_before = len(store.roster.people())
        second = store.meetings.add(import_document(target).meeting)
        assert len(store.roster.people()) == people_before
        first_ids = [entry.person.id for entry in store.meetings.load(first).attendance]
        second_ids = [entry.person.id for entry in store.meetings.load(second).attendance]
        assert first_ids == second_ids
        present = store.meetings.load(second).attendance
        assert sum(entry.status is AttendanceStatus.PRESENT for entry in present) == 27
