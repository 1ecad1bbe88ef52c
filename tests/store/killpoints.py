"""Kill points: run a command and SIGKILL it at its n-th call of one system call.

``strace -f -e inject=pwrite64:signal=KILL:when=n`` stops the process just before the
kernel carries out its n-th ``pwrite64``, so everything written before that call is in
the file and nothing after it. Sweeping n over every call of an operation (create,
import, checkpoint, restore) visits every state a crash can leave behind, one by one.

Linux with strace only; ``STRACE`` is None elsewhere and the tests skip with a reason.
Run as a script for the full sweep: ``python -m tests.store.killpoints`` (see
docs/reliability.md for the figures).
"""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

from tests.store.processes import ROOT

STRACE = shutil.which("strace") if sys.platform.startswith("linux") else None
NO_STRACE = "kill points are injected with strace, which this machine does not have"
SIDE_FILES = ("-wal", "-journal")


def count_calls(argv: list[str], syscall: str, cwd: Path) -> int:
    """How many times ``argv`` (run to its end) calls ``syscall``."""
    with tempfile.TemporaryDirectory() as folder:
        log = Path(folder) / "trace"
        subprocess.run(
            [STRACE, "-f", "-qq", "-o", str(log), "-e", f"trace={syscall}", *argv],
            cwd=cwd,
            capture_output=True,
            check=True,
            timeout=120,
        )
        return sum(
            1 for line in log.read_text().splitlines() if f" {syscall}(" in line or line.startswith(f"{syscall}(")
        )


def run_killed_at(
    argv: list[str], syscall: str, n: int | str, cwd: Path, *, error: str | None = None
) -> subprocess.CompletedProcess[str]:
    """Run ``argv``, killed (or, with ``error="ENOSPC"``, failed) at the n-th ``syscall``.

    ``n`` may be strace's ``"5+"``: that call and every later one (a disk that stays full).
    """
    action = f"error={error}" if error else "signal=KILL"
    return subprocess.run(
        [STRACE, "-f", "-qq", "-o", "/dev/null", "-e", f"inject={syscall}:{action}:when={n}", *argv],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def python(code: str, *args: str) -> list[str]:
    """A child Python running ``code`` on this worktree's kkr_desk."""
    return [sys.executable, "-c", f"import sys; sys.path.insert(0, {str(ROOT)!r})\n{code}", *args]


def cli(*args: str) -> list[str]:
    """The ``kkr-desk`` command of this worktree, as a child process."""
    return python("from kkr_desk.cli import main\nsys.exit(main(sys.argv[1:]))", *args)


def sqlite_opens_whole(path: Path) -> bool:
    """Whether SQLite itself, given the file with its -wal or -journal, finds it whole.

    Judged on a private copy, so the original and its side files stay as the kill left them.
    """
    if not path.exists():
        return False
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / "copy.db"
        shutil.copyfile(path, copy)
        for suffix in SIDE_FILES:
            side = path.with_name(path.name + suffix)
            if side.exists():
                shutil.copyfile(side, copy.with_name(copy.name + suffix))
        try:
            conn = sqlite3.connect(copy)
            try:
                return [row[0] for row in conn.execute("PRAGMA integrity_check")] == ["ok"]
            finally:
                conn.close()
        except sqlite3.DatabaseError:
            return False


def sample(total: int, count: int) -> list[int]:
    """``count`` kill points spread over 1..total, always with the last few (the checkpoint
    at close, where most of the harm was).

    The count differs by a few calls from run to run since the triggers of migration 0006
    write the time of a meeting's last change (seen: up to 3 in a 5 MB import; with a
    constant instead of the time it does not vary). So the last points lie a few calls
    before the counted end, where every run still reaches them."""
    spread = {max(1, round(total * k / count)) for k in range(1, count)}
    return sorted(spread | {max(1, total - 5), max(1, total - 7)})


CREATE = """
from pathlib import Path
from kkr_desk.store import open_store
open_store(Path(sys.argv[1])).close()
"""

IMPORT = """
from pathlib import Path
from kkr_desk.meeting_file import read_meeting_file
from kkr_desk.store import Store
meeting = read_meeting_file(Path(sys.argv[2]))
with Store(Path(sys.argv[1])) as store:
    store.meetings.add(meeting)
"""
"""The CLI's import, without the document reader: one add_meeting, then the checkpoint at
close (and, for a big meeting, SQLite's autocheckpoint at 1000 WAL pages before it)."""
