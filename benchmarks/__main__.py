"""Print every speed and memory figure of KKR Desk beside its baseline and target.

Usage: ``python -m benchmarks [--quick] [--only NAME …]`` from the checkout root; the
figures and how they are measured are described in docs/performance.md.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable

from . import commands, documents, keystroke, paint, search, stall, window_start
from .children import use_bytecode_cache
from .machine import machine_lines
from .report import Row, format_table
from .workspace import Workspace

GROUPS: dict[str, Callable[[Workspace, int], list[Row]]] = {
    "window": window_start.measure,
    "keystroke": keystroke.measure,
    "paint": paint.measure,
    "documents": documents.measure,
    "commands": commands.measure,
    "stall": stall.measure,
    "search": search.measure,
}
RUNS = 5
QUICK_RUNS = 3


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks",
        description="Print every speed and memory figure beside its baseline and target "
        "(docs/performance.md).",
    )
    parser.add_argument("--quick", action="store_true", help=f"{QUICK_RUNS} runs instead of {RUNS}")
    parser.add_argument("--only", nargs="+", choices=sorted(GROUPS), help="measure only these")
    args = parser.parse_args(argv)
    runs = QUICK_RUNS if args.quick else RUNS
    started = time.perf_counter()
    print("\n".join(machine_lines()))
    large = "one run" if args.quick else "two runs"
    print(
        f"Each figure: median of {runs} runs (start-up: {runs + 2}; the 1,000-item export: "
        f"{large}; keystrokes: every edit).\n",
        flush=True,
    )
    workspace = Workspace()
    use_bytecode_cache(workspace.path("pycache"))
    rows: list[Row] = []
    try:
        for name in args.only or GROUPS:
            rows += GROUPS[name](workspace, runs)
    finally:
        workspace.close()
    print(format_table(rows))
    print(f"\nWhole run: {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
