"""PDF through LibreOffice, where it is installed.

LibreOffice runs headless with a private, throw-away profile (a user's open LibreOffice
window or a broken profile cannot block it) and under a time limit.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

TIME_LIMIT = 120  # seconds; a referat converts in a few

_KNOWN_PLACES = {
    "win32": [
        Path(os.environ.get("PROGRAMFILES", r"C:\Program Files"))
        / "LibreOffice/program/soffice.exe",
        Path(os.environ.get("PROGRAMFILES(X86)", r"C:\Program Files (x86)"))
        / "LibreOffice/program/soffice.exe",
    ],
    "darwin": [Path("/Applications/LibreOffice.app/Contents/MacOS/soffice")],
}


NO_LIBREOFFICE = (
    "PDF kræver LibreOffice, som ikke er installeret på denne computer. "
    "Gem som .docx, eller installer LibreOffice (libreoffice.org) og prøv igen."
)


class PdfError(RuntimeError):
    """No PDF could be made; the message is for the user."""


def find_soffice() -> Path | None:
    """LibreOffice's command, on PATH or where its installer puts it."""
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return Path(found)
    for candidate in _KNOWN_PLACES.get(sys.platform, []):
        if candidate.is_file():
            return candidate
    return None


def docx_to_pdf(docx_bytes: bytes, *, time_limit: float = TIME_LIMIT) -> bytes:
    """The PDF of a .docx, as LibreOffice prints it."""
    soffice = find_soffice()
    if soffice is None:
        raise PdfError(NO_LIBREOFFICE)
    with tempfile.TemporaryDirectory(prefix="kkr-desk-pdf-") as work:
        folder = Path(work)
        source = folder / "dokument.docx"
        source.write_bytes(docx_bytes)
        profile = folder / "profil"
        command = [
            str(soffice),
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf:writer_pdf_Export",
            "--outdir",
            str(folder),
            str(source),
        ]
        _run(command, time_limit)
        result = folder / "dokument.pdf"
        if not result.is_file():
            raise PdfError("LibreOffice lavede ingen PDF. Gem som .docx og lav PDF'en i Word.")
        return result.read_bytes()


def _run(command: list[str], time_limit: float) -> None:
    """Run LibreOffice; on timeout end it and everything it started."""
    posix = os.name == "posix"
    process = subprocess.Popen(
        command,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=posix,
    )
    try:
        process.wait(timeout=time_limit)
    except subprocess.TimeoutExpired:
        if posix:
            import signal

            os.killpg(process.pid, signal.SIGKILL)
        else:
            process.kill()
        process.wait()
        raise PdfError(
            f"LibreOffice blev ikke færdig med PDF'en inden for {time_limit:g} sekunder."
        ) from None


def heading_pages(pdf_bytes: bytes) -> list[int]:
    """The page (from 1) of every bookmark of a PDF, in document order; [] if unreadable.

    LibreOffice turns the outline levels of Heading 1 and 2 into bookmarks, so these are
    the pages of the group and item headings as printed.
    """
    import io

    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(io.BytesIO(pdf_bytes))
        pages: list[int] = []

        def walk(entries) -> None:
            for entry in entries:
                if isinstance(entry, list):
                    walk(entry)
                else:
                    pages.append(reader.get_destination_page_number(entry) + 1)

        walk(reader.outline)
        return pages
    except (PyPdfError, ValueError, KeyError, TypeError):
        return []
