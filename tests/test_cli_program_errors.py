"""A bug in KKR Desk is one line naming the log file and exit code 1, never a user's error."""

from __future__ import annotations

import importlib.metadata
import sqlite3
import subprocess
import sys
from pathlib import Path

from kkr_desk.cli import main
from kkr_desk.logs import LOG_DIR_VARIABLE
from kkr_desk.store import sample

ROOT = Path(__file__).resolve().parent.parent


def kkr_desk(*args: str, log_dir: Path) -> subprocess.CompletedProcess[str]:
    import os

    env = {**os.environ, LOG_DIR_VARIABLE: str(log_dir)}
    return subprocess.run(
        [sys.executable, "-m", "kkr_desk", *args],
        capture_output=True, text=True, cwd=ROOT, timeout=60, env=env,
    )


def test_a_mistake_in_our_sql_is_a_program_error_with_the_log_files_path(tmp_path):
    db, meeting_file, logs = tmp_path / "a.db", tmp_path / "m.json", tmp_path / "logs"
    assert kkr_desk("dump", "1", "-o", str(meeting_file), "--db", str(db), log_dir=logs).returncode == 0
    with sqlite3.connect(db) as conn:  # the schema no longer matches the code's SQL
        conn.execute("ALTER TABLE section RENAME COLUMN body TO tekst")
    conn.close()

    result = kkr_desk("load", str(meeting_file), "--db", str(db), log_dir=logs)

    assert result.returncode == 1
    log_file = logs / "kkr-desk.log"
    assert result.stderr.splitlines() == [
        f"kkr-desk: programfejl: OperationalError: table section has no column named body "
        f"(detaljer i {log_file})"
    ]
    assert "Traceback (most recent call last)" in log_file.read_text(encoding="utf-8")


def test_version_comes_from_the_installed_package():
    result = subprocess.run(
        [sys.executable, "-m", "kkr_desk", "--version"],
        capture_output=True, text=True, cwd=ROOT, timeout=60,
    )
    assert result.returncode == 0
    assert result.stdout == f"kkr-desk {importlib.metadata.version('kkr-desk')}\n"


def test_a_missing_sample_is_a_program_error_and_creates_no_database(
    tmp_path, monkeypatch, capsys, log_folder
):
    monkeypatch.setattr(sample, "SAMPLE_MEETING_FILE", "no-such-sample.json")
    db = tmp_path / "new.db"

    assert main(["list", "--db", str(db)]) == 1

    assert not db.exists()
    assert not list(tmp_path.iterdir())  # no -wal, -shm or lock left either
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1 and err[0].startswith("kkr-desk: programfejl: SampleMissing: ")
    assert "no-such-sample.json" in err[0] and str(log_folder / "kkr-desk.log") in err[0]
