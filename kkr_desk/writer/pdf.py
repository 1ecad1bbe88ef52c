"""PDF through LibreOffice, where it is installed.

LibreOffice runs headless with a private, throw-away profile (a user's open LibreOffice
window or a broken profile cannot block it), in a work folder ``kkr-desk-pdf-*`` in the
temporary directory, under a time limit, and can be cancelled (``cancel``).

It never outlives the export: ``soffice_guard.py``, a small process between us and
LibreOffice, kills LibreOffice and everything it started when we close its input pipe
(cancel, time limit) or when our process dies, however it dies. A work folder left by a
killed export (it holds the whole referat) is removed by the next PDF export: each export
holds an OS lock on a file in its folder, so a folder whose lock is free is abandoned.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path


from ..bundle import GUARD_OPTION, is_frozen
from ..os_lock import FileLock
from ..pdfium_lock import PDFIUM
from .soffice_guard import end_tree

TIME_LIMIT = 120  # seconds; a referat converts in a few
WORK_PREFIX = "kkr-desk-pdf-"
_IN_USE = "i-brug.lock"
_UNMARKED_AFTER = 3600  # seconds: a work folder without a lock file (older versions)
_POLL = 0.05  # seconds between looks at the cancel button and the clock
_GUARD = Path(__file__).with_name("soffice_guard.py")


def known_places(platform: str = sys.platform, environ=os.environ) -> list[Path]:
    """Where LibreOffice's own installer puts soffice, for a program started without it on
    PATH (a Windows Start menu entry, a macOS app opened from Finder, a Linux menu)."""
    if platform == "win32":
        folders = [
            environ.get("PROGRAMFILES", r"C:\Program Files"),
            environ.get("PROGRAMFILES(X86)", r"C:\Program Files (x86)"),
        ]
        return [Path(folder) / "LibreOffice" / "program" / "soffice.exe" for folder in folders]
    if platform == "darwin":
        bundle = Path("LibreOffice.app/Contents/MacOS/soffice")
        return [Path("/Applications") / bundle, Path.home() / "Applications" / bundle]
    # libreoffice.org's own packages install to /opt/libreofficeX.Y; Snap and Flatpak
    # export a launcher that takes soffice's arguments.
    return [
        *sorted(Path("/opt").glob("libreoffice*/program/soffice"), reverse=True),
        Path("/snap/bin/libreoffice"),
        Path("/var/lib/flatpak/exports/bin/org.libreoffice.LibreOffice"),
    ]


_WHAT_TO_INSTALL = {
    "win32": "Installer LibreOffice fra libreoffice.org (den lægger sig i "
    "C:\\Program Files\\LibreOffice)",
    "darwin": "Installer LibreOffice fra libreoffice.org i Programmer (/Applications)",
}


def no_libreoffice_message(platform: str = sys.platform) -> str:
    """The Danish message for a PDF without LibreOffice, naming what to install here."""
    install = _WHAT_TO_INSTALL.get(
        platform, "Installer LibreOffice Writer (fx pakken libreoffice-writer)"
    )
    return (
        "PDF kræver LibreOffice, som ikke er installeret på denne computer. "
        f"{install}, og prøv igen – eller gem som .docx."
    )


NO_LIBREOFFICE = no_libreoffice_message()


class PdfError(RuntimeError):
    """No PDF could be made; the message is for the user."""


class PdfCancelled(PdfError):
    """The user cancelled the PDF; LibreOffice has been ended."""


def find_soffice(platform: str = sys.platform, environ=os.environ) -> Path | None:
    """LibreOffice's command, on PATH or where its installer puts it."""
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name, path=environ.get("PATH", os.defpath))
        if found:
            return Path(found)
    for candidate in known_places(platform, environ):
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return candidate
    return None


def docx_to_pdf(
    docx_bytes: bytes,
    *,
    time_limit: float = TIME_LIMIT,
    cancel: threading.Event | None = None,
) -> bytes:
    """The PDF of a .docx, as LibreOffice prints it.

    Setting ``cancel`` (from any thread) ends LibreOffice within a fraction of a second
    and raises PdfCancelled.
    """
    soffice = find_soffice()
    if soffice is None:
        raise PdfError(NO_LIBREOFFICE)
    remove_abandoned_work()
    with tempfile.TemporaryDirectory(prefix=WORK_PREFIX, ignore_cleanup_errors=True) as work:
        folder = Path(work)
        # Released before the folder is removed (Windows cannot remove an open file).
        with FileLock(folder / _IN_USE):
            source = folder / "dokument.docx"
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
            try:
                source.write_bytes(docx_bytes)
                _run(command, time_limit, cancel)
                result = folder / "dokument.pdf"
                if not result.is_file():
                    raise PdfError(
                        "LibreOffice lavede ingen PDF. Gem som .docx og lav PDF'en i Word."
                    )
                return result.read_bytes()
            except OSError as error:
                raise PdfError(
                    f"PDF'en kunne ikke laves i den midlertidige mappe {folder.parent} "
                    f"({error.strerror or error}). Gem som .docx, eller frigør plads og prøv igen."
                ) from error


def remove_abandoned_work() -> None:
    """Remove the work folders of PDF exports that were killed (each holds a whole referat).

    A folder is abandoned when no export holds the lock in it; one from a version before
    the lock is abandoned after an hour. Only our own real folders, never through a link.
    """
    uid = os.getuid() if hasattr(os, "getuid") else None
    for folder in Path(tempfile.gettempdir()).glob(f"{WORK_PREFIX}*"):
        try:
            info = folder.lstat()
            if not folder.is_dir() or folder.is_symlink():
                continue
            if uid is not None and info.st_uid != uid:
                continue
            marker = folder / _IN_USE
            if os.path.lexists(marker):
                lock = FileLock(marker)
                if not lock.acquire():
                    continue  # an export is working in it now
                lock.release()
            elif time.time() - info.st_mtime < _UNMARKED_AFTER:
                continue  # perhaps an export that has not taken its lock yet
            shutil.rmtree(folder, ignore_errors=True)
        except OSError:
            continue


def _run(command: list[str], time_limit: float, cancel: threading.Event | None) -> None:
    """Run LibreOffice under the guard; on cancel or timeout end it and all it started."""
    guard = _guard_command()
    guarded = guard is not None
    process = subprocess.Popen(
        [*guard, *command] if guarded else command,
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=os.name == "posix",  # a signal to our group leaves it to clean up
        creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0),
    )
    deadline = time.monotonic() + time_limit
    try:
        while True:
            try:
                process.wait(timeout=_POLL)
                return
            except subprocess.TimeoutExpired:
                pass
            if cancel is not None and cancel.is_set():
                raise PdfCancelled("PDF'en blev annulleret.")
            if time.monotonic() >= deadline:
                raise PdfError(
                    f"LibreOffice blev ikke færdig med PDF'en inden for {time_limit:g} sekunder."
                )
    finally:
        _stop(process, guarded)


def _guard_command() -> list[str] | None:
    """How to start soffice_guard.py: the bundle is its own Python and runs the guard when
    given GUARD_OPTION (cli.py); elsewhere Python runs the script, isolated. An embedded
    Python without an executable cannot start it: LibreOffice then runs directly, ended by
    us on cancel or timeout, but not if we are killed."""
    if is_frozen():
        return [sys.executable, GUARD_OPTION]
    if sys.executable and _GUARD.is_file():
        return [sys.executable, "-I", str(_GUARD)]
    return None


def _stop(process: subprocess.Popen, guarded: bool) -> None:
    """End LibreOffice's tree: the guard does it when its input closes, else we do."""
    try:
        process.stdin.close()
    except OSError:
        pass
    if process.poll() is not None:
        return
    if guarded:
        try:
            process.wait(timeout=5)
            return
        except subprocess.TimeoutExpired:
            pass  # a stuck guard: end what we can reach
    end_tree(process)
    process.wait()


def heading_pages(pdf_bytes: bytes) -> list[int]:
    """The page (from 1) of every bookmark of a PDF, in document order; [] if unreadable.

    LibreOffice turns the outline levels of Heading 1 and 2 into bookmarks, so these are
    the pages of the group and item headings as printed.
    """
    import pypdfium2

    with PDFIUM:  # PDFium is not thread-safe; an import job may be in it too
        try:
            document = pypdfium2.PdfDocument(pdf_bytes)
        except pypdfium2.PdfiumError:
            return []
        try:
            return [_bookmark_page(bookmark) for bookmark in document.get_toc()]
        except (pypdfium2.PdfiumError, ValueError):
            return []
        finally:
            document.close()


def _bookmark_page(bookmark) -> int:
    """The page (from 1) a bookmark opens; 0 when it points nowhere (as pypdf's -1 + 1 was)."""
    dest = bookmark.get_dest()
    index = dest.get_index() if dest is not None else None
    return index + 1 if index is not None else 0
