"""A dagsorden in KL's PDF-extraction form: no Deltagerfortegnelse, no Beslutning (issue 14.11).

Built here in the seed's structure: every printed line followed by an empty line, a page's
first line starting with a space, and item 4.1 ending in an empty Sagsfremstilling right
before the empty group "5. KKR" (the last line of its page) and "6." on the next page.
"""

from __future__ import annotations

from kkr_desk.domain import MeetingKind
from kkr_desk.importer import import_text

PRINTED = [
    "D A G S O R D E N  2 0 2 4",
    "K K R  M I D T J Y L L A N D",
    "Dato: 05-09-2024 kl. 10:00",
    " 1. Godkendelse af referat",
    " ",
    "1.1. Godkendelse af referat fra mødet den 18. juni 2024",
    "SAG-2024-02547 chbn",
    "Baggrund",
    "Referatet er udsendt.",
    "Indstilling",
    "Det indstilles, at KKR Midtjylland godkender referatet.",
    " 4. Udpegninger",
    " ",
    "4.1. Udpegning - samarbejdsudvalget for fysioterapi",
    "SAG-2024-02547 chbn / jhp",
    "Baggrund",
    "Der skal udpeges et nyt medlem til udvalget.",
    " ",
    "Indstilling",
    "Det indstilles, at KKR Midtjylland udpeger et nyt medlem.",
    " ",
    "Sagsfremstilling",
    "  ",
    " ",
    None,  # the Beslutning left out: an empty line, then the page's last line
    " 5. KKR ",
    " 6. Punkter til næste møde",
    " ",
    "6.1. Punkter til næste møde",
    "SAG-2024-02547 chbn / jhp",
    "Indstilling",
    "Det indstilles, at KKR Midtjylland drøfter punkterne.",
]


def _extraction() -> str:
    """The printed lines as KL's extraction gives them; None is an extra empty line."""
    out = []
    for position, line in enumerate(PRINTED):
        if line is None:
            continue
        out.append(line)
        following = PRINTED[position + 1] if position + 1 < len(PRINTED) else ""
        at_page_end = following is not None and following.startswith(" ") and following.strip()
        if following is None or not at_page_end:
            out.append("")
    return "\n".join(out)


def test_an_empty_group_after_an_empty_last_section_stays_a_group():
    parsed = import_text(_extraction())
    meeting = parsed.meeting
    assert parsed.kind is MeetingKind.DAGSORDEN
    assert [group.title for group in meeting.groups] == [
        "Godkendelse af referat", "Udpegninger", "KKR", "Punkter til næste møde",
    ]
    assert [len(group.items) for group in meeting.groups] == [1, 1, 0, 1]
    item = meeting.groups[1].items[0]
    assert [section.heading for section in item.sections] == ["Baggrund", "Indstilling", "Sagsfremstilling"]
    assert item.section("Sagsfremstilling").body == ""
