from kkr_desk.domain import AttendanceStatus, MeetingKind, Section
from kkr_desk.domain.checks import export_warnings


def messages(meeting, kind=MeetingKind.REFERAT):
    return [warning.message for warning in export_warnings(meeting, kind)]


def test_referat_warns_about_decisions_status_and_empty_sections(meeting):
    assert messages(meeting) == [
        "Jesper Kaas Schmidt har ingen deltagerstatus og kommer ikke med i deltagerfortegnelsen.",
        "Punkt 3.1 har ingen beslutning.",
        "Punkt 3.2 har ingen beslutning.",
    ]


def test_empty_sections_are_named_with_their_item(meeting):
    meeting.groups[0].items[0].sections.insert(1, Section("Sagsfremstilling", "  \n"))
    warnings = export_warnings(meeting, MeetingKind.REFERAT)
    assert warnings[1].message == "Punkt 1.1: afsnittet Sagsfremstilling er tomt."
    assert warnings[1].item == "1.1."


def test_dagsorden_does_not_ask_for_decisions_or_attendance(meeting):
    assert messages(meeting, MeetingKind.DAGSORDEN) == []


def test_a_finished_meeting_has_no_warnings(meeting):
    meeting.attendance[-1].status = AttendanceStatus.PRESENT
    for item in meeting.items:
        decision = item.section("Beslutning")
        if decision is None:
            item.sections.append(Section("Beslutning", "Godkendt."))
        else:
            decision.body = decision.body or "Godkendt."
    assert messages(meeting) == []


def test_an_empty_meeting_says_so():
    import datetime as dt

    from kkr_desk.domain import Meeting

    empty = Meeting("KKR Nordjylland", dt.date(2025, 1, 2))
    assert messages(empty) == ["Dagsordenen har ingen punkter.", "Ingen deltagere er registreret."]
    assert messages(empty, MeetingKind.DAGSORDEN) == ["Dagsordenen har ingen punkter."]
