"""Tracked changes against the sent version, read back as Word would accept or reject them."""

from __future__ import annotations

import copy
import datetime as dt

import pytest
from docx.oxml.ns import qn

from kkr_desk.domain import AgendaItem, MeetingKind, Section
from kkr_desk.domain.model import BESLUTNING, BAGGRUND
from kkr_desk.writer import Revision, export_meeting

from .revisions import DEL, INS, body, paragraphs, resolved

WHEN = dt.datetime(2024, 9, 20, 9, 30, tzinfo=dt.timezone.utc)


def edited(sent):
    """The sample after the formand's remarks: words, a paragraph, an item, a row, a cell."""
    meeting = copy.deepcopy(sent)
    meeting.place = "Regionshuset Viborg, mødelokale 1, Skottenborg 26, 8800 Viborg"
    items = meeting.items
    decision = items[1].section(BESLUTNING)
    decision.body = decision.body.replace("tog orienteringerne", "godkendte orienteringerne")
    decision.body += "\n\nFormanden takkede for orienteringen."
    background = items[1].section(BAGGRUND)
    background.body = background.body.replace(
        "- Møde med SOSU skolernes bestyrelser den 8. august 2024\n", ""
    )
    table = items[3].sections[2]
    table.body = table.body.replace(
        "| KKR Sjælland | 474 | 476 |", "| KKR Sjælland | 474 | 480 |"
    )
    table.body = table.body.replace("| KKR Nordjylland | 313 | 313 | 634 | 634 |\n", "")
    del meeting.groups[2].items[3]  # Klimaalliancen
    meeting.groups[3].items.append(
        AgendaItem(
            "Udpegning - Praksisplanudvalget",
            sections=[Section(BESLUTNING, "KKR udpegede **Anders Kühnau** til udvalget.")],
        )
    )
    meeting.attendance.pop(3)
    return meeting


@pytest.fixture
def exports(tmp_path, sample):
    """(tracked, current plain, sent plain) exports of the referat."""
    current = edited(sample)
    paths = {name: tmp_path / f"{name}.docx" for name in ("tracked", "current", "sent")}
    export_meeting(
        current,
        paths["tracked"],
        kind=MeetingKind.REFERAT,
        changes_since=sample,
        revision=Revision("Lise Secretary", WHEN),
    )
    export_meeting(current, paths["current"], kind=MeetingKind.REFERAT)
    export_meeting(sample, paths["sent"], kind=MeetingKind.REFERAT)
    return paths


def test_accepting_every_change_gives_the_current_export_exactly(exports):
    accepted = paragraphs(resolved(exports["tracked"], accept=True))
    assert accepted == paragraphs(body(exports["current"]))


def test_rejecting_every_change_gives_the_sent_export_exactly(exports):
    rejected = paragraphs(resolved(exports["tracked"], accept=False))
    assert rejected == paragraphs(body(exports["sent"]))


def test_every_change_is_marked_with_author_date_and_its_own_id(exports):
    root = body(exports["tracked"])
    marks = [*root.iter(INS), *root.iter(DEL)]
    assert len(list(root.iter(INS))) > 5 and len(list(root.iter(DEL))) > 5
    for mark in marks:
        assert mark.get(qn("w:author")) == "Lise Secretary"
        assert mark.get(qn("w:date")) == "2024-09-20T09:30:00Z"
    ids = [mark.get(qn("w:id")) for mark in marks]
    assert len(set(ids)) == len(ids)
    # Deleted text is delText, and only there.
    for text in root.iter(qn("w:delText")):
        assert any(a.tag == DEL for a in text.iterancestors())
    for mark in root.iter(DEL):
        assert not list(mark.iter(qn("w:t")))


def _text(node) -> str:
    return "".join(text.text or "" for text in node.iter(qn("w:t"), qn("w:delText")))


def _changed(root, tag) -> list[str]:
    return [
        _text(mark)
        for mark in root.iter(tag)
        if mark.getparent().tag != qn("w:rPr")
    ]


def test_changes_are_words_not_whole_paragraphs(exports):
    root = body(exports["tracked"])
    inserted, deleted = _changed(root, INS), _changed(root, DEL)
    assert "godkendte" in inserted and "tog" in deleted
    assert ", mødelokale 1" in inserted
    assert "480" in inserted and "476" in deleted
    assert "Formanden takkede for orienteringen." in inserted
    assert "Klimaalliancen og status på indsatser" in "".join(deleted)
    assert "Anders Kühnau" in inserted


def test_whole_rows_and_paragraphs_are_marked_as_such(exports):
    root = body(exports["tracked"])
    deleted_rows = [
        row for row in root.iter(qn("w:tr")) if row.find(f"{qn('w:trPr')}/{DEL}") is not None
    ]
    assert [_text(row) for row in deleted_rows] == ["KKR Nordjylland313313634634"]
    inserted_marks = [
        _text(p)
        for p in root.iter(qn("w:p"))
        if p.find(f"{qn('w:pPr')}/{qn('w:rPr')}/{INS}") is not None
    ]
    assert "Formanden takkede for orienteringen." in inserted_marks


def test_an_unchanged_meeting_has_no_changes(tmp_path, sample):
    path = tmp_path / "same.docx"
    export_meeting(sample, path, kind=MeetingKind.REFERAT, changes_since=copy.deepcopy(sample))
    root = body(path)
    assert not list(root.iter(INS)) and not list(root.iter(DEL))
    plain = tmp_path / "plain.docx"
    export_meeting(sample, plain, kind=MeetingKind.REFERAT)
    assert paragraphs(root) == paragraphs(body(plain))


def test_default_author_is_kkr_desk(tmp_path, sample):
    path = tmp_path / "tracked.docx"
    export_meeting(edited(sample), path, kind=MeetingKind.REFERAT, changes_since=sample)
    authors = {mark.get(qn("w:author")) for mark in body(path).iter(INS)}
    assert authors == {"KKR Desk"}


def test_table_of_contents_and_dagsorden_track_too(tmp_path, sample):
    current = edited(sample)
    for kind in MeetingKind:
        tracked, plain_new, plain_old = (tmp_path / f"{kind.value}-{n}.docx" for n in "tno")
        export_meeting(
            current, tracked, kind=kind, changes_since=sample, table_of_contents=True
        )
        export_meeting(current, plain_new, kind=kind, table_of_contents=True)
        export_meeting(sample, plain_old, kind=kind, table_of_contents=True)
        assert paragraphs(resolved(tracked, accept=True)) == paragraphs(body(plain_new))
        assert paragraphs(resolved(tracked, accept=False)) == paragraphs(body(plain_old))
