"""Saving a file: whole or untouched, with a Danish message for each way it can fail."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from kkr_desk.atomic_write import SaveError, write_atomically

OLD = b"the referat as sent to the members yesterday"


def existing_file(tmp_path: Path) -> Path:
    path = tmp_path / "referat.docx"
    path.write_bytes(OLD)
    return path


def write_new(stream) -> None:
    stream.write(b"new content " * 1000)


def assert_untouched(path: Path) -> None:
    assert path.read_bytes() == OLD
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name]  # no temp left


def test_a_save_replaces_the_file_whole(tmp_path):
    path = existing_file(tmp_path)
    write_atomically(path, write_new)
    assert path.read_bytes() == b"new content " * 1000
    assert sorted(p.name for p in tmp_path.iterdir()) == ["referat.docx"]


def test_a_file_held_open_by_word(tmp_path, monkeypatch):
    """On Windows, replacing a file Word has open fails with a sharing violation."""
    path = existing_file(tmp_path)

    def held_by_word(src, dst):
        error = PermissionError(errno.EACCES, "Processen kan ikke få adgang til filen")
        error.winerror = 32
        raise error

    monkeypatch.setattr(os, "replace", held_by_word)
    with pytest.raises(SaveError, match="åben i et andet program \\(fx Word\\)") as caught:
        write_atomically(path, write_new)
    assert "Den hidtidige fil er uændret" in str(caught.value)
    monkeypatch.undo()
    assert_untouched(path)


def test_a_read_only_folder(tmp_path, monkeypatch):
    path = existing_file(tmp_path)

    def read_only(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr("tempfile.mkstemp", read_only)
    with pytest.raises(SaveError, match="Der kan ikke gemmes i mappen .*Vælg en anden mappe"):
        write_atomically(path, write_new)
    monkeypatch.undo()
    assert_untouched(path)


@pytest.mark.skipif(
    os.name != "posix" or os.geteuid() == 0, reason="needs POSIX permissions, not root"
)
def test_a_read_only_folder_for_real(tmp_path):
    path = existing_file(tmp_path)
    tmp_path.chmod(0o555)
    try:
        with pytest.raises(SaveError, match="skrivebeskyttet"):
            write_atomically(path, write_new)
    finally:
        tmp_path.chmod(0o755)
    assert_untouched(path)


def test_a_full_disk_while_writing(tmp_path):
    path = existing_file(tmp_path)

    def fills_the_disk(stream) -> None:
        stream.write(b"half a referat")
        raise OSError(errno.ENOSPC, "No space left on device")

    with pytest.raises(SaveError, match="ikke plads på disken.*Den hidtidige fil er uændret"):
        write_atomically(path, fills_the_disk)
    assert_untouched(path)


def test_a_full_disk_found_at_fsync(tmp_path, monkeypatch):
    path = existing_file(tmp_path)

    def no_space(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", no_space)
    with pytest.raises(SaveError, match="ikke plads på disken"):
        write_atomically(path, write_new)
    monkeypatch.undo()
    assert_untouched(path)


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs Linux's /dev/full")
def test_a_really_full_device(tmp_path, monkeypatch):
    """/dev/full answers every write with ENOSPC from the kernel itself."""
    path = existing_file(tmp_path)
    real_mkstemp = __import__("tempfile").mkstemp

    def temp_on_a_full_device(*args, **kwargs):
        fd, name = real_mkstemp(*args, **kwargs)
        os.close(fd)
        return os.open("/dev/full", os.O_WRONLY), name

    monkeypatch.setattr("tempfile.mkstemp", temp_on_a_full_device)
    with pytest.raises(SaveError, match="ikke plads på disken"):
        write_atomically(path, write_new)
    monkeypatch.undo()
    assert_untouched(path)


def test_a_new_file_that_cannot_be_saved_leaves_nothing(tmp_path):
    path = tmp_path / "ny.docx"

    def fails(stream) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    with pytest.raises(SaveError, match="Intet er gemt"):
        write_atomically(path, fails)
    assert list(tmp_path.iterdir()) == []


def test_a_bug_in_the_writer_is_not_hidden_but_leaves_no_temp(tmp_path):
    path = existing_file(tmp_path)

    def buggy(stream) -> None:
        stream.write(b"x")
        raise ValueError("a programming error")

    with pytest.raises(ValueError, match="programming error"):
        write_atomically(path, buggy)
    assert_untouched(path)


def test_a_missing_folder(tmp_path):
    with pytest.raises(SaveError, match="findes ikke eller er skrivebeskyttet"):
        write_atomically(tmp_path / "gone" / "referat.docx", write_new)

