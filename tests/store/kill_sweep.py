"""The full kill-point sweep (slow; not part of the suite): every pwrite64 of each operation.

    python -m tests.store.kill_sweep [STRIDE_FOR_THE_BIG_IMPORT] [create import big restore]

For each kill point it reports a refusal of a file SQLite opens whole (the bug class the
suite samples in tests/store/test_kill_points.py and tests/test_cli_restore.py), a restore
that left a database without the backup's content, and any file SQLite itself finds
damaged. The figures seen are in docs/reliability.md.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

from kkr_desk.meeting_file import write_meeting_file
from kkr_desk.store import DatabaseDamaged, RestoreInterrupted, Store, StoreError, backup_now
from tests.conftest import make_meeting
from tests.store.killpoints import CREATE, IMPORT, cli, count_calls, python, run_killed_at
from tests.store.killpoints import sqlite_opens_whole


DAMAGED = b"\0" * 5000


def verdict(db: Path) -> str:
    """'ok', 'refused: …' (SQLite opens it whole) or 'sqlite: damaged'."""
    if db.exists() and db.stat().st_size and not sqlite_opens_whole(db):
        return "sqlite: damaged"
    try:
        Store(db).close()
    except StoreError as error:
        return f"refused: {str(error)[:100]}"
    return "ok"


def sweep(
    name: str, template: Path, argv: list[str], stride: int, check, syscall: str = "pwrite64"
) -> None:
    started = time.monotonic()
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        shutil.copytree(template, work / "count")
        total = count_calls(argv, syscall, work / "count")
        bad: list[str] = []
        points = range(1, total + 1, stride)
        for n in points:
            shutil.rmtree(work / "run", ignore_errors=True)
            shutil.copytree(template, work / "run")
            run_killed_at(argv, syscall, n, work / "run")
            result = check(work / "run")
            if result != "ok":
                bad.append(f"  {n}: {result}")
        print(
            f"{name}: {len(points)} of {total} kill points at {syscall}, {len(bad)} bad, "
            f"{time.monotonic() - started:.0f} s"
        )
        print("\n".join(bad[:10]), flush=True)


def restored(folder: Path) -> str:
    """The backup's content is in place, or the next start says what happened."""
    db = folder / "kkr.db"
    kept = [p for p in folder.iterdir() if ".beskadiget-" in p.name or p == db]
    if not any(p.read_bytes() == DAMAGED for p in kept):
        return "the damaged file is gone"
    try:
        store = Store(db)
    except RestoreInterrupted:
        return "ok"  # says so; restoring again is tested in the suite
    except DatabaseDamaged:
        return "ok" if db.read_bytes() == DAMAGED else "refused a file that is not the damaged one"
    except StoreError as error:
        return f"refused: {str(error)[:100]}"
    with store:
        body = store.meetings.load(2).items[0].sections[0].body
    return "ok" if body == "udgave 0" else f"restored without the backup's content: {body[:40]!r}"


def main(big_stride: int, only: set[str]) -> None:
    """Every scenario, or those named on the command line (create, import, big, restore)."""
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        empty = root / "empty"
        empty.mkdir()
        if not only or "create" in only:
            sweep("create", empty, python(CREATE, "kkr.db"), 1, lambda f: verdict(f / "kkr.db"))

        existing = root / "existing"
        existing.mkdir()
        with Store(existing / "kkr.db") as store:
            store.meetings.add(make_meeting())
        for label, body, stride in (("import", None, 1), ("big", "B. " * 1_800_000, big_stride)):
            if only and label not in only:
                continue
            meeting = make_meeting()
            if body:
                meeting.items[0].sections[0].body = body
            write_meeting_file(meeting, root / "meeting.json")
            argv = python(IMPORT, "kkr.db", str(root / "meeting.json"))
            sweep(label, existing, argv, stride, lambda f: verdict(f / "kkr.db"))

        damaged = root / "damaged"
        damaged.mkdir()
        with Store(damaged / "kkr.db") as store:
            store.meetings.add(make_meeting())
            meeting_id = store.meetings.add(make_meeting())
            section = store.meetings.load(meeting_id).items[0].sections[0]
            store.agenda.set_section_body(section.id, "udgave 0")
            backup_now(store)
        (damaged / "kkr.db").write_bytes(DAMAGED)
        if not only or "restore" in only:
            restore = cli("restore", "1", "--db", "kkr.db")
            for syscall in ("pwrite64", "fdatasync", "rename"):
                sweep("restore over a damaged database", damaged, restore, 1, restored, syscall)


if __name__ == "__main__":
    numbers = [a for a in sys.argv[1:] if a.isdigit()]
    main(int(numbers[0]) if numbers else 25, {a for a in sys.argv[1:] if not a.isdigit()})
