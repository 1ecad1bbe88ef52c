"""A meeting where members arrive, leave, return, are replaced and are inhabil."""

from __future__ import annotations

import datetime as dt

from kkr_desk.domain import (
    AgendaGroup,
    AgendaItem,
    Attendance,
    AttendanceStatus,
    ItemStatus,
    Meeting,
    Person,
    PresenceEvent,
    PresenceKind,
    Section,
)

ARRIVED, LEFT, RETURNED = PresenceKind.ARRIVED, PresenceKind.LEFT, PresenceKind.RETURNED


def record_meeting() -> Meeting:
    """Items 1.1, 2.1, 2.2, 2.3; Ole leaves after 2.1 and returns for 2.3, Lise comes at 2.2,
    Hanne stands in for Torben, Dorte is inhabil in 2.2."""
    items = [
        AgendaItem(f"Punkt {n}", status=ItemStatus.DECIDED,
                   sections=[Section("Beslutning", f"Godkendt {n}.")])
        for n in range(4)
    ]
    meeting = Meeting(
        committee="KKR Midtjylland",
        date=dt.date(2024, 9, 5),
        groups=[AgendaGroup("Første", items[:1]), AgendaGroup("Anden", items[1:])],
    )
    ole = Person("Ole Vind", party="V", municipality="Hedensted")
    dorte = Person("Dorte West", party="V", municipality="Horsens")
    lise = Person("Lise Bech", party="Ø", municipality="Aarhus")
    anders = Person("Anders Kühnau", party="A", municipality="Aarhus")
    torben = Person("Torben Hansen", party="A", municipality="Randers")
    hanne = Person("Hanne Berg", party="A", municipality="Randers")
    staff = Person("Christian Brincker Nordbek", title="chefkonsulent", organisation="KL")
    meeting.attendance = [
        Attendance(ole, AttendanceStatus.PRESENT, events=[
            PresenceEvent(LEFT, dt.time(11, 40), items[2]),
            PresenceEvent(RETURNED, dt.time(12, 10), items[3]),
        ]),
        Attendance(dorte, AttendanceStatus.PRESENT),
        Attendance(lise, AttendanceStatus.PRESENT, events=[
            PresenceEvent(ARRIVED, dt.time(10, 25), items[2]),
        ]),
        Attendance(anders, AttendanceStatus.PRESENT),
        Attendance(torben, AttendanceStatus.APOLOGY),
        Attendance(hanne, AttendanceStatus.PRESENT, substitute_for=torben),
        Attendance(staff, AttendanceStatus.PRESENT),
    ]
    items[2].inhabil.append(dorte)
    return meeting
