"""Crash safety for real: a child process writing through the Store is SIGKILLed at random
moments, again and again; after each kill the file is sound and every acknowledged edit is
there. (A power cut cannot be staged in a test; docs/reliability.md says why WAL with
synchronous=FULL covers it.)"""

from __future__ import annotations

import os
import random
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from kkr_desk.meeting_file import write_meeting_file
from kkr_desk.store import Store, list_backups
from tests.conftest import make_meeting
from tests.store.processes import ROOT
from tests.store.test_store import without_ids

TIME_BUDGET_S = 15.0
MAX_ROUNDS = 60
MIN_ROUNDS = 8
MAX_RUN_S = 0.5


def edit_number(text: str) -> int:
    """The edit number a writer left in a text; -1 for text no writer has touched."""
    return int(text) if text.isdigit() else -1


def run_writer_until_killed(
    db_path: Path, meeting_file: Path, rng: random.Random, first_number: int
) -> list[str]:
    """Start the writer, kill it at a random moment, return its complete ack lines."""
    child = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "tests.store.crash_writer",
            str(db_path),
            str(meeting_file),
            str(rng.randrange(2**32)),
            str(first_number),
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    if rng.random() < 0.15:
        time.sleep(rng.uniform(0.0, 0.3))  # sometimes while it is still opening the file
    else:
        ready = child.stdout.readline()
        if ready != b"ready\n":
            child.kill()
            _, error = child.communicate()
            raise AssertionError(f"the writer failed to start: {ready!r} {error.decode()}")
        time.sleep(rng.uniform(0.0, MAX_RUN_S))
    child.kill()  # SIGKILL; TerminateProcess on Windows
    output, error = child.communicate(timeout=30)
    assert child.returncode != 0, error.decode()
    text = output.decode()
    complete = text[: text.rfind("\n") + 1]  # a line cut off by the kill was not acknowledged
    return [line for line in complete.splitlines() if line != "ready"]


def test_every_acknowledged_edit_survives_sigkill(tmp_path):
    seed = int(os.environ.get("KKR_CRASH_SEED", random.randrange(2**32)))
    rng = random.Random(seed)
    db_path = tmp_path / "crash.db"
    meeting_file = tmp_path / "meeting.json"
    write_meeting_file(make_meeting(), meeting_file)
    with Store(db_path) as store:
        store.meetings.add(make_meeting())

    last_section: dict[int, int] = {}
    last_attendance: dict[int, int] = {}
    acknowledged_meetings: set[str] = set()
    number = 0
    rounds = edits = 0
    kinds_seen: set[str] = set()
    expected_shape = without_ids(make_meeting())
    deadline = time.monotonic() + TIME_BUDGET_S
    while rounds < MAX_ROUNDS and (time.monotonic() < deadline or rounds < MIN_ROUNDS):
        rounds += 1
        acks = run_writer_until_killed(db_path, meeting_file, rng, number)
        for ack in acks:
            kind, *fields = ack.split()
            edits += 1
            if kind == "section":
                last_section[int(fields[0])] = int(fields[1])
            elif kind == "attendance":
                last_attendance[int(fields[0])] = int(fields[1])
            elif kind == "meeting":
                acknowledged_meetings.add(f"crash {fields[0]}")
            number = max(number, int(fields[-1]))
        number += 1000  # past any edit that was committed but not acknowledged

        where = f"(seed {seed}, round {rounds})"
        with Store(db_path) as store:
            assert [r[0] for r in store.db.execute("PRAGMA integrity_check")] == ["ok"], where
            base = store.meetings.load(1)
            bodies = {s.id: s.body for item in base.items for s in item.sections}
            for section_id, acked in last_section.items():
                saved = edit_number(bodies[section_id].split("|")[0])
                assert saved >= acked, f"section {section_id}: {saved} < {acked} {where}"
            notes = {entry.person.id: entry.note for entry in base.attendance}
            for person_id, acked in last_attendance.items():
                saved = edit_number(notes[person_id])
                assert saved >= acked, f"attendance {person_id}: {saved} < {acked} {where}"
            # A deleted meeting is in the trash: never both places, never neither.
            committees = [m.committee for m in store.meetings.summaries()]
            trashed = [e.label.removesuffix(" 05-09-2024") for e in store.trash.entries()]
            assert len(committees + trashed) == len(set(committees + trashed)), where
            assert acknowledged_meetings <= set(committees + trashed), where
            for summary in store.meetings.summaries():
                if summary.committee.startswith("crash "):
                    # a meeting is there whole or not at all
                    shape = without_ids(store.meetings.load(summary.id))
                    assert shape == {**expected_shape, "committee": summary.committee}, where
            kinds_seen.update(ack.split()[0] for ack in acks)
            # A backup cut short is never listed as one; every listed one is whole.
            for backup in list_backups(db_path):
                copy = sqlite3.connect(backup.path)
                assert copy.execute("PRAGMA quick_check").fetchone()[0] == "ok", where
                copy.close()

    with Store(db_path) as store:  # everything in the trash comes back whole
        for entry in store.trash.entries():
            shape = without_ids(store.meetings.load(store.trash.restore(entry.id)))
            assert shape == {**expected_shape, "committee": shape["committee"]}

    print(f"crash test: seed {seed}, {rounds} kills, {edits} acknowledged edits")
    assert {"section", "attendance", "meeting", "backup"} <= kinds_seen
    assert edits > rounds  # the writer really got to write between the kills
