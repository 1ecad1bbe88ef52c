"""Saving a file so that it is whole or untouched: temp file in the same folder, fsync, rename.

The referat export and other "save as" paths write through ``write_atomically``. If anything
goes wrong (the old file is open in Word, the folder is read-only, the disk is full) the
temporary file is removed, the old file keeps every byte, and SaveError carries a Danish
sentence that says what happened and what to do.
"""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

DISK_FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC), errno.EFBIG}
IN_USE_WINERRORS = {32, 33}  # ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION


class SaveError(Exception):
    """A file could not be saved; ``str(error)`` is a Danish sentence for the user."""

    def __init__(self, message: str, path: Path):
        super().__init__(message)
        self.path = path


def write_atomically(path: Path, write: Callable[[BinaryIO], None]) -> None:
    """Call ``write(stream)`` on a temporary file, make it durable, then rename it to ``path``.

    The rename is atomic on Windows, macOS and Linux (``os.replace``), so a reader (or a
    crash) sees either the old file or the whole new one. Errors from ``write`` that are not
    OSError propagate unchanged, after the temporary file is removed.
    """
    path = Path(path)
    folder = path.parent
    try:
        handle, temp_name = tempfile.mkstemp(prefix=f".{path.stem}.", suffix=".tmp", dir=folder)
    except OSError as error:
        raise _describe(error, path, stage="folder") from error
    temp = Path(temp_name)
    stage = "write"
    try:
        with os.fdopen(handle, "wb") as stream:
            write(stream)
            stream.flush()
            os.fsync(stream.fileno())
        stage = "replace"
        os.replace(temp, path)
    except OSError as error:
        temp.unlink(missing_ok=True)
        raise _describe(error, path, stage=stage) from error
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    _sync_folder(folder)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable where the OS allows it (POSIX); best effort."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _describe(error: OSError, path: Path, *, stage: str) -> SaveError:
    untouched = "Den hidtidige fil er uændret." if path.exists() else "Intet er gemt."
    if error.errno in DISK_FULL:
        message = (
            f"Der er ikke plads på disken til {path.name}. Frigør plads, eller gem i en "
            f"anden mappe eller på et andet drev. {untouched}"
        )
    elif stage == "folder" and isinstance(error, (PermissionError, FileNotFoundError)):
        message = (
            f"Der kan ikke gemmes i mappen {path.parent} (den findes ikke eller er "
            f"skrivebeskyttet). Vælg en anden mappe. {untouched}"
        )
    elif isinstance(error, PermissionError) or getattr(error, "winerror", None) in IN_USE_WINERRORS:
        message = (
            f"{path.name} kunne ikke gemmes, fordi filen er åben i et andet program (fx Word) "
            f"eller er skrivebeskyttet. Luk den, og prøv igen, eller gem under et andet navn. "
            f"{untouched}"
        )
    else:
        message = f"{path.name} kunne ikke gemmes ({error.strerror or error}). {untouched}"
    return SaveError(message, path)
