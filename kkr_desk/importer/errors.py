"""The one error the importer raises: its message is Danish and shown to the user as is.

Which failures are the file's and which are ours: a reading library (pypdfium2, python-docx,
lxml, zipfile) failing on a file means the file is damaged, and the user is told so. An
exception raised in our own code is a bug; it is let through, never reported as a damaged
file (that would send the secretary hunting for a better copy of a good file).
"""

from __future__ import annotations

READING_LIBRARIES = frozenset({"pypdfium2", "docx", "lxml", "zipfile", "zlib", "xml", "struct"})


class DocumentImportError(Exception):
    """The file cannot become a meeting: not a dagsorden or referat, empty, encrypted or damaged."""


def raised_by_library(error: BaseException) -> bool:
    """Whether ``error`` was raised inside a reading library rather than in our code.

    The innermost frame of its traceback says where; an exception raised from C (lxml's
    parser) counts as raised by the Python code that called it.
    """
    frame = error.__traceback__
    if frame is None:
        return False
    while frame.tb_next is not None:
        frame = frame.tb_next
    module = frame.tb_frame.f_globals.get("__name__", "")
    return module.split(".")[0] in READING_LIBRARIES
