"""Export failures that CI (running as root, on Linux) can still stage for real or by
monkeypatching: a read-only folder, a truly full device, a sharing violation. Each leaves the
old file whole, no temporary file, the meeting in the database untouched, and a Danish
message that says what to do."""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path

import pytest

from kkr_desk.writer import ReferatError, export_meeting
from kkr_desk.store import Store
from tests.store.test_store import without_ids

OLD = b"the referat as sent to the members yesterday"


@pytest.fixture
def saved(tmp_path, meeting):
    """The meeting in a real database, and an existing referat beside it."""
    store = Store(tmp_path / "kkr.db")
    meeting_id = store.meetings.add(meeting)
    target = tmp_path / "ud" / "referat.docx"
    target.parent.mkdir()
    target.write_bytes(OLD)
    before = without_ids(store.meetings.load(meeting_id))
    yield store, meeting_id, target
    assert without_ids(store.meetings.load(meeting_id)) == before  # the meeting is untouched
    assert target.read_bytes() == OLD  # the old file keeps every byte
    assert sorted(p.name for p in target.parent.iterdir()) == ["referat.docx"]  # no temp
    store.close()


def test_a_read_only_folder(saved, monkeypatch):
    store, meeting_id, target = saved

    def read_only(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", read_only)
    with pytest.raises(ReferatError, match="ikke adgang til at skrive i mappen.*anden mappe"):
        export_meeting(store.meetings.load(meeting_id), target)


def test_a_file_held_by_word_on_windows(saved, monkeypatch):
    """A sharing violation (WinError 32) surfaces as PermissionError from os.replace."""
    store, meeting_id, target = saved

    def sharing_violation(source, destination):
        error = PermissionError(errno.EACCES, "The process cannot access the file")
        error.winerror = 32
        raise error

    monkeypatch.setattr(os, "replace", sharing_violation)
    with pytest.raises(ReferatError, match="åben i Word.*hidtidige fil er uændret"):
        export_meeting(store.meetings.load(meeting_id), target)


def test_a_disk_that_fills_up_while_writing(saved, monkeypatch):
    store, meeting_id, target = saved
    real_fdopen = os.fdopen

    class FillsUp:
        def __init__(self, stream):
            self.stream = stream

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.stream.close()

        def write(self, data):
            self.stream.write(data[: len(data) // 2])
            raise OSError(errno.ENOSPC, "No space left on device")

        def __getattr__(self, name):
            return getattr(self.stream, name)

    monkeypatch.setattr(os, "fdopen", lambda *a, **k: FillsUp(real_fdopen(*a, **k)))
    with pytest.raises(ReferatError, match="ikke plads på disken.*Frigør plads"):
        export_meeting(store.meetings.load(meeting_id), target)


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs Linux's /dev/full")
def test_a_really_full_device(saved, monkeypatch):
    """/dev/full answers every write with ENOSPC from the kernel itself."""
    store, meeting_id, target = saved
    real_mkstemp = tempfile.mkstemp

    def temp_on_a_full_device(*args, **kwargs):
        descriptor, name = real_mkstemp(*args, **kwargs)
        os.close(descriptor)
        return os.open("/dev/full", os.O_WRONLY), name

    monkeypatch.setattr(tempfile, "mkstemp", temp_on_a_full_device)
    with pytest.raises(ReferatError, match="ikke plads på disken"):
        export_meeting(store.meetings.load(meeting_id), target)
