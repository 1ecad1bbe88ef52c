"""Where the files in ``resources/`` are, for a source checkout and an editable install."""

from __future__ import annotations

from pathlib import Path

RESOURCES_DIR = Path(__file__).resolve().parent.parent / "resources"


def resource_path(name: str) -> Path:
    """The path of a shipped resource file, such as ``sample-meeting.json``."""
    return RESOURCES_DIR / name
