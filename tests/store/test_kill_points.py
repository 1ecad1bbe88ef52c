"""Kill points, injected at system calls: whatever a kill or a full disk leaves behind while
a database is created, imported into or checkpointed, nothing SQLite opens whole is refused.

Each test runs a real child process under strace, which SIGKILLs it just before its n-th
``pwrite64`` (or makes that call fail with ENOSPC). A sample of kill points keeps the
suite quick; ``python -m tests.store.kill_sweep`` sweeps every one.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kkr_desk.meeting_file import write_meeting_file
from kkr_desk.store import Store, StoreError
from tests.conftest import make_meeting
from tests.store.killpoints import (
    CREATE,
    IMPORT,
    cli,
    NO_STRACE,
    STRACE,
    count_calls,
    python,
    run_killed_at,
    sample,
    sqlite_opens_whole,
)
from tests.test_cli import kkr_desk

pytestmark = pytest.mark.skipif(STRACE is None, reason=NO_STRACE)

BIG_BODY = "Beslutning. " * 450_000  # ~5 MB: more than SQLite's 1000-page autocheckpoint


def opens_after_kill(db: Path) -> Store:
    """The next start: whatever SQLite opens whole must open (the sweep's promise)."""
    whole = not db.exists() or db.stat().st_size == 0 or sqlite_opens_whole(db)
    assert whole, "SQLite itself finds the file damaged after a kill"
    store = Store(db)
    assert [r[0] for r in store.db.execute("PRAGMA integrity_check")] == ["ok"]
    return store


def test_kills_while_a_new_database_is_created(tmp_path):
    argv = python(CREATE, "new.db")
    (tmp_path / "count").mkdir()
    total = count_calls(argv, "pwrite64", tmp_path / "count")
    for n in sample(total, 3):
        folder = tmp_path / f"kill-{n}"
        folder.mkdir()
        killed = run_killed_at(argv, "pwrite64", n, folder)
        assert killed.returncode != 0, f"kill point {n} of {total} was never reached"
        try:
            with opens_after_kill(folder / "new.db") as store:
                store.meetings.summaries()
        except StoreError as error:
            pytest.fail(f"kill point {n} of {total}: refused: {error}")


@pytest.mark.parametrize("big", [False, True], ids=["meeting", "5 MB meeting"])
def test_kills_while_a_meeting_is_imported_and_checkpointed(tmp_path, big):
    meeting = make_meeting()
    if big:
        meeting.items[0].sections[0].body = BIG_BODY
    meeting_file = tmp_path / "meeting.json"
    write_meeting_file(meeting, meeting_file)
    template = tmp_path / "template.db"
    with Store(template) as store:
        store.meetings.add(make_meeting())
    argv = python(IMPORT, "kkr.db", str(meeting_file))
    _copy_db(template, tmp_path / "count")
    total = count_calls(argv, "pwrite64", tmp_path / "count")
    for n in sample(total, 3):
        folder = tmp_path / f"kill-{n}"
        _copy_db(template, folder)
        assert run_killed_at(argv, "pwrite64", n, folder).returncode != 0
        try:
            with opens_after_kill(folder / "kkr.db") as store:
                meetings = store.meetings.summaries()
                assert len(meetings) in (1, 2), n
                if len(meetings) == 2:  # the import is there whole or not at all
                    body = store.meetings.load(meetings[0].id).items[0].sections[0].body
                    assert body == meeting.items[0].sections[0].body, n
        except StoreError as error:
            pytest.fail(f"kill point {n} of {total}: refused: {error}")


def test_a_full_disk_at_open_is_not_called_damage(tmp_path):
    """Every write from the n-th on fails with ENOSPC from the kernel (the disk is full):
    say so, and the file opens once there is room again."""
    argv = cli("list", "--db", "new.db")
    for n in ("1+", "8+"):
        folder = tmp_path / f"full-{n[:-1]}"
        folder.mkdir()
        full = run_killed_at(argv, "pwrite64", n, folder, error="ENOSPC")
        assert full.returncode == 2, full.stderr
        assert full.stderr.count("\n") == 1, full.stderr
        assert "ikke plads på disken" in full.stderr or "disken er fuld" in full.stderr
        assert "beskadiget" not in full.stderr and "ikke en brugbar" not in full.stderr
        later = kkr_desk("list", "--db", str(folder / "new.db"))
        assert later.returncode == 0 and "KKR Midtjylland" in later.stdout, later.stderr


def _copy_db(template: Path, folder: Path) -> None:
    folder.mkdir()
    (folder / "kkr.db").write_bytes(template.read_bytes())
