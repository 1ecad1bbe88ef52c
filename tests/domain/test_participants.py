import datetime as dt

from kkr_desk.domain import (
    Attendance,
    AttendanceStatus,
    MeetingKind,
    Person,
    PresenceEvent,
    PresenceKind,
)
from kkr_desk.domain.participants import attendance_line, participant_groups, person_line


def test_lines_in_kls_form():
    assert person_line(Person("Torben Hansen", party="A", municipality="Randers")) == (
        "Torben Hansen (A), Randers"
    )
    assert person_line(
        Person("Jonna Holm Pedersen", title="specialkonsulent", organisation="KL")
    ) == ("Jonna Holm Pedersen, specialkonsulent")
    assert person_line(Person("Uden Parti", municipality="Odder")) == "Uden Parti, Odder"


def test_arrival_leaving_and_notes_follow_the_name():
    entry = Attendance(
        Person("Ole Vind", party="V", municipality="Hedensted"),
        AttendanceStatus.PRESENT,
        note="deltog ikke under punkt 3.2",
        events=[
            PresenceEvent(PresenceKind.ARRIVED, dt.time(10, 25)),
            PresenceEvent(PresenceKind.LEFT, dt.time(11, 40)),
        ],
    )
    assert attendance_line(entry) == (
        "Ole Vind (V), Hedensted – ankom kl. 10.25, forlod mødet kl. 11.40, "
        "deltog ikke under punkt 3.2"
    )


def test_groups_in_kls_order_with_guests_and_absent(meeting):
    guest = Person("Anne Gæst", title="direktør", organisation="Erhvervshus Midtjylland")
    meeting.attendance.insert(0, Attendance(guest, AttendanceStatus.PRESENT))
    meeting.attendance[1].status = AttendanceStatus.ABSENT
    meeting.attendance[-1].status = AttendanceStatus.PRESENT
    headings = [group.heading for group in participant_groups(meeting, MeetingKind.REFERAT)]
    assert headings == [
        "Deltagere",
        "Afbud",
        "Fraværende uden afbud",
        "Fra KL",
        "Fra KD-Net",
        "Fra Erhvervshus Midtjylland",
    ]


def test_dagsorden_lists_the_unregistered_as_expected(meeting):
    groups = {g.heading: g.lines for g in participant_groups(meeting, MeetingKind.DAGSORDEN)}
    assert (
        "Jesper Kaas Schmidt, kommunaldirektør, Randers – forlod mødet kl. 11.40"
        in groups["Fra KD-Net"]
    )
    referat = {g.heading for g in participant_groups(meeting, MeetingKind.REFERAT)}
    assert "Fra KD-Net" not in referat


def test_events_name_their_items_and_a_substitute_stands_in():
    from .record_meeting import record_meeting

    meeting = record_meeting()
    lines = participant_groups(meeting, MeetingKind.REFERAT)[0].lines
    assert lines == (
        ("Ole Vind (V), Hedensted – forlod mødet kl. 11.40 efter punkt 2.1, "
        "kom tilbage kl. 12.10 under punkt 2.3"),
        "Dorte West (V), Horsens",
        "Lise Bech (Ø), Aarhus – ankom kl. 10.25 under punkt 2.2",
        "Anders Kühnau (A), Aarhus",
        "Hanne Berg (A), Randers, stedfortræder for Torben Hansen",
    )
