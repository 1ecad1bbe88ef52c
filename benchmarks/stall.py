"""Longest UI-thread stall while an export, import or backup runs through the job runner.

Each kind in its own child (``child_stall``) on a fresh copy of the 100-item database;
the figure is the median over the runs of each run's longest gap between the stall
probe's 5 ms ticks (``kkr_desk.ui.stall_probe``), the worst run in the note.
"""

from __future__ import annotations

from .children import ChildFailed, run_child
from .report import Row, failed, verdict
from .stats import median
from .workspace import NORMAL_ITEMS, Workspace

STALL_TARGET_MS = 50.0
KINDS = (
    ("docx", f".docx export, {NORMAL_ITEMS} items"),
    ("pdf", f"PDF export, {NORMAL_ITEMS} items"),
    ("import", f"import of the {NORMAL_ITEMS}-item referat .docx"),
    ("backup", f"backup of the {NORMAL_ITEMS}-item database"),
)
PDF_RUNS = 1  # LibreOffice takes seconds a run


def measure(workspace: Workspace, runs: int) -> list[Row]:
    rows = []
    target = f"≤ {STALL_TARGET_MS:.0f} ms"
    for kind, what in KINDS:
        figure = f"Longest UI-thread stall: {what}"
        kind_runs = PDF_RUNS if kind == "pdf" else runs
        database = workspace.fresh_copy(workspace.db_100)
        try:
            result = run_child(
                "child_stall", kind, str(kind_runs), str(database), str(workspace.folder),
                timeout=300,
            )
        except ChildFailed as error:
            rows.append(failed(figure, target, error))
            continue
        data = result.report
        if "skipped" in data:
            rows.append(Row(figure, "skipped", target=target, note=data["skipped"]))
            continue
        if "error" in data:
            rows.append(failed(figure, target, data["error"]))
            continue
        stalls = data["stalls"]
        took = median(stalls)
        rows.append(
            Row(
                f"{figure} ({len(stalls)} run{'s' if len(stalls) > 1 else ''})",
                f"{took:.0f} ms",
                target=target,
                status=verdict(took <= STALL_TARGET_MS),
                note=_note(stalls, data["on_ui_thread"], data["stall_at"], data["took"]),
            )
        )
    return rows


def _note(
    stalls: list[float], on_ui_thread: list[float], stall_at: list[float], took: list[float]
) -> str:
    """Each run's stall, and how much of it the UI thread's own share (loading the
    meeting from the Store before the job starts) can explain."""
    each = ", ".join(f"{stall:.0f}" for stall in stalls)
    own = ", ".join(f"{share:.0f}" for share in on_ui_thread)
    when = ", ".join(f"{at / 1000:.1f}/{whole / 1000:.1f}" for at, whole in zip(stall_at, took))
    return (
        f"runs {each} ms; loading the meeting on the UI thread {own} ms; "
        f"the longest stall began at (s into the job / its length) {when}"
    )
