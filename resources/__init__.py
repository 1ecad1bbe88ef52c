"""The files shipped with KKR Desk: the sample meeting, and translations when there are any.

This folder is installed as the package ``kkr_desk.resources`` (pyproject.toml maps it), so
a wheel carries the files as package data and importlib.resources finds them wherever the
program is installed, an editable checkout included.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def resource_path(name: str) -> Path:
    """The path on disk of a shipped file or folder, such as ``sample-meeting.json``.

    KKR Desk is installed as plain files (a wheel or a checkout), never run from a zip, so
    the package's files are a real folder and the path can be handed to Qt or opened.
    """
    return Path(str(files(__name__) / name))
