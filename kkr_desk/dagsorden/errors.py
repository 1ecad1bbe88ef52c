"""The one error the importer raises: its message is Danish and shown to the user as is."""

from __future__ import annotations


class DocumentImportError(Exception):
    """The file cannot become a meeting: not a dagsorden or referat, empty, encrypted or damaged."""
