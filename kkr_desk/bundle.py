"""What differs when KKR Desk runs as the frozen bundle (PyInstaller, docs/packaging.md).

On Linux the bundle's launcher puts its own library folder first on LD_LIBRARY_PATH, so
that its copies of Qt and friends are found. A program we start (LibreOffice for a PDF,
the file manager, Word) must not inherit that: it would load our libraries instead of its
own. The dynamic loader reads the variable once, when our process starts, so putting the
user's value back afterwards changes nothing for us and everything for our children.
"""

from __future__ import annotations

import os
import sys

GUARD_OPTION = "--soffice-guard"
"""The bundle has no separate Python to run writer/soffice_guard.py with, so
``kkr-desk --soffice-guard <command>`` is the guard there (cli.py, writer/pdf.py)."""
LIBRARY_PATH = "LD_LIBRARY_PATH"
_SAVED = LIBRARY_PATH + "_ORIG"  # where the launcher keeps the user's own value


def is_frozen() -> bool:
    """True inside the PyInstaller bundle, False from a checkout or a wheel."""
    return bool(getattr(sys, "frozen", False))


def restore_environment(environ: os._Environ | dict[str, str] = os.environ) -> None:
    """Give programs we start the library path the user had, not the bundle's."""
    if not is_frozen() or sys.platform in ("win32", "darwin"):
        return
    saved = environ.pop(_SAVED, None)
    if saved is not None:
        environ[LIBRARY_PATH] = saved
    else:
        environ.pop(LIBRARY_PATH, None)
