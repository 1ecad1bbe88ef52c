"""The status bar's sign of a running job: what runs, a busy bar, and Annullér if it can be.

Add it once with ``statusBar().addPermanentWidget(JobStatus())``; ``show_job`` for each
job. It shows the newest job still running: an import read during an export shows, and
when it ends the export (with its Annullér) shows again. It hides itself when the last
job ends, however it ends.
"""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QSizePolicy, QWidget

from .jobs import Job


class JobStatus(QWidget):
    """A label, an indeterminate progress bar and an Annullér button, for the newest job."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.label = QLabel()
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)  # indeterminate: an export cannot say how far it is
        self.bar.setMaximumWidth(120)
        self.bar.setTextVisible(False)
        self.cancel_button = QPushButton(self.tr("Annullér"))
        self.cancel_button.clicked.connect(self._cancel)
        # As wide as its word: the status bar would otherwise stretch it across the window.
        self.cancel_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel_button)
        self.job: Job | None = None
        """The job shown: the newest of those still running."""
        self._jobs: list[tuple[Job, str]] = []
        self.hide()

    def show_job(self, job: Job, text: str) -> None:
        """Show ``text`` (e.g. "Eksporterer referat …") until ``job`` ends."""
        self._jobs.append((job, text))
        job.ended.connect(self._ended)
        self._show_newest()

    def _show_newest(self) -> None:
        if not self._jobs:
            self.job = None
            self.hide()
            return
        self.job, text = self._jobs[-1]
        cancelling = self.job.cancel_requested
        self.label.setText(self.tr("Annullerer …") if cancelling else text)
        self.cancel_button.setVisible(self.job.can_cancel)
        self.cancel_button.setEnabled(not cancelling)
        self.show()

    def _cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()
            self.label.setText(self.tr("Annullerer …"))
            self.cancel_button.setEnabled(False)

    def _ended(self) -> None:
        self._jobs = [(job, text) for job, text in self._jobs if not job.is_done]
        self._show_newest()
