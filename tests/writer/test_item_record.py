"""The record in the referat: read back from the .docx, item by item."""

from __future__ import annotations

import docx

from kkr_desk import writer
from kkr_desk.domain import MeetingKind, ProtocolRemark
from kkr_desk.domain.record import party_vote

from ..domain.record_meeting import record_meeting


def _paragraphs(path) -> list[str]:
    return [p.text for p in docx.Document(str(path)).paragraphs]


def _under(texts: list[str], heading: str, stop: str) -> list[str]:
    start = texts.index(heading) + 1
    return texts[start : texts.index(stop, start)] if stop else texts[start:]


def test_every_item_prints_who_took_part_the_vote_and_the_remarks(tmp_path):
    meeting = record_meeting()
    third = meeting.items[2]
    third.vote = party_vote(meeting, third, for_="A", against="Ø")
    third.remarks.append(ProtocolRemark("Vi er imod.", party="Ø"))
    target = tmp_path / "referat.docx"
    writer.export_meeting(meeting, target, kind=MeetingKind.REFERAT)
    texts = _paragraphs(target)
    headings = ["1.1.\tPunkt 0", "2.1.\tPunkt 1", "2.2.\tPunkt 2", "2.3.\tPunkt 3"]
    under = {
        heading: _under(texts, heading, stop)
        for heading, stop in zip(headings, headings[1:] + [""])
    }
    assert under["1.1.\tPunkt 0"] == [
        "Beslutning",
        "Lise Bech (Ø) deltog ikke i behandlingen af punktet.",
        "Godkendt 0.",
        "2. Anden",
    ]
    assert under["2.1.\tPunkt 1"] == [
        "Beslutning",
        "Lise Bech (Ø) deltog ikke i behandlingen af punktet.",
        "Godkendt 1.",
    ]
    assert under["2.2.\tPunkt 2"] == [
        "Beslutning",
        "Ole Vind (V) deltog ikke i behandlingen af punktet.",
        "Dorte West (V) erklærede sig inhabil og deltog ikke i behandlingen af punktet.",
        "For stemte: A (2). Imod stemte: Ø (1).",
        "Ø ønskede følgende ført til protokol: Vi er imod.",
        "Godkendt 2.",
    ]
    assert under["2.3.\tPunkt 3"][:2] == ["Beslutning", "Godkendt 3."]
    assert "Ole Vind (V), Hedensted – forlod mødet kl. 11.40 efter punkt 2.1, " \
        "kom tilbage kl. 12.10 under punkt 2.3" in texts
    assert "Hanne Berg (A), Randers, stedfortræder for Torben Hansen" in texts


def test_an_item_without_beslutning_gets_one_for_its_record(tmp_path):
    meeting = record_meeting()
    meeting.items[1].sections = []
    meeting.items[1].remarks.append(ProtocolRemark("Til efterretning.", party="V"))
    target = tmp_path / "referat.docx"
    writer.export_meeting(meeting, target, kind=MeetingKind.REFERAT)
    texts = _paragraphs(target)
    assert _under(texts, "2.1.\tPunkt 1", "2.2.\tPunkt 2") == [
        "Beslutning",
        "Lise Bech (Ø) deltog ikke i behandlingen af punktet.",
        "V ønskede følgende ført til protokol: Til efterretning.",
    ]


def test_a_dagsorden_prints_no_record(tmp_path):
    target = tmp_path / "dagsorden.docx"
    writer.export_meeting(record_meeting(), target, kind=MeetingKind.DAGSORDEN)
    assert not any("deltog ikke" in text for text in _paragraphs(target))
