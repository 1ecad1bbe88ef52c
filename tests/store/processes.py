"""Helpers for tests that run the store in a real child process (locks, crashes)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

HOLD_OPEN = """
import sys, time
from pathlib import Path
from kkr_desk.store import Store
store = Store(Path(sys.argv[1]))
print("open", flush=True)
time.sleep(120)
"""


def hold_store_open(db_path: Path) -> subprocess.Popen[str]:
    """A child process with a Store open on ``db_path``; returns once it has the lock."""
    child = subprocess.Popen(
        [sys.executable, "-c", HOLD_OPEN, str(db_path)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    line = child.stdout.readline()
    if line.strip() != "open":
        child.kill()
        error = child.stderr.read()
        kill(child)
        raise AssertionError(f"the child did not open the store: {error}")
    return child


def lock_is_free_for_another_process(db_path: Path) -> bool:
    """Whether a separate process could take the writer lock of ``db_path`` right now."""
    code = (
        "import sys; from pathlib import Path; from kkr_desk.store.lock import "
        "acquire_database_lock; acquire_database_lock(Path(sys.argv[1])); print('free')"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(db_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    return result.stdout.strip() == "free"


def kill(child: subprocess.Popen[str]) -> None:
    """SIGKILL (TerminateProcess on Windows): no clean-up code runs in the child."""
    child.kill()
    child.wait(timeout=10)
    for stream in (child.stdout, child.stderr):
        if stream:
            stream.close()
