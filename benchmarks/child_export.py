"""Child process: export a generated meeting to .docx several times and report the times.

``python -m benchmarks.child_export (writer|naive) ITEMS RUNS FOLDER`` generates the
ITEMS-item meeting (not timed), then times each export from the call to the saved file.
``writer`` is KKR Desk's referat writer, ``naive`` the plain python-docx baseline. The last
file is kept as FOLDER/<kind>-<ITEMS>.docx for the import figure.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from .children import report
from .docx_baseline import write_naive_docx
from .generate import big_meeting, paragraph_count


def main() -> None:
    kind, items, runs, folder = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), Path(sys.argv[4])
    meeting = big_meeting(items)
    export = _writer() if kind == "writer" else write_naive_docx
    path = folder / f"{kind}-{items}.docx"
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        export(meeting, path)
        times.append(time.perf_counter() - started)
    report({"times": times, "paragraphs": paragraph_count(meeting), "path": str(path)})


def _writer():
    from kkr_desk.referat import export_meeting

    return lambda meeting, path: export_meeting(meeting, path)


if __name__ == "__main__":
    main()
