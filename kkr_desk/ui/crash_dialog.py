"""The window's answer to a bug in KKR Desk: a Danish dialog that names the log file.

kkr_desk.logs writes the traceback; this module only tells the user, from whatever thread
the bug happened in, and never buries the window in one dialog per repeat of the same bug.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QMessageBox

from ..logs import install_excepthooks, log_file_path


class CrashReporter(QObject):
    """Shows the program-error dialog; ``report`` may be called from any thread."""

    _reported = Signal(str)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.dialog: QMessageBox | None = None
        # Queued even from the GUI thread: the dialog opens after the failing slot or paint
        # has unwound, not inside it.
        self._reported.connect(self._show, Qt.ConnectionType.QueuedConnection)

    def report(self, error: BaseException, text: str) -> None:
        self._reported.emit(text)

    def make_dialog(self, text: str) -> QMessageBox:
        box = QMessageBox(QApplication.activeWindow())
        box.setIcon(QMessageBox.Icon.Critical)
        box.setWindowTitle(self.tr("Programfejl"))
        box.setText(self.tr("Der er sket en fejl i KKR Desk – ikke i noget, du har gjort."))
        box.setInformativeText(
            self.tr(
                "Det seneste, du skrev, er måske ikke gemt. Kopiér det et andet sted hen, og "
                "start programmet igen.\n\nDetaljerne står i logfilen:\n%s\n\n"
                "Send gerne filen til den, der passer programmet."
            )
            % log_file_path()
        )
        box.setDetailedText(text)
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        return box

    def _show(self, text: str) -> None:
        if self.dialog is not None and self.dialog.isVisible():
            return  # one at a time; the log has every one
        self.dialog = self.make_dialog(text)
        self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog.destroyed.connect(self._forget)
        self.dialog.open()

    def _forget(self) -> None:
        self.dialog = None


def install_crash_dialog(app: QApplication) -> CrashReporter:
    """From now on an uncaught exception is logged and shown in the dialog."""
    reporter = CrashReporter(app)
    install_excepthooks(reporter.report)
    return reporter
