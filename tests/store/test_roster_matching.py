"""Matching a meeting's people to the roster costs the same for each person (linear).

Before, every person rescanned the whole person table, so loading a meeting file with
8,000 people took two minutes with the database locked.
"""

from __future__ import annotations

import datetime as dt

from kkr_desk.domain import Attendance, Meeting, Person
from kkr_desk.store import Store


def crowd(count: int, tag: str) -> Meeting:
    people = [Person(f"Person {tag} {n}", organisation="KL" if n % 3 else "") for n in range(count)]
    attendance = [Attendance(person) for person in people]
    attendance[1].substitute_for = people[0]
    return Meeting(committee="KKR", date=dt.date(2024, 9, 5), attendance=attendance)


def sqlite_steps(store: Store, meeting: Meeting) -> int:
    """SQLite's virtual-machine steps (in hundreds) to add the meeting: the same on every
    machine, unlike a stopwatch."""
    ticks = [0]

    def tick() -> int:
        ticks[0] += 1
        return 0

    store.db.conn.set_progress_handler(tick, 100)
    try:
        store.meetings.add(meeting)
    finally:
        store.db.conn.set_progress_handler(None, 100)
    return ticks[0]


def test_adding_twice_the_people_costs_about_twice_as_much(tmp_path):
    with Store(tmp_path / "a.db") as store:
        small = sqlite_steps(store, crowd(400, "a"))
        large = sqlite_steps(store, crowd(800, "b"))
        # Quadratic matching made this ratio 3.5 or more.
        assert large < 2.5 * small, (small, large)
        assert len(store.roster.people()) == 400 + 800


def test_people_already_on_the_roster_are_matched_not_added_again(tmp_path):
    with Store(tmp_path / "a.db") as store:
        store.meetings.add(crowd(50, "a"))
        again = crowd(50, "a")
        again.attendance[7].person.name = "  person A  7 "  # spacing and case as in a scan
        meeting_id = store.meetings.add(again)
        assert len(store.roster.people()) == 50
        loaded = store.meetings.load(meeting_id)
        assert loaded.attendance[1].substitute_for.name == "Person a 0"
        assert len({entry.person.id for entry in loaded.attendance}) == 50
