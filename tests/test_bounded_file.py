"""Reading a file from an attacker: only a regular file, never more than the limit."""

from __future__ import annotations

import os
import sys

import pytest

from kkr_desk.bounded_file import FileTooLarge, NotARegularFile, read_at_most, regular_file_size
from kkr_desk.importer import DocumentImportError, import_document
from tests.pipes import read_without_hanging


def test_a_regular_file_within_the_limit_is_read_whole(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"12345")
    assert regular_file_size(path) == 5
    assert read_at_most(path, 5) == b"12345"


def test_past_the_limit_is_refused_with_the_size(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"123456")
    with pytest.raises(FileTooLarge) as caught:
        read_at_most(path, 5)
    assert caught.value.size == 6


def test_a_folder_is_not_a_regular_file(tmp_path):
    with pytest.raises(NotARegularFile):
        read_at_most(tmp_path, 5)


@pytest.mark.skipif(sys.platform == "win32", reason="named pipes in the file system are POSIX")
def test_the_importer_refuses_a_named_pipe_instead_of_waiting_for_it(tmp_path):
    pipe = tmp_path / "dagsorden.txt"
    os.mkfifo(pipe)
    with pytest.raises(DocumentImportError, match="ikke en almindelig fil"):
        read_without_hanging(import_document, pipe)
