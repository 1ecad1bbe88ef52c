import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kkr_desk.domain import (
    Attendance,
    AttendanceStatus,
    ItemStatus,
    Person,
    PresenceEvent,
    PresenceKind,
    ProtocolRemark,
    Vote,
    VoteChoice,
    VoteLine,
)
from kkr_desk.domain.record import (
    AbsenceReason,
    RecordError,
    check_events,
    check_inhabil,
    check_remark,
    check_vote,
    current_item,
    next_event_kind,
    party_vote,
    presence,
)

from .record_meeting import record_meeting


def _summary(meeting, item):
    here = presence(meeting, item)
    return (
        [e.person.name for e in here.present],
        [(a.entry.person.name, a.reason, a.at) for a in here.absent],
    )


def test_presence_follows_events_inhabil_and_substitute():
    meeting = record_meeting()
    first, second, third, fourth = meeting.items
    afbud = ("Torben Hansen", AbsenceReason.APOLOGY, None)
    assert _summary(meeting, first) == (
        ["Ole Vind", "Dorte West", "Anders Kühnau", "Hanne Berg"],
        [("Lise Bech", AbsenceReason.NOT_ARRIVED, dt.time(10, 25)), afbud],
    )
    assert _summary(meeting, third) == (
        ["Lise Bech", "Anders Kühnau", "Hanne Berg"],
        [
            ("Ole Vind", AbsenceReason.LEFT, dt.time(11, 40)),
            ("Dorte West", AbsenceReason.INHABIL, None),
            afbud,
        ],
    )
    assert _summary(meeting, fourth)[0] == [
        "Ole Vind", "Dorte West", "Lise Bech", "Anders Kühnau", "Hanne Berg"
    ]


def test_several_departures_and_returns():
    meeting = record_meeting()
    items = meeting.items
    ole = meeting.attendance[0]
    ole.events = [
        PresenceEvent(PresenceKind.LEFT, dt.time(10, 30), items[0]),
        PresenceEvent(PresenceKind.RETURNED, dt.time(10, 50), items[1]),
        PresenceEvent(PresenceKind.LEFT, dt.time(11, 10), items[2]),
        PresenceEvent(PresenceKind.RETURNED, dt.time(11, 30), items[3]),
    ]
    here = [any(e is ole for e in presence(meeting, item).present) for item in items]
    assert here == [False, True, False, True]


@given(st.lists(st.booleans(), min_size=1, max_size=8))
def test_presence_is_the_last_event_before_the_item(away_pattern):
    """Any pattern of items missed, turned into events, is read back as that pattern."""
    meeting = record_meeting()
    group = meeting.groups[1]
    while len(meeting.items) < len(away_pattern):
        group.items.append(type(group.items[0])(f"Ekstra {len(meeting.items)}"))
    items = meeting.items
    anders = meeting.attendance[3]
    events, away = [], False
    for item, missed in zip(items, away_pattern + [False] * len(items)):
        if missed != away:
            kind = PresenceKind.LEFT if missed else PresenceKind.RETURNED
            events.append(PresenceEvent(kind, None, item))
            away = missed
    if events and events[0].kind is PresenceKind.RETURNED:
        events = events[1:]
    anders.events = events
    check_events(anders, events)
    result = [
        not any(e is anders for e in presence(meeting, item).present)
        for item in items[: len(away_pattern)]
    ]
    assert result == away_pattern


def test_events_out_of_order_are_refused():
    entry = Attendance(Person("Ole Vind", party="V"), AttendanceStatus.PRESENT)
    with pytest.raises(RecordError, match="uden først at være gået"):
        check_events(entry, [PresenceEvent(PresenceKind.RETURNED, dt.time(11, 0))])
    with pytest.raises(RecordError, match="følge hinanden"):
        check_events(entry, [
            PresenceEvent(PresenceKind.LEFT, dt.time(11, 0)),
            PresenceEvent(PresenceKind.RETURNED, dt.time(10, 0)),
        ])
    with pytest.raises(RecordError, match="ankomme én gang"):
        check_events(entry, [
            PresenceEvent(PresenceKind.LEFT, dt.time(11, 0)),
            PresenceEvent(PresenceKind.ARRIVED, dt.time(12, 0)),
        ])


def test_with_two_items_under_behandling_now_is_the_one_taken_up_last():
    meeting = record_meeting()
    for item in meeting.items:
        item.status, item.taken_up_at = ItemStatus.NOT_STARTED, None
    first, later = meeting.items[0], meeting.items[2]
    first.status = later.status = ItemStatus.IN_PROGRESS
    assert current_item(meeting) is first  # no times (an old meeting file): the first
    first.taken_up_at = dt.datetime(2024, 9, 5, 10, 30)
    later.taken_up_at = dt.datetime(2024, 9, 5, 10, 5)
    assert current_item(meeting) is first
    later.taken_up_at = dt.datetime(2024, 9, 5, 10, 40)
    assert current_item(meeting) is later
    first.taken_up_at = later.taken_up_at  # the same second: the later in the agenda
    assert current_item(meeting) is later


def test_kom_nu_and_gik_nu_choose_the_event_and_the_item():
    meeting = record_meeting()
    for item in meeting.items:
        item.status = ItemStatus.NOT_STARTED
    meeting.items[0].status = ItemStatus.DECIDED
    assert current_item(meeting) is meeting.items[1]
    meeting.items[2].status = ItemStatus.IN_PROGRESS
    assert current_item(meeting) is meeting.items[2]
    ole, dorte = meeting.attendance[0], meeting.attendance[1]
    assert next_event_kind(dorte, coming=False) is PresenceKind.LEFT
    with pytest.raises(RecordError, match="allerede til stede"):
        next_event_kind(ole, coming=True)
    ole.events = ole.events[:1]
    assert next_event_kind(ole, coming=True) is PresenceKind.RETURNED
    with pytest.raises(RecordError, match="allerede forladt"):
        next_event_kind(ole, coming=False)


def test_inhabil_only_for_a_member_present():
    meeting = record_meeting()
    with pytest.raises(RecordError, match="ikke til stede"):
        check_inhabil(meeting, meeting.items[0], meeting.attendance[2].person)
    with pytest.raises(RecordError, match="ikke medlem"):
        check_inhabil(meeting, meeting.items[0], meeting.attendance[-1].person)
    check_inhabil(meeting, meeting.items[0], meeting.attendance[3].person)


def test_votes_exceeding_presence_are_refused():
    meeting = record_meeting()
    third = meeting.items[2]  # present: Lise (Ø), Anders (A), Hanne (A)
    check_vote(meeting, third, Vote([VoteLine(VoteChoice.FOR, "A", 2),
                                     VoteLine(VoteChoice.AGAINST, "Ø", 1)]))
    with pytest.raises(RecordError, match="afgivet 4 stemmer, men kun 3 medlemmer"):
        check_vote(meeting, third, Vote([VoteLine(VoteChoice.FOR, "A", 3),
                                         VoteLine(VoteChoice.AGAINST, "Ø", 1)]))
    with pytest.raises(RecordError, match="ingen fra V"):
        check_vote(meeting, third, Vote([VoteLine(VoteChoice.FOR, "V", 1)]))
    with pytest.raises(RecordError, match="Ø har 2 stemmer"):
        check_vote(meeting, third, Vote([VoteLine(VoteChoice.FOR, "Ø", 2)]))
    ole = meeting.attendance[0].person
    with pytest.raises(RecordError, match="Ole Vind er ikke til stede"):
        check_vote(meeting, third, Vote([VoteLine(VoteChoice.FOR, person=ole)]))


@given(st.integers(0, 6), st.integers(0, 6))
def test_a_vote_is_accepted_exactly_when_it_fits(for_count, against_count):
    meeting = record_meeting()
    first = meeting.items[0]  # V 2, A 2
    vote = Vote([VoteLine(VoteChoice.FOR, "V", for_count),
                 VoteLine(VoteChoice.AGAINST, "A", against_count)])
    fits = for_count <= 2 and against_count <= 2
    if fits:
        check_vote(meeting, first, vote)
    else:
        with pytest.raises(RecordError):
            check_vote(meeting, first, vote)


def test_party_vote_counts_the_members_present():
    meeting = record_meeting()
    vote = party_vote(meeting, meeting.items[2], for_="A", against="Ø")
    assert vote.total(VoteChoice.FOR) == 2 and vote.total(VoteChoice.AGAINST) == 1
    with pytest.raises(RecordError, match="ingen fra V"):
        party_vote(meeting, meeting.items[2], abstain="V")


def test_remark_needs_text_and_speaker():
    with pytest.raises(RecordError, match="tom"):
        check_remark(ProtocolRemark(" ", party="Ø"))
    with pytest.raises(RecordError, match="hvem"):
        check_remark(ProtocolRemark("Vi er imod."))
    check_remark(ProtocolRemark("Vi er imod.", party="Ø"))


def test_party_vote_takes_counts_typed_and_checks_them():
    meeting = record_meeting()
    vote = party_vote(meeting, meeting.items[0], for_="V 1, A", abstain="V 1")
    assert [(l.party, l.count) for l in vote.lines] == [("V", 1), ("A", 2), ("V", 1)]
    with pytest.raises(RecordError, match="V har 3 stemmer"):
        party_vote(meeting, meeting.items[0], for_="V 2", against="V 1")
    with pytest.raises(RecordError, match="et parti med et antal"):
        party_vote(meeting, meeting.items[0], for_="V tre")
