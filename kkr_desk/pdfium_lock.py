"""One thread in PDFium at a time, in the whole process.

PDFium is not thread-safe, not even with different documents (pypdfium2's documentation,
"Incompatibility with Threading"): two threads in it at once may crash the process. The
import reads a PDF in a background job while an export job may read the bookmarks of the
PDF it wrote, so every use of pypdfium2 holds ``PDFIUM`` from opening its document to
closing it.
"""

from __future__ import annotations

import threading

PDFIUM = threading.Lock()
