"""The program's log: a rotating file in the user's log folder, and the bugs that go into it.

A bug in KKR Desk is never the user's fault, so it is not shown as their mistake: the
traceback goes to the log file, and the user sees one Danish line (CLI) or a dialog (window)
that names the file, so they can send it to whoever looks after the program.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

import platformdirs

APP_NAME = "KKR Desk"
LOG_FILE_NAME = "kkr-desk.log"
LOG_DIR_VARIABLE = "KKR_DESK_LOG_DIR"
"""Set to a folder to keep the log there instead (the tests do, to leave the user's alone)."""
PROGRAM_ERROR = 1
"""Exit code after a bug (2 is a user's mistake)."""
MAX_BYTES = 1_000_000
BACKUP_COUNT = 3
"""At most four files of ~1 MB: months of tracebacks, never a full disk."""

logger = logging.getLogger("kkr_desk")
_handler: logging.FileHandler | None = None


def log_file_path() -> Path:
    """Where the log is written: the platform's user log folder, or $KKR_DESK_LOG_DIR."""
    folder = os.environ.get(LOG_DIR_VARIABLE)
    if folder:
        return Path(folder) / LOG_FILE_NAME
    return platformdirs.user_log_path(APP_NAME, appauthor=False) / LOG_FILE_NAME


def setup_logging() -> Path:
    """Send KKR Desk's log records to the rotating log file; returns the file's path.

    Called when the first record is written, not at start-up: logging.handlers brings the
    socket module (~20 ms) that a start without a bug need not pay for. Calling it again is
    harmless; a changed $KKR_DESK_LOG_DIR moves the log. When the folder cannot be made the
    program still runs, and its records fall back to stderr.
    """
    global _handler
    path = log_file_path()
    if _handler is not None and Path(_handler.baseFilename) == path.absolute():
        return path
    import logging.handlers

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError:
        return path
    handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8", delay=True
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    if _handler is not None:
        logger.removeHandler(_handler)
        _handler.close()
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    _handler = handler
    return path


def log_program_error(error: BaseException) -> str:
    """Write the bug's traceback to the log; returns the one Danish line that tells the user."""
    setup_logging()
    logger.error("program error", exc_info=(type(error), error, error.__traceback__))
    return program_error_text(error)


def program_error_text(error: BaseException) -> str:
    """``programfejl: <what> (detaljer i <log file>)``: the same words in the CLI and window."""
    what = f"{type(error).__name__}: {error}" if str(error) else type(error).__name__
    return f"programfejl: {what} (detaljer i {log_file_path()})"


def print_program_error(error: BaseException, text: str) -> None:
    """How the command line tells of a bug: the line on stderr, the traceback only in the log."""
    print(f"kkr-desk: {text}", file=sys.stderr)


ShowError = Callable[[BaseException, str], None]
"""Tells the user of a logged bug: the error and its ``programfejl`` line."""


def install_excepthooks(show: ShowError = print_program_error) -> None:
    """Log every exception nothing caught, in the main thread or any other, and show it.

    In the window a slot's exception ends here too (PySide hands it to sys.excepthook), so a
    bug in a save or a paint reaches the log and the dialog instead of vanishing on stderr.
    """

    def hook(
        kind: type[BaseException], error: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, tb)
            return
        show(error, log_program_error(error.with_traceback(tb)))

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit or args.exc_value is None:
            return
        show(args.exc_value, log_program_error(args.exc_value))

    sys.excepthook = hook
    threading.excepthook = thread_hook
