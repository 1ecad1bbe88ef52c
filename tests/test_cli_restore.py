"""kkr-desk restore: list the backups, restore one, one-line errors."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from kkr_desk.store import Store, backup_now, list_backups
from tests.store.killpoints import NO_STRACE, STRACE, cli, count_calls, run_killed_at, sample
from tests.store.processes import hold_store_open, kill
from tests.test_cli import kkr_desk


def make_backups(db_path, meeting, count: int) -> int:
    with Store(db_path) as store:
        meeting_id = store.meetings.add(meeting)
        section_id = store.meetings.load(meeting_id).items[0].sections[0].id
        for n in range(count):
            store.agenda.set_section_body(section_id, f"udgave {n}")
            backup_now(store, now=dt.datetime(2020, 11, 27, 9, n))
        store.agenda.set_section_body(section_id, "nuværende")
    return meeting_id


def body(db_path, meeting_id) -> str:
    with Store(db_path) as store:
        return store.meetings.load(meeting_id).items[0].sections[0].body


def test_list_shows_the_backups_newest_first_numbered(db_path, meeting):
    make_backups(db_path, meeting, 3)
    result = kkr_desk("restore", "--list", "--db", str(db_path))
    assert result.returncode == 0, result.stderr
    lines = [line.split("\t") for line in result.stdout.splitlines()]
    assert [(n, when, name) for n, when, name, _ in lines] == [
        ("1", "27-11-2020 09:02:00", "kkr-000003-20201127-090200.db"),
        ("2", "27-11-2020 09:01:00", "kkr-000002-20201127-090100.db"),
        ("3", "27-11-2020 09:00:00", "kkr-000001-20201127-090000.db"),
    ]
    assert kkr_desk("restore", "--db", str(db_path)).stdout == result.stdout


def test_restore_by_number_and_by_name(db_path, meeting):
    meeting_id = make_backups(db_path, meeting, 3)
    result = kkr_desk("restore", "3", "--db", str(db_path))
    assert result.returncode == 0, result.stderr
    assert "gendannet fra kkr-000001-20201127-090000.db" in result.stdout
    assert "den hidtidige database er gemt som" in result.stdout
    assert body(db_path, meeting_id) == "udgave 0"
    # the safety copy of "nuværende" is now the newest backup, number 1
    assert kkr_desk("restore", "1", "--db", str(db_path)).returncode == 0
    assert body(db_path, meeting_id) == "nuværende"
    assert kkr_desk("restore", "kkr-000002-20201127-090100.db", "--db", str(db_path)).returncode == 0
    assert body(db_path, meeting_id) == "udgave 1"


def test_restore_a_damaged_database(db_path, meeting):
    meeting_id = make_backups(db_path, meeting, 1)
    db_path.write_bytes(b"\x00" * 5000)
    refused = kkr_desk("list", "--db", str(db_path))
    assert refused.returncode == 2 and "kkr-desk restore" in refused.stderr
    result = kkr_desk("restore", "1", "--db", str(db_path))
    assert result.returncode == 0, result.stderr
    assert "den beskadigede database er flyttet til" in result.stdout
    assert body(db_path, meeting_id) == "udgave 0"
    aside = [p for p in db_path.parent.iterdir() if ".beskadiget-" in p.name]
    assert len(aside) == 1 and aside[0].read_bytes() == b"\x00" * 5000


def test_mistakes_are_one_line_with_exit_code_2(db_path, meeting):
    make_backups(db_path, meeting, 2)
    for args, message in [
        (("restore", "7"), "ingen sikkerhedskopi nummer 7"),
        (("restore", "nope.db"), "sikkerhedskopien nope.db findes ikke"),
        (("restore", "--list", "1"), "ikke begge"),
    ]:
        result = kkr_desk(*args, "--db", str(db_path))
        assert result.returncode == 2, args
        assert result.stderr.count("\n") == 1 and message in result.stderr, result.stderr


def test_restore_while_the_window_has_the_file_open(db_path, meeting):
    meeting_id = make_backups(db_path, meeting, 1)
    holder = hold_store_open(db_path)
    try:
        result = kkr_desk("restore", "1", "--db", str(db_path))
    finally:
        kill(holder)
    assert result.returncode == 2
    assert "allerede åben" in result.stderr and result.stderr.count("\n") == 1
    assert body(db_path, meeting_id) == "nuværende"


def test_no_backups_yet(tmp_path):
    result = kkr_desk("restore", "--list", "--db", str(tmp_path / "new.db"))
    assert result.returncode == 0
    assert result.stdout == ""
    assert "ingen sikkerhedskopier" in result.stderr
    assert not (tmp_path / "new.db").exists()


def test_every_export_leaves_a_backup(tmp_path):
    db = tmp_path / "kkr.db"
    first = kkr_desk("export", "1", "-o", str(tmp_path / "a.docx"), "--db", str(db))
    assert first.returncode == 0, first.stderr
    assert len(list_backups(db)) == 1
    with Store(db) as store:
        section = store.meetings.load(1).items[0].sections[0]
        store.agenda.set_section_body(section.id, "ændret efter første eksport")
    second = kkr_desk("export", "1", "-o", str(tmp_path / "b.docx"), "--db", str(db))
    assert second.returncode == 0, second.stderr
    assert len(list_backups(db)) == 2  # a changed database, a new copy
    with Store(list_backups(db)[0].path) as copy:
        assert copy.meetings.load(1).items[0].sections[0].body == "ændret efter første eksport"


def test_copies_named_for_2030_neither_lead_the_list_nor_eat_the_safety_copy(db_path, meeting):
    """The attack: a folder of backups named for 2030 (a clock that was once ahead)."""
    meeting_id = make_backups(db_path, meeting, 1)
    folder = list_backups(db_path)[0].path.parent
    real = list_backups(db_path)[0].path
    for n in range(20):
        shutil.copyfile(real, folder / f"kkr-20300101-0000{n:02d}.db")
    restored = kkr_desk("restore", "1", "--db", str(db_path))
    assert restored.returncode == 0, restored.stderr
    safety = Path(restored.stdout.split("den hidtidige database er gemt som ")[1].strip())
    exported = kkr_desk("export", "1", "-o", str(db_path.parent / "r.docx"), "--db", str(db_path))
    assert exported.returncode == 0, exported.stderr
    assert safety.exists()  # the export's backup did not rotate it away

    listed = kkr_desk("restore", "--list", "--db", str(db_path)).stdout.splitlines()
    names = [line.split("\t")[2] for line in listed]
    assert names[1] == safety.name and names[2] == real.name
    assert all(name.startswith("kkr-2030") for name in names[3:])
    assert kkr_desk("restore", "2", "--db", str(db_path)).returncode == 0
    assert body(db_path, meeting_id) == "nuværende"  # the restore is undone


@pytest.mark.skipif(STRACE is None, reason=NO_STRACE)
def test_a_restore_over_a_damaged_database_cut_short_by_a_kill(tmp_path, meeting):
    """Killed at any point, the next start either has the backup's content or says what
    happened (never a fresh database with the sample meeting); restoring again finishes."""
    template = tmp_path / "template"
    template.mkdir()
    meeting_id = make_backups(template / "kkr.db", meeting, 1)
    damaged = b"\x00" * 5000
    (template / "kkr.db").write_bytes(damaged)
    argv = cli("restore", "1", "--db", "kkr.db")
    shutil.copytree(template, tmp_path / "count")
    total = count_calls(argv, "pwrite64", tmp_path / "count")
    points = [("pwrite64", n) for n in sample(total, 3)] + [("rename", 1), ("rename", 2)]
    for syscall, n in points:
        folder = tmp_path / f"{syscall}-{n}"
        shutil.copytree(template, folder)
        db_path = folder / "kkr.db"
        assert run_killed_at(argv, syscall, n, folder).returncode != 0, (syscall, n)
        after = kkr_desk("list", "--db", str(db_path))
        where = f"killed at {syscall} {n} of {total}: {after.stdout!r} {after.stderr!r}"
        if after.returncode == 0:
            assert body(db_path, meeting_id) == "udgave 0", where
        else:
            assert after.returncode == 2 and after.stderr.count("\n") == 1, where
            assert "afbrudt" in after.stderr or "beskadiget" in after.stderr, where
            again = kkr_desk("restore", "1", "--db", str(db_path))
            assert again.returncode == 0, f"{where} then {again.stderr}"
            assert body(db_path, meeting_id) == "udgave 0", where
        kept = [p.read_bytes() for p in folder.iterdir() if ".beskadiget-" in p.name]
        assert damaged in kept or db_path.read_bytes() == damaged, where
