"""Item switch and typing, each from the key to the result painted (issue 16, targets 3, 4).

Measured in a child process with the real window offscreen on the 100-item meeting (see
child_paint); this side only turns its samples into rows.
"""

from __future__ import annotations

from .children import ChildFailed, run_child
from .report import Row, failed, millis, verdict
from .stats import percentile
from .workspace import Workspace

TARGET = 0.016
SWITCHES, KEYS = 60, 120
QUICK_SWITCHES, QUICK_KEYS = 30, 60


def measure(workspace: Workspace, runs: int) -> list[Row]:
    switch_figure = "Item switch Ctrl+Down → painted p99 (100 items)"
    key_figure = "Key → painted in Beslutning p99, autosave running"
    target = "≤ 16 ms"
    switches, keys = (SWITCHES, KEYS) if runs > 3 else (QUICK_SWITCHES, QUICK_KEYS)
    database = workspace.fresh_copy(workspace.db_100)
    try:
        data = run_child("child_paint", str(database), str(switches), str(keys), timeout=300).report
    except ChildFailed as error:
        return [failed(switch_figure, target, error), failed(key_figure, target, error)]
    rows = []
    for figure, samples, cpu, note in (
        (switch_figure, data["switches"], data["switch_cpu"],
         f"{len(data['switches'])} switches from item 1"),
        (key_figure, data["keys"], data["key_cpu"],
         f"{len(data['keys'])} keys at 8 a second, {data['saves']} autosaves among them"),
    ):
        p99 = percentile(samples, 99)
        rows.append(Row(
            figure, millis(p99), f"p50 {millis(percentile(samples, 50))}", "", target,
            verdict(p99 <= TARGET),
            f"{note}; the UI thread's own CPU time p50 {millis(percentile(cpu, 50))}, "
            f"p99 {millis(percentile(cpu, 99))} (wall time includes waiting for the CPU "
            "on a busy machine)",
        ))
    return rows
