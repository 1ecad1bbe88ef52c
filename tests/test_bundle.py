"""What differs in the frozen bundle (kkr_desk/bundle.py): programs we start get the user's
library path back, and the bundle runs LibreOffice's guard itself."""

from __future__ import annotations

import subprocess
import sys

import pytest

from kkr_desk import bundle
from kkr_desk.writer import pdf


@pytest.fixture
def frozen_on_linux(monkeypatch):
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "platform", "linux")


def test_the_users_library_path_comes_back(frozen_on_linux):
    environ = {
        "LD_LIBRARY_PATH": "/opt/KKR Desk/_internal",
        "LD_LIBRARY_PATH_ORIG": "/usr/local/lib",
    }
    bundle.restore_environment(environ)
    assert environ == {"LD_LIBRARY_PATH": "/usr/local/lib"}


def test_a_user_without_a_library_path_gets_none(frozen_on_linux):
    environ = {"LD_LIBRARY_PATH": "/opt/KKR Desk/_internal", "HOME": "/home/sekretær"}
    bundle.restore_environment(environ)
    assert environ == {"HOME": "/home/sekretær"}


def test_outside_the_bundle_nothing_changes(monkeypatch):
    monkeypatch.delattr(sys, "frozen", raising=False)
    environ = {"LD_LIBRARY_PATH": "/mine", "LD_LIBRARY_PATH_ORIG": "/other"}
    bundle.restore_environment(environ)
    assert environ == {"LD_LIBRARY_PATH": "/mine", "LD_LIBRARY_PATH_ORIG": "/other"}


def test_the_guard_is_the_script_from_python_and_the_program_itself_when_frozen(monkeypatch):
    assert pdf._guard_command() == [sys.executable, "-I", str(pdf._GUARD)]
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert pdf._guard_command() == [sys.executable, bundle.GUARD_OPTION]


GUARD_RUN = """
import sys
sys.frozen = True  # as in the bundle
from kkr_desk.cli import main
sys.exit(main(["--soffice-guard", sys.executable, "-c", "import sys; sys.exit(7)"]))
"""


def test_the_frozen_program_runs_the_guard_and_returns_its_exit_code():
    # stdin is the pipe pdf.py holds open; its end would kill the command.
    guard = subprocess.Popen([sys.executable, "-c", GUARD_RUN], stdin=subprocess.PIPE)
    try:
        assert guard.wait(timeout=60) == 7
    finally:
        guard.stdin.close()


def test_outside_the_bundle_the_guard_option_is_unknown(capsys):
    from kkr_desk.cli import main

    with pytest.raises(SystemExit) as stopped:
        main(["--soffice-guard", sys.executable, "-c", "pass"])
    assert stopped.value.code == 2
