"""The operating system's own exclusive lock on an open file, taken without waiting.

``flock`` on Linux and macOS, ``msvcrt.locking`` (LockFile on the file's first byte) on
Windows: the kernel drops either when the holding process dies, however it dies, so a
crash never leaves a stale lock. Both are advisory between our own processes, which is all
KKR Desk asks of them: one writer per database (store/lock.py), one writer per temporary
output file (output_file.py), one PDF export per work folder (writer/pdf.py).

These few lines replace the filelock package, whose import (hashlib, secrets, platform,
decimal) cost ~25 ms of the window's start-up for this one call (docs/performance.md).
"""

from __future__ import annotations

import errno
import os
import sys
import threading

_HELD_ELSEWHERE = {errno.EACCES, errno.EAGAIN, errno.EWOULDBLOCK, getattr(errno, "EDEADLK", 0)}

if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def try_lock(fd: int) -> bool:
        """Lock ``fd``'s file; False when another holder has it. Other failures raise OSError."""
        position = os.lseek(fd, 0, os.SEEK_CUR)
        os.lseek(fd, 0, os.SEEK_SET)  # always byte 0, wherever the file position is
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError as error:
            if error.errno in _HELD_ELSEWHERE:
                return False
            raise
        finally:
            os.lseek(fd, position, os.SEEK_SET)
        return True

    def unlock(fd: int) -> None:
        position = os.lseek(fd, 0, os.SEEK_CUR)
        os.lseek(fd, 0, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        finally:
            os.lseek(fd, position, os.SEEK_SET)

else:
    import fcntl

    def try_lock(fd: int) -> bool:
        """Lock ``fd``'s file; False when another holder has it. Other failures raise OSError."""
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as error:
            if error.errno in _HELD_ELSEWHERE:
                return False
            raise
        return True

    def unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


class LockHeld(OSError):
    """Another holder has the lock (raised by ``with FileLock(...)``)."""


class FileLock:
    """An exclusive lock on a lock file; ``acquire`` never waits.

    Each lock has its own descriptor, so two locks of the same file conflict even inside
    one process (a PDF export's work folder is in use while any export holds it). With
    ``shared=True`` every shared lock of the path in this process uses one descriptor and
    one count, whatever thread takes it: a second Store on an open database (a background
    export, a test) reuses the lock, and only the last ``release`` gives it back.
    """

    _shared: dict[str, list[int]] = {}  # path -> [descriptor, count]
    _guard = threading.Lock()

    def __init__(self, path: os.PathLike | str, *, shared: bool = False):
        self.path = os.fspath(path)
        self.shared = shared
        self._fd: int | None = None

    def acquire(self) -> bool:
        """Take the lock; False when another process (or, unshared, another lock) has it."""
        with self._guard:
            if self._fd is not None:
                return True
            held = self._shared.get(self.path) if self.shared else None
            if held is None:
                fd = _open_locked(self.path)
                if fd is None:
                    return False
                held = [fd, 0]
                if self.shared:
                    self._shared[self.path] = held
            held[1] += 1
            self._fd = held[0]
            return True

    def release(self) -> None:
        """Give the lock back (idempotent); the file itself stays."""
        with self._guard:
            fd, self._fd = self._fd, None
            if fd is None:
                return
            held = self._shared.get(self.path) if self.shared else None
            if held is not None:
                held[1] -= 1
                if held[1] > 0:
                    return
                del self._shared[self.path]
            try:
                unlock(fd)
            finally:
                os.close(fd)

    def __enter__(self) -> FileLock:
        if not self.acquire():
            raise LockHeld(errno.EAGAIN, "låst af en anden", self.path)
        return self

    def __exit__(self, *_exc) -> None:
        self.release()


def _open_locked(path: str) -> int | None:
    """A descriptor of ``path`` (made if missing) holding its lock, or None if it is held."""
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        if try_lock(fd):
            return fd
    except BaseException:
        os.close(fd)
        raise
    os.close(fd)
    return None
