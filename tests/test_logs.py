"""The log file: where it is, what a bug leaves in it, and that it stays small."""

from __future__ import annotations

import threading

import platformdirs
import pytest

from kkr_desk import logs


def test_the_log_is_in_the_users_log_folder_unless_redirected(monkeypatch, tmp_path):
    monkeypatch.delenv(logs.LOG_DIR_VARIABLE)
    expected = platformdirs.user_log_path("KKR Desk", appauthor=False) / "kkr-desk.log"
    assert logs.log_file_path() == expected  # only asked, nothing written there
    monkeypatch.setenv(logs.LOG_DIR_VARIABLE, str(tmp_path))
    assert logs.log_file_path() == tmp_path / "kkr-desk.log"


def fail_inside():
    raise ValueError("a bug deep inside")


def test_a_program_error_leaves_its_traceback_in_the_log(monkeypatch, tmp_path):
    monkeypatch.setenv(logs.LOG_DIR_VARIABLE, str(tmp_path))
    try:
        fail_inside()
    except ValueError as error:
        line = logs.log_program_error(error)
    assert line == f"programfejl: ValueError: a bug deep inside (detaljer i {tmp_path / 'kkr-desk.log'})"
    text = (tmp_path / "kkr-desk.log").read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in text
    assert "in fail_inside" in text


def test_the_log_rotates_instead_of_growing(monkeypatch, tmp_path):
    monkeypatch.setenv(logs.LOG_DIR_VARIABLE, str(tmp_path))
    monkeypatch.setattr(logs, "MAX_BYTES", 4000)
    monkeypatch.setattr(logs, "_handler", None)  # a fresh handler with the small limit
    for number in range(100):
        logs.log_program_error(RuntimeError(f"fejl nummer {number} " + "x" * 300))
    files = sorted(path.name for path in tmp_path.iterdir())
    assert files == ["kkr-desk.log", "kkr-desk.log.1", "kkr-desk.log.2", "kkr-desk.log.3"]
    assert all(path.stat().st_size <= 4000 for path in tmp_path.iterdir())


def test_a_bug_in_another_thread_is_logged_and_shown(monkeypatch, tmp_path):
    monkeypatch.setenv(logs.LOG_DIR_VARIABLE, str(tmp_path))
    shown = []
    logs.install_excepthooks(lambda error, text: shown.append(text))
    thread = threading.Thread(target=fail_inside)
    thread.start()
    thread.join()
    assert shown and shown[0].startswith("programfejl: ValueError: a bug deep inside")
    assert "in fail_inside" in (tmp_path / "kkr-desk.log").read_text(encoding="utf-8")


def test_an_uncaught_bug_in_the_main_thread_is_one_line_on_stderr(monkeypatch, tmp_path, capsys):
    monkeypatch.setenv(logs.LOG_DIR_VARIABLE, str(tmp_path))
    logs.install_excepthooks()
    try:
        fail_inside()
    except ValueError as error:
        import sys

        sys.excepthook(type(error), error, error.__traceback__)
    err = capsys.readouterr().err
    assert err.splitlines() == [
        f"kkr-desk: programfejl: ValueError: a bug deep inside (detaljer i {tmp_path / 'kkr-desk.log'})"
    ]


@pytest.fixture(autouse=True)
def fresh_handler(monkeypatch):
    """Each test's log goes to its own folder: a handler left by another test is dropped."""
    monkeypatch.setattr(logs, "_handler", None)
    yield
    handler = logs._handler
    if handler is not None:
        logs.logger.removeHandler(handler)
        handler.close()
