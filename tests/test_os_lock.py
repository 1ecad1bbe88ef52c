"""The OS lock behind the one-writer rule, the output files and the PDF work folders."""

from __future__ import annotations

import subprocess
import sys
import threading

from kkr_desk.os_lock import FileLock, LockHeld, try_lock

HOLD_IN_CHILD = """
import sys, time
from kkr_desk.os_lock import FileLock
lock = FileLock(sys.argv[1], shared=True)
print(lock.acquire(), flush=True)
sys.stdin.readline()
"""


def test_two_unshared_locks_of_one_file_exclude_each_other_in_one_process(tmp_path):
    first, second = FileLock(tmp_path / "x.lock"), FileLock(tmp_path / "x.lock")
    assert first.acquire()
    assert not second.acquire()
    first.release()
    assert second.acquire()
    second.release()


def test_shared_locks_count_and_the_last_release_frees_the_file(tmp_path):
    path = tmp_path / "db.lock"
    a, b = FileLock(path, shared=True), FileLock(path, shared=True)
    assert a.acquire() and b.acquire()
    a.release()
    a.release()  # a second release of the same handle gives nothing back
    assert not FileLock(path).acquire()  # b still holds it
    done = threading.Event()
    threading.Thread(target=lambda: (b.release(), done.set())).start()  # any thread may
    assert done.wait(5)
    free = FileLock(path)
    assert free.acquire()
    free.release()


def test_another_process_is_refused_until_the_holder_is_gone(tmp_path):
    path = tmp_path / "db.lock"
    child = subprocess.Popen(
        [sys.executable, "-c", HOLD_IN_CHILD, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout.readline().strip() == "True"
        mine = FileLock(path, shared=True)
        assert not mine.acquire()
        child.kill()  # however it dies, the kernel drops its lock
        child.wait(10)
        assert mine.acquire()
        mine.release()
    finally:
        child.kill()
        child.wait(10)


def test_with_raises_when_held_and_releases_on_leaving(tmp_path):
    path = tmp_path / "work.lock"
    with FileLock(path):
        try:
            with FileLock(path):
                raise AssertionError("entered a held lock")
        except LockHeld:
            pass
    with FileLock(path):
        pass


def test_try_lock_on_a_descriptor_answers_false_while_another_holds_it(tmp_path):
    import os

    path = tmp_path / "file.tmp"
    path.write_bytes(b"data")
    one, two = os.open(path, os.O_RDWR), os.open(path, os.O_RDONLY)
    try:
        assert try_lock(one)
        assert not try_lock(two)
    finally:
        os.close(one)
    try:
        assert try_lock(two)  # closing the holder's descriptor dropped its lock
    finally:
        os.close(two)
