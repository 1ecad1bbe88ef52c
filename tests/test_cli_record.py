"""kkr-desk record: the derived presence per item, as a real process."""

from __future__ import annotations

from kkr_desk.domain import ProtocolRemark
from kkr_desk.domain.record import party_vote
from kkr_desk.store import Store

from .domain.record_meeting import record_meeting
from .test_cli import kkr_desk


def test_record_prints_one_line_an_item(tmp_path):
    path = tmp_path / "kkr.db"
    meeting = record_meeting()
    third = meeting.items[2]
    third.vote = party_vote(meeting, third, for_="A", against="Ø")
    third.remarks.append(ProtocolRemark("Vi er imod.", party="Ø"))
    with Store(path) as store:
        meeting_id = store.meetings.add(meeting)
    result = kkr_desk("record", str(meeting_id), "--db", str(path))
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "afbud: Torben Hansen (stedfortræder Hanne Berg)",
        "1.1  present 4  absent: Lise Bech (ankom 10.25)",
        "2.1  present 4  absent: Lise Bech (ankom 10.25)",
        ("2.2  present 3  absent: Ole Vind (gik 11.40); Dorte West (inhabil)"
        "  vote: For stemte: A (2). Imod stemte: Ø (1).  protokol: 1"),
        "2.3  present 5",
    ]


def test_record_of_a_missing_meeting_is_one_line_and_exit_2(tmp_path):
    result = kkr_desk("record", "99", "--db", str(tmp_path / "kkr.db"))
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "99" in result.stderr
