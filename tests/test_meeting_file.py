"""The meeting file: versioned JSON that round-trips and refuses what it cannot read."""

from __future__ import annotations

import json
import os

import pytest

from kkr_desk.meeting_file import (
    FORMAT_VERSION,
    MAX_FILE_BYTES,
    MeetingFileError,
    meeting_from_dict,
    meeting_to_dict,
    read_meeting_file,
    write_meeting_file,
)
from kkr_desk.output_file import OutputError
from kkr_desk.resources import resource_path
from tests.pipes import read_without_hanging


def test_dict_round_trip_keeps_everything(meeting):
    data = meeting_to_dict(meeting)
    assert data["version"] == FORMAT_VERSION
    assert meeting_to_dict(meeting_from_dict(data)) == data
    back = meeting_from_dict(data)
    substitute = back.attendance[1].substitute_for
    assert substitute is back.attendance[2].person  # one person, referred to twice


def test_file_round_trip(tmp_path, meeting):
    path = tmp_path / "m.json"
    write_meeting_file(meeting, path)
    text = path.read_text(encoding="utf-8")
    assert "Lærepladser" in text  # Danish letters written as themselves
    assert meeting_to_dict(read_meeting_file(path)) == meeting_to_dict(meeting)
    assert [p.name for p in tmp_path.iterdir()] == ["m.json"]  # no temp file left


def test_the_shipped_sample_is_a_valid_meeting_file():
    sample = read_meeting_file(resource_path("sample-meeting.json"))
    assert sample.committee == "KKR Midtjylland"
    assert len(sample.groups) == 7 and len(sample.items) == 10
    assert sample.groups[4].title == "KKR" and sample.groups[4].items == []


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "ikke gyldig JSON"),
        (b"\xff\xfe\x00garbage", "UTF-8"),
        (b"[1, 2]", "ikke en KKR Desk-mødefil"),
        (json.dumps({"format": "kkr-desk-meeting", "version": 99}).encode(), "version 99"),
        (json.dumps({"format": "kkr-desk-meeting", "version": 1, "meeting": {}}).encode(),
         "'committee' mangler"),
        (json.dumps({"format": "kkr-desk-meeting", "version": 1, "meeting": {
            "committee": "K", "date": "5. sept"}}).encode(), "beskadiget"),
        (json.dumps({"format": "kkr-desk-meeting", "version": 1, "meeting": {
            "committee": 7, "date": "2024-01-01"}}).encode(), "tekst"),
    ],
)
def test_damaged_files_raise_a_clear_error(tmp_path, content, message):
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    with pytest.raises(MeetingFileError, match=message):
        read_meeting_file(path)


def test_a_failed_write_keeps_the_old_file(tmp_path, meeting, monkeypatch):
    path = tmp_path / "m.json"
    path.write_text("gammel", encoding="utf-8")

    def held_by_another_program(*args):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", held_by_another_program)
    with pytest.raises(OutputError, match="Den hidtidige fil er uændret"):
        write_meeting_file(meeting, path)
    assert path.read_text(encoding="utf-8") == "gammel"
    assert [p.name for p in tmp_path.iterdir()] == ["m.json"]


SAMPLE_TEXT = resource_path("sample-meeting.json").read_text(encoding="utf-8")


def test_a_byte_order_mark_as_notepad_writes_it_is_accepted(tmp_path):
    path = tmp_path / "notepad.json"
    path.write_bytes(b"\xef\xbb\xbf" + SAMPLE_TEXT.encode("utf-8"))
    assert read_meeting_file(path).committee == "KKR Midtjylland"


HOSTILE_JSON = {
    "a 5,000-digit number": (
        SAMPLE_TEXT.replace('"version": 1,', '"version": 1, "x": ' + "9" * 5000 + ","),
        "et tal på 5000 cifre",
    ),
    "JSON nested 100,000 deep": (
        SAMPLE_TEXT.replace(
            '"version": 1,', '"version": 1, "x": ' + "[" * 100_000 + "]" * 100_000 + ","
        ),
        "indlejret i for mange lag",
    ),
    "a lone surrogate": (
        SAMPLE_TEXT.replace('"Regionshuset', '"\\ud800Regionshuset', 1),
        r"ugyldigt tegn \(U\+D800\)",
    ),
}


@pytest.mark.parametrize("case", HOSTILE_JSON, ids=list(HOSTILE_JSON))
def test_hostile_json_is_a_meeting_file_error_not_a_crash(tmp_path, case):
    content, message = HOSTILE_JSON[case]
    assert content != SAMPLE_TEXT
    path = tmp_path / "hostile.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(MeetingFileError, match=message):
        read_meeting_file(path)


def test_a_file_too_big_to_be_a_meeting_is_refused_before_it_is_read(tmp_path, monkeypatch):
    path = tmp_path / "huge.json"
    with path.open("wb") as stream:
        stream.truncate(MAX_FILE_BYTES + 1)  # sparse: big by its size, cheap on the disk
    opened = []
    monkeypatch.setattr(type(path), "open", lambda *a, **k: opened.append(a) or 1 / 0)
    with pytest.raises(MeetingFileError, match="en mødefil fylder højst 20 MB"):
        read_meeting_file(path)
    assert opened == []


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX feature")
def test_a_named_pipe_is_refused_without_waiting_for_a_writer(tmp_path):
    pipe = tmp_path / "pipe.json"
    os.mkfifo(pipe)
    with pytest.raises(MeetingFileError, match="ikke en almindelig fil"):
        read_without_hanging(read_meeting_file, pipe)


def test_the_record_survives_the_meeting_file(tmp_path):
    from kkr_desk.meeting_file import read_meeting_file as read, write_meeting_file
    from kkr_desk.resources import resource_path

    from .importer.test_round_trip import document_facts, with_record

    meeting = with_record(read(resource_path("sample-meeting.json")))
    write_meeting_file(meeting, tmp_path / "m.json")
    again = read(tmp_path / "m.json")
    assert document_facts(again) == document_facts(meeting)
    assert again.attendance[16].events[0].item is again.items[6]  # Ole Vind, the same item
