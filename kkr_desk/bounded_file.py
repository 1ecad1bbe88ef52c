"""Reading a file that may come from an attacker: only a regular file, never more than a limit.

A pipe would never end and /dev/zero never stop, so the type is checked before the file is
opened, and the size both before (the cheap refusal) and while reading (it may grow). The
meeting file, the Word template and the importer each say it in their own Danish words.
"""

from __future__ import annotations

import stat
from pathlib import Path


class NotARegularFile(Exception):
    """A folder, pipe, device or socket where a file was expected."""


class FileTooLarge(Exception):
    """The file holds more than the limit; ``size`` is what was seen."""

    def __init__(self, size: int):
        super().__init__(size)
        self.size = size


def regular_file_size(path: Path) -> int:
    """The size of the regular file at ``path``; OSError when it cannot be looked at."""
    info = Path(path).stat()
    if not stat.S_ISREG(info.st_mode):
        raise NotARegularFile(path)
    return info.st_size


def read_at_most(path: Path, limit: int) -> bytes:
    """The bytes of the regular file at ``path``; FileTooLarge past ``limit`` bytes."""
    size = regular_file_size(path)
    if size > limit:
        raise FileTooLarge(size)
    with Path(path).open("rb") as stream:
        data = stream.read(limit + 1)  # the file may have grown since stat()
    if len(data) > limit:
        raise FileTooLarge(len(data))
    return data
