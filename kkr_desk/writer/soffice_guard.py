"""Runs LibreOffice for a PDF and ends it, with all it started, when the app says so or dies.

``pdf.py`` starts this file as a script (``python -I soffice_guard.py <soffice command>``;
in the frozen bundle ``kkr-desk --soffice-guard <soffice command>``, kkr_desk/bundle.py)
with a pipe on its standard input, and never writes to that pipe. The guard starts
LibreOffice in a process group of its own and waits for it. When its input reaches end of
file, LibreOffice's whole group (Windows: its process tree) is killed: the app closes the
pipe to cancel or at its time limit, and the operating system closes it when the app dies,
however it dies (a kill, a crash, Task Manager). Otherwise the guard exits with
LibreOffice's exit code.

Portable by construction: only a pipe, a thread and a kill. Standard library only, since it
runs isolated (``-I``) without the app's packages.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading

_WINDOWS = sys.platform == "win32"
_NO_WINDOW = getattr(subprocess, "CREATE_NO_WINDOW", 0)


def end_tree(process: subprocess.Popen) -> None:
    """Kill ``process`` and everything it started."""
    if _WINDOWS:
        subprocess.run(
            ["taskkill", "/F", "/T", "/PID", str(process.pid)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            creationflags=_NO_WINDOW,
            check=False,
        )
        try:
            process.kill()
        except OSError:
            pass
    else:
        try:
            os.killpg(process.pid, signal.SIGKILL)  # its own group: start_new_session
        except (ProcessLookupError, PermissionError):
            pass


def _wait_for_end_of_input() -> None:
    while True:
        try:
            if not os.read(0, 4096):
                return
        except OSError:  # a broken pipe is an end too
            return


def main(command: list[str]) -> int:
    process = subprocess.Popen(
        command,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=not _WINDOWS,
        creationflags=_NO_WINDOW,
    )
    if not _WINDOWS:
        # A signal meant for the app (its terminal, its process group) must not end the
        # guard before it has cleaned up; set after the start, so LibreOffice keeps them.
        for number in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
            signal.signal(number, signal.SIG_IGN)

    def watch() -> None:
        _wait_for_end_of_input()
        end_tree(process)

    threading.Thread(target=watch, daemon=True).start()
    return process.wait()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
