"""Importing a referat in KL's PDF-extraction form (our own fixture in the seed's form)."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest

from kkr_desk.importer import DocumentImportError, import_document, import_text
from kkr_desk.domain import AttendanceStatus, ItemStatus, MeetingKind

from .documents import REFERAT_TEXT


@pytest.fixture(scope="module")
def result():
    return import_document(REFERAT_TEXT)


@pytest.fixture(scope="module")
def meeting(result):
    return result.meeting


def body(meeting, item_title_start: str, heading: str) -> str:
    item = next(item for item in meeting.items if item.title.startswith(item_title_start))
    return item.section(heading).body


def test_front_page(meeting, result):
    assert meeting.committee == "KKR Midtjylland"
    assert result.kind is MeetingKind.REFERAT
    assert meeting.date == dt.date(2024, 9, 5)
    assert meeting.start_time == dt.time(10, 0)
    assert meeting.place == "Regionshuset Viborg, Skottenborg 26, 8800 Viborg"
    assert meeting.mission == "KL bidrager til at udvikle og fastholde et stærkt lokalt demokrati."
    assert meeting.vision == "KL opnår indflydelse og resultater på kommunernes vegne."
    assert result.warnings == []


def test_participants_become_roster_people_with_attendance(meeting, result):
    counts = Counter((entry.status, entry.person.organisation) for entry in meeting.attendance)
    assert counts == {
        (AttendanceStatus.PRESENT, ""): 5,
        (AttendanceStatus.APOLOGY, ""): 2,
        (AttendanceStatus.PRESENT, "KL"): 2,
        (AttendanceStatus.PRESENT, "KD-Net"): 1,
        (AttendanceStatus.PRESENT, "Region Midtjylland"): 1,
    }
    people = {entry.person.name: entry.person for entry in meeting.attendance}
    assert (people["Niels Skovbjerg Rasmussen"].party, people["Niels Skovbjerg Rasmussen"].municipality) == ("F", "Ringkøbing-Skjern")
    assert (people["Simon Vanggaard"].party, people["Simon Vanggaard"].municipality) == ("O", "Ikast-Brande")
    assert people["Rabih Azad-Ahmad"].party == "B"
    jesper = people["Jesper Kaas Schmidt"]
    assert (jesper.title, jesper.municipality, jesper.organisation) == ("kommunaldirektør", "Randers", "KD-Net")
    assert people["Christian Brincker Nordbek"].title == "chefkonsulent"
    assert result.status_counts() == {AttendanceStatus.PRESENT: 5, AttendanceStatus.APOLOGY: 2}
    assert result.organisation_counts() == {"KL": 2, "KD-Net": 1, "Region Midtjylland": 1}


def test_groups_items_and_case_lines(meeting):
    assert [group.title for group in meeting.groups] == [
        "Godkendelse af referat",
        "Regionalpolitiske sager",
        "KKR",
        "Eventuelt",
    ]
    assert meeting.groups[2].items == []
    assert [item.title for item in meeting.items] == [
        "Godkendelse af referat fra mødet den 18. juni 2024",
        "Fordeling af lærepladser på SOSU-uddannelserne og behovet for velfærdsuddannede i den midtjyske region",
        "Eventuelt",
    ]
    assert [item.case_line for item in meeting.items] == [
        "SAG-2024-02547 chbn",
        "SAG-2024-02547 chbn/jhp",
        "SAG-2024-02547 chbn",
    ]
    assert [[section.heading for section in item.sections] for item in meeting.items] == [
        ["Baggrund", "Indstilling", "Beslutning"],
        ["Baggrund", "Indstilling", "Sagsfremstilling", "Beslutning"],
        ["Beslutning"],
    ]
    assert {item.status for item in meeting.items} == {ItemStatus.DECIDED}


def test_a_year_alone_on_a_line_stays_in_its_paragraph(meeting):
    assert body(meeting, "Godkendelse", "Indstilling") == (
        "Det indstilles, at KKR Midtjylland godkender referatet fra mødet den 18. juni 2024."
    )


def test_link_address_is_joined_to_its_text(meeting):
    assert body(meeting, "Godkendelse", "Baggrund").endswith(
        "[Referat fra møde i KKR Midtjylland den 18. juni 2024]"
        "(https://www.kl.dk/media/iy1bukqi/referat-fra-moede-i-kkr-midtjylland-den-18-juni-2024.pdf?format=noformat)"
    )


def test_hyphenation_undone_and_real_hyphens_kept(meeting):
    text = body(meeting, "Fordeling", "Baggrund")
    assert "minimum af lærepladser til social- og sundhedshjælpere og social- og sundhedsassistenter" in text
    assert "i perioden 2022-2032. SOSU-skolerne er med" in text
    assert (
        "[Behovet for velfærdsuddannede i den midtjyske region 2022-2032 (kl.dk)]"
        "(https://www.kl.dk/media/p3iczowk/behovet-for-velfaerdsuddannede-i-midtjylland-2022-2032-bilagsrapport.pdf)."
    ) in text


def test_sagsfremstilling_blocks(meeting):
    blocks = body(meeting, "Fordeling", "Sagsfremstilling").split("\n\n")
    assert blocks[0] == "### Fordeling mellem de fem KKR"
    assert blocks[1] == "Tabellen viser fordelingen af pladser:"
    assert blocks[2].splitlines() == [
        # The two-level header keeps its merged cells (docs/meeting-file.md, issue 14.9).
        "|  | Social- og sundhedshjælpere | < | Social- og sundhedsassistenter | < |",
        "| --- | ---: | ---: | ---: | ---: |",
        "| ^ | Dimensionering 2024 | Dimensionering 2025 | Dimensionering 2024 | Dimensionering 2025 |",
        "| KKR Hovedstaden | 851 | 851 | 1.778 | 1779 |",
        "| KKR Midtjylland | 668 | 668 | 1.305 | 1304 |",
        "| Hele landet | 3.000 | 3.000 | 6.000 | 6.000 |",
    ]
    assert blocks[3:] == [
        "Status på aftalen er:",
        "- Kommunerne indgik flere aftaler end dimensioneringen\n"
        "- Frafaldet skal ned, og skolerne samarbejder om en fælles indsats.",
        "Indsatsen har tre spor:",
        "1) Bedre vejledning\n2) Flere praktikpladser",
        "./. Fordelingsnøglen er vedlagt som bilag.",
        "Regeringen har varslet nye forhandlinger i efteråret.",
    ]


def test_decisions(meeting):
    assert body(meeting, "Fordeling", "Beslutning") == "KKR Midtjylland godkendte dimensioneringen."
    assert body(meeting, "Eventuelt", "Beslutning") == "Det var intet at bemærke."


def test_without_front_page_the_text_names_the_committee_and_the_date_is_flagged():
    text = REFERAT_TEXT.read_text(encoding="utf-8")
    start = text.index(" Deltagerfortegnelse")
    result = import_text(" Mission \n\nKL bidrager.\n" + text[start:], "referat-2024-09-05.txt")
    assert result.meeting.committee == "KKR Midtjylland"
    assert result.meeting.date == dt.date(2024, 9, 5)  # from the file name
    assert len(result.warnings) == 2
    assert "gættet" in result.warnings[0] and "Mødedatoen" in result.warnings[1]


def test_a_dagsorden_has_no_decisions():
    text = REFERAT_TEXT.read_text(encoding="utf-8").replace("R E F E R A T", "D A G S O R D E N")
    lines = text.split("\n")
    drop = set()
    for index, line in enumerate(lines):
        if line.strip() == "Beslutning":
            drop.update({index, index + 2})
    text = "\n".join(line for index, line in enumerate(lines) if index not in drop)
    result = import_text(text)
    meeting = result.meeting
    assert result.kind is MeetingKind.DAGSORDEN
    assert all(item.section("Beslutning") is None for item in meeting.items)
    assert {item.status for item in meeting.items} == {ItemStatus.NOT_STARTED}


def test_other_committee_and_plain_line_breaks():
    """Another KKR's text, pasted without the extraction's empty lines."""
    text = "\n".join(
        [
            "KKR Nordjylland | 12-02-2025",
            "Deltagerfortegnelse",
            "Deltagere",
            "Mogens Jespersen (V), Mariagerfjord",
            "Afbud",
            "Mette Sørensen (A), Aalborg",
            "",
            "1. Meddelelser",
            "",
            "1.1. Meddelelser fra formandskabet",
            "SAG-2025-00012 abc",
            "",
            "Baggrund",
            "Formandskabet har holdt møde med regionen om den kollektive trafik i",
            "2025.",
            "",
            "Beslutning",
            "Taget til efterretning.",
        ]
    )
    result = import_text(text)
    meeting = result.meeting
    assert meeting.committee == "KKR Nordjylland"
    assert meeting.date == dt.date(2025, 2, 12)
    assert result.kind is MeetingKind.REFERAT
    assert meeting.items[0].section("Baggrund").body == (
        "Formandskabet har holdt møde med regionen om den kollektive trafik i 2025."
    )
    assert [entry.status for entry in meeting.attendance] == [
        AttendanceStatus.PRESENT,
        AttendanceStatus.APOLOGY,
    ]


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\n  ",
        "Kære alle,\n\nHermed invitation til julefrokost 2024.\n\n1. Mad\n\n2. Drikke",
        "1. Godkendelse af referat\n\nIngen punkter her.",
    ],
)
def test_text_that_is_no_agenda_is_refused(text):
    with pytest.raises(DocumentImportError) as error:
        import_text(text, "brev.txt")
    assert str(error.value)


@pytest.mark.parametrize("page_numbers", [True, False])
def test_a_table_of_contents_is_not_the_agenda(page_numbers):
    text = REFERAT_TEXT.read_text(encoding="utf-8")
    suffix = " ........ 3" if page_numbers else ""
    toc = (
        " Indholdsfortegnelse \n\n"
        f"1. Godkendelse af referat{suffix} \n\n"
        f"1.1. Godkendelse af referat fra mødet den 18. juni 2024{suffix} \n\n"
        f"2. Regionalpolitiske sager{suffix} \n\n"
        f"2.1. Fordeling af lærepladser{suffix} \n\n"
        f"3. KKR{suffix} \n\n"
        f"4. Eventuelt{suffix} \n\n"
        f"4.1. Eventuelt{suffix}\n"
    )
    start = text.index(" Deltagerfortegnelse")
    meeting = import_text(text[:start] + toc + text[start:]).meeting
    assert [group.title for group in meeting.groups] == [
        "Godkendelse af referat",
        "Regionalpolitiske sager",
        "KKR",
        "Eventuelt",
    ]
    assert len(meeting.items) == 3
    assert meeting.items[0].case_line == "SAG-2024-02547 chbn"
    assert len(meeting.attendance) == 11
    assert meeting.vision == "KL opnår indflydelse og resultater på kommunernes vegne."


def test_a_wrapped_participant_line_is_one_person():
    text = REFERAT_TEXT.read_text(encoding="utf-8").replace(
        "Jesper Kaas Schmidt, kommunaldirektør, Randers\n\n",
        "Jesper Kaas Schmidt, kommunaldirektør, Ran-\nders\n\n",
    )
    result = import_text(text)
    staff = [entry.person for entry in result.meeting.attendance if entry.person.organisation == "KD-Net"]
    assert [(person.name, person.title, person.municipality) for person in staff] == [
        ("Jesper Kaas Schmidt", "kommunaldirektør", "Randers")
    ]
    assert result.warnings == []


def test_numbered_lines_in_a_body_are_not_groups():
    text = (
        " 1. Meddelelser \n\n \n\n1.1. Status \n\nSAG-2025-00001 ab \n\nBaggrund \n\n"
        "Tre spor: \n\n2. Praktik \n\n3. Fastholdelse \n\n \n\nBeslutning \n\nGodkendt.\n"
    )
    meeting = import_text(text).meeting
    assert [group.title for group in meeting.groups] == ["Meddelelser"]
    assert meeting.items[0].section("Baggrund").body == "Tre spor: 2. Praktik 3. Fastholdelse"


def test_numbers_that_skip_are_read_in_order_with_a_warning():
    text = (
        " 1. Meddelelser \n\n \n\n1.1. Status \n\nSAG-2025-00001 ab \n\nBaggrund \n\nTekst.\n"
        " 1.3. Andet punkt \n\nSAG-2025-00002 ab \n\nBaggrund \n\nMere tekst.\n"
        " 3. Eventuelt \n\n \n\n3.1. Eventuelt \n\nSAG-2025-00003 ab \n\nBeslutning \n\nIntet.\n"
    )
    result = import_text(text)
    meeting = result.meeting
    assert [group.title for group in meeting.groups] == ["Meddelelser", "Eventuelt"]
    assert [item.title for item in meeting.items] == ["Status", "Andet punkt", "Eventuelt"]
    assert result.warnings == [
        "Dagsordenen springer fra punkt 1.1 til 1.3; punkterne er nummereret efter rækkefølgen",
        "Dagsordenen springer fra gruppe 1 til 3; grupperne er nummereret efter rækkefølgen",
        "Udvalget blev ikke fundet; ret det i mødets oplysninger",
        "Mødedatoen blev ikke fundet; den er sat til "
        + result.meeting.date.strftime("%d-%m-%Y")
        + " – ret den i mødets oplysninger",
    ]
