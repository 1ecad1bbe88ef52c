"""A child process for the crash test: edits a database through the Store until killed.

Run as ``python -m tests.store.crash_writer DB MEETING_FILE SEED FIRST_NUMBER``. After each
Store call has returned it prints one acknowledgement line and flushes, so the parent knows
exactly which edits the Store has promised to keep:

    section <section id> <n>      set_section_body(id, "<n>|...")
    attendance <person id> <n>    set_attendance(meeting 1, person, note="<n>")
    meeting <n>                   add_meeting(copy of MEETING_FILE, committee="crash <n>")
    backup <n>                    backup_now(store)
    deleted <n>                   delete_meeting(one of the "crash" meetings): to the trash
    restored <n>                  restore_from_trash(one entry)

Numbers grow by one per edit, so a later edit always has a larger number.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

from kkr_desk.domain import Attendance, AttendanceStatus
from kkr_desk.meeting_file import read_meeting_file
from kkr_desk.store import Store, backup_now
from kkr_desk.store.connection import load_table_api

BASE_MEETING_ID = 1


def main(db_path: str, meeting_file: str, seed: str, first_number: str) -> None:
    rng = random.Random(int(seed))
    store = Store(Path(db_path))
    base = store.meetings.load(BASE_MEETING_ID)
    section_ids = [section.id for item in base.items for section in item.sections]
    people = [entry.person for entry in base.attendance]
    statuses = list(AttendanceStatus)
    load_table_api()  # as the window does once it is shown: the kills should land in writes
    print("ready", flush=True)
    number = int(first_number)
    while True:
        number += 1
        choice = rng.random()
        if choice < 0.6:
            section_id = rng.choice(section_ids)
            body = f"{number}|" + "beslutning " * rng.randint(0, 300)
            store.agenda.set_section_body(section_id, body)
            print(f"section {section_id} {number}", flush=True)
        elif choice < 0.9:
            person = rng.choice(people)
            entry = Attendance(person, rng.choice(statuses), note=str(number))
            store.attendance.set(BASE_MEETING_ID, entry)
            print(f"attendance {person.id} {number}", flush=True)
        elif choice < 0.92:
            backup_now(store)
            print(f"backup {number}", flush=True)
        elif choice < 0.96 or not _crash_meetings(store):
            meeting = read_meeting_file(Path(meeting_file))
            meeting.committee = f"crash {number}"
            store.meetings.add(meeting)
            print(f"meeting {number}", flush=True)
        elif choice < 0.98:
            store.meetings.delete(rng.choice(_crash_meetings(store)))
            print(f"deleted {number}", flush=True)
        else:
            entries = store.trash.entries()
            if entries:
                store.trash.restore(rng.choice(entries).id)
            print(f"restored {number}", flush=True)


def _crash_meetings(store: Store) -> list[int]:
    return [m.id for m in store.meetings.summaries() if m.committee.startswith("crash ")]


if __name__ == "__main__":
    main(*sys.argv[1:])
