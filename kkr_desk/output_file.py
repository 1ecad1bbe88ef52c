"""Writing a finished file: whole or not at all, with a message a secretary understands.

The bytes go to a temporary file beside the target, are flushed to disk, and replace the
target in one rename; if anything fails the old file is untouched and the temporary file
is removed. Word on Windows holds an open document locked, which shows up as a
PermissionError at the rename.

A process killed mid-write cannot remove its temporary file, so each write first removes
the ones an earlier write of the same target left. The writer holds an OS lock on its
temporary file while it writes (``os_lock.try_lock``: flock, or LockFile on
Windows), so a temporary file another program is still writing is never taken for one.
"""

from __future__ import annotations

import errno
import glob
import os
import stat
import tempfile
from contextlib import suppress
from pathlib import Path

from .os_lock import try_lock

DISK_FULL = {errno.ENOSPC, errno.EFBIG, getattr(errno, "EDQUOT", errno.ENOSPC)}


class OutputError(OSError):
    """The target cannot be written; the message is Danish and names the file."""


def check_target(path: Path) -> None:
    """Fail early, before any work, on a target that can never be written."""
    parent = path.parent
    if path.is_dir():
        raise OutputError(f"{path} er en mappe. Angiv et filnavn.")
    if not parent.exists():
        # A parent that is a file further up also lands here.
        raise OutputError(f"Mappen {parent} findes ikke.")
    if not parent.is_dir():
        raise OutputError(f"{parent} er en fil, ikke en mappe.")
    if path.exists() and not _writable(path):
        raise OutputError(
            f"{path} er skrivebeskyttet. Fjern skrivebeskyttelsen eller vælg et andet filnavn."
        )


def write_atomically(path: Path, data: bytes) -> None:
    """Put ``data`` at ``path`` in one step; raises OutputError with the old file intact."""
    check_target(path)
    remove_leftovers(path)
    try:
        handle, temporary = tempfile.mkstemp(
            prefix=f".{path.name}.", suffix=".tmp", dir=path.parent
        )
    except PermissionError:
        raise OutputError(
            f"Der er ikke adgang til at skrive i mappen {path.parent}. Vælg en anden mappe."
            + _old_file_note(path)
        ) from None
    except OSError as error:
        raise _write_error(path, error) from None
    try:
        with suppress(OSError):  # a filesystem without locks: the file is merely unmarked
            try_lock(handle)  # "being written", for remove_leftovers
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        if path.exists():
            # Keep the old file's permissions (mkstemp makes the new one private).
            os.chmod(temporary, stat.S_IMODE(path.stat().st_mode))
        else:
            os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except PermissionError:
        raise OutputError(
            f"{path} kan ikke overskrives. Er filen åben i Word eller et andet program? "
            "Luk den og prøv igen." + _old_file_note(path)
        ) from None
    except OSError as error:
        raise _write_error(path, error) from None
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)


def remove_leftovers(path: Path) -> None:
    """Remove the temporary files earlier, killed writes of ``path`` left beside it.

    Only regular files named like ours, and only those no live writer holds locked; a
    file that cannot be checked or removed is left for the next time.
    """
    pattern = f".{glob.escape(path.name)}.*.tmp"
    for leftover in path.parent.glob(pattern):
        try:
            if not stat.S_ISREG(leftover.lstat().st_mode):
                continue
            fd = os.open(leftover, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
            try:
                abandoned = try_lock(fd)
            finally:
                os.close(fd)  # closing also drops our lock
            if abandoned:
                leftover.unlink()
        except OSError:
            continue


def _write_error(path: Path, error: OSError) -> OutputError:
    if error.errno in DISK_FULL:
        return OutputError(
            f"Der er ikke plads på disken til {path.name}. Frigør plads, eller gem i en anden "
            "mappe eller på et andet drev." + _old_file_note(path)
        )
    return OutputError(f"{path} kan ikke skrives: {error.strerror or error}." + _old_file_note(path))


def _old_file_note(path: Path) -> str:
    return " Den hidtidige fil er uændret." if path.exists() else ""


def _writable(path: Path) -> bool:
    # The mode bits, not os.access: an administrator may write anywhere, but a file the
    # user marked read-only should not be overwritten behind their back.
    return bool(path.stat().st_mode & stat.S_IWUSR)
