"""The sample meeting a new database starts with, so a new user sees a real referat first."""

from __future__ import annotations

from ..meeting_file import read_meeting_file
from ..resources import resource_path
from .store import Store

SAMPLE_MEETING_FILE = "sample-meeting.json"


def add_sample_meeting(store: Store) -> int:
    """Add the KKR Midtjylland meeting of 5 September 2024 and return its id."""
    return store.add_meeting(read_meeting_file(resource_path(SAMPLE_MEETING_FILE)))
