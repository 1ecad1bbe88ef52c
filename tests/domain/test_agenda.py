from kkr_desk.domain import (
    AgendaItem,
    Section,
    attachments,
    group_number,
    item_number,
    numbered_groups,
    numbered_items,
)


def test_numbers_follow_position(meeting):
    assert group_number(0) == "1."
    assert item_number(2, 1) == "3.2."
    assert [number for number, _ in numbered_groups(meeting)] == ["1.", "2.", "3."]
    assert [(n, i.title) for n, i in numbered_items(meeting)] == [
        ("1.1.", "Godkendelse af referat fra mødet den 18. juni 2024"),
        ("3.1.", "Behovsanalyser"),
        ("3.2.", "Lærepladser"),
    ]


def test_numbers_change_when_an_item_moves(meeting):
    moved = meeting.groups[2].items.pop(1)
    meeting.groups[0].items.append(moved)
    assert dict((i.title, n) for n, i in numbered_items(meeting))["Lærepladser"] == "1.2."


def test_attachments_are_read_from_attachment_paragraphs():
    item = AgendaItem(
        "Siden sidst",
        sections=[
            Section("Sagsfremstilling", "Tekst.\n\n./. Status er vedlagt som bilag.\n\nMere."),
            Section("Beslutning", "./.. Oplæg\nikke ./. her"),
        ],
    )
    assert attachments(item) == ["Status er vedlagt som bilag.", "Oplæg"]


def test_case_line_and_section_lookup(meeting):
    item = meeting.groups[2].items[1]
    assert item.case_line == "SAG-2024-02547 chbn/jhp"
    assert AgendaItem("x", case_number="SAG-1").case_line == "SAG-1"
    assert item.section("Beslutning").body == ""
    assert item.section("Baggrund") is None
    assert len(meeting.items) == 3
