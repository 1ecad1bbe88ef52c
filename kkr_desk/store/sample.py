"""The sample meeting a new database starts with, so a new user sees a real referat first."""

from __future__ import annotations

from ..domain import Meeting
from ..meeting_file import MeetingFileError, read_meeting_file
from ..resources import resource_path

SAMPLE_MEETING_FILE = "sample-meeting.json"


class SampleMissing(RuntimeError):
    """The installation lacks its sample meeting: a broken install, not the user's mistake."""


def read_sample_meeting() -> Meeting:
    """The KKR Midtjylland meeting of 5 September 2024, read from the shipped file."""
    path = resource_path(SAMPLE_MEETING_FILE)
    try:
        return read_meeting_file(path)
    except (OSError, MeetingFileError) as error:
        raise SampleMissing(f"eksempelmødet {path} kan ikke læses: {error}") from error
