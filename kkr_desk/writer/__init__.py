"""The referat and dagsorden as Word documents in KL's layout (python-docx), and as PDF.

Entry point for the window and the CLI::

    export_meeting(meeting, path, *, kind=None, template=None, table_of_contents=False,
                   author="KKR Desk", cancel=None, changes_since=None, revision=None)
        -> list[ExportWarning]

- ``meeting``: a domain ``Meeting`` (never widgets); ``kind``: ``MeetingKind.REFERAT`` or
  ``MeetingKind.DAGSORDEN`` (default: the referat when a decision is written; the app layer
  passes the kind the meeting's state asks for, ``domain/meeting_life.default_kind``). A
  dagsorden leaves out the Beslutning sections.
- ``path`` ending in ``.docx`` gives Word, ``.pdf`` a PDF through LibreOffice.
- ``author``: the document's author and last modified by (Word's File ▸ Info): the
  secretary's name from Rediger ▸ Indstillinger, passed by the app layer.
- ``template``: an organisation's .docx/.dotx whose styles, page setup, header and footer
  are used; it must define "Normal", "Heading 1" and "Heading 2".
- Returns the pre-export warnings (``kkr_desk.domain.checks.export_warnings``), then one
  for each link the document leaves out (an address other than http, https or mailto:
  its text stays, without the link). They never stop the export. Show the pre-export
  ones before calling, too, if you like.
- Raises ``ReferatError`` with a Danish message for everything the user can fix: a target
  that cannot be written (the old file is then intact), a bad template, no LibreOffice.
- ``changes_since``: the version sent for approval (a ``Meeting``); the document then shows
  every difference to it as Word's tracked changes, marked with ``revision`` (a
  ``Revision(author, date)``; default "KKR Desk" and now). See ``revisions``.
- ``cancel``: a ``threading.Event``; setting it (from any thread, e.g. the window's
  Annullér while the export runs in a worker) ends LibreOffice at once and raises
  ``ExportCancelled`` (a ReferatError); nothing is written then.
"""

from __future__ import annotations

import io
import threading
from pathlib import Path

from ..domain import Meeting, MeetingKind
from ..domain.meeting_life import default_kind
from ..domain.checks import ExportWarning, export_warnings
from ..output_file import OutputError, check_target, write_atomically
from .pdf import NO_LIBREOFFICE, PdfCancelled, PdfError, docx_to_pdf, find_soffice, heading_pages
from .style import MissingStyleError
from .template import TemplateError
from .layout import build_document
from .revisions import DEFAULT_REVISION_AUTHOR, Revision

SUFFIXES = (".docx", ".pdf")

_DANISH_STYLE_NAMES = {"Heading 1": "Overskrift 1", "Heading 2": "Overskrift 2"}


class ReferatError(Exception):
    """The document could not be written; the message is Danish and shown as is."""


class ExportCancelled(ReferatError):
    """The user cancelled the export; no file was written."""


def export_meeting(
    meeting: Meeting,
    path: Path | str,
    *,
    kind: MeetingKind | str | None = None,
    template: Path | str | None = None,
    table_of_contents: bool = False,
    author: str = DEFAULT_REVISION_AUTHOR,
    cancel: threading.Event | None = None,
    changes_since: Meeting | None = None,
    revision: Revision | None = None,
) -> list[ExportWarning]:
    """Write the meeting's referat or dagsorden to ``path`` (.docx or .pdf); see module doc."""
    path = Path(path)
    kind = MeetingKind(kind) if kind else default_kind(meeting)  # "dagsorden" as text works too
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise ReferatError(f"Filnavnet {path.name} skal ende på .docx eller .pdf.")
    try:
        check_target(path)
    except OutputError as error:
        raise ReferatError(str(error)) from None
    if suffix == ".pdf" and find_soffice() is None:
        raise ReferatError(NO_LIBREOFFICE)  # say it before the work, not after
    warnings = export_warnings(meeting, kind)
    data = document_bytes(
        meeting,
        kind,
        template=template,
        table_of_contents=table_of_contents,
        author=author,
        warnings=warnings,
        changes_since=changes_since,
        revision=revision,
    )
    try:
        if suffix == ".pdf":
            data = docx_to_pdf(data, cancel=cancel)
            if table_of_contents:
                # A PDF cannot update its table of contents: render once to learn the
                # pages, then again with them filled in.
                pages = heading_pages(data)
                if pages:
                    data = docx_to_pdf(
                        document_bytes(
                            meeting,
                            kind,
                            template=template,
                            table_of_contents=True,
                            toc_pages=pages,
                            author=author,
                            changes_since=changes_since,
                            revision=revision,
                        ),
                        cancel=cancel,
                    )
        if cancel is not None and cancel.is_set():
            raise PdfCancelled("Eksporten blev annulleret.")
        write_atomically(path, data)
    except PdfCancelled as error:
        raise ExportCancelled(str(error)) from None
    except (OutputError, PdfError) as error:
        raise ReferatError(str(error)) from None
    return warnings


def document_bytes(
    meeting: Meeting,
    kind: MeetingKind,
    *,
    template: Path | str | None = None,
    table_of_contents: bool = False,
    toc_pages: list[int] | None = None,
    author: str = DEFAULT_REVISION_AUTHOR,
    warnings: list[ExportWarning] | None = None,
    changes_since: Meeting | None = None,
    revision: Revision | None = None,
) -> bytes:
    """The .docx file's bytes, built in memory; what was left out is added to ``warnings``."""
    template_path = Path(template) if template is not None else None
    try:
        document = build_document(
            meeting,
            kind,
            template=template_path,
            table_of_contents=table_of_contents,
            toc_pages=toc_pages,
            author=author,
            warnings=warnings,
            changes_since=changes_since,
            revision=revision,
        )
    except TemplateError as error:
        raise ReferatError(str(error)) from None
    except MissingStyleError as error:
        danish = _DANISH_STYLE_NAMES.get(error.name)
        also = f" (i dansk Word: »{danish}«)" if danish else ""
        raise ReferatError(
            f"Skabelonen {template_path} mangler typografien »{error.name}«{also}. "
            "Tilføj den i Word, gem skabelonen og prøv igen."
        ) from None
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


__all__ = [
    "DEFAULT_REVISION_AUTHOR",
    "ExportCancelled",
    "ExportWarning",
    "ReferatError",
    "Revision",
    "SUFFIXES",
    "document_bytes",
    "export_meeting",
]
