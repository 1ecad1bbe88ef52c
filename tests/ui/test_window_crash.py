"""The real window, typing non-stop, SIGKILLed at random moments: every word typed more
than one second before the kill is in the database when it is opened again."""

from __future__ import annotations

import os
import random
import re
import subprocess
import sys
import threading
import time

from kkr_desk.store import Store, open_store
from tests.store.processes import ROOT

ROUNDS = 3
OLDER_THAN_S = 1.0


def run_window_until_killed(db_path, settings_dir, first: int, rng: random.Random):
    """Start the typing window, kill it; return its section id, the kill time and the
    (time received, number) of every word it reported typing."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.ui.window_crash_child", str(db_path), str(settings_dir),
         str(first)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    ready = child.stdout.readline()
    if not ready.startswith("ready "):
        child.kill()
        _, error = child.communicate()
        raise AssertionError(f"the window did not start: {ready!r} {error}")
    typed: list[tuple[float, int]] = []

    def read() -> None:
        for line in child.stdout:
            if line.endswith("\n") and line.startswith("typed "):
                typed.append((time.monotonic(), int(line.split()[1])))

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    time.sleep(rng.uniform(1.6, 2.6))
    killed_at = time.monotonic()
    child.kill()
    child.wait(timeout=30)
    reader.join(timeout=10)
    child.stderr.close()
    return int(ready.split()[1]), killed_at, typed


def test_words_older_than_a_second_survive_a_kill_of_the_window(tmp_path):
    seed = int(os.environ.get("KKR_CRASH_SEED", random.randrange(2**32)))
    rng = random.Random(seed)
    db_path = tmp_path / "window.db"
    open_store(db_path).close()
    for round_number in range(1, ROUNDS + 1):
        first = round_number * 100_000
        section_id, killed_at, typed = run_window_until_killed(
            db_path, tmp_path / "settings", first, rng
        )
        old_enough = [n for received, n in typed if received <= killed_at - OLDER_THAN_S]
        assert old_enough, f"the window typed too little before the kill (seed {seed})"
        with Store(db_path) as store:
            assert [r[0] for r in store.db.execute("PRAGMA integrity_check")] == ["ok"]
            body = next(
                s.body
                for item in store.meetings.load(store.meetings.summaries()[0].id).items
                for s in item.sections
                if s.id == section_id
            )
        saved = [int(n) for n in re.findall(r"w(\d+)", body) if int(n) > first]
        # What was saved is the words in the order typed, none skipped...
        assert saved == list(range(first + 1, first + 1 + len(saved))), f"seed {seed}"
        # ...and reaches at least every word typed a second or more before the kill.
        assert saved and saved[-1] >= max(old_enough), (
            f"round {round_number}: saved up to w{saved[-1] if saved else None}, "
            f"but w{max(old_enough)} was typed {OLDER_THAN_S} s before the kill (seed {seed})"
        )
