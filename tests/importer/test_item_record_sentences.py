"""Other minutes' record sentences become the record, not decision text."""

from __future__ import annotations

from kkr_desk.domain import PresenceKind, VoteChoice
from kkr_desk.domain.record import presence
from kkr_desk.importer import import_text

from .documents import REFERAT_TEXT


def _imported(first: str, second: str, third: str):
    text = REFERAT_TEXT.read_text(encoding="utf-8")
    text = text.replace("\nGodkendt.\n", f"\n{first}\n\nGodkendt.\n", 1)
    text = text.replace(
        "\nKKR Midtjylland godkendte dimensioneringen.\n",
        f"\nKKR Midtjylland godkendte dimensioneringen.\n\n{second}\n",
        1,
    )
    text = text.replace("\nDet var intet at bemærke.\n", f"\n{third}\n\nDet var intet at bemærke.\n", 1)
    return import_text(text, "referat.txt")


def test_variants_are_restored_as_data():
    result = _imported(
        "Simon Vanggaard medvirkede ikke ved behandlingen af pkt. 1.1, idet han var inhabil.",
        "For stemte: A, F (3). Imod stemte: O (1). Undlod at stemme: B (1).\n\n"
        "O ønskede følgende ført til protokol: Dansk Folkeparti kan ikke støtte forslaget.",
        "Torben Hansen (A) deltog ikke under punkterne 1.1-2.1.",
    )
    meeting = result.meeting
    first, second, last = meeting.items
    assert [p.name for p in first.inhabil] == ["Simon Vanggaard"]
    assert first.section("Beslutning").body == "Godkendt."
    assert second.section("Beslutning").body == "KKR Midtjylland godkendte dimensioneringen."
    assert {(l.choice, l.party, l.count) for l in second.vote.lines} == {
        (VoteChoice.FOR, "A", 2), (VoteChoice.FOR, "F", 1),
        (VoteChoice.AGAINST, "O", 1), (VoteChoice.ABSTAIN, "B", 1),
    }
    assert [(r.party, r.text) for r in second.remarks] == [
        ("O", "Dansk Folkeparti kan ikke støtte forslaget.")
    ]
    torben = next(e for e in meeting.attendance if e.person.name == "Torben Hansen")
    assert [(e.kind, e.item) for e in torben.events] == [
        (PresenceKind.LEFT, first), (PresenceKind.RETURNED, last)
    ]
    assert torben not in presence(meeting, second).present
    assert torben in presence(meeting, last).present
    assert last.section("Beslutning").body == "Det var intet at bemærke."


def test_a_sentence_about_someone_unknown_stays_text():
    result = _imported(
        "Hr. Ukendt medvirkede ikke ved behandlingen af punktet, idet han var inhabil.",
        "",
        "Intet.",
    )
    first = result.meeting.items[0]
    assert first.inhabil == []
    assert "Hr. Ukendt" in first.section("Beslutning").body
