"""Opening the window must not pay for Word, Markdown or PDF libraries it does not use yet.

numpy is not on the list: sqlite-utils imports it wherever it is installed, and KKR Desk
does not hide it (docs/performance.md gives its cost); KKR Desk itself never needs it.
"""

from __future__ import annotations

import subprocess
import sys

CHECK = """
import sys
import kkr_desk.cli
import kkr_desk.ui.app
heavy = sorted(name for name in ("docx", "lxml", "markdown_it", "pypdf", "pypdfium2") if name in sys.modules)
print(",".join(heavy) or "none")
"""

FIRST_USE_ONLY = ("kkr_desk.ui.search_panel", "kkr_desk.ui.import_dialog")
"""Window modules whose Qt classes cost start-up time (the search panel's QStyle and text
layout classes ~80 ms) and that nothing shows before the user asks for them."""


def test_start_up_path_imports_no_document_libraries():
    result = subprocess.run(
        [sys.executable, "-c", CHECK], capture_output=True, text=True, check=True, timeout=60
    )

    assert result.stdout.strip() == "none"


def test_start_up_path_leaves_first_use_windows_unimported():
    check = "import sys, kkr_desk.cli, kkr_desk.ui.app\n" + (
        f"print(','.join(n for n in {FIRST_USE_ONLY!r} if n in sys.modules) or 'none')"
    )
    result = subprocess.run(
        [sys.executable, "-c", check], capture_output=True, text=True, check=True, timeout=60
    )

    assert result.stdout.strip() == "none"
