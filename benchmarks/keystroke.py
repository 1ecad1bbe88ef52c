"""Keystroke to disk: from typing in the Beslutning editor to the committed row.

Measured in a child process with the real window on the 100-item meeting (see
child_keystroke); this side only turns its samples into rows.
"""

from __future__ import annotations

from .children import ChildFailed, run_child
from .report import Row, failed, millis, not_built, verdict
from .stats import percentile
from .workspace import Workspace

EXTRA_TARGET = 0.005
BLOCK_TARGET = 0.016
EDITS = 40
QUICK_EDITS = 20


def measure(workspace: Workspace, runs: int) -> list[Row]:
    figure = "Keystroke to committed row"
    block_figure = "Longest UI-thread block while saving"
    target = "delay + ≤ 5 ms"
    block_target = "≤ 16 ms"
    edits = EDITS if runs > 3 else QUICK_EDITS
    database = workspace.fresh_copy(workspace.db_100)
    try:
        result = run_child("child_keystroke", str(database), str(edits), timeout=150)
    except ChildFailed as error:
        return [failed(figure, target, error), failed(block_figure, block_target, error)]
    data = result.report
    if "missing" in data:
        missing = data["missing"]
        return [not_built(figure, target, missing), not_built(block_figure, block_target, missing)]
    if "error" in data:
        error = data["error"]
        return [failed(figure, target, error), failed(block_figure, block_target, error)]
    delay = data["delay"]
    latencies = data["latencies"]
    blocks = data["blocks"]
    p50, p99 = percentile(latencies, 50), percentile(latencies, 99)
    longest = max(blocks)
    writes = data.get("writes") or [0.0]
    where = (
        f"the SQLite commit (WAL, synchronous=FULL) took {millis(percentile(writes, 50))} "
        f"p50, {millis(max(writes))} at most"
    )
    return [
        Row(
            f"{figure} p50 ({len(latencies)} edits)",
            millis(p50),
            f"delay {millis(delay)}",
            _extra(p50 - delay),
            target,
            verdict(p50 - delay <= EXTRA_TARGET),
        ),
        Row(
            f"{figure} p99",
            millis(p99),
            f"delay {millis(delay)}",
            _extra(p99 - delay),
            target,
            verdict(p99 - delay <= EXTRA_TARGET),
            where,
        ),
        Row(
            block_figure,
            millis(longest),
            target=block_target,
            status=verdict(longest <= BLOCK_TARGET),
        ),
    ]


def _extra(seconds_over: float) -> str:
    return f"{seconds_over * 1000:+.1f} ms"
