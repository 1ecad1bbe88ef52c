"""A target that cannot be written gets a Danish message, and the old file stays whole."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import docx
import pytest

from kkr_desk.writer import ReferatError, export_meeting

OLD = b"the old referat"
ROOT = Path(__file__).resolve().parents[2]


def leftovers(folder):
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_new_file_appears_whole(tmp_path, meeting):
    path = tmp_path / "referat.docx"
    export_meeting(meeting, path)
    assert docx.Document(str(path)).paragraphs
    assert leftovers(tmp_path) == []


def test_existing_file_is_replaced(tmp_path, meeting):
    path = tmp_path / "referat.docx"
    path.write_bytes(OLD)
    export_meeting(meeting, path)
    assert path.read_bytes().startswith(b"PK")


def test_missing_folder(tmp_path, meeting):
    with pytest.raises(ReferatError, match="Mappen .*mangler.* findes ikke"):
        export_meeting(meeting, tmp_path / "mangler" / "referat.docx")


def test_parent_is_a_file(tmp_path, meeting):
    blocker = tmp_path / "fil"
    blocker.write_bytes(OLD)
    with pytest.raises(ReferatError, match="er en fil, ikke en mappe"):
        export_meeting(meeting, blocker / "referat.docx")
    assert blocker.read_bytes() == OLD


def test_target_is_a_folder(tmp_path, meeting):
    (tmp_path / "referat.docx").mkdir()
    with pytest.raises(ReferatError, match="er en mappe"):
        export_meeting(meeting, tmp_path / "referat.docx")


def test_wrong_suffix(tmp_path, meeting):
    with pytest.raises(ReferatError, match=r"skal ende på \.docx eller \.pdf"):
        export_meeting(meeting, tmp_path / "referat.doc")


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permission bits")
def test_read_only_file_is_left_alone(tmp_path, meeting):
    path = tmp_path / "referat.docx"
    path.write_bytes(OLD)
    path.chmod(0o444)
    try:
        with pytest.raises(ReferatError, match="skrivebeskyttet"):
            export_meeting(meeting, path)
        assert path.read_bytes() == OLD
    finally:
        path.chmod(0o644)
    assert leftovers(tmp_path) == []


def test_file_locked_by_word_keeps_the_old_file(tmp_path, meeting, monkeypatch):
    """Word on Windows locks an open document: the rename fails with PermissionError."""
    path = tmp_path / "referat.docx"
    path.write_bytes(OLD)

    def locked(source, target):
        raise PermissionError(13, "The process cannot access the file", str(target))

    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(ReferatError, match="åben i Word"):
        export_meeting(meeting, path)
    assert path.read_bytes() == OLD
    assert leftovers(tmp_path) == []


def test_disk_full_while_writing_keeps_the_old_file(tmp_path, meeting, monkeypatch):
    path = tmp_path / "referat.docx"
    path.write_bytes(OLD)

    def full(descriptor):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(ReferatError, match="ikke plads på disken.*hidtidige fil er uændret"):
        export_meeting(meeting, path)
    assert path.read_bytes() == OLD
    assert leftovers(tmp_path) == []


@pytest.mark.skipif(
    sys.platform == "win32" or os.geteuid() == 0, reason="root writes into read-only folders"
)
def test_read_only_folder(tmp_path, meeting):
    folder = tmp_path / "låst"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        with pytest.raises(ReferatError, match="ikke adgang"):
            export_meeting(meeting, folder / "referat.docx")
    finally:
        folder.chmod(0o755)


WRITE_AND_WAIT = """
import os, sys
from pathlib import Path
from kkr_desk.output_file import write_atomically

real_fsync = os.fsync

def fsync_then_wait(fd):
    real_fsync(fd)
    print("writing", flush=True)
    sys.stdin.readline()  # until told to go on, or killed

os.fsync = fsync_then_wait
write_atomically(Path(sys.argv[1]), b"from the child")
print("done", flush=True)
"""


def writer_in_the_middle(path):
    """A child process half-way through write_atomically(path): its temp file is written."""
    child = subprocess.Popen(
        [sys.executable, "-c", WRITE_AND_WAIT, str(path)],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout.readline().strip() == "writing"
    return child


def test_the_temp_file_of_a_killed_export_is_removed_by_the_next(tmp_path, meeting):
    path = tmp_path / "referat.docx"
    path.write_bytes(OLD)
    child = writer_in_the_middle(path)
    child.kill()
    child.wait(timeout=10)
    child.stdin.close()
    child.stdout.close()
    assert len(leftovers(tmp_path)) == 1 and path.read_bytes() == OLD

    export_meeting(meeting, path)

    assert leftovers(tmp_path) == []
    assert docx.Document(str(path)).paragraphs


def test_a_temp_file_still_being_written_is_left_alone(tmp_path, meeting):
    path = tmp_path / "referat.docx"
    stranger = tmp_path / ".referat.docx.not-ours"  # another name: never touched
    stranger.write_bytes(OLD)
    child = writer_in_the_middle(path)
    try:
        export_meeting(meeting, path)
        assert len(leftovers(tmp_path)) == 1  # the child's, locked while it writes
    finally:
        out, _ = child.communicate("go on\n", timeout=30)
    assert out.strip() == "done"
    assert path.read_bytes() == b"from the child" and leftovers(tmp_path) == []
    assert stranger.read_bytes() == OLD
