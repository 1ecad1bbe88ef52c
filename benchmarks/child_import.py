"""Child process: import a document several times and report the times and what came out.

``python -m benchmarks.child_import PATH RUNS`` times ``import_document(PATH)`` from the
call to the returned meeting; the first call (lazy imports included) counts like the rest.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from .children import report


def main() -> None:
    from kkr_desk.importer import import_document

    path, runs = Path(sys.argv[1]), int(sys.argv[2])
    times = []
    result = None
    for _ in range(runs):
        started = time.perf_counter()
        result = import_document(path)
        times.append(time.perf_counter() - started)
    meeting = getattr(result, "meeting", result)
    report({"times": times, "items": len(meeting.items) if meeting is not None else 0})


if __name__ == "__main__":
    main()
