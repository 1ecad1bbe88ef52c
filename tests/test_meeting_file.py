"""The meeting file: versioned JSON that round-trips and refuses what it cannot read."""

from __future__ import annotations

import json
import os

import pytest

from kkr_desk.meeting_file import (
    FORMAT_VERSION,
    MeetingFileError,
    meeting_from_dict,
    meeting_to_dict,
    read_meeting_file,
    write_meeting_file,
)
from kkr_desk.output_file import OutputError
from kkr_desk.resources import resource_path


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
