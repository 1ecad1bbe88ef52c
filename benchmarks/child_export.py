"""Child process: export a generated meeting to .docx several times and report the times.

``python -m benchmarks.child_export (writer|naive) ITEMS[,ITEMS…] RUNS FOLDER`` generates
the meetings (not timed), then RUNS times exports each size in turn, timing each from the
call to the saved file (wall clock and this process's CPU time); taking turns lets a busy
moment of the machine hit every size alike. ``writer`` is KKR Desk's referat writer, ``naive`` the plain python-docx baseline.
The files are kept as FOLDER/<kind>-<ITEMS>.docx (the import figure reads one).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from .children import report
from .docx_baseline import write_naive_docx
from .generate import big_meeting, paragraph_count


def main() -> None:
    kind, runs, folder = sys.argv[1], int(sys.argv[3]), Path(sys.argv[4])
    sizes = [int(size) for size in sys.argv[2].split(",")]
    meetings = {size: big_meeting(size) for size in sizes}
    export = _writer() if kind == "writer" else write_naive_docx
    paths = {size: folder / f"{kind}-{size}.docx" for size in sizes}
    times: dict[int, list[float]] = {size: [] for size in sizes}
    cpu_times: dict[int, list[float]] = {size: [] for size in sizes}
    for _ in range(runs):
        for size in sizes:
            started, cpu_started = time.perf_counter(), time.process_time()
            export(meetings[size], paths[size])
            times[size].append(time.perf_counter() - started)
            cpu_times[size].append(time.process_time() - cpu_started)
    report(
        {
            "times": {str(size): values for size, values in times.items()},
            "cpu_times": {str(size): values for size, values in cpu_times.items()},
            "paragraphs": {str(size): paragraph_count(meetings[size]) for size in sizes},
            "paths": {str(size): str(path) for size, path in paths.items()},
        }
    )


def _writer():
    from kkr_desk.writer import export_meeting

    return lambda meeting, path: export_meeting(meeting, path)


if __name__ == "__main__":
    main()
