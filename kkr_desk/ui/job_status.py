"""The status bar's sign of a running job: what runs, a busy bar, and Annullér if it can be.

Add it once with ``statusBar().addPermanentWidget(JobStatus())``; ``show_job`` for each
job. It hides itself when the job ends, however it ends.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QSizePolicy, QWidget

from .jobs import Job


class JobStatus(QWidget):
    """A label, an indeterminate progress bar and an Annullér button, for one job."""

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
        self.hide()

    def show_job(self, job: Job, text: str) -> None:
        """Show ``text`` (e.g. "Eksporterer referat …") until ``job`` ends."""
        self._disconnect()
        self.job = job
        self.label.setText(text)
        self.cancel_button.setVisible(job.can_cancel)
        self.cancel_button.setEnabled(True)
        job.ended.connect(self._ended)
        self.show()

    def _cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()
            self.label.setText(self.tr("Annullerer …"))
            self.cancel_button.setEnabled(False)

    def _ended(self) -> None:
        self._disconnect()
        self.job = None
        self.hide()

    def _disconnect(self) -> None:
        if self.job is not None and shiboken6.isValid(self.job):
            try:
                self.job.ended.disconnect(self._ended)
            except (RuntimeError, TypeError):
                pass  # already gone
